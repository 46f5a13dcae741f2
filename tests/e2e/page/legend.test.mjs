// One legend and one colour language: in every view, in the exported report
// and in print, every mark drawn has a legend entry that draws it, and a
// colour means one thing everywhere (a provenance "new" sentence is the added
// green, never the cut red).
import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachBrowser } from "../harness/driver.mjs";
import { afterChange, captureDownloads, disclose, downloads, openPage, pickView } from "../harness/page-helpers.mjs";

/**
 * The classes of the elements under `view` that are not in `legend`'s
 * samples; run in the page. Left out: classes that only lay text out (blocks,
 * rows, cells), hide a label, or show what the reader is pointing at now.
 */
function unexplained({ view, legend, report }) {
  const LAYOUT = ["wd-chunk", "wd-block", "wd-row", "wd-row-cut", "wd-row-head", "wd-cell", "wd-cell-left", "wd-cell-right", "wd-sr-only", "wd-breaks", "wd-replace", "wd-spelling-change", "wd-label", "wd-source-where", "wd-word-diff", "wd-sent", "wd-legend-sample", "wd-current", "wd-move-active"];
  const doc = report ? new DOMParser().parseFromString(window.__report, "text/html") : document;
  const classes = (root) => new Set([...root.querySelectorAll("[class]")].flatMap((e) => [...e.classList]).filter((c) => !LAYOUT.includes(c)));
  const drawn = classes(doc.querySelector(view));
  const explained = classes(doc.querySelector(legend));
  return { drawn: [...drawn], missing: [...drawn].filter((c) => !explained.has(c)) };
}

/** The legend's sample colours in the page: background → the marks drawn in it. */
function colours() {
  const out = {};
  for (const li of document.querySelectorAll("#legend li[data-wd-mark]")) {
    const bg = getComputedStyle(li.firstElementChild).backgroundColor;
    (out[bg] ??= new Set()).add(li.dataset.wdMark);
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v]]));
}

const MOVED = "Police detained dozens of protesters outside the tractor plant late on Monday evening, witnesses said.";

forEachBrowser((browser) => {
  test("every mark class drawn in each view has a legend entry: AP vs Kompas, with boilerplate shown and hidden, and a moved passage", { timeout: 120_000 }, async () => {
    const page = await openPage(browser);
    const check = async (what) => {
      const { drawn, missing } = await page.evaluate(unexplained, { view: "#redline", legend: "#legend" });
      assert.ok(drawn.length > 0, `${what}: marks are drawn`);
      assert.deepEqual(missing, [], `${what}: every mark drawn is in the legend`);
      return drawn;
    };
    const seen = new Set();
    for (const view of ["redline", "side-by-side", "provenance"]) {
      await pickView(page, view);
      for (const c of await check(view)) seen.add(c);
    }
    await disclose(page);
    await afterChange(page, () => page.click('input[name="hideBoilerplate"]'));
    for (const view of ["provenance", "side-by-side", "redline"]) {
      await pickView(page, view);
      for (const c of await check(`${view}, boilerplate hidden`)) seen.add(c);
    }
    await afterChange(page, () => page.click('input[name="hideBoilerplate"]'));
    await afterChange(page, () => page.fill("#source-text", `Workers walked out on Monday.\n\n${MOVED}\n\nThe president flew to the plant.\n\nHe was met with jeers.`));
    await afterChange(page, () => page.fill("#compare-text", `Workers walked out on Monday.\n\nThe president flew to the plant.\n\nHe was met with jeers.\n\n${MOVED}`));
    for (const view of ["redline", "side-by-side"]) {
      await pickView(page, view);
      for (const c of await check(`${view}, a moved passage`)) seen.add(c);
    }
    for (const mark of ["wd-ins", "wd-del", "wd-boilerplate", "wd-hidden-boilerplate", "wd-source-link", "wd-moved", "wd-move-to", "wd-move-from", "wd-sent-new", "wd-sent-verbatim"]) {
      assert.ok(seen.has(mark), `the texts drew ${mark}: the check covered it`);
    }
  });

  test("the exported report has a legend for every mark its redline draws, and options in plain words", async () => {
    const page = await openPage(browser);
    await disclose(page, "share-export");
    await captureDownloads(page);
    await page.click("#export-html");
    const [report] = await downloads(page, 1);
    await page.evaluate((text) => (window.__report = text), report.text);
    const { drawn, missing } = await page.evaluate(unexplained, { view: ".wd-report-redline .wd-redline", legend: ".wd-report-redline .wd-legend", report: true });
    assert.ok(drawn.includes("wd-ins") && drawn.includes("wd-del"), "the report's redline draws marks");
    assert.deepEqual(missing, []);
    const head = await page.evaluate(() => new DOMParser().parseFromString(window.__report, "text/html").querySelector(".wd-report-head p").textContent);
    assert.match(head, /options: unify quotes, unify dashes, unify whitespace\./, "the default options, as the page names them");
    assert.doesNotMatch(head, /unifyQuotes|unifyDashes|unifyWhitespace/);
  });

  test("one colour language: provenance “new” is the added colour, and the cut colour marks nothing but cut text in any view", async () => {
    const page = await openPage(browser);
    const byView = {};
    for (const view of ["redline", "side-by-side", "provenance"]) {
      await pickView(page, view);
      byView[view] = await page.evaluate(colours);
    }
    const added = Object.entries(byView.redline).find(([, marks]) => marks.includes("insert"))[0];
    const cut = Object.entries(byView.redline).find(([, marks]) => marks.includes("delete"))[0];
    assert.notEqual(added, cut);
    assert.ok(byView.provenance[added]?.includes("new"), `a new sentence is drawn in the added colour ${added}: ${JSON.stringify(byView.provenance)}`);
    for (const [view, map] of Object.entries(byView)) {
      for (const mark of map[cut] ?? []) assert.ok(["delete", "cut-break"].includes(mark), `${view}: the cut colour draws only cut text, not ${mark}`);
      for (const mark of map[added] ?? []) assert.ok(["insert", "new", "shared"].includes(mark), `${view}: the added colour draws only added text, not ${mark}`);
    }
  });

  test("print shows the legend, the title, the pair and the date, and none of the controls", async () => {
    const page = await openPage(browser);
    await page.emulateMedia("print");
    const shown = await page.evaluate(() => {
      const visible = (sel) => document.querySelector(sel)?.checkVisibility() ?? false;
      return {
        legend: visible("#legend .wd-legend li"),
        head: visible("#print-head"),
        title: document.getElementById("print-title").textContent,
        pair: document.getElementById("print-pair").textContent,
        controls: ["#edit-texts", "#share-export", ".wd-bar"].filter(visible),
      };
    });
    assert.equal(shown.legend, true);
    assert.equal(shown.head, true);
    assert.equal(shown.title, "wirediff: \u2068Kompas.com (English edition)\u2069 compared with \u2068AP (as syndicated by LatestLY)\u2069");
    assert.match(shown.pair, /^Source: \u2068AP \(as syndicated by LatestLY\)\u2069\. Comparison: \u2068Kompas\.com \(English edition\)\u2069\. Printed on \d{4}-\d{2}-\d{2}\.$/);
    assert.deepEqual(shown.controls, []);
  });
});
