// Opening files: any text file as it is, .docx and .odt by documents.js
// (loaded only then), .html reduced to its visible text by an inert parser
// (DOMParser builds a document that runs no script, loads no image and
// applies no style; see defuse() for what is taken out before).
// Files that are not text are refused, and encodings guessed, by intake.js.
// Nothing here touches the page.
import { decode, notText, readText, sniff } from "./intake.js";

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

/** The name without its extension, as a label. */
export function labelFromName(name) {
  return name.replace(/\.[a-z0-9]+$/i, "") || name;
}

/** What sniff() names a file that is read as a document (documents.js), not refused; and an OLE compound file, which documents.js tells apart. */
const DOCUMENTS = new Set(["a Word document", "an OpenDocument text"]);
const OFFICE = "a Microsoft Office document";

/**
 * Reads a File: `{ text, source, note }`, `source` the file to read again in
 * another encoding (sourceText) when it was not UTF-8, `note` what was done
 * to read a Word or OpenDocument file (`maxBytes`, the largest text, bounds
 * how far its parts are inflated), else null. Rejects with a message for a person.
 */
export async function readFile(file, { maxBytes }) {
  const bytes = new Uint8Array(await file.arrayBuffer().catch(() => Promise.reject(new Error(`${file.name} could not be read: open it again.`))));
  const kind = sniff(bytes);
  if (kind && DOCUMENTS.has(kind.what)) {
    const { readDocument } = await import("./documents.js"); // only when a document is opened: most editors never need it
    const { text, note } = await readDocument(file.name, bytes, kind.what, maxBytes);
    return { text, source: null, note };
  }
  if (kind?.what === OFFICE) {
    const { compoundFileRefusal } = await import("./documents.js"); // an encrypted .docx or an old .doc, most likely
    const refusal = compoundFileRefusal(file.name, bytes);
    if (refusal) throw new Error(refusal);
  }
  if (kind) {
    const todo = kind.document ? "save it as .txt or copy its text in" : "open the story as a .txt, .md or .html file, or paste its text in";
    throw new Error(`${file.name} ${notText(kind)}: ${todo}.`);
  }
  const { text, encoding, guessed } = readText(bytes);
  const html = /\.html?$/i.test(file.name);
  return { text: html ? htmlToText(text) : text, source: guessed ? { name: file.name, bytes, html, encoding } : null, note: null };
}

/** A guessed file's text read again as `source.encoding`. */
export function sourceText(source) {
  const text = decode(source.bytes, source.encoding);
  return source.html ? htmlToText(text) : text;
}
