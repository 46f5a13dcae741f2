// Getting texts in: typing and pasting, opening and dropping .txt, .md and
// .html files (an HTML file's scripts must never run), renaming a version,
// and an error from the engine. Bad input has bad-input.test.mjs.
import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachBrowser } from "../harness/driver.mjs";
import { afterChange, disclose, engineNow, openPage, opTexts, readView, waitCompared } from "../harness/page-helpers.mjs";

const HTML = `<!doctype html>
<html><head><title>Workers jeer</title>
<script>window.__ran = "head script"; document.title = "ran";</script>
<style>p { color: red }</style></head>
<body>
<h1>Workers jeer Lukashenko</h1>
<p>MINSK, Belarus (AP) — Workers <b>heckled</b> the president
   at a tractor plant.</p>
<script>window.__ran = "body script";</script>
<p hidden>not visible</p><div style="display: none">nor this</div>
<img src="/tracker.png" onerror="window.__ran = 'onerror'" alt="">
<p>Strikes grew across Belarus.<br>Thousands marched.</p>
</body></html>`;
const HTML_TEXT = "Workers jeer Lukashenko\n\nMINSK, Belarus (AP) — Workers heckled the president at a tractor plant.\n\nStrikes grew across Belarus.\nThousands marched.";

/** The page shows the engine's comparison of what the panes hold. */
async function assertShowsEngine(page) {
  const { result, left, right } = await engineNow(page);
  const shown = await readView(page);
  assert.equal(shown.shown, right);
  assert.deepEqual(shown.cuts, opTexts(result, left, right).cuts);
  return { result, left, right };
}

function picked(page, side) {
  return page.evaluate((id) => {
    const select = document.getElementById(id);
    return { value: select.value, text: select.selectedOptions[0].textContent, options: select.options.length };
  }, side === "left" ? "source-pick" : "compare-pick");
}

forEachBrowser((browser) => {
  test("typing re-compares after a pause; the last text typed is what is shown", async () => {
    const page = await openPage(browser);
    await disclose(page);
    await page.fill("#source-text", "The workers jeered the president.");
    await page.fill("#compare-text", "The workers cheered");
    await page.fill("#compare-text", "The workers cheered the president loudly.");
    await page.waitFor(() => document.getElementById("redline").textContent.includes("loudly"));
    await waitCompared(page);
    const { right } = await assertShowsEngine(page);
    assert.equal(right, "The workers cheered the president loudly.");
    // typing itself is never held up: the text box takes each key at once
    await page.evaluate(() => {
      const box = document.getElementById("compare-text");
      box.focus();
      box.setSelectionRange(box.value.length, box.value.length);
    });
    for (const key of [" ", "T", "o", "d", "a", "y"]) await page.press(key);
    assert.equal(await page.value("#compare-text"), "The workers cheered the president loudly. Today");
    await page.waitFor(() => document.getElementById("redline").textContent.includes("Today"));
    await assertShowsEngine(page);
  });

  test("opening .txt and .md files adds them as versions named after the file", async () => {
    const page = await openPage(browser);
    await disclose(page);
    const before = (await picked(page, "right")).options;
    const txt = "President Alexander Lukashenko flew by helicopter to the plant.\n";
    await afterChange(page, () => page.setFiles("#compare-file", [{ name: "draft-story.txt", mimeType: "text/plain", buffer: Buffer.from(txt) }]));
    assert.equal(await page.value("#compare-text"), txt);
    assert.equal(await page.value("#compare-label"), "draft-story");
    const right = await picked(page, "right");
    assert.equal(right.text, "draft-story");
    assert.equal(right.options, before + 1, "the file is a new version in both lists");
    await assertShowsEngine(page);

    const md = "# Strikes spread\n\n**Workers** at the *Minsk Tractor Plant* walked out.\n";
    await afterChange(page, () => page.setFiles("#source-file", [{ name: "wire.md", mimeType: "text/markdown", buffer: Buffer.from(md) }]));
    assert.equal(await page.value("#source-text"), md, "Markdown is compared as written");
    assert.equal((await picked(page, "left")).text, "wire");
    await assertShowsEngine(page);
    assert.deepEqual(page.log.errors, []);
  });

  test("an opened .html file is reduced to its visible text and none of its scripts run", async () => {
    const page = await openPage(browser);
    await disclose(page);
    await afterChange(page, () => page.setFiles("#compare-file", [{ name: "outlet.html", mimeType: "text/html", buffer: Buffer.from(HTML) }]));
    assert.equal(await page.value("#compare-text"), HTML_TEXT);
    assert.equal(await page.value("#compare-label"), "outlet");
    await assertShowsEngine(page);
    await new Promise((resolve) => setTimeout(resolve, 300)); // time for an image error or a stray script
    assert.equal(await page.evaluate(() => window.__ran), undefined, "no script of the file ran");
    assert.notEqual(await page.evaluate(() => document.title), "ran");
    assert.equal(page.log.requests.filter((u) => u.includes("tracker")).length, 0, "the file's image was not requested");
    assert.deepEqual(page.log.violations, []);
    assert.deepEqual(page.log.errors, []);
  });

  test("dropping a file on a pane opens it there", async () => {
    const page = await openPage(browser);
    await disclose(page);
    await afterChange(page, () =>
      page.evaluate((html) => {
        const file = new File([html], "dropped.html", { type: "text/html" });
        const data = new DataTransfer();
        data.items.add(file);
        const pane = document.querySelector('.wd-pane[data-side="left"]');
        const over = new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true });
        pane.querySelector("textarea").dispatchEvent(over);
        if (!over.defaultPrevented) throw new Error("the pane does not accept the drag");
        pane.querySelector("textarea").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
      }, HTML),
    );
    assert.equal(await page.value("#source-text"), HTML_TEXT);
    assert.equal((await picked(page, "left")).text, "dropped");
    await assertShowsEngine(page);
    assert.equal(await page.evaluate(() => window.__ran), undefined);
  });

  test("renaming a version relabels it in the lists, the summary and the side-by-side header", async () => {
    const page = await openPage(browser);
    await disclose(page);
    await page.fill("#compare-label", "Kompas EN");
    await page.waitFor(() => document.getElementById("compare-pick").selectedOptions[0].textContent === "Kompas EN");
    assert.equal(await page.evaluate(() => document.querySelector('#source-pick option[value="000_a7be8358ffd46965.txt"]').textContent), "Kompas EN");
    const { result } = await engineNow(page);
    if (result.stats) assert.ok((await page.text("#summary")).includes("Kompas EN's words"));
    await page.click('input[name="view"][value="side-by-side"]');
    await page.waitFor(() => document.querySelector(".wd-row-head .wd-cell-right")?.textContent === "Kompas EN");
    await page.fill("#compare-label", "Kompas (English)");
    await page.waitFor(() => document.querySelector(".wd-row-head .wd-cell-right")?.textContent === "Kompas (English)");
    // the matrix names it too
    if (await page.evaluate(() => !document.getElementById("matrix-panel").hidden)) {
      await page.waitFor(() => [...document.querySelectorAll(".wd-matrix th")].some((th) => th.textContent === "Kompas (English)"));
    }
  });

  test("a lone UTF-16 surrogate is compared as U+FFFD, which the box then shows, and the pane says so; the page compares on", async () => {
    const page = await openPage(browser);
    await disclose(page);
    // No encoding can hold half of a character pair: a script (or a link) can still put one in.
    await afterChange(page, () =>
      page.evaluate(() => {
        const box = document.getElementById("compare-text");
        box.value = "broken \ud800 text, twice: \udc00";
        box.dispatchEvent(new Event("input", { bubbles: true }));
      }),
    );
    assert.equal(
      await page.text("#compare-notice p"),
      "The comparison text (“Kompas.com (English edition), edited”) holds 2 lone UTF-16 surrogates (halves of character pairs): compared and shown as U+FFFD (\uFFFD) in their places.",
    );
    assert.equal(await page.value("#compare-text"), "broken \uFFFD text, twice: \uFFFD");
    await assertShowsEngine(page);
    await afterChange(page, () => page.fill("#compare-text", "working text again"));
    await assertShowsEngine(page);
  });
});
