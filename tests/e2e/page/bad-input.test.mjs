// Bad input in the page: an empty or blank box, files that are not text or
// not UTF-8, a 50 MB paste, texts above the size limit (a setting), a single
// 5 MB line, a million identical words, and share links that cannot be
// opened. Each gets its own message, word for word; the other box, the
// chosen versions and the options stay as they were, and the page compares
// again once the input is fixed. The bad files are in tests/e2e/harness/files/.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { test } from "node:test";
import { forEachBrowser } from "../harness/driver.mjs";
import {
  SAMPLES,
  afterChange,
  captureDownloads,
  disclose,
  downloads,
  engineNow,
  expectedChanges,
  assertBefore,
  largeTexts,
  noted,
  openPage,
  opTexts,
  readView,
  waitCompared,
  watchOrder,
  workerGot,
} from "../harness/page-helpers.mjs";

const AP = "AP (as syndicated by LatestLY)";
const KOMPAS = "Kompas.com (English edition)";
const file = (name, mimeType) => ({ name, mimeType, buffer: readFileSync(new URL(`../harness/files/${name}`, import.meta.url)) });
const APPROXIMATE = " The engine ran out of time: this comparison is coarser than usual.";

/** What must survive a bad input: both boxes, the labels, the chosen versions and how many there are, the options. */
function inputs(page) {
  return page.evaluate(() => ({
    left: document.getElementById("source-text").value,
    right: document.getElementById("compare-text").value,
    leftLabel: document.getElementById("source-label").value,
    rightLabel: document.getElementById("compare-label").value,
    picked: [document.getElementById("source-pick").value, document.getElementById("compare-pick").value],
    versions: document.getElementById("source-pick").options.length,
    options: Object.fromEntries([...document.querySelectorAll(".wd-options input")].map((i) => [i.name, i.checked])),
  }));
}

/** The message in the comparison's place, once the page shows one. */
async function problem(page, state) {
  await page.waitFor((s) => document.body.dataset.state === s && !document.body.hasAttribute("data-pending"), state);
  return page.evaluate(() => {
    const alert = document.querySelector("#redline > [role=alert]");
    return { alert: alert?.textContent ?? null, only: document.getElementById("redline").childElementCount === 1, status: document.getElementById("status").textContent, counter: document.getElementById("counter").textContent };
  });
}

/** The page shows the engine's comparison of what the boxes hold. */
async function assertShowsEngine(page) {
  const { result, left, right } = await engineNow(page);
  const shown = await readView(page);
  assert.equal(shown.shown, right);
  assert.deepEqual(shown.cuts, opTexts(result, left, right).cuts);
}

/** Builds the texts of `kind` in the page (`largeTexts`) and a paste event for each; their lengths. */
async function build(page, kind) {
  const lengths = await page.evaluate(largeTexts, kind);
  await page.evaluate(() => {
    // The paste events, made now so that making them is not measured.
    // Chromium takes a constructed paste's data from `clipboardData`, Firefox
    // from `dataType` and `data` (its own extension); each ignores the other's.
    window.__clipboard = {};
    for (const [name, text] of Object.entries(window.__texts)) {
      const clipboardData = new DataTransfer();
      clipboardData.setData("text/plain", text);
      window.__clipboard[name] = new ClipboardEvent("paste", { clipboardData, dataType: "text/plain", data: text, bubbles: true, cancelable: true });
    }
  });
  return lengths;
}

/** Pastes window.__texts[name] over the whole text of box `id`, as a user's paste reaches the page. */
function paste(page, id, name) {
  return page.evaluate(
    ({ id, name }) => {
      const box = document.getElementById(id);
      box.focus();
      box.select();
      box.dispatchEvent(window.__clipboard[name]);
    },
    { id, name },
  );
}

/** The pane's message under a box ("left" or "right"), once it shows one. */
async function paneNotice(page, side, includes) {
  const id = side === "left" ? "source-notice" : "compare-notice";
  await page.waitFor(({ id, includes }) => !document.getElementById(id).hidden && document.getElementById(id).textContent.includes(includes), { id, includes });
  return page.evaluate((id) => {
    const notice = document.getElementById(id);
    const choice = notice.querySelector("label");
    return { text: notice.querySelector("[role=alert]").textContent, encoding: choice.hidden ? null : choice.querySelector("select").value };
  }, id);
}

forEachBrowser((browser) => {

  test("an empty or blank box is named, with what to put in it; the other box, the versions and the options stay", async () => {
    const page = await openPage(browser);
    await disclose(page);
    await afterChange(page, () => page.click('input[name="ignoreCase"]'));
    const before = await inputs(page);
    await page.fill("#compare-text", "");
    // emptying a sample's box makes a version of the editor's own (page/versions)
    assert.deepEqual(await problem(page, "empty"), {
      alert: `The comparison box, “\u2068Your text 1\u2069”, is empty: type, paste or open the outlet's version in it.`,
      only: true,
      status: "Nothing to compare yet.",
      counter: "no changes",
    });
    const emptied = await inputs(page);
    assert.deepEqual(
      { ...emptied, picked: emptied.picked[0] },
      { ...before, right: "", rightLabel: "Your text 1", picked: before.picked[0], versions: before.versions + 1 },
      "the source box, the samples and the options are as they were",
    );
    assert.equal(await page.evaluate(() => document.getElementById("summary-panel").hidden), true);

    await page.fill("#compare-text", "  \n\n\t \n");
    await page.waitFor(() => document.querySelector("#redline [role=alert]")?.textContent.includes("spaces"));
    assert.equal((await problem(page, "empty")).alert, `The comparison box, “\u2068Your text 1\u2069”, holds only spaces and line breaks: type, paste or open the outlet's version in it.`);

    await page.fill("#source-text", "");
    await page.waitFor(() => document.querySelector("#redline [role=alert]")?.textContent.startsWith("Both"));
    assert.equal((await problem(page, "empty")).alert, "Both boxes are empty: type, paste or open the wire story on the left and the outlet's version on the right.");

    await page.fill("#compare-text", "Workers jeered the president.");
    await page.waitFor(() => document.querySelector("#redline [role=alert]")?.textContent.startsWith("The source"));
    assert.equal((await problem(page, "empty")).alert, `The source box, “\u2068Your text 2\u2069”, is empty: type, paste or open the wire story in it.`);
    assert.equal(await page.value("#compare-text"), "Workers jeered the president.");

    await afterChange(page, () => page.fill("#source-text", "Workers heckled and jeered the president."));
    await assertShowsEngine(page);
    assert.deepEqual((await inputs(page)).options, before.options);
    assert.deepEqual(page.log.errors, []);
  });

  test("a file that is not text is refused by what it is; the box keeps its text and no version is added", async () => {
    const page = await openPage(browser);
    await disclose(page);
    const before = await inputs(page);
    const view = await page.evaluate(() => document.getElementById("redline").innerHTML);
    const refused = [
      [file("photo.png", "image/png"), "photo.png is a PNG image, not text: open the story as a .txt, .md or .html file, or paste its text in."],
      [file("story.pdf", "application/pdf"), "story.pdf is a PDF document, not text: save it as .txt or copy its text in."],
      [file("data.bin", "application/octet-stream"), "data.bin is not text (it holds binary data): open the story as a .txt, .md or .html file, or paste its text in."],
    ];
    for (const [bad, message] of refused) {
      await page.setFiles("#compare-file", [bad]);
      assert.deepEqual(await paneNotice(page, "right", bad.name), { text: message, encoding: null }, bad.name);
      assert.deepEqual(await inputs(page), before, `${bad.name}: the boxes, versions and options are as they were`);
      assert.equal(await page.evaluate(() => document.body.dataset.state), "compared");
      assert.equal(await page.evaluate(() => document.getElementById("redline").innerHTML), view, "the comparison shown stays");
    }
    // the left pane is untouched, and typing in the right one clears its message
    assert.equal(await page.evaluate(() => document.getElementById("source-notice").hidden), true);
    await afterChange(page, () => page.fill("#compare-text", "Workers jeered the president at the plant."));
    assert.equal(await page.evaluate(() => document.getElementById("compare-notice").hidden), true);
    await assertShowsEngine(page);
    assert.deepEqual(page.log.errors, []);
  });

  test("a file that is not UTF-8 is read as Windows-1252 and says so; another encoding can be chosen", async () => {
    const page = await openPage(browser);
    await disclose(page);
    const left = await page.value("#source-text");
    await afterChange(page, () => page.setFiles("#compare-file", [file("wire-latin2.txt", "text/plain")]));
    assert.deepEqual(await paneNotice(page, "right", "wire-latin2.txt"), {
      text: "wire-latin2.txt is not UTF-8 text: it was read as Windows-1252 (Western European). If letters look wrong, choose another encoding.",
      encoding: "windows-1252",
    });
    assert.equal(await page.value("#compare-text"), "MIÑSK - Protestuj±cy robotnicy wygwizdali £ukaszenkê w zak³adach MZKT.\n\nStrajki objê³y ca³± Bia³oru¶.\n");
    assert.equal(await page.value("#compare-label"), "wire-latin2");
    await assertShowsEngine(page);

    await afterChange(page, () => page.select("#compare-notice select", "iso-8859-2"));
    assert.equal(await page.value("#compare-text"), "MIŃSK - Protestujący robotnicy wygwizdali Łukaszenkę w zakładach MZKT.\n\nStrajki objęły całą Białoruś.\n");
    assert.deepEqual(await paneNotice(page, "right", "ISO-8859-2"), {
      text: "wire-latin2.txt is not UTF-8 text: it was read as ISO-8859-2 (Central European). If letters look wrong, choose another encoding.",
      encoding: "iso-8859-2",
    });
    await assertShowsEngine(page);
    await afterChange(page, () => page.select("#compare-notice select", "utf-8"));
    assert.equal(await page.value("#compare-text"), "MI�SK - Protestuj�cy robotnicy wygwizdali �ukaszenk� w zak�adach MZKT.\n\nStrajki obj�y ca�� Bia�oru�.\n");
    assert.equal((await paneNotice(page, "right", "UTF-8,")).text, "wire-latin2.txt is not UTF-8 text: it was read as UTF-8, with � for each unreadable byte. If letters look wrong, choose another encoding.");

    // The message belongs to that version: another version has none, and it comes back with it.
    await afterChange(page, () => page.select("#compare-pick", SAMPLES.kompas));
    assert.equal(await page.evaluate(() => document.getElementById("compare-notice").hidden), true);
    await afterChange(page, () => page.select("#compare-pick", "v1"));
    assert.equal((await paneNotice(page, "right", "wire-latin2.txt")).encoding, "utf-8");

    // UTF-16 with a byte-order mark is read as such, without a word.
    await afterChange(page, () => page.setFiles("#compare-file", [file("wire-utf16.txt", "text/plain")]));
    assert.equal(await page.value("#compare-text"), "MINSK, Belarus (AP) — Workers heckled and jeered President Alexander Lukashenko.\n");
    assert.equal(await page.evaluate(() => document.getElementById("compare-notice").hidden), true);
    assert.equal(await page.value("#source-text"), left, "the source box kept its text throughout");
    assert.deepEqual(page.log.errors, []);
  });

  test("a 50 MB paste never enters the text box or the engine and is refused with its size, the limit and how to raise it", { timeout: 120_000 }, async () => {
    const page = await openPage(browser);
    await disclose(page);
    const before = await inputs(page);
    assert.deepEqual(await build(page, "walkout"), { text: 50_000_000 });
    await page.evaluate(watchOrder);
    await paste(page, "compare-text", "text");
    assert.deepEqual(await problem(page, "error"), {
      alert: `The comparison text, “\u2068Your text 1\u2069”, is 50.0 MB, above the limit of 32.0 MB: compare a shorter text, or raise “Largest text” under Edit texts › Advanced to 50 MB or more.`,
      only: true,
      status: "Could not compare: a text is above the size limit.",
      counter: "no changes",
    });
    const order = await noted(page);
    assert.ok(!order.some(workerGot(1_000_000)), `no worker was handed the text (noted: ${order.join(" · ")})`);
    assert.ok(!order.includes("state comparing"), "no comparison began");
    const pane = await page.evaluate(() => ({
      box: document.getElementById("compare-text").value,
      boxHidden: document.getElementById("compare-text").hidden,
      note: document.querySelector("#compare-large .wd-large-note").textContent,
      edit: !document.querySelector("#compare-large [data-edit]").hidden,
    }));
    assert.deepEqual(pane, {
      box: "",
      boxHidden: true,
      note: `“\u2068Your text 1\u2069” is 50,000,000 characters long: too long to edit in a browser (each keystroke would hold the page for seconds), so it is kept aside and compared in the background; to change it, edit it in a text editor and open the file. It starts:`,
      edit: false,
    });
    const after = await inputs(page);
    assert.deepEqual(
      { ...after, picked: after.picked[0] },
      { ...before, right: "", rightLabel: "Your text 1", picked: before.picked[0], versions: before.versions + 1 },
      "the source box, the samples and the options are as they were; the paste is a version of the editor's own",
    );
    // another version compares at once
    await afterChange(page, () => page.select("#compare-pick", SAMPLES.npr));
    await assertShowsEngine(page);
    assert.deepEqual(page.log.errors, []);
  });

  test("a 300,000-character paste is set aside with the start of it shown, compared, and put in the text box on “Edit it here anyway”", { timeout: 120_000 }, async () => {
    const page = await openPage(browser);
    await disclose(page);
    const left = await page.value("#source-text");
    assert.deepEqual(await build(page, "long"), { text: 300_000 });
    await afterChange(page, () => paste(page, "compare-text", "text"));
    const aside = await page.evaluate(() => ({
      boxHidden: document.getElementById("compare-text").hidden,
      note: document.querySelector("#compare-large .wd-large-note").textContent,
      preview: document.querySelector("#compare-large .wd-preview").textContent,
      edit: !document.querySelector("#compare-large [data-edit]").hidden,
      state: document.body.dataset.state,
    }));
    assert.deepEqual(aside, {
      boxHidden: true,
      note: `“\u2068Your text 1\u2069” is 300,000 characters long: too long to edit here without slowing the page, so it is kept aside and compared in the background. It starts:`,
      preview: "Workers walked out. ".repeat(30),
      edit: true,
      state: "compared",
    });
    await page.click("#compare-large [data-edit]");
    const editing = await page.evaluate(() => ({
      box: document.getElementById("compare-text").value === "Workers walked out. ".repeat(15_000),
      boxHidden: document.getElementById("compare-text").hidden,
      asideHidden: document.getElementById("compare-large").hidden,
      focused: document.activeElement?.id,
    }));
    assert.deepEqual(editing, { box: true, boxHidden: false, asideHidden: true, focused: "compare-text" });
    assert.equal(await page.value("#source-text"), left, "the source box kept its text");
    assert.deepEqual(page.log.errors, []);
  });

  test("the size limit is a setting, remembered: a text or a file above it is refused with what to raise it to, and raising it compares", { timeout: 120_000 }, async () => {
    const page = await openPage(browser);
    await disclose(page);
    assert.equal(await page.value("#max-mb"), "32", "the engine's own limit by default");
    await disclose(page, "advanced");
    await page.fill("#max-mb", "1");
    await page.press("Tab");
    await waitCompared(page); // the samples are far below 1 MB
    const right = await page.value("#compare-text");
    // a file above the limit is refused before it is read
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(["Workers walked out. ".repeat(75_000)], "big-wire.txt", { type: "text/plain" }));
      const pane = document.querySelector('.wd-pane[data-side="left"]');
      pane.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
      pane.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    assert.equal(
      (await paneNotice(page, "left", "big-wire.txt")).text,
      "big-wire.txt is 1.5 MB, above the limit of 1.0 MB: open a shorter file, or raise “Largest text” under Edit texts › Advanced to 2 MB or more.",
    );
    assert.equal(await page.value("#source-pick"), SAMPLES.ap);
    // a pasted text above it is refused when compared (1,200,000 characters, 1,300,000 bytes: “é” is two)
    await build(page, "accented");
    await paste(page, "source-text", "text");
    assert.equal(
      (await problem(page, "error")).alert,
      `The source text, “\u2068Your text 1\u2069”, is 1.3 MB, above the limit of 1.0 MB: compare a shorter text, or raise “Largest text” under Edit texts › Advanced to 2 MB or more.`,
    );
    assert.equal(await page.value("#compare-text"), right);
    await afterChange(page, async () => {
      await page.fill("#max-mb", "2");
      await page.press("Tab");
    });
    const compared = await page.evaluate(() => document.querySelectorAll("#redline [data-wd-stop]").length);
    assert.ok(compared > 0, "compared once the limit allows it");
    await page.goto("/");
    await waitCompared(page);
    assert.equal(await page.value("#max-mb"), "2", "the limit is remembered");
    assert.deepEqual(page.log.errors, []);
  });

  /**
   * Pastes two texts built in the page into the boxes and checks the page's
   * own result (its JSON export): every word shown, the changes counted, the
   * status saying in words when the engine ran out of time; the texts
   * compared in the worker while the page handles a key.
   */
  async function comparesLarge(page, kind) {
    await disclose(page);
    const lengths = await build(page, kind);
    await page.evaluate(watchOrder);
    await page.evaluate(() => {
      document.body.dataset.state = "test-waiting";
    });
    await paste(page, "source-text", "left");
    await paste(page, "compare-text", "right");
    await page.waitFor(() => !document.getElementById("busy").hidden);
    await page.press("Shift");
    await waitCompared(page, { timeout: 90_000 });
    const order = await noted(page);
    assertBefore(order, "busy shown", "key Shift");
    assertBefore(order, "key Shift", "busy hidden");
    assertBefore(order, workerGot(lengths.left + lengths.right), "state compared");
    await captureDownloads(page);
    await disclose(page, "share-export");
    await page.click("#export-json");
    const [exported] = await downloads(page, 1);
    const result = JSON.parse(exported.text);
    const shown = await page.evaluate(() => {
      const root = document.getElementById("redline");
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const parts = [];
      while (walker.nextNode()) if (!walker.currentNode.parentElement.closest("del, .wd-sr-only, .wd-move-from, .wd-move-to, .wd-hidden-boilerplate, .wd-source-link")) parts.push(walker.currentNode.data);
      return {
        whole: parts.join("") === window.__texts.right,
        stops: root.querySelectorAll("[data-wd-stop]").length,
        status: document.getElementById("status").textContent,
        longestBlock: Math.max(...[...root.querySelectorAll(".wd-block")].map((b) => b.textContent.length)),
      };
    });
    const changes = expectedChanges(result).length;
    assert.ok(shown.whole, "the redline holds the whole comparison text");
    assert.equal(shown.stops, changes);
    assert.equal(shown.status, `${changes} ${changes === 1 ? "change" : "changes"}.${result.approximate ? APPROXIMATE : ""}`);
    assert.ok(shown.longestBlock < 4_000, `the long line is laid out in blocks (longest ${shown.longestBlock} characters)`);
    assert.deepEqual(page.log.errors, []);
    return result;
  }

  test("a single 5 MB line against an edited copy compares in the worker and renders whole, the page handling a key meanwhile", { timeout: 180_000 }, async () => {
    const page = await openPage(browser);
    const result = await comparesLarge(page, "line");
    assert.ok(result.stats.replacements + result.stats.insertions + result.stats.deletions > 0);
  });

  test("a million identical words against a copy with one word added compare in the worker, the page handling a key meanwhile", { timeout: 180_000 }, async () => {
    const page = await openPage(browser);
    const result = await comparesLarge(page, "same");
    if (!result.approximate) assert.equal(result.stats.insertions, 1, "one word added");
  });

  test("share links that cannot be opened say why, open nothing of theirs, and the page shows the sample or keeps the texts", async () => {
    const page = await openPage(browser);
    await disclose(page);
    await disclose(page, "share-export");
    await page.click("#share-texts");
    await page.click("#share");
    const good = await page.waitFor(() => document.getElementById("share-link").value);
    const fragment = new URL(good).hash.slice(1);
    assert.match(fragment, /^v=1&.*&t=[\w-]+&end=$/);
    const payload = /&t=([\w-]+)&end=$/.exec(fragment)[1];
    const sample = `The page shows the sample instead: “${AP}” against “${KOMPAS}”.`;
    const links = [
      [fragment.slice(0, Math.floor(fragment.length * 0.7)), `This link is incomplete: its end was cut off, as mail and chat tools do to long links. Ask for the link again, or for the exported report. ${sample}`],
      [fragment.replace(payload, `${payload.slice(0, 10)}!*${payload.slice(12)}`), `This link is damaged: the texts in it cannot be read, as some of its characters were changed or lost. Ask for the link again, or for the exported report. ${sample}`],
      [fragment.replace(payload, `${payload.slice(0, 20)}AAAA${payload.slice(24)}`), `This link is damaged: the texts in it cannot be read, as some of its characters were changed or lost. Ask for the link again, or for the exported report. ${sample}`],
      [fragment.replace(/^v=1/, "v=7"), `This link comes from a newer wirediff (link format 7; this page reads format 1): open it where it was made, or ask for the exported report. ${sample}`],
      ["v=1&view=redline&source=009_0123456789abcdef.txt&compare=000_a7be8358ffd46965.txt&end=", `This link names a sample text this page does not have, “009_0123456789abcdef.txt”: it may come from another wirediff site. ${sample}`],
      // malformed fields, each named
      [fragment.replace(/^v=1&/, ""), `This link has no valid format (the field v, a whole number from 1): it was changed or not made by wirediff. Ask for the link again, or for the exported report. ${sample}`],
      ...["0", "-1", "NaN", "1e999", "1.5", ""].map((v) => [
        fragment.replace(/^v=1/, `v=${v}`),
        `This link has no valid format (the field v${v && `=“${v}”`}, a whole number from 1): it was changed or not made by wirediff. Ask for the link again, or for the exported report. ${sample}`,
      ]),
      [`v=1&view=redline&source=${SAMPLES.ap}&compare=${SAMPLES.kompas}&sl=%20%20&end=`, `This link gives the source text a blank label (the field sl): it was changed or damaged. Ask for the link again, or for the exported report. ${sample}`],
      [`v=1&view=redline&source=${SAMPLES.ap}&compare=${SAMPLES.kompas}&cl=&end=`, `This link gives the comparison text a blank label (the field cl): it was changed or damaged. Ask for the link again, or for the exported report. ${sample}`],
      [
        `v=1&view=redline&on=&off=&t=${deflateSync(JSON.stringify({ left: { label: "Wire", text: "Workers marched." }, right: { label: "\u3000\n", text: "Workers marched on." } })).toString("base64url")}&end=`,
        `This link gives the comparison text a blank label (the field t): it was changed or damaged. Ask for the link again, or for the exported report. ${sample}`,
      ],
    ];
    for (const [link, message] of links) {
      const copy = await browser.page();
      await copy.goto(`/#${link}`);
      await waitCompared(copy);
      assert.equal(await copy.evaluate(() => (document.getElementById("notice").hidden ? null : document.getElementById("notice").textContent)), message, link);
      const shown = await inputs(copy);
      assert.deepEqual(shown.picked, [SAMPLES.ap, SAMPLES.kompas], "the sample pair is shown");
      assert.equal(await copy.evaluate(() => document.getElementById("source-pick").options.length), 5, "no version was added from the link");
      await copy.close();
    }

    // A sample link whose sample has changed since: opened, with a warning.
    const changed = await browser.page();
    await changed.goto(`/#v=1&view=sbs&source=${SAMPLES.npr}&sh=00000000&compare=${SAMPLES.kompas}&end=`);
    await waitCompared(changed);
    assert.equal(
      await changed.text("#notice"),
      "This link was made with another version of the sample “NPR (radio transcript)” than this page has: what you see may differ from what the sender saw.",
    );
    assert.deepEqual((await inputs(changed)).picked, [SAMPLES.npr, SAMPLES.kompas]);
    assert.equal(await changed.evaluate(() => document.body.dataset.view), "side-by-side");

    // In an open page a bad link keeps what the reader has; a good one then opens.
    await afterChange(page, () => page.fill("#compare-text", "The reader's own text, typed before the link."));
    const mine = await inputs(page);
    await page.evaluate((link) => {
      location.hash = link;
    }, fragment.slice(0, 40));
    await page.waitFor(() => !document.getElementById("notice").hidden);
    assert.equal(await page.text("#notice"), "This link is incomplete: its end was cut off, as mail and chat tools do to long links. Ask for the link again, or for the exported report. Your texts are as they were.");
    assert.deepEqual(await inputs(page), mine);
    await afterChange(page, () =>
      page.evaluate((link) => {
        location.hash = link;
      }, fragment),
    );
    assert.equal(await page.evaluate(() => document.getElementById("notice").hidden), true, "a good link clears the message");
    const opened = await inputs(page);
    assert.equal(opened.versions, mine.versions, "the good link's texts are the samples the page holds: shown, not added again");
    assert.deepEqual(opened.picked, [SAMPLES.ap, SAMPLES.kompas]);
    assert.deepEqual(page.log.errors, []);
  });
});
