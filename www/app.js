// The page: starts the engine, loads the samples, opens a share link if the
// page was opened with one, and wires the controls to the page's sections
// (page/*.js): the comparison, stepping through its changes, the reuse
// matrix, the panes, and sharing and exporting. page/state.js holds what they
// share. Opening files, reading links and exporting load their code when
// first used, so the page opens without them (scripts/bench/size.mjs).
import * as engine from "./engine.js";
import { MB } from "./intake.js";
import { KEYS, labelKeys } from "./navigation.js";
import { appendProgressively } from "./render/flow.js";
import { factChunks } from "./render/summary.js";
import { listSamples, loadSample } from "./samples.js";
import { viewNamed } from "./views.js";
import { warmUp } from "./warm.js";
import { onKey, onViewClick, onViewPointer, step } from "./page/changes.js";
import { cancel, printHead, renderView, update } from "./page/comparison.js";
import { onMatrixClick, wirePanes } from "./page/controls.js";
import { updateMatrix } from "./page/matrix.js";
import { addVersion, choose } from "./page/panes.js";
import { $, ENGINE_OPTIONS, STORE, root, state, storage, syncControls, updateFragment } from "./page/state.js";
import { setStatus } from "./page/status.js";

/** The options, view and size limit the reader chose last time, where the engine has them. */
function remembered() {
  state.defaults = engine.defaultOptions();
  const saved = storage.get(STORE.options) ?? {};
  state.options = { hideBoilerplate: typeof saved.hideBoilerplate === "boolean" && saved.hideBoilerplate };
  for (const key of ENGINE_OPTIONS) {
    if (key in state.defaults) state.options[key] = typeof saved[key] === "boolean" ? saved[key] : state.defaults[key];
  }
  state.view = viewNamed(storage.get(STORE.view), { former: true }) ?? state.view;
  const savedMb = storage.get(STORE.maxMb);
  state.maxBytes = (Number.isInteger(savedMb) && savedMb > 0 && savedMb <= 4294 && savedMb * MB) || state.defaults.maxInputBytes;
  $("max-mb").value = state.maxBytes / MB;
}

const sharing = () => import("./page/share-export.js");

/** Applies the link in the address bar's fragment, if any (page/open-link.js); `kept` says what the page shows if it cannot. */
async function openLink(kept) {
  if (!location.hash.replace(/^#/, "")) return false;
  let restore;
  try {
    ({ restore } = await import("./page/open-link.js"));
  } catch (error) {
    setStatus(`This link could not be opened: ${error.message}`, "error");
    return false;
  }
  return restore(location.hash, kept);
}

function wireControls() {
  for (const input of document.querySelectorAll(".wd-options input")) {
    input.addEventListener("change", () => {
      state.options[input.name] = input.checked;
      storage.set(STORE.options, state.options);
      updateFragment();
      if (input.name === "hideBoilerplate") renderView({ keepPlace: true });
      else update({ keepPlace: true });
    });
  }
  for (const input of document.querySelectorAll('input[name="view"]')) {
    input.addEventListener("change", () => {
      if (!input.checked) return;
      state.view = input.value;
      storage.set(STORE.view, state.view);
      updateFragment();
      renderView();
    });
  }
  $("max-mb").addEventListener("change", () => {
    const input = $("max-mb");
    if (!input.checkValidity()) {
      input.value = state.maxBytes / MB; // not a size the engine takes (min, max, step): the limit stays
      return;
    }
    state.maxBytes = input.valueAsNumber * MB;
    storage.set(STORE.maxMb, input.valueAsNumber);
    update({ keepPlace: true });
  });
  labelKeys($("prev"), $("next"));
  const key = (k) => Object.assign(document.createElement("kbd"), { textContent: k });
  $("keys-help").append("Keys: ", key(KEYS.next[0]), " next, ", key(KEYS.previous[0]), " previous");
  $("prev").addEventListener("click", () => step(-1));
  $("next").addEventListener("click", () => step(1));
  document.addEventListener("keydown", onKey);
  $("cancel").addEventListener("click", cancel);
  $("share").addEventListener("click", () => sharing().then((m) => m.share()));
  $("export-html").addEventListener("click", () => sharing().then((m) => m.exportAs("html")));
  $("export-json").addEventListener("click", () => sharing().then((m) => m.exportAs("json")));
  $("print").addEventListener("click", () => print());
  addEventListener("beforeprint", () => state.result && printHead());
  $("facts").addEventListener("click", (event) => {
    const more = event.target.closest("button[data-wd-more-facts]");
    if (more) {
      const from = Number(more.dataset.wdMoreFacts);
      const box = more.parentElement;
      more.remove();
      appendProgressively(box, factChunks(document, state.result, { from, texts: state.compared })).then(() => {
        box.querySelector(`[data-wd-fact="${from}"]`)?.focus();
      });
      return;
    }
    const button = event.target.closest("button[data-wd-fact], button[data-wd-credit]");
    if (!button) return;
    const fact = button.dataset.wdFact != null ? state.result.facts[button.dataset.wdFact] : state.result.credits[button.dataset.wdCredit];
    import("./page/fact-jump.js").then((m) => m.jumpToFact(fact));
  });
  // an editor who opens or closes the texts' section decides: the page no longer folds it
  $("edit-texts").addEventListener("toggle", () => (state.folded = true));
  $("matrix").addEventListener("click", onMatrixClick);
  $("matrix-compute").addEventListener("click", () => updateMatrix({ force: true }));
  root.addEventListener("click", onViewClick);
  root.addEventListener("mouseover", onViewPointer);
  root.addEventListener("focusin", onViewPointer);
  addEventListener("hashchange", async () => {
    if (await openLink("Your texts are as they were.")) update();
  });
}

async function main() {
  // the samples load while the engine compiles
  const listed = listSamples();
  const loading = listed.then((samples) => Promise.all(samples.map((s) => loadSample(s.file))));
  loading.catch(() => {}); // reported below, once awaited
  const [samples] = await Promise.all([listed, engine.ready()]);
  performance.mark("wd:engine-ready");
  remembered();
  const texts = await loading;
  samples.forEach((s, i) => addVersion(null, { id: s.file, label: s.label, text: texts[i], sample: s.file }));
  // The wire against the first outlet the manifest lists (AP vs Kompas).
  choose("left", samples[0].file);
  choose("right", samples[1].file);
  const sample = `The page shows the sample instead: “${samples[0].label}” against “${samples[1].label}”.`;
  if (!(await openLink(sample))) syncControls();
  wirePanes();
  wireControls();
  await update();
  updateFragment();
  // the editor's first comparisons as fast as later ones: the engine warmed up on the sample pair in idle time
  warmUp(engine.compare, texts[0], texts[1]);
}

main().catch((error) => {
  setStatus(`wirediff could not start: ${error.message}`, "error");
  document.body.dataset.state = "error";
});
