// Types of engine.js, the engine API of the wirediff package (`wirediff/engine`).
// The result schema (Comparison, Op, Stats, …) is the wasm package's own.
import type { Comparison, ManyComparison, Options } from "./pkg/wirediff.js";

// Named one by one, not `export type *`, which TypeScript before 5.0 refuses
// (TS1383); tests/e2e/widget/ssr.test.mjs holds the list equal to the schema's
// (src/wasm/types.d.ts).
export type {
  Agency,
  BoilerplateRule,
  Comparison,
  Credit,
  CreditStatus,
  Fact,
  FactChange,
  FactKind,
  LeftLabel,
  ManyComparison,
  Move,
  Op,
  OpKind,
  Options,
  RightLabel,
  Sentence,
  SharedWords,
  Source,
  Span,
  Stats,
  Structure,
  Tally,
  Verdict,
} from "./pkg/wirediff.js";

/** Above this many UTF-16 code units (all texts together) a comparison runs in a Web Worker. */
export const WORKER_THRESHOLD: number;

export interface RunOptions {
  /** Cancels the comparison; the promise then rejects with a DOMException named "AbortError". */
  signal?: AbortSignal;
  /** Where it runs: "auto" (default: in the worker above WORKER_THRESHOLD), true (worker) or false (main thread). */
  worker?: "auto" | boolean;
}

/**
 * Sentences for a person, on a result (and on each of compareMany's, and on
 * the whole) when a text held lone UTF-16 surrogates: they were compared as
 * U+FFFD, which the result's texts show (one code unit each: offsets hold).
 * Left out when there is nothing to say.
 */
export interface Notices {
  notices?: string[];
}

/** The wasm at one URL, instantiated on the main thread and in its own workers. */
export interface Engine {
  readonly url: URL;
  ready(): Promise<unknown>;
  defaultOptions(): Options;
  checkOptions(options?: Partial<Options>): Options;
  supports(name: string): boolean;
  compare(left: string, right: string, options?: Partial<Options>, run?: RunOptions): Promise<Comparison & Notices>;
  compareMany(source: string, versions: readonly string[], options?: Partial<Options>, run?: RunOptions): Promise<ManyComparison & Notices>;
}

/** Resolves once the page's engine is loaded on the main thread; after a failure, the next call tries again. */
export function ready(): Promise<unknown>;

/** The page's engine: loads the wasm from `url` instead of next to engine.js. Engines chosen by engineAt() keep theirs. */
export function setWasmUrl(url: string | URL): void;

/**
 * Where the engine's Web Worker comes from: the URL of worker.js (a
 * cross-origin one is started from a same-origin blob: URL that imports it),
 * or a function that returns a new module Worker running it; null for the
 * default (worker.js next to engine.js, or where the bundler put it).
 */
export function setWorker(urlOrFactory: string | URL | (() => Worker) | null): void;

/**
 * The engine whose wasm is at `url` (default: the page's), made on first use
 * and kept; one that failed to load is forgotten, so the next use tries again.
 */
export function engineAt(url?: string | URL): Engine;

/** The options every comparison starts from (after ready()). */
export function defaultOptions(): Options;

/**
 * `options` over the defaults, as a comparison would use them (after
 * ready()); throws the Error a comparison would, naming the option and what
 * it accepts.
 */
export function checkOptions(options?: Partial<Options>): Options;

/** Whether the loaded engine exports `name`, e.g. "compareMany" (after ready()). */
export function supports(name: string): boolean;

/** Whether comparing `texts` would run in the worker under `worker: "auto"`. */
export function usesWorker(texts: readonly string[]): boolean;

/**
 * Compares `left` (the source) with `right` (the version to examine), each
 * lone UTF-16 surrogate as U+FFFD (see Notices). Rejects
 * with an Error for bad arguments, a DOMException named "AbortError" when
 * cancelled, and an Error named "EngineFailure" when the engine failed (a
 * panic, which is a bug, or running out of memory): its message says so and
 * the next call runs in a fresh engine.
 */
export function compare(left: string, right: string, options?: Partial<Options>, run?: RunOptions): Promise<Comparison & Notices>;

/** Compares each of `versions` with `source`, and every text with every other; rejects as compare() does. */
export function compareMany(
  source: string,
  versions: readonly string[],
  options?: Partial<Options>,
  run?: RunOptions,
): Promise<ManyComparison & Notices>;
