// Versions the editor owns: an edit never changes a sample, so the page never
// calls the editor's text by a sample's name ("Kompas is derived from AP" of
// two texts that are neither), and no two versions share a name.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { forEachBrowser } from "../harness/driver.mjs";
import { afterChange, disclose, openPage, waitCompared } from "../harness/page-helpers.mjs";

const WIRE = "LONDON (Reuters) - Britain's finance minister said on Tuesday that inflation would fall to 3% by the end of the year, as the central bank kept rates on hold.";
const REWRITE = "Inflation in Britain will drop to 3 percent before the year is out, the finance minister said, with the central bank holding rates.";

/** The pane's version, every option's text, and the sample labels, read from the page. */
function panes(page) {
  return page.evaluate(() => {
    const read = (id) => {
      const select = document.getElementById(id);
      return { picked: select.selectedOptions[0].textContent, value: select.value, options: [...select.options].map((o) => o.textContent) };
    };
    return {
      left: read("source-pick"),
      right: read("compare-pick"),
      summary: document.getElementById("summary").textContent,
      rightFresh: document.getElementById("compare-label").classList.contains("wd-fresh-label"),
      message: document.getElementById("share-message").textContent,
    };
  });
}

forEachBrowser((browser) => {
  test("texts pasted over the samples are the editor's own, “Your text 1” and “Your text 2”; the samples stay as they were", async () => {
    const page = await openPage(browser);
    await disclose(page);
    const before = await panes(page);
    const [wire, outlet] = [before.left.picked, before.right.picked];
    await afterChange(page, async () => {
      await page.fill("#source-text", WIRE);
      await page.fill("#compare-text", REWRITE);
    });
    const after = await panes(page);
    assert.equal(after.left.picked, "Your text 1");
    assert.equal(after.right.picked, "Your text 2");
    assert.ok(after.summary.includes("Your text 2") && after.summary.includes("Your text 1"), `the summary names the editor's texts: ${after.summary}`);
    assert.ok(!after.summary.includes(wire) && !after.summary.includes(outlet), `the summary names no sample: ${after.summary}`);
    assert.equal(new Set(after.left.options).size, after.left.options.length, `no two versions share a name: ${after.left.options}`);
    assert.deepEqual(after.left.options, [...before.left.options, "Your text 1", "Your text 2"]);
    // the sample is still there, with its own text
    await afterChange(page, () => page.select("#compare-pick", before.right.value));
    assert.equal((await panes(page)).right.picked, outlet);
    const published = readFileSync(new URL(`../../../www/samples/${before.right.value}`, import.meta.url), "utf8");
    assert.equal(await page.value("#compare-text"), published, "the sample's text is as published");
    assert.deepEqual(page.log.errors, []);
  });

  test("typing into a sample makes “<sample>, edited”, highlighted to be named; a name already taken gets a number", async () => {
    const page = await openPage(browser);
    await disclose(page);
    const before = await panes(page);
    const outlet = before.right.picked;
    await page.evaluate(() => {
      const box = document.getElementById("compare-text");
      box.focus();
      box.setSelectionRange(box.value.length, box.value.length);
    });
    await afterChange(page, async () => {
      for (const key of [" ", "N", "e", "w", "."]) await page.press(key);
    });
    let now = await panes(page);
    assert.equal(now.right.picked, `${outlet}, edited`);
    assert.equal(now.right.options.length, before.right.options.length + 1, "one new version for the whole edit, not one per key");
    assert.ok(now.rightFresh, "its label is highlighted for naming");
    assert.match(now.message, /new version/);
    assert.ok((await page.value("#compare-text")).endsWith(" New."), "the edit went on in the text box");
    assert.ok(!now.summary.includes(`${outlet} is`), `the summary does not speak of the sample: ${now.summary}`);
    // named after a version that has the name already: numbered, never twice
    await page.fill("#compare-label", before.left.picked);
    now = await panes(page);
    assert.equal(now.right.picked, `${before.left.picked} 2`);
    assert.ok(!now.rightFresh, "named: no longer highlighted");
    assert.equal(new Set(now.right.options).size, now.right.options.length);
    await waitCompared(page);
    assert.deepEqual(page.log.errors, []);
  });
});
