// Shared by the renderers: text in blocks and chunks, and small helpers.
// Pure: every function takes the document to build with and returns nodes;
// nothing here reads or writes the page. Article text only becomes text nodes.
//
// Why blocks: a long result is cut at its line breaks into <div class="wd-block">
// (white-space: pre-wrap, so it reads exactly as the running text), and the
// blocks are grouped into <div class="wd-chunk"> that the stylesheet gives
// `content-visibility: auto`: the browser lays out only what is on screen, and
// the chunks can be appended one after another without freezing the page.
// A line longer than `lineChars` is cut into blocks at a space, as a browser
// takes seconds to lay out a paragraph of megabytes; the line wraps early there.
// A line with no space soon enough (a URL, a hash, Thai or Chinese text, or a
// hostile run of one letter) is cut at `hardChars`, between two grapheme
// clusters, so that no block, however the text is made, is long to lay out.

/** A visually hidden label: the change is never told by colour alone. */
export function srOnly(doc, text) {
  const label = doc.createElement("span");
  label.className = "wd-sr-only";
  label.textContent = text;
  return label;
}

export function el(doc, tag, className, text) {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

/**
 * A label or a piece of article text inside a sentence of ours, in a <bdi>:
 * its own direction (Arabic, Hebrew) or a stray U+202E cannot reorder the
 * sentence around it.
 */
export function isolated(doc, text, className) {
  return el(doc, "bdi", className, text);
}

/** The same for a sentence that is one string (a title, a status message): U+2068 … U+2069, the <bdi> of plain text. */
export const isolatedText = (text) => `\u2068${text}\u2069`;

export const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
export const percent = (share) => `${Math.round(share * 100)}%`;

/** The first words of a passage, for a marker that points at it. */
export function snippet(text, words = 8) {
  const parts = text.trim().split(/\s+/);
  const head = parts.slice(0, words).join(" ");
  return parts.length > words ? `${head}…` : head;
}

export const LINE_CHARS = 2_000;
/** The longest block (UTF-16 code units) of a line with no space after LINE_CHARS. */
export const HARD_CHARS = 2 * LINE_CHARS;

/** Just after the first space or tab in `text` from `at` on, or -1 when there is none before `end`. */
export function spaceAfter(text, at, end = text.length) {
  for (let i = at; i + 1 < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9) return i + 1;
  }
  return -1;
}

const graphemes = typeof Intl.Segmenter === "function" ? new Intl.Segmenter("en", { granularity: "grapheme" }) : null;
/** Code points that belong to the character before them (where Intl.Segmenter is missing): marks, ZWJ, Hangul vowel and final jamo, skin tones, tags. */
const JOINS_BEFORE = /[\p{M}\u200D\u1160-\u11FF\uD7B0-\uD7FF\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]/uy;
const isHigh = (code) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code) => code >= 0xdc00 && code <= 0xdfff;
/** Printable ASCII: no rule of UAX #29 joins two of these into one cluster (the common case, without Intl.Segmenter's cost). */
const printable = (code) => code >= 0x20 && code < 0x7f;
const isRegional = (text, at) => {
  const code = text.codePointAt(at);
  return code >= 0x1f1e6 && code <= 0x1f1ff;
};

/**
 * Would a cut at `at` split what a reader sees as one character? (A surrogate
 * pair; before a mark, ZWJ, variation selector, jamo, skin tone or tag; after
 * a ZWJ; between two flag letters.) What Intl.Segmenter knows, roughly, where it is missing.
 */
function joined(text, at) {
  if (isLow(text.charCodeAt(at)) && isHigh(text.charCodeAt(at - 1))) return true;
  if (text.charCodeAt(at - 1) === 0x200d) return true;
  if (at >= 2 && isRegional(text, at) && isRegional(text, at - 2)) return true;
  JOINS_BEFORE.lastIndex = at;
  return JOINS_BEFORE.test(text);
}

/**
 * The last grapheme cluster boundary in `text` after `from` and at most `at`,
 * or `from` when there is none. `from` must be a boundary: the clusters are
 * found from there on.
 */
export function clusterStart(text, from, at) {
  if (printable(text.charCodeAt(at - 1)) && printable(text.charCodeAt(at))) return at;
  if (graphemes) return from + graphemes.segment(text.slice(from, at + 1)).containing(at - from).index;
  let start = at;
  while (start > from && joined(text, start)) start--;
  return start;
}

/**
 * A cut in a grapheme cluster longer than a block (hundreds of combining
 * marks, which no writing system needs): at `at`, or just before it when
 * that is inside a surrogate pair (never at `from`).
 */
export function codePointCut(text, from, at) {
  const start = isLow(text.charCodeAt(at)) && isHigh(text.charCodeAt(at - 1)) ? at - 1 : at;
  return start > from ? start : at + 1;
}

/**
 * Where to end a block of `text` that runs on from `from` (a cluster
 * boundary): just after the first space or tab from `soft` on, else (no space
 * by `hard`) at the last grapheme cluster boundary by `hard`; `from` when
 * there is none; -1 when the text ends (at `end`) by `hard`.
 */
export function blockEnd(text, from, soft, hard, end = text.length) {
  const space = spaceAfter(text, soft, Math.min(hard + 1, end));
  if (space >= 0) return space;
  if (hard >= end) return -1;
  return clusterStart(text, from, hard);
}

/**
 * Builds inline content into blocks cut after each run of line breaks, and
 * hands finished blocks out as chunks. Inline wrappers opened with open()
 * continue into the next block (made again by their `make(false)`).
 */
export class Flow {
  constructor(doc, { blocksPerChunk = 24, charsPerChunk = 6_000, lineChars = LINE_CHARS, hardChars = HARD_CHARS } = {}) {
    this.doc = doc;
    this.lineChars = lineChars;
    this.hardChars = hardChars;
    this.blocksPerChunk = blocksPerChunk;
    this.charsPerChunk = charsPerChunk;
    this.done = [];
    this.doneChars = 0;
    this.stack = [];
    this.block = this.#newBlock();
    this.blockChars = 0;
    this.pendingBreak = false;
    /** Nothing but line breaks since the last block began: a cut here can keep its own lines. */
    this.atLineStart = true;
  }

  #newBlock() {
    return el(this.doc, "div", "wd-block");
  }

  get parent() {
    return this.stack.length ? this.stack[this.stack.length - 1].node : this.block;
  }

  #break() {
    this.done.push(this.block);
    this.doneChars += this.blockChars;
    this.block = this.#newBlock();
    this.blockChars = 0;
    let parent = this.block;
    for (const frame of this.stack) {
      frame.node = frame.make(false);
      parent.append(frame.node);
      parent = frame.node;
    }
    this.pendingBreak = false;
  }

  #flush() {
    if (this.pendingBreak) this.#break();
  }

  /** Opens an inline wrapper: `make(first)` builds it (first: false for its continuations). */
  open(make) {
    this.#flush();
    const node = make(true);
    this.parent.append(node);
    this.stack.push({ make, node });
    return node;
  }

  close() {
    this.stack.pop();
  }

  /** Appends a node at the current place. */
  node(node) {
    this.#flush();
    this.parent.append(node);
    this.atLineStart = false;
  }

  /** Appends a node where the last text ended, even after a line break (closing labels). */
  tail(node) {
    this.parent.append(node);
  }

  /** Appends text, cutting a block after each run of line breaks. */
  text(text) {
    const breaks = /\n+/g;
    let from = 0;
    let match;
    while ((match = breaks.exec(text))) {
      const to = match.index + match[0].length;
      this.#flush();
      this.#line(text.slice(from, to));
      from = to;
      this.pendingBreak = true;
      this.atLineStart = true;
    }
    if (from < text.length) {
      this.#flush();
      this.#line(text.slice(from));
      this.atLineStart = false;
    }
  }

  /** Appends text with no line break but at its end, cutting blocks while the line is too long. */
  #line(text) {
    let from = 0;
    while (this.blockChars + text.length - from > this.lineChars) {
      const room = Math.max(0, this.hardChars - this.blockChars);
      let to = blockEnd(text, from, from + Math.max(0, this.lineChars - this.blockChars), from + room);
      if (to < 0) break;
      if (to === from) {
        if (this.blockChars > 0) {
          // no cluster of this text ends in the room left: it (an op, a piece) begins the next block
          this.#break();
          continue;
        }
        to = codePointCut(text, from, from + room);
      }
      this.parent.append(this.doc.createTextNode(text.slice(from, to)));
      this.blockChars += to - from;
      from = to;
      this.#break();
    }
    this.parent.append(this.doc.createTextNode(text.slice(from)));
    this.blockChars += text.length - from;
  }

  /** A chunk of the finished blocks, when there are enough of them (or `all`). */
  take(all = false) {
    if (all) {
      if (this.block.firstChild) this.done.push(this.block);
      this.block = this.#newBlock();
      this.stack = [];
    } else if (this.done.length < this.blocksPerChunk && this.doneChars < this.charsPerChunk) {
      return null;
    }
    if (!this.done.length) return null;
    const chunk = el(this.doc, "div", "wd-chunk");
    chunk.append(...this.done);
    this.done = [];
    this.doneChars = 0;
    return chunk;
  }
}

/**
 * Very long op texts in pieces (cut after a line break where one is near,
 * else never inside a surrogate pair or before a joining mark), so rendering
 * can pause between them.
 */
export function* pieces(text, size = 16_384) {
  let from = 0;
  while (text.length - from > size) {
    let to = from + size;
    const br = text.slice(to, to + 2048).indexOf("\n");
    if (br !== -1) to += br + 1;
    else {
      const start = clusterStart(text, from, to);
      to = start > from ? start : codePointCut(text, from, to);
    }
    yield text.slice(from, to);
    from = to;
  }
  yield text.slice(from);
}

/** Collects a renderer's chunks into one fragment (the non-progressive form). */
export function collect(doc, chunks) {
  const out = doc.createDocumentFragment();
  for (const chunk of chunks) out.append(chunk);
  return out;
}

/**
 * Resolves after the browser has had a frame to lay out and paint what was
 * appended (so that one frame never has more than one slice to lay out), or
 * after 50 ms where frames do not come (a hidden tab).
 */
function nextFrame() {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      setTimeout(resolve, 0);
    };
    const timer = setTimeout(done, 50);
    requestAnimationFrame(done);
  });
}

/**
 * Appends `chunks` (an iterator of nodes) to `root`, a time slice at a time,
 * yielding to the event loop between slices so that typing and scrolling
 * stay responsive. Resolves true when all are in, false when `signal` aborted.
 */
export async function appendProgressively(root, chunks, { signal, sliceMs = 6, onSlice } = {}) {
  const iterator = chunks[Symbol.iterator]();
  for (;;) {
    if (signal?.aborted) return false;
    const start = performance.now();
    let step;
    do {
      step = iterator.next();
      if (!step.done) root.append(step.value);
    } while (!step.done && performance.now() - start < sliceMs);
    onSlice?.();
    if (step.done) return true;
    await nextFrame();
  }
}
