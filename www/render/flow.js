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
// With no space by `hardChars` (a URL, Thai, hostile input) it is cut there,
// between two grapheme clusters.

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

/** A label or article text in a sentence of ours, isolated: its direction (or a U+202E) cannot reorder the sentence. */
export const isolated = (doc, text, className) => el(doc, "bdi", className, text);
/** The same in a plain-text sentence (a title, a message). */
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
export const HARD_CHARS = 2 * LINE_CHARS;

/** Just after the first space or tab in `text` from `at` on, or -1 when there is none before `end`. */
export function spaceAfter(text, at, end = text.length) {
  for (let i = at; i + 1 < end; i++) if (text[i] === " " || text[i] === "\t") return i + 1;
  return -1;
}

// eslint-disable-next-line compat/compat -- tested for first; the fallback is below
const graphemes = typeof Intl.Segmenter === "function" && new Intl.Segmenter("en", { granularity: "grapheme" });
// Without Intl.Segmenter: never in a surrogate pair, before a mark, ZWJ, jamo, skin tone or tag, after a ZWJ, or between flag letters.
const JOINS = /[\p{M}\p{Emoji_Modifier}\u200d\u1160-\u11ff\ud7b0-\ud7ff\u{e0020}-\u{e007f}]/uy;
const low = (text, at) => text.charCodeAt(at) >= 0xdc00 && text.charCodeAt(at) <= 0xdfff;
const flag = (text, at) => text.codePointAt(at) >= 0x1f1e6 && text.codePointAt(at) <= 0x1f1ff;
function joined(text, at) {
  if (low(text, at) || text[at - 1] === "\u200d" || (flag(text, at) && flag(text, at - 2))) return true;
  JOINS.lastIndex = at;
  return JOINS.test(text);
}

/** The last grapheme cluster boundary after `from` (itself one) and at most `at`, or `from`. */
export function clusterStart(text, from, at) {
  // no rule joins two printable ASCII characters: the common case needs no segmenting
  if (/[ -~]{2}/y.test(text.slice(at - 1, at + 1))) return at;
  // the whole code point at `at` (a surrogate pair: two units) decides whether a cluster goes on there
  if (graphemes) return from + graphemes.segment(text.slice(from, at + 2)).containing(at - from).index;
  while (at > from && joined(text, at)) at--;
  return at;
}

/** A cut inside a cluster longer than a block (hundreds of marks): at `at`, not in a surrogate pair, after `from`. */
export function codePointCut(text, from, at) {
  const start = low(text, at) ? at - 1 : at;
  return start > from ? start : at + 1;
}

/** Where a block from `from` ends: after a space from `soft` on, else at a cluster boundary by `hard`; `from` if none; -1 if `end` comes first. */
export function blockEnd(text, from, soft, hard, end = text.length) {
  const space = spaceAfter(text, soft, Math.min(hard + 1, end));
  if (space >= 0) return space;
  return hard >= end ? -1 : clusterStart(text, from, hard);
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
        // no cluster ends in the room left: the text (an op, a piece) begins the next block
        if (this.blockChars > 0) {
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

/** Very long op texts in pieces (after a line break where one is near, else between clusters), so rendering can pause between them. */
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
 * The first slice's time. With a frame waited for after every 6 ms slice, a
 * news story's comparison took five to eight frames to appear; in 40 ms a
 * story, or a long text's first screen, is drawn for the first frame, and
 * the task stays under the 50 ms at which a browser counts it as long.
 */
const FIRST_SLICE_MS = 40;

/**
 * Appends `chunks` (an iterator of nodes) to `root`, a time slice at a time,
 * yielding to the event loop between slices so that typing and scrolling
 * stay responsive. Resolves true when all are in, false when `signal` aborted.
 */
export async function appendProgressively(root, chunks, { signal, sliceMs = 6, firstSliceMs = FIRST_SLICE_MS, onSlice } = {}) {
  const iterator = chunks[Symbol.iterator]();
  let budget = firstSliceMs;
  for (;;) {
    if (signal?.aborted) return false;
    const start = performance.now();
    let step;
    do {
      step = iterator.next();
      if (!step.done) root.append(step.value);
    } while (!step.done && performance.now() - start < budget);
    budget = sliceMs;
    onSlice?.();
    if (step.done) return true;
    await nextFrame();
  }
}
