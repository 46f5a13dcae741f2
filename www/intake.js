// Checks before a comparison, for the page and the widget: bytes that are not
// text are refused by what they are; bytes that are not UTF-8 are read in the
// charset their server declared, else as Windows-1252 (what wire and CMS
// exports then usually are), and the caller says so; sizes in the engine's MB
// (10^6 bytes of UTF-8).

export const MB = 1_000_000;

/** What a text that is not UTF-8 may be read as; the first is the guess. */
export const ENCODINGS = {
  "windows-1252": "Windows-1252 (Western European)",
  "iso-8859-2": "ISO-8859-2 (Central European)",
  "windows-1251": "Windows-1251 (Cyrillic)",
  "utf-8": "UTF-8, with � for each unreadable byte",
};

// [what, offset, first bytes, a document to save as text?]
const SIGNATURES = [
  ["a PNG image", 0, "\x89PNG"],
  ["a JPEG image", 0, "\xFF\xD8\xFF"],
  ["a GIF image", 0, "GIF8"],
  ["a PDF document", 0, "%PDF-", 1],
  ["an RTF document", 0, "{\\rtf", 1],
  ["a Microsoft Office document", 0, "\xD0\xCF\x11\xE0", 1],
];
// ZIP entry names that tell a document
const ZIPPED = [
  ["word/", "a Word document"],
  ["xl/", "an Excel workbook"],
  ["ppt/", "a PowerPoint presentation"],
  ["opendocument.text", "an OpenDocument text"],
];

const startsWith = (bytes, signature, offset = 0) => [...signature].every((c, i) => bytes[offset + i] === c.charCodeAt(0));

const utf16 = (bytes) => (startsWith(bytes, "\xFF\xFE") ? "utf-16le" : startsWith(bytes, "\xFE\xFF") ? "utf-16be" : null);

/** null for text, else `{ what, document }`, `what` null for binary data of no known kind. */
export function sniff(bytes) {
  for (const [what, offset, signature, document] of SIGNATURES) {
    if (startsWith(bytes, signature, offset)) return { what, document: Boolean(document) };
  }
  if (startsWith(bytes, "PK\x03\x04")) {
    // entry names are in their headers, and in the directory at the end
    const latin = new TextDecoder("windows-1252");
    const names = latin.decode(bytes.subarray(0, 65_536)) + latin.decode(bytes.subarray(-65_536));
    const found = ZIPPED.find(([name]) => names.includes(name));
    return found ? { what: found[1], document: true } : { what: "a ZIP archive", document: false };
  }
  if (utf16(bytes)) return null;
  // Text has no NUL and next to no control characters; random bytes, one in nine.
  const sample = bytes.subarray(0, 65_536);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return { what: null, document: false };
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) control++;
  }
  return control * 50 > sample.length ? { what: null, document: false } : null;
}

export const notText = (kind) => (kind.what ? `is ${kind.what}, not text` : "is not text (it holds binary data)");

export const decode = (bytes, encoding) => new TextDecoder(encoding).decode(bytes);

/**
 * `{ text, encoding, guessed }`: UTF-16 by its byte-order mark, else UTF-8,
 * else `declared` (the charset a server named, as `charsetOf` gives it),
 * else Windows-1252, guessed. Valid UTF-8 wins over a declared charset:
 * servers that label every text ISO-8859-1 are common, and UTF-8 with
 * accents is next to never valid by accident.
 */
export function readText(bytes, declared = null) {
  const bom = utf16(bytes);
  if (bom) return { text: decode(bytes, bom), encoding: bom, guessed: false };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8", guessed: false };
  } catch {
    if (declared && declared !== "utf-8") return { text: decode(bytes, declared), encoding: declared, guessed: false };
    return { text: decode(bytes, "windows-1252"), encoding: "windows-1252", guessed: true };
  }
}

/** The encoding a Content-Type header's charset names (`TextDecoder`'s name for it), or null. */
export function charsetOf(contentType) {
  const label = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? "")?.[1];
  if (!label) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null; // a label no browser knows: as if none were given
  }
}

/** "1.3 MB", rounded as the engine rounds. */
export function megabytes(bytes) {
  const tenths = Math.floor((bytes + 50_000) / 100_000);
  return `${Math.floor(tenths / 10)}.${tenths % 10} MB`;
}

/** The whole MB a limit must be for `bytes` to pass. */
export const neededMb = (bytes) => Math.ceil(bytes / MB);

const SLICE = 1 << 19;

/**
 * `text`'s UTF-8 size when above `limit`, else 0. A code unit is 1 to 3
 * bytes, so most texts need no counting; the rest is counted a slice per
 * task, as megabytes at once would hold up the page.
 */
export async function bytesOver(text, limit) {
  if (text.length * 3 <= limit) return 0;
  let bytes = text.length;
  for (let from = 0; from < text.length; from += SLICE) {
    if (from) await new Promise((resolve) => setTimeout(resolve, 0));
    const part = text.slice(from, from + SLICE);
    if (!/[^\0-\x7f]/.test(part)) continue;
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      if (c >= 0x80) bytes += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1; // a surrogate pair: 2 + 2
    }
  }
  return bytes > limit ? bytes : 0;
}

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `{ text, notice }`: `text` with U+FFFD in place of each lone UTF-16
 * surrogate (half of a pair, which no encoding can hold), and a notice that
 * says so, naming the text as `where` does ("The right text"), or null. Both
 * are one code unit: offsets into either are the same.
 */
export function wellFormed(text, where) {
  if (text.isWellFormed()) return { text, notice: null };
  const count = text.match(LONE).length;
  const what = count === 1 ? "a lone UTF-16 surrogate (half of a character pair)" : `${count.toLocaleString("en")} lone UTF-16 surrogates (halves of character pairs)`;
  return {
    text: text.toWellFormed(),
    notice: `${where} holds ${what}: compared and shown as U+FFFD (\uFFFD) in ${count === 1 ? "its place" : "their places"}.`,
  };
}

/** Why `text` has nothing to compare, or null. */
export const blank = (text) => (text === "" ? "is empty" : /\S/.test(text) ? null : "holds only spaces and line breaks");
