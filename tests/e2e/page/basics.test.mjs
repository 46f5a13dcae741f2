// The served page, in every browser the driver runs (headless Chromium and Firefox).
import assert from "node:assert/strict";
import { test } from "node:test";
import { ARTIFACTS, forEachBrowser } from "../harness/driver.mjs";
import { disclose } from "../harness/page-helpers.mjs";

async function openPage(browser) {
  const page = await browser.page();
  await page.goto("/");
  await page.waitFor(() => document.body.dataset.state);
  const state = await page.evaluate(() => [document.body.dataset.state, document.getElementById("status").textContent]);
  assert.deepEqual(state, ["compared", state[1]], `the page did not compare: ${state[1]}`);
  return page;
}

/** The redline's text split into unmarked, inserted and deleted parts. */
function redlineParts(page) {
  return page.evaluate(() => {
    const root = document.getElementById("redline");
    // a mark's text without its hidden label (a spelling change bolds its changed letters in <b>)
    const text = (el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let out = "";
      while (walker.nextNode()) if (!walker.currentNode.parentElement.closest(".wd-sr-only")) out += walker.currentNode.data;
      return out;
    };
    return {
      // unmarked text: text nodes outside <ins>, <del> and hidden labels (the redline is cut into blocks)
      plain: (() => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let out = "";
        while (walker.nextNode()) if (!walker.currentNode.parentElement.closest("ins, del, .wd-sr-only")) out += walker.currentNode.data;
        return out;
      })(),
      inserted: [...root.querySelectorAll("ins")].map(text),
      deleted: [...root.querySelectorAll("del")].map(text),
      all: root.textContent,
    };
  });
}

forEachBrowser((browser) => {
  test("the page opens with AP vs Kompas compared: verbatim text unmarked, the rewritten lede marked", async () => {
    const page = await openPage(browser);
    assert.equal(await page.value("#source-pick"), "001_7874be6ffbaae5d6.txt");
    assert.equal(await page.value("#compare-pick"), "000_a7be8358ffd46965.txt");
    const parts = await redlineParts(page);
    assert.ok(
      parts.plain.includes("over 5,000 striking workers from the Minsk Tractor Plant marched down the streets of the city"),
      "a verbatim paragraph is unmarked",
    );
    assert.ok(
      parts.inserted.some((s) => s.includes("coming under immense")),
      "Kompas's own lede is marked as inserted",
    );
    assert.ok(
      parts.deleted.some((s) => s.includes("as he visited a factory and strikes grew across Belarus")),
      "AP's lede wording is marked as deleted",
    );
    assert.match(await page.text("#status"), /^\d+ changes\.$/);
    await page.screenshot(`${ARTIFACTS}page-ap-vs-kompas-${browser.name}.png`, { fullPage: true });
    assert.deepEqual(page.log.violations, []);
    assert.deepEqual(page.log.errors, []);
  });

  test("picking another version re-renders the comparison", async () => {
    const page = await openPage(browser);
    await disclose(page);
    const before = (await redlineParts(page)).all;
    await page.select("#compare-pick", "002_36e125501881ede5.txt");
    await page.waitFor(() => document.getElementById("redline").textContent.includes("Play Live Radio"));
    const after = await redlineParts(page);
    assert.notEqual(after.all, before);
    assert.ok(after.inserted.some((s) => s.includes("Play Live Radio")));
  });

  test("pasting text into a pane re-compares as the user types", async () => {
    const page = await openPage(browser);
    await disclose(page);
    await page.fill("#source-text", "The workers jeered the president.");
    await page.fill("#compare-text", "The workers cheered the president.");
    await page.waitFor(() => document.getElementById("redline").textContent.includes("cheered"));
    const parts = await redlineParts(page);
    assert.deepEqual(parts.deleted, ["jeered"]);
    assert.deepEqual(parts.inserted, ["cheered"]);
    assert.equal(parts.plain, "The workers  the president.");
  });

  test("article text is rendered as text, never as markup", async () => {
    const page = await openPage(browser);
    await disclose(page);
    await page.fill("#source-text", "safe");
    await page.fill("#compare-text", '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>');
    await page.waitFor(() => document.getElementById("redline").textContent.includes("<script>"));
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.count("#redline img, #redline script"), 0);
    assert.deepEqual(page.log.violations, []);
  });

  test("the page only ever requests its own static files", async () => {
    const page = await openPage(browser);
    await disclose(page);
    await page.fill("#compare-text", "a private draft that must not leave the browser");
    await page.waitFor(() => document.getElementById("redline").textContent.includes("private draft"));
    const origin = new URL(browser.url).origin;
    for (const url of page.log.requests) {
      assert.ok(url.startsWith(origin), `unexpected request ${url}`);
      assert.ok(!url.includes("private"), `article text in a request: ${url}`);
    }
  });
});
