// The engine off the main thread (a module worker started by engine.js).
// Messages in: {type:"init", module} once (the compiled wasm), then
// {type:"run", id, name, args}. Out: {id, type:"done", words}, the result as
// the engine's numbers (a Uint32Array whose buffer is transferred, not
// copied), which the page decodes with the same decoder as its own calls
// (pkg/result.js), or {id, type:"error", name, message} (the thrown error's;
// engine.js tells a refusal from a failure by it).
import init, * as wasm from "./pkg/wirediff.js";
import { numbersOf } from "./pkg/result.js";

let loaded;

self.addEventListener("message", async ({ data }) => {
  if (data.type === "init") {
    loaded = init({ module_or_path: data.module });
    return;
  }
  const { id, name, args } = data;
  try {
    await loaded;
    if (typeof wasm[name] !== "function") throw new Error(`this engine has no ${name}()`);
    const { words } = numbersOf(() => wasm[name](...args));
    self.postMessage({ id, type: "done", words }, [words.buffer]);
  } catch (error) {
    self.postMessage({ id, type: "error", name: error?.name, message: error?.message ?? String(error) });
  }
});
