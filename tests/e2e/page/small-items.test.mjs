// The smaller things an editor met (issue 15, point 8): the reuse matrix with
// an emptied box, on a phone with seven versions, and under the pointer; a
// paragraph break read out as one; the step keys in visible words.
import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachBrowser } from "../harness/driver.mjs";
import { afterChange, disclose, openPage, waitCompared } from "../harness/page-helpers.mjs";

const matrixShown = (page) => page.waitFor(() => document.querySelector("#matrix .wd-cell-button, #matrix p") && !document.getElementById("matrix-panel").hidden);

forEachBrowser((browser) => {
  test("the matrix shows no figure of a text that was emptied: it says which version has no text", async () => {
    const page = await openPage(browser);
    await matrixShown(page);
    assert.ok((await page.count("#matrix .wd-cell-button")) > 0, "the five samples have a matrix");
    await disclose(page);
    await page.fill("#compare-text", "");
    await page.waitFor(() => document.body.dataset.state === "empty");
    await page.waitFor(() => !document.querySelector("#matrix table"));
    assert.equal(await page.count("#matrix .wd-cell-button"), 0, "no figure is left from the text before");
    assert.equal(await page.text("#matrix"), "No figures while “\u2068Your text 1\u2069” has no text: type, paste or open one, or remove that version.");
    await afterChange(page, () => page.fill("#compare-text", "Workers walked out of the tractor plant on Monday."));
    await page.waitFor(() => document.querySelectorAll("#matrix .wd-cell-button").length > 0);
  });

  test("on a phone with seven versions the matrix caption is whole on screen, outside the table's scroller", async () => {
    const page = await browser.page();
    await page.setViewport(390, 844);
    await page.goto("/");
    await waitCompared(page);
    await disclose(page);
    await afterChange(page, () => page.fill("#source-text", "Workers walked out of the tractor plant on Monday, witnesses said."));
    await afterChange(page, () => page.fill("#compare-text", "Workers walked out of the plant on Monday."));
    await page.waitFor(() => document.querySelectorAll("#matrix tbody tr").length === 7);
    const at = await page.evaluate(() => {
      const caption = document.getElementById("matrix-caption");
      caption.scrollIntoView({ block: "center", behavior: "instant" });
      const r = caption.getBoundingClientRect();
      const table = document.querySelector("#matrix table");
      return { left: r.left, right: r.right, width: innerWidth, text: caption.textContent, scroller: Boolean(caption.closest(".wd-matrix-wrap")), tableWider: table.scrollWidth > document.getElementById("matrix").clientWidth, describedBy: table.getAttribute("aria-describedby") };
    });
    assert.ok(at.tableWider, "seven versions are wider than a phone: the table scrolls");
    assert.equal(at.scroller, false, "the caption does not scroll with the table");
    assert.ok(at.left >= 0 && at.right <= at.width, `the caption is within the screen: ${JSON.stringify(at)}`);
    assert.match(at.text, /^Share of each version's words/);
    assert.equal(at.describedBy, "matrix-caption");
  });

  test("choosing a cell opens its comparison and leaves the table as it was: the cell stays in its place, now current", async () => {
    const page = await browser.page();
    await page.setViewport(1366, 900);
    await page.goto("/");
    await waitCompared(page);
    await matrixShown(page);
    // where each cell is in the table (not on the screen: opening the comparison takes the reader to it)
    const layout = () =>
      page.evaluate(() => {
        const table = document.querySelector("#matrix table").getBoundingClientRect();
        return {
          cells: [...document.querySelectorAll("#matrix .wd-cell-button")].map((b) => {
            const r = b.getBoundingClientRect();
            return [b.dataset.wdSource, b.dataset.wdCompare, b.textContent, Math.round(r.x - table.x), Math.round(r.y - table.y)];
          }),
          current: [...document.querySelectorAll('#matrix [aria-current="true"]')].map((b) => [b.dataset.wdSource, b.dataset.wdCompare]),
          heads: [...document.querySelectorAll("#matrix th")].map((th) => th.textContent),
        };
      });
    const before = await layout();
    assert.deepEqual(before.current, [["0", "1"]], "AP against Kompas is current");
    await afterChange(page, () => page.click('#matrix button[data-wd-source="3"][data-wd-compare="2"]'));
    await page.waitFor(() => document.querySelector('#matrix button[data-wd-source="3"][data-wd-compare="2"]')?.getAttribute("aria-current") === "true");
    const after = await layout();
    assert.deepEqual(after.cells, before.cells, "every cell keeps its place and its figure");
    assert.deepEqual(after.current, [["3", "2"]], "the chosen cell is now current");
    assert.deepEqual(after.heads.map((h) => h.replace(" (source)", "")), before.heads.map((h) => h.replace(" (source)", "")), "rows and columns keep their order");
    assert.ok(after.heads[3].endsWith(" (source)"), "the column of the new source is noted");
    const pair = await page.evaluate(() => [document.getElementById("source-pick").selectedOptions[0].textContent, document.getElementById("compare-pick").selectedOptions[0].textContent]);
    assert.deepEqual(pair, [after.heads[3].replace(" (source)", ""), after.heads[2]]);
  });

  test("a paragraph break cut is read out as “paragraph break removed”, not as deleted and nothing", async () => {
    const page = await openPage(browser);
    await disclose(page);
    await afterChange(page, () => page.click('input[name="unifyWhitespace"]'));
    await afterChange(page, () => page.fill("#source-text", "Workers walked out.\n\nPolice came."));
    await afterChange(page, () => page.fill("#compare-text", "Workers walked out. Police came."));
    await page.evaluate(() => document.activeElement.blur());
    await page.press("n");
    await page.waitFor(() => document.getElementById("announce").textContent !== "");
    assert.equal(await page.text("#announce"), "Change 1 of 1: paragraph break removed.");
    const labels = await page.evaluate(() => [...document.querySelectorAll("#redline .wd-sr-only")].map((s) => s.textContent));
    assert.ok(labels.includes("[paragraph break removed"), `the mark says so too: ${JSON.stringify(labels)}`);
    assert.ok(!labels.some((l) => /^\[(deleted|inserted): $/.test(l)), `no label of an empty change: ${JSON.stringify(labels)}`);
    await page.click('input[name="unifyWhitespace"]');
  });

  test("the step keys are in visible words beside Previous and Next", async () => {
    const page = await browser.page();
    await page.setViewport(1366, 900);
    await page.goto("/");
    await waitCompared(page);
    const help = await page.evaluate(() => {
      const node = document.getElementById("keys-help");
      return { text: node.textContent, visible: node.checkVisibility(), inBar: Boolean(node.closest(".wd-bar")) };
    });
    assert.deepEqual(help, { text: "Keys: n next, p previous", visible: true, inBar: true });
    await page.press("n");
    assert.match(await page.text("#counter"), /^change 1 of \d+$/, "the n it names steps");
  });
});
