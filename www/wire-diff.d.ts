// Types of wire-diff.js, the <wire-diff> element class (`wirediff`), and of
// its events. Importing this module defines nothing; see wire-diff-define.js.
import type { Comparison, Options, Stats, Verdict } from "./engine.js";

export type View = "redline" | "side-by-side" | "provenance";

/** `detail` of `wirediff-rendered`: fired (bubbling, composed) after every render. */
export interface WireDiffRenderedDetail {
  /** The engine's statistics for the comparison shown. */
  stats: Stats;
  /** The engine's verdict: "wholly derived", "partially derived" or "not derived". */
  verdict: Verdict;
  /** How many changes `next()` / `previous()` step through. */
  changes: number;
  /** The view rendered. */
  view: View;
  /** The whole comparison (also `element.result`). */
  result: Comparison;
}

/**
 * `detail` of `wirediff-error`: fired (bubbling, composed) when a render fails,
 * and after `wirediff-rendered` when a text shown had its encoding guessed or
 * held lone UTF-16 surrogates, compared as U+FFFD (then `element.result` is
 * not null); the widget shows the same message and stays usable.
 */
export interface WireDiffErrorDetail {
  /** What went wrong, for a person: e.g. `Could not load the comparison text (compare-src="x.txt"): the server answered 404 Not Found.` */
  message: string;
}

export type WireDiffRenderedEvent = CustomEvent<WireDiffRenderedDetail>;
export type WireDiffErrorEvent = CustomEvent<WireDiffErrorDetail>;

/**
 * Where the widget's assets are, when they are not served next to the
 * modules (a CDN, a bundle). Call before the first widget renders. `wasmUrl`
 * is the engine of every widget that has no wasm-url of its own.
 */
export function configure(where: {
  stylesheetUrl?: string | URL;
  wasmUrl?: string | URL;
  /** worker.js, the engine's Web Worker, where it is served (a cross-origin one is started from a same-origin blob). */
  workerUrl?: string | URL;
  /** Or: a function that returns a new module Worker running worker.js. Not with workerUrl. */
  createWorker?: () => Worker;
}): void;

export class WireDiffElement extends HTMLElement {
  /**
   * Registers the element as `tag` (default "wire-diff") in `registry`
   * (default the page's customElements) unless the name is taken or the class
   * is registered already (for a second tag, define a subclass); returns
   * whether it did.
   */
  static define(tag?: string, registry?: CustomElementRegistry): boolean;
  static readonly observedAttributes: readonly string[];

  /** The source (wire) text. Wins over `source-src` and the light DOM; null to fall back to them. Default null. */
  source: string | null;
  /** The comparison (outlet) text. Wins over `compare-src` and the light DOM; null to fall back to them. Default null. */
  compare: string | null;
  /** Engine options, merged over the ones the attributes set. Default null. */
  options: Partial<Options> | null;
  /** Reflects `view`. Default "redline". */
  view: View | (string & {});
  /** Reflects `source-src`. Default null. */
  sourceSrc: string | null;
  /** Reflects `compare-src`. Default null. */
  compareSrc: string | null;
  /** Reflects `source-label`. Default null (shown as "Source"). */
  sourceLabel: string | null;
  /** Reflects `compare-label`. Default null (shown as "Comparison"). */
  compareLabel: string | null;
  /** Reflects `wasm-url`: this widget's engine. Default null (the page's: configure()'s, else the wasm next to engine.js). */
  wasmUrl: string | null;
  /** Reflects `src-timeout-s`: how long a `*-src` may take, in seconds (more than 0, at most 3600). Default null (30). */
  srcTimeoutS: string | number | null;
  /** Reflects `hide-boilerplate`. Default false. */
  hideBoilerplate: boolean;

  /** The comparison shown, or null before the first render and after an error. */
  readonly result: Comparison | null;

  /** Moves to the next change (wrapping around) and returns its index, or -1 when there are none. */
  next(): number;
  /** Moves to the previous change (wrapping around) and returns its index, or -1 when there are none. */
  previous(): number;

  addEventListener<K extends keyof WireDiffEventMap>(
    type: K,
    listener: (this: WireDiffElement, event: WireDiffEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof WireDiffEventMap>(
    type: K,
    listener: (this: WireDiffElement, event: WireDiffEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

export interface WireDiffEventMap extends HTMLElementEventMap {
  "wirediff-rendered": WireDiffRenderedEvent;
  "wirediff-error": WireDiffErrorEvent;
}

/**
 * The element's attributes as JSX writes them (`<wire-diff source-src="/wire.txt" view="side-by-side" />`),
 * for frameworks that read the global `JSX` namespace (Preact, Solid, React up to 18, and others);
 * React 19 reads `React.JSX`: see the guide. Boolean attributes are on when present.
 */
export interface WireDiffAttributes {
  "source-src"?: string;
  "compare-src"?: string;
  view?: View;
  "source-label"?: string;
  "compare-label"?: string;
  "hide-boilerplate"?: boolean | "";
  "ignore-case"?: boolean | "";
  "ignore-punctuation"?: boolean | "";
  "no-unify-quotes"?: boolean | "";
  "no-unify-dashes"?: boolean | "";
  "no-unify-whitespace"?: boolean | "";
  "time-budget-ms"?: number | string;
  "max-input-mb"?: number | string;
  "wasm-url"?: string;
  "src-timeout-s"?: number | string;
  id?: string;
  class?: string;
  className?: string;
  hidden?: boolean;
  slot?: string;
  key?: string | number;
  ref?: unknown;
  children?: unknown;
  [data: `data-${string}`]: string | undefined;
  [aria: `aria-${string}`]: string | undefined;
}

declare global {
  namespace JSX {
    interface IntrinsicElements {
      "wire-diff": WireDiffAttributes;
    }
  }
  interface HTMLElementTagNameMap {
    "wire-diff": WireDiffElement;
  }
  // The events bubble and are composed: any ancestor (or the document) can listen.
  interface HTMLElementEventMap {
    "wirediff-rendered": WireDiffRenderedEvent;
    "wirediff-error": WireDiffErrorEvent;
  }
  interface DocumentEventMap {
    "wirediff-rendered": WireDiffRenderedEvent;
    "wirediff-error": WireDiffErrorEvent;
  }
}
