// Word (.docx) and OpenDocument (.odt) files read in the browser, never
// uploaded: the text as a reader of the final story sees it, paragraph by
// paragraph (headings are paragraphs too), with tracked changes taken as
// accepted (insertions kept, deletions left out) and footnotes, endnotes,
// comments and hidden text left out, and a note that says what was done.
// The one XML part that holds the text is inflated (zip.js, at most `cap`
// bytes) and parsed by DOMParser as XML, which loads and runs nothing, a
// piece at a time so that a long document never holds the page up.
import { megabytes, readText } from "./intake.js";
import { inflateCap } from "./inflate.js";
import { entries, part } from "./zip.js";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"; // Word's "Strict Open XML Document"
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
const SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";

const FORMATS = {
  docx: { file: "a Word file", part: "word/document.xml", app: "Word" },
  odt: { file: "an OpenDocument file", part: "content.xml", app: "LibreOffice Writer (or Word)" },
};

/** What a paragraph holds on the way: its text, and counts of what was left out or taken as accepted. */
class Collector {
  paragraphs = [];
  line = "";
  collapsed = false; // the line ends in a space that ODF's white space rule made, which a next one joins
  counts = { insertions: 0, deletions: 0, footnotes: 0, endnotes: 0, comments: 0, hidden: 0 };

  end() {
    const text = this.line.trim();
    if (text) this.paragraphs.push(text);
    this.line = "";
    this.collapsed = false;
  }

  get text() {
    this.end();
    return this.paragraphs.join("\n\n");
  }
}

// Word elements that hold no text a reader sees: properties (formatting, and the
// record of formatting changes), field codes, and the marks of notes and
// comments (their text is in other parts, never read).
const WORD_SKIP = new Set(["pPr", "rPr", "sectPr", "tblPr", "tblGrid", "trPr", "tcPr", "sdtPr", "sdtEndPr", "instrText", "delInstrText", "delText", "footnoteRef", "endnoteRef", "annotationRef", "separator", "continuationSeparator"]);

const on = (el, w) => !["0", "false", "off"].includes(el.getAttributeNS(w, "val") ?? "");
function child(el, ns, name) {
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && c.localName === name && c.namespaceURI === ns) return c;
  return null;
}

/** A run formatted as hidden (w:vanish), which Word neither shows nor prints. */
function hiddenRun(run, w) {
  const props = child(run, w, "rPr");
  const vanish = props && child(props, w, "vanish");
  return Boolean(vanish && on(vanish, w));
}

/** A paragraph whose mark was deleted: accepted, it runs on into the next one. */
function markDeleted(p, w) {
  const mark = child(p, w, "pPr");
  const props = mark && child(mark, w, "rPr");
  return Boolean(props && child(props, w, "del"));
}

/** Word's text under `node`, `w` the namespace of its elements (transitional or strict). */
function walkWord(node, out, w) {
  for (let el = node.firstChild; el; el = el.nextSibling) {
    if (el.nodeType !== 1) continue;
    if (el.namespaceURI === MC && el.localName === "Fallback") continue; // the same content as its Choice, for older readers
    if (el.namespaceURI !== w) {
      walkWord(el, out, w);
      continue;
    }
    switch (el.localName) {
      case "p":
        walkWord(el, out, w);
        if (markDeleted(el, w)) {
          out.counts.deletions++;
          out.line += " ";
        } else out.end();
        break;
      case "t":
        out.line += el.textContent;
        break;
      case "tab":
      case "ptab":
        out.line += "\t";
        break;
      case "br":
      case "cr":
        out.line += "\n";
        break;
      case "noBreakHyphen":
        out.line += "\u2011";
        break;
      case "del":
      case "moveFrom":
        out.counts.deletions++;
        break;
      case "ins":
      case "moveTo":
        out.counts.insertions++;
        walkWord(el, out, w);
        break;
      case "footnoteReference":
        out.counts.footnotes++;
        break;
      case "endnoteReference":
        out.counts.endnotes++;
        break;
      case "commentReference":
        out.counts.comments++;
        break;
      case "r":
        if (hiddenRun(el, w)) out.counts.hidden++;
        else walkWord(el, out, w);
        break;
      default:
        if (!WORD_SKIP.has(el.localName)) walkWord(el, out, w);
    }
  }
}

/**
 * ODF text collapses white space as HTML does (ODF 1.3, 6.1.2), except what
 * its own elements give: text:s (spaces), text:tab, text:line-break.
 */
function walkOdf(node, out, inParagraph) {
  for (let el = node.firstChild; el; el = el.nextSibling) {
    if (el.nodeType === 3) {
      if (!inParagraph) continue;
      let text = el.data.replace(/[ \t\r\n]+/g, " ");
      if (text.startsWith(" ") && (out.line === "" || out.collapsed)) text = text.slice(1);
      if (text) out.collapsed = text.endsWith(" ");
      out.line += text;
      continue;
    }
    if (el.nodeType !== 1) continue;
    const ns = el.namespaceURI;
    const name = el.localName;
    if (ns === ODF_TEXT) {
      if (name === "p" || name === "h") {
        walkOdf(el, out, true);
        out.end();
      } else if (name === "s" || name === "tab" || name === "line-break") {
        out.collapsed = name === "line-break"; // a line starts as a paragraph does, without white space
        out.line += name === "tab" ? "\t" : name === "line-break" ? "\n" : " ".repeat(Math.min(1000, Math.max(1, Number.parseInt(el.getAttributeNS(ODF_TEXT, "c"), 10) || 1)));
      } else if (name === "note") {
        out.counts[el.getAttributeNS(ODF_TEXT, "note-class") === "endnote" ? "endnotes" : "footnotes"]++;
      } else if (name === "tracked-changes") {
        // the record of changes, deleted text included; inserted text stands in the body
        for (const region of el.getElementsByTagNameNS(ODF_TEXT, "changed-region")) {
          if (region.getElementsByTagNameNS(ODF_TEXT, "insertion").length) out.counts.insertions++;
          if (region.getElementsByTagNameNS(ODF_TEXT, "deletion").length) out.counts.deletions++;
        }
      } else {
        walkOdf(el, out, inParagraph);
      }
    } else if (ns === ODF_OFFICE && name === "annotation") {
      out.counts.comments++;
    } else if (!(ns === SVG && (name === "title" || name === "desc"))) {
      walkOdf(el, out, inParagraph);
    }
  }
}

const plural = (n, one) => `${n} ${one}${n === 1 ? "" : "s"}`;
const list = (items) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

/** The note a version read from a document carries: what was done to its text. */
export function documentNote(format, counts) {
  const done = [];
  if (counts.insertions || counts.deletions) done.push("tracked changes taken as accepted (insertions kept, deletions left out)");
  const left = [];
  if (counts.footnotes) left.push(plural(counts.footnotes, "footnote"));
  if (counts.endnotes) left.push(plural(counts.endnotes, "endnote"));
  if (counts.comments) left.push(plural(counts.comments, "comment"));
  if (counts.hidden) left.push("hidden text");
  if (left.length) done.push(`${list(left)} left out`);
  return `Read from ${FORMATS[format].file}, paragraph by paragraph${done.length ? `: ${done.join("; ")}` : ""}.`;
}

// Where the text is: the elements from the root down to the one whose children are the paragraphs.
const CONTAINER = { docx: ["document", "body"], odt: ["document-content", "body", "text"] };
// A start or end tag (its name, and whether it closes itself), else a comment, CDATA or processing instruction.
// No `<` inside a tag or its quoted values (XML allows none): each try ends at the next `<`, so a scan is linear.
const TAG = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([\w.:-]+)(?:[^<>"']|"[^<"]*"|'[^<']*')*?(\/?)>/g;
/** What DOMParser reads in one step: all of a story, a long document in many steps. */
const PIECE_CHARS = 64_000;

/**
 * `xml` in pieces of about `size` characters, each a document of its own:
 * runs of whole children of the text's container, inside copies of the
 * start tags above them (which declare the namespaces). DOMParser takes a
 * whole document in one step, and a step of megabytes would hold the page up
 * for seconds: pieces let it have a turn between two. XML whose container is
 * not found is one piece, for the parser to judge.
 */
function* pieces(format, xml, size) {
  const path = CONTAINER[format];
  const open = []; // [qualified name, start tag] of the elements open, down to the container
  let depth = -1; // the container's, once found
  let from = 0;
  let head = "";
  let tail = "";
  TAG.lastIndex = 0;
  for (let m; (m = TAG.exec(xml)); ) {
    const [tag, close, name, selfClosing] = m;
    if (!name) continue;
    if (depth < 0) {
      if (close) open.pop();
      else if (!selfClosing) open.push([name, tag]);
      if (open.length === path.length && open.every(([n], i) => n.slice(n.indexOf(":") + 1) === path[i])) {
        depth = open.length;
        head = open.map(([, t]) => t).join("");
        tail = open.map(([n]) => `</${n}>`).reverse().join("");
        from = TAG.lastIndex;
      }
      continue;
    }
    if (close && open.length === depth) {
      yield head + xml.slice(from, m.index) + tail; // the container's end
      return;
    }
    if (close) open.pop();
    else if (!selfClosing) open.push([name]);
    if (open.length === depth && TAG.lastIndex - from >= size) {
      yield head + xml.slice(from, TAG.lastIndex) + tail;
      from = TAG.lastIndex;
    }
  }
  yield depth < 0 ? xml : head + xml.slice(from) + tail; // cut short: the parser will say so
}

/**
 * `xml`'s text as `format` ("docx" or "odt") holds it: `{ text, counts }`;
 * null when `xml` is not that format's XML. Parsed a piece at a time
 * (pieces()), with a turn for the page between two.
 */
export async function documentText(format, xml, parser = new DOMParser(), pieceChars = PIECE_CHARS) {
  if (/<!DOCTYPE/i.test(xml.slice(0, xml.search(/<[A-Za-z_]/)))) return null; // no document part declares one; entity tricks would
  const out = new Collector();
  let turn = false;
  for (const piece of pieces(format, xml, pieceChars)) {
    if (turn) await new Promise((resolve) => setTimeout(resolve, 0));
    turn = true;
    let doc;
    try {
      doc = parser.parseFromString(piece, "application/xml");
    } catch {
      return null; // a parser that throws rather than returning an error document
    }
    if (doc.getElementsByTagNameNS("*", "parsererror").length) return null;
    const root = format === "docx" ? (doc.getElementsByTagNameNS(W, "body")[0] ?? doc.getElementsByTagNameNS(W_STRICT, "body")[0]) : doc.getElementsByTagNameNS(ODF_OFFICE, "text")[0];
    if (!root) return null;
    try {
      if (format === "docx") walkWord(root, out, root.namespaceURI);
      else walkOdf(root, out, false);
    } catch {
      return null; // elements nested past the call stack's depth: no editor's document is
    }
  }
  return { text: out.text, counts: out.counts };
}

/**
 * Reads a Word or OpenDocument file's bytes (`what` is how intake.js's
 * sniff() named it): `{ text, note }`. No part is inflated past
 * inflateCap(`maxBytes`), `maxBytes` being the largest text. Rejects with a
 * message for a person, naming the file `name`.
 */
export async function readDocument(name, bytes, what, maxBytes, parser = new DOMParser()) {
  const cap = inflateCap(maxBytes);
  const format = /OpenDocument/.test(what) ? "odt" : "docx";
  const { part: path, app } = FORMATS[format];
  const again = `Open it in ${app} and save it again, or copy its text in.`;
  let found;
  try {
    found = entries(bytes);
  } catch (error) {
    throw new Error(error.reason === "too large" ? `${name} is too large to read here (${error.message}): copy its text in.` : `${name} is damaged: ${error.message}. ${again}`, { cause: error });
  }
  const entry = found.get(path);
  if (!entry) throw new Error(`${name} has no document text (its ${path} is missing): it is damaged or is not ${what}. ${again}`);
  if (format === "odt") {
    const manifest = found.get("META-INF/manifest.xml");
    const listed = manifest && (await part(bytes, manifest, cap).catch(() => null));
    if (listed && /encryption-data/.test(readText(listed).text)) throw new Error(passwordProtected(name, "OpenDocument file", app));
  }
  let xml;
  try {
    xml = await part(bytes, entry, cap);
  } catch (error) {
    if (error.reason === "too large")
      throw new Error(`${name} unpacks to more than ${megabytes(cap)} (twice the largest text, under Limits), so it was not read: it may be built to overwhelm a reader. Copy its text in, or raise “Largest text” under Limits.`, { cause: error });
    if (error.reason === "encrypted") throw new Error(passwordProtected(name, format === "odt" ? "OpenDocument file" : "Word document", app), { cause: error });
    throw new Error(`${name} is damaged: ${error.message}. ${again}`, { cause: error });
  }
  const read = await documentText(format, readText(xml).text, parser);
  if (!read) throw new Error(`${name} is damaged: its ${path} is not valid XML of ${what}. ${again}`);
  if (!read.text) throw new Error(`${name} holds no text: its paragraphs are empty.`);
  return { text: read.text, note: documentNote(format, read.counts) };
}

/** `name` is a `kind` ("Word document") encrypted with a password, which `app` can remove. */
const passwordProtected = (name, kind, app) =>
  `${name} is a password-protected ${kind}: its text cannot be read without the password. Open it in ${app}, remove the password, save it and open it again, or copy its text in.`;

/**
 * Why an OLE compound file (older Office files, and an Office file of any age
 * encrypted with a password) cannot be read, by the names of its streams,
 * which its directory holds in UTF-16LE; null when it is neither of those.
 */
export function compoundFileRefusal(name, bytes) {
  const streams = new TextDecoder("utf-16le").decode(bytes.subarray(0, bytes.length & ~1));
  if (streams.includes("EncryptedPackage")) {
    const word = /\.doc[xm]?$/i.test(name);
    return passwordProtected(name, word ? "Word document" : "Office document", word ? "Word" : "the program that made it");
  }
  if (streams.includes("WordDocument")) return `${name} is an older Word document (.doc), which cannot be read here: open it in Word and save it as .docx (Word Document), then open that; or copy its text in.`;
  return null;
}
