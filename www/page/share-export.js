// Making a share link (share.js encodes it) and exporting the report or the
// result (export.js): loaded on the first click of one of their buttons.
import { MAX_LINK_CHARS, encodeState } from "../share.js";
import { $, setMessage, shareState, state, unchangedSamples } from "./state.js";

export async function share() {
  const withTexts = $("share-texts").checked;
  const input = $("share-link");
  input.hidden = $("share-link-label").hidden = true;
  if (!withTexts && !unchangedSamples()) {
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

/** Exports the comparison shown as `kind`, "html" (the report) or "json" (the engine's result). */
export async function exportAs(kind) {
  if (!state.result) return;
  const { result, compared } = state;
  const what = kind === "html" ? "report" : "result";
  try {
    const { buildReport, download, fileName, resultJson } = await import("../export.js");
    const body =
      kind === "html"
        ? await buildReport(document, {
            result,
            left: compared.left,
            right: compared.right,
            labels: compared.labels,
            options: optionWords(),
            hideBoilerplate: state.options.hideBoilerplate,
            css: await stylesheet(),
          })
        : resultJson(result);
    download(document, fileName(compared.labels, kind), kind === "html" ? "text/html" : "application/json", body);
    setMessage(`${what[0].toUpperCase()}${what.slice(1)} exported.`);
  } catch (error) {
    setMessage(`The ${what} could not be exported: ${error.message}`, "error");
  }
}

/** The options in force, as the page's checkboxes name them ("unify quotes"), for a reader of the report. */
function optionWords() {
  return [...document.querySelectorAll(".wd-options label:not(.wd-unsupported) input:checked")].map((box) => box.closest("label").textContent.trim());
}

async function stylesheet() {
  const response = await fetch(new URL("../wirediff.css", import.meta.url));
  if (!response.ok) throw new Error(`could not load the stylesheet (${response.status})`);
  return response.text();
}

