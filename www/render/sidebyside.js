// Side by side: the source on the left, the comparison on the right, aligned
// paragraph by paragraph. Each row holds one paragraph of the comparison and,
// beside it, the source text its ops came from (whole cut paragraphs get a row
// of their own). Both columns live in one grid, so they scroll together and
// cannot drift apart. A moved passage is shown side by side at its new place;
// its old place gets a marker, and both ends link to each other (data-wd-move).
// A paragraph longer than `lineChars` goes on in another row (see flow.js).
// A paraphrased sentence starts with a marker "↗ from AP ¶1 s1–2"; a source
// sentence of it that the ops put in another row is quoted beside it, in its
// row, with the words they share in bold (a merge or a split draws on
// sentences the one-to-one op tiling shows elsewhere).
// Pure: `document` in, nodes out; article text only becomes text nodes.
//
//   renderSideBySide(doc, result, left, right, opts) → DocumentFragment
//   sideBySideChunks(doc, result, left, right, opts) → iterator of chunk elements
// opts: { hideBoilerplate = false, idPrefix = "wd-", labels: {left, right}, rowsPerChunk = 30, lineChars = LINE_CHARS, hardChars = HARD_CHARS, detailId }
import { HARD_CHARS, LINE_CHARS, blockEnd, clusterStart, codePointCut, collect, el, srOnly } from "./flow.js";
import { changeList, markMaker, moveFromLink, moveToLink, markStop, movePlaces, rewrites, spellingMark, stopsByOp, trailingBreaks, breaksMark } from "./marks.js";

import { sourceQuote } from "./source-quotes.js";
import { sourceLink, sourcesOf } from "./sources.js";

/** A cut that starts a paraphrased sentence: its marker goes there, in the same row. */
const SENTENCE = "sentence";

/** Whether the source text in [start, end) is at least half inside the `covered` spans. */
function mostlyCovered(covered, start, end) {
  let inside = 0;
  let at = start;
  for (const span of [...covered].sort((a, b) => a.start - b.start)) {
    const from = Math.max(at, span.start);
    const to = Math.min(end, span.end);
    if (to > from) {
      inside += to - from;
      at = to;
    }
  }
  return inside * 2 >= end - start;
}

/** Where a text's paragraphs start (after the first): the engine's (`side` "left" or "right"), else after each line break. */
function paragraphStarts(result, right, side = "right") {
  const paragraphs = result[side]?.paragraphs;
  if (Array.isArray(paragraphs) && paragraphs.length) return paragraphs.slice(1).map((p) => p.start);
  const starts = [];
  for (const match of right.matchAll(/\n+/g)) {
    const at = match.index + match[0].length;
    if (at < right.length) starts.push(at);
  }
  return starts;
}

/**
 * Where to cut `text`, lazily: at `breaks` ([offset, kind] pairs, in order),
 * and every `size` or so at a space (else by `hard`); [offset, kind] pairs,
 * kind false for a cut made for length.
 */
function* cutsFor(text, breaks, size, hard) {
  let from = 0;
  for (const [end, kind] of [...breaks, [text.length]]) {
    while (end - from > size) {
      let at = blockEnd(text, from, from + size, from + hard, end);
      if (at < 0) break;
      if (at === from) at = codePointCut(text, from, from + hard);
      yield [(from = at), false];
    }
    if (end < text.length) yield [end, kind];
    from = end;
  }
}

/** The offsets of sorted `starts` strictly inside (from, to), from `from` (a binary search: ops are many). */
function within(starts, from, to) {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= from) lo = mid + 1;
    else hi = mid;
  }
  const out = [];
  for (let k = lo; k < starts.length && starts[k] < to; k++) out.push(starts[k] - from);
  return out;
}

/**
 * Where the source text of an op matches the comparison's: [comparison
 * offset, source offset] pairs from [0, 0] to the ends, through each pair of
 * paragraph starts when both have as many (an unchanged passage whose spacing
 * differs, "\n\n" against "\n"); null when they have not.
 */
function anchorsFor(before, after, leftStarts, rightStarts) {
  if (leftStarts.length !== rightStarts.length) return null;
  return [[0, 0], ...rightStarts.map((at, k) => [at, leftStarts[k]]), [after.length, before.length]];
}

/** The source offset that matches comparison offset `at`, by `anchors`: an anchor's own, else as far into its paragraph. */
function anchored(anchors, at, before, from) {
  let k = 0;
  while (k + 1 < anchors.length && anchors[k + 1][0] <= at) k++;
  const [r, l] = anchors[k];
  if (r === at || k + 1 === anchors.length) return l;
  const end = Math.min(anchors[k + 1][1], l + (at - r));
  const cut = end > from ? clusterStart(before, from, end) : from;
  return cut > from ? cut : end;
}

/**
 * An op's pieces { right, left, at, cut }: the source cut where the comparison
 * was when as long, else at the matching paragraph starts (`leftStarts`, the
 * source's own paragraph starts in `before`) when both have as many, else on
 * its own; `at` is where the comparison piece starts in `after`, `cut` the
 * kind of cut before it (false: for length).
 */
function* rowPieces(before, after, breaks, size, hard, leftStarts = []) {
  const aligned = before.length === after.length;
  const anchors = aligned ? null : anchorsFor(before, after, leftStarts, breaks.filter(([, kind]) => kind === true).map(([at]) => at));
  const [rights, lefts] = [cutsFor(after, breaks, size, hard), cutsFor(before, [], size, hard)];
  let [r, l, cut] = [0, 0, false];
  while (r < after.length || l < before.length) {
    const [rt, brk] = (r < after.length && rights.next().value) || [after.length, false];
    let lt = before.length;
    if (rt === r && r < after.length) lt = l; // two breaks at one place: an empty piece
    else if (aligned && rt < after.length) {
      lt = clusterStart(before, l, rt);
      if (lt === l) lt = codePointCut(before, l, rt);
    } else if (anchors && rt < after.length) lt = Math.max(l, anchored(anchors, rt, before, l));
    else if (!aligned && l < before.length) lt = lefts.next().value?.[0] ?? lt;
    yield { right: after.slice(r, rt), left: before.slice(l, lt), at: r, cut };
    [r, l, cut] = [rt, lt, brk];
  }
}

class Row {
  constructor(doc, kind) {
    this.doc = doc;
    this.chars = 0;
    this.node = el(doc, "div", `wd-row${kind ? ` wd-row-${kind}` : ""}`);
    this.rewrites = []; // paraphrased sentences that start in this row
    this.covered = []; // the source spans of the ops whose text is in the left cell
    this.left = el(doc, "div", "wd-cell wd-cell-left");
    this.right = el(doc, "div", "wd-cell wd-cell-right");
    this.node.append(this.left, this.right);
  }

  get empty() {
    return !this.left.firstChild && !this.right.firstChild;
  }

  /** The cell's moved-passage wrapper for `moveId`, continued when it is the cell's last node. */
  target(cell, moveId, make) {
    if (moveId == null) return cell;
    const last = cell.lastChild;
    if (last?.dataset?.wdMove === String(moveId) && last.classList.contains("wd-moved")) return last;
    const wrap = make();
    cell.append(wrap);
    return wrap;
  }
}

export function* sideBySideChunks(doc, result, left, right, options = {}) {
  const { hideBoilerplate = false, idPrefix = "wd-", labels = {}, rowsPerChunk = 30, lineChars = LINE_CHARS, hardChars = HARD_CHARS, detailId } = options;
  const groups = rewrites(result, right);
  let group = 0; // index into groups: the next paraphrased sentence to start
  const starts = paragraphStarts(result, right);
  const sourceStarts = paragraphStarts(result, left, "left");
  const stops = stopsByOp(changeList(result));
  const places = movePlaces(result);
  const started = new Set(); // moved passages whose new place has begun
  let next = 0; // index into starts: the next paragraph start
  let rows = [];
  let rowsChars = 0;
  let row = new Row(doc);

  const head = el(doc, "div", "wd-row wd-row-head");
  head.setAttribute("aria-hidden", "true");
  head.append(el(doc, "div", "wd-cell wd-cell-left", labels.left ?? "Source"), el(doc, "div", "wd-cell wd-cell-right", labels.right ?? "Comparison"));
  rows.push(head);

  /** Quotes beside a row's paraphrased sentences the source sentences its left cell lacks. */
  const quoteSources = () => {
    const quoted = new Set();
    for (const g of row.rewrites) {
      const sources = sourcesOf(result, g.index).sort((a, b) => result.left.sentences[a.sentence].span.start - result.left.sentences[b.sentence].span.start);
      for (const source of sources) {
        const { span } = result.left.sentences[source.sentence];
        if (quoted.has(source.sentence) || mostlyCovered(row.covered, span.start, span.end)) continue;
        quoted.add(source.sentence);
        row.left.append(sourceQuote(doc, result, left, source, g.index, labels));
      }
    }
  };
  /** The marker of each paraphrased sentence that starts at comparison position `pos`. */
  const markRewrites = (pos) => {
    while (group < groups.length && groups[group].start <= pos) {
      const g = groups[group++];
      if (g.start < pos) continue; // hidden, or inside a cut
      row.rewrites.push(g);
      row.right.append(sourceLink(doc, result, g.index, labels, { detailId }));
    }
  };

  const push = (kind) => {
    quoteSources();
    if (!row.empty) rows.push(row.node);
    rowsChars += row.chars;
    row = new Row(doc, kind);
  };
  const advanceTo = (pos) => {
    while (next < starts.length && starts[next] <= pos) {
      push();
      next++;
    }
  };
  const atParagraphStart = (pos) => next < starts.length && starts[next] <= pos;
  const take = () => {
    if (rows.length < rowsPerChunk && rowsChars < 2 * lineChars) return null;
    const chunk = el(doc, "div", "wd-chunk");
    chunk.append(...rows);
    rows = [];
    rowsChars = 0;
    return chunk;
  };

  /** A moved passage's wrapper in one cell; its first piece carries the link and the stop. */
  const movedWrap = (side, op, i, stop) => () => {
    const wrap = el(doc, "span", "wd-moved");
    const id = op.moveId;
    wrap.dataset.wdMove = String(id);
    const key = `${side}:${id}`;
    if (!started.has(key)) {
      started.add(key);
      if (side === "right") {
        wrap.id = `${idPrefix}move-${id}-new`;
        markStop(wrap, stop.move);
      } else {
        wrap.append(moveToLink(doc, id, i, places, idPrefix));
      }
    }
    return wrap;
  };

  /** Appends a marked or plain piece of text to a cell (inside the op's moved-passage wrapper if any). */
  const put = (cell, side, op, i, stop, kind, text, first) => {
    if (!text) return;
    const target = row.target(cell, op.moveId, movedWrap(side, op, i, stop));
    if (kind === "equal") {
      target.append(doc.createTextNode(text));
      return;
    }
    const [body, breaks] = trailingBreaks(text);
    const whole = kind === "insert" ? right.slice(op.right.start, op.right.end) : left.slice(op.left.start, op.left.end);
    const mark = markMaker(doc, kind, i, first ? stop.change : undefined, op.boilerplate, whole)(true);
    mark.append(doc.createTextNode(body), srOnly(doc, "]"));
    target.append(mark);
    if (breaks) target.append(breaksMark(doc, kind, i, breaks));
  };

  for (let i = 0; i < result.ops.length; i++) {
    const op = result.ops[i];
    const before = left.slice(op.left.start, op.left.end);
    const after = right.slice(op.right.start, op.right.end);
    const stop = stops.get(i) ?? {};
    if (hideBoilerplate && op.boilerplate) {
      advanceTo(op.right.start);
      if (!row.right.lastChild?.classList?.contains("wd-hidden-boilerplate")) {
        const marker = el(doc, "span", "wd-hidden-boilerplate", "⋯");
        marker.title = "boilerplate hidden";
        marker.prepend(srOnly(doc, "boilerplate hidden "));
        row.right.append(marker);
      }
      continue;
    }

    if (op.right.start === op.right.end) {
      // Cut text and the old place of a moved passage: a row of its own when
      // it is a whole paragraph at a paragraph start, else with what follows.
      const ownRow = atParagraphStart(op.right.start) && /\n$/.test(before);
      if (ownRow) push("cut");
      else advanceTo(op.right.start);
      if (op.kind === "move") {
        row.left.append(moveFromLink(doc, op, i, places, before, idPrefix));
      } else {
        let first = true;
        for (const { left: piece } of rowPieces(before, "", [], lineChars, hardChars)) {
          if (!first) {
            push(ownRow ? "cut" : undefined);
            const chunk = take();
            if (chunk) yield chunk;
          }
          put(row.left, "left", op, i, stop, op.kind === "equal" ? "equal" : "delete", piece, first);
          row.covered.push(op.left);
          row.chars += piece.length;
          first = false;
        }
      }
      if (ownRow) push();
    } else {
      advanceTo(op.right.start);
      const paragraphs = [];
      while (next + paragraphs.length < starts.length && starts[next + paragraphs.length] < op.right.end) {
        paragraphs.push(starts[next + paragraphs.length] - op.right.start);
      }
      const breaks = paragraphs.map((at) => [at, true]);
      for (let g = group; g < groups.length && groups[g].start < op.right.end; g++) {
        if (groups[g].start > op.right.start) breaks.push([groups[g].start - op.right.start, SENTENCE]);
      }
      breaks.sort((a, b) => a[0] - b[0] || (a[1] === SENTENCE) - (b[1] === SENTENCE)); // a paragraph's row first, then its sentence
      let k = 0;
      const ownStarts = within(sourceStarts, op.left.start, op.left.end);
      for (const { right: piece, left: leftPiece, at, cut } of rowPieces(before, after, breaks, lineChars, hardChars, ownStarts)) {
        const first = k++ === 0;
        if (!first && cut !== SENTENCE) {
          push();
          if (cut) next++;
          const chunk = take();
          if (chunk) yield chunk;
        }
        markRewrites(op.right.start + at);
        if (!piece && !leftPiece) continue;
        if (leftPiece) row.covered.push(op.left);
        row.chars += piece.length + leftPiece.length;
        if (op.kind === "equal") {
          put(row.left, "left", op, i, stop, "equal", leftPiece, first);
          put(row.right, "right", op, i, stop, "equal", piece, first);
        } else if (op.kind === "insert") {
          put(row.right, "right", op, i, stop, "insert", piece, first);
        } else if (op.parts?.length && first) {
          const target = row.target(row.left, op.moveId, movedWrap("left", op, i, stop));
          target.append(markStop(spellingMark(doc, "delete", op.parts, left, i), stop.change));
          row.target(row.right, op.moveId, movedWrap("right", op, i, stop)).append(spellingMark(doc, "insert", op.parts, right, i));
        } else {
          // replace: the cut in the source column carries the stop, the new wording sits beside it
          const leftTarget = row.target(row.left, op.moveId, movedWrap("left", op, i, stop));
          if (leftPiece) {
            const [body, breaks] = trailingBreaks(leftPiece);
            const cut = markMaker(doc, "delete", i, first ? stop.change : undefined, op.boilerplate, before)(true);
            cut.append(doc.createTextNode(body), srOnly(doc, "]"));
            leftTarget.append(cut);
            if (breaks) leftTarget.append(breaksMark(doc, "delete", i, breaks));
          }
          if (!piece) continue; // the source goes on beside nothing
          const rightTarget = row.target(row.right, op.moveId, movedWrap("right", op, i, stop));
          const [body, breaks] = trailingBreaks(piece);
          const added = markMaker(doc, "insert", i, first && !leftPiece ? stop.change : undefined, op.boilerplate, after)(true);
          added.append(doc.createTextNode(body), srOnly(doc, "]"));
          rightTarget.append(added);
          if (breaks) rightTarget.append(breaksMark(doc, "insert", i, breaks));
        }
      }
    }
    if (row.chars > lineChars) push(); // a long paragraph goes on in a row of its own
    const chunk = take();
    if (chunk) yield chunk;
  }
  push();
  if (rows.length) {
    const chunk = el(doc, "div", "wd-chunk");
    chunk.append(...rows);
    yield chunk;
  }
}

/**
 * Builds the side-by-side view of `result` for texts `left` and `right`.
 * @returns {DocumentFragment}
 */
export function renderSideBySide(doc, result, left, right, options = {}) {
  return collect(doc, sideBySideChunks(doc, result, left, right, options));
}
