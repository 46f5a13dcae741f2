// Side by side (www/render/sidebyside.js): the source beside the comparison,
// paragraph by paragraph, in one grid of rows.
import assert from "node:assert/strict";
import { test } from "node:test";
import { renderSideBySide, sideBySideChunks } from "../../www/render/sidebyside.js";
import { all, fakeDocument, hasClass, seenText } from "./fake-dom.mjs";
import { diff, merged, opsOnly } from "./results.mjs";

const LABELS = { left: "AP", right: "Kompas" };
const rows = (root) => all(root, hasClass("wd-row")).map((row) => [row.className, ...row.children.map((cell) => seenText(cell))]);

const story = () =>
  diff([
    ["equal", "Workers struck.\n\n"],
    ["delete", "Police came.\n\n"],
    ["equal", "Strikes "],
    ["replace", "spread", "grew"],
    ["insert", " fast"],
    ["equal", ".\n"],
  ]);

test("each paragraph is a row with the source beside it; a whole cut paragraph has a row of its own", () => {
  const texts = story();
  const root = renderSideBySide(fakeDocument(), opsOnly(texts), texts.left, texts.right, { labels: LABELS });
  assert.deepEqual(rows(root), [
    ["wd-row wd-row-head", "AP", "Kompas"],
    ["wd-row", "Workers struck.\n\n", "Workers struck.\n\n"],
    ["wd-row wd-row-cut", "Police came.\n\n", ""],
    ["wd-row", "Strikes spread.\n", "Strikes grew fast.\n"],
  ]);
  // the heading row is for the eye; a screen reader hears the cells' own labels
  assert.equal(all(root, hasClass("wd-row-head"))[0].getAttribute("aria-hidden"), "true");
});

test("the source column holds the cuts struck and labelled, the comparison column the additions, each change one stop", () => {
  const texts = story();
  const root = renderSideBySide(fakeDocument(), opsOnly(texts), texts.left, texts.right);
  const [left, right] = ["wd-cell-left", "wd-cell-right"].map((c) => all(root, hasClass(c)).slice(1));
  const marks = (cells, tag) => cells.flatMap((cell) => all(cell, (e) => e.localName === tag && e.hasAttribute("data-wd-op")).map((e) => e.textContent));
  assert.deepEqual(marks(left, "del"), ["[deleted: Police came.]", "[deleted: spread]"]);
  assert.deepEqual(marks(right, "ins"), ["[inserted: grew]", "[inserted:  fast]"]);
  assert.deepEqual(marks(right, "del"), [], "nothing struck in the comparison column");
  const stops = all(root, (e) => e.hasAttribute("data-wd-stop")).map((e) => [e.dataset.wdStop, seenText(e)]);
  assert.deepEqual(stops, [["0", "Police came."], ["1", "spread"], ["2", " fast"]]);
  // the two columns, read down, are the two texts
  assert.equal(left.map((c) => seenText(c)).join(""), texts.left);
  assert.equal(right.map((c) => seenText(c)).join(""), texts.right);
});

test("a paraphrased sentence starts with its “↗ from AP ¶2 s1–2” marker", () => {
  const { left, right, result } = merged();
  const root = renderSideBySide(fakeDocument(), result, left, right, { labels: LABELS });
  const [marker] = all(root, hasClass("wd-source-link"));
  assert.equal(marker.textContent, "↗ from \u2068AP\u2069 ¶2 s1–2");
  assert.ok(marker.parentElement.classList.contains("wd-cell-right"));
});

test("a long paragraph goes on in further rows, cut at a space, none longer than the line length", () => {
  const words = "workers walked out of the plant ".repeat(200);
  const texts = diff([["equal", words]]);
  const chunks = [...sideBySideChunks(fakeDocument(), opsOnly(texts), texts.left, texts.right, { lineChars: 500, hardChars: 1000 })];
  const cells = chunks.flatMap((chunk) => all(chunk, hasClass("wd-cell-right"))).slice(1);
  assert.ok(cells.length >= words.length / 1000, `${cells.length} rows`);
  for (const cell of cells.slice(0, -1)) assert.ok(seenText(cell).endsWith(" ") && seenText(cell).length <= 1000, JSON.stringify(seenText(cell).slice(-20)));
  assert.equal(cells.map((c) => seenText(c)).join(""), words);
});

test("an unchanged passage whose paragraphs are spaced differently (“\\n\\n” against “\\n”) keeps each paragraph beside itself, in one row", () => {
  // one equal op (whitespace unified): the source's paragraphs end in a blank line, the comparison's in a line break
  const paragraphs = ["Lukashenko said the country could vote again.", "He told the factory workers they could leave.", "“I will never cave in,” he said."];
  const left = `${paragraphs.join("\n\n")}\n`;
  const right = `${paragraphs.join("\n")}\n`;
  const result = opsOnly({ ops: [{ kind: "equal", left: { start: 0, end: left.length }, right: { start: 0, end: right.length } }] });
  const body = rows(renderSideBySide(fakeDocument(), result, left, right, { labels: LABELS })).slice(1);
  assert.deepEqual(body.map(([, l, r]) => [l.trim(), r.trim()]), paragraphs.map((p) => [p, p]));

  // a source with a paragraph the comparison merged into another: as many breaks no more, the source is cut by length as before
  const joined = `${paragraphs[0]} ${paragraphs[1]}\n${paragraphs[2]}\n`;
  const merged = opsOnly({ ops: [{ kind: "equal", left: { start: 0, end: left.length }, right: { start: 0, end: joined.length } }] });
  const all3 = rows(renderSideBySide(fakeDocument(), merged, left, joined, { labels: LABELS })).slice(1);
  assert.equal(all3.map(([, l]) => l).join(""), left, "the source column is the whole source");
  assert.equal(all3.map(([, , r]) => r).join(""), joined, "the comparison column is the whole comparison");
});
