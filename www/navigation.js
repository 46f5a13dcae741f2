// Stepping through a comparison's changes, for the page and the widget alike:
// the keys that step, and which elements of a drawn view show a change. The
// renderers mark each change's first element as its stop (data-wd-stop, see
// render/redline.js markStop) and every element of an op with data-wd-op; the
// provenance view has no stops, so a change shows as the sentence it is in,
// found by binary search over the sentences in reading order.

/** Keys that step (case-insensitive; never with Ctrl, Alt or Meta). */
export const KEYS = { next: ["n", "j", "]"], previous: ["p", "k", "["] };

/** 1 (next), -1 (previous) or 0: the step a key press asks for. */
export function keyStep(event) {
  if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return 0;
  const key = event.key?.toLowerCase();
  return KEYS.next.includes(key) ? 1 : KEYS.previous.includes(key) ? -1 : 0;
}

/** Says the keys on the buttons that step: aria-keyshortcuts, and a title for pointer users. */
export function labelKeys(previous, next) {
  for (const [button, keys, what] of [[previous, KEYS.previous, "Previous"], [next, KEYS.next, "Next"]]) {
    button.setAttribute("aria-keyshortcuts", keys.join(" "));
    button.title = `${what} change (${keys.join(", ")})`;
  }
}

/**
 * A drawn view's changes: `changes` is the renderers' change list of
 * `result` (render/redline.js changeList), `current` the change shown or -1.
 */
export class ChangeNavigator {
  constructor(view) {
    this.view = view;
    this.result = null;
    this.changes = [];
    this.provenance = false;
    this.current = -1;
  }

  /** A new drawing of `result`; `keep` keeps the current change when there still is one. */
  reset(result, changes, provenance, keep = false) {
    const previous = keep ? this.current : -1;
    this.result = result;
    this.changes = changes;
    this.provenance = provenance;
    this.current = previous < changes.length ? previous : -1;
  }

  /** The change `delta` steps from the current one (from none: the first or the last), kept in range or wrapping around; -1 when there is none. */
  target(delta, wrap = false) {
    const n = this.changes.length;
    if (n === 0) return -1;
    if (this.current < 0) return delta > 0 ? 0 : n - 1;
    const at = this.current + delta;
    return wrap ? (at + n) % n : Math.max(0, Math.min(n - 1, at));
  }

  /** The provenance sentence that holds comparison offset `at` (else the last), or null. */
  sentenceAt(at) {
    const sentences = this.view.querySelectorAll("[data-wd-sent][tabindex]");
    const spans = this.result.right.sentences;
    let lo = 0;
    let hi = sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[Number(sentences[mid].dataset.wdSent)].span.end > at) hi = mid;
      else lo = mid + 1;
    }
    return sentences[Math.min(lo, sentences.length - 1)] ?? null;
  }

  /** The element that shows op `index`: its stop, else its first element; or null (not drawn, or not yet). */
  opElement(index) {
    if (this.provenance) return this.sentenceAt(this.result.ops[index].right.start);
    return this.view.querySelector(`[data-wd-op="${index}"][data-wd-stop]`) ?? this.view.querySelector(`[data-wd-op="${index}"]`);
  }

  /** The elements that show change `n`, the one to reveal first; empty while it is not drawn yet. */
  elementsOf(n) {
    const first = this.provenance ? this.opElement(this.changes[n].op) : this.view.querySelector(`[data-wd-stop="${n}"]`);
    return first ? this.group(first) : [];
  }

  /** `el` and, unless it is a moved passage, the other elements of its op. */
  group(el) {
    const op = el.dataset.wdOp;
    if (op == null || el.dataset.wdMove != null) return [el];
    return [el, ...[...this.view.querySelectorAll(`[data-wd-op="${op}"]`)].filter((other) => other !== el)];
  }

  /** Highlights `elements` as the current change (class wd-current, part "current", aria-current), and nothing else. */
  mark(elements) {
    for (const el of this.view.querySelectorAll(".wd-current")) {
      el.classList.remove("wd-current");
      el.part.remove("current");
      el.removeAttribute("aria-current");
    }
    for (const el of elements) {
      el.classList.add("wd-current");
      el.part.add("current");
      el.setAttribute("aria-current", "true");
    }
  }
}
