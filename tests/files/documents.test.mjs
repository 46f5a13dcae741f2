// www/documents.js and www/zip.js in Node: the text a .docx or .odt gives,
// the note that says what was done, and each hostile file's message. Node
// has the browser's DecompressionStream; its DOMParser is @xmldom/xmldom's
// (the e2e test tests/e2e/page/documents.test.mjs opens the same files in
// Chromium and Firefox, with theirs).
import { DOMParser } from "@xmldom/xmldom";
import assert from "node:assert/strict";
import { test } from "node:test";
import { compoundFileRefusal, documentNote, documentText, readDocument } from "../../www/documents.js";
import { sniff } from "../../www/intake.js";
import { entries, part } from "../../www/zip.js";
import * as fx from "./fixtures.mjs";

const parser = new DOMParser();
const MAX_BYTES = 32_000_000; // the page's default largest text
const WORD = "a Word document";
const ODT = "an OpenDocument text";
const read = (name, bytes, maxBytes = MAX_BYTES) => readDocument(name, new Uint8Array(bytes), sniff(new Uint8Array(bytes))?.what, maxBytes, parser);
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const word = (body) => `<w:document ${W}><w:body>${body}</w:body></w:document>`;
const odf = (body) =>
  `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>${body}</office:text></office:body></office:document-content>`;

test("a .docx: paragraphs in order, headings as paragraphs, insertions kept, deletions, notes, comments and hidden text left out", async () => {
  const bytes = fx.storyDocx();
  assert.deepEqual(sniff(new Uint8Array(bytes)), { what: WORD, document: true });
  const { text, note } = await read("story.docx", bytes);
  assert.equal(text, fx.STORY_TEXT);
  assert.equal(note, "Read from a Word file, paragraph by paragraph: tracked changes taken as accepted (insertions kept, deletions left out); 1 footnote, 1 endnote, 1 comment and hidden text left out.");
  for (const gone of ["politely", "Footnote", "Comment", "Hidden", "HYPERLINK", "Endnote"]) assert.ok(!text.includes(gone), gone);
  assert.equal(text.split("Text box: strikes in Grodno").length, 2, "a text box once, not again from its fallback");
});

test("a .docx saved as Strict Open XML reads the same", async () => {
  const strict = fx.DOCUMENT_XML.replace("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main");
  assert.notEqual(strict, fx.DOCUMENT_XML);
  assert.equal((await documentText("docx", strict, parser)).text, fx.STORY_TEXT);
});

test("an .odt: the same story, its white space collapsed as ODF says, its record of changes left out", async () => {
  const bytes = fx.storyOdt();
  assert.deepEqual(sniff(new Uint8Array(bytes)), { what: ODT, document: true });
  const { text, note } = await read("story.odt", bytes);
  assert.equal(text, fx.ODT_TEXT);
  assert.equal(note, "Read from an OpenDocument file, paragraph by paragraph: tracked changes taken as accepted (insertions kept, deletions left out); 1 footnote, 1 endnote and 1 comment left out.");
  for (const gone of ["politely", "Footnote", "Comment", "Endnote", "Frame title"]) assert.ok(!text.includes(gone), gone);
});

test("Word's run-level marks: tabs and breaks as white space (not when deleted), a deleted paragraph mark joins two paragraphs, moves as insertions and deletions", async () => {
  const xml = word(
    `<w:p><w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t><w:cr/><w:t>D</w:t><w:noBreakHyphen/><w:t>E</w:t></w:r></w:p>` +
      `<w:p><w:pPr><w:rPr><w:del w:id="1"/></w:rPr></w:pPr><w:r><w:t>joined</w:t></w:r></w:p><w:p><w:r><w:t>here.</w:t></w:r></w:p>` +
      `<w:p><w:moveFrom w:id="2"><w:r><w:t>moved away</w:t></w:r></w:moveFrom><w:moveTo w:id="3"><w:r><w:t>moved in</w:t></w:r></w:moveTo></w:p>` +
      `<w:p><w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>shown: vanish is off</w:t></w:r></w:p>` +
      `<w:p><w:r><w:t>kept</w:t></w:r><w:del w:id="4"><w:r><w:tab/><w:br/><w:delText>cut</w:delText></w:r></w:del></w:p>`,
  );
  const got = await documentText("docx", xml, parser);
  assert.equal(got.text, "A\tB\nC\nD\u2011E\n\njoined here.\n\nmoved in\n\nshown: vanish is off\n\nkept");
  assert.deepEqual(got.counts, { insertions: 1, deletions: 3, footnotes: 0, endnotes: 0, comments: 0, hidden: 0 });
  assert.equal(documentNote("docx", got.counts), "Read from a Word file, paragraph by paragraph: tracked changes taken as accepted (insertions kept, deletions left out).");
  assert.equal(documentNote("odt", { ...got.counts, insertions: 0, deletions: 0, footnotes: 2 }), "Read from an OpenDocument file, paragraph by paragraph: 2 footnotes left out.");
  assert.equal(documentNote("docx", { insertions: 0, deletions: 0, footnotes: 0, endnotes: 0, comments: 0, hidden: 0 }), "Read from a Word file, paragraph by paragraph.");
});

test("ODF's spaces: text:s counts (bounded), leading white space of a paragraph goes, text:tab and text:line-break stay", async () => {
  const got = await documentText("odt", odf(`<text:p>  one <text:s text:c="3"/>two<text:tab/>three<text:line-break/> four <text:s text:c="-4"/>five<text:s text:c="99999999"/></text:p>`), parser);
  assert.equal(got.text, "one    two\tthree\nfour  five"); // text:s past the end is trimmed with the paragraph
});

test("XML that is not the format's, or not XML, or declares entities, is no text (null)", async () => {
  assert.equal(await documentText("docx", "<w:document", parser), null);
  assert.equal(await documentText("docx", odf("<text:p>x</text:p>"), parser), null, "an ODF part is not a Word body");
  assert.equal(await documentText("odt", word("<w:p/>"), parser), null);
  assert.equal(await documentText("docx", `<!DOCTYPE d [<!ENTITY a "aaaa">]>${word("<w:p><w:r><w:t>&a;</w:t></w:r></w:p>")}`, parser), null);
});

test("read a piece at a time, a document gives the same text and counts as whole; a piece is whole children of the body", async () => {
  for (const [format, xml] of [
    ["docx", fx.DOCUMENT_XML],
    ["odt", fx.CONTENT_XML],
  ]) {
    const whole = await documentText(format, xml, parser, Infinity);
    assert.ok(whole.text.length > 300, format);
    for (const size of [1, 200, 1000]) assert.deepEqual(await documentText(format, xml, parser, size), whole, `${format} in pieces of ${size}`);
  }
  // each piece is parsed alone: a piece per paragraph still joins a paragraph whose mark was deleted to the next
  const joined = await documentText("docx", word(`<w:p><w:pPr><w:rPr><w:del w:id="1"/></w:rPr></w:pPr><w:r><w:t>one</w:t></w:r></w:p><w:p><w:r><w:t>two &amp; &#x41;</w:t></w:r></w:p><!-- a </w:body> in a comment --><w:p><w:r><w:t><![CDATA[<w:p>three]]></w:t></w:r></w:p>`), parser, 1);
  assert.equal(joined.text, "one two & A\n\n<w:p>three");
  // cut short inside the body: damaged, not a partial text
  assert.equal(await documentText("docx", fx.DOCUMENT_XML.slice(0, fx.DOCUMENT_XML.indexOf("Opposition")), parser, 200), null);
});

test("hostile files: each refused with a message that names it and says what to do", async () => {
  const cases = [
    ["no-document.docx", fx.noDocumentDocx(), "no-document.docx has no document text (its word/document.xml is missing): it is damaged or is not a Word document. Open it in Word and save it again, or copy its text in."],
    ["truncated.docx", fx.truncatedDocx(), "truncated.docx is damaged: no central directory (the file is cut short or not a ZIP archive). Open it in Word and save it again, or copy its text in."],
    ["password.odt", fx.encryptedOdt(), "password.odt is a password-protected OpenDocument file: its text cannot be read without the password. Open it in LibreOffice Writer (or Word), remove the password, save it and open it again, or copy its text in."],
  ];
  for (const [name, bytes, message] of cases) await assert.rejects(read(name, bytes), { message }, name);
  await assert.rejects(read("garbled.docx", fx.garbledDocx()), (error) => error.message.startsWith("garbled.docx is damaged: a part cannot be inflated ("));
  await assert.rejects(read("empty.docx", fx.zip([{ name: "word/document.xml", data: word("<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>") }])), { message: "empty.docx holds no text: its paragraphs are empty." });
});

test("a ZIP bomb stops at the cap, whatever its headers claim, and says how large it was allowed to be", async () => {
  const bomb = fx.bombDocx(3);
  const found = entries(new Uint8Array(bomb));
  assert.equal(found.get("word/document.xml").size, 2048, "the headers lie");
  await assert.rejects(read("bomb.docx", bomb, 1_000_000), {
    message: "bomb.docx unpacks to more than 2.0 MB (twice the largest text, under Limits), so it was not read: it may be built to overwhelm a reader. Copy its text in, or raise “Largest text” under Limits.",
  });
  // under the cap it is read: the cap, not the file, refused it
  assert.equal((await part(new Uint8Array(bomb), found.get("word/document.xml"), 4_000_000)).length, 3_000_000);
  // a part whose directory says it is larger than the cap is refused before inflating
  const honest = fx.zip([{ name: "word/document.xml", data: Buffer.alloc(3_000_000, " ") }]);
  await assert.rejects(part(new Uint8Array(honest), entries(new Uint8Array(honest)).get("word/document.xml"), 2_000_000), { reason: "too large" });
});

test("a password-protected .docx and an old .doc are OLE files, each told by its streams", () => {
  for (const make of [fx.encryptedDocx, fx.oldDoc]) assert.deepEqual(sniff(new Uint8Array(make())), { what: "a Microsoft Office document", document: true });
  assert.equal(
    compoundFileRefusal("password.docx", new Uint8Array(fx.encryptedDocx())),
    "password.docx is a password-protected Word document: its text cannot be read without the password. Open it in Word, remove the password, save it and open it again, or copy its text in.",
  );
  assert.equal(compoundFileRefusal("budget.xlsx", new Uint8Array(fx.encryptedDocx())).split(":")[0], "budget.xlsx is a password-protected Office document");
  assert.equal(
    compoundFileRefusal("old.doc", new Uint8Array(fx.oldDoc())),
    "old.doc is an older Word document (.doc), which cannot be read here: open it in Word and save it as .docx (Word Document), then open that; or copy its text in.",
  );
  assert.equal(compoundFileRefusal("sheet.xls", new Uint8Array(fx.compoundFile(["Workbook"]))), null, "other old Office files: refused as before, by sniff()'s name");
});

test("the fixtures are the same bytes each time", () => {
  const a = fx.fixtures({ bombMb: 1 });
  const b = fx.fixtures({ bombMb: 1 });
  for (const name of Object.keys(a)) assert.ok(a[name].equals(b[name]), name);
});
