// The answer in one line, above the comparison: the engine's verdict, the
// share of the comparison's words derived from the source, and how many
// quotes and numbers changed. Every figure is the engine's (result.stats),
// each element carrying data-wd-score (what it is) and data-value (the
// engine's number). The last slot, data-wd-score="credit", holds what the
// credit check (render/credits.js) says became of the agency's credit; it is
// hidden when the caller has none to give.
// Pure: `document` in, nodes out; labels only as text.
//
//   renderScorecard(doc, result, { labels: {left, right}, credit }) → <li> items, [] without stats
import { el, isolated, percent, plural } from "./flow.js";

function score(doc, name, value, ...parts) {
  const item = el(doc, "li", `wd-score wd-score-${name}`);
  item.dataset.wdScore = name;
  if (value !== undefined) item.dataset.value = typeof value === "object" ? JSON.stringify(value) : String(value);
  for (const part of parts) item.append(typeof part === "string" ? doc.createTextNode(part) : part);
  return item;
}

/** "3 cut, 1 altered", or "none changed": the changed counts of a tally. */
function changed(tally, noun) {
  const parts = ["cut", "altered", "added"].filter((k) => tally?.[k] > 0).map((k) => `${tally[k]} ${k}`);
  const total = ["cut", "altered", "added"].reduce((n, k) => n + (tally?.[k] ?? 0), 0);
  return total ? `${plural(total, noun)} changed (${parts.join(", ")})` : `no ${noun} changed`;
}

/**
 * The scorecard's items. `credit`, when given, is the credit check's own
 * node for the credit slot (what it found: kept, removed, replaced).
 */
export function renderScorecard(doc, result, { labels = {}, credit = null } = {}) {
  const stats = result?.stats;
  if (!stats) return [];
  const verdict = el(doc, "strong", `wd-verdict-${String(stats.verdict).replace(/\s+/g, "-")}`, stats.verdict);
  const share = el(doc, "strong", null, percent(stats.derivedShare));
  const derived = score(doc, "derivedShare", stats.derivedShare, share, " from ", isolated(doc, labels.left ?? "the source", "wd-label"));
  derived.title = `${percent(stats.derivedShare)} of ${labels.right ?? "the comparison"}'s words are derived from ${labels.left ?? "the source"}: verbatim, edited or paraphrased`;
  const credited = score(doc, "credit", undefined, ...(credit ? [credit] : []));
  credited.hidden = !credit;
  return [
    score(doc, "verdict", stats.verdict, "Verdict: ", verdict),
    derived,
    score(doc, "quotes", stats.quotes, changed(stats.quotes, "quote")),
    score(doc, "numbers", stats.numbers, changed(stats.numbers, "number")),
    credited,
  ];
}
