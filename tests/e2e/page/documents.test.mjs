// Word and OpenDocument files opened in the page (tests/files/fixtures.mjs
// makes them): a .docx and an .odt with headings, notes, a comment and
// tracked changes are compared as their final text, with a note under the
// pane saying what was done; the code that reads them is fetched only then;
// a long one is parsed in pieces, other tasks running between two; hostile
// ones (a ZIP bomb, no document part, cut short, password-protected, an old
// .doc) are each refused by name, the page as it was.
import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachBrowser } from "../harness/driver.mjs";
import { SAMPLES, afterChange, disclose, engineNow, openPage, opTexts, readView } from "../harness/page-helpers.mjs";
import * as fx from "../../files/fixtures.mjs";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const ODT = "application/vnd.oasis.opendocument.text";
const TYPES = { docx: DOCX, odt: ODT, doc: "application/msword" };
// the reader's chunks of the page's bundle (scripts/bundle.mjs): documents.js with zip.js, and inflate.js (shared with share links)
const READER = /^\/bundle\.(documents|zip|inflate)-\w+\.js$/;

/** The page shows the engine's comparison of what the panes hold. */
async function assertShowsEngine(page) {
  const { result, left, right } = await engineNow(page);
  const shown = await readView(page);
  assert.equal(shown.shown, right);
  assert.deepEqual(shown.cuts, opTexts(result, left, right).cuts);
  return { left, right };
}

/** The message under a pane ("source" or "compare"), once it includes `includes`. */
async function paneNotice(page, id, includes) {
  await page.waitFor(({ id, includes }) => !document.getElementById(id).hidden && document.getElementById(id).textContent.includes(includes), { id: `${id}-notice`, includes });
  return page.evaluate((id) => document.querySelector(`#${id} [role=alert]`).textContent, `${id}-notice`);
}

function inputs(page) {
  return page.evaluate(() => ({
    left: document.getElementById("source-text").value,
    right: document.getElementById("compare-text").value,
    picked: [document.getElementById("source-pick").value, document.getElementById("compare-pick").value],
    versions: document.getElementById("source-pick").options.length,
  }));
}

forEachBrowser((browser) => {
  test("a .docx and an .odt are compared as their final text, with a note saying what was done; the reader is fetched only then", async () => {
    const page = await openPage(browser);
    assert.deepEqual(page.log.requests.filter((u) => READER.test(new URL(u).pathname)), [], "nothing of the reader before a document is opened");
    const accept = await page.evaluate(() => document.getElementById("compare-file").accept);
    assert.ok(accept.split(",").includes(".docx") && accept.split(",").includes(".odt"), accept);

    await afterChange(page, () => page.setFiles("#compare-file", [{ name: "story.docx", mimeType: DOCX, buffer: fx.storyDocx() }]));
    assert.equal(await page.value("#compare-text"), fx.STORY_TEXT);
    assert.equal(await page.value("#compare-label"), "story");
    assert.equal(
      await paneNotice(page, "compare", "Word"),
      "Read from a Word file, paragraph by paragraph: tracked changes taken as accepted (insertions kept, deletions left out); 1 footnote, 1 endnote, 1 comment and hidden text left out.",
    );
    assert.deepEqual(
      page.log.requests.map((u) => new URL(u).pathname).filter((p) => READER.test(p)).map((p) => p.replace(/-\w+\.js$/, "")).sort(),
      ["/bundle.documents", "/bundle.inflate"],
      "the reader's chunk, once a document is opened",
    );

    await afterChange(page, () => page.setFiles("#source-file", [{ name: "story.odt", mimeType: ODT, buffer: fx.storyOdt() }]));
    assert.equal(await page.value("#source-text"), fx.ODT_TEXT);
    assert.equal(await paneNotice(page, "source", "OpenDocument"), "Read from an OpenDocument file, paragraph by paragraph: tracked changes taken as accepted (insertions kept, deletions left out); 1 footnote, 1 endnote and 1 comment left out.");
    const { left, right } = await assertShowsEngine(page);
    assert.equal(left, fx.ODT_TEXT);
    assert.equal(right, fx.STORY_TEXT);
    const shown = await page.evaluate(() => document.getElementById("redline").textContent);
    for (const gone of ["politely", "Footnote", "Comment", "Hidden", "Endnote", "HYPERLINK"]) assert.ok(!shown.includes(gone), `${gone} is not in the comparison`);
    assert.ok(shown.includes("loudly jeered"), "the tracked insertion is");

    // the note belongs to the version: another version has none, and it comes back with it
    await disclose(page); // the version pickers are under Edit texts
    const docx = await page.evaluate(() => document.getElementById("compare-pick").value);
    await afterChange(page, () => page.select("#compare-pick", SAMPLES.kompas));
    assert.equal(await page.evaluate(() => document.getElementById("compare-notice").hidden), true);
    await afterChange(page, () => page.select("#compare-pick", docx));
    assert.ok((await paneNotice(page, "compare", "Word")).startsWith("Read from a Word file"));
    assert.deepEqual(page.log.violations, [], "the strict CSP allows all of it");
    assert.deepEqual(page.log.errors, []);
  });

  test("a .docx dropped on a pane is read as one opened is", async () => {
    const page = await openPage(browser);
    await afterChange(page, () =>
      page.evaluate(
        ({ base64, type }) => {
          const data = new DataTransfer();
          data.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], "dropped.docx", { type }));
          const pane = document.querySelector('.wd-pane[data-side="left"]');
          pane.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
          pane.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
        },
        { base64: fx.storyDocx().toString("base64"), type: DOCX },
      ),
    );
    assert.equal(await page.value("#source-text"), fx.STORY_TEXT);
    assert.equal(await page.value("#source-label"), "dropped");
    assert.ok((await paneNotice(page, "source", "Word")).startsWith("Read from a Word file, paragraph by paragraph: tracked changes taken as accepted"));
    await assertShowsEngine(page);
    assert.deepEqual(page.log.errors, []);
  });

  test("a long .docx is parsed a piece at a time, the page running other tasks between two", async () => {
    const page = await openPage(browser);
    // What happens in what order: each DOMParser call, and the task it queues then (a 0 ms
    // timer, which runs as soon as the page lets tasks run, before any timer queued after it).
    await page.evaluate(() => {
      const order = (window.__order = []);
      const parse = DOMParser.prototype.parseFromString;
      DOMParser.prototype.parseFromString = function (...args) {
        order.push("parse");
        setTimeout(() => order.push("turn"), 0);
        return parse.apply(this, args);
      };
      new MutationObserver(() => order.push("version added")).observe(document.getElementById("compare-pick"), { childList: true });
    });
    const paragraph = '<w:p><w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:t>Workers at the Minsk Tractor Plant jeered President Alexander Lukashenko as strikes spread.</w:t></w:r></w:p>';
    const xml = fx.DOCUMENT_XML.replace("<w:sectPr>", paragraph.repeat(3_000) + "<w:sectPr>");
    await page.setFiles("#compare-file", [{ name: "long.docx", mimeType: DOCX, buffer: fx.zip([{ name: "word/document.xml", data: xml }]) }]);
    await page.waitFor(() => window.__order.includes("version added"), undefined, { timeout: 60_000 });
    const order = await page.evaluate(() => window.__order);
    const parses = order.flatMap((x, i) => (x === "parse" ? [i] : []));
    assert.ok(parses.length >= 4, `${xml.length} characters of XML in several pieces (${order.join(" ")})`);
    for (let k = 1; k < parses.length; k++) assert.ok(order.slice(parses[k - 1], parses[k]).includes("turn"), `a task ran between parse ${k} and ${k + 1}: ${order.join(" ")}`);
    assert.equal(await page.value("#compare-label"), "long");
    const text = fx.STORY_TEXT + "\n\nWorkers at the Minsk Tractor Plant jeered President Alexander Lukashenko as strikes spread.".repeat(3_000);
    const note = await page.evaluate(() => document.querySelector("#compare-large .wd-large-note").textContent);
    assert.ok(note.startsWith(`“\u2068long\u2069” is ${text.length.toLocaleString("en")} characters long`), note); // set aside, as a long text is
    assert.deepEqual(page.log.errors, []);
  });

  test("hostile and unreadable Word files are each refused by name, with what to do; the page stays as it was", async () => {
    const page = await openPage(browser);
    const before = await inputs(page);
    const view = await page.evaluate(() => document.getElementById("redline").innerHTML);
    const refused = [
      ["bomb.docx", fx.bombDocx(70), "bomb.docx unpacks to more than 64.0 MB (twice the largest text, under Limits), so it was not read: it may be built to overwhelm a reader. Copy its text in, or raise “Largest text” under Limits."],
      ["no-document.docx", fx.noDocumentDocx(), "no-document.docx has no document text (its word/document.xml is missing): it is damaged or is not a Word document. Open it in Word and save it again, or copy its text in."],
      ["truncated.docx", fx.truncatedDocx(), "truncated.docx is damaged: no central directory (the file is cut short or not a ZIP archive). Open it in Word and save it again, or copy its text in."],
      ["password.docx", fx.encryptedDocx(), "password.docx is a password-protected Word document: its text cannot be read without the password. Open it in Word, remove the password, save it and open it again, or copy its text in."],
      ["old.doc", fx.oldDoc(), "old.doc is an older Word document (.doc), which cannot be read here: open it in Word and save it as .docx (Word Document), then open that; or copy its text in."],
      ["password.odt", fx.encryptedOdt(), "password.odt is a password-protected OpenDocument file: its text cannot be read without the password. Open it in LibreOffice Writer (or Word), remove the password, save it and open it again, or copy its text in."],
    ];
    for (const [name, buffer, message] of refused) {
      await page.setFiles("#compare-file", [{ name, mimeType: TYPES[name.split(".").pop()], buffer }]);
      assert.equal(await paneNotice(page, "compare", name), message, name);
      assert.deepEqual(await inputs(page), before, `${name}: the boxes and versions are as they were`);
      assert.equal(await page.evaluate(() => document.getElementById("redline").innerHTML), view, `${name}: the comparison shown stays`);
    }
    // a garbled stream: the browser's own words for it, after the page's
    await page.setFiles("#compare-file", [{ name: "garbled.docx", mimeType: DOCX, buffer: fx.garbledDocx() }]);
    assert.match(await paneNotice(page, "compare", "garbled.docx"), /^garbled\.docx is damaged: a part cannot be inflated \(.+\)\. Open it in Word and save it again, or copy its text in\.$/);
    assert.deepEqual(await inputs(page), before);
    assert.deepEqual(page.log.violations, []);
    assert.deepEqual(page.log.errors, []);
  });
});
