// The engine's warm-up in idle time after the first comparison (www/warm.js,
// issue 15: the first comparisons are fast too). It must leave nothing a user
// could see: the same comparisons, no errors, and an editor who types while it
// runs is answered, the warm-up pausing until the page has been quiet.
import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachBrowser } from "../harness/driver.mjs";
import { disclose, openPage, waitCompared } from "../harness/page-helpers.mjs";
import { QUIET_MS } from "../../../www/warm.js";

const WARM_TIMEOUT = { timeout: 60_000 };
const warmEnded = (page) =>
  page.waitFor(
    () => {
      const mark = performance.getEntriesByName("wd:engine-warm")[0];
      return mark && { startTime: mark.startTime, detail: mark.detail };
    },
    undefined,
    WARM_TIMEOUT,
  );

/** What a reader sees of the comparison. */
const shown = (page) =>
  page.evaluate(() => ({
    redline: document.getElementById("redline").textContent,
    status: document.getElementById("status").textContent,
    scorecard: document.getElementById("scorecard").textContent,
    summary: document.getElementById("summary").textContent,
  }));

forEachBrowser((browser) => {
  test("the warm-up ends (wd:engine-warm) and leaves the comparison as it was, with no error", async () => {
    const page = await openPage(browser);
    const before = await shown(page);
    const warm = await warmEnded(page);
    assert.ok(warm.detail.calls > 0, "the engine was called in idle time");
    // the same pair compared again after the warm-up, by choosing another version and back
    const kompas = await page.value("#compare-pick");
    await disclose(page);
    await page.select("#compare-pick", "002_36e125501881ede5.txt");
    await waitCompared(page);
    await page.select("#compare-pick", kompas);
    await waitCompared(page);
    assert.deepEqual(await shown(page), before);
    assert.deepEqual(page.log.errors, []);
    assert.deepEqual(page.log.violations, []);
  });

  test("text typed while the engine warms up is compared, and the warm-up waits for the page to be quiet", async () => {
    const page = await openPage(browser);
    // every key, click and paste from here on, on the page's clock
    await page.evaluate(() => {
      window.lastAction = 0;
      for (const type of ["keydown", "pointerdown", "paste", "input"]) addEventListener(type, () => (window.lastAction = performance.now()), true);
    });
    assert.equal(await page.evaluate(() => performance.getEntriesByName("wd:engine-warm").length), 0, "the warm-up is still running");
    await disclose(page);
    await page.fill("#compare-text", "Workers at the zebra plant walked out on Monday.");
    await waitCompared(page);
    const inserted = await page.evaluate(() => [...document.querySelectorAll("#redline ins")].map((e) => e.textContent).join(" "));
    assert.match(inserted, /zebra/, "the typed text was compared");
    const warm = await warmEnded(page);
    const lastAction = await page.evaluate(() => window.lastAction);
    assert.ok(lastAction > 0, "the page saw the editor act");
    assert.ok(warm.startTime >= lastAction + QUIET_MS, `the warm-up ended ${warm.startTime - lastAction} ms after the last action, before the page was quiet for ${QUIET_MS} ms`);
    assert.deepEqual(page.log.errors, []);
  });
});
