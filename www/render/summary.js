// The summary in plain words (the engine's verdict and statistics, the credit
// check) and the list of facts that changed (credits, quotes with their
// speakers, numbers by value, names); cut quotes of one cut passage are one
// group ("8 quotes in the 16 paragraphs cut at the end"). Every figure comes from
// the engine's result; nothing is computed here but wording. Each figure's
// element carries data-wd-stat (its name in the stats) and data-value (the
// engine's number). Pure: `document` in, nodes out.
//
//   renderSummary(doc, result, { labels: {left, right} }) → <div>, or null when the result has no stats
//   renderFacts(doc, result, { limit, texts: {left, right} })
//     → <div> with lists of buttons (data-wd-credit, data-wd-fact = index), or null
import { creditStatus, creditWords } from "./credits.js";
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
    ...(result.credits ? [line(doc, "Credit: ", stat(doc, "credits", result.credits, creditWords(result.credits)), ".")] : []),
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

/**
 * The cut quotes that share one cut passage, by the index of the first:
 * { count, label } for each group of two or more ("8 quotes in the 16
 * paragraphs cut at the end"); the other members map to null.
 */
export function quoteGroups(result) {
  const groups = new Map();
  const cuts = (result.ops ?? []).filter((op) => op.kind === "delete" || op.kind === "replace");
  const passage = (fact) => fact.kind === "quote" && fact.change === "cut" && cuts.find((op) => op.left.start <= fact.left.start && fact.left.end <= op.left.end);
  const facts = result.facts;
  for (let i = 0, j; i < facts.length; i = j) {
    const op = passage(facts[i]);
    for (j = i + 1; op && j < facts.length && passage(facts[j]) === op; j++) groups.set(j, null);
    if (j - i < 2) continue;
    const paragraphs = result.left.paragraphs.filter((p) => p.start < op.left.end && op.left.start < p.end).length;
    const where = op.right.start >= result.rightLength ? " at the end" : op.right.start ? "" : " at the start";
    groups.set(i, { count: j - i, label: `${j - i} quotes in the ${paragraphs > 1 ? `${paragraphs} paragraphs` : "passage"} cut${where}` });
  }
  return groups;
}

/** A fact's button: what it is, its text on each side, a quote's speaker. */
function factButton(doc, fact, index, texts) {
  const button = el(doc, "button", `wd-fact wd-fact-${fact.change}`);
  button.type = "button";
  button.dataset.wdFact = String(index);
  button.append(el(doc, "span", "wd-fact-kind", `${KIND[fact.kind] ?? fact.kind} ${fact.change}: `));
  if (fact.change !== "added") button.append(factText(doc, "del", fact.leftText));
  if (fact.change === "altered") button.append(doc.createTextNode(" → "));
  if (fact.change !== "cut") button.append(factText(doc, "ins", fact.rightText));
  const [speaker, text] = fact.rightSpeaker ? [fact.rightSpeaker, texts?.right] : [fact.leftSpeaker, texts?.left];
  if (speaker && text != null) {
    const who = el(doc, "span", "wd-fact-speaker", " — ");
    who.append(isolated(doc, text.slice(speaker.start, speaker.end)));
    button.append(who);
  }
  return button;
}

/** A credit's button: the agency, what became of its credit, the credit as each text has it. */
function creditButton(doc, credit, index, texts) {
  const button = el(doc, "button", `wd-fact wd-credit wd-credit-${credit.status}`);
  button.type = "button";
  button.dataset.wdCredit = String(index);
  button.append(el(doc, "span", "wd-fact-kind", `Credit: ${creditStatus(credit)}`));
  let sep = ": ";
  for (const [tag, span, text] of [["del", credit.left, texts?.left], ["ins", credit.right, texts?.right]]) {
    if (!span || text == null) continue;
    button.append(sep, factText(doc, tag, text.slice(span.start, span.end)));
    sep = " → ";
  }
  return button;
}

/**
 * The buttons of facts [from, to), in numbered lists of `size` (each list a
 * chunk the browser lays out only on screen); a group of cut quotes is one
 * item with its own list, whole in the chunk where it starts.
 */
export function* factChunks(doc, result, { from = 0, to = result.facts.length, size = 100, texts } = {}) {
  const groups = quoteGroups(result);
  let index = from;
  while (index < to) {
    const list = el(doc, "ol", "wd-fact-list");
    list.start = index + 1;
    const end = Math.min(to, index + size);
    while (index < end) {
      const item = el(doc, "li");
      const group = groups.get(index);
      if (group) {
        item.className = "wd-fact-group";
        item.append(el(doc, "span", "wd-fact-group-label", `${group.label}:`));
        const members = el(doc, "ul", "wd-fact-list");
        for (let k = index; k < index + group.count; k++) {
          const member = el(doc, "li");
          member.append(factButton(doc, result.facts[k], k, texts));
          members.append(member);
        }
        item.append(members);
        index += group.count;
      } else {
        item.append(factButton(doc, result.facts[index], index, texts));
        index++;
      }
      list.append(item);
    }
    yield list;
  }
}

/**
 * The credit check and the facts that changed, the first `limit` facts;
 * with more, a button (data-wd-more-facts) under them says how many more
 * there are.
 */
export function renderFacts(doc, result, { limit = Infinity, texts } = {}) {
  const facts = result?.facts;
  if (!Array.isArray(facts)) return null;
  const box = el(doc, "div", "wd-facts");
  const credits = result.credits ?? [];
  if (credits.length) {
    const list = el(doc, "ul", "wd-fact-list wd-credit-list");
    credits.forEach((credit, index) => {
      const item = el(doc, "li");
      item.append(creditButton(doc, credit, index, texts));
      list.append(item);
    });
    box.append(list);
  }
  if (!facts.length) {
    box.append(el(doc, "p", "wd-empty", "No quote, number or name changed."));
    return box;
  }
  let shown = Math.min(limit, facts.length);
  // a group of cut quotes is never split by the limit
  const groups = quoteGroups(result);
  for (const [first, group] of groups) if (group && first < shown && first + group.count > shown) shown = first + group.count;
  for (const list of factChunks(doc, result, { to: shown, texts })) box.append(list);
  if (shown < facts.length) {
    const more = el(doc, "button", "wd-button wd-more", `Show the other ${facts.length - shown} of ${facts.length}`);
    more.type = "button";
    more.dataset.wdMoreFacts = String(shown);
    box.append(more);
  }
  return box;
}
