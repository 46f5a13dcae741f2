// The reuse matrix: with more than two versions, how much of each text's
// words come word for word from each other text (the engine's compareMany
// matrix), as a heat map whose cells are buttons that open that comparison.
// The figure is printed in every cell, so colour is never the only cue.
// Pure: `document` in, nodes out.
//
//   renderMatrix(doc, many, labels, { current: {source, compare}, captionId }) → <table>
// `labels[i]` names text i; a cell button carries data-wd-source (column j:
// where the words come from) and data-wd-compare (row i). The texts keep
// their order whichever pair is shown (`current`, its source column noted),
// so that a cell chosen stays under the pointer. The caption is not a
// <caption>: one is as wide as its table, and a table wider than its
// scroller (a phone, seven versions) would cut it off; the page shows the
// words (MATRIX_CAPTION) above the scroller and names them by `captionId`.
import { el, isolated, percent } from "./flow.js";

const BUCKETS = [0.05, 0.2, 0.4, 0.6, 0.8];

export function heat(share) {
  return BUCKETS.filter((b) => share >= b).length;
}

export const MATRIX_CAPTION = "Share of each version's words (rows) found word for word in another text (columns). Choose a cell to open that comparison.";

export function renderMatrix(doc, many, labels, { current = {}, captionId = null } = {}) {
  const table = el(doc, "table", "wd-matrix");
  if (captionId) table.setAttribute("aria-describedby", captionId);
  const head = el(doc, "tr");
  head.append(el(doc, "td"));
  labels.forEach((label, j) => {
    const th = el(doc, "th");
    th.append(isolated(doc, label));
    th.scope = "col";
    if (j === current.source) th.append(el(doc, "span", "wd-matrix-note", " (source)"));
    head.append(th);
  });
  const thead = el(doc, "thead");
  thead.append(head);
  const body = el(doc, "tbody");
  many.matrix.forEach((row, i) => {
    const tr = el(doc, "tr");
    const th = el(doc, "th");
    th.append(isolated(doc, labels[i]));
    th.scope = "row";
    tr.append(th);
    row.forEach((share, j) => {
      const td = el(doc, "td", `wd-heat wd-heat-${heat(share)}`);
      if (i === j) {
        td.classList.add("wd-heat-self");
        td.append(el(doc, "span", "wd-sr-only", "itself"), doc.createTextNode("—"));
      } else {
        const button = el(doc, "button", "wd-cell-button", percent(share));
        button.type = "button";
        button.dataset.wdSource = String(j);
        button.dataset.wdCompare = String(i);
        button.dataset.value = String(share);
        button.setAttribute("aria-label", `${percent(share)} of ${labels[i]} from ${labels[j]}: open this comparison`);
        if (current.source === j && current.compare === i) button.setAttribute("aria-current", "true");
        td.append(button);
      }
      tr.append(td);
    });
    body.append(tr);
  });
  table.append(thead, body);
  return table;
}
