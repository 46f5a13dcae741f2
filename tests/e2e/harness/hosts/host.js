// Host-page script of widgets.html / hostile.html: loads the widget and feeds
// one widget by property. With ?no-widget it loads nothing (the baseline the
// tests compare the host page's own elements against).
if (!new URLSearchParams(location.search).has("no-widget")) {
  await import("/wire-diff-define.js");
  const widget = document.getElementById("by-property");
  widget.source = "The workers JEERED \u201cLukashenko\u201d at the plant on Monday.";
  widget.compare = 'Workers jeered "Lukashenko" at the tractor plant on Monday, witnesses said.';
  widget.options = { ignoreCase: true };
}
