// The one legend (www/render/legend.js): an entry for each kind of mark a
// drawn view holds, read from what was drawn, each drawn as the mark itself.
import assert from "node:assert/strict";
import { test } from "node:test";
import { MARKS, marksIn, renderMarksLegend } from "../../www/render/legend.js";
import { renderProvenance } from "../../www/render/provenance.js";
import { hasProvenance } from "../../www/render/sources.js";
import { renderRedline } from "../../www/render/redline.js";
import { renderSideBySide } from "../../www/render/sidebyside.js";
import { all, fakeDocument } from "./fake-dom.mjs";
import { diff, merged, opsOnly } from "./results.mjs";

const entries = (list) => all(list, (e) => e.localName === "li").map((li) => [li.dataset.wdMark, li.children[0].className, li.textContent]);
const RENDER = { redline: renderRedline, "side-by-side": renderSideBySide, provenance: renderProvenance };

/** The legend of `view` as the page makes it: from the marks drawn. */
function legendOf(view, result, left, right) {
  const doc = fakeDocument();
  const root = doc.createElement("div");
  root.append(RENDER[view](doc, result, left, right, {}));
  return { root, list: renderMarksLegend(doc, view, marksIn(root, view), result) };
}

/** Every class of an element under `root`, but the ones that only lay text out or hide a label. */
const LAYOUT = new Set(["wd-chunk", "wd-block", "wd-row", "wd-row-cut", "wd-row-head", "wd-cell", "wd-cell-left", "wd-cell-right", "wd-sr-only", "wd-breaks", "wd-replace", "wd-spelling-change", "wd-label", "wd-source-where", "wd-word-diff", "wd-sent", "wd-legend-sample"]);
const classesIn = (root) => new Set(all(root, () => true).flatMap((e) => e.classList.values()).filter((c) => !LAYOUT.has(c)));

test("only the marks drawn are explained, each with the mark's own classes and its meaning in words", () => {
  const added = diff([
    ["equal", "Workers struck"],
    ["insert", " again"],
  ]);
  const { list } = legendOf("redline", opsOnly(added), added.left, added.right);
  assert.equal(list.getAttribute("aria-label"), "Marks");
  assert.deepEqual(entries(list), [["insert", "wd-ins wd-legend-sample", "added not in the source (underlined)"]]);

  const boilerplate = diff([
    ["equal", "Workers struck.\n"],
    ["delete", "Read also: more\n", { boilerplate: true }],
    ["equal", "Then"],
    ["delete", "\n\n"],
    ["equal", " more"],
  ]);
  assert.deepEqual(entries(legendOf("redline", opsOnly(boilerplate), boilerplate.left, boilerplate.right).list).map((e) => e[0]), ["delete", "cut-break", "boilerplate-cut"]);
});

test("in every view, every mark class drawn has a legend entry that draws it", () => {
  const { left, right, result } = merged();
  assert.ok(hasProvenance(result));
  for (const view of Object.keys(RENDER)) {
    const { root, list } = legendOf(view, result, left, right);
    const explained = classesIn(list);
    for (const name of classesIn(root)) assert.ok(explained.has(name), `${view}: ${name} is in the legend`);
  }
});

test("a rewrite's marks differ by view: the redline shows its shared words and ¶ cut inside it, side by side (its sources in its row) neither", () => {
  const { left, right, result } = merged();
  const marks = (view) => entries(legendOf(view, result, left, right).list).map((e) => e[0]);
  assert.deepEqual(marks("redline"), ["insert", "delete", "cut-break", "rewrite", "shared", "boilerplate-cut"]);
  assert.deepEqual(marks("side-by-side"), ["insert", "delete", "rewrite", "boilerplate-cut"]);
});

test("one colour language: the cut and the added colour each draw one meaning, in every mark that uses them", () => {
  const byClass = new Map();
  for (const { mark, sample, views } of MARKS) {
    const node = sample(fakeDocument(), views[0]);
    for (const name of node.classList.values()) byClass.set(name, [...(byClass.get(name) ?? []), mark]);
  }
  assert.deepEqual(byClass.get("wd-del"), ["delete", "cut-break", "boilerplate-cut"], "red strike is only ever text left out");
  assert.deepEqual(byClass.get("wd-ins"), ["insert", "spelling", "shared", "boilerplate-added"], "green underline is only ever text added");
});
