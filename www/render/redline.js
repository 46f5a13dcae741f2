// The redline: the comparison (right) text with what was added underlined,
// what was cut struck through where it stood, and moved passages shown at
// their new place with a link to their old place. A paraphrased sentence is
// one rewrite (wd-rewrite, marked "rewritten from AP ¶1 s1–2"): its ops, the
// words it shares with its sources unmarked inside, stay together, so a merge
// reads as a rewrite of its source and not as an unrelated cut and insertion.
// Pure: `document` in, nodes out; article text only ever becomes text nodes.
//
//   renderRedline(doc, result, left, right, opts)  → DocumentFragment
//   redlineChunks(doc, result, left, right, opts)  → iterator of chunk elements (progressive rendering)
//   changeList(result, opts)                       → the changes a reader steps through
//   rewrites(result, right)                        → the paraphrased sentences' places, in reading order
// opts: { hideBoilerplate = false, idPrefix = "wd-", labels: {left, right}, detailId }
import { Flow, collect, el, isolated, pieces, snippet, srOnly } from "./flow.js";
import { sourceLink, sourcesOf } from "./sources.js";

export const CHANGE_KINDS = new Set(["insert", "delete", "replace"]);

/**
 * The changes a reader steps through, in the engine's op order (the reading
 * order of the comparison text): each insert, delete and replace op, and each
 * moved passage once, at its new place. Ops in boilerplate (read-also lines,
 * footers: shown, but marked as such) are not steps, as the engine's stats do
 * not count them, so there are exactly stats.insertions + deletions +
 * replacements + moves.
 * @returns {{kind: string, op: number, moveId?: number}[]}
 */
export function changeList(result) {
  const list = [];
  const moves = new Set();
  result.ops.forEach((op, index) => {
    if (op.boilerplate) return;
    if (op.moveId != null && op.kind !== "move" && !moves.has(op.moveId)) {
      moves.add(op.moveId);
      list.push({ kind: "move", op: index, moveId: op.moveId });
    }
    if (CHANGE_KINDS.has(op.kind)) list.push({ kind: op.kind, op: index });
  });
  return list;
}

/** Stop numbers by op index: op → {move?: n, change?: n}. */
export function stopsByOp(changes) {
  const byOp = new Map();
  changes.forEach((change, n) => {
    const entry = byOp.get(change.op) ?? {};
    if (change.kind === "move") entry.move = n;
    else entry.change = n;
    byOp.set(change.op, entry);
  });
  return byOp;
}

/** Marks `node` as change stop `n`: focusable by script, found by navigation. */
export function markStop(node, n) {
  if (n == null) return node;
  node.dataset.wdStop = String(n);
  node.tabIndex = -1;
  return node;
}

/** Where each moved passage's old place (its `move` op) and new place (first op) are in the op list. */
export function movePlaces(result) {
  const places = new Map();
  result.ops.forEach((op, index) => {
    if (op.moveId == null) return;
    const place = places.get(op.moveId) ?? {};
    if (op.kind === "move") place.old = index;
    else place.new ??= index;
    places.set(op.moveId, place);
  });
  return places;
}

const LABEL = { insert: "inserted", delete: "deleted" };

/**
 * Appends cut text as the redline shows it: a cut that starts a line keeps
 * its line breaks (a whole cut paragraph stays a paragraph); inside a line,
 * its breaks stay in the text but show as ¶ (wd-cut-break), so the
 * comparison's own lines are not broken by text it lacks.
 */
function appendCut(doc, flow, text, keepBreaks = flow.atLineStart) {
  if (keepBreaks) {
    flow.text(text);
    return;
  }
  for (const piece of text.split(/(\n+)/)) {
    if (!piece) continue;
    if (piece[0] === "\n") flow.node(el(doc, "span", "wd-cut-break", piece));
    else flow.text(piece);
  }
}

const TAG = { insert: "ins", delete: "del" };

/** Splits the line breaks off the end of a mark's text: they go in a mark of
 * their own without background (breaksMark), so that the mark's colour does
 * not reach onto an empty line. */
export function trailingBreaks(text) {
  // a loop from the end: a regular expression would scan the whole of a long text
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return [text.slice(0, end), text.slice(end)];
}

/**
 * The line breaks that end an added or cut text: still part of it, but drawn
 * plain, and tagged data-wd-breaks (not data-wd-op, so that highlighting the
 * op's marks never outlines an empty line).
 */
export function breaksMark(doc, kind, opIndex, breaks) {
  const node = el(doc, TAG[kind], `wd-${kind === "insert" ? "ins" : "del"} wd-breaks`, breaks);
  node.dataset.wdBreaks = String(opIndex);
  return node;
}

/** An <ins>/<del> with its hidden label, continued across blocks without the label. */
/**
 * The link left at a moved passage's old place, pointing to its new place
 * (op `i`, a `move` op; `before` is the passage's old text).
 */
export function moveFromLink(doc, op, i, places, before, idPrefix) {
  const place = places.get(op.moveId) ?? {};
  const down = place.new == null || place.new > i;
  const link = el(doc, "a", "wd-move-from");
  link.id = `${idPrefix}move-${op.moveId}-old`;
  link.href = `#${idPrefix}move-${op.moveId}-new`;
  link.dataset.wdMove = String(op.moveId);
  link.dataset.wdOp = String(i);
  link.title = "A passage stood here before it was moved: go to its new place";
  link.append(doc.createTextNode(`${down ? "↓ moved down" : "↑ moved up"}: “`), isolated(doc, snippet(before)), doc.createTextNode("”"));
  return link;
}

export function markMaker(doc, kind, opIndex, stop, boilerplate = false) {
  return (first) => {
    const node = el(doc, TAG[kind], `wd-${kind === "insert" ? "ins" : "del"}${boilerplate ? " wd-boilerplate" : ""}`);
    node.dataset.wdOp = String(opIndex);
    if (first) {
      markStop(node, stop);
      node.append(srOnly(doc, `[${boilerplate ? "boilerplate " : ""}${LABEL[kind]}: `));
    }
    return node;
  };
}

/** A one-word spelling change, letter by letter, from the op's `parts`. */
export function spellingMark(doc, kind, parts, text, opIndex) {
  const node = el(doc, TAG[kind], `wd-${kind === "insert" ? "ins" : "del"} wd-spelling`);
  node.dataset.wdOp = String(opIndex);
  node.append(srOnly(doc, `[${kind === "insert" ? "spelled now" : "spelled before"}: `));
  const side = kind === "insert" ? "right" : "left";
  const changed = kind === "insert" ? ["insert", "replace"] : ["delete", "replace"];
  for (const part of parts) {
    const piece = text.slice(part[side].start, part[side].end);
    if (!piece) continue;
    if (part.kind === "equal") node.append(doc.createTextNode(piece));
    else if (changed.includes(part.kind)) node.append(el(doc, "b", "wd-letters", piece));
  }
  node.append(srOnly(doc, "]"));
  return node;
}

/**
 * Where each paraphrased sentence of the comparison stands (without the
 * whitespace around it), in reading order: [{ index, start, end, sources,
 * left, right }], `sources` the spans of its source sentences in the source
 * text, `left` and `right` those of the words they share, in each text.
 */
export function rewrites(result, right) {
  const sentences = result.right?.sentences;
  if (!Array.isArray(sentences)) return [];
  const out = [];
  sentences.forEach((s, index) => {
    if (s.label !== "paraphrased" || !sourcesOf(result, index).length) return;
    let { start, end } = s.span;
    while (start < end && /\s/.test(right[start])) start++;
    while (end > start && /\s/.test(right[end - 1])) end--;
    if (end <= start) return;
    const sources = sourcesOf(result, index);
    const words = sources.flatMap((x) => x.words);
    out.push({
      index,
      start,
      end,
      sources: sources.map((x) => result.left.sentences[x.sentence].span),
      left: merged(words.map((w) => w.left)),
      right: merged(words.map((w) => w.right)),
    });
  });
  return out.sort((a, b) => a.start - b.start);
}

/** Spans sorted, those that overlap or touch made one. */
function merged(spans) {
  const out = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ start: span.start, end: span.end });
  }
  return out;
}

/** Where op text [start, end) is cut so that no piece crosses a rewrite's edge: the inner offsets. */
function rewriteCuts(groups, start, end) {
  const cuts = [];
  for (const g of groups) {
    if (g.start >= end) break;
    for (const at of [g.start, g.end]) if (at > start && at < end) cuts.push(at);
  }
  return cuts;
}

export function* redlineChunks(doc, result, left, right, { hideBoilerplate = false, idPrefix = "wd-", labels = {}, detailId } = {}) {
  const flow = new Flow(doc);
  const stops = stopsByOp(changeList(result));
  const places = movePlaces(result);
  const groups = rewrites(result, right);
  let group = 0; // index into groups: the first that does not end before the current place
  let openMove = null; // the moveId whose wrapper is open
  let openRewrite = null; // the rewrite whose wrapper is open
  let hiding = false; // inside a run of hidden boilerplate

  const closeRewrite = () => {
    if (openRewrite != null) flow.close();
    openRewrite = null;
  };
  const closeMove = () => {
    if (openMove != null) flow.close();
    openMove = null;
  };
  /**
   * Writes the added or cut text of an op (`side` "right" or "left", starting
   * at `from` there) with the words the open rewrite shares with its sources
   * in wd-shared: a phrase the rewrite reordered, or took from a source
   * sentence the ops pair with another sentence, is seen to be the source's
   * though it is cut in one place and added in another.
   */
  const writeShared = (text, from, side, write) => {
    let at = 0;
    for (const span of openRewrite?.[side] ?? []) {
      const a = Math.max(at, span.start - from);
      const b = Math.min(text.length, span.end - from);
      if (b <= a) continue;
      if (a > at) write(text.slice(at, a));
      flow.open((first) => {
        const shared = el(doc, "span", "wd-shared");
        if (first) shared.append(srOnly(doc, "(the source's words) "));
        return shared;
      });
      write(text.slice(a, b));
      flow.close();
      at = b;
    }
    if (at < text.length) write(text.slice(at));
  };
  const labelled = new Set(); // rewrites whose label is drawn (one broken by a moved passage goes on without)
  /**
   * Opens or closes the rewrite wrapper for comparison position `pos` (text
   * from `pos` on comes next). Rewrites are not drawn inside moved passages,
   * whose wrapper already says where the text came from. Text cut just
   * before a rewrite (`cut`: its span in the source) is part of it only when
   * it is from the rewrite's source sentences.
   */
  const rewriteAt = (pos, moved, cut) => {
    while (group < groups.length && groups[group].end <= pos) group++;
    const g = groups[group];
    const ours = (span) => g.sources.some((s) => s.start < span.end && span.start < s.end);
    const inside = !moved && openMove == null && g && (g.start < pos || (g.start === pos && (!cut || ours(cut)))) ? g : null;
    if (inside === openRewrite) return;
    closeRewrite();
    if (!inside) return;
    openRewrite = inside;
    flow.open((first) => {
      const wrap = el(doc, "span", "wd-rewrite");
      wrap.dataset.wdRewrite = String(inside.index);
      if (first && !labelled.has(inside)) {
        labelled.add(inside);
        wrap.append(sourceLink(doc, result, inside.index, labels, { prefix: "rewritten from", detailId }));
      }
      return wrap;
    });
  };

  for (let i = 0; i < result.ops.length; i++) {
    const op = result.ops[i];
    const before = left.slice(op.left.start, op.left.end);
    const after = right.slice(op.right.start, op.right.end);
    if (hideBoilerplate && op.boilerplate) {
      if (!hiding) {
        closeRewrite();
        closeMove();
        const marker = el(doc, "span", "wd-hidden-boilerplate", "⋯");
        marker.title = "boilerplate hidden";
        marker.prepend(srOnly(doc, "boilerplate hidden "));
        flow.node(marker);
        hiding = true;
      }
      // Keep the line breaks the hidden text ended with, so lines stay apart.
      const breaks = /\n+$/.exec(op.kind === "delete" || op.kind === "move" ? before : after);
      if (breaks) flow.text(breaks[0]);
      continue;
    }
    hiding = false;
    const stop = stops.get(i) ?? {};

    if (op.kind === "move") {
      closeMove();
      flow.node(moveFromLink(doc, op, i, places, before, idPrefix));
      continue;
    }

    if (op.moveId != null && openMove !== op.moveId) {
      closeRewrite();
      closeMove();
      const id = op.moveId;
      const place = places.get(id) ?? {};
      const fromAbove = place.old != null && place.old < i;
      flow.open((first) => {
        const wrap = el(doc, "span", "wd-moved");
        wrap.dataset.wdMove = String(id);
        if (first) {
          wrap.id = `${idPrefix}move-${id}-new`;
          markStop(wrap, stop.move);
          const back = el(doc, "a", "wd-move-to", fromAbove ? "↑ moved from above" : "↓ moved from below");
          back.href = `#${idPrefix}move-${id}-old`;
          back.dataset.wdMove = String(id);
          back.title = "This passage was moved: go to where it stood in the source";
          wrap.append(back);
        }
        return wrap;
      });
      openMove = id;
    } else if (op.moveId == null) {
      closeMove();
    }

    const moved = op.moveId != null;
    // equal and added text is cut at the edges of rewrites; the rest goes where it starts
    const cuts = op.kind === "equal" || op.kind === "insert" ? rewriteCuts(groups, op.right.start, op.right.end) : [];
    if (!cuts.length) rewriteAt(op.right.start, moved, op.kind === "delete" ? op.left : null);

    switch (op.kind) {
      case "equal": {
        // the last op of a moved passage leaves its line breaks outside the passage's frame
        const lastMoved = op.moveId != null && result.ops[i + 1]?.moveId !== op.moveId;
        const [body, breaks] = lastMoved ? trailingBreaks(after) : [after, ""];
        let at = op.right.start;
        for (const end of [...cuts, op.right.start + body.length]) {
          if (end <= at) continue;
          if (cuts.length) rewriteAt(at, moved);
          for (const piece of pieces(right.slice(at, end))) {
            flow.text(piece);
            const chunk = flow.take();
            if (chunk) yield chunk;
          }
          at = end;
        }
        if (breaks) {
          closeMove();
          flow.text(breaks);
        }
        break;
      }
      case "insert":
      case "delete": {
        let at = op.right.start;
        let stopped = stop.change;
        let made = false;
        for (const end of op.kind === "insert" ? [...cuts, op.right.end] : [op.right.end]) {
          if (cuts.length) rewriteAt(at, moved);
          const keepBreaks = flow.atLineStart;
          const text = op.kind === "insert" ? right.slice(at, end) : before;
          let offset = op.kind === "insert" ? at : op.left.start;
          at = end;
          const [body, breaks] = op.kind === "insert" || keepBreaks ? trailingBreaks(text) : [text, ""];
          if (body || (!made && end === op.right.end)) {
            flow.open(markMaker(doc, op.kind, i, stopped, op.boilerplate));
            stopped = undefined;
            made = true;
            for (const piece of pieces(body)) {
              if (op.kind === "insert") writeShared(piece, offset, "right", (t) => flow.text(t));
              else writeShared(piece, offset, "left", (t) => appendCut(doc, flow, t, keepBreaks));
              offset += piece.length;
              const chunk = flow.take();
              if (chunk) yield chunk;
            }
            flow.tail(srOnly(doc, "]"));
            flow.close();
          }
          if (breaks) {
            flow.open(() => breaksMark(doc, op.kind, i, ""));
            flow.text(breaks);
            flow.close();
          }
        }
        break;
      }
      case "replace": {
        if (op.parts?.length) {
          const pair = markStop(el(doc, "span", "wd-replace wd-spelling-change"), stop.change);
          pair.dataset.wdOp = String(i);
          pair.append(spellingMark(doc, "delete", op.parts, left, i), spellingMark(doc, "insert", op.parts, right, i));
          flow.node(pair);
          break;
        }
        flow.open((first) => {
          const pair = el(doc, "span", "wd-replace");
          pair.dataset.wdOp = String(i);
          if (first) markStop(pair, stop.change);
          return pair;
        });
        const keepBreaks = flow.atLineStart;
        const [cut, cutBreaks] = keepBreaks ? trailingBreaks(before) : [before, ""];
        // new wording that runs on into other sentences goes on there, in marks of the same op
        const edges = rewriteCuts(groups, op.right.start, op.right.end);
        const [added, addedBreaks] = trailingBreaks(right.slice(op.right.start, edges[0] ?? op.right.end));
        flow.open(markMaker(doc, "delete", i, undefined, op.boilerplate));
        let offset = op.left.start;
        for (const piece of pieces(cut)) {
          writeShared(piece, offset, "left", (t) => appendCut(doc, flow, t, keepBreaks));
          offset += piece.length;
          const chunk = flow.take();
          if (chunk) yield chunk;
        }
        flow.tail(srOnly(doc, "]"));
        flow.close();
        if (cutBreaks) {
          flow.open(() => breaksMark(doc, "delete", i, ""));
          flow.text(cutBreaks);
          flow.close();
        }
        flow.open(markMaker(doc, "insert", i, undefined, op.boilerplate));
        offset = op.right.start;
        for (const piece of pieces(added)) {
          writeShared(piece, offset, "right", (t) => flow.text(t));
          offset += piece.length;
          const chunk = flow.take();
          if (chunk) yield chunk;
        }
        flow.tail(srOnly(doc, "]"));
        flow.close();
        if (addedBreaks) {
          flow.open(() => breaksMark(doc, "insert", i, ""));
          flow.text(addedBreaks);
          flow.close();
        }
        flow.close();
        let at = edges[0];
        for (const end of edges.length ? [...edges.slice(1), op.right.end] : []) {
          rewriteAt(at, moved);
          const [body, breaks] = trailingBreaks(right.slice(at, end));
          offset = at;
          at = end;
          if (body) {
            flow.open(markMaker(doc, "insert", i, undefined, op.boilerplate));
            for (const piece of pieces(body)) {
              writeShared(piece, offset, "right", (t) => flow.text(t));
              offset += piece.length;
              const chunk = flow.take();
              if (chunk) yield chunk;
            }
            flow.tail(srOnly(doc, "]"));
            flow.close();
          }
          if (breaks) {
            flow.open(() => breaksMark(doc, "insert", i, ""));
            flow.text(breaks);
            flow.close();
          }
        }
        break;
      }
      default:
        throw new Error(`unknown op kind ${op.kind}`);
    }
    const chunk = flow.take();
    if (chunk) yield chunk;
  }
  closeRewrite();
  closeMove();
  const last = flow.take(true);
  if (last) yield last;
}

/**
 * Builds the redline of `result` for texts `left` and `right`.
 * @returns {DocumentFragment}
 */
export function renderRedline(doc, result, left, right, options = {}) {
  return collect(doc, redlineChunks(doc, result, left, right, options));
}
