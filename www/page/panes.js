// The two panes: which version each shows, its text (in the text box, or set
// aside when large), its label, and the versions an edit adds
// (page/controls.js wires the panes' controls to them).
import { wellFormed } from "../intake.js";
import { notUtf8 } from "../messages.js";
import { isolatedText } from "../render/flow.js";
import { $, newVersion, roomFor, setMessage, state, version, yourTextLabel } from "./state.js";

/** Longer texts are not put in a text box: laying out a long text in a <textarea> freezes a browser. */
export const LARGE_TEXT = 100_000;
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
export function editTarget(side, whole) {
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
