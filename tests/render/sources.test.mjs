// Where a sentence came from (www/render/sources.js): the place in words an
// editor counts by, and the sources panel's word-by-word quotes.
import assert from "node:assert/strict";
import { test } from "node:test";
import { renderSourceDetail } from "../../www/render/source-quotes.js";
import { ranges, sentenceNumbers, sourceLink, sourcesOf, whereFrom } from "../../www/render/sources.js";
import { all, fakeDocument, hasClass, seenText } from "./fake-dom.mjs";
import { merged, sentence } from "./results.mjs";

const LABELS = { left: "AP", right: "Kompas" };
const ap = (text) => text.replaceAll("AP", "\u2068AP\u2069").replaceAll("Kompas", "\u2068Kompas\u2069");

test("sentences are numbered as an editor counts them: the story's, boilerplate left out", () => {
  const { result } = merged();
  assert.deepEqual(sentenceNumbers(result.left), [null, 1, 2, 3]);
  assert.deepEqual(sentenceNumbers(result.right), [1, 2]);
});

test("consecutive numbers are written as ranges", () => {
  assert.equal(ranges([1, 2, 3, 5, 7, 8]), "1–3, 5, 7–8");
  assert.equal(ranges([4]), "4");
});

test("a merged sentence comes “from AP ¶2, sentences 1–2” (short: “AP ¶2 s1–2”); one from two paragraphs names both", () => {
  const { result } = merged();
  assert.equal(whereFrom(result, 0, LABELS), ap("from AP ¶2, sentences 1–2"));
  assert.equal(whereFrom(result, 0, LABELS, { short: true }), ap("AP ¶2 s1–2"));
  assert.equal(whereFrom(result, 1, LABELS), ap("from AP ¶3, sentence 3"));
  const twoParagraphs = structuredClone(result);
  twoParagraphs.right.sentences[0].sources.push({ sentence: 3, score: 0.1, words: [] });
  assert.equal(whereFrom(twoParagraphs, 0, LABELS), ap("from AP ¶2, sentences 1–2; ¶3, sentence 3"));
  // without labels, the source is “the source”
  assert.equal(whereFrom(result, 1), "from \u2068the source\u2069 ¶3, sentence 3");
});

test("a new sentence's weak links are not shown as its sources", () => {
  const { right, result } = merged();
  const weak = structuredClone(result);
  weak.right.sentences[1] = sentence(right, "Strikes spread on Monday.\n", { label: "new", sources: [{ sentence: 3, score: 0.1, words: [] }] });
  assert.deepEqual(sourcesOf(weak, 1), []);
  assert.equal(whereFrom(weak, 1, LABELS), "");
});

test("the marker of a sentence with sources is a button that opens the panel (aria-controls, aria-expanded), or a plain span in a report", () => {
  const { result } = merged();
  const doc = fakeDocument();
  const button = sourceLink(doc, result, 0, LABELS, { detailId: "detail" });
  assert.equal(button.localName, "button");
  assert.equal(button.textContent, ap("↗ from AP ¶2 s1–2"));
  assert.equal(button.title, ap("Show from AP ¶2, sentences 1–2, word by word"));
  assert.deepEqual([button.getAttribute("aria-controls"), button.getAttribute("aria-expanded"), button.dataset.wdSources], ["detail", "false", "0"]);
  const span = sourceLink(doc, result, 0, LABELS);
  assert.equal(span.localName, "span");
  assert.equal(span.hasAttribute("aria-controls"), false);
});

test("the sources panel quotes each source sentence with the words kept in bold and the rest struck as “cut”, then the sentence with what it added", () => {
  const { left, right, result } = merged();
  const panel = renderSourceDetail(fakeDocument(), result, left, right, 0, { labels: LABELS });
  const [head] = all(panel, hasClass("wd-detail-head"));
  assert.equal(head.textContent, ap("paraphrased Kompas sentence 1, from AP ¶2, sentences 1–2."));
  const quotes = all(panel, hasClass("wd-source-quote"));
  assert.deepEqual(
    quotes.map((q) => seenText(all(q, hasClass("wd-source-where"))[0])),
    [ap("AP ¶2, sentence 1, the source of 60% of Kompas sentence 1: "), ap("AP ¶2, sentence 2, the source of 40% of Kompas sentence 1: "), ap("Kompas sentence 1: ")],
  );
  const words = (quote) => all(quote, (e) => e.classList.contains("wd-kept") || ["del", "ins"].includes(e.localName)).map((e) => [e.localName === "span" ? "kept" : e.localName, seenText(e)]);
  assert.deepEqual(words(quotes[0]), [["kept", "Workers jeered Lukashenko"], ["del", "."]]);
  assert.deepEqual(words(quotes[1]), [["del", "They "], ["kept", "walked out"], ["del", " of the plant."]]);
  assert.deepEqual(words(quotes[2]), [["kept", "Workers jeered Lukashenko"], ["ins", " and "], ["kept", "walked out"], ["ins", "."]]);
  assert.equal(all(quotes[1], (e) => e.localName === "del")[0].textContent, "[cut: They ]");
  assert.equal(all(quotes[2], (e) => e.localName === "ins")[0].textContent, "[added:  and ]");
});

test("a sentence with no source says so, and the panel holds nothing else", () => {
  const { left, right, result } = merged();
  const alone = structuredClone(result);
  alone.right.sentences[1] = sentence(right, "Strikes spread on Monday.\n", { label: "new" });
  const panel = renderSourceDetail(fakeDocument(), alone, left, right, 1, { labels: LABELS });
  assert.equal(seenText(panel), ap("new Kompas sentence 2: no source sentence."));
});
