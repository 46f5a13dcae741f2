// A jump from a fact's or a credit's button (loaded on the first one): the
// exact words outlined in the view and scrolled to the middle of the screen.
import { markCurrent, reveal, updateCounter } from "./changes.js";
import { $, state } from "./state.js";

let factMarks = []; // the <mark>s around the words of the last fact jumped to

/** Takes the marks of the last jump out, leaving their text as it was. */
function unmarkFact() {
  for (const mark of factMarks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    mark.replaceWith(...mark.childNodes);
    parent.normalize();
  }
  factMarks = [];
}

/**
 * Wraps the words of `span` on `side` that the view draws in op `i`'s cut
 * (del) or added (ins) marks in <mark class="wd-fact-here">; none when
 * the marks do not hold the op's text as expected.
 */
function markWords(view, i, side, span) {
  const op = state.result.ops[i];
  const own = op[side];
  const tag = side === "left" ? "del" : "ins";
  const boxes = view.querySelectorAll(`${tag}[data-wd-op="${i}"], ${tag}[data-wd-breaks="${i}"]`);
  const nodes = [];
  for (const box of boxes) {
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement.closest(".wd-sr-only") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    while (walker.nextNode()) nodes.push(walker.currentNode);
  }
  const text = state.compared[side];
  if (nodes.map((n) => n.data).join("") !== text.slice(own.start, own.end)) return [];
  const from = Math.max(span.start, own.start) - own.start;
  const to = Math.min(span.end, own.end) - own.start;
  const marks = [];
  let at = 0;
  for (let node of nodes) {
    const start = at;
    at += node.data.length;
    const a = Math.max(from, start) - start;
    const b = Math.min(to, at) - start;
    if (b <= a || !node.data.slice(a, b).trim()) continue;
    if (a > 0) node = node.splitText(a);
    if (b - a < node.data.length) node.splitText(b - a);
    const mark = document.createElement("mark");
    mark.className = "wd-fact-here";
    node.replaceWith(mark);
    mark.append(node);
    marks.push(mark);
  }
  return marks;
}

/**
 * A fact's or a credit's button: jump to its place in the view, the exact
 * words highlighted (both sides of a change the view draws as cut and added
 * text), else the op that holds them.
 */
export function jumpToFact(fact) {
  const { nav } = state;
  const { ops } = state.result;
  unmarkFact();
  let best = -1;
  for (const side of ["right", "left"]) {
    const span = fact[side];
    if (!span) continue;
    for (let i = 0; i < ops.length; i++) {
      const s = ops[i][side];
      const overlaps = s.start < span.end && span.start < s.end;
      if (!overlaps && !(s.start === s.end && span.start <= s.start && s.start <= span.end)) continue;
      if (best < 0 || (ops[best].kind === "equal" && ops[i].kind !== "equal")) best = i;
      if (ops[i].kind !== "equal" && !nav.provenance) factMarks.push(...markWords(nav.view, i, side, span));
    }
  }
  const target = factMarks[0] ?? (best >= 0 ? nav.opElement(best) : null);
  if (!target) {
    $("announce").textContent = "That place is not shown (hidden boilerplate?).";
    return;
  }
  const n = nav.changes.findIndex((c) => c.op === best && c.kind !== "move");
  if (n >= 0) {
    nav.current = n;
    updateCounter();
  }
  markCurrent(factMarks.length ? null : target);
  // the chunks on the way are laid out only as they come on screen
  // (content-visibility), which moves the words: centre them again once laid out
  reveal(target);
  addEventListener("scrollend", () => {
    const box = target.getBoundingClientRect();
    if (box.top < 0 || box.bottom > innerHeight) target.scrollIntoView({ block: "center" });
  }, { once: true });
  $("announce").textContent = `${factMarks.map((m) => m.textContent).join(" … ").slice(0, 120) || target.textContent.slice(0, 120)}`;
}
