// The contestants, as the benchmark page's worker runs them. Each takes the
// two texts and returns its result as ordinary JS objects.
// Served from the repository root: /www/pkg (the wasm package, whose
// `compare` is wirediff's public JS API), /node_modules (the peers),
// /artifacts/bench/vendor (diff-match-patch as an ES module).
import init, { compare } from "/www/pkg/wirediff.js";
import { diffWords } from "/node_modules/diff/libesm/index.js";
import DiffMatchPatch from "/artifacts/bench/vendor/diff-match-patch.mjs";

/** diff-match-patch's word mode: the "lines to chars" trick of its wiki, with words. */
function dmpWords(dmp, left, right) {
  const words = [""]; // index 0 is never used, as in diff_linesToChars_
  const ids = new Map();
  const encode = (text) => {
    let out = "";
    for (const w of text.match(/\s+|[\p{L}\p{M}\p{N}_]+|[^\s\p{L}\p{M}\p{N}_]/gu) ?? []) {
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

export const CONTESTANTS = {
  wirediff: {
    label: "wirediff",
    note: "public JS API (`compare`), default options, result as JS objects",
    setup: () => init({ module_or_path: new URL("/www/pkg/wirediff_bg.wasm", import.meta.url) }),
    run: (left, right) => compare(left, right),
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
};

/** How many changes a result holds (for the report's sanity column). */
export function changes(name, result) {
  if (name === "wirediff") return result.ops.filter((op) => op.kind !== "equal").length;
  if (name === "jsdiff") return result.filter((c) => c.added || c.removed).length;
  return result.filter(([op]) => op !== 0).length;
}

/** Rebuilds both texts from wirediff's ops; true when they come back exactly. */
export function lossless(result, left, right) {
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
