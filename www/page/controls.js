// What the panes' controls and the matrix's cells do: choosing, typing,
// pasting, labelling, opening, dropping and removing versions, and comparing
// the pair a matrix cell names. Wired once, by app.js.
import { ENCODINGS } from "../intake.js";
import { renderPanels, scheduleUpdate, update } from "./comparison.js";
import { updateMatrix } from "./matrix.js";
import { LARGE_TEXT, SIDES, choose, editTarget, panes, relabel, showNotice, showText } from "./panes.js";
import { $, labels, root, state, uniqueLabel, updateFragment, version } from "./state.js";

/** What the file dialog offers first; any other file is read when it is text (files.js). */
const ACCEPT = ".txt,.md,.markdown,.html,.htm,.docx,.odt,text/plain,text/markdown,text/html";

/** The edit about to happen in a text box replaces all of its text (or fills it when empty). */
const replacesAll = (box) => box.selectionStart === 0 && box.selectionEnd === box.value.length;

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

export function onMatrixClick(event) {
  const cell = event.target.closest("button[data-wd-source]");
  if (!cell) return;
  const ids = state.matrixIds;
  choose("left", ids[Number(cell.dataset.wdSource)]);
  choose("right", ids[Number(cell.dataset.wdCompare)]);
  updateFragment();
  update().then(() => $("view-title").focus());
}
