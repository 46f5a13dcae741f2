// Stepping through the changes on the page: Previous / Next and the keys of
// navigation.js (anywhere but in a text field), the counter, the live
// announcement, and the jumps from a fact or a moved passage's link.
import { keyStep } from "../navigation.js";
import { isolatedText, plural, snippet } from "../render/flow.js";
import { renderSentenceDetail } from "../render/provenance.js";
import { sources } from "./comparison.js";
import { $, DETAIL, root, state } from "./state.js";

export function updateCounter() {
  const { changes, current } = state.nav;
  const n = changes.length;
  $("counter").textContent = n === 0 ? "no changes" : current < 0 ? plural(n, "change") : `change ${current + 1} of ${n}`;
  $("prev").disabled = n === 0 || current <= 0;
  $("next").disabled = n === 0 || current >= n - 1;
}

/** Highlights `target` and the rest of its op as the current change; nothing when `target` is null. */
export function markCurrent(target) {
  state.nav.mark(target ? state.nav.group(target) : []);
}

function reveal(target) {
  if (!target.hasAttribute("tabindex")) target.tabIndex = -1;
  target.focus({ preventScroll: true });
  const smooth = !matchMedia("(prefers-reduced-motion: reduce)").matches;
  target.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
}

function describeChange(change) {
  const { ops, moves } = state.result;
  const { left, right } = state.compared;
  const op = ops[change.op];
  const quote = (text) => `“${isolatedText(snippet(text, 12))}”`;
  const before = left.slice(op.left.start, op.left.end);
  const after = right.slice(op.right.start, op.right.end);
  switch (change.kind) {
    case "insert":
      return `inserted ${quote(after)}`;
    case "delete":
      return `deleted ${quote(before)}`;
    case "replace":
      return `replaced ${quote(before)} with ${quote(after)}`;
    default: {
      const move = moves?.find((m) => m.id === change.moveId);
      return `moved passage${move ? ` ${quote(right.slice(move.right.start, move.right.end))}` : ""}`;
    }
  }
}

async function goTo(n) {
  const { nav } = state;
  let [target] = nav.elementsOf(n);
  if (!target) {
    await state.rendered; // still rendering: the change is further down
    [target] = nav.elementsOf(n);
  }
  nav.current = n;
  updateCounter();
  markCurrent(target);
  if (target) reveal(target);
  $("announce").textContent = `Change ${n + 1} of ${nav.changes.length}: ${describeChange(nav.changes[n])}.`;
}

/** Goes `delta` changes on from the current one, staying on the first or last. */
export function step(delta) {
  const n = state.nav.target(delta);
  return n < 0 ? undefined : goTo(n);
}

export function onKey(event) {
  const t = event.target;
  const typingInto = t.isContentEditable || t.localName === "textarea" || t.localName === "select" ||
    (t.localName === "input" && !["checkbox", "radio", "button", "submit", "reset", "file"].includes(t.type));
  if (typingInto) return;
  const delta = keyStep(event);
  if (!delta) return;
  event.preventDefault();
  step(delta);
}

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

/** A moved passage's link: go to its other place, keeping the URL fragment for the share state. */
export function onViewClick(event) {
  const link = event.target.closest("a[href^='#']");
  if (!link || !root.contains(link)) return;
  event.preventDefault();
  const target = root.querySelector(`#${CSS.escape(link.getAttribute("href").slice(1))}`);
  if (!target) return;
  markCurrent(target);
  reveal(target);
}

/** Hovering or focusing either end of a moved passage lights up both ends; a sentence shows its detail. */
export function onViewPointer(event) {
  const end = event.target.closest?.("[data-wd-move]");
  for (const node of root.querySelectorAll(".wd-move-active")) node.classList.remove("wd-move-active");
  if (end && root.contains(end)) {
    for (const node of root.querySelectorAll(`[data-wd-move="${end.dataset.wdMove}"]`)) node.classList.add("wd-move-active");
  }
  const sentence = event.target.closest?.("[data-wd-sent]");
  if (sentence && root.contains(sentence) && state.result && sources.open == null) {
    const detail = $(DETAIL);
    detail.replaceChildren(renderSentenceDetail(document, state.result, state.compared.left, state.compared.right, Number(sentence.dataset.wdSent), { labels: state.compared.labels }));
    detail.hidden = false;
  }
}
