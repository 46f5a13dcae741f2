// The page's state, in one place: the versions it holds and the pair in its
// panes, the view and options, the comparison shown, and the work under way;
// and where it is kept: localStorage, the address bar's fragment (the view,
// options and sample pair, never the texts), the controls. The other page
// modules read and change it; none keeps state of its own.
import { ChangeNavigator } from "../navigation.js";
import { encodeState } from "../share.js";

export const $ = (id) => document.getElementById(id);
/** Where the comparison is drawn. */
export const root = $("redline");
/** Where a sentence's sources show: the panel under the view, also the sentence detail on hover and focus. */
export const DETAIL = "sentence-detail";
export const STORE = { view: "wirediff.view", options: "wirediff.options", maxMb: "wirediff.maxInputMb" };
export const ENGINE_OPTIONS = ["ignoreCase", "unifyQuotes", "unifyDashes", "unifyWhitespace", "ignorePunctuation"];
/** Samples included: a wire story and a day's outlets fit, and the matrix stays readable (docs/page.md). */
const MAX_VERSIONS = 50;

export const state = {
  /** @type {ReturnType<typeof newVersion>[]} */
  versions: [],
  left: null, // the id of the version in each pane
  right: null,
  view: "redline", // a key of VIEWS (views.js)
  options: {}, // the engine's options the page offers, and hideBoilerplate
  defaults: {}, // the engine's defaults: which options it knows
  maxBytes: 0, // the engine's maxInputBytes
  result: null,
  compared: null, // { left, right, labels } the result is of
  nav: new ChangeNavigator(root),
  // the work under way
  run: 0, // counts comparisons: a newer one makes an older one's results stale
  comparing: null, // AbortController of the comparison in flight
  rendering: null, // AbortController of the view being rendered
  rendered: Promise.resolve(),
  typing: 0, // the timer of an edit's comparison
  typingPending: false,
  matrixRun: null, // AbortController of the reuse matrix in flight
  matrixIds: [], // the version ids of the matrix's rows and columns
  matrix: null, // { key, texts, many }: the engine's matrix and what it is of
  matrixDrawn: null, // the matrix last drawn, and with which labels and pair (matrixShown)
  matrixShown: null,
  versionCount: 0,
  folded: false, // the texts' section has folded after the first comparison (it folds once)
};

/**
 * A version: a text the page holds, with every field it ever has. `sample`
 * is the sample's file name (links name samples by it), `original` and
 * `sampleLabel` the sample's own text and label; `source` what files.js read
 * from a file (its bytes and encoding), `note` what was done to read it from
 * a Word or OpenDocument file, `editable` that a large text was put
 * in its text box on request, `surrogates` what its pane says about lone
 * surrogates it had; `named` that its label was given (a sample's, a file's,
 * a link's, the editor's), not made up by the page for an edit.
 */
export function newVersion({ id = `v${++state.versionCount}`, label, text, sample = null, source = null, note = null, named = true }) {
  label = uniqueLabel(label);
  return { id, label, text, sample, sampleLabel: sample && label, original: sample && text, source, note, editable: false, surrogates: null, named };
}

/** `label`, or, when another version has it, `label` with the first free number after it: two versions never share a name. */
export function uniqueLabel(label, except = null) {
  const taken = new Set(state.versions.filter((v) => v.id !== except).map((v) => v.label));
  if (!taken.has(label)) return label;
  let n = 2;
  while (taken.has(`${label} ${n}`)) n++;
  return `${label} ${n}`;
}

/** The first "Your text N" no version has. */
export function yourTextLabel() {
  const taken = new Set(state.versions.map((v) => v.label));
  let n = 1;
  while (taken.has(`Your text ${n}`)) n++;
  return `Your text ${n}`;
}

export const version = (id) => state.versions.find((v) => v.id === id);

/** Why `adding` more versions cannot be added, or false. */
export function roomFor(adding) {
  const n = state.versions.length;
  return n + adding > MAX_VERSIONS && `This page holds ${n} versions; ${adding} more would pass the ${MAX_VERSIONS} it keeps: remove one (“Remove version”) to make room.`;
}

export function engineOptions() {
  const options = {};
  for (const key of ENGINE_OPTIONS) if (key in state.defaults) options[key] = state.options[key];
  if ("maxInputBytes" in state.defaults) options.maxInputBytes = state.maxBytes;
  return options;
}

export function labels() {
  return { left: version(state.left).label, right: version(state.right).label };
}

export const storage = {
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

export function setMessage(text, kind = "") {
  const message = $("share-message");
  message.textContent = text;
  message.className = `wd-message${kind ? ` wd-${kind}` : ""}`;
}

export function shareState() {
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
export const unchangedSamples = () => unchangedSample(version(state.left)) && unchangedSample(version(state.right));

/** Keeps the address bar's fragment on the current view, options and (sample) pair; never the texts. */
export async function updateFragment() {
  const s = shareState();
  if (!unchangedSamples()) s.source = s.compare = null;
  const fragment = await encodeState(s, { withTexts: false });
  history.replaceState(null, "", `#${fragment}`);
}

export function syncControls() {
  for (const input of document.querySelectorAll(".wd-options input[type=checkbox]")) {
    const known = input.name === "hideBoilerplate" || input.name in state.defaults;
    input.closest("label").classList.toggle("wd-unsupported", !known);
    input.checked = Boolean(state.options[input.name]);
  }
  for (const input of document.querySelectorAll('input[name="view"]')) input.checked = input.value === state.view;
}
