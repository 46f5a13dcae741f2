// <wire-diff>: the embeddable widget. This module only exports the element
// class and `configure`; it defines nothing and touches no global.
// wire-diff-define.js registers the tag. Rendering is shared with the page
// (render/*.js, wirediff.css); article text only ever becomes text nodes.
import { engineAt, setWasmUrl } from "./engine.js";
import { messageOf } from "./errors.js";
import { ENCODINGS, MB, blank, bytesOver, charsetOf, megabytes, neededMb, notText, readText, sniff, wellFormed } from "./intake.js";
import { appendProgressively, plural } from "./render/flow.js";
import { hasProvenance, provenanceChunks, renderLegend } from "./render/provenance.js";
import { changeList, redlineChunks } from "./render/redline.js";
import { sideBySideChunks } from "./render/sidebyside.js";
import { sourcesPanel } from "./sources-panel.js";

let stylesheetUrl = new URL("./wirediff.css", import.meta.url);

/**
 * Where the widget's assets are, for hosts (and bundles) that serve them
 * somewhere other than next to this module. Call before the first widget
 * renders; `wasmUrl` is the engine of every widget without a wasm-url of its own.
 * @param {{ stylesheetUrl?: string | URL, wasmUrl?: string | URL }} where
 */
export function configure({ stylesheetUrl: css, wasmUrl } = {}) {
  if (css != null) stylesheetUrl = new URL(css, document.baseURI);
  if (wasmUrl != null) setWasmUrl(new URL(wasmUrl, document.baseURI));
}

/**
 * The views: the page's own pure renderers, in their progressive form
 * `(document, result, left, right, opts) → iterator of chunks`, appended a
 * time slice at a time as the page does, so a long text never freezes the host.
 */
const VIEWS = {
  redline: { chunks: redlineChunks, className: "wd-redline" },
  "side-by-side": { chunks: sideBySideChunks, className: "wd-sbs" },
  provenance: { chunks: provenanceChunks, className: "wd-provenance", legend: renderLegend, needs: hasProvenance },
};

/** The id of the panel that shows a sentence's sources, in the widget's shadow root. */
const SOURCES_ID = "wd-sources";

/**
 * Engine options settable as attributes: attribute → [option, value when
 * present]; a number is the scale of a numeric attribute's value.
 */
const OPTION_ATTRIBUTES = {
  "ignore-case": ["ignoreCase", true],
  "ignore-punctuation": ["ignorePunctuation", true],
  "no-unify-quotes": ["unifyQuotes", false],
  "no-unify-dashes": ["unifyDashes", false],
  "no-unify-whitespace": ["unifyWhitespace", false],
  "time-budget-ms": ["timeBudgetMs", 1],
  "max-input-mb": ["maxInputBytes", MB],
};

/** What each numeric attribute accepts, in the words of its message, and the test of its value. */
const U32 = 4_294_967_295; // the engine's numbers are 32-bit
const RANGES = {
  "time-budget-ms": { words: `a whole number of milliseconds from 0 to ${U32}`, ok: (n) => Number.isInteger(n) && n >= 0 && n <= U32 },
  "max-input-mb": { words: "a number of megabytes more than 0 and at most 4294 (4 GB)", ok: (n) => Math.round(n * MB) >= 1 && Math.round(n * MB) <= U32 },
  "src-timeout-s": { words: "a number of seconds more than 0 and at most 3600", ok: (n) => n > 0 && n <= 3600 },
};

/**
 * How long a `*-src` may take, whole, by default. A story is tens of
 * kilobytes; even a text at the default 32 MB limit arrives within it at
 * 10 Mbit/s. A server that has not answered by then is down or hostile, and
 * the reader is better told so than left looking at nothing.
 */
const SRC_TIMEOUT_S = 30;

/** Properties a page may have set before the element was defined. */
const PROPERTIES = ["source", "compare", "options", "hideBoilerplate", "sourceSrc", "compareSrc", "view", "sourceLabel", "compareLabel", "wasmUrl", "srcTimeoutS"];

const SIDES = {
  source: { srcAttribute: "source-src", noun: "source text", label: "Source", what: "the wire text" },
  compare: { srcAttribute: "compare-src", noun: "comparison text", label: "Comparison", what: "the outlet's text" },
};

/** An error whose message is meant for a person. */
class WidgetError extends Error {}

const lower = (text) => text[0].toLowerCase() + text.slice(1);

function element(doc, tag, part, className) {
  const el = doc.createElement(tag);
  if (part) el.setAttribute("part", part);
  if (className) el.className = className;
  return el;
}

export class WireDiffElement extends HTMLElement {
  static observedAttributes = [
    "source-src",
    "compare-src",
    "view",
    "source-label",
    "compare-label",
    "wasm-url",
    "hide-boilerplate",
    "ignore-case",
    "ignore-punctuation",
    "no-unify-quotes",
    "no-unify-dashes",
    "no-unify-whitespace",
    "time-budget-ms",
    "max-input-mb",
    "src-timeout-s",
  ];

  #source = null;
  #compare = null;
  #options = null; // { given, copy } or { given, problem }: read once, when set
  #result = null;
  #queued = false;
  #run = 0;
  #fetched = { source: null, compare: null };
  #changes = [];
  #current = -1;
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
    const frame = element(doc, "div", "frame", "wd-widget");
    frame.hidden = true; // until the stylesheet has loaded: no flash of unstyled text
    const header = element(doc, "div", "header", "wd-widget-header");
    const labels = element(doc, "p", "labels", "wd-widget-labels");
    const sourceLabel = element(doc, "bdi", "label source-label", "wd-widget-label");
    const compareLabel = element(doc, "bdi", "label compare-label", "wd-widget-label");
    labels.append(sourceLabel, doc.createTextNode(" → "), compareLabel);
    const nav = element(doc, "div", "nav", "wd-widget-nav");
    const previous = element(doc, "button", "button previous", "wd-widget-button");
    previous.type = "button";
    previous.textContent = "Previous change";
    previous.addEventListener("click", () => this.previous());
    const next = element(doc, "button", "button next", "wd-widget-button");
    next.type = "button";
    next.textContent = "Next change";
    next.addEventListener("click", () => this.next());
    nav.append(previous, next);
    header.append(labels, nav);
    const status = element(doc, "p", "status", "wd-widget-status");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    status.textContent = "Loading…";
    const body = element(doc, "div", "body", "wd-widget-body");
    body.tabIndex = 0; // scrollable, and n / p step through the changes
    body.setAttribute("role", "region");
    body.setAttribute("aria-keyshortcuts", "n p");
    body.addEventListener("keydown", (event) => this.#keydown(event));
    body.addEventListener("click", (event) => this.#follow(event));
    // What the reader should know about a comparison shown: a text whose encoding was guessed.
    const notice = element(doc, "div", "notice", "wd-widget-notice");
    notice.setAttribute("aria-live", "polite");
    const legend = element(doc, "div", "legend", "wd-widget-legend");
    // Where a sentence came from, opened from the view (sources-panel.js).
    const sources = element(doc, "div", "sources", "wd-detail wd-widget-sources");
    sources.id = SOURCES_ID;
    sources.hidden = true;
    sources.setAttribute("role", "region");
    sources.setAttribute("aria-label", "Where the sentence came from");
    sources.setAttribute("aria-live", "polite");
    frame.append(header, status, notice, legend, body, sources);
    root.append(frame);
    this.#parts = { root, frame, sourceLabel, compareLabel, previous, next, status, notice, legend, body };
    this.#sources = sourcesPanel(body, sources, () => this.#shown);
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
    this.#drop("source");
    this.#drop("compare");
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    this.#schedule(); // first: the render a download's end would wake is then already stale
    if (name === "source-src") this.#drop("source");
    if (name === "compare-src") this.#drop("compare");
  }

  /** Forgets one side's `*-src` text, and stops its download if under way. */
  #drop(side) {
    this.#fetched[side]?.controller.abort();
    this.#fetched[side] = null;
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
    const n = this.#changes.length;
    if (n === 0) return -1;
    const index = this.#current < 0 ? (step > 0 ? 0 : n - 1) : (this.#current + step + n) % n;
    this.#select(index);
    return index;
  }

  #select(index) {
    for (const el of this.#changes[this.#current] ?? []) {
      el.part.remove("current");
      el.classList.remove("wd-current");
      el.removeAttribute("aria-current");
    }
    this.#current = index;
    const group = this.#changes[index] ?? [];
    for (const el of group) {
      el.part.add("current");
      el.classList.add("wd-current");
      el.setAttribute("aria-current", "true");
    }
    if (group.length) {
      this.#reveal(group[0]);
      // Keyboard users who navigate from inside the widget move with the change.
      if (this.#parts.root.activeElement) group[0].focus({ preventScroll: true });
    }
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
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "n" || event.key === "]") this.next();
    else if (event.key === "p" || event.key === "[") this.previous();
    else return;
    event.preventDefault();
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
    const { frame, status, body, legend, sourceLabel, compareLabel } = this.#parts;
    const styleProblem = this.#stylesheet();
    sourceLabel.textContent = this.getAttribute("source-label") ?? SIDES.source.label;
    compareLabel.textContent = this.getAttribute("compare-label") ?? SIDES.compare.label;
    frame.setAttribute("aria-busy", "true");
    try {
      const view = Object.hasOwn(VIEWS, this.view) ? VIEWS[this.view] : null;
      if (!view) {
        throw new WidgetError(`Unknown view "${this.view}": use ${Object.keys(VIEWS).join(", ")}.`);
      }
      const options = this.#engineOptions();
      const timeout = this.#number("src-timeout-s") ?? SRC_TIMEOUT_S;
      const engine = this.#engine();
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
      const inputs = await Promise.all([this.#text("source", limit, timeout), this.#text("compare", limit, timeout)]);
      if (run !== this.#run) return;
      const missing = Object.keys(SIDES).filter((_, i) => inputs[i] == null);
      if (missing.length) {
        await styleProblem;
        if (run !== this.#run) return;
        this.#show(null, [], `Nothing to compare yet: give the ${missing.map((s) => SIDES[s].noun).join(" and the ")}.`);
        return;
      }
      const notices = [];
      const [left, right] = inputs.map((input) => {
        if (input.notice) notices.push(input.notice);
        const { text, notice } = wellFormed(input.text, input.where);
        if (notice) notices.push(notice);
        return text;
      });
      const blanks = [blank(left), blank(right)];
      if (blanks[0] && blanks[1]) throw new WidgetError(`Both texts are empty: give ${SIDES.source.what} and ${SIDES.compare.what}.`);
      for (const [i, input] of inputs.entries()) {
        if (blanks[i]) throw new WidgetError(`${input.where} ${blanks[i]}: ${input.hint}.`);
      }
      const over = await Promise.all([bytesOver(left, limit), bytesOver(right, limit)]);
      if (run !== this.#run) return;
      if (over[0] || over[1]) {
        const sizes = inputs.flatMap((input, i) => (over[i] ? [`${i && over[0] ? lower(input.where) : input.where} is ${megabytes(over[i])}`] : []));
        throw new WidgetError(`${sizes.join(" and ")}, above the limit of ${megabytes(limit)}: give a shorter text, or raise ${this.#raise(Math.max(...over))}.`);
      }
      const result = await engine.compare(left, right, checked, { signal: abort.signal });
      const problem = await styleProblem;
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
      const chunks = view.chunks(this.ownerDocument, result, left, right, opts);
      if (!(await appendProgressively(body, chunks, { signal: abort.signal })) || run !== this.#run) return;
      const stops = changeList(result, opts);
      const changes = stops.length;
      const { stats } = result;
      const verdict = stats.verdict;
      const summary = [plural(changes, "change"), verdict, result.approximate ? "approximate (time budget ran out)" : null];
      this.#show(result, this.#stops(body, result, stops), summary.filter(Boolean).join(" · ") + ".");
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
      this.#fail(error instanceof WidgetError ? error.message : `Could not compare: ${messageOf(error)}`, true);
    }
  }

  #show(result, changes, message) {
    const { frame, status, body, notice, legend, previous, next } = this.#parts;
    this.#result = result;
    notice.replaceChildren();
    this.#changes = changes;
    this.#current = -1;
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
    const { frame, status } = this.#parts;
    if (clear) {
      status.classList.add("wd-error");
      status.textContent = message;
    }
    this.dispatchEvent(new CustomEvent("wirediff-error", { bubbles: true, composed: true, detail: { message } }));
  }

  /**
   * The elements that show each change of `changes` (the renderers' change
   * list), as the page steps through them: in the redline and side by side
   * the stop the renderer marked (data-wd-stop) and the rest of its op; in
   * provenance the sentence where the change is. Also gives ins and del
   * their parts, for theming.
   */
  #stops(body, result, changes) {
    for (const el of body.querySelectorAll("ins")) el.part.add("insert");
    for (const el of body.querySelectorAll("del")) el.part.add("delete");
    // One pass over the view, not one per change: a long text has tens of thousands of each.
    if (this.view === "provenance") {
      const sentences = [...body.querySelectorAll("[data-wd-sent][tabindex]")];
      const spans = result.right.sentences;
      return changes.map(({ op }) => {
        const at = result.ops[op].right.start;
        let lo = 0;
        let hi = sentences.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (spans[Number(sentences[mid].dataset.wdSent)].span.end > at) hi = mid;
          else lo = mid + 1;
        }
        const found = sentences[lo] ?? sentences.at(-1);
        return found ? [found] : [];
      });
    }
    const first = new Map();
    for (const el of body.querySelectorAll("[data-wd-stop]")) if (!first.has(el.dataset.wdStop)) first.set(el.dataset.wdStop, el);
    const byOp = new Map();
    for (const el of body.querySelectorAll("[data-wd-op]")) {
      const list = byOp.get(el.dataset.wdOp);
      if (list) list.push(el);
      else byOp.set(el.dataset.wdOp, [el]);
    }
    return changes.map((_, n) => {
      const stop = first.get(String(n));
      if (!stop) return [];
      const op = stop.dataset.wdOp;
      if (op == null || stop.dataset.wdMove != null) return [stop];
      return [stop, ...byOp.get(op).filter((el) => el !== stop)];
    });
  }

  /** The engine to use: the one at this element's wasm-url, else the page's. */
  #engine() {
    const wasmUrl = this.getAttribute("wasm-url");
    if (!wasmUrl) return engineAt();
    let url;
    try {
      url = new URL(wasmUrl, this.ownerDocument.baseURI);
    } catch {
      throw new WidgetError(`Cannot use wasm-url="${wasmUrl}": it is not a valid URL.`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new WidgetError(`Cannot use wasm-url="${wasmUrl}": ${url.protocol} addresses are not loaded; point wasm-url at an http: or https: address.`);
    }
    return engineAt(url);
  }

  /** A numeric attribute's value, checked against what it accepts; null when absent. */
  #number(attribute) {
    const raw = this.getAttribute(attribute);
    if (raw === null) return null;
    const number = Number(raw);
    const { words, ok } = RANGES[attribute];
    if (raw.trim() === "" || !Number.isFinite(number) || !ok(number)) {
      throw new WidgetError(`The ${attribute} attribute must be ${words}, not "${raw}".`);
    }
    return number;
  }

  /** How to let a text of `bytes` in: the options property wins over the attribute, so name the one that sets the limit. */
  #raise(bytes) {
    const needed = bytes ? neededMb(bytes) : null;
    if (this.#options?.copy?.maxInputBytes != null) return needed ? `options.maxInputBytes to ${needed * MB}` : "options.maxInputBytes";
    return needed ? `the limit with max-input-mb="${needed}"` : "the limit with max-input-mb";
  }

  #engineOptions() {
    const options = {};
    for (const [attribute, [key, value]] of Object.entries(OPTION_ATTRIBUTES)) {
      if (!this.hasAttribute(attribute)) continue;
      options[key] = typeof value === "number" ? Math.round(this.#number(attribute) * value) : value;
    }
    if (this.#options == null) return options;
    if (this.#options.problem) throw new WidgetError(this.#options.problem);
    return { ...options, ...this.#options.copy };
  }

  /**
   * One side's text: the property, else the fetched `*-src`, else the
   * light-DOM child; null when none is given. With it, how messages name it
   * (`where`), how to give another (`hint`), and a `notice` when its
   * encoding was guessed.
   */
  async #text(side, limit, timeout) {
    const { srcAttribute, noun, what } = SIDES[side];
    const property = side === "source" ? this.#source : this.#compare;
    if (property != null) {
      if (typeof property !== "string") {
        throw new WidgetError(`The ${side} property must be a string, not ${typeof property}.`);
      }
      return { text: property, where: `The ${noun}`, hint: `set the ${side} property to ${what}` };
    }
    const src = this.getAttribute(srcAttribute);
    if (src) {
      // One download per address, cap and timeout; another stops the one under way.
      const key = `${limit} ${timeout} ${src}`;
      if (this.#fetched[side]?.key === key) return this.#fetched[side].text;
      this.#drop(side);
      const controller = new AbortController();
      const text = this.#fetch(side, src, limit, timeout, controller);
      const entry = (this.#fetched[side] = { key, text, controller });
      text.catch(() => {
        if (this.#fetched[side] === entry) this.#fetched[side] = null; // try again next time
      });
      return text;
    }
    const child = this.querySelector(`:scope > [slot="${side}"], :scope > [data-wirediff="${side}"]`);
    return child && { text: child.textContent, where: `The ${noun}`, hint: `put ${what} in the element marked slot="${side}"` };
  }

  /**
   * Downloads one side's `*-src`: http(s) only, read as it arrives and
   * stopped past the size limit (so an endless or huge answer costs no
   * more than the limit), within `timeout` seconds in all; `controller`
   * stops it from outside.
   */
  async #fetch(side, src, limit, timeout, controller) {
    const { srcAttribute: attribute, noun, what } = SIDES[side];
    const where = `the ${noun} (${attribute}="${src}")`;
    const said = { where: `The ${noun} (${attribute}="${src}")`, hint: `point ${attribute} at ${what}` };
    let url;
    try {
      url = new URL(src, this.ownerDocument.baseURI);
    } catch {
      throw new WidgetError(`Could not load ${where}: it is not a valid URL.`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new WidgetError(`Could not load ${where}: ${url.protocol} addresses are not loaded; point ${attribute} at an http: or https: address.`);
    }
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      controller.abort();
    }, timeout * 1000);
    const { signal } = controller;
    const failed = () =>
      late
        ? new WidgetError(`Could not load ${where}: the server did not send it within ${timeout} ${timeout === 1 ? "second" : "seconds"}; try again later, or allow longer with src-timeout-s.`)
        : signal.aborted
          ? new DOMException("The download is not wanted any more.", "AbortError")
          : new WidgetError(
              `Could not load ${where}: the request failed (the server is unreachable, blocks cross-origin requests, or the page's Content-Security-Policy forbids it).`,
            );
    let response;
    let bytes;
    try {
      try {
        response = await fetch(url, { credentials: "same-origin", signal });
      } catch {
        throw failed();
      }
      if (!response.ok) {
        controller.abort(); // the error page's body is not wanted
        const answer = [response.status, response.statusText].filter(Boolean).join(" ");
        throw new WidgetError(`Could not load ${where}: the server answered ${answer}.`);
      }
      // A text in UTF-16 takes up to twice its UTF-8 bytes; any other, no more: no text within the limit is cut.
      const declared = Number(response.headers.get("Content-Length")) || 0;
      try {
        bytes = await readCapped(response, limit, 2 * limit + 2, declared);
      } catch {
        throw failed();
      }
      if (!bytes) {
        controller.abort();
        const size = declared ? `is ${megabytes(declared)}, above` : "is larger than";
        const stopped = declared ? "" : " (reading stopped there)";
        throw new WidgetError(`${said.where} ${size} the limit of ${megabytes(limit)}${stopped}: give a shorter text, or raise ${this.#raise(declared)}.`);
      }
    } finally {
      clearTimeout(timer);
    }
    const kind = sniff(bytes);
    if (kind) throw new WidgetError(`${said.where} ${notText(kind)}: point ${attribute} at a plain-text file.`);
    const { text, encoding, guessed } = readText(bytes, charsetOf(response.headers.get("Content-Type")));
    const notice = guessed ? `${said.where} is not UTF-8 text: it was read as ${ENCODINGS[encoding]}. If letters look wrong, serve it as UTF-8.` : null;
    return { text, notice, ...said };
  }
}

/**
 * The body of `response`, read as it arrives; null (the rest cancelled) once
 * it is, or its Content-Length says it will be, over `limit` bytes (`most`
 * for a text in UTF-16, by its byte-order mark).
 */
async function readCapped(response, limit, most, declared) {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks = [];
  let size = 0;
  let cap = null; // known once two bytes are in
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    if (cap === null && size >= 2) {
      const head = concat(chunks);
      cap = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) ? most : limit;
    }
    if (size > (cap ?? most) || declared > (cap ?? most)) {
      reader.cancel().catch(() => {});
      return null;
    }
  }
  return concat(chunks);
}

function concat(chunks) {
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * The options property, read once when set: a host's getters run then and
 * never again (one that touches the element cannot start a render loop).
 */
function copyOptions(given) {
  if (typeof given !== "object") return { given, problem: `The options property must be an object, not ${typeof given}.` };
  try {
    return { given, copy: { ...given } }; // spread, not Object.assign: an own "__proto__" key (from JSON.parse) stays a plain key
  } catch (error) {
    return { given, problem: `Could not read the options property: ${messageOf(error)}` };
  }
}
