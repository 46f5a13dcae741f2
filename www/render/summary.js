// The summary in plain words (the engine's verdict and statistics) and the
// list of facts that changed (quotes, numbers, names). Every figure comes from
// the engine's result; nothing is computed here but wording. Each figure's
// element carries data-wd-stat (its name in the stats) and data-value (the
// engine's number). Pure: `document` in, nodes out.
//
//   renderSummary(doc, result, { labels: {left, right} }) → <div>, or null when the result has no stats
//   renderFacts(doc, result, { labels })                  → <div> with a list of buttons (data-wd-fact = index), or null
import { el, isolated, percent, plural } from "./flow.js";

const VERDICT = {
  "wholly derived": (l, r) => [r(), " is wholly derived from ", l(), "."],
  "partially derived": (l, r) => [r(), " is partially derived from ", l(), "."],
  "not derived": (l, r) => [r(), " is not derived from ", l(), "."],
};

function stat(doc, name, value, text) {
  const node = el(doc, "strong", "wd-stat", text);
  node.dataset.wdStat = name;
  node.dataset.value = typeof value === "object" ? JSON.stringify(value) : String(value);
  return node;
}

function line(doc, ...parts) {
  const item = el(doc, "li");
  for (const part of parts) item.append(typeof part === "string" ? doc.createTextNode(part) : part);
  return item;
}

/** "3 unchanged, 1 altered" — the non-zero counts of a tally, or "none". */
export function tallyWords(tally, noun) {
  const parts = ["unchanged", "altered", "cut", "added"].filter((k) => tally[k] > 0).map((k) => `${tally[k]} ${k}`);
  return parts.length ? parts.join(", ") : `no ${noun}`;
}

export function renderSummary(doc, result, { labels = {} } = {}) {
  const stats = result?.stats;
  if (!stats) return null;
  const l = () => isolated(doc, labels.left ?? "the source", "wd-label");
  const r = () => isolated(doc, labels.right ?? "the comparison", "wd-label");
  const box = el(doc, "div", "wd-summary");
  const verdict = el(doc, "p", `wd-verdict wd-verdict-${String(stats.verdict).replace(/\s+/g, "-")}`);
  verdict.append(doc.createTextNode("Verdict: "), stat(doc, "verdict", stats.verdict, stats.verdict), doc.createTextNode(". "));
  verdict.append(...(VERDICT[stats.verdict]?.(l, r) ?? []));
  box.append(verdict);

  const list = el(doc, "ul", "wd-figures");
  list.append(
    line(doc, stat(doc, "reusedShare", stats.reusedShare, percent(stats.reusedShare)), " of ", r(), "'s words come word for word from ", l(), "; ",
      stat(doc, "verbatimShare", stats.verbatimShare, percent(stats.verbatimShare)), " are in verbatim sentences, ",
      stat(doc, "editedShare", stats.editedShare, percent(stats.editedShare)), " in edited ones, ",
      stat(doc, "paraphrasedShare", stats.paraphrasedShare, percent(stats.paraphrasedShare)), " in paraphrased ones and ",
      stat(doc, "newShare", stats.newShare, percent(stats.newShare)), " in sentences that are not in the source."),
    line(doc, "Derived from ", l(), " (verbatim, edited or paraphrased): ", stat(doc, "derivedShare", stats.derivedShare, percent(stats.derivedShare)),
      " of ", r(), "'s words.", stats.estimated ? " These shares are estimates: the engine ran out of time before it mapped every sentence." : ""),
    line(doc, stat(doc, "sourceReusedShare", stats.sourceReusedShare, percent(stats.sourceReusedShare)), " of ", l(), "'s words reappear in ", r(), "."),
  );
  if (stats.longestShared) {
    list.append(line(doc, "The longest passage they share word for word is ",
      stat(doc, "longestShared", stats.longestShared.words, plural(stats.longestShared.words, "word")), " long."));
  }
  list.append(
    line(doc, "Quotes: ", stat(doc, "quotes", stats.quotes, tallyWords(stats.quotes, "quotes")), ". Numbers: ",
      stat(doc, "numbers", stats.numbers, tallyWords(stats.numbers, "numbers")), "."),
    line(doc, "Changes: ",
      stat(doc, "insertions", stats.insertions, plural(stats.insertions, "insertion")), ", ",
      stat(doc, "deletions", stats.deletions, plural(stats.deletions, "deletion")), ", ",
      stat(doc, "replacements", stats.replacements, plural(stats.replacements, "replacement")), ", ",
      stat(doc, "moves", stats.moves, plural(stats.moves, "moved passage")), "."),
    line(doc, "Words compared (boilerplate left out): ", l(), " ", stat(doc, "leftWords", stats.leftWords, String(stats.leftWords)),
      ", ", r(), " ", stat(doc, "rightWords", stats.rightWords, String(stats.rightWords)), "."),
  );
  box.append(list);
  return box;
}

const KIND = { quote: "Quote", number: "Number", name: "Name" };

/** A quote, number or name as a text has it, in the sentence about it. */
function factText(doc, tag, text) {
  const node = el(doc, tag, `wd-${tag}`);
  node.append(isolated(doc, text));
  return node;
}

/** The buttons of facts [from, to), in numbered lists of `size` (each list a chunk the browser lays out only on screen). */
export function* factChunks(doc, result, from = 0, to = result.facts.length, size = 100) {
  for (let start = from; start < to; start += size) {
    const list = el(doc, "ol", "wd-fact-list");
    list.start = start + 1;
    for (let index = start; index < Math.min(to, start + size); index++) {
      const fact = result.facts[index];
      const button = el(doc, "button", `wd-fact wd-fact-${fact.change}`);
      button.type = "button";
      button.dataset.wdFact = String(index);
      button.append(el(doc, "span", "wd-fact-kind", `${KIND[fact.kind] ?? fact.kind} ${fact.change}: `));
      if (fact.change !== "added") button.append(factText(doc, "del", fact.leftText));
      if (fact.change === "altered") button.append(doc.createTextNode(" → "));
      if (fact.change !== "cut") button.append(factText(doc, "ins", fact.rightText));
      const item = el(doc, "li");
      item.append(button);
      list.append(item);
    }
    yield list;
  }
}

/**
 * The facts that changed, the first `limit` of them; with more, a button
 * (data-wd-more-facts) under them says how many more there are.
 */
export function renderFacts(doc, result, { limit = Infinity } = {}) {
  const facts = result?.facts;
  if (!Array.isArray(facts)) return null;
  const box = el(doc, "div", "wd-facts");
  if (!facts.length) {
    box.append(el(doc, "p", "wd-empty", "No quote, number or name changed."));
    return box;
  }
  const shown = Math.min(limit, facts.length);
  for (const list of factChunks(doc, result, 0, shown)) box.append(list);
  if (shown < facts.length) {
    const more = el(doc, "button", "wd-button wd-more", `Show the other ${facts.length - shown} of ${facts.length}`);
    more.type = "button";
    more.dataset.wdMoreFacts = String(shown);
    box.append(more);
  }
  return box;
}
