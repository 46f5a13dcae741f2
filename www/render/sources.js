// Where a comparison sentence came from, as the three views show it: "from AP
// ¶1, sentences 1–2", and each source sentence beside the sentence with the
// words they share marked as kept and the rest as cut or added. Everything
// comes from the engine's `sources` (sentence links with the spans of shared
// words); nothing is matched here. Pure: `document` in, nodes out; article
// text only becomes text nodes.
//
// Sentences are numbered as an editor counts them: the story's sentences in
// reading order, boilerplate (datelines, read-also lines, footers) left out;
// paragraphs as they stand in the text, from 1.
//
//   sourcesOf(result, index)                           → a derived sentence's valid sources, strongest first
//   whereFrom(result, index, labels, { short })        → "from AP ¶1, sentences 1–2" / "AP ¶1 s1–2", or ""
//   sourceOpener(node, index, detailId)                → makes `node` the button that shows sentence `index`'s sources
//   sourceLink(doc, result, index, labels, opts)       → the "↗ from AP ¶1 s1–2" marker of a sentence
//   (the quotes of source sentences, word by word: source-quotes.js)
import { el, isolatedText } from "./flow.js";

const numbering = new WeakMap();

/** Story sentence numbers (from 1; null for boilerplate) by sentence index, of one text's structure. */
/** Does the result carry sentence labels (the provenance view and the sources need them)? */
export function hasProvenance(result) {
  return Array.isArray(result?.right?.sentences);
}

export function sentenceNumbers(structure) {
  let numbers = numbering.get(structure);
  if (numbers) return numbers;
  const { sentences } = structure;
  numbers = new Array(sentences.length).fill(null);
  // They tile the text, so they come in reading order: sort only if not (a text of millions of sentences).
  let order = sentences.keys();
  if (sentences.some((s, i) => i > 0 && s.span.start < sentences[i - 1].span.start)) {
    order = [...order].sort((a, b) => sentences[a].span.start - sentences[b].span.start);
  }
  let n = 0;
  for (const i of order) if (sentences[i].label !== "boilerplate") numbers[i] = ++n;
  numbering.set(structure, numbers);
  return numbers;
}

/** "1–2, 5": sorted whole numbers, consecutive ones as ranges. */
export function ranges(numbers) {
  const out = [];
  for (let k = 0; k < numbers.length; k++) {
    let end = k;
    while (end + 1 < numbers.length && numbers[end + 1] === numbers[end] + 1) end++;
    out.push(end > k ? `${numbers[k]}–${numbers[end]}` : String(numbers[k]));
    k = end;
  }
  return out.join(", ");
}

/** Labels of sentences drawn from the source; a `new` sentence's weak links are not shown as its sources. */
const DERIVED = new Set(["verbatim", "edited", "paraphrased"]);

export function sourcesOf(result, index) {
  const s = result.right?.sentences?.[index];
  const others = result.left?.sentences;
  if (!s || !DERIVED.has(s.label) || !Array.isArray(s.sources) || !others) return [];
  return s.sources.filter((source) => others[source.sentence]);
}

/** The sources' places, paragraph by paragraph in reading order: [{ paragraph, numbers }]. */
function places(result, sources) {
  const others = result.left.sentences;
  const numbers = sentenceNumbers(result.left);
  const byParagraph = new Map();
  const ordered = [...sources].sort((a, b) => others[a.sentence].span.start - others[b.sentence].span.start);
  for (const { sentence } of ordered) {
    const paragraph = others[sentence].paragraph + 1;
    const list = byParagraph.get(paragraph) ?? [];
    if (numbers[sentence] != null && !list.includes(numbers[sentence])) list.push(numbers[sentence]);
    byParagraph.set(paragraph, list);
  }
  return [...byParagraph].map(([paragraph, list]) => ({ paragraph, numbers: list.sort((a, b) => a - b) }));
}

/**
 * Where sentence `index` of the comparison came from, in words: "from AP ¶1,
 * sentences 1–2; ¶3, sentence 7", or with `short` "AP ¶1 s1–2, ¶3 s7"; "" without sources.
 */
export function whereFrom(result, index, labels = {}, { short = false } = {}) {
  const sources = sourcesOf(result, index);
  if (!sources.length) return "";
  const who = isolatedText(labels.left ?? "the source");
  const parts = places(result, sources).map(({ paragraph, numbers }) => {
    if (!numbers.length) return `¶${paragraph}`;
    if (short) return `¶${paragraph} s${ranges(numbers)}`;
    return `¶${paragraph}, ${numbers.length === 1 ? "sentence" : "sentences"} ${ranges(numbers)}`;
  });
  return short ? `${who} ${parts.join(", ")}` : `from ${who} ${parts.join("; ")}`;
}

/**
 * Makes `node` the control that shows sentence `index`'s sources in the
 * element `detailId` (a disclosure: aria-expanded, aria-controls); a <button>
 * as it is, anything else as a focusable role=button. Without `detailId` (a
 * report with no script) it only carries the index.
 */
export function sourceOpener(node, index, detailId) {
  node.dataset.wdSources = String(index);
  if (!detailId) return node;
  if (node.localName !== "button") {
    node.setAttribute("role", "button");
    node.tabIndex = 0;
  }
  node.setAttribute("aria-expanded", "false");
  node.setAttribute("aria-controls", detailId);
  return node;
}

/** The marker of a sentence drawn from sources elsewhere: "↗ from AP ¶1 s1–2" (`prefix` before the place). */
export function sourceLink(doc, result, index, labels, { prefix = "↗ from", detailId } = {}) {
  const where = whereFrom(result, index, labels, { short: true });
  const node = el(doc, detailId ? "button" : "span", "wd-source-link", `${prefix} ${where}`);
  if (detailId) {
    node.type = "button";
    node.title = `Show ${whereFrom(result, index, labels)}, word by word`;
  }
  return sourceOpener(node, index, detailId);
}
