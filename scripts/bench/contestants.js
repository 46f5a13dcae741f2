// The contestants, as the benchmark page's worker runs them. Each takes the
// two texts and returns its result as ordinary JS objects.
// Served from the repository root: /www/pkg (the wasm package, whose
// `compare` is wirediff's public JS API), /node_modules (the peers),
// /artifacts/bench/vendor (the CommonJS peers as ES modules, written by run.mjs).
import init, { compare } from "/www/pkg/wirediff.js";
import { diffWords } from "/node_modules/diff/libesm/index.js";
import DiffMatchPatch from "/artifacts/bench/vendor/diff-match-patch.mjs";
import fastDiff from "/artifacts/bench/vendor/fast-diff.mjs";
import diffSequences from "/artifacts/bench/vendor/diff-sequences.mjs";

/** The word-level peers' tokens: runs of whitespace, runs of letters/marks/digits/_, single other characters. */
const tokens = (text) => text.match(/\s+|[\p{L}\p{M}\p{N}_]+|[^\s\p{L}\p{M}\p{N}_]/gu) ?? [];

/** diff-match-patch's word mode: the "lines to chars" trick of its wiki, with words. */
function dmpWords(dmp, left, right) {
  const words = [""]; // index 0 is never used, as in diff_linesToChars_
  const ids = new Map();
  const encode = (text) => {
    let out = "";
    for (const w of tokens(text)) {
      let id = ids.get(w);
      if (id === undefined) {
        id = words.length;
        if (id > 0xffff) throw new Error("more than 65,535 distinct words: word mode cannot encode them");
        ids.set(w, id);
        words.push(w);
      }
      out += String.fromCharCode(id);
    }
    return out;
  };
  const a = encode(left);
  const b = encode(right);
  const diffs = dmp.diff_main(a, b, false);
  dmp.diff_charsToLines_(diffs, words);
  return diffs;
}

/**
 * diff-sequences on words: Jest's Myers reports only the common runs (in
 * order), so the deletions and insertions are the tokens between them. The
 * result is diff-match-patch's shape, `[op, text]` with -1 / 0 / 1.
 */
function sequenceWords(left, right) {
  const a = tokens(left);
  const b = tokens(right);
  const diffs = [];
  let [i, j] = [0, 0];
  const changed = (aEnd, bEnd) => {
    if (i < aEnd) diffs.push([-1, a.slice(i, aEnd).join("")]);
    if (j < bEnd) diffs.push([1, b.slice(j, bEnd).join("")]);
  };
  diffSequences.default(
    a.length,
    b.length,
    (ai, bi) => a[ai] === b[bi],
    (n, ai, bi) => {
      changed(ai, bi);
      const same = a.slice(ai, ai + n).join("");
      // adjacent common runs (no change between them) are one equality
      if (diffs.at(-1)?.[0] === 0) diffs.at(-1)[1] += same;
      else diffs.push([0, same]);
      [i, j] = [ai + n, bi + n];
    },
  );
  changed(a.length, b.length);
  return diffs;
}

/** The `compare` of an earlier revision's engine, when `run.mjs --against` built one. */
let compareBefore = null;

/** `comparison`: the result is wirediff's (ops with spans), not a peer's. */
export const CONTESTANTS = {
  wirediff: {
    label: "wirediff",
    note: "public JS API (`compare`), default options, result as JS objects",
    comparison: true,
    setup: () => init({ module_or_path: new URL("/www/pkg/wirediff_bg.wasm", import.meta.url) }),
    run: (left, right) => compare(left, right),
  },
  before: {
    label: "wirediff before",
    note: "the same API of an earlier revision's engine, built as it shipped (`scripts/bench/against`); timed only by `run.mjs --against`",
    comparison: true,
    // `against`: the folder of its package; without one it is not loaded
    setup: async ({ against } = {}) => {
      if (!against) return;
      const engine = await import(`${against}wirediff.js`);
      await engine.default({ module_or_path: new URL(`${against}wirediff_bg.wasm`, import.meta.url) });
      compareBefore = engine.compare;
    },
    run: (left, right) => {
      if (!compareBefore) throw new Error("no earlier engine loaded (run.mjs --against REV)");
      return compareBefore(left, right);
    },
  },
  jsdiff: {
    label: "jsdiff diffWords",
    note: "npm `diff`, `diffWords(left, right)`",
    run: (left, right) => diffWords(left, right),
  },
  dmpChars: {
    // diff_main gives up refining after Diff_Timeout (1 s by default) and
    // returns a coarser diff; `timedOut` tells the report so.
    timedOut: (ms) => ms >= 1000,
    label: "dmp chars + semantic",
    note: "npm `diff-match-patch`: `diff_main` (defaults: line-mode speed-up, 1 s `Diff_Timeout`) + `diff_cleanupSemantic`",
    run: (left, right) => {
      const dmp = new DiffMatchPatch();
      const diffs = dmp.diff_main(left, right);
      dmp.diff_cleanupSemantic(diffs);
      return diffs;
    },
  },
  dmpWords: {
    timedOut: (ms) => ms >= 1000,
    label: "dmp words",
    note: "npm `diff-match-patch`, word mode: words encoded as chars (the wiki's lines-to-chars trick), `diff_main(a, b, false)`, `diff_charsToLines_`",
    run: (left, right) => dmpWords(new DiffMatchPatch(), left, right),
  },
  fastDiff: {
    label: "fast-diff chars",
    note: "npm `fast-diff`: `diff(left, right)`, characters, no cleanup, no timeout (diff-match-patch's algorithm, trimmed)",
    run: (left, right) => fastDiff(left, right),
  },
  diffSequences: {
    label: "diff-sequences words",
    note: "npm `diff-sequences` (Jest's linear-space Myers), word level: both texts cut into words, whitespace runs and punctuation as dmp words does, tokens compared with `===`, the diff built from the common runs it reports; no timeout",
    run: (left, right) => sequenceWords(left, right),
  },
};

/** How many changes a result holds (for the report's sanity column). */
export function changes(name, result) {
  if (CONTESTANTS[name].comparison) return result.ops.filter((op) => op.kind !== "equal").length;
  if (name === "jsdiff") return result.filter((c) => c.added || c.removed).length;
  return result.filter(([op]) => op !== 0).length;
}

/** Rebuilds both texts from a result; true when they come back exactly (null for jsdiff, whose change objects are not checked). */
export function lossless(name, result, left, right) {
  if (name === "jsdiff") return null;
  if (!CONTESTANTS[name].comparison) {
    // [op, text] tuples: the left text is the deletions and equalities, the right the insertions and equalities
    const side = (keep) => result.filter(([op]) => op !== keep).map(([, text]) => text).join("");
    return side(1) === left && side(-1) === right;
  }
  let r = "";
  const leftParts = [];
  for (const op of result.ops) {
    if (op.kind === "move") continue;
    if (op.kind !== "delete") r += right.slice(op.right.start, op.right.end);
    if (op.kind !== "insert") leftParts.push([op.left.start, left.slice(op.left.start, op.left.end)]);
  }
  leftParts.sort((a, b) => a[0] - b[0]);
  return r === right && leftParts.map((p) => p[1]).join("") === left;
}
