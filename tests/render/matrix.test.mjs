// The reuse matrix (www/render/matrix.js): the share of each version's words
// found in each other text, printed in every cell, each cell a button.
import assert from "node:assert/strict";
import { test } from "node:test";
import { heat, renderMatrix } from "../../www/render/matrix.js";
import { all, fakeDocument, hasClass } from "./fake-dom.mjs";

const MANY = {
  matrix: [
    [1, 0.5, 0.04],
    [0.62, 1, 0.1],
    [0.05, 0.2, 1],
  ],
};
const LABELS = ["AP", "Kompas", "NPR"];

test("every cell prints its share, so colour is never the only cue, and opens that comparison", () => {
  const table = renderMatrix(fakeDocument(), MANY, LABELS, { current: { source: 0, compare: 1 } });
  const buttons = all(table, hasClass("wd-cell-button"));
  assert.deepEqual(
    buttons.map((b) => [b.textContent, b.dataset.wdCompare, b.dataset.wdSource, b.getAttribute("aria-label")]),
    [
      ["50%", "0", "1", "50% of AP from Kompas: open this comparison"],
      ["4%", "0", "2", "4% of AP from NPR: open this comparison"],
      ["62%", "1", "0", "62% of Kompas from AP: open this comparison"],
      ["10%", "1", "2", "10% of Kompas from NPR: open this comparison"],
      ["5%", "2", "0", "5% of NPR from AP: open this comparison"],
      ["20%", "2", "1", "20% of NPR from Kompas: open this comparison"],
    ],
  );
  assert.deepEqual(buttons.filter((b) => b.getAttribute("aria-current") === "true").map((b) => b.textContent), ["62%"], "the comparison shown is marked");
  assert.deepEqual(all(table, hasClass("wd-heat-self")).map((td) => td.textContent), ["itself—", "itself—", "itself—"]);
  const headers = all(table, (e) => e.localName === "th");
  assert.deepEqual(headers.map((th) => [th.scope, th.textContent]), [
    ["col", "AP (source)"],
    ["col", "Kompas"],
    ["col", "NPR"],
    ["row", "AP"],
    ["row", "Kompas"],
    ["row", "NPR"],
  ]);
});

test("the heat classes step at 5, 20, 40, 60 and 80%", () => {
  assert.deepEqual([0, 0.049, 0.05, 0.2, 0.39, 0.4, 0.6, 0.8, 1].map(heat), [0, 0, 1, 2, 2, 3, 4, 5, 5]);
});

test("the texts keep their order whichever pair is shown: only the source note and the current cell move; the caption is the page's, named by id", () => {
  const table = renderMatrix(fakeDocument(), MANY, LABELS, { current: { source: 1, compare: 2 }, captionId: "matrix-caption" });
  const headers = all(table, (e) => e.localName === "th").map((th) => th.textContent);
  assert.deepEqual(headers, ["AP", "Kompas (source)", "NPR", "AP", "Kompas", "NPR"]);
  assert.deepEqual(all(table, (b) => b.getAttribute?.("aria-current") === "true").map((b) => b.textContent), ["20%"]);
  assert.equal(all(table, (e) => e.localName === "caption").length, 0, "no <caption> as wide as the table");
  assert.equal(table.getAttribute("aria-describedby"), "matrix-caption");
});
