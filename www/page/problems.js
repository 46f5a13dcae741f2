// Why there is no comparison, said in its place: a box is empty, a text is
// above the size limit, or the engine failed. Loaded when first needed.
import { megabytes, neededMb } from "../intake.js";
import { couldNotCompare, overLimit } from "../messages.js";
import { isolatedText } from "../render/flow.js";
import { updateCounter } from "./changes.js";
import { sources } from "./detail.js";
import { setBusy, setStatus } from "./status.js";
import { SIDES } from "./panes.js";
import { $, DETAIL, root, state } from "./state.js";

function blankMessage(blanks, versions) {
  if (blanks[0] && blanks[1]) {
    return `Both boxes are empty: type, paste or open ${SIDES.left.story} on the left and ${SIDES.right.story} on the right.`;
  }
  const i = blanks[0] ? 0 : 1;
  const side = SIDES[i ? "right" : "left"];
  return `The ${side.box} box, “${isolatedText(versions[i].label)}”, ${blanks[i]}: type, paste or open ${side.story} in it.`;
}

export const raiseLimit = (bytes) => `raise “Largest text” under Edit texts › Advanced to ${neededMb(bytes)} MB or more`;

function sizeMessage(over, versions) {
  const sizes = over.flatMap((bytes, i) => (bytes ? [`the ${SIDES[i ? "right" : "left"].box} text, “${isolatedText(versions[i].label)}”, is ${megabytes(bytes)}`] : []));
  const said = sizes.join(" and ");
  return overLimit(`${said[0].toUpperCase()}${said.slice(1)}`, state.maxBytes, "compare a shorter text", raiseLimit(Math.max(...over)));
}

/** Says in the comparison's place why there is none; `kind` is "empty" or "error". */
function showProblem(text, kind, short) {
  setBusy(null);
  state.rendering?.abort();
  state.result = null;
  state.compared = null;
  state.nav.reset(null, [], false);
  const message = document.createElement("p");
  message.className = `wd-${kind}-state`;
  message.setAttribute("role", "alert");
  message.textContent = text;
  root.replaceChildren(message);
  sources.close();
  $(DETAIL).hidden = true;
  $("summary-panel").hidden = true;
  $("scorecard-box").hidden = true;
  if (kind === "empty") $("edit-texts").open = true; // nothing to compare: the boxes are what the page is for
  $("legend").replaceChildren();
  setStatus(short, kind === "error" ? "error" : "");
  updateCounter();
  document.body.dataset.state = kind;
}

export const showBlank = (blanks, versions) => showProblem(blankMessage(blanks, versions), "empty", "Nothing to compare yet.");
export const showOver = (over, versions) => showProblem(sizeMessage(over, versions), "error", "Could not compare: a text is above the size limit.");
export const showFailure = (error) => showProblem(`These texts could not be compared: ${error.message}`, "error", couldNotCompare(error));
