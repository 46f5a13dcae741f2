// The one legend of every view (redline, side by side, provenance), of the
// exported report and of print: one entry for each kind of mark a drawn view
// holds, each drawn with the mark's own classes, so it shows the colour and
// the non-colour cue (underline, strike, frame, ¶, label) together. Which
// marks a view holds is read from what was drawn (marksIn), so the legend
// never explains a mark that is not there nor misses one that is.
// One colour language across the views (wirediff.css): green and underlined
// is text the comparison has and the source lacks (added words, a "new"
// sentence), red and struck is source text left out, purple and framed is
// moved, grey and italic is boilerplate; the provenance labels of derived
// sentences use blue, amber and orange, which no other view uses. Pure.
//
//   MARKS                                  → the marks, in legend order: { mark, views, is(element), sample(doc, view), meaning }
//   marksIn(node, view, found = new Set()) → `found` with the names of the marks drawn under `node` added
//   renderMarksLegend(doc, view, found, result?) → <ul class="wd-legend">; with `result`, provenance labels give their share
import { el, percent } from "./flow.js";
import { moveLink } from "./marks.js";

const BOTH = ["redline", "side-by-side"];
/** Whether an element has every one of `names` as a class, and (given `not`) none of those. */
const classes = (names, not = []) => (e) => names.every((n) => e.classList.contains(n)) && !not.some((n) => e.classList.contains(n));
const ALL = [...BOTH, "provenance"];

/** A sample drawn as the mark: `className` on a span holding `text` (or the nodes `text` makes). */
const drawn = (className, text, tag = "span") => (doc) => el(doc, tag, `${className} wd-legend-sample`, text);

/** A moved passage's end as drawn (marks.js), its arrow beside it. */
const moveEnd = (className, up, words) => (doc) => {
  const sample = moveLink(doc, className, up, [doc.createTextNode(` ${words}`)]);
  sample.classList.add("wd-legend-sample");
  return sample;
};

function spelling(doc) {
  const sample = el(doc, "ins", "wd-ins wd-spelling wd-legend-sample");
  sample.append(doc.createTextNode("colo"), el(doc, "b", "wd-letters", "u"), doc.createTextNode("r"));
  return sample;
}

function cutBreak(doc) {
  const sample = el(doc, "del", "wd-del wd-legend-sample");
  sample.append(el(doc, "span", "wd-cut-break"));
  return sample;
}

function rewrite(doc, view) {
  const frame = el(doc, "span", `${view === "redline" ? "wd-rewrite " : ""}wd-legend-sample`);
  frame.append(el(doc, "span", "wd-source-link", view === "redline" ? "rewritten from" : "↗ from"));
  return frame;
}

function quoted(doc) {
  const sample = el(doc, "span", "wd-source-quote wd-legend-sample");
  sample.append(doc.createTextNode("source sentence, "), el(doc, "span", "wd-kept", "kept words"));
  return sample;
}

const LABELS = {
  verbatim: "copied word for word from the source",
  edited: "a source sentence with a few words changed",
  paraphrased: "reworded, merged or split from source sentences",
  new: "not in the source",
  boilerplate: "page furniture: read-also lines, footers, captions",
};

export const MARKS = [
  { mark: "insert", views: BOTH, is: classes(["wd-ins"], ["wd-boilerplate", "wd-breaks", "wd-spelling", "wd-shared"]), sample: drawn("wd-ins", "added", "ins"), meaning: "not in the source (underlined)" },
  { mark: "delete", views: BOTH, is: classes(["wd-del"], ["wd-boilerplate", "wd-breaks", "wd-spelling"]), sample: drawn("wd-del", "cut", "del"), meaning: "in the source, left out (struck through)" },
  { mark: "cut-break", views: BOTH, is: classes(["wd-cut-break"]), sample: cutBreak, meaning: "a paragraph break cut" },
  { mark: "spelling", views: BOTH, is: classes(["wd-spelling"]), sample: spelling, meaning: "a word spelled differently: the changed letters in bold" },
  { mark: "move", views: ALL, is: classes(["wd-moved"]), sample: drawn("wd-moved", "moved"), meaning: "a passage that stands elsewhere in the source (dashed frame)" },
  { mark: "move-to", views: BOTH, is: classes(["wd-move-to"]), sample: moveEnd("wd-move-to", true, "moved from above"), meaning: "link to where a moved passage stood (the arrow in the margin points there)" },
  { mark: "move-from", views: BOTH, is: classes(["wd-move-from"]), sample: moveEnd("wd-move-from", false, "moved down"), meaning: "where a moved passage stood: link to its new place" },
  { mark: "rewrite", views: BOTH, is: classes(["wd-source-link"]), sample: rewrite, meaning: "a sentence reworded from source sentences; click it for them word by word" },
  { mark: "shared", views: BOTH, is: classes(["wd-shared"]), sample: drawn("wd-ins wd-shared", "shared"), meaning: "in a rewrite, the source's words cut in one place and added in another" },
  { mark: "quoted", views: BOTH, is: classes(["wd-source-quote"]), sample: quoted, meaning: "a rewrite's source sentence from another row, quoted beside it, the words it kept in bold" },
  ...Object.entries(LABELS).map(([label, meaning]) => ({ mark: label, label, views: ["provenance"], is: classes([`wd-sent-${label}`]), sample: drawn(`wd-sent wd-sent-${label}`, label), meaning })),
  { mark: "boilerplate-cut", views: BOTH, is: classes(["wd-del", "wd-boilerplate"]), sample: drawn("wd-del wd-boilerplate", "boilerplate cut", "del"), meaning: "read-also lines, footers: shown, not counted as changes" },
  { mark: "boilerplate-added", views: BOTH, is: classes(["wd-ins", "wd-boilerplate"]), sample: drawn("wd-ins wd-boilerplate", "boilerplate added", "ins"), meaning: "the same, in the comparison only" },
  { mark: "boilerplate-hidden", views: ALL, is: classes(["wd-hidden-boilerplate"]), sample: drawn("wd-hidden-boilerplate", "⋯"), meaning: "boilerplate hidden" },
];

/** Adds to `found` the names of the marks of `view` drawn under `node` (a drawn view, or one chunk of it; itself included). */
export function marksIn(node, view, found = new Set()) {
  const marks = MARKS.filter((m) => m.views.includes(view));
  const stack = [node];
  while (stack.length) {
    const e = stack.pop();
    if (e.nodeType !== 1) continue;
    for (const m of marks) if (m.is(e)) found.add(m.mark);
    for (const child of e.childNodes) if (child.nodeType === 1) stack.push(child);
  }
  return found;
}

/** The share of the comparison's words a provenance label has, when the engine's stats say it. */
function share(result, label) {
  const value = result?.stats?.[`${label}Share`];
  return typeof value === "number" ? ` (${percent(value)} of the words)` : "";
}

export function renderMarksLegend(doc, view, found, result = null) {
  const list = el(doc, "ul", "wd-legend");
  list.setAttribute("aria-label", view === "provenance" ? "Sentence colours and marks" : "Marks");
  for (const { mark, label, views, sample, meaning } of MARKS) {
    if (!views.includes(view) || !found.has(mark)) continue;
    const item = el(doc, "li");
    item.dataset.wdMark = mark;
    if (label) item.dataset.wdLabel = label;
    item.append(sample(doc, view), doc.createTextNode(` ${meaning}${label ? share(result, label) : ""}`));
    list.append(item);
  }
  return list;
}

/** Every provenance label: the legend of a provenance view not yet drawn (the widget's). */
export const PROVENANCE_LABELS = Object.keys(LABELS);
