// The engine off the main thread (a module worker started by engine.js).
// Messages in: {type:"init", module} once (the compiled wasm), then
// {type:"run", id, name, args}. Out: {id, type:"chunk", path, items} for the
// pieces of each big array of the result, each answered by {type:"ack"} (so
// the page receives it in many small tasks with its own work between them,
// not in one long one), then {id, type:"done", value} or {id, type:"error", name,
// message} (the thrown error's; engine.js tells a refusal from a failure by it).
import init, * as wasm from "./pkg/wirediff.js";

const CHUNK = 500;
let loaded;

/** Replaces arrays longer than CHUNK by [] and lists them to be sent in pieces. */
function detach(value, path, out) {
  if (Array.isArray(value)) {
    if (value.length > CHUNK) {
      out.push([path, value]);
      return [];
    }
    if (value.length <= 64) return value.map((item, i) => detach(item, [...path, i], out));
    return value;
  }
  if (value !== null && typeof value === "object") {
    const copy = {};
    for (const key of Object.keys(value)) copy[key] = detach(value[key], [...path, key], out);
    return copy;
  }
  return value;
}

let acked = () => {};

self.addEventListener("message", async ({ data }) => {
  if (data.type === "init") {
    loaded = init({ module_or_path: data.module });
    return;
  }
  if (data.type === "ack") {
    acked();
    return;
  }
  const { id, name, args } = data;
  try {
    await loaded;
    if (typeof wasm[name] !== "function") throw new Error(`this engine has no ${name}()`);
    const result = wasm[name](...args);
    const big = [];
    const value = detach(result, [], big);
    for (const [path, items] of big) {
      for (let i = 0; i < items.length; i += CHUNK) {
        // one piece at a time: the page takes each in a task of its own and
        // answers when it has had a turn for its own work (typing, timers)
        const turn = new Promise((resolve) => (acked = resolve));
        self.postMessage({ id, type: "chunk", path, items: items.slice(i, i + CHUNK) });
        await turn;
      }
    }
    self.postMessage({ id, type: "done", value });
  } catch (error) {
    self.postMessage({ id, type: "error", name: error?.name, message: error?.message ?? String(error) });
  }
});
