// The engine for the page and the <wire-diff> widget: the only importer of
// the wasm package (www/pkg/). It decides where a comparison runs: inputs up
// to WORKER_THRESHOLD UTF-16 code units (all texts together) on the main
// thread, larger ones in a module Web Worker (worker.js), which an
// AbortSignal cancels by ending that worker.
//
// The API, all of it:
//   ready()                          resolves once the wasm is loaded on the main thread
//   setWasmUrl(url)                  load the wasm from elsewhere (before the first use)
//   defaultOptions()                 the engine's options and their defaults (after ready())
//   supports(name)                   does the loaded engine export `name` ("compareMany", …)? (after ready())
//   usesWorker(texts)                would these texts (an array of strings) go to the worker?
//   compare(left, right, options?, { signal, worker }?)          → Promise<Comparison>
//   compareMany(source, versions, options?, { signal, worker }?) → Promise<ManyComparison>
//   WORKER_THRESHOLD
// `worker`: "auto" (default) | true | false. A cancelled call rejects with a
// DOMException named "AbortError"; one the engine failed (a panic: a bug; or
// running out of memory) with an Error named "EngineFailure" whose message
// says so, after which the engine is fresh again. Results are plain objects of
// the schema in the wasm package's wirediff.d.ts.
import init, * as wasm from "./pkg/wirediff.js";

/** Above this many UTF-16 code units (all texts together) a comparison runs in the worker. */
export const WORKER_THRESHOLD = 200_000;

let wasmUrl = new URL("./pkg/wirediff_bg.wasm", import.meta.url);
let compiling; // Promise<WebAssembly.Module>, shared by the main thread and every worker
let loading;

/**
 * Fetches the wasm from `url` instead of next to this module (for hosts and
 * bundles that serve assets elsewhere). Call before the engine loads.
 */
export function setWasmUrl(url) {
  const next = new URL(url, globalThis.document?.baseURI ?? import.meta.url);
  if ((loading || compiling) && next.href !== wasmUrl.href) {
    throw new Error(`the engine is already loading from ${wasmUrl.href}`);
  }
  wasmUrl = next;
}

/** The compiled module, compiled once and handed to each worker (no second download). */
function compiled() {
  compiling ??= (async () => {
    const response = await fetch(wasmUrl);
    if (!response.ok) throw new Error(`could not load the engine (${response.status} ${wasmUrl.pathname})`);
    return WebAssembly.compileStreaming ? WebAssembly.compileStreaming(response) : WebAssembly.compile(await response.arrayBuffer());
  })().catch((error) => {
    compiling = undefined;
    throw error;
  });
  return compiling;
}

/** Resolves once the wasm module is compiled and instantiated; after a failure, the next call tries again. */
export function ready() {
  loading ??= compiled()
    .then((module) => init({ module_or_path: module }))
    .catch((error) => {
      loading = undefined;
      throw error;
    });
  return loading;
}

/** The options every comparison starts from (call after ready()). */
export function defaultOptions() {
  return wasm.defaultOptions();
}

/** Whether the loaded engine exports `name`, e.g. "compareMany" (call after ready()). */
export function supports(name) {
  return typeof wasm[name] === "function";
}

/** Whether comparing `texts` (an array of strings) would run in the worker under `worker: "auto"`. */
export function usesWorker(texts) {
  let size = 0;
  for (const text of texts) size += text.length;
  return size > WORKER_THRESHOLD;
}

/** Compares `left` (the source) with `right` (the version to examine). */
export function compare(left, right, options, { signal, worker = "auto" } = {}) {
  return run("compare", [left, right, options], [left, right], signal, worker);
}

/** Compares each of `versions` with `source`, and every text with every other (the reuse matrix). */
export function compareMany(source, versions, options, { signal, worker = "auto" } = {}) {
  return run("compareMany", [source, versions, options], [source, ...versions], signal, worker);
}

function aborted(signal) {
  return signal?.reason instanceof DOMException ? signal.reason : new DOMException("The comparison was cancelled.", "AbortError");
}

async function run(name, args, texts, signal, worker) {
  if (signal?.aborted) throw aborted(signal);
  const offThread = worker === true || (worker === "auto" && usesWorker(texts));
  if (offThread) return inWorker(name, args, signal);
  await ready();
  if (signal?.aborted) throw aborted(signal);
  if (!supports(name)) throw new Error(`this engine has no ${name}()`);
  try {
    return wasm[name](...args);
  } catch (thrown) {
    const error = engineError(thrown?.name, thrown?.message ?? String(thrown));
    if (error.name === "EngineFailure") wasm.restart();
    throw error;
  }
}

/**
 * What a failed engine call rejects with. The binding refuses bad arguments
 * with a plain Error, which leaves the engine as it was. Anything else broke
 * it: a panic (an Error named "EnginePanic" that carries the panic's
 * message), a trap (a WebAssembly.RuntimeError, as running out of memory
 * gives) or a stack overflow. Its state is then undefined, so the instance is
 * not used again (restarted on this thread, ended in a worker) and the
 * caller gets an "EngineFailure" that says what happened.
 */
function engineError(name, message) {
  if (name === "Error") return new Error(message);
  const detail = name === "EnginePanic" ? message : `${name}: ${message}`;
  const error = new Error(
    `The comparison engine failed (an internal error: ${detail}). Your texts are kept; try again — if it happens again, please report it.`,
  );
  error.name = "EngineFailure";
  return error;
}

// --- the worker --------------------------------------------------------------

let idle; // one finished worker kept for the next job
let jobs = 0;

let workerPolicy; // Trusted Types policy for the worker's URL, made when first needed

/**
 * The worker script's URL, as a TrustedScriptURL where the page enforces
 * Trusted Types (require-trusted-types-for 'script'), else as a string. A
 * host whose CSP names its allowed policies must allow "wirediff-worker".
 */
function workerUrl() {
  const url = new URL("./worker.js", import.meta.url).href;
  if (!globalThis.trustedTypes?.createPolicy) return url;
  workerPolicy ??= trustedTypes.createPolicy("wirediff-worker", {
    createScriptURL: (given) => {
      if (given !== url) throw new TypeError(`wirediff-worker only vouches for ${url}`);
      return given;
    },
  });
  return workerPolicy.createScriptURL(url);
}

function spawn() {
  const w = new Worker(workerUrl(), { type: "module", name: "wirediff engine" });
  const started = compiled().then((module) => w.postMessage({ type: "init", module }));
  return { w, started };
}

async function inWorker(name, args, signal) {
  const slot = idle ?? spawn();
  idle = undefined;
  const id = ++jobs;
  await slot.started;
  return new Promise((resolve, reject) => {
    const chunks = new Map(); // path → items, reassembled in order
    const finish = () => {
      signal?.removeEventListener("abort", onAbort);
      slot.w.removeEventListener("message", onMessage);
      slot.w.removeEventListener("error", onError);
    };
    const onAbort = () => {
      finish();
      slot.w.terminate(); // the only way to stop a running wasm call
      reject(aborted(signal));
    };
    const onError = (event) => {
      finish();
      slot.w.terminate();
      reject(new Error(event.message || "the engine's worker failed"));
    };
    const onMessage = ({ data }) => {
      if (data.id !== id) return;
      if (data.type === "chunk") {
        const key = JSON.stringify(data.path);
        const list = chunks.get(key) ?? [];
        list.push(data.items);
        chunks.set(key, list);
        setTimeout(() => slot.w.postMessage({ type: "ack" }), 0); // the page's own tasks first
        return;
      }
      finish();
      const error = data.type === "error" ? engineError(data.name, data.message) : null;
      if (idle || error?.name === "EngineFailure") slot.w.terminate(); // a broken engine is never reused
      else idle = slot;
      if (error) {
        reject(error);
        return;
      }
      const value = data.value;
      for (const [key, lists] of chunks) attach(value, JSON.parse(key), lists.flat());
      resolve(value);
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    slot.w.addEventListener("message", onMessage);
    slot.w.addEventListener("error", onError);
    slot.w.postMessage({ type: "run", id, name, args });
  });
}

/** Puts a big array the worker sent in pieces back where it was in the result. */
function attach(value, path, items) {
  let node = value;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path.at(-1)] = items;
}
