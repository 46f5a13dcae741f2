// The benchmark page. scripts/bench/run.mjs drives it through `window.bench`:
// the contestants run in one module worker (worker.js) that is terminated and
// replaced when a call runs past the limit; memory and render timings run on
// this page's own thread, as the real page does.
import init, { compare } from "/www/pkg/wirediff.js";

const inputs = "/artifacts/bench/inputs/";
let worker;
let nextId = 0;
const waiting = new Map();
let current = null; // { name, left, right } loaded into the worker
let config = {}; // what start() was given, for each worker's setup

async function text(file) {
  const response = await fetch(inputs + file);
  if (!response.ok) throw new Error(`cannot load ${file}`);
  return response.text();
}

function post(message) {
  const id = ++nextId;
  return new Promise((ok, fail) => {
    waiting.set(id, { ok, fail });
    worker.postMessage({ ...message, id });
  });
}

async function spawn() {
  worker?.terminate();
  for (const { fail } of waiting.values()) fail(new Error("worker replaced"));
  waiting.clear();
  worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  worker.onmessage = ({ data }) => {
    const w = waiting.get(data.id);
    if (!w) return;
    waiting.delete(data.id);
    data.error ? w.fail(new Error(data.error)) : w.ok(data.ok);
  };
  worker.onerror = (e) => {
    for (const { fail } of waiting.values()) fail(new Error(e.message || "worker error"));
    waiting.clear();
  };
  await post({ ...config, type: "setup" });
  if (current) await post({ type: "load", left: current.left, right: current.right });
}

/** Runs `message` in the worker; past `limitMs` the worker is replaced and `{ limit: true }` returned. */
async function bounded(message, limitMs) {
  let timer;
  const overrun = new Promise((ok) => (timer = setTimeout(() => ok({ limit: true }), limitMs)));
  const result = await Promise.race([post(message), overrun]);
  clearTimeout(timer);
  if (result.limit) await spawn();
  return result;
}

const memory = { instance: null, kept: null };

window.bench = {
  userAgent: navigator.userAgent,
  /** `options.against`: the folder of an earlier engine's package, for the contestant `before`. */
  async start(options = {}) {
    config = options;
    await spawn();
    return true;
  },
  async load(pair) {
    const [left, right] = await Promise.all([text(pair.left), text(pair.right)]);
    current = { name: pair.name, left, right };
    await post({ type: "load", left, right });
    return { left: left.length, right: right.length };
  },
  /** `k` calls in a row; the mean per call, or `{ limit: true }`. */
  time(contestant, k, limitMs) {
    return bounded({ type: "time", contestant, k }, limitMs * k);
  },
  check(contestant, limitMs) {
    return bounded({ type: "check", contestant }, limitMs);
  },

  // ---- on this page's thread ----

  /** Loads a pair into this page and instantiates the engine, untouched. */
  async memoryLoad(pair) {
    const [left, right] = await Promise.all([text(pair.left), text(pair.right)]);
    memory.instance = await init({ module_or_path: new URL("/www/pkg/wirediff_bg.wasm", import.meta.url) });
    memory.texts = { left, right };
    return { wasmBytes: memory.instance.memory.buffer.byteLength };
  },
  /** One comparison, the result kept alive; the wasm linear memory after it (it only grows). */
  memoryRun() {
    const { left, right } = memory.texts;
    const t0 = performance.now();
    memory.kept = compare(left, right);
    return { ms: performance.now() - t0, wasmBytes: memory.instance.memory.buffer.byteLength, ops: memory.kept.ops.length };
  },

  /**
   * A line of `chars` "x" with no space against a copy with its last 10
   * changed, compared here first (not timed), then drawn as the page draws
   * it (redlineChunks appended by appendProgressively) while a 0 ms timer
   * notes the longest gap between its ticks: the longest main-thread task
   * (script, style, layout, paint) until two frames after the last slice.
   */
  async longLine(chars) {
    const { redlineChunks } = await import("/www/render/redline.js");
    const { appendProgressively } = await import("/www/render/flow.js");
    await init({ module_or_path: new URL("/www/pkg/wirediff_bg.wasm", import.meta.url) });
    const left = "x".repeat(chars);
    const right = `${"x".repeat(chars - 10)}${"y".repeat(10)}`;
    const result = compare(left, right);
    const root = document.getElementById("redline");
    root.replaceChildren();
    const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    await frame();
    let longest = 0;
    let last = performance.now();
    let ticking = true;
    const tick = () => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      if (ticking) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    const t0 = performance.now();
    await appendProgressively(root, redlineChunks(document, result, left, right));
    void root.offsetHeight;
    await frame();
    await frame();
    const total = performance.now() - t0;
    ticking = false;
    await new Promise((ok) => setTimeout(ok, 10));
    const blocks = root.querySelectorAll(".wd-block");
    // a block's text, without the hidden "[inserted: …]" labels
    const shown = (block) => [...block.querySelectorAll(".wd-sr-only")].reduce((n, label) => n - label.textContent.length, block.textContent.length);
    const out = { longest, total, blocks: blocks.length, longestBlock: Math.max(...[...blocks].map(shown)) };
    root.replaceChildren();
    return out;
  },

  /** compare → render with the page's own module → layout → next frame, for one pair. */
  async paint(pair, runs) {
    const { renderRedline } = await import("/www/render/redline.js");
    await init({ module_or_path: new URL("/www/pkg/wirediff_bg.wasm", import.meta.url) });
    const [left, right] = await Promise.all([text(pair.left), text(pair.right)]);
    const root = document.getElementById("redline");
    const frame = () =>
      new Promise((ok) =>
        requestAnimationFrame(() => {
          const start = performance.now();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => ok([start, performance.now()]);
          channel.port2.postMessage(0);
        }),
      );
    const samples = [];
    for (let i = 0; i < runs; i++) {
      root.replaceChildren();
      await frame();
      const t0 = performance.now();
      const result = compare(left, right);
      const t1 = performance.now();
      root.replaceChildren(renderRedline(document, result, left, right));
      const t2 = performance.now();
      void root.offsetHeight; // style and layout now
      const t3 = performance.now();
      const [tFrame, tPainted] = await frame(); // the next frame starts; painted
      samples.push({
        compare: t1 - t0,
        render: t2 - t1,
        layout: t3 - t2,
        paint: tPainted - tFrame,
        work: t3 - t0 + (tPainted - tFrame),
        wait: tFrame - t3,
        total: tPainted - t0,
      });
    }
    return samples;
  },
};

document.getElementById("status").textContent = "ready";
