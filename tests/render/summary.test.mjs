// The summary in plain words and the list of changed facts
// (www/render/summary.js): every figure is the engine's, worded.
import assert from "node:assert/strict";
import { test } from "node:test";
import { renderFacts, renderSummary, tallyWords } from "../../www/render/summary.js";
import { all, fakeDocument, hasClass, seenText } from "./fake-dom.mjs";
import { stats } from "./results.mjs";

const LABELS = { left: "AP", right: "Kompas" };
const figures = (root) => Object.fromEntries(all(root, (e) => e.hasAttribute("data-wd-stat")).map((e) => [e.dataset.wdStat, [e.textContent, e.dataset.value]]));

test("the verdict and the figures read as sentences, each figure carrying the engine's number", () => {
  const result = {
    stats: stats({
      verdict: "partially derived",
      reusedShare: 0.456,
      verbatimShare: 0.2,
      editedShare: 0.1,
      paraphrasedShare: 0.15,
      newShare: 0.55,
      derivedShare: 0.45,
      sourceReusedShare: 0.3,
      longestShared: { words: 1, left: { start: 0, end: 3 }, right: { start: 0, end: 3 } },
      insertions: 1,
      deletions: 2,
      replacements: 0,
      moves: 1,
      quotes: { unchanged: 3, altered: 1, cut: 0, added: 0 },
      leftWords: 120,
      rightWords: 80,
    }),
  };
  const box = renderSummary(fakeDocument(), result, { labels: LABELS });
  const [verdict, ...lines] = [all(box, hasClass("wd-verdict"))[0], ...all(box, (e) => e.localName === "li")].map((e) => seenText(e));
  assert.equal(verdict, ("Verdict: partially derived. Kompas is partially derived from AP."));
  assert.deepEqual(lines, [
    ("46% of Kompas's words come word for word from AP; 20% are in verbatim sentences, 10% in edited ones, 15% in paraphrased ones and 55% in sentences that are not in the source."),
    ("Derived from AP (verbatim, edited or paraphrased): 45% of Kompas's words."),
    ("30% of AP's words reappear in Kompas."),
    "The longest passage they share word for word is 1 word long.",
    "Quotes: 3 unchanged, 1 altered. Numbers: no numbers.",
    "Changes: 1 insertion, 2 deletions, 0 replacements, 1 moved passage.",
    ("Words compared (boilerplate left out): AP 120, Kompas 80."),
  ]);
  const stat = figures(box);
  assert.deepEqual(stat.reusedShare, ["46%", "0.456"]);
  assert.deepEqual(stat.quotes, ["3 unchanged, 1 altered", JSON.stringify({ unchanged: 3, altered: 1, cut: 0, added: 0 })]);
  assert.ok(all(box, hasClass("wd-verdict-partially-derived")).length === 1, "the verdict's class names it");
  // a label is isolated (<bdi>): a right-to-left name cannot reorder the sentence around it
  assert.deepEqual([...new Set(all(box, (e) => e.localName === "bdi").map((e) => e.textContent))].sort(), ["AP", "Kompas"]);
});

test("estimated shares say so; without stats there is no summary", () => {
  const box = renderSummary(fakeDocument(), { stats: stats({ estimated: true }) });
  assert.match(seenText(box), /These shares are estimates: the engine ran out of time before it mapped every sentence\./);
  assert.equal(renderSummary(fakeDocument(), { ops: [] }), null);
});

test("a tally names only what is not zero", () => {
  assert.equal(tallyWords({ unchanged: 0, altered: 2, cut: 1, added: 0 }, "quotes"), "2 altered, 1 cut");
  assert.equal(tallyWords({ unchanged: 0, altered: 0, cut: 0, added: 0 }, "numbers"), "no numbers");
});

test("each changed fact is a button saying what changed: the old text struck, the new underlined, an arrow between", () => {
  const facts = [
    { kind: "quote", change: "altered", leftText: "“We will strike”", rightText: "“We strike”" },
    { kind: "number", change: "cut", leftText: "5,000", rightText: "" },
    { kind: "name", change: "added", leftText: "", rightText: "Tsikhanouskaya" },
  ];
  const box = renderFacts(fakeDocument(), { facts });
  const buttons = all(box, (e) => e.localName === "button");
  assert.deepEqual(buttons.map((b) => [b.dataset.wdFact, b.type, b.textContent]), [
    ["0", "button", "Quote altered: “We will strike” → “We strike”"],
    ["1", "button", "Number cut: 5,000"],
    ["2", "button", "Name added: Tsikhanouskaya"],
  ]);
  // the article's words in an isolating <bdi>, struck inside <del>, underlined inside <ins>
  assert.deepEqual(all(buttons[0], (e) => ["del", "ins"].includes(e.localName)).map((e) => [e.localName, e.children.map((c) => c.localName), e.textContent]), [
    ["del", ["bdi"], "“We will strike”"],
    ["ins", ["bdi"], "“We strike”"],
  ]);
});

test("past the limit the facts end with a button that says how many more there are; none at all says so", () => {
  const facts = Array.from({ length: 5 }, (_, i) => ({ kind: "number", change: "added", leftText: "", rightText: String(i) }));
  const box = renderFacts(fakeDocument(), { facts }, { limit: 2 });
  assert.equal(all(box, (e) => e.hasAttribute("data-wd-fact")).length, 2);
  const [more] = all(box, hasClass("wd-more"));
  assert.deepEqual([more.textContent, more.dataset.wdMoreFacts], ["Show the other 3 of 5", "2"]);
  assert.equal(seenText(renderFacts(fakeDocument(), { facts: [] })), "No quote, number or name changed.");
  assert.equal(renderFacts(fakeDocument(), {}), null);
});

test("the credit check is a line of the summary and a button per credit, each with the credit as each text has it", () => {
  const left = "MINSK, Belarus (AP) — Workers struck.";
  const right = "MINSK, KOMPAS.com - Workers struck.";
  const credits = [{ agency: "AP", status: "replaced", left: { start: 15, end: 19 }, right: { start: 0, end: 19 } }];
  const summary = renderSummary(fakeDocument(), { stats: stats(), credits });
  const [line] = all(summary, (e) => e.dataset?.wdStat === "credits");
  assert.equal(line.textContent, "AP replaced by the outlet's dateline");
  assert.deepEqual(JSON.parse(line.dataset.value), credits);
  const box = renderFacts(fakeDocument(), { facts: [], credits }, { texts: { left, right } });
  const [button] = all(box, (e) => e.localName === "button");
  assert.deepEqual([button.dataset.wdCredit, button.textContent], ["0", "Credit: AP replaced by the outlet's dateline: (AP) → MINSK, KOMPAS.com -"]);
  const none = renderSummary(fakeDocument(), { stats: stats(), credits: [] });
  assert.equal(all(none, (e) => e.dataset?.wdStat === "credits")[0].textContent, "no agency credit in the source");
});

test("a quote shows its speaker; the cut quotes of one cut passage are one group that says how many and where", () => {
  const left = "“One,” said Ann Lee.\n\n“Two,” he said.\n\n“Three,” Bo said.\n";
  const right = "“Uno,” said Ann Lee.\n";
  const quote = (change, l, r, extra = {}) => ({ kind: "quote", change, left: l, right: r, leftText: l ? left.slice(l.start, l.end) : "", rightText: r ? right.slice(r.start, r.end) : "", ...extra });
  const facts = [
    quote("altered", { start: 0, end: 6 }, { start: 0, end: 6 }, { leftSpeaker: { start: 12, end: 19 }, rightSpeaker: { start: 12, end: 19 } }),
    quote("cut", { start: 22, end: 28 }, null),
    quote("cut", { start: 39, end: 47 }, null, { leftSpeaker: { start: 48, end: 50 } }),
  ];
  const result = {
    facts,
    ops: [
      { kind: "replace", left: { start: 0, end: 6 }, right: { start: 0, end: 6 } },
      { kind: "equal", left: { start: 6, end: 22 }, right: { start: 6, end: 21 } },
      { kind: "delete", left: { start: 22, end: 57 }, right: { start: 21, end: 21 } },
    ],
    left: { paragraphs: [{ start: 0, end: 22 }, { start: 22, end: 39 }, { start: 39, end: 57 }] },
    rightLength: right.length,
  };
  const box = renderFacts(fakeDocument(), result, { texts: { left, right } });
  const buttons = all(box, (e) => e.localName === "button").map((b) => b.textContent);
  assert.deepEqual(buttons, ["Quote altered: “One,” → “Uno,” — Ann Lee", "Quote cut: “Two,”", "Quote cut: “Three,” — Bo"]);
  const groups = all(box, hasClass("wd-fact-group"));
  assert.equal(groups.length, 1);
  assert.equal(all(groups[0], hasClass("wd-fact-group-label"))[0].textContent, "2 quotes in the 2 paragraphs cut at the end:");
  assert.equal(all(groups[0], (e) => e.localName === "button").length, 2);
});
