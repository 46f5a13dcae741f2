// Types of engine.js, the engine API of the wirediff package (`wirediff/engine`).
// The result schema (Comparison, Op, Stats, …) is the wasm package's own.
import type { Comparison, ManyComparison, Options } from "./pkg/wirediff.js";

export type * from "./pkg/wirediff.js";

/** Above this many UTF-16 code units (all texts together) a comparison runs in a Web Worker. */
export const WORKER_THRESHOLD: number;

export interface RunOptions {
  /** Cancels the comparison; the promise then rejects with a DOMException named "AbortError". */
  signal?: AbortSignal;
  /** Where it runs: "auto" (default: in the worker above WORKER_THRESHOLD), true (worker) or false (main thread). */
  worker?: "auto" | boolean;
}

/** Resolves once the wasm is loaded on the main thread; after a failure, the next call tries again. */
export function ready(): Promise<unknown>;

/** Loads the wasm from `url` instead of next to engine.js; call before the engine loads. */
export function setWasmUrl(url: string | URL): void;

/** The options every comparison starts from (after ready()). */
export function defaultOptions(): Options;

/** Whether the loaded engine exports `name`, e.g. "compareMany" (after ready()). */
export function supports(name: string): boolean;

/** Whether comparing `texts` would run in the worker under `worker: "auto"`. */
export function usesWorker(texts: readonly string[]): boolean;

/**
 * Compares `left` (the source) with `right` (the version to examine). Rejects
 * with an Error for bad arguments, a DOMException named "AbortError" when
 * cancelled, and an Error named "EngineFailure" when the engine failed (a
 * panic, which is a bug, or running out of memory): its message says so and
 * the next call runs in a fresh engine.
 */
export function compare(left: string, right: string, options?: Partial<Options>, run?: RunOptions): Promise<Comparison>;

/** Compares each of `versions` with `source`, and every text with every other; rejects as compare() does. */
export function compareMany(
  source: string,
  versions: readonly string[],
  options?: Partial<Options>,
  run?: RunOptions,
): Promise<ManyComparison>;
