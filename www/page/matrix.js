// The reuse matrix: with more than two versions, how much of each comes from
// each other; a cell opens that comparison.
import * as engine from "../engine.js";
import { blank } from "../intake.js";
import { isolatedText } from "../render/flow.js";
import { MATRIX_CAPTION, renderMatrix } from "../render/matrix.js";
import { $, engineOptions, state } from "./state.js";

/**
 * Shows the reuse matrix of every version the page holds, in the order it
 * holds them. The engine computes it once for a set of texts and options; a
 * new pair only moves the marks (the source column, the current cell), so a
 * chosen cell stays under the pointer. A version with no text empties it, with
 * the reason: an empty text reuses nothing, and the figures of its old text
 * would be false.
 */
export async function updateMatrix({ force = false } = {}) {
  state.matrixRun?.abort();
  const panel = $("matrix-panel");
  const { versions } = state;
  if (versions.length <= 2 || !engine.supports("compareMany")) {
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  $("matrix-caption").textContent = MATRIX_CAPTION;
  const empty = versions.find((v) => blank(v.text));
  const button = $("matrix-compute");
  if (empty) {
    button.hidden = true;
    state.matrix = null;
    const message = document.createElement("p");
    message.className = "wd-empty";
    message.textContent = `No figures while “${isolatedText(empty.label)}” has no text: type, paste or open one, or remove that version.`;
    $("matrix").replaceChildren(message);
    return;
  }
  const texts = versions.map((v) => v.text);
  const options = engineOptions();
  const key = JSON.stringify(options);
  const same = state.matrix && state.matrix.key === key && state.matrix.texts.length === texts.length && state.matrix.texts.every((t, i) => t === texts[i]);
  if (!same) {
    if (engine.usesWorker(texts) && !force) {
      $("matrix").replaceChildren();
      button.hidden = false;
      return;
    }
    button.hidden = true;
    const controller = (state.matrixRun = new AbortController());
    // each text meets every other: many short versions also go to the worker
    const chars = texts.reduce((sum, text) => sum + text.length, 0);
    const worker = texts.length * chars > engine.WORKER_THRESHOLD ? true : "auto";
    try {
      const many = await engine.compareMany(texts[0], texts.slice(1), options, { signal: controller.signal, worker });
      if (controller !== state.matrixRun) return;
      state.matrix = { key, texts, many };
    } catch (error) {
      if (error.name === "AbortError" || controller !== state.matrixRun) return;
      const message = document.createElement("p");
      message.className = "wd-error";
      message.textContent = `The reuse matrix could not be computed: ${error.message}`;
      $("matrix").replaceChildren(message);
      return;
    }
  }
  const ids = versions.map((v) => v.id);
  state.matrixIds = ids;
  const current = { source: ids.indexOf(state.left), compare: ids.indexOf(state.right) };
  // the same figures, labels and pair are not drawn again: a cell being
  // clicked is never replaced under the pointer
  const shown = JSON.stringify([state.matrix.key, state.matrix.texts.length, versions.map((v) => v.label), current]);
  if (state.matrixShown === shown && state.matrix === state.matrixDrawn && $("matrix").firstChild) return;
  const table = renderMatrix(document, state.matrix.many, versions.map((v) => v.label), { current, captionId: "matrix-caption" });
  $("matrix").replaceChildren(table);
  state.matrixShown = shown;
  state.matrixDrawn = state.matrix;
}
