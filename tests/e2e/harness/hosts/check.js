// In-page helpers for the widget tests, imported with `await import("/hosts/check.js")`
// inside page.evaluate(). They read the widget from outside, as a host would,
// and compute what it should show with the engine's own compare() in the same page.
import { compare } from "/engine.js";

/** Resolves when `widget` has fired its next (or, when it already has a result, its last) render. */
export function rendered(widget) {
  if (widget.result) return Promise.resolve(widget.result);
  return new Promise((done, fail) => {
    widget.addEventListener("wirediff-rendered", () => done(widget.result), { once: true });
    widget.addEventListener("wirediff-error", (e) => fail(new Error(e.detail.message)), { once: true });
  });
}

const RENDERERS = {
  redline: async () => (await import("/render/redline.js")).renderRedline,
  "side-by-side": async () => (await import("/render/sidebyside.js")).renderSideBySide,
  provenance: async () => (await import("/render/provenance.js")).renderProvenance,
};

/** The widget's rendered view, without what the widget adds for theming and navigation. */
function shownView(widget) {
  const body = widget.shadowRoot.querySelector("[part~=body]");
  const copy = document.createElement("div");
  copy.append(...[...body.childNodes].map((n) => n.cloneNode(true)));
  for (const el of copy.querySelectorAll("[part], [aria-current]")) {
    el.removeAttribute("part");
    el.removeAttribute("aria-current");
  }
  return copy;
}

/**
 * The redline's text by role: unmarked, inserted, deleted. Hidden labels
 * (sr-only) and the markers of moved passages (links) are not article text.
 */
export function redlineText(root) {
  const parts = { plain: "", inserted: "", deleted: "" };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent.closest(".wd-sr-only, .sr-only, a, .wd-source-link")) continue;
    if (parent.closest("ins")) parts.inserted += node.data;
    else if (parent.closest("del")) parts.deleted += node.data;
    else parts.plain += node.data;
  }
  return parts;
}

/** What redlineText() should find for `result`, straight from its ops. */
export function expectedRedlineText(result, left, right) {
  const parts = { plain: "", inserted: "", deleted: "" };
  for (const op of result.ops) {
    const before = left.slice(op.left.start, op.left.end);
    const after = right.slice(op.right.start, op.right.end);
    if (op.kind === "equal") parts.plain += after;
    if (op.kind === "delete" || op.kind === "replace") parts.deleted += before;
    if (op.kind === "insert" || op.kind === "replace") parts.inserted += after;
  }
  return parts;
}

/**
 * Checks one widget against the engine: `left`/`right`/`options` are what the
 * test says the widget was given. Returns a list of problems (empty when right).
 */
export async function verify(widget, left, right, options, { hideBoilerplate = false } = {}) {
  const problems = [];
  const shown = await rendered(widget);
  const expected = await compare(left, right, options);
  if (JSON.stringify(shown) !== JSON.stringify(expected)) problems.push(`${widget.id}: result differs from compare()`);
  // It shows exactly what the shared renderer makes of the engine's result...
  const render = await RENDERERS[widget.view]();
  const labels = [...widget.shadowRoot.querySelectorAll("[part~=label]")].map((l) => l.textContent);
  const fresh = document.createElement("div");
  fresh.append(render(document, expected, left, right, { hideBoilerplate, labels: { left: labels[0], right: labels[1] }, detailId: "wd-sources" }));
  if (!fresh.isEqualNode(shownView(widget))) problems.push(`${widget.id}: the ${widget.view} view differs from the renderer's`);
  // ...and, in a redline, the article text by role is what the ops say.
  if (widget.view === "redline" && !hideBoilerplate) {
    // Words, not layout: the renderer may show a cut line break as "¶".
    const words = (parts) => Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v.replace(/¶/g, " ").replace(/\s+/g, " ").trim()]));
    const got = words(redlineText(shownView(widget)));
    const want = words(expectedRedlineText(expected, left, right));
    for (const role of Object.keys(want)) {
      if (got[role] !== want[role]) problems.push(`${widget.id}: ${role} text "${got[role].slice(0, 120)}", expected "${want[role].slice(0, 120)}"`);
    }
  }
  const { changeList } = await import("/render/redline.js");
  const changes = changeList(expected, { hideBoilerplate }).length;
  const status = widget.shadowRoot.querySelector("[part~=status]").textContent;
  if (!status.startsWith(`${changes} change`)) problems.push(`${widget.id}: status "${status}", expected ${changes} changes`);
  return problems;
}

/**
 * Resolves after the browser's next full rendering update. A chunk of a view
 * (`content-visibility: auto`) keeps its placeholder height until the update
 * that finds it on screen, so a box read straight after a render can be the
 * placeholder's; what is painted is never that.
 */
export const painted = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));

/** Every element of the widget's shadow tree: box relative to the host, and the styles that show. */
export function geometry(widget) {
  const host = widget.getBoundingClientRect();
  const round = (n) => Math.round(n * 10) / 10;
  const rows = [{ what: "host", w: round(host.width), h: round(host.height) }];
  for (const el of widget.shadowRoot.querySelectorAll("*")) {
    if (el.localName === "link") continue;
    const r = el.getBoundingClientRect();
    const boxed = el.getClientRects().length > 0; // not display: none
    const s = getComputedStyle(el);
    rows.push({
      what: `${el.localName}.${el.className}[${el.getAttribute("part") ?? ""}]`,
      x: boxed ? round(r.left - host.left) : null,
      y: boxed ? round(r.top - host.top) : null,
      w: round(r.width),
      h: round(r.height),
      style: [s.display, s.color, s.backgroundColor, s.font, s.letterSpacing, s.wordSpacing, s.textTransform, s.textAlign, s.textIndent, s.whiteSpace, s.outlineStyle, s.margin, s.padding, s.borderTopStyle].join(" | "),
    });
  }
  return rows;
}

/** Computed styles of the host page's own elements (marked with id="probe-…"). */
export function hostStyles() {
  const out = {};
  for (const el of document.querySelectorAll("[id^=probe-]")) {
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    out[el.id] = [s.display, s.color, s.backgroundColor, s.font, s.margin, s.padding, s.textDecorationLine, r.width, r.height].join(" | ");
  }
  return out;
}

/** The next event `widget` fires: { type: "rendered" | "error", detail }. */
export function nextEvent(widget) {
  return new Promise((done) => {
    const on = (e) => {
      widget.removeEventListener("wirediff-rendered", on);
      widget.removeEventListener("wirediff-error", on);
      done({ type: e.type.replace("wirediff-", ""), message: e.detail.message ?? null, changes: e.detail.changes ?? null });
    };
    widget.addEventListener("wirediff-rendered", on);
    widget.addEventListener("wirediff-error", on);
  });
}

/** Counts the events `widget` fires from now on: { rendered, error }. */
export function countEvents(widget) {
  const counts = { rendered: 0, error: 0 };
  widget.addEventListener("wirediff-rendered", () => counts.rendered++);
  widget.addEventListener("wirediff-error", () => counts.error++);
  return counts;
}

/** Waits long enough for any further (wrongly unbatched) render to have happened. */
export const settle = () => new Promise((done) => setTimeout(done, 300));

/** The status line the widget shows. */
export const status = (widget) => widget.shadowRoot.querySelector("[part~=status]").textContent;
