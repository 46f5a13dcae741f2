// Stepping through the changes on the page: Previous / Next and the keys of
// navigation.js (anywhere but in a text field), the counter, the live
// announcement, and the jumps from a moved passage's link (a fact's jump is in
// fact-jump.js).
import { renderSentenceDetail } from "../render/sentence-detail.js";
import { keyStep } from "../navigation.js";
import { isolatedText, plural, snippet } from "../render/flow.js";
import { breakChange, breakWords } from "../render/marks.js";
import { sources } from "./detail.js";
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

export function reveal(target) {
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
      return breakWords("insert", after) ?? `inserted ${quote(after)}`;
    case "delete":
      return breakWords("delete", before) ?? `deleted ${quote(before)}`;
    case "replace":
      return breakChange(before, after) ?? `replaced ${quote(before)} with ${quote(after)}`;
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
