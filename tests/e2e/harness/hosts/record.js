// Host-page helper for the widget tests: records every widget event in
// window.__wd (they bubble and are composed, so the document sees them).
window.__wd = { rendered: [], errors: [] };
document.addEventListener("wirediff-rendered", (e) =>
  window.__wd.rendered.push({ id: e.target.id, changes: e.detail.changes, verdict: e.detail.verdict, view: e.detail.view }),
);
document.addEventListener("wirediff-error", (e) => window.__wd.errors.push({ id: e.target.id, message: e.detail.message }));
