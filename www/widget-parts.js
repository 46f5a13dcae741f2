// The parts of a <wire-diff>'s shadow root, each with a `part` name for
// theming. Builds nodes only: defines nothing, touches no global.
import { KEYS } from "./navigation.js";

/** The id of the panel that shows a sentence's sources, in the widget's shadow root. */
export const SOURCES_ID = "wd-sources";

/** A `tag` element with `part` names and a class. */
export function element(doc, tag, part, className) {
  const el = doc.createElement(tag);
  if (part) el.setAttribute("part", part);
  if (className) el.className = className;
  return el;
}

/**
 * The frame and the parts the widget updates; `on` handles the buttons
 * (`previous`, `next`) and the view's `keydown` and `click` (`follow`).
 */
export function buildParts(doc, on) {
  const frame = element(doc, "div", "frame", "wd-widget");
  frame.hidden = true; // until the stylesheet has loaded: no flash of unstyled text
  const header = element(doc, "div", "header", "wd-widget-header");
  const labels = element(doc, "p", "labels", "wd-widget-labels");
  const sourceLabel = element(doc, "bdi", "label source-label", "wd-widget-label");
  const compareLabel = element(doc, "bdi", "label compare-label", "wd-widget-label");
  labels.append(sourceLabel, doc.createTextNode(" → "), compareLabel);
  const nav = element(doc, "div", "nav", "wd-widget-nav");
  const previous = element(doc, "button", "button previous", "wd-widget-button");
  previous.type = "button";
  previous.textContent = "Previous change";
  previous.addEventListener("click", on.previous);
  const next = element(doc, "button", "button next", "wd-widget-button");
  next.type = "button";
  next.textContent = "Next change";
  next.addEventListener("click", on.next);
  nav.append(previous, next);
  header.append(labels, nav);
  const status = element(doc, "p", "status", "wd-widget-status");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  status.textContent = "Loading…";
  const body = element(doc, "div", "body", "wd-widget-body");
  body.tabIndex = 0; // scrollable, and the keys of navigation.js step through the changes
  body.setAttribute("role", "region");
  body.setAttribute("aria-keyshortcuts", [...KEYS.next, ...KEYS.previous].join(" "));
  body.addEventListener("keydown", on.keydown);
  body.addEventListener("click", on.follow);
  // What the reader should know about a comparison shown: a text whose encoding was guessed.
  const notice = element(doc, "div", "notice", "wd-widget-notice");
  notice.setAttribute("aria-live", "polite");
  const legend = element(doc, "div", "legend", "wd-widget-legend");
  // Where a sentence came from, opened from the view (sources-panel.js).
  const sources = element(doc, "div", "sources", "wd-detail wd-widget-sources");
  sources.id = SOURCES_ID;
  sources.hidden = true;
  sources.setAttribute("role", "region");
  sources.setAttribute("aria-label", "Where the sentence came from");
  sources.setAttribute("aria-live", "polite");
  frame.append(header, status, notice, legend, body, sources);
  return { frame, sourceLabel, compareLabel, previous, next, status, notice, legend, body, sources };
}
