// The credit check in words: what became of each news agency's credit in the
// source (kept, removed, replaced by the outlet's own dateline) and the
// credits the outlet added. Shared by the page's summary and facts list and
// by the widget's status line. Pure: strings in, strings out.
//
//   creditStatus(credit)   → "AP kept", "AP replaced by the outlet's dateline", …
//   creditWords(credits)   → one line for all of them, or "no agency credit in the source"

const STATUS = {
  kept: "kept",
  removed: "removed",
  replaced: "replaced by the outlet's dateline",
  added: "added by the outlet",
};

/** What became of one credit: "AP removed". */
export const creditStatus = (credit) => `${credit.agency} ${STATUS[credit.status] ?? credit.status}`;

/** In brief, for the scorecard: "AP replaced, AP removed" (creditWords in full). */
export const creditsBrief = (credits) => (Array.isArray(credits) ? (credits.length ? credits.map((c) => `${c.agency} ${c.status}`).join(", ") : "none in the source") : null);

/** What became of every credit: "AP replaced by the outlet's dateline, AP removed". */
export function creditWords(credits) {
  if (!Array.isArray(credits)) return null;
  return credits.length ? credits.map(creditStatus).join(", ") : "no agency credit in the source";
}
