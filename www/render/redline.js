// The redline: the comparison (right) text with what was added underlined,
// what was cut struck through where it stood, and moved passages shown at
// their new place with a link to their old place. A paraphrased sentence is
// one rewrite (wd-rewrite, marked "rewritten from AP ¶1 s1–2"): its ops, the
// words it shares with its sources unmarked inside, stay together, so a merge
// reads as a rewrite of its source and not as an unrelated cut and insertion.
// Pure: `document` in, nodes out; article text only ever becomes text nodes.
// The marks it shares with the side-by-side view are in marks.js.
//
//   renderRedline(doc, result, left, right, opts)  → DocumentFragment
//   redlineChunks(doc, result, left, right, opts)  → iterator of chunk elements (progressive rendering)
//   changeList, rewrites                           → re-exported from marks.js
// opts: { hideBoilerplate = false, idPrefix = "wd-", labels: {left, right}, detailId }
import { Flow, collect, el, pieces, srOnly } from "./flow.js";
import { breaksMark, changeList, markMaker, markStop, moveFromLink, movePlaces, moveToLink, rewrites, stopsByOp, spellingMark, trailingBreaks } from "./marks.js";
import { sourceLink } from "./sources.js";

export { changeList, rewrites };

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
  /**
   * One run of op `i`'s added (`kind` "insert") or cut ("delete") text,
   * `text` starting at `offset` in its own text: in a mark (stop `stop`),
   * its pieces yielded as chunks; an added run's words shared with the open
   * rewrite in wd-shared, a cut run's line breaks as appendCut draws them.
   */
  function* markedRun(kind, i, text, offset, { stop, boilerplate, keepBreaks }) {
    const op = result.ops[i];
    const whole = kind === "insert" ? right.slice(op.right.start, op.right.end) : left.slice(op.left.start, op.left.end);
    flow.open(markMaker(doc, kind, i, stop, boilerplate, whole));
    for (const piece of pieces(text)) {
      if (kind === "insert") writeShared(piece, offset, "right", (t) => flow.text(t));
      else writeShared(piece, offset, "left", (t) => appendCut(doc, flow, t, keepBreaks));
      offset += piece.length;
      const chunk = flow.take();
      if (chunk) yield chunk;
    }
    flow.tail(srOnly(doc, "]"));
    flow.close();
  }
  /** The line breaks that end a run, drawn plain after its mark (breaksMark). */
  const runBreaks = (kind, i, breaks) => {
    if (!breaks) return;
    flow.open(() => breaksMark(doc, kind, i, ""));
    flow.text(breaks);
    flow.close();
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
      flow.open((first) => {
        const wrap = el(doc, "span", "wd-moved");
        wrap.dataset.wdMove = String(id);
        if (first) {
          wrap.id = `${idPrefix}move-${id}-new`;
          markStop(wrap, stop.move);
          wrap.append(moveToLink(doc, id, i, places, idPrefix));
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
          const offset = op.kind === "insert" ? at : op.left.start;
          at = end;
          const [body, breaks] = op.kind === "insert" || keepBreaks ? trailingBreaks(text) : [text, ""];
          if (body || (!made && end === op.right.end)) {
            yield* markedRun(op.kind, i, body, offset, { stop: stopped, boilerplate: op.boilerplate, keepBreaks });
            stopped = undefined;
            made = true;
          }
          runBreaks(op.kind, i, breaks);
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
        const marks = { boilerplate: op.boilerplate, keepBreaks };
        yield* markedRun("delete", i, cut, op.left.start, marks);
        runBreaks("delete", i, cutBreaks);
        yield* markedRun("insert", i, added, op.right.start, marks);
        runBreaks("insert", i, addedBreaks);
        flow.close();
        let at = edges[0];
        for (const end of edges.length ? [...edges.slice(1), op.right.end] : []) {
          rewriteAt(at, moved);
          const [body, breaks] = trailingBreaks(right.slice(at, end));
          if (body) yield* markedRun("insert", i, body, at, marks);
          runBreaks("insert", i, breaks);
          at = end;
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
