// The two panes: which version each shows, its text (in the text box, or set
// aside when large), its label, and the versions added by typing, pasting,
// opening or dropping a file, or removed.
import { ENCODINGS, wellFormed } from "../intake.js";
import { notUtf8 } from "../messages.js";
import { isolatedText } from "../render/flow.js";
import { renderPanels, scheduleUpdate, update } from "./comparison.js";
import { updateMatrix } from "./matrix.js";
import { $, labels, newVersion, root, state, updateFragment, version } from "./state.js";

/** What the file dialog offers first; any other file is read when it is text (files.js). */
const ACCEPT = ".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html";
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

/** A pane's message: `text` (a file refused), else that its version's file was not UTF-8. */
export function showNotice(side, text) {
  const p = panes[side];
  const { notice } = p;
  p.refused = Boolean(text);
  const v = version(state[side]);
  const source = text ? null : v.source;
  const encoding = source && notUtf8(source.name, source.encoding, "choose another encoding");
  const message = text ?? ([encoding, v.surrogates].filter(Boolean).join(" ") || null);
  notice.hidden = !message;
  notice.firstElementChild.textContent = message ?? "";
  const choice = notice.querySelector("label");
  choice.hidden = !source;
  if (source) choice.querySelector("select").value = source.encoding;
}

/** Shows version `id` in a pane. */
export function choose(side, id) {
  const p = panes[side];
  state[side] = id;
  const v = version(id);
  p.pick.value = id;
  p.label.value = v.label;
  p.remove.disabled = Boolean(v.sample); // the samples stay: links name them
  showText(side);
}

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
  const v = version(state[side]);
  const pasted = event.clipboardData?.getData("text/plain") ?? "";
  if (v.editable || box.value.length - (box.selectionEnd - box.selectionStart) + pasted.length <= LARGE_TEXT) return;
  event.preventDefault();
  v.text = box.value.slice(0, box.selectionStart) + pasted + box.value.slice(box.selectionEnd);
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
    p.text.addEventListener("input", () => {
      // Only an edit makes the box's value the version's text: a text box ends
      // every line with LF, and a text from a file or a link keeps its own
      // line ends (CRLF, CR) until it is edited.
      if (p.refused) showNotice(side);
      const v = version(state[side]);
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
      v.label = p.label.value.trim() || SIDES[side].label;
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
