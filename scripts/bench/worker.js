// The benchmark's timing loop: one module worker runs every contestant, so
// they share one thread, one heap and one JIT. The page terminates it when a
// call runs past the limit.
import { CONTESTANTS, changes, lossless } from "./contestants.js";

let left = "";
let right = "";

const handlers = {
  async setup(msg) {
    for (const c of Object.values(CONTESTANTS)) await c.setup?.(msg);
    return {};
  },
  load(msg) {
    ({ left, right } = msg);
    return {};
  },
  /** Times `k` back-to-back calls; returns the mean per call in ms. */
  time({ contestant, k }) {
    const run = CONTESTANTS[contestant].run;
    let sink = 0;
    const t0 = performance.now();
    for (let i = 0; i < k; i++) {
      const result = run(left, right);
      sink += result.length ?? result.ops.length;
    }
    const ms = (performance.now() - t0) / k;
    return { ms, sink };
  },
  /** One untimed call: what the result looks like. */
  check({ contestant }) {
    const t0 = performance.now();
    const result = CONTESTANTS[contestant].run(left, right);
    const ms = performance.now() - t0;
    const out = { ms, changes: changes(contestant, result), timedOut: CONTESTANTS[contestant].timedOut?.(ms) ?? false, lossless: lossless(contestant, result, left, right) };
    if (CONTESTANTS[contestant].comparison) out.approximate = result.approximate;
    return out;
  },
};

self.onmessage = async ({ data }) => {
  try {
    self.postMessage({ id: data.id, ok: await handlers[data.type](data) });
  } catch (e) {
    self.postMessage({ id: data.id, error: `${e?.message ?? e}` });
  }
};
