// Exports, with no server: a self-contained HTML report (the stylesheet
// inlined, no script, and a CSP that would refuse one anyway) and the engine's
// result as JSON. The report is a DOM document built with the shared
// renderers (article text only as text nodes) and serialized by the browser's
// HTML serializer, which escapes text (&, <, >); XMLSerializer would also
// escape the CSS and break it in an .html file. The stylesheet (ours, never
// article text) is put in a slot after serializing.
//
//   buildReport(doc, { result, left, right, labels, options, css, date }) → Promise<string> (a whole HTML file);
//     `options` the options in force, in the page's words ("unify quotes")
//   resultJson(result) → string
//   download(doc, name, type, content)   saves through a temporary <a download>
// The redline is serialized a chunk at a time, yielding to the page.
import { marksIn, renderMarksLegend } from "./render/legend.js";
import { redlineChunks } from "./render/redline.js";
import { isolated, isolatedText } from "./render/flow.js";
import { renderFacts, renderSummary } from "./render/summary.js";

const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const STYLE_SLOT = "wirediff-stylesheet";
const REDLINE_SLOT = "wirediff-redline";
const SLICE_MS = 8;

function add(doc, parent, tag, text, className) {
  const node = doc.createElement(tag);
  if (text != null) node.textContent = text;
  if (className) node.className = className;
  parent.append(node);
  return node;
}

/** Buttons and focus stops make no sense on paper or in a file: plain elements instead. */
function inert(doc, root) {
  for (const button of root.querySelectorAll("button")) {
    const span = doc.createElement("span");
    span.className = button.className;
    span.append(...button.childNodes);
    button.replaceWith(span);
  }
  for (const node of root.querySelectorAll("[tabindex]")) node.removeAttribute("tabindex");
  return root;
}

export async function buildReport(doc, { result, left, right, labels, options, css, date = new Date(), hideBoilerplate = false }) {
  const report = doc.implementation.createHTMLDocument(`wirediff: ${isolatedText(labels.right)} compared with ${isolatedText(labels.left)}`);
  const head = report.head;
  const charset = report.createElement("meta");
  charset.setAttribute("charset", "utf-8");
  head.prepend(charset);
  const csp = report.createElement("meta");
  csp.httpEquiv = "Content-Security-Policy";
  csp.content = REPORT_CSP;
  head.append(csp);
  const viewport = report.createElement("meta");
  viewport.name = "viewport";
  viewport.content = "width=device-width, initial-scale=1";
  head.append(viewport);
  // The stylesheet goes in after serializing: a <style> built in a document
  // made here would be checked against the page's CSP (and reported), and it
  // is our own CSS, not article text.
  head.append(report.createComment(STYLE_SLOT));
  report.documentElement.lang = "en";
  report.body.className = "wd-report";

  const header = add(report, report.body, "header", null, "wd-report-head");
  const label = (side) => isolated(report, labels[side], "wd-label");
  add(report, header, "h1").append(label("right"), " compared with ", label("left"));
  add(report, header, "p").append(
    "Source: ", label("left"), ". Comparison: ", label("right"),
    `. Compared with wirediff on ${date.toISOString().slice(0, 10)}; options: ${options.length ? options.join(", ") : "none"}.${result.approximate ? " The engine ran out of time: the comparison is coarser than usual." : ""}`,
  );

  const summary = renderSummary(report, result, { labels });
  if (summary) {
    const section = add(report, report.body, "section", null, "wd-report-summary");
    add(report, section, "h2", "Summary");
    section.append(summary);
  }
  const facts = renderFacts(report, result);
  if (facts) {
    const section = add(report, report.body, "section", null, "wd-report-facts");
    add(report, section, "h2", "Facts that changed");
    section.append(inert(report, facts));
  }
  const section = add(report, report.body, "section", null, "wd-report-redline");
  add(report, section, "h2", "Redline");
  const legend = add(report, section, "div");
  const view = add(report, section, "div", null, "wd-view wd-redline");
  view.append(report.createComment(REDLINE_SLOT));
  const redline = [];
  const found = new Set();
  let slice = performance.now();
  for (const chunk of redlineChunks(report, result, left, right, { hideBoilerplate, idPrefix: "wd-", labels })) {
    marksIn(chunk, "redline", found);
    redline.push(inert(report, chunk).outerHTML);
    if (performance.now() - slice > SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      slice = performance.now();
    }
  }
  legend.append(inert(report, renderMarksLegend(report, "redline", found, result)));
  const html = report.documentElement.outerHTML
    .replace(`<!--${STYLE_SLOT}-->`, () => `<style>\n${css.replace(/<\/style/gi, "<\\/style")}</style>`)
    .replace(`<!--${REDLINE_SLOT}-->`, () => redline.join(""));
  return `<!doctype html>\n${html}\n`;
}

export function resultJson(result) {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/** A file name from labels: letters, digits and dashes only. */
export function fileName(labels, ext) {
  const part = (s) => s.normalize("NFKD").replace(/[^\w]+/g, "-").replace(/^-|-$/g, "").slice(0, 40).toLowerCase() || "text";
  return `wirediff-${part(labels.left)}-vs-${part(labels.right)}.${ext}`;
}

export function download(doc, name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
