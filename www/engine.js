// The engine for the page and the <wire-diff> widget: the only importer of
// the wasm package (www/pkg/). It decides where a comparison runs: inputs up
// to WORKER_THRESHOLD UTF-16 code units (all texts together) on the main
// thread, larger ones in a module Web Worker (worker.js), which an
// AbortSignal cancels by ending that worker.
//
// An engine is the wasm at one URL: each URL gets an instance of its own
// (its own copy of the glue on the main thread, its own workers), so whoever
// chooses one engine for one widget chooses nothing for the others, and an
// engine that failed to load is forgotten (the next use tries again).
//
// The API, all of it:
//   ready()                          resolves once the wasm is loaded on the main thread
//   setWasmUrl(url)                  the page's engine: load the wasm from elsewhere
//   setWorker(url | factory | null)  start the worker from elsewhere (default: worker.js next to this module)
//   engineAt(url?)                   the engine at `url` (default: the page's): an object with
//                                    ready, defaultOptions, checkOptions, supports, compare, compareMany
//   defaultOptions()                 the engine's options and their defaults (after ready())
//   checkOptions(options)            the options a comparison would use, or the Error it would throw (after ready())
//   supports(name)                   does the loaded engine export `name` ("compareMany", …)? (after ready())
//   usesWorker(texts)                would these texts (an array of strings) go to the worker?
//   compare(left, right, options?, { signal, worker }?)          → Promise<Comparison>
//   compareMany(source, versions, options?, { signal, worker }?) → Promise<ManyComparison>
//   WORKER_THRESHOLD
// `worker`: "auto" (default) | true | false. A cancelled call rejects with a
// DOMException named "AbortError"; one the engine failed (a panic: a bug; or
// running out of memory) with an Error named "EngineFailure" whose message
// says so, after which the engine is fresh again. Results are plain objects of
// the schema in the wasm package's wirediff.d.ts, plus `notices` (sentences
// for a person) when a text held lone UTF-16 surrogates, which are compared
// as U+FFFD.
import * as glue from "./pkg/wirediff.js";
import { decoding } from "./pkg/result.js";
import { messageOf } from "./messages.js";
import { wellFormed } from "./intake.js";

/** Above this many UTF-16 code units (all texts together) a comparison runs in the worker. */
export const WORKER_THRESHOLD = 200_000;
/** The longest the page decodes a result from the worker before it lets its own work (keys, timers) run. */
const SLICE_MS = 10;

const base = () => globalThis.document?.baseURI ?? import.meta.url;
let pageWasm = new URL("./pkg/wirediff_bg.wasm", import.meta.url);
const engines = new Map(); // wasm URL → Engine
let glueTaken = false; // the imported glue serves the first engine loaded here; any other gets a copy
let copies = 0;

/**
 * The page's engine: fetches the wasm from `url` instead of next to this
 * module (for hosts and bundles that serve assets elsewhere). Widgets with
 * their own wasm-url keep theirs.
 */
export function setWasmUrl(url) {
  pageWasm = new URL(url, base());
}

/** The engine whose wasm is at `url` (default: the page's), made on first use. */
export function engineAt(url = pageWasm) {
  const href = new URL(url, base()).href;
  let engine = engines.get(href);
  if (!engine) engines.set(href, (engine = new Engine(new URL(href))));
  return engine;
}

/** Resolves once the page's engine is compiled and instantiated; after a failure, the next call tries again. */
export const ready = () => engineAt().ready();

/** The options every comparison starts from (call after ready()). */
export const defaultOptions = () => engineAt().defaultOptions();

/** `options` over the defaults, as a comparison would use them; throws the Error a comparison would (after ready()). */
export const checkOptions = (options) => engineAt().checkOptions(options);

/** Whether the loaded engine exports `name`, e.g. "compareMany" (call after ready()). */
export const supports = (name) => engineAt().supports(name);

/** Compares `left` (the source) with `right` (the version to examine). */
export const compare = (left, right, options, run) => engineAt().compare(left, right, options, run);

/** Compares each of `versions` with `source`, and every text with every other (the reuse matrix). */
export const compareMany = (source, versions, options, run) => engineAt().compareMany(source, versions, options, run);

/** Whether comparing `texts` (an array of strings) would run in the worker under `worker: "auto"`. */
export function usesWorker(texts) {
  let size = 0;
  for (const text of texts) size += typeof text === "string" ? text.length : 0;
  return size > WORKER_THRESHOLD;
}

function aborted(signal) {
  return signal?.reason instanceof DOMException ? signal.reason : new DOMException("The comparison was cancelled.", "AbortError");
}

/** The wasm at one URL: compiled once, instantiated on this thread and in each of its workers. */
class Engine {
  #compiling; // Promise<WebAssembly.Module>, shared by this thread and every worker
  #loading;
  #wasm; // the glue's exports, once instantiated
  #idle; // one finished worker kept for the next job
  #jobs = 0;

  constructor(url) {
    this.url = url;
  }

  /** The compiled module, compiled once and handed to each worker (no second download). */
  compiled() {
    this.#compiling ??= (async () => {
      const response = await fetch(this.url);
      if (!response.ok) throw new Error(`could not load the engine (${response.status} ${this.url.pathname})`);
      return compile(response);
    })().catch((error) => {
      this.#forget();
      throw error;
    });
    return this.#compiling;
  }

  /** Resolves once instantiated on this thread; after a failure, the next call tries again. */
  ready() {
    this.#loading ??= this.compiled()
      .then(async (module) => {
        // The glue holds one instance: a second engine on this thread needs its own copy of it.
        const own = !glueTaken;
        glueTaken = true;
        try {
          const copy = own ? glue : await import(`${new URL("./pkg/wirediff.js", import.meta.url).href}?engine=${++copies}`);
          await copy.default({ module_or_path: module });
          this.#wasm = copy;
        } catch (error) {
          if (own) glueTaken = false;
          throw error;
        }
      })
      .catch((error) => {
        this.#forget();
        throw error;
      });
    return this.#loading;
  }

  /** A load that failed is not kept: neither here nor in the engines of the page. */
  #forget() {
    this.#compiling = this.#loading = undefined;
    if (engines.get(this.url.href) === this) engines.delete(this.url.href);
  }

  defaultOptions() {
    return this.#wasm.defaultOptions();
  }

  checkOptions(options) {
    return this.#wasm.checkOptions(options);
  }

  supports(name) {
    return typeof this.#wasm?.[name] === "function";
  }

  compare(left, right, options, { signal, worker = "auto" } = {}) {
    const notices = [];
    const args = [repaired(left, "left", notices), repaired(right, "right", notices), options];
    return this.#run("compare", args, args.slice(0, 2), signal, worker, notices);
  }

  compareMany(source, versions, options, { signal, worker = "auto" } = {}) {
    const notices = [];
    const list = Array.isArray(versions) ? [...versions] : null; // a sparse array's holes become undefined: the binding names them
    const args = [repaired(source, "source", notices), list?.map((v, i) => repaired(v, `versions[${i}]`, notices)) ?? versions, options];
    return this.#run("compareMany", args, [args[0], ...(list ? args[1] : [undefined])], signal, worker, notices);
  }

  async #run(name, args, texts, signal, worker, notices) {
    if (signal?.aborted) throw aborted(signal);
    // What is not a string goes to the binding on this thread, whose type check names it.
    const strings = texts.every((text) => typeof text === "string");
    const offThread = strings && (worker === true || (worker === "auto" && usesWorker(texts)));
    const result = await (offThread ? this.#inWorker(name, args, texts, signal) : this.#here(name, args, signal));
    if (notices.length) result.notices = notices;
    return result;
  }

  async #here(name, args, signal) {
    await this.ready();
    if (signal?.aborted) throw aborted(signal);
    if (!this.supports(name)) throw new Error(`this engine has no ${name}()`);
    try {
      return this.#wasm[name](...args);
    } catch (thrown) {
      const error = engineError(thrown?.name, messageOf(thrown));
      if (error.name === "EngineFailure") this.#wasm.restart();
      throw error;
    }
  }

  #spawn() {
    const slot = startWorker();
    slot.started = slot.failed ? Promise.resolve() : this.compiled().then((module) => slot.w.postMessage({ type: "init", module }));
    return slot;
  }

  async #inWorker(name, args, texts, signal) {
    const slot = this.#idle ?? this.#spawn();
    this.#idle = undefined;
    const id = ++this.#jobs;
    try {
      await slot.started;
    } catch (error) {
      slot.w.terminate(); // the engine did not load: this worker has nothing to run
      slot.unwatch();
      throw error;
    }
    if (slot.failed) throw await workerProblem(slot, slot.failed);
    return new Promise((resolve, reject) => {
      const finish = () => {
        signal?.removeEventListener("abort", onAbort);
        slot.w.removeEventListener("message", onMessage);
        slot.w.removeEventListener("error", onError);
        slot.unwatch();
      };
      const onAbort = () => {
        finish();
        slot.w.terminate(); // the only way to stop a running wasm call
        reject(aborted(signal));
      };
      const onError = async (event) => {
        finish();
        slot.w.terminate();
        reject(await workerProblem(slot, event));
      };
      const onMessage = ({ data }) => {
        if (data.id !== id) return;
        finish();
        const error = data.type === "error" ? engineError(data.name, data.message) : null;
        if (this.#idle || error?.name === "EngineFailure") slot.w.terminate(); // a broken engine is never reused
        else this.#idle = slot;
        if (error) {
          reject(error);
          return;
        }
        sliced(decoding(name, data.words, texts), signal).then(resolve, reject);
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener("abort", onAbort, { once: true });
      slot.w.addEventListener("message", onMessage);
      slot.w.addEventListener("error", onError);
      slot.w.postMessage({ type: "run", id, name, args });
    });
  }
}

/**
 * The wasm compiled as it downloads where the server labels it
 * application/wasm, as compileStreaming requires (the whole header, no
 * parameters); else from its bytes, which is slower and needs the whole file
 * first, with one console warning that says how to fix the server. Many
 * servers and CDNs do not know the type, and the engine should load there too.
 */
async function compile(response) {
  const type = response.headers.get("Content-Type");
  if (WebAssembly.compileStreaming && type?.trim().toLowerCase() === "application/wasm") {
    return WebAssembly.compileStreaming(response);
  }
  if (WebAssembly.compileStreaming) {
    console.warn(
      `wirediff: ${response.url} is served as ${type ? `"${type}"` : "no type"}, not "application/wasm": the engine was compiled from its bytes, which is slower. Serve .wasm files as application/wasm.`,
    );
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/** `text` with U+FFFD for each lone UTF-16 surrogate, and a notice naming `name` when there were any. */
function repaired(text, name, notices) {
  if (typeof text !== "string") return text;
  const { text: fixed, notice } = wellFormed(text, `The ${name} text`);
  if (notice) notices.push(notice);
  return fixed;
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

let workerPolicy; // Trusted Types policy for the worker's URL, made when first needed
const vouched = new Set(); // the script URLs the policy was asked for, by this module alone
let chosenWorker = null; // setWorker()'s URL or factory
const blobs = new Map(); // cross-origin worker URL → the blob: URL of a same-origin worker that imports it

/**
 * Where the engine's worker comes from, for hosts and builds that serve it
 * elsewhere: the URL of worker.js (as shipped, or as a bundle made it), or a
 * function that returns a new Worker running it (the host then owns Trusted
 * Types and CSP for it); null for the default, next to this module.
 */
export function setWorker(urlOrFactory) {
  if (urlOrFactory != null && typeof urlOrFactory !== "function") urlOrFactory = new URL(urlOrFactory, base());
  chosenWorker = urlOrFactory ?? null;
}

/**
 * worker.js's URL and the options to start it with, as this module's build
 * made them. Vite, webpack and Parcel recognise `new Worker(new URL("…",
 * import.meta.url), …)`, bundle the worker with its imports and rewrite the
 * URL (and the type, when they bundle it as a classic script); a stand-in
 * Worker records what they wrote without starting one, so that the real one
 * can be started with a Trusted Types script URL, or from a blob when the
 * URL is cross-origin. Unbundled (and in esbuild, which leaves the line
 * alone) the URL is the worker.js next to this module.
 */
function builtWorker() {
  const Real = globalThis.Worker;
  let made;
  globalThis.Worker = function Recorder(url, options) {
    made = { url: new URL(String(url), base()), options: { ...options } };
  };
  try {
    new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  } finally {
    globalThis.Worker = Real;
  }
  return made;
}

/**
 * `url` as a TrustedScriptURL where the page enforces Trusted Types
 * (require-trusted-types-for 'script'), else as a string. A host whose CSP
 * names its allowed policies must allow "wirediff-worker".
 */
function trusted(url) {
  if (!globalThis.trustedTypes?.createPolicy) return url;
  // eslint-disable-next-line compat/compat -- tested for on the line above
  workerPolicy ??= trustedTypes.createPolicy("wirediff-worker", {
    createScriptURL: (given) => {
      if (!vouched.has(given)) throw new TypeError(`wirediff-worker only vouches for the engine's worker, not ${given}`);
      return given;
    },
  });
  vouched.add(url);
  return workerPolicy.createScriptURL(url);
}

/**
 * A URL the page may start a worker from: `url` itself when same-origin; for
 * one on another origin (a CDN), which no browser starts a worker from, a
 * blob: URL of a same-origin module worker that imports it (the asset host
 * must then allow CORS, and the page's CSP blob: workers).
 */
function sameOrigin(url) {
  const origin = globalThis.location?.origin;
  if (!origin || url.origin === origin || url.protocol === "blob:" || url.protocol === "data:") return url.href;
  let blob = blobs.get(url.href);
  if (!blob) {
    const code = `import ${JSON.stringify(url.href)};\n`;
    blob = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
    blobs.set(url.href, blob);
  }
  return blob;
}

/**
 * A new worker, watched for the page's Content-Security-Policy refusing it
 * (which the worker's own error event does not say): `{ w, blocked, unwatch }`,
 * or `{ failed }` when it could not even be made.
 */
function startWorker() {
  const slot = { blocked: false, unwatch: () => {} };
  let make;
  try {
    if (typeof chosenWorker === "function") {
      make = chosenWorker;
    } else {
      const built = chosenWorker ? { url: chosenWorker, options: { type: "module" } } : builtWorker();
      const url = sameOrigin(built.url);
      slot.url = url;
      make = () => new Worker(trusted(url), { ...built.options, name: "wirediff engine" });
    }
  } catch (error) {
    slot.failed = error;
    return slot;
  }
  const doc = globalThis.document;
  if (doc && slot.url) {
    const watch = (event) => {
      if (event.effectiveDirective === "worker-src" && slot.url.startsWith(event.blockedURI)) slot.blocked = true;
    };
    doc.addEventListener("securitypolicyviolation", watch);
    slot.unwatch = () => doc.removeEventListener("securitypolicyviolation", watch);
  }
  try {
    slot.w = make();
    if (!(slot.w instanceof EventTarget) || typeof slot.w.postMessage !== "function") {
      throw new TypeError("the worker factory given to setWorker() did not return a Worker");
    }
  } catch (error) {
    slot.failed = error;
  }
  return slot;
}

/** Why a worker failed, in words: the CSP when it refused the worker, else what the worker said. */
async function workerProblem(slot, event) {
  // The violation is reported in a task of its own: let it arrive.
  await new Promise((resolve) => setTimeout(resolve, 0));
  slot.unwatch();
  if (slot.blocked || event?.name === "SecurityError") {
    return new Error(
      `the page's Content-Security-Policy does not allow the engine's worker (worker-src), which compares texts over ${WORKER_THRESHOLD.toLocaleString("en")} characters`,
    );
  }
  // A worker whose script or one of its imports did not load fires a bare Event, which says nothing.
  const said = event instanceof Event && typeof event.message !== "string" ? "" : messageOf(event);
  return new Error(said || "the engine's worker could not load its script or a module it imports");
}

/** Runs the steps of a decoding in slices, each a task of its own, until done or `signal` aborts. */
async function sliced(steps, signal) {
  for (;;) {
    const until = performance.now() + SLICE_MS;
    while (performance.now() < until) {
      const step = steps.next();
      if (step.done) return step.value;
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (signal?.aborted) throw aborted(signal);
  }
}
