// The reuse matrix: with more than two versions, how much of each comes from
// each other; a cell opens that comparison.
import * as engine from "../engine.js";
import { renderMatrix } from "../render/matrix.js";
import { update } from "./comparison.js";
import { choose } from "./panes.js";
import { $, engineOptions, state, updateFragment, version } from "./state.js";

export async function updateMatrix({ force = false } = {}) {
  state.matrixRun?.abort();
  const panel = $("matrix-panel");
  const others = state.versions.filter((v) => v.id !== state.left);
  if (state.versions.length <= 2 || !engine.supports("compareMany")) {
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  const source = version(state.left);
  const texts = [source.text, ...others.map((v) => v.text)];
  const button = $("matrix-compute");
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
    const many = await engine.compareMany(source.text, others.map((v) => v.text), engineOptions(), { signal: controller.signal, worker });
    if (controller !== state.matrixRun) return;
    const ids = [source.id, ...others.map((v) => v.id)];
    const table = renderMatrix(document, many, [source.label, ...others.map((v) => v.label)], {
      current: { source: 0, compare: ids.indexOf(state.right) },
    });
    state.matrixIds = ids;
    $("matrix").replaceChildren(table);
  } catch (error) {
    if (error.name === "AbortError" || controller !== state.matrixRun) return;
    const message = document.createElement("p");
    message.className = "wd-error";
    message.textContent = `The reuse matrix could not be computed: ${error.message}`;
    $("matrix").replaceChildren(message);
  }
}

export function onMatrixClick(event) {
  const cell = event.target.closest("button[data-wd-source]");
  if (!cell) return;
  const ids = state.matrixIds;
  choose("left", ids[Number(cell.dataset.wdSource)]);
  choose("right", ids[Number(cell.dataset.wdCompare)]);
  updateFragment();
  update().then(() => $("view-title").focus());
}
