// One fresh page of the first-calls benchmark (firstcalls.mjs drives it
// through `window.first`): wirediff as the page meets an editor, or one peer
// cold in a worker of its own.
import * as engine from "/www/engine.js";
import { listSamples, loadSample } from "/www/samples.js";
import { warmUp } from "/www/warm.js";

const text = async (file) => (await fetch(`/artifacts/bench/inputs/${file}`)).text();
const afterPaint = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

window.first = {
  /**
   * What app.js does, without drawing: the engine and the sample pair, its
   * comparison, the next frame, then the warm-up in idle time as app.js starts
   * it (unless `warm` is false: the page before it had one); `waitMs` later,
   * the editor's `calls` comparisons of the pair through
   * the engine (on this thread, or in its worker where the page would use it).
   */
  async wirediff(pair, { calls, waitMs, warm: warming = true }) {
    const [left, right] = await Promise.all([text(pair.left), text(pair.right)]);
    const samples = await listSamples();
    await engine.ready();
    const [a, b] = await Promise.all([loadSample(samples[0].file), loadSample(samples[1].file)]);
    await engine.compare(a, b);
    await afterPaint();
    const painted = performance.now();
    let warm = null;
    if (warming) warmUp(engine.compare, a, b).then((w) => (warm = { ...w, after: performance.now() - painted }));
    await sleep(waitMs);
    const times = [];
    for (let i = 0; i < calls; i++) {
      const t0 = performance.now();
      await engine.compare(left, right);
      times.push(performance.now() - t0);
    }
    return { times, warm, worker: engine.usesWorker([left, right]) };
  },

  /** `calls` calls of the peer `name` in a fresh worker (scripts/bench/worker.js); stops at the first past `limitMs`. */
  async peer(name, pair, { calls, limitMs }) {
    const [left, right] = await Promise.all([text(pair.left), text(pair.right)]);
    const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    let id = 0;
    const post = (message, ms) =>
      new Promise((ok, fail) => {
        const mine = ++id;
        const timer = setTimeout(() => ok({ limit: true }), ms);
        worker.onmessage = ({ data }) => {
          if (data.id !== mine) return;
          clearTimeout(timer);
          if (data.error) fail(new Error(data.error));
          else ok(data.ok);
        };
        worker.postMessage({ ...message, id: mine });
      });
    try {
      await post({ type: "setup" }, 60_000);
      await post({ type: "load", left, right }, 60_000);
      const times = [];
      for (let i = 0; i < calls; i++) {
        const r = await post({ type: "time", contestant: name, k: 1 }, limitMs);
        if (r.limit) return { times, limit: true };
        times.push(r.ms);
      }
      return { times };
    } finally {
      worker.terminate();
    }
  },
};

document.getElementById("status").textContent = "ready";
