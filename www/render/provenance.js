// Provenance: the comparison text coloured sentence by sentence by where it
// came from (the engine's labels: verbatim / edited / paraphrased / new /
// boilerplate), with a legend, and each sentence's overlap with its source
// sentence on hover and focus. A sentence with sources is a button that shows
// them word by word (sources.js) in the element `detailId`. Each label also
// has its own underline style and a hidden text label, so colour is never the
// only cue. Pure: `document` in, nodes out.
//
//   renderProvenance(doc, result, left, right, opts)       → DocumentFragment, or null without sentence labels
//   provenanceChunks(doc, result, left, right, opts)       → iterator of chunk elements
//   renderSentenceDetail(doc, result, left, right, index)  → what one sentence shares with the source
// opts: { hideBoilerplate = false, labels: {left, right}, detailId }
import { Flow, collect, el, isolated, percent, pieces, srOnly } from "./flow.js";
import { MARKS } from "./legend.js";
import { hasProvenance, sentenceNumbers, sourceOpener, sourcesOf, whereFrom } from "./sources.js";

/** The labels, each with what it means (the legend's words: legend.js). */
export const LABELS = Object.fromEntries(MARKS.filter((m) => m.label).map((m) => [m.label, m.meaning]));

function describe(result, index, labels) {
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

export function* provenanceChunks(doc, result, left, right, { hideBoilerplate = false, labels = {}, detailId } = {}) {
  const flow = new Flow(doc);
  const order = result.right.sentences.map((s, index) => ({ s, index })).sort((a, b) => a.s.span.start - b.s.span.start);
  let at = 0;
  let hiding = false;
  for (const { s, index } of order) {
    if (s.span.start > at) {
      const gap = right.slice(at, s.span.start);
      if (!(hiding && /^\s*$/.test(gap))) flow.text(gap);
    }
    at = Math.max(at, s.span.end);
    const text = right.slice(s.span.start, s.span.end);
    if (hideBoilerplate && s.label === "boilerplate") {
      if (!hiding) {
        const marker = el(doc, "span", "wd-hidden-boilerplate", "⋯");
        marker.title = "boilerplate hidden";
        marker.prepend(srOnly(doc, "boilerplate hidden "));
        flow.node(marker);
      }
      hiding = true;
      continue;
    }
    hiding = false;
    const description = describe(result, index, labels);
    const opens = sourcesOf(result, index).length > 0;
    flow.open((first) => {
      const span = el(doc, "span", `wd-sent wd-sent-${s.label}`);
      span.dataset.wdSent = String(index);
      span.dataset.wdLabel = s.label;
      if (s.moveId != null) span.dataset.wdMove = String(s.moveId);
      span.title = description;
      if (first) {
        span.tabIndex = 0;
        if (opens) sourceOpener(span, index, detailId);
        span.append(srOnly(doc, `[${description}] `));
      }
      return span;
    });
    for (const piece of pieces(text)) {
      flow.text(piece);
      const chunk = flow.take();
      if (chunk) yield chunk;
    }
    flow.close();
  }
  if (at < right.length) flow.text(right.slice(at));
  const last = flow.take(true);
  if (last) yield last;
}

export function renderProvenance(doc, result, left, right, options = {}) {
  if (!hasProvenance(result)) return null;
  return collect(doc, provenanceChunks(doc, result, left, right, options));
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
