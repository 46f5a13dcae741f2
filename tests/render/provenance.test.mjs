// Provenance (www/render/provenance.js): the comparison coloured sentence by
// sentence by where it came from, each label also said in words.
import assert from "node:assert/strict";
import { test } from "node:test";
import { marksIn } from "../../www/render/legend.js";
import { LABELS, renderProvenance } from "../../www/render/provenance.js";
import { renderSentenceDetail } from "../../www/render/sentence-detail.js";
import { hasProvenance } from "../../www/render/sources.js";
import { VIEWS } from "../../www/views.js";

const renderLegend = VIEWS.provenance.legend;
import { all, fakeDocument, hasClass, seenText } from "./fake-dom.mjs";
import { merged } from "./results.mjs";

const NAMES = { left: "AP", right: "Kompas" };

test("each sentence carries its label as a class, as data and as hidden words with where it came from and how much matches", () => {
  const { left, right, result } = merged();
  const root = renderProvenance(fakeDocument(), result, left, right, { labels: NAMES, detailId: "detail" });
  const sentences = all(root, (e) => e.hasAttribute("data-wd-sent"));
  assert.deepEqual(
    sentences.map((s) => [s.dataset.wdSent, s.dataset.wdLabel, s.classList.contains(`wd-sent-${s.dataset.wdLabel}`), all(s, hasClass("wd-sr-only"))[0].textContent]),
    [
      ["0", "paraphrased", true, "[paraphrased, from \u2068AP\u2069 ¶2, sentences 1–2, 60% of its words match the source word for word] "],
      ["1", "verbatim", true, "[verbatim, from \u2068AP\u2069 ¶3, sentence 3, 100% of its words match the source word for word] "],
    ],
  );
  // a sentence with sources opens them; the text reads whole
  assert.deepEqual(sentences.map((s) => [s.getAttribute("role"), s.getAttribute("aria-controls"), s.tabIndex]), [["button", "detail", 0], ["button", "detail", 0]]);
  assert.equal(seenText(root), right);
});

test("a moved sentence keeps its label's colour and takes the redline's dashed frame; the legend explains it", () => {
  const { left, right, result } = merged();
  result.right.sentences[1].moveId = 1;
  result.moves = [{ id: 1, left: result.left.sentences[3].span, right: result.right.sentences[1].span, edited: false }];
  const root = renderProvenance(fakeDocument(), result, left, right, { labels: NAMES });
  const sentences = all(root, (e) => e.hasAttribute("data-wd-sent"));
  assert.deepEqual(
    sentences.map((s) => [s.className, s.dataset.wdMove, all(s, hasClass("wd-sr-only"))[0].textContent.endsWith(", moved] ")]),
    [
      ["wd-sent wd-sent-paraphrased", undefined, false],
      ["wd-sent wd-sent-verbatim wd-moved", "1", true],
    ],
  );
  const found = new Set();
  for (const chunk of root.childNodes) marksIn(chunk, "provenance", found);
  assert.ok(found.has("move"));
  const legend = renderLegend(fakeDocument(), result);
  assert.ok(all(legend, hasClass("wd-moved")).length === 1, "the legend shows the frame");
  delete result.right.sentences[1].moveId;
  result.moves = [];
  assert.equal(all(renderLegend(fakeDocument(), result), hasClass("wd-moved")).length, 0, "and only when something moved");
});

test("without sentence labels there is no provenance view", () => {
  const { left, right, result } = merged();
  const bare = { ...result, right: undefined };
  assert.equal(hasProvenance(bare), false);
  assert.equal(renderProvenance(fakeDocument(), bare, left, right), null);
});

test("the legend names every label with what it means and its share of the words", () => {
  const { result } = merged();
  const legend = renderLegend(fakeDocument(), result);
  const items = all(legend, (e) => e.localName === "li");
  assert.deepEqual(items.map((i) => i.dataset.wdLabel), Object.keys(LABELS));
  assert.equal(items[0].textContent, "verbatim copied word for word from the source (40% of the words)");
  assert.equal(items[4].textContent, "boilerplate page furniture: read-also lines, footers, captions", "boilerplate has no share in the stats");
  assert.equal(legend.getAttribute("aria-label"), "Sentence colours and marks");
});

test("a sentence's detail names its source sentence, numbered as an editor counts, and quotes it", () => {
  const { left, right, result } = merged();
  const detail = renderSentenceDetail(fakeDocument(), result, left, right, 1, { labels: NAMES });
  assert.equal(seenText(detail), "verbatim sentence 2: from \u2068AP\u2069 ¶3, sentence 3, 100% of its words match the source word for word.Source sentence 3 (kept): Strikes spread on Monday.");
});
