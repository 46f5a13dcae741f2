// <wire-diff>: the embeddable widget. This module only exports the element
// class and `configure`; it defines nothing and touches no global.
// wire-diff-define.js registers the tag. Rendering is shared with the page
// (render/*.js, wirediff.css); article text only ever becomes text nodes.
import { engineAt, setWasmUrl, setWorker } from "./engine.js";
import { couldNotCompare, messageOf, unknownView } from "./messages.js";
import { MB, neededMb } from "./intake.js";
import { ChangeNavigator, keyStep } from "./navigation.js";
import { appendProgressively, plural } from "./render/flow.js";
import { changeList } from "./render/marks.js";
import { creditWords } from "./render/credits.js";
import { sourcesPanel } from "./sources-panel.js";
import { VIEWS, viewNamed } from "./views.js";
import { OPTION_ATTRIBUTES, SIDES, SRC_TIMEOUT_S, WidgetError, checkedTexts, copyOptions, dropDownload, engineOptions, givenText, numberAttribute, wasmUrlOf } from "./widget-inputs.js";
import { SOURCES_ID, buildParts, element } from "./widget-parts.js";

let stylesheetUrl = new URL("./wirediff.css", import.meta.url);

/**
 * Where the widget's assets are, for hosts (and bundles) that serve them
 * somewhere other than next to this module. Call before the first widget
 * renders; `wasmUrl` is the engine of every widget without a wasm-url of its own;
 * `workerUrl` (worker.js, wherever it is served) or `createWorker` (a function
 * that returns a new Worker running it) is where the engine's worker comes from.
 * @param {{ stylesheetUrl?: string | URL, wasmUrl?: string | URL, workerUrl?: string | URL, createWorker?: () => Worker }} where
 */
export function configure({ stylesheetUrl: css, wasmUrl, workerUrl, createWorker } = {}) {
  if (workerUrl != null && createWorker != null) throw new TypeError("configure(): give workerUrl or createWorker, not both");
  if (css != null) stylesheetUrl = new URL(css, document.baseURI);
  if (wasmUrl != null) setWasmUrl(new URL(wasmUrl, document.baseURI));
  if (createWorker != null) {
    if (typeof createWorker !== "function") throw new TypeError("configure(): createWorker must be a function that returns a new Worker");
    setWorker(createWorker);
  }
  if (workerUrl != null) setWorker(new URL(workerUrl, document.baseURI));
}

/** Properties a page may have set before the element was defined. */
const PROPERTIES = ["source", "compare", "options", "hideBoilerplate", "sourceSrc", "compareSrc", "view", "sourceLabel", "compareLabel", "wasmUrl", "srcTimeoutS"];

// Server rendering imports this module where there is no DOM: the class is
// then declared over an empty base and never constructed, so importing it
// throws nothing and defines nothing.
const Base = globalThis.HTMLElement ?? class {};

export class WireDiffElement extends Base {
  /**
   * Registers the element as `tag` in `registry` (a scoped registry, say)
   * unless that name is taken already (by this or another copy) or this class
   * is registered under another (a registry takes a class once: to have a
   * second tag, define a subclass); returns whether it did.
   */
  static define(tag = "wire-diff", registry = customElements) {
    if (registry.get(tag) || registry.getName?.(this)) return false;
    registry.define(tag, this);
    return true;
  }

  static observedAttributes = ["source-src", "compare-src", "view", "source-label", "compare-label", "wasm-url", "hide-boilerplate", ...Object.keys(OPTION_ATTRIBUTES), "src-timeout-s"];

  #source = null;
  #compare = null;
  #options = null; // { given, copy } or { given, problem }: read once, when set
  #result = null;
  #queued = false;
  #run = 0;
  #fetched = { source: null, compare: null };
  #nav;
  #styled;
  #revealing;
  #abort;
  #parts;
  #observer;
  #shown = null; // { result, left, right, labels } of the view drawn
  #sources;

  constructor() {
    super();
    const doc = this.ownerDocument;
    const root = this.attachShadow({ mode: "open" });
    const parts = buildParts(doc, { previous: () => this.previous(), next: () => this.next(), keydown: (event) => this.#keydown(event), follow: (event) => this.#follow(event) });
    root.append(parts.frame);
    this.#parts = { root, ...parts };
    this.#sources = sourcesPanel(parts.body, parts.sources, () => this.#shown);
    this.#nav = new ChangeNavigator(parts.body);
    this.#observer = new MutationObserver(() => this.#schedule());

    // Properties set before the element was upgraded sit on the instance and
    // would shadow the accessors: move them through the accessors.
    for (const name of PROPERTIES) {
      if (Object.hasOwn(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
  }

  connectedCallback() {
    // Light-DOM inputs may be edited (or still be parsed): re-render when they change.
    this.#observer.observe(this, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["slot", "data-wirediff"] });
    this.#schedule();
  }

  disconnectedCallback() {
    this.#observer.disconnect();
    this.#run++; // what is under way is not wanted now; connecting again renders anew
    this.#abort?.abort();
    dropDownload(this.#fetched, "source");
    dropDownload(this.#fetched, "compare");
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    this.#schedule(); // first: the render a download's end would wake is then already stale
    if (name === "source-src") dropDownload(this.#fetched, "source");
    if (name === "compare-src") dropDownload(this.#fetched, "compare");
  }

  /** The source (wire) text; when set, wins over `source-src` and the light DOM. */
  get source() {
    return this.#source;
  }
  set source(text) {
    this.#source = text ?? null;
    this.#schedule();
  }

  /** The comparison (outlet) text; when set, wins over `compare-src` and the light DOM. */
  get compare() {
    return this.#compare;
  }
  set compare(text) {
    this.#compare = text ?? null;
    this.#schedule();
  }

  /** Engine options, merged over those the attributes set; read (copied) when set. */
  get options() {
    return this.#options && (this.#options.copy ?? this.#options.given);
  }
  set options(options) {
    this.#options = options == null ? null : copyOptions(options);
    this.#schedule();
  }

  /** `view`: "redline" (default), "side-by-side" or "provenance". */
  get view() {
    return this.getAttribute("view") ?? "redline";
  }
  set view(value) {
    this.#reflect("view", value);
  }
  get sourceSrc() {
    return this.getAttribute("source-src");
  }
  set sourceSrc(value) {
    this.#reflect("source-src", value);
  }
  get compareSrc() {
    return this.getAttribute("compare-src");
  }
  set compareSrc(value) {
    this.#reflect("compare-src", value);
  }
  get sourceLabel() {
    return this.getAttribute("source-label");
  }
  set sourceLabel(value) {
    this.#reflect("source-label", value);
  }
  get compareLabel() {
    return this.getAttribute("compare-label");
  }
  set compareLabel(value) {
    this.#reflect("compare-label", value);
  }
  get wasmUrl() {
    return this.getAttribute("wasm-url");
  }
  set wasmUrl(value) {
    this.#reflect("wasm-url", value);
  }
  get srcTimeoutS() {
    return this.getAttribute("src-timeout-s");
  }
  set srcTimeoutS(value) {
    this.#reflect("src-timeout-s", value);
  }

  #reflect(name, value) {
    if (value == null) this.removeAttribute(name);
    else this.setAttribute(name, String(value));
  }

  get hideBoilerplate() {
    return this.hasAttribute("hide-boilerplate");
  }
  set hideBoilerplate(on) {
    this.toggleAttribute("hide-boilerplate", Boolean(on));
  }

  /** The last comparison shown, or null (before the first, or after an error). */
  get result() {
    return this.#result;
  }

  /** Moves to the next change (wrapping around); returns its index, or -1 when there is none. */
  next() {
    return this.#go(1);
  }

  /** Moves to the previous change (wrapping around); returns its index, or -1 when there is none. */
  previous() {
    return this.#go(-1);
  }

  #go(step) {
    const nav = this.#nav;
    const index = nav.target(step, true);
    if (index < 0) return -1;
    nav.current = index;
    const group = nav.elementsOf(index);
    nav.mark(group);
    if (group.length) {
      this.#reveal(group[0]);
      // Keyboard users who navigate from inside the widget move with the change.
      if (this.#parts.root.activeElement) group[0].focus({ preventScroll: true });
    }
    return index;
  }

  /**
   * Scrolls the widget's own body (never the host page) to show `el`'s first
   * line in the middle. Off-screen
   * chunks of a view are laid out lazily (content-visibility: auto), so where
   * `el` really is shows only once it is near the view: look again for a few
   * frames.
   */
  #reveal(el, passes = 4) {
    const body = this.#parts.body;
    const box = body.getBoundingClientRect();
    const target = el.getClientRects()[0] ?? el.getBoundingClientRect(); // a long change: its first line
    if (target.top < box.top || target.bottom > box.bottom) {
      body.scrollTop += target.top - box.top - (box.height - target.height) / 2;
    }
    const token = (this.#revealing = {});
    if (passes > 1) {
      requestAnimationFrame(() => {
        if (this.#revealing === token && el.isConnected) this.#reveal(el, passes - 1);
      });
    }
  }

  /** In-widget links (a moved passage's two places) scroll the widget, never the host page's URL. */
  #follow(event) {
    const link = event.target.closest?.('a[href^="#"]');
    if (!link) return;
    event.preventDefault();
    const target = this.#parts.root.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (target) {
      this.#reveal(target);
      target.focus?.({ preventScroll: true });
    }
  }

  #keydown(event) {
    const step = keyStep(event);
    if (!step) return;
    event.preventDefault();
    this.#go(step);
  }

  /** One render per microtask, however many inputs changed in it. */
  #schedule() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (this.isConnected) this.#render();
    });
  }

  #stylesheet() {
    if (!this.#styled) {
      const link = element(this.ownerDocument, "link");
      link.rel = "stylesheet";
      link.href = stylesheetUrl.href;
      this.#styled = new Promise((done) => {
        link.addEventListener("load", () => done(null), { once: true });
        link.addEventListener("error", () => done(`Could not load the widget's stylesheet from ${link.href}.`), { once: true });
      });
      this.#parts.root.prepend(link);
    }
    return this.#styled;
  }

  async #render() {
    const run = ++this.#run;
    this.#abort?.abort(); // what an older render still has under way is not wanted any more
    const abort = (this.#abort = new AbortController());
    const { frame, body, legend, sourceLabel, compareLabel } = this.#parts;
    const styleProblem = this.#stylesheet();
    sourceLabel.textContent = this.getAttribute("source-label") ?? SIDES.source.label;
    compareLabel.textContent = this.getAttribute("compare-label") ?? SIDES.compare.label;
    frame.setAttribute("aria-busy", "true");
    try {
      const view = VIEWS[viewNamed(this.view)];
      if (!view) throw new WidgetError(unknownView(this.view, Object.keys(VIEWS)));
      const options = engineOptions(this, this.#options);
      const timeout = numberAttribute(this, "src-timeout-s") ?? SRC_TIMEOUT_S;
      const engine = engineAt(wasmUrlOf(this));
      // The frame shows (with "Loading…") once styled, however long the texts take.
      styleProblem.then(() => {
        if (run === this.#run) frame.hidden = false;
      });
      try {
        await engine.ready();
      } catch (error) {
        const from = this.getAttribute("wasm-url");
        throw new WidgetError(`Could not load the comparison engine${from ? ` (wasm-url="${from}")` : ""}: ${messageOf(error)}`);
      }
      if (run !== this.#run) return;
      const checked = engine.checkOptions(options);
      const limit = checked.maxInputBytes;
      const given = { limit, timeout, downloads: this.#fetched, raise: (bytes) => this.#raise(bytes) };
      const inputs = await Promise.all([givenText(this, "source", this.#source, given), givenText(this, "compare", this.#compare, given)]);
      if (run !== this.#run) return;
      const missing = Object.keys(SIDES).filter((_, i) => inputs[i] == null);
      if (missing.length) {
        await styleProblem;
        if (run !== this.#run) return;
        this.#show(null, [], `Nothing to compare yet: give the ${missing.map((s) => SIDES[s].noun).join(" and the ")}.`);
        return;
      }
      const { left, right, notices } = await checkedTexts(inputs, limit, (bytes) => this.#raise(bytes));
      if (run !== this.#run) return;
      const result = await engine.compare(left, right, checked, { signal: abort.signal });
      const problem = await styleProblem;
      const renderer = await view.renderer();
      if (run !== this.#run) return;
      const opts = {
        hideBoilerplate: this.hideBoilerplate,
        labels: { left: sourceLabel.textContent, right: compareLabel.textContent },
        detailId: SOURCES_ID,
      };
      if (view.needs && !view.needs(result)) {
        throw new WidgetError(`The ${this.view} view needs sentence labels, which this engine's result lacks.`);
      }
      body.className = `wd-widget-body wd-view ${view.className}`;
      body.setAttribute("aria-label", `${this.view}: ${opts.labels.left} → ${opts.labels.right}`);
      body.replaceChildren();
      this.#sources.close();
      this.#shown = { result, left, right, labels: opts.labels };
      // the marks of the redline and side by side say what they are (hidden labels, "rewritten from"): no legend in a widget's little room
      legend.replaceChildren(...(view.legend ? [view.legend(this.ownerDocument, result)] : []));
      const chunks = renderer(this.ownerDocument, result, left, right, opts);
      if (!(await appendProgressively(body, chunks, { signal: abort.signal })) || run !== this.#run) return;
      const stops = changeList(result);
      const changes = stops.length;
      const { stats } = result;
      const verdict = stats.verdict;
      // the credit check when the source credits an agency (a text without one says nothing of it)
      const credit = result.credits?.length ? creditWords(result.credits) : null;
      const summary = [plural(changes, "change"), verdict, credit && `credit: ${credit}`, result.approximate ? "approximate (time budget ran out)" : null];
      for (const el of body.querySelectorAll("ins")) el.part.add("insert");
      for (const el of body.querySelectorAll("del")) el.part.add("delete");
      this.#show(result, stops, summary.filter(Boolean).join(" · ") + ".");
      for (const text of notices) {
        const line = element(this.ownerDocument, "p", null, "wd-error");
        line.textContent = text;
        this.#parts.notice.append(line);
      }
      if (problem) this.#fail(problem, false);
      this.dispatchEvent(
        new CustomEvent("wirediff-rendered", {
          bubbles: true,
          composed: true,
          detail: { stats, verdict, changes, view: this.view, result },
        }),
      );
      for (const text of notices) this.#fail(text, false);
    } catch (error) {
      if (run !== this.#run) return;
      await styleProblem;
      if (run !== this.#run) return;
      this.#show(null, [], null);
      this.#fail(error instanceof WidgetError ? error.message : couldNotCompare(error), true);
    }
  }

  #show(result, changes, message) {
    const { frame, status, body, notice, legend, previous, next } = this.#parts;
    this.#result = result;
    notice.replaceChildren();
    this.#nav.reset(result, changes, this.view === "provenance");
    if (!result) {
      body.replaceChildren();
      legend.replaceChildren();
      this.#sources.close();
      this.#shown = null;
    }
    previous.disabled = next.disabled = changes.length === 0;
    frame.removeAttribute("aria-busy");
    frame.hidden = false;
    status.classList.remove("wd-error");
    if (message != null) status.textContent = message;
  }

  #fail(message, clear) {
    const { status } = this.#parts;
    if (clear) {
      status.classList.add("wd-error");
      status.textContent = message;
    }
    this.dispatchEvent(new CustomEvent("wirediff-error", { bubbles: true, composed: true, detail: { message } }));
  }

  /** How to let a text of `bytes` in: the options property wins over the attribute, so name the one that sets the limit. */
  #raise(bytes) {
    const needed = bytes ? neededMb(bytes) : null;
    if (this.#options?.copy?.maxInputBytes != null) return needed ? `options.maxInputBytes to ${needed * MB}` : "options.maxInputBytes";
    return needed ? `the limit with max-input-mb="${needed}"` : "the limit with max-input-mb";
  }

}

