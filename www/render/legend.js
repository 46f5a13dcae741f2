// The legend of the redline and of side by side: one entry for each kind of
// mark the view shows for this result (added, cut, boilerplate, moved,
// rewritten, shared words of a quoted source), each drawn with the mark's own classes, so it shows the colour and
// the non-colour cue (underline, strike, frame, label) together. The provenance
// view has its own legend of sentence labels (provenance.js). Pure.
//
//   renderMarksLegend(doc, result, right, view) → <ul class="wd-legend">, view "redline" or "side-by-side"
import { el } from "./flow.js";
import { rewrites } from "./marks.js";

const MARKS = [
  { mark: "insert", className: "wd-ins", sample: "added", meaning: "not in the source", present: (r) => r.ops.some((op) => op.kind === "insert" || op.kind === "replace") },
  { mark: "delete", className: "wd-del", sample: "cut", meaning: "in the source, left out", present: (r) => r.ops.some((op) => op.kind === "delete" || op.kind === "replace") },
  { mark: "boilerplate", className: "wd-del wd-boilerplate", sample: "boilerplate", meaning: "read-also lines, footers: shown, not counted as changes", present: (r) => r.ops.some((op) => op.boilerplate && op.kind !== "equal") },
  { mark: "move", className: "wd-moved", sample: "moved", meaning: "a passage that stands elsewhere in the source", present: (r) => r.ops.some((op) => op.kind === "move") },
  { mark: "rewrite", className: "wd-source-link", sample: "rewritten from", meaning: "a sentence reworded from source sentences; click it for them word by word", present: (r, right) => rewrites(r, right).length > 0 },
  { mark: "shared", className: "wd-ins wd-shared", sample: "shared", meaning: "in a rewrite, the source's words cut in one place and added in another (reordered, or split between sentences)", present: (r, right, view) => view === "redline" && rewrites(r, right).length > 0 },
  { mark: "kept", className: "wd-kept", sample: "shared", meaning: "in a quoted source sentence, the words the rewrite kept", present: (r, right, view) => view === "side-by-side" && rewrites(r, right).length > 0 },
];

export function renderMarksLegend(doc, result, right, view) {
  const list = el(doc, "ul", "wd-legend");
  list.setAttribute("aria-label", "Marks");
  for (const { mark, className, sample, meaning, present } of MARKS) {
    if (!present(result, right, view)) continue;
    const item = el(doc, "li");
    item.dataset.wdMark = mark;
    item.append(el(doc, "span", `${className} wd-legend-sample`, sample), doc.createTextNode(` ${meaning}`));
    list.append(item);
  }
  return list;
}
