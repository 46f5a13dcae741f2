// Page wiring: versions and panes in, the engine's result out through the
// shared renderers (render/*.js). Everything the page shows about a
// comparison comes from the engine; this module only decides what to show
// and where, and keeps the controls, the URL fragment and localStorage in step.
// Opening files (files.js) and exporting (export.js) are imported when first
// used, so the page opens without them (the budget in scripts/bench/size.mjs).
import * as engine from "./engine.js";
import { appendProgressively, isolatedText, snippet } from "./render/flow.js";
import { changeList, redlineChunks } from "./render/redline.js";
import { sideBySideChunks } from "./render/sidebyside.js";
import { hasProvenance, provenanceChunks, renderLegend, renderSentenceDetail } from "./render/provenance.js";
import { renderMarksLegend } from "./render/legend.js";
import { sourcesPanel } from "./sources-panel.js";
import { factChunks, renderFacts, renderSummary } from "./render/summary.js";
import { renderMatrix } from "./render/matrix.js";
import { listSamples, loadSample } from "./samples.js";
import { ENCODINGS, MB, blank, bytesOver, megabytes, neededMb, wellFormed } from "./intake.js";
import { MAX_LINK_CHARS, checksum, encodeState } from "./share.js";

const $ = (id) => document.getElementById(id);
const root = $("redline");
const status = $("status");
/** Where a sentence's sources show: the panel under the view, also the sentence detail on hover and focus. */
const DETAIL = "sentence-detail";
/** What the file dialog offers first; any other file is read when it is text (files.js). */
const ACCEPT = ".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html";
const TYPING_PAUSE_MS = 250;
/** Longer texts are not put in a text box: laying out 2 MB in a <textarea> freezes a browser for seconds. */
const LARGE_TEXT = 100_000;
/**
 * Longer texts cannot be put in it even on request: in Chromium each edit of
 * a 1 MB text box takes about 0.3 s, of 10 MB 2-3 s, of 50 MB 13-21 s.
 */
const EDITABLE_TEXT = 1_000_000;
/** Samples included: a wire story and a day's outlets fit, and the matrix stays readable (docs/page.md). */
const MAX_VERSIONS = 50;
/** Facts listed at first; the rest on request (thousands of buttons take seconds to lay out). */
const FACTS_SHOWN = 50;
const STORE = { view: "wirediff.view", options: "wirediff.options", maxMb: "wirediff.maxInputMb" };
const ENGINE_OPTIONS = ["ignoreCase", "unifyQuotes", "unifyDashes", "unifyWhitespace", "ignorePunctuation"];

const VIEWS = {
  redline: { title: "Redline", chunks: redlineChunks, className: "wd-redline" },
  sbs: { title: "Side by side", chunks: sideBySideChunks, className: "wd-sbs" },
  provenance: { title: "Provenance", chunks: provenanceChunks, className: "wd-provenance", needs: hasProvenance },
};

/** Whether `name` is one of VIEWS (from a link or storage: "constructor" is not). */
const isView = (name) => Object.hasOwn(VIEWS, name);

const panes = {
  left: { pick: $("source-pick"), text: $("source-text"), large: $("source-large"), label: $("source-label"), open: $("source-open"), remove: $("source-remove"), file: $("source-file"), notice: $("source-notice") },
  right: { pick: $("compare-pick"), text: $("compare-text"), large: $("compare-large"), label: $("compare-label"), open: $("compare-open"), remove: $("compare-remove"), file: $("compare-file"), notice: $("compare-notice") },
};
const SIDES = { left: { box: "source", story: "the wire story" }, right: { box: "comparison", story: "the outlet's version" } };

const state = {
  versions: [], // { id, label, text, sample: file name or null, original: the sample's text, source: see readFile }
  left: null,
  right: null,
  view: "redline",
  options: {},
  defaults: {},
  maxBytes: 0, // the engine's maxInputBytes
  result: null,
  compared: null, // { left, right, labels } the result is of
  changes: [],
  current: -1,
};

let run = 0;
let comparing; // AbortController of the comparison in flight
let rendering; // AbortController of the view being rendered
let rendered = Promise.resolve();
let matrixRun; // AbortController of the reuse matrix in flight
let typing;
let typingPending = false;
let versionCount = 0;
const sources = sourcesPanel(root, $(DETAIL), () => state.result && { ...state.compared, result: state.result });

const version = (id) => state.versions.find((v) => v.id === id);
const storage = {
  get(key) {
    try {
      return JSON.parse(localStorage.getItem(key));
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // private mode or full: the page works without remembering
    }
  },
};

// --- the comparison ----------------------------------------------------------

function engineOptions() {
  const options = {};
  for (const key of ENGINE_OPTIONS) if (key in state.defaults) options[key] = state.options[key];
  if ("maxInputBytes" in state.defaults) options.maxInputBytes = state.maxBytes;
  return options;
}

function setStatus(text, kind = "") {
  status.textContent = text;
  status.className = kind ? `wd-${kind}` : "";
}

function setBusy(text) {
  $("busy").hidden = !text;
  $("busy-text").textContent = text ?? "";
  root.toggleAttribute("aria-busy", Boolean(text));
}

const millionChars = (chars) => `${(chars / 1_000_000).toFixed(1)} million characters`;

/**
 * Compares the panes and shows the result. <body data-pending> is set from an
 * edit until its comparison is shown (or fails, or is cancelled).
 */
async function update(options) {
  const mine = run + 1;
  typingPending = false;
  document.body.toggleAttribute("data-pending", true);
  try {
    await compareAndShow(options);
  } finally {
    if (mine === run && !typingPending) document.body.toggleAttribute("data-pending", false);
  }
}

async function compareAndShow({ keepPlace = false } = {}) {
  clearTimeout(typing);
  const mine = ++run;
  comparing?.abort();
  const controller = (comparing = new AbortController());
  const L = repaired("left", version(state.left));
  const R = repaired("right", version(state.right));
  const left = L.text;
  const right = R.text;
  const blanks = [blank(left), blank(right)];
  if (blanks[0] || blanks[1]) {
    showProblem(blankMessage(blanks, [L, R]), "empty", "Nothing to compare yet.");
    return;
  }
  const over = await Promise.all([bytesOver(left, state.maxBytes), bytesOver(right, state.maxBytes)]);
  if (mine !== run) return;
  if (over[0] || over[1]) {
    showProblem(sizeMessage(over, [L, R]), "error", "Could not compare: a text is above the size limit.");
    return;
  }
  const big = engine.usesWorker([left, right]);
  setBusy(big ? `Comparing ${millionChars(left.length + right.length)} in the background…` : null);
  document.body.dataset.state = "comparing";
  let result;
  try {
    result = await engine.compare(left, right, engineOptions(), { signal: controller.signal });
  } catch (error) {
    if (mine !== run) return;
    setBusy(null);
    if (error.name === "AbortError") {
      setStatus(state.result ? "Comparison cancelled: what you see is the previous comparison." : "Comparison cancelled.");
      document.body.dataset.state = "cancelled";
      return;
    }
    showError(error);
    return;
  }
  if (mine !== run) return;
  setBusy(null);
  state.result = result;
  state.compared = { left, right, labels: { left: L.label, right: R.label } };
  const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));
  if (big) await yieldToPage(); // a large result: the panels and the view each in tasks of their own
  if (mine !== run) return;
  renderPanels();
  if (big) await yieldToPage();
  if (mine !== run) return;
  const done = await renderView({ keepPlace });
  if (mine !== run || !done) return;
  updateMatrix();
}

function scheduleUpdate() {
  clearTimeout(typing);
  typingPending = true;
  document.body.toggleAttribute("data-pending", true);
  typing = setTimeout(update, TYPING_PAUSE_MS);
}

function cancel() {
  comparing?.abort();
  matrixRun?.abort();
}

function blankMessage(blanks, versions) {
  if (blanks[0] && blanks[1]) {
    return `Both boxes are empty: type, paste or open ${SIDES.left.story} on the left and ${SIDES.right.story} on the right.`;
  }
  const i = blanks[0] ? 0 : 1;
  const side = SIDES[i ? "right" : "left"];
  return `The ${side.box} box, “${isolatedText(versions[i].label)}”, ${blanks[i]}: type, paste or open ${side.story} in it.`;
}

const raiseLimit = (bytes) => `raise “Largest text” under Limits to ${neededMb(bytes)} MB or more`;

function sizeMessage(over, versions) {
  const sizes = over.flatMap((bytes, i) => (bytes ? [`the ${SIDES[i ? "right" : "left"].box} text, “${isolatedText(versions[i].label)}”, is ${megabytes(bytes)}`] : []));
  const said = sizes.join(" and ");
  return `${said[0].toUpperCase()}${said.slice(1)}, above the limit of ${megabytes(state.maxBytes)}: compare a shorter text, or ${raiseLimit(Math.max(...over))}.`;
}

/** Says in the comparison's place why there is none; `kind` is "empty" or "error". */
function showProblem(text, kind, short) {
  setBusy(null);
  rendering?.abort();
  state.result = null;
  state.compared = null;
  state.changes = [];
  state.current = -1;
  const message = document.createElement("p");
  message.className = `wd-${kind}-state`;
  message.setAttribute("role", "alert");
  message.textContent = text;
  root.replaceChildren(message);
  sources.close();
  $(DETAIL).hidden = true;
  $("summary-panel").hidden = true;
  $("legend").replaceChildren();
  setStatus(short, kind === "error" ? "error" : "");
  updateCounter();
  document.body.dataset.state = kind;
}

function showError(error) {
  showProblem(`These texts could not be compared: ${error.message}`, "error", `Could not compare: ${error.message}`);
}

// --- rendering ---------------------------------------------------------------

function labels() {
  return { left: version(state.left).label, right: version(state.right).label };
}

/** The view to show: the chosen one, unless the engine's result lacks what it needs. */
function shownView() {
  const view = VIEWS[state.view];
  return !view || (view.needs && state.result && !view.needs(state.result)) ? "redline" : state.view;
}

function renderPanels() {
  const { result } = state;
  const structure = hasProvenance(result);
  for (const node of document.querySelectorAll('[data-needs="structure"]')) node.hidden = !structure;
  const summary = renderSummary(document, result, { labels: labels() });
  const facts = renderFacts(document, result, { limit: FACTS_SHOWN });
  $("summary").replaceChildren(...(summary ? [summary] : []));
  $("facts").replaceChildren(...(facts ? [facts] : []));
  $("facts-title").hidden = !facts;
  $("summary-panel").hidden = !summary && !facts;
}

/** Renders the current view progressively; resolves false when a newer render took over. */
async function renderView({ keepPlace = false } = {}) {
  rendering?.abort();
  const controller = (rendering = new AbortController());
  const { result, compared } = state;
  if (!result) return false;
  const view = shownView();
  document.body.dataset.view = view;
  for (const input of document.querySelectorAll('input[name="view"]')) input.checked = input.value === view;
  $("view-title").textContent = VIEWS[view].title;
  $("legend").replaceChildren(view === "provenance" ? renderLegend(document, result) : renderMarksLegend(document, result, compared.right, view));
  sources.close();
  $(DETAIL).hidden = true;
  root.className = `wd-view ${VIEWS[view].className}`;
  const place = keepPlace ? window.scrollY : null;
  const previous = keepPlace ? state.current : -1;
  state.changes = changeList(result);
  state.current = previous < state.changes.length ? previous : -1;
  const chunks = VIEWS[view].chunks(document, result, compared.left, compared.right, {
    hideBoilerplate: state.options.hideBoilerplate,
    idPrefix: "wd-",
    labels: compared.labels,
    detailId: DETAIL,
  });
  root.replaceChildren();
  root.toggleAttribute("data-rendering", true);
  const n = state.changes.length;
  setStatus(`${n} ${n === 1 ? "change" : "changes"}.${result.approximate ? " The engine ran out of time: this comparison is coarser than usual." : ""}`);
  updateCounter();
  let first = true;
  const finished = appendProgressively(root, chunks, {
    signal: controller.signal,
    onSlice() {
      if (first && place != null) window.scrollTo(0, place);
      first = false;
    },
  });
  rendered = finished;
  const done = await finished;
  if (controller !== rendering) return false;
  root.toggleAttribute("data-rendering", false);
  if (place != null) window.scrollTo(0, place);
  if (state.current >= 0) markCurrent(stopElement(state.current));
  if (done) document.body.dataset.state = "compared";
  return done;
}

// --- navigation --------------------------------------------------------------

function updateCounter() {
  const n = state.changes.length;
  $("counter").textContent = n === 0 ? "no changes" : state.current < 0 ? `${n} ${n === 1 ? "change" : "changes"}` : `change ${state.current + 1} of ${n}`;
  $("prev").disabled = n === 0 || state.current <= 0;
  $("next").disabled = n === 0 || state.current >= n - 1;
}

/** The first sentence (provenance view) that holds comparison position `pos`, or the next one. */
function sentenceAt(pos) {
  const sentences = state.result.right.sentences;
  let best = null;
  for (const node of root.querySelectorAll("[data-wd-sent][tabindex]")) {
    const span = sentences[Number(node.dataset.wdSent)].span;
    if (span.end > pos || (span.start <= pos && pos <= span.end)) {
      best = node;
      if (span.start <= pos) return node;
      return best;
    }
  }
  return best;
}

/** The element that shows op `index` in the current view. */
function opElement(index) {
  if (shownView() === "provenance") return sentenceAt(state.result.ops[index].right.start);
  return root.querySelector(`[data-wd-op="${index}"][data-wd-stop]`) ?? root.querySelector(`[data-wd-op="${index}"]`);
}

function stopElement(n) {
  if (shownView() === "provenance") return opElement(state.changes[n].op);
  return root.querySelector(`[data-wd-stop="${n}"]`);
}

function markCurrent(target) {
  for (const node of root.querySelectorAll(".wd-current")) node.classList.remove("wd-current");
  if (!target) return;
  target.classList.add("wd-current");
  const op = target.dataset.wdOp;
  if (op != null && !target.dataset.wdMove) {
    for (const node of root.querySelectorAll(`[data-wd-op="${op}"]`)) node.classList.add("wd-current");
  }
}

function reveal(target) {
  if (!target.hasAttribute("tabindex")) target.tabIndex = -1;
  target.focus({ preventScroll: true });
  const smooth = !matchMedia("(prefers-reduced-motion: reduce)").matches;
  target.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
}

function describeChange(change) {
  const { ops } = state.result;
  const { left, right } = state.compared;
  const op = ops[change.op];
  const quote = (text) => `“${isolatedText(snippet(text, 12))}”`;
  const before = left.slice(op.left.start, op.left.end);
  const after = right.slice(op.right.start, op.right.end);
  switch (change.kind) {
    case "insert":
      return `inserted ${quote(after)}`;
    case "delete":
      return `deleted ${quote(before)}`;
    case "replace":
      return `replaced ${quote(before)} with ${quote(after)}`;
    default: {
      const move = state.result.moves?.find((m) => m.id === change.moveId);
      return `moved passage${move ? ` ${quote(right.slice(move.right.start, move.right.end))}` : ""}`;
    }
  }
}

async function goTo(n) {
  if (!state.changes.length) return;
  n = Math.max(0, Math.min(state.changes.length - 1, n));
  let target = stopElement(n);
  if (!target) {
    await rendered; // still rendering: the change is further down
    target = stopElement(n);
  }
  state.current = n;
  updateCounter();
  markCurrent(target);
  if (target) reveal(target);
  $("announce").textContent = `Change ${n + 1} of ${state.changes.length}: ${describeChange(state.changes[n])}.`;
}

function step(delta) {
  if (state.current < 0) return goTo(delta > 0 ? 0 : state.changes.length - 1);
  return goTo(state.current + delta);
}

function onKey(event) {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  const t = event.target;
  const typingInto = t.isContentEditable || t.localName === "textarea" || t.localName === "select" ||
    (t.localName === "input" && !["checkbox", "radio", "button", "submit", "reset", "file"].includes(t.type));
  if (typingInto) return;
  const key = event.key.toLowerCase();
  if (key === "n" || key === "j") {
    event.preventDefault();
    step(1);
  } else if (key === "p" || key === "k") {
    event.preventDefault();
    step(-1);
  }
}

/** Facts and move links: jump to the place in the view. */
function jumpToFact(index) {
  const fact = state.result.facts[index];
  const side = fact.right ? "right" : "left";
  const span = fact[side];
  const { ops } = state.result;
  let best = -1;
  for (let i = 0; i < ops.length; i++) {
    const s = ops[i][side];
    const overlaps = s.start < span.end && span.start < s.end;
    if (overlaps || (s.start === s.end && span.start <= s.start && s.start <= span.end)) {
      best = i;
      if (ops[i].kind !== "equal") break;
    }
  }
  const target = best >= 0 ? opElement(best) : null;
  if (!target) {
    $("announce").textContent = "That place is not shown (hidden boilerplate?).";
    return;
  }
  const n = state.changes.findIndex((c) => c.op === best && c.kind !== "move");
  if (n >= 0) {
    state.current = n;
    updateCounter();
  }
  markCurrent(target);
  reveal(target);
  $("announce").textContent = `${target.textContent.slice(0, 120)}`;
}

function onViewClick(event) {
  const link = event.target.closest("a[href^='#']");
  if (!link || !root.contains(link)) return;
  event.preventDefault(); // keep the URL fragment for the share state
  const target = root.querySelector(`#${CSS.escape(link.getAttribute("href").slice(1))}`);
  if (!target) return;
  markCurrent(target);
  reveal(target);
}

/** Hovering or focusing either end of a moved passage lights up both ends. */
function onViewPointer(event) {
  const end = event.target.closest?.("[data-wd-move]");
  for (const node of root.querySelectorAll(".wd-move-active")) node.classList.remove("wd-move-active");
  if (end && root.contains(end)) {
    for (const node of root.querySelectorAll(`[data-wd-move="${end.dataset.wdMove}"]`)) node.classList.add("wd-move-active");
  }
  const sentence = event.target.closest?.("[data-wd-sent]");
  if (sentence && root.contains(sentence) && state.result && sources.open == null) {
    const detail = $(DETAIL);
    detail.replaceChildren(renderSentenceDetail(document, state.result, state.compared.left, state.compared.right, Number(sentence.dataset.wdSent), { labels: state.compared.labels }));
    detail.hidden = false;
  }
}

// --- the reuse matrix ----------------------------------------------------------

async function updateMatrix({ force = false } = {}) {
  matrixRun?.abort();
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
  const controller = (matrixRun = new AbortController());
  // each text meets every other: many short versions also go to the worker
  const chars = texts.reduce((sum, text) => sum + text.length, 0);
  const worker = texts.length * chars > engine.WORKER_THRESHOLD ? true : "auto";
  try {
    const many = await engine.compareMany(source.text, others.map((v) => v.text), engineOptions(), { signal: controller.signal, worker });
    if (controller !== matrixRun) return;
    const ids = [source.id, ...others.map((v) => v.id)];
    const table = renderMatrix(document, many, [source.label, ...others.map((v) => v.label)], {
      current: { source: 0, compare: ids.indexOf(state.right) },
    });
    table.dataset.ids = JSON.stringify(ids);
    $("matrix").replaceChildren(table);
  } catch (error) {
    if (error.name === "AbortError" || controller !== matrixRun) return;
    const message = document.createElement("p");
    message.className = "wd-error";
    message.textContent = `The reuse matrix could not be computed: ${error.message}`;
    $("matrix").replaceChildren(message);
  }
}

function onMatrixClick(event) {
  const cell = event.target.closest("button[data-wd-source]");
  if (!cell) return;
  const ids = JSON.parse(cell.closest("table").dataset.ids);
  choose("left", ids[Number(cell.dataset.wdSource)]);
  choose("right", ids[Number(cell.dataset.wdCompare)]);
  updateFragment();
  update().then(() => $("view-title").focus());
}

// --- versions and panes --------------------------------------------------------

function addVersionOption(v) {
  for (const pane of Object.values(panes)) pane.pick.append(new Option(v.label, v.id));
}

function relabel(v) {
  for (const pane of Object.values(panes)) {
    const option = [...pane.pick.options].find((o) => o.value === v.id);
    if (option) option.textContent = v.label;
  }
}

/** Puts a version's text in its pane: in the text box, or, when large, as a note with the start of it. */
function showText(side) {
  const pane = panes[side];
  const v = version(state[side]);
  const large = v.text.length > LARGE_TEXT && !v.editable;
  pane.text.hidden = large;
  pane.large.hidden = !large;
  pane.text.value = large ? "" : v.text;
  if (large) {
    const editable = v.text.length <= EDITABLE_TEXT;
    pane.large.querySelector(".wd-large-note").textContent =
      `“${isolatedText(v.label)}” is ${v.text.length.toLocaleString("en")} characters long: ` +
      (editable
        ? "too long to edit here without slowing the page, so it is kept aside and compared in the background. It starts:"
        : "too long to edit in a browser (each keystroke would hold the page for seconds), so it is kept aside and compared in the background; to change it, edit it in a text editor and open the file. It starts:");
    pane.large.querySelector(".wd-preview").textContent = v.text.slice(0, 600);
    pane.large.querySelector("[data-edit]").hidden = !editable;
  }
  showNotice(side);
}

/** A pane's message: `text` (a file refused), else that its version's file was not UTF-8. */
function showNotice(side, text) {
  const pane = panes[side];
  const { notice } = pane;
  pane.refused = Boolean(text);
  const source = text ? null : version(state[side]).source;
  const encoding = source && `${source.name} is not UTF-8 text: it was read as ${ENCODINGS[source.encoding]}. If letters look wrong, choose another encoding.`;
  const message = text ?? ([encoding, version(state[side]).surrogates].filter(Boolean).join(" ") || null);
  notice.hidden = !message;
  notice.firstElementChild.textContent = message ?? "";
  const choice = notice.querySelector("label");
  choice.hidden = !source;
  if (source) choice.querySelector("select").value = source.encoding;
}

/** Shows version `id` in a pane. */
function choose(side, id) {
  const pane = panes[side];
  state[side] = id;
  const v = version(id);
  pane.pick.value = id;
  pane.label.value = v.label;
  pane.remove.disabled = Boolean(v.sample); // the samples stay: links name them
  showText(side);
}

/** `v`, with U+FFFD in place of each lone UTF-16 surrogate of its text, which its pane then says. */
function repaired(side, v) {
  const { text, notice } = wellFormed(v.text, `The ${side === "left" ? "source" : "comparison"} text (“${v.label}”)`);
  if (notice) {
    v.text = text;
    v.surrogates = notice;
    showText(side);
  }
  return v;
}

function addVersion(side, label, text, source = null) {
  const v = { id: `v${++versionCount}`, label, text, sample: null, original: null, source };
  state.versions.push(v);
  addVersionOption(v);
  choose(side, v.id);
  return v;
}

/** Why `adding` more versions cannot be added, or null. */
function roomFor(adding) {
  const n = state.versions.length;
  return n + adding > MAX_VERSIONS && `This page holds ${n} versions; ${adding} more would pass the ${MAX_VERSIONS} it keeps: remove one (“Remove version”) to make room.`;
}

/** Removes the version in `side`'s pane (never a sample); a pane that showed it shows the latest other one. */
function removeVersion(side) {
  const v = version(state[side]);
  state.versions = state.versions.filter((w) => w !== v);
  for (const pane of Object.values(panes)) pane.pick.querySelector(`[value="${CSS.escape(v.id)}"]`).remove();
  for (const name of ["left", "right"]) {
    const other = state[name === "left" ? "right" : "left"];
    if (state[name] === v.id) choose(name, (state.versions.findLast((w) => w.id !== other) ?? state.versions[0]).id);
  }
  setMessage(`Removed “${v.label}”.`);
  updateFragment();
  update();
}

/** Opens a file as a new version in a pane, or says why not and leaves the pane as it was. */
async function openFile(side, file) {
  let files, read;
  try {
    const full = roomFor(1);
    if (full) throw new Error(full);
    if (file.size > state.maxBytes) {
      throw new Error(`${file.name} is ${megabytes(file.size)}, above the limit of ${megabytes(state.maxBytes)}: open a shorter file, or ${raiseLimit(file.size)}.`);
    }
    files = await import("./files.js");
    read = await files.readFile(file);
  } catch (error) {
    showNotice(side, error.message);
    return;
  }
  const v = addVersion(side, files.labelFromName(file.name), read.text, read.source);
  setMessage(`Opened ${file.name} as “${isolatedText(v.label)}”.`);
  await update();
}

/** A paste that makes a text too long for its box goes to its version, never through the box (see LARGE_TEXT). */
function onPaste(side, event) {
  const box = panes[side].text;
  const v = version(state[side]);
  const pasted = event.clipboardData?.getData("text/plain") ?? "";
  if (v.editable || box.value.length - (box.selectionEnd - box.selectionStart) + pasted.length <= LARGE_TEXT) return;
  event.preventDefault();
  v.text = box.value.slice(0, box.selectionStart) + pasted + box.value.slice(box.selectionEnd);
  showText(side);
  scheduleUpdate();
}

function setMessage(text, kind = "") {
  const message = $("share-message");
  message.textContent = text;
  message.className = `wd-message${kind ? ` wd-${kind}` : ""}`;
}

// --- share, export, storage ----------------------------------------------------

function shareState() {
  const L = version(state.left);
  const R = version(state.right);
  return {
    view: state.view,
    options: state.options,
    source: L.sample,
    compare: R.sample,
    labels: { left: L.label !== L.sampleLabel ? L.label : null, right: R.label !== R.sampleLabel ? R.label : null },
    texts: { left: { label: L.label, text: L.text }, right: { label: R.label, text: R.text } },
  };
}

const unchangedSample = (v) => v.sample && v.text === v.original;

/** Keeps the address bar's fragment on the current view, options and (sample) pair; never the texts. */
async function updateFragment() {
  const L = version(state.left);
  const R = version(state.right);
  const s = shareState();
  if (!unchangedSample(L) || !unchangedSample(R)) {
    s.source = s.compare = null;
  }
  const fragment = await encodeState(s, { withTexts: false });
  history.replaceState(null, "", `#${fragment}`);
}

async function share() {
  const L = version(state.left);
  const R = version(state.right);
  const withTexts = $("share-texts").checked;
  const input = $("share-link");
  input.hidden = $("share-link-label").hidden = true;
  if (!withTexts && (!unchangedSample(L) || !unchangedSample(R))) {
    setMessage("These texts are not the unchanged samples: tick “put the texts in the link” to share them.", "error");
    return;
  }
  const fragment = await encodeState(shareState(), { withTexts });
  const link = `${location.href.split("#")[0]}#${fragment}`;
  if (link.length > MAX_LINK_CHARS) {
    setMessage(
      `This link would be ${Math.ceil(link.length / 1024)} KB long, more than the ${MAX_LINK_CHARS / 1024} KB that mail and chat tools carry reliably. Share it without the texts, or export the report instead.`,
      "error",
    );
    return;
  }
  input.value = link;
  input.hidden = $("share-link-label").hidden = false;
  try {
    await navigator.clipboard.writeText(link);
    setMessage(`Link copied (${Math.ceil(link.length / 1024)} KB${withTexts ? ", with the texts" : ""}).`);
  } catch {
    input.select();
    setMessage("The link is ready below: copy it from there.");
  }
}

async function exportHtml() {
  if (!state.result) return;
  try {
    const [{ buildReport, download, fileName }, css] = await Promise.all([import("./export.js"), stylesheet()]);
    const html = await buildReport(document, {
      result: state.result,
      left: state.compared.left,
      right: state.compared.right,
      labels: state.compared.labels,
      options: { ...engineOptions(), hideBoilerplate: Boolean(state.options.hideBoilerplate) },
      hideBoilerplate: state.options.hideBoilerplate,
      css,
    });
    download(document, fileName(state.compared.labels, "html"), "text/html", html);
    setMessage("Report exported.");
  } catch (error) {
    setMessage(`The report could not be exported: ${error.message}`, "error");
  }
}

async function stylesheet() {
  const response = await fetch(new URL("./wirediff.css", import.meta.url));
  if (!response.ok) throw new Error(`could not load the stylesheet (${response.status})`);
  return response.text();
}

async function exportJson() {
  if (!state.result) return;
  try {
    const { download, fileName, resultJson } = await import("./export.js");
    download(document, fileName(state.compared.labels, "json"), "application/json", resultJson(state.result));
    setMessage("Result exported.");
  } catch (error) {
    setMessage(`The result could not be exported: ${error.message}`, "error");
  }
}

function linkNotice(text) {
  $("notice").hidden = !text;
  $("notice").textContent = text ?? "";
}

/** Applies a share link; or applies none of it, and says why and what the page shows instead (`kept`). */
async function restore(fragment, kept) {
  if (!fragment.replace(/^#/, "")) return false;
  let shared = null;
  try {
    // Only a page opened with a link needs the code that reads one.
    const { decodeState } = await import("./share-open.js");
    shared = await decodeState(fragment, { maxBytes: state.maxBytes });
    const full = shared?.texts && roomFor(2);
    if (full) throw new Error(`This link was not opened. ${full}`);
  } catch (error) {
    linkNotice(`${error.message} ${kept}`);
    return false;
  }
  if (!shared) return false;
  const named = shared.texts ? [] : [["left", shared.source], ["right", shared.compare]].filter(([, file]) => file);
  const unknown = named.find(([, file]) => !version(file)?.sample);
  if (unknown) {
    linkNotice(`This link names a sample text this page does not have, “${unknown[1]}”: it may come from another wirediff site. ${kept}`);
    return false;
  }
  const changed = named.find(([side, file]) => shared.sums[side] && shared.sums[side] !== checksum(version(file).original));
  linkNotice(changed && `This link was made with another version of the sample “${version(changed[1]).sampleLabel}” than this page has: what you see may differ from what the sender saw.`);
  if (isView(shared.view)) state.view = shared.view;
  // own keys only: a link's "constructor" or "toString" is no option of ours
  for (const [key, value] of Object.entries(shared.options)) if (Object.hasOwn(state.options, key)) state.options[key] = value;
  if (shared.texts) {
    addVersion("left", shared.texts.left.label, shared.texts.left.text);
    addVersion("right", shared.texts.right.label, shared.texts.right.text);
  } else {
    for (const [side, file] of [["left", shared.source], ["right", shared.compare]]) {
      if (file) choose(side, file);
      const label = shared.labels[side];
      if (label) {
        const v = version(state[side]);
        v.label = panes[side].label.value = label;
        relabel(v);
      }
    }
  }
  syncControls();
  return true;
}

function syncControls() {
  for (const input of document.querySelectorAll(".wd-options input[type=checkbox]")) {
    const known = input.name === "hideBoilerplate" || input.name in state.defaults;
    input.closest("label").classList.toggle("wd-unsupported", !known);
    input.checked = Boolean(state.options[input.name]);
  }
  for (const input of document.querySelectorAll('input[name="view"]')) input.checked = input.value === state.view;
}

// --- start -----------------------------------------------------------------------

async function main() {
  const [samples] = await Promise.all([listSamples(), engine.ready()]);
  state.defaults = engine.defaultOptions();
  const saved = storage.get(STORE.options) ?? {};
  state.options = { hideBoilerplate: false };
  for (const key of ENGINE_OPTIONS) {
    if (key in state.defaults) state.options[key] = typeof saved[key] === "boolean" ? saved[key] : state.defaults[key];
  }
  if (typeof saved.hideBoilerplate === "boolean") state.options.hideBoilerplate = saved.hideBoilerplate;
  const savedView = storage.get(STORE.view);
  if (isView(savedView)) state.view = savedView;
  const savedMb = storage.get(STORE.maxMb);
  state.maxBytes = (Number.isInteger(savedMb) && savedMb > 0 && savedMb <= 4294 && savedMb * MB) || state.defaults.maxInputBytes;
  $("max-mb").value = state.maxBytes / MB;

  const texts = await Promise.all(samples.map((s) => loadSample(s.file)));
  samples.forEach((s, i) => {
    const v = { id: s.file, label: s.label, sampleLabel: s.label, text: texts[i], sample: s.file, original: texts[i] };
    state.versions.push(v);
    addVersionOption(v);
  });
  // The wire against the first outlet the manifest lists (AP vs Kompas).
  choose("left", samples[0].file);
  choose("right", samples[1].file);
  const sample = `The page shows the sample instead: “${samples[0].label}” against “${samples[1].label}”.`;
  if (!(await restore(location.hash, sample))) syncControls();

  for (const [side, pane] of Object.entries(panes)) {
    pane.pick.addEventListener("change", () => {
      choose(side, pane.pick.value);
      updateFragment();
      update();
    });
    pane.text.addEventListener("paste", (event) => onPaste(side, event));
    pane.text.addEventListener("input", () => {
      // Only an edit makes the box's value the version's text: a text box ends
      // every line with LF, and a text from a file or a link keeps its own
      // line ends (CRLF, CR) until it is edited.
      if (pane.refused) showNotice(side);
      const v = version(state[side]);
      v.text = pane.text.value;
      if (v.text.length > LARGE_TEXT && !v.editable) showText(side); // a large paste: set it aside, free the text box
      scheduleUpdate();
    });
    pane.large.querySelector("[data-edit]").addEventListener("click", () => {
      version(state[side]).editable = true;
      showText(side);
      pane.text.focus();
    });
    pane.label.addEventListener("input", () => {
      const v = version(state[side]);
      v.label = pane.label.value.trim() || (side === "left" ? "Source" : "Comparison");
      relabel(v);
      if (state.compared) {
        state.compared.labels = labels();
        renderPanels();
        const head = root.querySelector(`.wd-row-head .wd-cell-${side}`);
        if (head) head.textContent = v.label;
      }
      updateMatrix();
    });
    const encoding = pane.notice.querySelector("select");
    for (const [value, name] of Object.entries(ENCODINGS)) encoding.append(new Option(name, value));
    encoding.addEventListener("change", async () => {
      const v = version(state[side]);
      let files;
      try {
        files = await import("./files.js"); // loaded already: the file was opened with it
      } catch (error) {
        showNotice(side, error.message);
        return;
      }
      v.source.encoding = encoding.value;
      v.text = files.sourceText(v.source);
      showText(side);
      update();
    });
    pane.file.accept = ACCEPT;
    pane.remove.addEventListener("click", () => removeVersion(side));
    pane.open.addEventListener("click", () => {
      pane.file.value = ""; // so that opening the same file again is a change
      pane.file.click();
    });
    pane.file.addEventListener("change", () => {
      const [file] = pane.file.files;
      if (file) openFile(side, file);
    });
    const box = pane.text.closest(".wd-pane");
    box.addEventListener("dragover", (event) => {
      if (![...(event.dataTransfer?.types ?? [])].includes("Files")) return;
      event.preventDefault();
      box.classList.add("wd-drop");
    });
    box.addEventListener("dragleave", (event) => {
      if (!box.contains(event.relatedTarget)) box.classList.remove("wd-drop");
    });
    box.addEventListener("drop", (event) => {
      box.classList.remove("wd-drop");
      const [file] = event.dataTransfer?.files ?? [];
      if (!file) return; // dropped text: the text box inserts it and fires input
      event.preventDefault();
      openFile(side, file);
    });
  }
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
  $("prev").addEventListener("click", () => step(-1));
  $("next").addEventListener("click", () => step(1));
  document.addEventListener("keydown", onKey);
  $("cancel").addEventListener("click", cancel);
  $("share").addEventListener("click", share);
  $("export-html").addEventListener("click", exportHtml);
  $("export-json").addEventListener("click", exportJson);
  $("print").addEventListener("click", () => print());
  $("facts").addEventListener("click", (event) => {
    const more = event.target.closest("button[data-wd-more-facts]");
    if (more) {
      const from = Number(more.dataset.wdMoreFacts);
      const box = more.parentElement;
      more.remove();
      appendProgressively(box, factChunks(document, state.result, from)).then(() => {
        box.querySelector(`[data-wd-fact="${from}"]`)?.focus();
      });
      return;
    }
    const button = event.target.closest("button[data-wd-fact]");
    if (button) jumpToFact(Number(button.dataset.wdFact));
  });
  $("matrix").addEventListener("click", onMatrixClick);
  $("matrix-compute").addEventListener("click", () => updateMatrix({ force: true }));
  root.addEventListener("click", onViewClick);
  root.addEventListener("mouseover", onViewPointer);
  root.addEventListener("focusin", onViewPointer);
  addEventListener("hashchange", async () => {
    if (await restore(location.hash, "Your texts are as they were.")) update();
  });
  await update();
  updateFragment();
}

main().catch((error) => {
  setStatus(`wirediff could not start: ${error.message}`, "error");
  document.body.dataset.state = "error";
});
