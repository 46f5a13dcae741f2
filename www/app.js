// Page wiring: inputs in, redline out.
import { compare, ready } from "./engine.js";
import { renderRedline } from "./render/redline.js";
import { listSamples, loadSample } from "./samples.js";

const $ = (id) => document.getElementById(id);
const panes = {
  left: { pick: $("source-pick"), text: $("source-text") },
  right: { pick: $("compare-pick"), text: $("compare-text") },
};
const status = $("status");
const redline = $("redline");
const TYPING_PAUSE_MS = 150;
let pending;
let run = 0;

async function update() {
  const mine = ++run;
  const left = panes.left.text.value;
  const right = panes.right.text.value;
  try {
    const result = await compare(left, right);
    if (mine !== run) return; // a newer edit has started its own comparison
    redline.replaceChildren(renderRedline(document, result, left, right));
    const changes = result.ops.filter((op) => op.kind !== "equal").length;
    status.textContent = `${changes} ${changes === 1 ? "change" : "changes"}.`;
    document.body.dataset.state = "compared";
  } catch (error) {
    if (mine !== run) return;
    status.textContent = `Could not compare: ${error.message}`;
    document.body.dataset.state = "error";
  }
}

function scheduleUpdate() {
  clearTimeout(pending);
  pending = setTimeout(update, TYPING_PAUSE_MS);
}

async function pickSample(side) {
  const { pick, text } = panes[side];
  text.value = await loadSample(pick.value);
  await update();
}

async function main() {
  const samples = await listSamples();
  for (const [side, pane] of Object.entries(panes)) {
    for (const sample of samples) {
      pane.pick.append(new Option(sample.label, sample.file));
    }
    pane.pick.addEventListener("change", () => pickSample(side));
    pane.text.addEventListener("input", scheduleUpdate);
  }
  // The wire against the first outlet the manifest lists (AP vs Kompas).
  panes.left.pick.value = samples[0].file;
  panes.right.pick.value = samples[1].file;
  [panes.left.text.value, panes.right.text.value] = await Promise.all([
    loadSample(panes.left.pick.value),
    loadSample(panes.right.pick.value),
    ready(),
  ]);
  await update();
}

main().catch((error) => {
  status.textContent = `wirediff could not start: ${error.message}`;
  document.body.dataset.state = "error";
});
