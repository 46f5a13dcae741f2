// Opening a share link (share-open.js reads it): loaded only when the page
// is opened with a fragment, or its fragment changes.
import { checksum } from "../share.js";
import { viewNamed } from "../views.js";
import { addVersion, choose, panes, relabel } from "./panes.js";
import { $, roomFor, state, syncControls, uniqueLabel, version } from "./state.js";

function linkNotice(text) {
  $("notice").hidden = !text;
  $("notice").textContent = text ?? "";
}

/** Applies a share link; or applies none of it, and says why and what the page shows instead (`kept`). */
export async function restore(fragment, kept) {
  if (!fragment.replace(/^#/, "")) return false;
  let shared = null;
  try {
    // Only a page opened with a link needs the code that reads one.
    const { decodeState } = await import("../share-open.js");
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
  state.view = viewNamed(shared.view, { former: true }) ?? state.view;
  // own keys only: a link's "constructor" or "toString" is no option of ours
  for (const [key, value] of Object.entries(shared.options)) if (Object.hasOwn(state.options, key)) state.options[key] = value;
  if (shared.texts) {
    // a text the page holds already (a sample, unchanged) is shown, not added again
    for (const side of ["left", "right"]) {
      const held = state.versions.find((v) => v.text === shared.texts[side].text);
      if (held) choose(side, held.id);
      else addVersion(side, shared.texts[side]);
    }
  } else {
    for (const [side, file] of [["left", shared.source], ["right", shared.compare]]) {
      if (file) choose(side, file);
      const label = shared.labels[side];
      if (label) {
        const v = version(state[side]);
        v.label = panes[side].label.value = uniqueLabel(label, v.id);
        relabel(v);
      }
    }
  }
  syncControls();
  return true;
}

