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
//   sourceQuote(doc, result, left, source, index, labels) → one source sentence of sentence `index`, shared words kept, the rest cut
//   renderSourceDetail(doc, result, left, right, index, { labels }) → what the sources panel shows
import { el, isolatedText, percent, srOnly } from "./flow.js";

const numbering = new WeakMap();

/** Story sentence numbers (from 1; null for boilerplate) by sentence index, of one text's structure. */
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

/** Spans inside [from, to), sorted and merged. */
function clip(spans, from, to) {
  const out = [];
  for (const s of spans.map((span) => ({ start: Math.max(from, span.start), end: Math.min(to, span.end) })).sort((a, b) => a.start - b.start)) {
    if (s.end <= s.start) continue;
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push(s);
  }
  return out;
}

const CHANGED = { delete: ["del", "wd-del", "cut"], insert: ["ins", "wd-ins", "added"] };

/**
 * The text [from, to) of `text` with the `kept` spans in <span class="wd-kept">
 * and the rest marked `kind` ("delete": cut, "insert": added).
 */
function wordDiff(doc, text, from, to, kept, kind) {
  const out = el(doc, "q", "wd-word-diff");
  const [tag, className, said] = CHANGED[kind];
  const changed = (a, b) => {
    const piece = text.slice(a, b);
    if (!piece) return;
    if (!piece.trim()) {
      out.append(doc.createTextNode(piece));
      return;
    }
    const mark = el(doc, tag, className);
    mark.append(srOnly(doc, `[${said}: `), doc.createTextNode(piece), srOnly(doc, "]"));
    out.append(mark);
  };
  let at = from;
  for (const span of clip(kept, from, to)) {
    changed(at, span.start);
    out.append(el(doc, "span", "wd-kept", text.slice(span.start, span.end)));
    at = span.end;
  }
  changed(at, to);
  return out;
}

/** [start, end) of a sentence without the whitespace around it. */
function trimmed(text, span) {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

/** "Kompas sentence 3": how the detail and the quotes name a comparison sentence. */
function sentenceName(result, index, labels) {
  return `${isolatedText(labels.right ?? "Comparison")} sentence ${sentenceNumbers(result.right)[index] ?? index + 1}`;
}

/**
 * One source sentence of comparison sentence `index` as a quote: "AP ¶1,
 * sentence 1, the source of 77% of Kompas sentence 3:", then its text with
 * the words the comparison kept in bold, the rest struck.
 */
export function sourceQuote(doc, result, left, source, index, labels = {}) {
  const sentence = result.left.sentences[source.sentence];
  const number = sentenceNumbers(result.left)[source.sentence];
  const quote = el(doc, "span", "wd-source-quote");
  const where = `${isolatedText(labels.left ?? "Source")} ¶${sentence.paragraph + 1}${number == null ? "" : `, sentence ${number}`}`;
  quote.append(el(doc, "span", "wd-source-where", `${where}, the source of ${percent(source.score)} of ${sentenceName(result, index, labels)}: `));
  const [from, to] = trimmed(left, sentence.span);
  quote.append(wordDiff(doc, left, from, to, source.words.map((w) => w.left), "delete"));
  return quote;
}

/**
 * What the sources panel shows for comparison sentence `index`: its label and
 * where it came from, each source sentence with its shared words kept and the
 * rest struck, then the sentence itself with what it added underlined.
 */
export function renderSourceDetail(doc, result, left, right, index, { labels = {} } = {}) {
  const out = doc.createDocumentFragment();
  const s = result.right?.sentences?.[index];
  if (!s) return out;
  const sources = sourcesOf(result, index);
  const head = el(doc, "p", "wd-detail-head");
  const name = sentenceName(result, index, labels);
  head.append(el(doc, "span", `wd-sent wd-sent-${s.label}`, s.label), doc.createTextNode(` ${name}${sources.length ? `, ${whereFrom(result, index, labels)}` : ": no source sentence"}.`));
  out.append(head);
  if (!sources.length) return out;
  const ordered = [...sources].sort((a, b) => result.left.sentences[a.sentence].span.start - result.left.sentences[b.sentence].span.start);
  for (const source of ordered) out.append(sourceQuote(doc, result, left, source, index, labels));
  const own = el(doc, "span", "wd-source-quote");
  own.append(el(doc, "span", "wd-source-where", `${name}: `));
  const [from, to] = trimmed(right, s.span);
  own.append(wordDiff(doc, right, from, to, sources.flatMap((source) => source.words.map((w) => w.right)), "insert"));
  out.append(own);
  out.append(el(doc, "p", "wd-detail-note", "Bold words are shared; struck words were cut from the source, underlined ones added."));
  return out;
}
