// The views, named as the widget's public `view` attribute names them, for
// the page and the widget alike. Each draws with a pure renderer in its
// progressive form, `(document, result, left, right, opts) → chunks`, which
// `renderer()` gives: the redline renderer comes with the page (it opens on
// the redline), the side-by-side and provenance ones are loaded when their
// view is first shown.
import { PROVENANCE_LABELS, renderMarksLegend } from "./render/legend.js";
import { redlineChunks } from "./render/redline.js";
import { hasProvenance } from "./render/sources.js";

export const VIEWS = {
  redline: { title: "Redline", className: "wd-redline", renderer: async () => redlineChunks },
  "side-by-side": { title: "Side by side", className: "wd-sbs", renderer: async () => (await import("./render/sidebyside.js")).sideBySideChunks },
  provenance: {
    title: "Provenance",
    className: "wd-provenance",
    renderer: async () => (await import("./render/provenance.js")).provenanceChunks,
    // every label, drawn or not (the widget shows it before its view is drawn), and the moves' frame if any
    legend: (doc, result) => renderMarksLegend(doc, "provenance", new Set([...PROVENANCE_LABELS, ...(result.moves?.length ? ["move"] : [])]), result),
    needs: hasProvenance,
  },
};

/** Names the page once wrote in links and in storage: such links still open in their view. */
const FORMER = { sbs: "side-by-side" };

/** The view `name` is (an own key of VIEWS: "constructor" is none), or null; `former` also reads FORMER names. */
export function viewNamed(name, { former = false } = {}) {
  const id = former && Object.hasOwn(FORMER, name) ? FORMER[name] : name;
  return Object.hasOwn(VIEWS, id) ? id : null;
}
