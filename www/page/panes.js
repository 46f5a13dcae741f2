// The two panes: which version each shows, its text (in the text box, or set
// aside when large), its label, and the versions added by typing, pasting,
// opening or dropping a file, or removed.
import { ENCODINGS, wellFormed } from "../intake.js";
import { notUtf8 } from "../messages.js";
import { isolatedText } from "../render/flow.js";
import { renderPanels, scheduleUpdate, update } from "./comparison.js";
import { updateMatrix } from "./matrix.js";
import { $, labels, newVersion, roomFor, root, setMessage, state, uniqueLabel, updateFragment, version, yourTextLabel } from "./state.js";

/** What the file dialog offers first; any other file is read when it is text (files.js). */
const ACCEPT = ".txt,.md,.markdown,.html,.htm,.docx,.odt,text/plain,text/markdown,text/html";
/** Longer texts are not put in a text box: laying out a long text in a <textarea> freezes a browser. */
const LARGE_TEXT = 100_000;
/** Longer texts cannot be put in it even on request: each edit of one would hold the page for seconds. */
const EDITABLE_TEXT = 1_000_000;

const pane = (id) => ({ pick: $(`${id}-pick`), text: $(`${id}-text`), large: $(`${id}-large`), label: $(`${id}-label`), open: $(`${id}-open`), remove: $(`${id}-remove`), file: $(`${id}-file`), notice: $(`${id}-notice`), refused: false });
export const panes = { left: pane("source"), right: pane("compare") };
export const SIDES = { left: { box: "source", story: "the wire story", label: "Source" }, right: { box: "comparison", story: "the outlet's version", label: "Comparison" } };

function addVersionOption(v) {
  for (const p of Object.values(panes)) p.pick.append(new Option(v.label, v.id));
}

export function relabel(v) {
  for (const p of Object.values(panes)) {
    const option = [...p.pick.options].find((o) => o.value === v.id);
    if (option) option.textContent = v.label;
  }
}

/** Puts a version's text in its pane: in the text box, or, when large, as a note with the start of it. */
export function showText(side) {
  const p = panes[side];
  const v = version(state[side]);
  const large = v.text.length > LARGE_TEXT && !v.editable;
  p.text.hidden = large;
  p.large.hidden = !large;
  p.text.value = large ? "" : v.text;
  if (large) {
    const editable = v.text.length <= EDITABLE_TEXT;
    p.large.querySelector(".wd-large-note").textContent =
      `“${isolatedText(v.label)}” is ${v.text.length.toLocaleString("en")} characters long: ` +
      (editable
        ? "too long to edit here without slowing the page, so it is kept aside and compared in the background. It starts:"
        : "too long to edit in a browser (each keystroke would hold the page for seconds), so it is kept aside and compared in the background; to change it, edit it in a text editor and open the file. It starts:");
    p.large.querySelector(".wd-preview").textContent = v.text.slice(0, 600);
    p.large.querySelector("[data-edit]").hidden = !editable;
  }
  showNotice(side);
}

/** A pane's message: `text` (a file refused), else how its version's file was read (a document; not UTF-8). */
export function showNotice(side, text) {
  const p = panes[side];
  const { notice } = p;
  p.refused = Boolean(text);
  const v = version(state[side]);
  const source = text ? null : v.source;
  const encoding = source && notUtf8(source.name, source.encoding, "choose another encoding");
  const message = text ?? ([v.note, encoding, v.surrogates].filter(Boolean).join(" ") || null);
  notice.hidden = !message;
  notice.firstElementChild.textContent = message ?? "";
  const choice = notice.querySelector("label");
  choice.hidden = !source;
  if (source) choice.querySelector("select").value = source.encoding;
}

/** Shows version `id` in a pane (`keepText`: its text box holds its text already, caret and all). */
export function choose(side, id, { keepText = false } = {}) {
  const p = panes[side];
  state[side] = id;
  const v = version(id);
  p.pick.value = id;
  p.label.value = v.label;
  p.label.classList.remove("wd-fresh-label");
  p.remove.disabled = Boolean(v.sample); // the samples stay: links name them
  if (!keepText) showText(side);
}

/**
 * The version an edit in `side`'s pane goes to (`whole`: the edit replaced
 * all of the text, or filled an empty box). A sample is never changed, so
 * that the page never calls an editor's text by a sample's name: its first
 * edit makes a version of the editor's own, "<sample>, edited", or "Your
 * text N" when the whole text was replaced, its label highlighted for
 * renaming. A name the page made up follows the text until the editor
 * gives one. Null when the page holds no more versions (the pane says so).
 */
function editTarget(side, whole) {
  const p = panes[side];
  const v = version(state[side]);
  if (v.sample) {
    const full = roomFor(1);
    if (full) {
      p.text.value = v.text;
      showNotice(side, full);
      return null;
    }
    const own = addVersion(null, { label: whole ? yourTextLabel() : `${v.label}, edited`, text: v.text, named: false });
    choose(side, own.id, { keepText: true });
    p.label.classList.add("wd-fresh-label");
    setMessage(`Your edit is a new version, “${isolatedText(own.label)}”; the sample “${isolatedText(v.label)}” stays as it was. Name yours under Label.`);
    return own;
  }
  if (whole && !v.named && !/^Your text \d+$/.test(v.label)) {
    v.label = yourTextLabel();
    p.label.value = v.label;
    relabel(v);
  }
  return v;
}

/** The edit about to happen in a text box replaces all of its text (or fills it when empty). */
const replacesAll = (box) => box.selectionStart === 0 && box.selectionEnd === box.value.length;

/** `v`, with U+FFFD in place of each lone UTF-16 surrogate of its text, which its pane then says. */
export function repaired(side, v) {
  const { text, notice } = wellFormed(v.text, `The ${SIDES[side].box} text (“${v.label}”)`);
  if (notice) {
    v.text = text;
    v.surrogates = notice;
    showText(side);
  }
  return v;
}

/** Adds a version (fields as newVersion takes them) and shows it in `side`'s pane. */
export function addVersion(side, fields) {
  const v = newVersion(fields);
  state.versions.push(v);
  addVersionOption(v);
  if (side) choose(side, v.id);
  return v;
}

/** A paste that makes a text too long for its box goes to its version, never through the box (see LARGE_TEXT). */
function onPaste(side, event) {
  const box = panes[side].text;
  const pasted = event.clipboardData?.getData("text/plain") ?? "";
  if (version(state[side]).editable || box.value.length - (box.selectionEnd - box.selectionStart) + pasted.length <= LARGE_TEXT) return;
  event.preventDefault();
  const text = box.value.slice(0, box.selectionStart) + pasted + box.value.slice(box.selectionEnd);
  const v = editTarget(side, replacesAll(box));
  if (!v) return;
  v.text = text;
  showText(side);
  scheduleUpdate();
}

/** Calls `use` with page/versions.js, loaded when first used; or says in `side`'s pane why it could not load. */
function versions(side, use) {
  import("./versions.js").then(use, (error) => showNotice(side, error.message));
}

/** What each pane's controls do. */
export function wirePanes() {
  for (const [side, p] of Object.entries(panes)) {
    p.pick.addEventListener("change", () => {
      choose(side, p.pick.value);
      updateFragment();
      update();
    });
    p.text.addEventListener("paste", (event) => onPaste(side, event));
    let whole = false;
    p.text.addEventListener("beforeinput", () => (whole = replacesAll(p.text)));
    p.text.addEventListener("input", () => {
      // Only an edit makes the box's value the version's text: a text box ends
      // every line with LF, and a text from a file or a link keeps its own
      // line ends (CRLF, CR) until it is edited.
      if (p.refused) showNotice(side);
      const v = editTarget(side, whole);
      if (!v) return;
      v.text = p.text.value;
      if (v.text.length > LARGE_TEXT && !v.editable) showText(side); // a large paste: set it aside, free the text box
      scheduleUpdate();
    });
    p.large.querySelector("[data-edit]").addEventListener("click", () => {
      version(state[side]).editable = true;
      showText(side);
      p.text.focus();
    });
    p.label.addEventListener("input", () => {
      const v = version(state[side]);
      v.label = uniqueLabel(p.label.value.trim() || SIDES[side].label, v.id);
      v.named = true;
      p.label.classList.remove("wd-fresh-label");
      relabel(v);
      if (state.compared) {
        state.compared.labels = labels();
        renderPanels();
        const head = root.querySelector(`.wd-row-head .wd-cell-${side}`);
        if (head) head.textContent = v.label;
      }
      updateMatrix();
    });
    const encoding = p.notice.querySelector("select");
    for (const [value, name] of Object.entries(ENCODINGS)) encoding.append(new Option(name, value));
    encoding.addEventListener("change", () => versions(side, (m) => m.reread(side, encoding.value)));
    p.file.accept = ACCEPT;
    p.remove.addEventListener("click", () => versions(side, (m) => m.removeVersion(side)));
    p.open.addEventListener("click", () => {
      p.file.value = ""; // so that opening the same file again is a change
      p.file.click();
    });
    p.file.addEventListener("change", () => {
      const [file] = p.file.files;
      if (file) versions(side, (m) => m.openFile(side, file));
    });
    const box = p.text.closest(".wd-pane");
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
      versions(side, (m) => m.openFile(side, file));
    });
  }
}
