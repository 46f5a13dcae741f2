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
// opts: { hideBoilerplate = false, labels: {left, right}, detailId }
import { Flow, collect, el, pieces, srOnly } from "./flow.js";
import { MARKS } from "./legend.js";
import { describe } from "./sentence-detail.js";
import { hasProvenance, sourceOpener, sourcesOf } from "./sources.js";

/** The labels, each with what it means (the legend's words: legend.js). */
export const LABELS = Object.fromEntries(MARKS.filter((m) => m.label).map((m) => [m.label, m.meaning]));


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
      // a moved sentence has the redline's dashed frame over its label's colour
      const span = el(doc, "span", `wd-sent wd-sent-${s.label}${s.moveId != null ? " wd-moved" : ""}`);
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

