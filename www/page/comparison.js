// The comparison on the page: the panes' texts in, the engine's result out
// through the shared renderers, in the chosen view. <body data-state> says
// where it is (comparing, compared, cancelled, empty, error).
import * as engine from "../engine.js";
import { blank, bytesOver } from "../intake.js";
import { appendProgressively, isolatedText, plural } from "../render/flow.js";
import { marksIn, renderMarksLegend } from "../render/legend.js";
import { hasProvenance } from "../render/sources.js";
import { changeList } from "../render/marks.js";
import { creditWords, creditsBrief } from "../render/credits.js";
import { renderScorecard } from "../render/scorecard.js";
import { renderFacts, renderSummary } from "../render/summary.js";
import { VIEWS } from "../views.js";
import { markCurrent, updateCounter } from "./changes.js";
import { sources } from "./detail.js";
import { updateMatrix } from "./matrix.js";
import { repaired } from "./panes.js";
import { $, DETAIL, engineOptions, labels, root, state, version } from "./state.js";
import { setBusy, setStatus } from "./status.js";

const TYPING_PAUSE_MS = 250;
/** Facts listed at first; the rest on request (thousands of buttons are slow to lay out). */
const FACTS_SHOWN = 50;

const millionChars = (chars) => `${(chars / 1_000_000).toFixed(1)} million characters`;

/**
 * Compares the panes and shows the result. <body data-pending> is set from an
 * edit until its comparison is shown (or fails, or is cancelled).
 */
export async function update(options) {
  const mine = state.run + 1;
  state.typingPending = false;
  document.body.toggleAttribute("data-pending", true);
  try {
    await compareAndShow(options);
  } finally {
    if (mine === state.run && !state.typingPending) document.body.toggleAttribute("data-pending", false);
  }
}

async function compareAndShow({ keepPlace = false } = {}) {
  clearTimeout(state.typing);
  const mine = ++state.run;
  const stale = () => mine !== state.run;
  state.comparing?.abort();
  const controller = (state.comparing = new AbortController());
  const L = repaired("left", version(state.left));
  const R = repaired("right", version(state.right));
  const left = L.text;
  const right = R.text;
  // Why there is no comparison, in its place (page/problems.js, loaded when first needed).
  const problem = async (show) => {
    const problems = await import("./problems.js");
    if (!stale()) show(problems);
  };
  const blanks = [blank(left), blank(right)];
  if (blanks[0] || blanks[1]) {
    updateMatrix();
    return problem((p) => p.showBlank(blanks, [L, R]));
  }
  const over = await Promise.all([bytesOver(left, state.maxBytes), bytesOver(right, state.maxBytes)]);
  if (stale()) return;
  if (over[0] || over[1]) return problem((p) => p.showOver(over, [L, R]));
  const big = engine.usesWorker([left, right]);
  setBusy(big ? `Comparing ${millionChars(left.length + right.length)} in the background…` : null);
  document.body.dataset.state = "comparing";
  let result;
  try {
    result = await engine.compare(left, right, engineOptions(), { signal: controller.signal });
  } catch (error) {
    if (stale()) return;
    setBusy(null);
    if (error.name === "AbortError") {
      setStatus(state.result ? "Comparison cancelled: what you see is the previous comparison." : "Comparison cancelled.");
      document.body.dataset.state = "cancelled";
      return;
    }
    return problem((p) => p.showFailure(error));
  }
  if (stale()) return;
  setBusy(null);
  state.result = result;
  state.compared = { left, right, labels: { left: L.label, right: R.label } };
  const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));
  if (big) await yieldToPage(); // a large result: the panels and the view each in tasks of their own
  if (stale()) return;
  renderPanels();
  if (big) await yieldToPage();
  if (stale()) return;
  const done = await renderView({ keepPlace });
  if (stale() || !done) return;
  // The matrix compares every version with every other: after the frame that
  // shows this comparison, not before it.
  await afterPaint();
  if (!stale()) updateMatrix();
}

/** Resolves in the first task after the next frame has been painted. */
export const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

export function scheduleUpdate() {
  clearTimeout(state.typing);
  state.typingPending = true;
  document.body.toggleAttribute("data-pending", true);
  state.typing = setTimeout(update, TYPING_PAUSE_MS);
}

export function cancel() {
  state.comparing?.abort();
  state.matrixRun?.abort();
}

/** The view to show: the chosen one, unless the engine's result lacks what it needs. */
function shownView() {
  const view = VIEWS[state.view];
  return !view || (view.needs && state.result && !view.needs(state.result)) ? "redline" : state.view;
}

export function renderPanels() {
  const { result } = state;
  const structure = hasProvenance(result);
  for (const node of document.querySelectorAll('[data-needs="structure"]')) node.hidden = !structure;
  const summary = renderSummary(document, result, { labels: labels() });
  const facts = renderFacts(document, result, { limit: FACTS_SHOWN, texts: state.compared });
  $("summary").replaceChildren(...(summary ? [summary] : []));
  $("facts").replaceChildren(...(facts ? [facts] : []));
  $("facts-title").hidden = !facts;
  $("summary-panel").hidden = !summary && !facts;
  const brief = creditsBrief(result?.credits);
  const scores = renderScorecard(document, result, { labels: labels(), credit: brief && document.createTextNode(`Credit: ${brief}`) });
  const credit = scores.find((item) => item.dataset.wdScore === "credit");
  if (credit && brief) credit.title = `The agency's credit: ${creditWords(result.credits)}`;
  $("scorecard").replaceChildren(...scores);
  $("scorecard-box").hidden = !scores.length;
  printHead();
}

/** What a printout says at its top: the pair and the date (the page's own title says neither). */
export function printHead() {
  const { left, right } = state.compared?.labels ?? labels();
  $("print-title").textContent = `wirediff: ${isolatedText(right)} compared with ${isolatedText(left)}`;
  $("print-pair").textContent = `Source: ${isolatedText(left)}. Comparison: ${isolatedText(right)}. Printed on ${new Date().toISOString().slice(0, 10)}.`;
}

/**
 * The texts' section folds once the first comparison is shown: the answer
 * comes first. It stays as it is once the editor has opened or closed it, or
 * the page opened it for an empty box, and while the editor is in it.
 */
function foldInputs() {
  if (state.folded) return;
  state.folded = true;
  const section = $("edit-texts");
  if (!section.contains(document.activeElement)) section.open = false;
}

/** Renders the current view progressively; resolves false when a newer render took over. */
export async function renderView({ keepPlace = false } = {}) {
  state.rendering?.abort();
  const controller = (state.rendering = new AbortController());
  const { result, compared, nav } = state;
  if (!result) return false;
  const name = shownView();
  const view = VIEWS[name];
  let renderer;
  try {
    renderer = await view.renderer();
  } catch (error) {
    if (controller === state.rendering) setStatus(`The ${view.title.toLowerCase()} view could not be loaded: ${error.message}`, "error");
    return false;
  }
  if (controller !== state.rendering) return false;
  document.body.dataset.view = name;
  for (const input of document.querySelectorAll('input[name="view"]')) input.checked = input.value === name;
  $("view-title").textContent = view.title;
  // the legend explains the marks drawn so far: it grows with the view
  const found = new Set();
  let explained = -1;
  const legend = () => {
    if (found.size === explained) return;
    explained = found.size;
    $("legend").replaceChildren(renderMarksLegend(document, name, found, result));
  };
  legend();
  sources.close();
  $(DETAIL).hidden = true;
  root.className = `wd-view ${view.className}`;
  const place = keepPlace ? window.scrollY : null;
  nav.reset(result, changeList(result), name === "provenance", keepPlace);
  const drawn = renderer(document, result, compared.left, compared.right, {
    hideBoilerplate: state.options.hideBoilerplate,
    idPrefix: "wd-",
    labels: compared.labels,
    detailId: DETAIL,
  });
  const chunks = (function* () {
    for (const chunk of drawn) {
      marksIn(chunk, name, found);
      yield chunk;
    }
  })();
  root.replaceChildren();
  root.toggleAttribute("data-rendering", true);
  setStatus(`${plural(nav.changes.length, "change")}.${result.approximate ? " The engine ran out of time: this comparison is coarser than usual." : ""}`);
  updateCounter();
  let first = true;
  const finished = appendProgressively(root, chunks, {
    signal: controller.signal,
    onSlice() {
      legend();
      if (first && place != null) window.scrollTo(0, place);
      first = false;
    },
  });
  state.rendered = finished;
  const done = await finished;
  if (controller !== state.rendering) return false;
  root.toggleAttribute("data-rendering", false);
  if (place != null) window.scrollTo(0, place);
  if (nav.current >= 0) markCurrent(nav.elementsOf(nav.current)[0]);
  if (done) {
    foldInputs();
    document.body.dataset.state = "compared";
    // For anyone timing the page (scripts/bench/coldload.mjs): the first
    // comparison is on screen once the frame holding it has been painted.
    if (!performance.getEntriesByName("wd:first-diff").length) afterPaint().then(() => performance.mark("wd:first-diff"));
  }
  return done;
}
