// The panel that shows where a comparison sentence came from, for the page and
// the widget alike. Any element of a view with data-wd-sources (a sentence
// index; render/sources.js sourceOpener) opens it: on click or tap, and on
// Enter or Space when it is a focusable role=button (a <button> does that
// itself). It is a disclosure: the opener says aria-expanded, the panel is its
// aria-controls target. Activating the opener again, or Escape in the view or
// the panel, closes it and gives focus back to the opener.

import { renderSourceDetail } from "./render/source-quotes.js";

/**
 * Wires `view` (the element the renderers draw into) to `panel`. `context()`
 * gives what is shown: { result, left, right, labels }, or null.
 * @returns {{ close(): void, readonly open: number | null }}
 */
export function sourcesPanel(view, panel, context) {
  let open = null; // the sentence index shown

  const openers = (index) => view.querySelectorAll(`[data-wd-sources="${index}"][aria-expanded]`);

  const close = ({ focus = false } = {}) => {
    if (open == null) return;
    const index = open;
    open = null;
    panel.hidden = true;
    panel.replaceChildren();
    delete panel.dataset.wdSources;
    for (const node of openers(index)) node.setAttribute("aria-expanded", "false");
    if (focus) openers(index)[0]?.focus({ preventScroll: true });
  };

  const show = (index) => {
    const shown = context();
    if (!shown) return;
    close();
    open = index;
    panel.replaceChildren(renderSourceDetail(panel.ownerDocument, shown.result, shown.left, shown.right, index, { labels: shown.labels }));
    panel.dataset.wdSources = String(index);
    panel.hidden = false;
    for (const node of openers(index)) node.setAttribute("aria-expanded", "true");
  };

  const toggle = (opener) => {
    const index = Number(opener.dataset.wdSources);
    if (open === index) close();
    else show(index);
  };

  view.addEventListener("click", (event) => {
    if (!event.target.closest || event.target.closest("a")) return;
    // a sentence that goes on after a line break: its later pieces open it too
    const piece = event.target.closest("[data-wd-sent]");
    const opener = event.target.closest("[data-wd-sources]") ?? (piece && view.querySelector(`[data-wd-sent="${piece.dataset.wdSent}"][data-wd-sources]`));
    if (opener && view.contains(opener)) toggle(opener);
  });
  const onKey = (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "Escape" && open != null) {
      event.preventDefault();
      close({ focus: true });
      return;
    }
    const opener = event.target;
    if ((event.key === "Enter" || event.key === " ") && opener.dataset?.wdSources != null && opener.getAttribute("role") === "button") {
      event.preventDefault(); // Space would scroll
      toggle(opener);
    }
  };
  view.addEventListener("keydown", onKey);
  panel.addEventListener("keydown", onKey);

  return {
    close,
    get open() {
      return open;
    },
  };
}
