// What one comparison sentence shares with the source, in words: shown in the
// page's detail line when a sentence is pointed at or focused, in any view
// (so it comes with the page; the provenance view's renderer loads when that
// view is first shown). Pure: `document` in, nodes out.
//
//   describe(result, index, labels)                        → "paraphrased, from AP ¶1, sentence 2, 40% of its words …"
//   renderSentenceDetail(doc, result, left, right, index)  → what one sentence shares with the source
import { el, isolated, percent } from "./flow.js";
import { sentenceNumbers, whereFrom } from "./sources.js";

export function describe(result, index, labels) {
  const sentence = result.right.sentences[index];
  const parts = [sentence.label];
  const where = whereFrom(result, index, labels);
  if (sentence.label === "boilerplate") {
    if (sentence.boilerplateRule) parts.push(`rule: ${sentence.boilerplateRule}`);
  } else if (sentence.match != null || where) {
    if (where) parts.push(where);
    parts.push(`${percent(sentence.overlap)} of its words match the source word for word`);
  } else {
    parts.push("no matching source sentence");
  }
  if (sentence.moveId != null) parts.push("moved");
  return parts.join(", ");
}

/** What sentence `index` of the comparison shares with the source, in words. */
export function renderSentenceDetail(doc, result, left, right, index, { labels = {} } = {}) {
  const out = doc.createDocumentFragment();
  const s = result.right?.sentences?.[index];
  if (!s) return out;
  const head = el(doc, "p", "wd-detail-head");
  const number = sentenceNumbers(result.right)[index];
  head.append(el(doc, "span", `wd-sent wd-sent-${s.label}`, s.label), doc.createTextNode(` sentence ${number ?? index + 1}: ${describe(result, index, labels).replace(`${s.label}, `, "")}.`));
  out.append(head);
  const source = s.match != null ? result.left?.sentences?.[s.match] : null;
  if (source) {
    const p = el(doc, "p", "wd-detail-source");
    const sourceNumber = sentenceNumbers(result.left)[s.match];
    p.append(doc.createTextNode(`Source sentence ${sourceNumber ?? s.match + 1} (${source.label}): `));
    const quote = el(doc, "q");
    quote.append(isolated(doc, left.slice(source.span.start, source.span.end).trim()));
    p.append(quote);
    out.append(p);
  }
  return out;
}
