// The answer first: once a comparison is shown, a one-line scorecard (the
// engine's verdict, derived share, quotes and numbers changed, what became of
// the agency's credit) sits at the top, the texts fold into "Edit texts" (open on an
// empty page), Limits sit under "Advanced", and the scorecard and the first
// change are on the first screen at desktop and phone sizes.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ARTIFACTS, forEachBrowser } from "../harness/driver.mjs";
import { disclose, engineNow, waitCompared } from "../harness/page-helpers.mjs";

/** Where the scorecard and the first change are, and the viewport. */
function geometry(page) {
  return page.evaluate(() => {
    const box = (el) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
    };
    return {
      viewport: { width: innerWidth, height: innerHeight },
      scrollY,
      scorecard: box(document.getElementById("scorecard")),
      // the verdict and the figures; the credit check's words may go on below them
      lines: new Set([...document.querySelectorAll("#scorecard .wd-score:not([hidden]):not([data-wd-score=credit])")].map((e) => Math.round(e.getBoundingClientRect().top))).size,
      change: box(document.querySelector('#redline [data-wd-stop="0"]')),
      open: document.getElementById("edit-texts").open,
    };
  });
}

const within = (r, v) => r && r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= v.height && r.right <= v.width;

forEachBrowser((browser) => {
  for (const [width, height] of [[1366, 900], [390, 844]]) {
    test(`at ${width}×${height} the scorecard and the first change of AP vs Kompas are on the first screen`, async () => {
      const page = await browser.page();
      await page.setViewport(width, height);
      await page.goto("/");
      await waitCompared(page);
      const at = await geometry(page);
      await page.screenshot(`${ARTIFACTS}answer-${width}x${height}-${browser.name}.png`);
      assert.equal(at.scrollY, 0, "the page is not scrolled");
      assert.equal(at.open, false, "the texts are folded away once compared");
      assert.ok(within(at.scorecard, at.viewport), `the scorecard is in the viewport: ${JSON.stringify(at)}`);
      assert.ok(within(at.change, at.viewport), `the first change is in the viewport: ${JSON.stringify(at)}`);
      assert.ok(at.scorecard.bottom <= at.change.top, "the scorecard comes before the comparison");
      if (width >= 1366) assert.equal(at.lines, 1, "on a desktop screen the verdict and figures are one line");
    });
  }

  test("the scorecard states the engine's verdict, derived share, quotes and numbers changed, and what became of the agency's credit", async () => {
    const page = await browser.page();
    await page.goto("/");
    await waitCompared(page);
    const { result } = await engineNow(page);
    const s = result.stats;
    const scores = await page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll("#scorecard [data-wd-score]")].map((e) => [e.dataset.wdScore, { text: e.textContent, value: e.dataset.value ?? null, hidden: e.hidden }])),
    );
    assert.deepEqual(Object.keys(scores), ["verdict", "derivedShare", "quotes", "numbers", "credit"]);
    assert.equal(scores.verdict.text, `Verdict: ${s.verdict}`);
    assert.equal(Number(scores.derivedShare.value), s.derivedShare);
    assert.ok(scores.derivedShare.text.startsWith(`${Math.round(s.derivedShare * 100)}% from AP`), scores.derivedShare.text);
    const changed = (t) => t.cut + t.altered + t.added;
    assert.deepEqual(JSON.parse(scores.quotes.value), s.quotes);
    assert.match(scores.quotes.text, changed(s.quotes) ? new RegExp(`^${changed(s.quotes)} quotes? changed \\(`) : /^no quote changed$/);
    assert.ok(changed(s.quotes) > 0, "Kompas cut quotes: the sample exercises the count");
    if (s.quotes.cut) assert.ok(scores.quotes.text.includes(`${s.quotes.cut} cut`));
    assert.deepEqual(JSON.parse(scores.numbers.value), s.numbers);
    assert.match(scores.numbers.text, changed(s.numbers) ? new RegExp(`^${changed(s.numbers)} numbers? changed \\(`) : /^no number changed$/);
    const credits = result.credits.map((c) => `${c.agency} ${c.status}`);
    assert.ok(credits.length > 0, "the AP sample credits AP: the slot is exercised");
    assert.deepEqual(scores.credit, { text: `Credit: ${credits.join(", ")}`, value: null, hidden: false }, "the credit check's words");
  });

  test("Edit texts opens and closes from the keyboard, stays open while the editor types, and Limits are under Advanced", async () => {
    const page = await browser.page();
    await page.goto("/");
    await waitCompared(page);
    assert.equal(await page.evaluate(() => document.getElementById("compare-text").checkVisibility()), false, "the text box is folded away");
    await page.evaluate(() => document.querySelector("#edit-texts > summary").focus());
    await page.press("Enter");
    assert.equal(await page.evaluate(() => document.getElementById("edit-texts").open), true, "Enter opens it");
    await page.fill("#compare-text", "The workers cheered the president.");
    await waitCompared(page);
    assert.equal(await page.evaluate(() => document.getElementById("edit-texts").open), true, "a comparison does not fold it again");
    assert.equal(await page.evaluate(() => document.getElementById("max-mb").checkVisibility()), false, "Limits are folded under Advanced");
    await disclose(page, "advanced");
    assert.equal(await page.evaluate(() => document.getElementById("max-mb").checkVisibility()), true, "Advanced shows the size limit");
    await page.evaluate(() => document.querySelector("#edit-texts > summary").focus());
    await page.press(" ");
    assert.equal(await page.evaluate(() => document.getElementById("edit-texts").open), false, "Space closes it");
  });

  test("on an empty page the texts are open: a link whose texts are empty", async () => {
    const page = await browser.page();
    await page.goto("/");
    await waitCompared(page);
    const fragment = await page.evaluate(async () => {
      const { encodeState } = await import("/share.js");
      const texts = { left: { label: "Wire", text: "" }, right: { label: "Outlet", text: "" } };
      return encodeState({ view: "redline", options: {}, source: null, compare: null, texts }, { withTexts: true });
    });
    const fresh = await browser.page();
    await fresh.goto(`/#${fragment}`);
    await fresh.waitFor(() => document.body.dataset.state === "empty");
    assert.equal(await fresh.evaluate(() => document.getElementById("edit-texts").open), true);
    assert.equal(await fresh.evaluate(() => document.getElementById("scorecard-box").hidden), true, "no comparison, no scorecard");
    assert.equal(await fresh.evaluate(() => document.getElementById("source-text").checkVisibility()), true, "the source box is there to type in");
  });
});
