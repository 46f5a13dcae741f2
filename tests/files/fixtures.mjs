// Word and OpenDocument files for the tests, made here byte for byte the
// same each time (no clock, no randomness): a .docx and an .odt holding the
// same story with a heading, a footnote, a comment, hidden text, a tab, a
// line break and tracked changes (an insertion, a deletion); and hostile
// ones: a ZIP bomb, a .docx without its document part, one cut short, one
// whose text cannot be inflated, a password-protected .docx (an OLE compound
// file, not a ZIP), an old binary .doc and a password-protected .odt.
// Each is what the tests open; `node tests/files/fixtures.mjs DIR` also
// writes them to DIR, to open them by hand in the page, Word or LibreOffice.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { zip } from "../../scripts/zip-write.mjs";

export { zip };

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const DOCX_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>`;
const DOCX_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>`;

const rev = (id) => `w:id="${id}" w:author="Desk" w:date="2020-08-17T10:00:00Z"`;

/** The story's word/document.xml, as Word writes one (a heading style, runs, revisions, a table, a text box with its fallback). */
export const DOCUMENT_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W_NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps">
  <w:body>
    <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Workers heckle Lukashenko at tractor plant</w:t></w:r></w:p>
    <w:p>
      <w:r><w:t xml:space="preserve">MINSK, Belarus (AP) — Workers </w:t></w:r>
      <w:ins ${rev(1)}><w:r><w:t xml:space="preserve">loudly </w:t></w:r></w:ins>
      <w:del ${rev(2)}><w:r><w:delText xml:space="preserve">politely </w:delText></w:r></w:del>
      <w:r><w:t>jeered the president</w:t></w:r>
      <w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>
      <w:r><w:t xml:space="preserve"> at the MZKT plant.</w:t></w:r>
      <w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> Hidden editor's aside.</w:t></w:r>
    </w:p>
    <w:p>
      <w:commentRangeStart w:id="0"/>
      <w:r><w:t>Strikes spread</w:t></w:r><w:r><w:tab/><w:t>across</w:t><w:br/><w:t>the country.</w:t></w:r>
      <w:commentRangeEnd w:id="0"/>
      <w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>
    </w:p>
    <w:p><w:pPr><w:rPr><w:del ${rev(3)}/></w:rPr></w:pPr><w:r><w:t>Lukashenko said</w:t></w:r></w:p>
    <w:p><w:r><w:t>he would not resign.</w:t></w:r></w:p>
    <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://apnews.com" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Read more at AP News</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
    <w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>Photo: Kompas/AP</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
    <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Text box: strikes in Grodno</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Text box: strikes in Grodno</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
    <w:p/>
    <w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Opposition</w:t></w:r></w:p>
    <w:p><w:r><w:t>Tsikhanouskaya called for talks.</w:t></w:r><w:r><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr><w:endnoteReference w:id="2"/></w:r></w:p>
    <w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>
  </w:body>
</w:document>`;

const FOOTNOTES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes ${W_NS}><w:footnote w:id="1"><w:p><w:r><w:t>Footnote: the plant makes military trucks.</w:t></w:r></w:p></w:footnote></w:footnotes>`;
const COMMENTS_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments ${W_NS}><w:comment w:id="0" w:author="Desk"><w:p><w:r><w:t>Comment: check the figure.</w:t></w:r></w:p></w:comment></w:comments>`;

/** What the page compares for the story in either file. */
export const STORY_TEXT = [
  "Workers heckle Lukashenko at tractor plant",
  "MINSK, Belarus (AP) — Workers loudly jeered the president at the MZKT plant.",
  "Strikes spread\tacross\nthe country.",
  "Lukashenko said he would not resign.",
  "Read more at AP News",
  "Photo: Kompas/AP",
  "Text box: strikes in Grodno",
  "Opposition",
  "Tsikhanouskaya called for talks.",
].join("\n\n");

const docxParts = (document = DOCUMENT_XML) => [
  { name: "[Content_Types].xml", data: DOCX_TYPES },
  { name: "_rels/.rels", data: DOCX_RELS },
  { name: "word/document.xml", data: document },
  { name: "word/_rels/document.xml.rels", data: DOCUMENT_RELS },
  { name: "word/footnotes.xml", data: FOOTNOTES_XML },
  { name: "word/comments.xml", data: COMMENTS_XML },
];

/** The story as a .docx. */
export const storyDocx = () => zip(docxParts());

const ODF = {
  office: "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
  text: "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
  table: "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
  draw: "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
  svg: "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
  dc: "http://purl.org/dc/elements/1.1/",
};
const odfNs = Object.entries(ODF)
  .map(([prefix, uri]) => `xmlns:${prefix}="${uri}"`)
  .join(" ");
const change = (id, kind, body = "") =>
  `<text:changed-region text:id="${id}" xml:id="${id}"><text:${kind}><office:change-info><dc:creator>Desk</dc:creator><dc:date>2020-08-17T10:00:00</dc:date></office:change-info>${body}</text:${kind}></text:changed-region>`;

/** The story's content.xml, as LibreOffice writes one (indented, so its white space must collapse). */
export const CONTENT_XML = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${odfNs} office:version="1.3">
  <office:body>
    <office:text>
      <text:tracked-changes text:track-changes="true">
        ${change("ct1", "insertion")}
        ${change("ct2", "deletion", "<text:p>politely </text:p>")}
      </text:tracked-changes>
      <text:h text:style-name="Heading_20_1" text:outline-level="1">Workers heckle Lukashenko at tractor plant</text:h>
      <text:p text:style-name="Standard">MINSK, Belarus (AP) — Workers <text:change-start text:change-id="ct1"/>loudly <text:change-end text:change-id="ct1"/><text:change text:change-id="ct2"/>jeered
        the   president<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Footnote: the plant makes military trucks.</text:p></text:note-body></text:note> at the MZKT plant.</text:p>
      <text:p><office:annotation><dc:creator>Desk</dc:creator><text:p>Comment: check the figure.</text:p></office:annotation>Strikes spread<text:tab/>across<text:line-break/>the country.</text:p>
      <text:p>Lukashenko said he would not resign.</text:p>
      <text:p><text:a xlink:href="https://apnews.com" xmlns:xlink="http://www.w3.org/1999/xlink">Read more at AP News</text:a></text:p>
      <table:table table:name="Credits"><table:table-column/><table:table-row><table:table-cell><text:p>Photo: Kompas/AP</text:p></table:table-cell></table:table-row></table:table>
      <text:p><draw:frame><draw:text-box><text:p>Text box: strikes in Grodno</text:p></draw:text-box><svg:title>Frame title</svg:title></draw:frame></text:p>
      <text:p/>
      <text:h text:outline-level="2">Opposition</text:h>
      <text:p>Tsikhanouskaya called<text:s/> for talks.<text:note text:id="edn1" text:note-class="endnote"><text:note-citation>i</text:note-citation><text:note-body><text:p>Endnote: she left for Lithuania.</text:p></text:note-body></text:note></text:p>
    </office:text>
  </office:body>
</office:document-content>`;

const MANIFEST = (encrypted) => `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">${
   encrypted
     ? '<manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA"><manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAA"/></manifest:encryption-data>'
     : ""
 }</manifest:file-entry>
</manifest:manifest>`;

const odtParts = (content, encrypted = false) => [
  { name: "mimetype", data: "application/vnd.oasis.opendocument.text", store: true },
  { name: "META-INF/manifest.xml", data: MANIFEST(encrypted) },
  { name: "content.xml", data: content, store: encrypted },
];

/** The story as an .odt. Tsikhanouskaya's "called<text:s/> for" has two spaces, as its text:s says. */
export const storyOdt = () => zip(odtParts(CONTENT_XML));
export const ODT_TEXT = STORY_TEXT.replace("called for", "called  for");

/** A .docx whose word/document.xml inflates to `megabytes` MB of spaces, its headers claiming 2 KB. */
export const bombDocx = (megabytes) => {
  const open = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W_NS}><w:body><w:p><w:r><w:t>`;
  const data = Buffer.alloc(megabytes * 1_000_000, " ");
  data.write(open);
  return zip([{ name: "[Content_Types].xml", data: DOCX_TYPES }, { name: "word/document.xml", data, size: 2048 }]);
};

/** A .docx without word/document.xml (its other parts there). */
export const noDocumentDocx = () => zip(docxParts().filter((p) => p.name !== "word/document.xml"));

/** The story's .docx cut short: its first 60 %, no directory. */
export const truncatedDocx = () => {
  const whole = storyDocx();
  return whole.subarray(0, Math.floor(whole.length * 0.6));
};

/** The story's .docx with its document part's DEFLATE stream garbled (headers and directory intact). */
export const garbledDocx = () => {
  const bytes = Buffer.from(storyDocx());
  const at = bytes.indexOf("word/document.xml") + "word/document.xml".length;
  for (let i = at; i < at + 40; i++) bytes[i] = 0xff;
  return bytes;
};

/**
 * The start of an OLE compound file (what Office writes for an old .doc, and
 * for any .docx encrypted with a password): its header and a directory sector
 * naming `streams`, in UTF-16LE as the format stores them.
 */
export function compoundFile(streams) {
  const header = Buffer.alloc(512);
  Buffer.from("d0cf11e0a1b11ae1", "hex").copy(header);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // sector size 2^9
  const directory = Buffer.alloc(512);
  ["Root Entry", ...streams].slice(0, 4).forEach((name, i) => {
    directory.write(name, i * 128, "utf16le");
    directory.writeUInt16LE((name.length + 1) * 2, i * 128 + 64);
    directory[i * 128 + 66] = i === 0 ? 5 : 2; // root storage, then streams
  });
  return Buffer.concat([header, directory, Buffer.alloc(1024)]);
}

export const encryptedDocx = () => compoundFile(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]);
export const oldDoc = () => compoundFile(["WordDocument", "1Table", "\u0005SummaryInformation"]);
export const encryptedOdt = () => zip(odtParts(Buffer.from("not the text: AES-256 ciphertext stands here"), true));

/** Every fixture: file name → bytes. */
export function fixtures({ bombMb = 70 } = {}) {
  return {
    "story.docx": storyDocx(),
    "story.odt": storyOdt(),
    "bomb.docx": bombDocx(bombMb),
    "no-document.docx": noDocumentDocx(),
    "truncated.docx": truncatedDocx(),
    "garbled.docx": garbledDocx(),
    "password.docx": encryptedDocx(),
    "old.doc": oldDoc(),
    "password.odt": encryptedOdt(),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: node tests/files/fixtures.mjs DIR");
    process.exit(2);
  }
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(fixtures())) writeFileSync(join(dir, name), bytes);
  console.log(`wrote ${Object.keys(fixtures()).length} files to ${dir}`);
}
