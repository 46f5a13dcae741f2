// The scorecard (www/render/scorecard.js): the answer in one line, every
// figure the engine's, and an empty slot kept for the credit check.
import assert from "node:assert/strict";
import { test } from "node:test";
import { renderScorecard } from "../../www/render/scorecard.js";
import { fakeDocument, seenText } from "./fake-dom.mjs";
import { stats } from "./results.mjs";

const LABELS = { left: "AP", right: "Kompas" };

test("the verdict, the derived share, quotes and numbers changed, each carrying the engine's figure", () => {
  const result = { stats: stats({ verdict: "partially derived", derivedShare: 0.876, quotes: { unchanged: 3, altered: 2, cut: 8, added: 0 }, numbers: { unchanged: 4, altered: 0, cut: 0, added: 0 } }) };
  const items = renderScorecard(fakeDocument(), result, { labels: LABELS });
  assert.deepEqual(items.map((i) => [i.dataset.wdScore, seenText(i)]), [
    ["verdict", "Verdict: partially derived"],
    ["derivedShare", "88% from AP"],
    ["quotes", "10 quotes changed (8 cut, 2 altered)"],
    ["numbers", "no number changed"],
    ["credit", ""],
  ]);
  assert.equal(items[1].dataset.value, "0.876");
  assert.equal(items[1].title, "88% of Kompas's words are derived from AP: verbatim, edited or paraphrased");
  assert.deepEqual(JSON.parse(items[2].dataset.value), result.stats.quotes);
  assert.equal(items[4].hidden, true, "the credit slot is hidden while empty");
});

test("the credit slot holds what the credit check gives it; without stats there is no scorecard", () => {
  const doc = fakeDocument();
  const credit = doc.createElement("span");
  credit.textContent = "AP credit removed";
  const items = renderScorecard(doc, { stats: stats({ verdict: "wholly derived", derivedShare: 1 }) }, { labels: LABELS, credit });
  assert.equal(seenText(items[4]), "AP credit removed");
  assert.equal(items[4].hidden, false);
  assert.deepEqual(renderScorecard(doc, { ops: [] }), []);
});
