// The legend of the redline and of side by side (www/render/legend.js): one
// entry for each kind of mark the view shows, drawn as the mark itself.
import assert from "node:assert/strict";
import { test } from "node:test";
import { renderMarksLegend } from "../../www/render/legend.js";
import { all, fakeDocument } from "./fake-dom.mjs";
import { diff, merged, opsOnly } from "./results.mjs";

const entries = (list) => all(list, (e) => e.localName === "li").map((li) => [li.dataset.wdMark, li.children[0].className, li.textContent]);

test("only the marks the result has are explained, each with the mark's own classes and its meaning in words", () => {
  const added = diff([
    ["equal", "Workers struck"],
    ["insert", " again"],
  ]);
  const list = renderMarksLegend(fakeDocument(), opsOnly(added), added.right, "redline");
  assert.equal(list.getAttribute("aria-label"), "Marks");
  assert.deepEqual(entries(list), [["insert", "wd-ins wd-legend-sample", "added not in the source"]]);

  const boilerplate = diff([
    ["equal", "Workers struck.\n"],
    ["delete", "Read also: more\n", { boilerplate: true }],
  ]);
  assert.deepEqual(entries(renderMarksLegend(fakeDocument(), opsOnly(boilerplate), boilerplate.right, "redline")).map((e) => e[0]), ["delete", "boilerplate"]);
});

test("a rewrite's marks differ by view: the redline explains shared words cut and added, side by side the kept words of a quoted source", () => {
  const { right, result } = merged();
  const marks = (view) => entries(renderMarksLegend(fakeDocument(), result, right, view)).map((e) => e[0]);
  assert.deepEqual(marks("redline"), ["insert", "delete", "boilerplate", "rewrite", "shared"]);
  assert.deepEqual(marks("side-by-side"), ["insert", "delete", "boilerplate", "rewrite", "kept"]);
});
