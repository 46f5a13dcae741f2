// Builds the engine's result objects (the shapes of types.d.ts) from the
// numbers src/wasm/result.rs writes, read straight from wasm memory; the
// layout is described there. The objects are exactly those JSON.parse
// would give for the CLI's --json: the same keys in the same order,
// optional keys left out when absent. Shipped as a wasm-bindgen snippet
// next to the package's wirediff.js (scripts/build re-exports it as
// pkg/result.js, a name that does not change, for www/engine.js and
// www/worker.js).
//
// A result decodes in steps (decoding() is a generator): the engine's call on
// the page's thread runs them all at once; the page runs those of a result
// from the worker a slice at a time, with its own work in between.

// Each name's number is its place in its list: the order of the Rust enum
// it comes from (src/vocab.rs, src/report/result.rs, src/text/boilerplate.rs);
// tests/names.rs holds these lists equal to those enums and to types.d.ts.
const OPS = ["equal", "insert", "delete", "replace", "move"];
const RIGHT = ["verbatim", "edited", "paraphrased", "new", "boilerplate"];
const LEFT = ["kept", "edited", "paraphrased", "cut", "boilerplate"];
const FACT_KINDS = ["quote", "number", "name"];
const CHANGES = ["altered", "cut", "added"];
const AGENCIES = ["AP", "Reuters", "AFP", "dpa", "EFE", "ANSA", "Xinhua", "Kyodo", "ANTARA", "Yonhap"];
const CREDIT_STATUSES = ["kept", "removed", "replaced", "added"];
const VERDICTS = ["wholly derived", "partially derived", "not derived"];
const RULES = ["read-also", "syndication-footer", "radio-chrome", "dateline", "repeated-caption"];

const float = new Float64Array(1);
const bits = new Uint32Array(float.buffer);

/**
 * A reader over the numbers. A class, not an object of closures over a
 * shared index: V8 keeps `at` in a field it optimises, which made the decode
 * of a result with sources half as long.
 */
class Reader {
  constructor(words) {
    this.words = words;
    this.at = 0;
  }
  next() {
    return this.words[this.at++];
  }
  span() {
    const at = this.at;
    this.at = at + 2;
    return { start: this.words[at], end: this.words[at + 1] };
  }
  share() {
    return this.words[this.at++] / 10000;
  }
  /** An f64 sent as its two 32-bit halves, low first (wasm and every browser are little-endian). */
  float() {
    bits[0] = this.words[this.at++];
    bits[1] = this.words[this.at++];
    return float[0];
  }
  /** The name numbered by the next word: a number outside `names` is a bug, never a default. */
  name(names) {
    const k = this.words[this.at++];
    if (k >= names.length) throw new Error(`wirediff: no name numbered ${k} among ${names.join(", ")}`);
    return names[k];
  }
}

/** A list of `read()`s, its length first (pushed: `new Array(n)` of a large n is a slow dictionary array). */
function list(r, read) {
  const out = [];
  for (let k = r.next(); k > 0; k--) out.push(read());
  return out;
}

/** list(), for the lists that can be long: a step every STEP items. */
function* steps(r, read) {
  const out = [];
  for (let k = r.next(); k > 0; k--) {
    out.push(read());
    if (k % STEP === 0) yield;
  }
  return out;
}
const STEP = 256;

function op(r) {
  const o = { kind: r.name(OPS), left: r.span(), right: r.span() };
  const flags = r.next();
  if (flags & 1) o.moveId = r.next();
  if (flags & 2) o.parts = list(r, () => op(r));
  if (flags & 4) o.boilerplate = true;
  return o;
}

function* structure(r, labels) {
  const paragraphs = yield* steps(r, () => r.span());
  const sentences = yield* steps(r, () => {
    const s = { span: r.span(), paragraph: r.next(), label: r.name(labels) };
    const flags = r.next();
    if (flags & 1) s.match = r.next();
    s.overlap = r.share();
    if (flags & 2) s.moveId = r.next();
    if (flags & 4) s.boilerplateRule = r.name(RULES);
    const sources = list(r, () => ({
      sentence: r.next(),
      score: r.share(),
      words: list(r, () => ({ left: r.span(), right: r.span() })),
    }));
    if (sources.length > 0) s.sources = sources;
    return s;
  });
  return { paragraphs, sentences };
}

function tally(r) {
  return { unchanged: r.next(), altered: r.next(), cut: r.next(), added: r.next() };
}

function* read(r, left, right) {
  const ops = yield* steps(r, () => op(r));
  const leftStructure = yield* structure(r, LEFT);
  const rightStructure = yield* structure(r, RIGHT);
  const moves = yield* steps(r, () => ({ id: r.next(), left: r.span(), right: r.span(), edited: r.next() === 1 }));
  const facts = yield* steps(r, () => {
    const f = { kind: r.name(FACT_KINDS), change: r.name(CHANGES) };
    const flags = r.next();
    if (flags & 1) f.left = r.span();
    if (flags & 2) f.right = r.span();
    f.leftText = f.left ? left.slice(f.left.start, f.left.end) : "";
    f.rightText = f.right ? right.slice(f.right.start, f.right.end) : "";
    if (flags & 4) f.leftValue = r.float();
    if (flags & 8) f.rightValue = r.float();
    if (flags & 16) f.leftSpeaker = r.span();
    if (flags & 32) f.rightSpeaker = r.span();
    return f;
  });
  const credits = list(r, () => {
    const c = { agency: r.name(AGENCIES), status: r.name(CREDIT_STATUSES) };
    const flags = r.next();
    if (flags & 1) c.left = r.span();
    if (flags & 2) c.right = r.span();
    return c;
  });
  const stats = {
    leftWords: r.next(),
    rightWords: r.next(),
    verbatimShare: r.share(),
    editedShare: r.share(),
    paraphrasedShare: r.share(),
    newShare: r.share(),
    derivedShare: r.share(),
    reusedShare: r.share(),
    sourceReusedShare: r.share(),
    longestShared: r.next() === 1 ? { words: r.next(), left: r.span(), right: r.span() } : null,
    insertions: r.next(),
    deletions: r.next(),
    replacements: r.next(),
    moves: r.next(),
    quotes: tally(r),
    numbers: tally(r),
    verdict: r.name(VERDICTS),
    estimated: r.next() === 1,
  };
  return {
    ops,
    left: leftStructure,
    right: rightStructure,
    moves,
    facts,
    credits,
    stats,
    approximate: r.next() === 1,
    leftLength: r.next(),
    rightLength: r.next(),
  };
}

function* many(r, source, versions) {
  const results = [];
  for (let k = r.next(), i = 0; i < k; i++) results.push(yield* read(r, source, versions[i]));
  const n = r.next();
  const matrix = [];
  for (let i = 0; i < n; i++) {
    const row = [];
    for (let j = 0; j < n; j++) row.push(r.share());
    matrix.push(row);
  }
  return { results, matrix };
}

/**
 * The steps that decode the engine's numbers (a Uint32Array) into the result
 * of `name` ("compare" or "compareMany") on `texts` (left and right; or the
 * source and the versions): the generator returns the result.
 */
export function decoding(name, words, texts) {
  const r = new Reader(words);
  return name === "compare" ? read(r, texts[0], texts[1]) : many(r, texts[0], texts.slice(1));
}

let numbers = false;

/**
 * Calls `call`, an engine call, for the engine's numbers rather than its
 * result: `{ words }`, a copy of them (its own buffer, which the worker
 * transfers to the page to be decoded there).
 */
export function numbersOf(call) {
  numbers = true;
  try {
    return call();
  } finally {
    numbers = false;
  }
}

function decoded(name, words, texts) {
  if (numbers) return { words: words.slice() };
  const steps = decoding(name, words, texts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** A Comparison of `left` and `right` from the engine's numbers (a Uint32Array). */
export function comparison(words, left, right) {
  return decoded("compare", words, [left, right]);
}

/** A ManyComparison of `source` and `versions` from the engine's numbers. */
export function manyComparison(words, source, versions) {
  return decoded("compareMany", words, [source, ...versions]);
}
