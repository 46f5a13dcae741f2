// Versions added from a file (files.js reads it) and read again in another
// encoding, and versions removed: loaded when first used.
import { megabytes } from "../intake.js";
import { overLimit } from "../messages.js";
import { isolatedText } from "../render/flow.js";
import { update } from "./comparison.js";
import { raiseLimit } from "./problems.js";
import { addVersion, choose, panes, showNotice, showText } from "./panes.js";
import { roomFor, setMessage, state, updateFragment, version } from "./state.js";

/** Opens a file as a new version in a pane, or says why not and leaves the pane as it was. */
export async function openFile(side, file) {
  let files, read;
  try {
    const full = roomFor(1);
    if (full) throw new Error(full);
    if (file.size > state.maxBytes) throw new Error(overLimit(`${file.name} is ${megabytes(file.size)}`, state.maxBytes, "open a shorter file", raiseLimit(file.size)));
    files = await import("../files.js");
    read = await files.readFile(file, { maxBytes: state.maxBytes });
  } catch (error) {
    showNotice(side, error.message);
    return;
  }
  const v = addVersion(side, { label: files.labelFromName(file.name), text: read.text, source: read.source, note: read.note });
  setMessage(`Opened ${file.name} as “${isolatedText(v.label)}”.`);
  await update();
}

/** Reads the file of `side`'s version again as `encoding` (a key of ENCODINGS). */
export async function reread(side, encoding) {
  const v = version(state[side]);
  let files;
  try {
    files = await import("../files.js"); // loaded already: the file was opened with it
  } catch (error) {
    showNotice(side, error.message);
    return;
  }
  v.source.encoding = encoding;
  v.text = files.sourceText(v.source);
  showText(side);
  update();
}

/** Removes the version in `side`'s pane (never a sample); a pane that showed it shows the latest other one. */
export function removeVersion(side) {
  const v = version(state[side]);
  state.versions = state.versions.filter((w) => w !== v);
  for (const p of Object.values(panes)) p.pick.querySelector(`[value="${CSS.escape(v.id)}"]`).remove();
  for (const name of ["left", "right"]) {
    const other = state[name === "left" ? "right" : "left"];
    if (state[name] === v.id) choose(name, (state.versions.findLast((w) => w.id !== other) ?? state.versions[0]).id);
  }
  setMessage(`Removed “${v.label}”.`);
  updateFragment();
  update();
}
