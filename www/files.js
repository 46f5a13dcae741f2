// Opening files: .txt and .md as they are, .html reduced to its visible text
// by an inert parser (DOMParser builds a document that runs no script, loads
// no image and applies no style; see defuse() for what is taken out before).
// Nothing here touches the page.

export const ACCEPT = ".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html";
const KINDS = { txt: "text", text: "text", md: "text", markdown: "text", html: "html", htm: "html" };
/** Files larger than this are refused before reading (the engine's own limit is higher). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

const DROP = "script, style, wd-script, wd-style, noscript, template, iframe, object, embed, svg, math, canvas, head, [hidden], [aria-hidden='true']";
const BLOCK = new Set(
  "address article aside blockquote dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody thead tfoot tr ul".split(" "),
);

/**
 * Before parsing: scripts and style sheets out (each ends at its first end
 * tag, as in HTML), and inline event handlers and style attributes renamed.
 * DOMParser never runs or applies them anyway, but Chromium still reports the
 * page's CSP refusing them; renamed, nothing is even attempted.
 */
function defuse(html) {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<(\/?)(script|style)\b/gi, "<$1wd-$2")
    .replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/(\s)(on[a-z]+|style)(\s*=)/gi, "$1data-wd-$2$3"));
}

/** The visible text of an HTML document: paragraphs apart by a blank line, whitespace as a reader sees it. */
export function htmlToText(html, parser = new DOMParser()) {
  const doc = parser.parseFromString(defuse(html), "text/html");
  for (const node of doc.querySelectorAll(DROP)) node.remove();
  for (const node of doc.querySelectorAll("[data-wd-style]")) {
    if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(node.getAttribute("data-wd-style"))) node.remove();
  }
  const out = [];
  let line = "";
  const endLine = (blank) => {
    const text = line.replace(/[ \t]+/g, " ").trim();
    if (text) out.push(text);
    if (blank && out.length && out[out.length - 1] !== "") out.push("");
    line = "";
  };
  const walk = (node, pre) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        line += pre ? child.data : child.data.replace(/\s+/g, " ");
      } else if (child.nodeType === 1) {
        const tag = child.localName;
        if (tag === "br") {
          endLine(false);
        } else if (tag === "td" || tag === "th") {
          walk(child, pre);
          line += " ";
        } else if (BLOCK.has(tag)) {
          endLine(true);
          walk(child, pre || tag === "pre");
          endLine(true);
        } else if (tag === "img") {
          const alt = child.getAttribute("alt");
          if (alt) line += alt;
        } else {
          walk(child, pre);
        }
      }
    }
  };
  walk(doc.body ?? doc.documentElement, false);
  endLine(false);
  while (out.length && out[out.length - 1] === "") out.pop();
  return out.join("\n");
}

/** What kind of file this is by its name: "text", "html", or null when wirediff cannot read it. */
export function fileKind(name) {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return KINDS[ext] ?? null;
}

/** The name without its extension, as a label. */
export function labelFromName(name) {
  return name.replace(/\.[a-z0-9]+$/i, "") || name;
}

/** Reads a File as the text to compare; rejects with a message meant for a person. */
export async function readFile(file) {
  const kind = fileKind(file.name);
  if (!kind) throw new Error(`${file.name} is not a .txt, .md or .html file.`);
  if (file.size > MAX_FILE_BYTES) throw new Error(`${file.name} is ${(file.size / 1048576).toFixed(1)} MB; wirediff opens files up to ${MAX_FILE_BYTES / 1048576} MB.`);
  const raw = await file.text();
  if (raw.includes("\u0000")) throw new Error(`${file.name} is not a text file.`);
  const text = raw.replace(/^\uFEFF/, "");
  return kind === "html" ? htmlToText(text) : text;
}
