// www/intake.js case by case, in each browser (TextDecoder's encodings are
// the browser's): what bytes are when they are not text, how text bytes are
// read, sizes as the engine words them, and what counts as blank.
import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachBrowser } from "./harness/driver.mjs";

/** Bytes from a string of char codes 0-255, with `tail` appended. */
const bytes = (head, tail = "") => [...head + tail].map((c) => c.charCodeAt(0));

const TEXT = " Workers jeered the president at the tractor plant.\n";
const SNIFF = [
  ["PNG", bytes("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), { what: "a PNG image", document: false }],
  ["JPEG", bytes("\xFF\xD8\xFF\xE0\0\x10JFIF"), { what: "a JPEG image", document: false }],
  ["GIF", bytes("GIF89a\x01\0\x01\0"), { what: "a GIF image", document: false }],
  ["PDF", bytes("%PDF-1.7\n", TEXT), { what: "a PDF document", document: true }],
  ["RTF, though its bytes are text", bytes("{\\rtf1\\ansi ", TEXT), { what: "an RTF document", document: true }],
  ["old Office", bytes("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"), { what: "a Microsoft Office document", document: true }],
  ["MP3, as unknown binary data", bytes("ID3\x03\0\0\0"), { what: null, document: false }],
  ["docx", bytes("PK\x03\x04\x14\0\0\0[Content_Types].xml", "PK\x01\x02word/document.xml"), { what: "a Word document", document: true }],
  ["xlsx", bytes("PK\x03\x04\x14\0\0\0xl/workbook.xml"), { what: "an Excel workbook", document: true }],
  ["pptx", bytes("PK\x03\x04\x14\0\0\0ppt/slides/slide1.xml"), { what: "a PowerPoint presentation", document: true }],
  ["odt", bytes("PK\x03\x04\x14\0\0\0mimetypeapplication/vnd.oasis.opendocument.text"), { what: "an OpenDocument text", document: true }],
  ["any other ZIP", bytes("PK\x03\x04\x14\0\0\0photos/1.jpg"), { what: "a ZIP archive", document: false }],
  ["text with a NUL", bytes(TEXT.repeat(20), "\0"), { what: null, document: false }],
  ["three control characters in a hundred bytes", bytes(TEXT.slice(0, 47) + "\x01\x02\x1b", TEXT), { what: null, document: false }],
  ["one control character in a hundred bytes (a form feed, tabs and CRs are text)", bytes(TEXT.slice(0, 48) + "\x1b\f\t\r", TEXT), null],
  ["UTF-16 with its byte-order mark, NULs and all", [0xff, 0xfe, ...bytes("W\0o\0r\0k\0e\0r\0s\0")], null],
  ["UTF-8 text", [...new TextEncoder().encode("Лукашенко — “heckled”, 😮\n")], null],
  ["nothing at all", [], null],
];

forEachBrowser((browser) => {
  test("sniff() names what the first bytes say a file is, and tells binary data from text", async () => {
    const page = await browser.page();
    await page.goto("/");
    const got = await page.evaluate(async (cases) => {
      const { sniff, notText } = await import("/intake.js");
      return cases.map(([name, list]) => {
        const kind = sniff(new Uint8Array(list));
        return [name, kind, kind && notText(kind)];
      });
    }, SNIFF);
    assert.deepEqual(
      got,
      SNIFF.map(([name, , kind]) => [name, kind, kind && (kind.what ? `is ${kind.what}, not text` : "is not text (it holds binary data)")]),
    );
  });

  test("readText() reads UTF-8, UTF-16 by its byte-order mark, else the charset a server declared, and guesses Windows-1252 for anything else; decode() reads as told", async () => {
    const page = await browser.page();
    await page.goto("/");
    const got = await page.evaluate(async () => {
      const { charsetOf, readText, decode } = await import("/intake.js");
      const u8 = (list) => new Uint8Array(list);
      const utf8 = [...new TextEncoder().encode("Łukaszenka “jeered” 😮")];
      return {
        utf8: readText(u8(utf8)),
        bom: readText(u8([0xef, 0xbb, 0xbf, ...utf8])),
        utf16le: readText(u8([0xff, 0xfe, 0x41, 0, 0x3b, 0x04])),
        utf16be: readText(u8([0xfe, 0xff, 0, 0x41, 0x04, 0x3b])),
        latin: readText(u8([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x96, 0x20, 0xa3, 0x35])),
        latin2: decode(u8([0xa3, 0x75, 0x6b, 0x61, 0x73, 0x7a, 0x65, 0x6e, 0x6b, 0x61]), "iso-8859-2"),
        cyrillic: decode(u8([0xcc, 0xe8, 0xed, 0xf1, 0xea]), "windows-1251"),
        replaced: decode(u8([0x43, 0x61, 0x66, 0xe9]), "utf-8"),
        declared: readText(u8([0xa3, 0x75, 0x6b, 0x61]), charsetOf("text/plain; charset=ISO-8859-2")),
        // valid UTF-8 stays UTF-8 whatever the server says; a declared UTF-8 that is not is guessed
        declaredWrongly: readText(u8(utf8), charsetOf("text/plain;charset=iso-8859-1")),
        declaredUtf8: readText(u8([0x43, 0x61, 0x66, 0xe9]), charsetOf('text/plain; charset="utf-8"')),
        charsets: ["text/plain; charset=cp1251", "text/plain; Charset=Latin2", "text/plain", "text/plain; charset=klingon", null].map(charsetOf),
      };
    });
    assert.deepEqual(got, {
      utf8: { text: "Łukaszenka “jeered” 😮", encoding: "utf-8", guessed: false },
      bom: { text: "Łukaszenka “jeered” 😮", encoding: "utf-8", guessed: false },
      utf16le: { text: "Aл", encoding: "utf-16le", guessed: false },
      utf16be: { text: "Aл", encoding: "utf-16be", guessed: false },
      latin: { text: "“Café” – £5", encoding: "windows-1252", guessed: true },
      latin2: "Łukaszenka",
      cyrillic: "Минск",
      replaced: "Caf\ufffd",
      declared: { text: "Łuka", encoding: "iso-8859-2", guessed: false },
      declaredWrongly: { text: "Łukaszenka “jeered” 😮", encoding: "utf-8", guessed: false },
      declaredUtf8: { text: "Café", encoding: "windows-1252", guessed: true },
      charsets: ["windows-1251", "iso-8859-2", null, null, null],
    });
  });

  test("sizes: UTF-8 bytes counted exactly (also across slices), told in MB as the engine tells them, and the MB a limit needs", async () => {
    const page = await browser.page();
    await page.goto("/");
    const got = await page.evaluate(async () => {
      const { bytesOver, megabytes, neededMb } = await import("/intake.js");
      const utf8Bytes = (text) => bytesOver(text, -1);
      const engine = await import("/engine.js");
      await engine.ready();
      const samples = ["", "abc", "é", "€", "😮", "Лукашенко"];
      // a surrogate pair astride the counting's 524,288-unit slices, and every width of character
      const long = `${"a".repeat(524_287)}😮${"é€Л".repeat(200_000)}`;
      const sizes = {};
      for (const text of [...samples, long]) sizes[text.length] = [await utf8Bytes(text), new TextEncoder().encode(text).length];
      // the engine's own wording of the same sizes
      let engineSays = null;
      try {
        await engine.compare(long, "x", { maxInputBytes: 1_250_000 });
      } catch (error) {
        engineSays = error.message;
      }
      return {
        sizes,
        over: [await bytesOver("é".repeat(10), 20), await bytesOver("é".repeat(10), 19), await bytesOver("abc", 1)],
        mb: [0, 49_999, 50_000, 1_249_999, 1_250_000, 32_000_000, 50_000_000].map(megabytes),
        needed: [1, 1_000_000, 1_000_001, 1_300_000, 50_000_000].map(neededMb),
        engineSays,
        ours: `the left text is ${megabytes(await utf8Bytes(long))}, above the limit of ${megabytes(1_250_000)}`,
      };
    });
    for (const [length, [ours, encoder]] of Object.entries(got.sizes)) assert.equal(ours, encoder, `a text of ${length} code units`);
    assert.deepEqual(got.over, [0, 20, 3]);
    assert.deepEqual(got.mb, ["0.0 MB", "0.0 MB", "0.1 MB", "1.2 MB", "1.3 MB", "32.0 MB", "50.0 MB"]);
    assert.deepEqual(got.needed, [1, 1, 2, 2, 50]);
    assert.ok(got.engineSays.includes(got.ours), `the engine says “${got.engineSays}”, the page would say “${got.ours}”`);
  });

  test("blank(): empty, or only spaces and line breaks (any Unicode space), or words", async () => {
    const page = await browser.page();
    await page.goto("/");
    const got = await page.evaluate(async () => {
      const { blank } = await import("/intake.js");
      return ["", " ", "\n\n\t \r\n", "\u00a0\u2003\ufeff", ".", " a "].map(blank);
    });
    assert.deepEqual(got, ["is empty", "holds only spaces and line breaks", "holds only spaces and line breaks", "holds only spaces and line breaks", null, null]);
  });
});
