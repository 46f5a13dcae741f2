// Engine results made by hand for the renderer tests: small, each built for
// what a test looks at, in the schema of src/wasm/types.d.ts. Only the input
// is written here; what the renderers make of it is asserted in the tests.

/**
 * Two texts and the ops that tile them, from segments read left to right:
 * ["equal", text], ["insert", text], ["delete", text], ["replace", cut, added],
 * with options as a last element ({ boilerplate, moveId, parts }).
 */
export function diff(segments) {
  let left = "";
  let right = "";
  const ops = [];
  for (const [kind, ...rest] of segments) {
    const options = typeof rest.at(-1) === "object" ? rest.pop() : {};
    const [cut, added] = kind === "replace" ? rest : kind === "insert" ? ["", rest[0]] : kind === "delete" ? [rest[0], ""] : [rest[0], rest[0]];
    ops.push({ kind, left: { start: left.length, end: left.length + cut.length }, right: { start: right.length, end: right.length + added.length }, ...options });
    left += cut;
    right += added;
  }
  return { left, right, ops };
}

const ZERO = { unchanged: 0, altered: 0, cut: 0, added: 0 };

/** Stats with every figure 0 but those given. */
export function stats(given = {}) {
  return {
    leftWords: 0,
    rightWords: 0,
    verbatimShare: 0,
    editedShare: 0,
    paraphrasedShare: 0,
    newShare: 0,
    derivedShare: 0,
    reusedShare: 0,
    sourceReusedShare: 0,
    longestShared: null,
    insertions: 0,
    deletions: 0,
    replacements: 0,
    moves: 0,
    quotes: ZERO,
    numbers: ZERO,
    verdict: "not derived",
    estimated: false,
    ...given,
  };
}

/** A sentence of `text` at the first place `words` stand in it. */
export function sentence(text, words, fields) {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`no “${words}” in the text`);
  return { span: { start, end: start + words.length }, paragraph: 0, overlap: 0, ...fields };
}

/** Where `words` stand in `text` (the first time at or after `from`). */
export function span(text, words, from = 0) {
  const start = text.indexOf(words, from);
  if (start < 0) throw new Error(`no “${words}” in the text`);
  return { start, end: start + words.length };
}

/**
 * The wire story and a rewrite of it: AP's first paragraph has two sentences
 * that the outlet merged into one (paraphrased), a third sentence in a second
 * paragraph copied word for word, and a dateline (boilerplate).
 */
export function merged() {
  const left = "MINSK (AP) — \nWorkers jeered Lukashenko. They walked out of the plant.\n\nStrikes spread on Monday.\n";
  const right = "Workers jeered Lukashenko and walked out. Strikes spread on Monday.\n";
  const ops = diff([
    ["delete", "MINSK (AP) — \n", { boilerplate: true }],
    ["equal", "Workers jeered Lukashenko"],
    ["replace", ". They walked out of the plant.\n\n", " and walked out. "],
    ["equal", "Strikes spread on Monday.\n"],
  ]).ops;
  const leftSentences = [
    sentence(left, "MINSK (AP) — \n", { label: "boilerplate", paragraph: 0, boilerplateRule: "dateline" }),
    sentence(left, "Workers jeered Lukashenko. ", { label: "paraphrased", paragraph: 1 }),
    sentence(left, "They walked out of the plant.\n\n", { label: "paraphrased", paragraph: 1 }),
    sentence(left, "Strikes spread on Monday.\n", { label: "kept", paragraph: 2, match: 1, overlap: 1 }),
  ];
  const rightSentences = [
    sentence(right, "Workers jeered Lukashenko and walked out. ", {
      label: "paraphrased",
      match: 1,
      overlap: 0.6,
      sources: [
        { sentence: 1, score: 0.6, words: [{ left: span(left, "Workers jeered Lukashenko"), right: span(right, "Workers jeered Lukashenko") }] },
        { sentence: 2, score: 0.4, words: [{ left: span(left, "walked out"), right: span(right, "walked out") }] },
      ],
    }),
    sentence(right, "Strikes spread on Monday.\n", {
      label: "verbatim",
      match: 3,
      overlap: 1,
      sources: [{ sentence: 3, score: 1, words: [{ left: span(left, "Strikes spread on Monday."), right: span(right, "Strikes spread on Monday.") }] }],
    }),
  ];
  const result = {
    ops,
    left: { paragraphs: [span(left, "MINSK (AP) — \n"), span(left, "Workers jeered Lukashenko. They walked out of the plant.\n\n"), span(left, "Strikes spread on Monday.\n")], sentences: leftSentences },
    right: { paragraphs: [{ start: 0, end: right.length }], sentences: rightSentences },
    moves: [],
    facts: [],
    stats: stats({ verbatimShare: 0.4, paraphrasedShare: 0.6, derivedShare: 1, reusedShare: 0.9, verdict: "wholly derived", replacements: 1 }),
    approximate: false,
    leftLength: left.length,
    rightLength: right.length,
  };
  return { left, right, result };
}

/** A result of `ops` alone (no sentence structure), as the renderers accept. */
export function opsOnly({ ops }, fields = {}) {
  return { ops, moves: [], facts: [], approximate: false, ...fields };
}
