// The marks the redline and the side-by-side view share, and what they are
// drawn from: the changes a reader steps through (each one's first element
// marked as its stop), moved passages' two places, the paraphrased
// sentences. Pure: `document` in, nodes out; article text only ever becomes
// text nodes.
//
//   changeList(result)       → the changes a reader steps through
//   rewrites(result, right)  → the paraphrased sentences' places, in reading order
import { el, isolated, snippet, srOnly } from "./flow.js";
import { sourcesOf } from "./sources.js";

export const CHANGE_KINDS = new Set(["insert", "delete", "replace"]);

/**
 * The changes a reader steps through, in the engine's op order (the reading
 * order of the comparison text): each insert, delete and replace op, and each
 * moved passage once, at its new place. Ops in boilerplate (read-also lines,
 * footers: shown, but marked as such) are not steps, as the engine's stats do
 * not count them, so there are exactly stats.insertions + deletions +
 * replacements + moves.
 * @returns {{kind: string, op: number, moveId?: number}[]}
 */
export function changeList(result) {
  const list = [];
  const moves = new Set();
  result.ops.forEach((op, index) => {
    if (op.boilerplate) return;
    if (op.moveId != null && op.kind !== "move" && !moves.has(op.moveId)) {
      moves.add(op.moveId);
      list.push({ kind: "move", op: index, moveId: op.moveId });
    }
    if (CHANGE_KINDS.has(op.kind)) list.push({ kind: op.kind, op: index });
  });
  return list;
}

/** Stop numbers by op index: op → {move?: n, change?: n}. */
export function stopsByOp(changes) {
  const byOp = new Map();
  changes.forEach((change, n) => {
    const entry = byOp.get(change.op) ?? {};
    if (change.kind === "move") entry.move = n;
    else entry.change = n;
    byOp.set(change.op, entry);
  });
  return byOp;
}

/** Marks `node` as change stop `n`: focusable by script, found by navigation. */
export function markStop(node, n) {
  if (n == null) return node;
  node.dataset.wdStop = String(n);
  node.tabIndex = -1;
  return node;
}

/** Where each moved passage's old place (its `move` op) and new place (first op) are in the op list. */
export function movePlaces(result) {
  const places = new Map();
  result.ops.forEach((op, index) => {
    if (op.moveId == null) return;
    const place = places.get(op.moveId) ?? {};
    if (op.kind === "move") place.old = index;
    else place.new ??= index;
    places.set(op.moveId, place);
  });
  return places;
}

const LABEL = { insert: "inserted", delete: "deleted" };

const TAG = { insert: "ins", delete: "del" };

/** Splits the line breaks off the end of a mark's text: they go in a mark of
 * their own without background (breaksMark), so that the mark's colour does
 * not reach onto an empty line. */
export function trailingBreaks(text) {
  // a loop from the end: a regular expression would scan the whole of a long text
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return [text.slice(0, end), text.slice(end)];
}

/**
 * The line breaks that end an added or cut text: still part of it, but drawn
 * plain, and tagged data-wd-breaks (not data-wd-op, so that highlighting the
 * op's marks never outlines an empty line).
 */
export function breaksMark(doc, kind, opIndex, breaks) {
  const node = el(doc, TAG[kind], `wd-${kind === "insert" ? "ins" : "del"} wd-breaks`, breaks);
  node.dataset.wdBreaks = String(opIndex);
  return node;
}

/**
 * A moved passage's two ends, as MediaWiki draws them: at each, one tag, a
 * link to the other end, its arrow hung in the margin (wd-move-arrow) and
 * pointing there. The arrow is for the eye; a reader hears the words.
 */
export function moveLink(doc, className, up, words) {
  const link = el(doc, "a", className);
  const arrow = el(doc, "span", "wd-move-arrow", up ? "↑" : "↓");
  arrow.setAttribute("aria-hidden", "true");
  link.append(arrow, ...words);
  return link;
}

/**
 * The link left at a moved passage's old place, pointing to its new place
 * (op `i`, a `move` op; `before` is the passage's old text).
 */
export function moveFromLink(doc, op, i, places, before, idPrefix) {
  const place = places.get(op.moveId) ?? {};
  const down = place.new == null || place.new > i;
  const link = moveLink(doc, "wd-move-from", !down, [doc.createTextNode(`moved ${down ? "down" : "up"}: “`), isolated(doc, snippet(before)), doc.createTextNode("”")]);
  link.id = `${idPrefix}move-${op.moveId}-old`;
  link.href = `#${idPrefix}move-${op.moveId}-new`;
  link.dataset.wdMove = String(op.moveId);
  link.dataset.wdOp = String(i);
  link.title = "A passage stood here before it was moved: go to its new place";
  return link;
}

/** The tag at a moved passage's new place (op `i`), linking back to its old place. */
export function moveToLink(doc, id, i, places, idPrefix) {
  const place = places.get(id) ?? {};
  const fromAbove = place.old != null && place.old < i;
  const link = moveLink(doc, "wd-move-to", fromAbove, [doc.createTextNode(`moved from ${fromAbove ? "above" : "below"}`)]);
  link.href = `#${idPrefix}move-${id}-old`;
  link.dataset.wdMove = String(id);
  link.title = "This passage was moved: go to where it stood in the source";
  return link;
}

/**
 * What an added or cut text that is only a paragraph (or line) break or
 * spaces is called: "paragraph break removed", "space added"; null for any
 * other text. A reader hears this, not "deleted" and nothing.
 */
export function breakWords(kind, text) {
  if (!text || !/^\s*$/.test(text)) return null;
  const what = text.includes("\n") ? `${/\n\s*\n/.test(text) ? "paragraph" : "line"} break` : "space";
  return `${what} ${kind === "insert" ? "added" : "removed"}`;
}

/** What a replacement of blank text by blank text is called ("paragraph break removed": a break became a space); else null. */
export function breakChange(before, after) {
  const cut = breakWords("delete", before);
  const added = breakWords("insert", after);
  if (!cut || !added) return null;
  if (before.includes("\n") === after.includes("\n")) return null;
  return before.includes("\n") ? cut : added;
}

/**
 * An <ins>/<del> with its hidden label, continued across blocks without the
 * label; `whole` is the op's whole added or cut text (a break says so).
 */
export function markMaker(doc, kind, opIndex, stop, boilerplate = false, whole = "") {
  const said = breakWords(kind, whole);
  return (first) => {
    const node = el(doc, TAG[kind], `wd-${kind === "insert" ? "ins" : "del"}${boilerplate ? " wd-boilerplate" : ""}`);
    node.dataset.wdOp = String(opIndex);
    if (first) {
      markStop(node, stop);
      node.append(srOnly(doc, `[${boilerplate ? "boilerplate " : ""}${said ?? `${LABEL[kind]}: `}`));
    }
    return node;
  };
}

/** A one-word spelling change, letter by letter, from the op's `parts`. */
export function spellingMark(doc, kind, parts, text, opIndex) {
  const node = el(doc, TAG[kind], `wd-${kind === "insert" ? "ins" : "del"} wd-spelling`);
  node.dataset.wdOp = String(opIndex);
  node.append(srOnly(doc, `[${kind === "insert" ? "spelled now" : "spelled before"}: `));
  const side = kind === "insert" ? "right" : "left";
  const changed = kind === "insert" ? ["insert", "replace"] : ["delete", "replace"];
  for (const part of parts) {
    const piece = text.slice(part[side].start, part[side].end);
    if (!piece) continue;
    if (part.kind === "equal") node.append(doc.createTextNode(piece));
    else if (changed.includes(part.kind)) node.append(el(doc, "b", "wd-letters", piece));
  }
  node.append(srOnly(doc, "]"));
  return node;
}

/**
 * Where each paraphrased sentence of the comparison stands (without the
 * whitespace around it), in reading order: [{ index, start, end, sources,
 * left, right }], `sources` the spans of its source sentences in the source
 * text, `left` and `right` those of the words they share, in each text.
 */
export function rewrites(result, right) {
  const sentences = result.right?.sentences;
  if (!Array.isArray(sentences)) return [];
  const out = [];
  sentences.forEach((s, index) => {
    if (s.label !== "paraphrased" || !sourcesOf(result, index).length) return;
    let { start, end } = s.span;
    while (start < end && /\s/.test(right[start])) start++;
    while (end > start && /\s/.test(right[end - 1])) end--;
    if (end <= start) return;
    const sources = sourcesOf(result, index);
    const words = sources.flatMap((x) => x.words);
    out.push({
      index,
      start,
      end,
      sources: sources.map((x) => result.left.sentences[x.sentence].span),
      left: merged(words.map((w) => w.left)),
      right: merged(words.map((w) => w.right)),
    });
  });
  return out.sort((a, b) => a.start - b.start);
}

/** Spans sorted, those that overlap or touch made one. */
function merged(spans) {
  const out = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ start: span.start, end: span.end });
  }
  return out;
}
