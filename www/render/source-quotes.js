// Source sentences quoted word by word: each beside the comparison sentence
// that draws on it, the words they share kept and the rest cut or added, for
// side by side and the sources panel. Pure: `document` in, nodes out; article text only
// becomes text nodes.
//
//   sourceQuote(doc, result, left, source, index, labels) → one source sentence of sentence `index`, shared words kept, the rest cut
//   renderSourceDetail(doc, result, left, right, index, { labels }) → what the sources panel shows
import { el, isolatedText, percent, srOnly } from "./flow.js";
import { sentenceNumbers, sourcesOf, whereFrom } from "./sources.js";

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
