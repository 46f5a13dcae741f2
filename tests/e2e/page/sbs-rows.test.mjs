// Side by side puts every unchanged paragraph beside itself, in one row, also
// when the two texts space their paragraphs differently (AP ends each with a
// blank line, Kompas with a line break; the default options count that as the
// same, so the whole passage is one op whose source cell is cut at its own
// paragraph starts).
import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachBrowser } from "../harness/driver.mjs";
import { afterChange, disclose, openPage, pickView } from "../harness/page-helpers.mjs";

/** The rows of the side-by-side view as [source cell, comparison cell] text, markers and labels left out. */
function rowTexts(page) {
  return page.evaluate(() => {
    const chrome = ".wd-sr-only, .wd-move-from, .wd-move-to, .wd-source-link, .wd-source-quote, .wd-hidden-boilerplate";
    const text = (cell) => {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      let out = "";
      while (walker.nextNode()) if (!walker.currentNode.parentElement.closest(chrome)) out += walker.currentNode.data;
      return out;
    };
    return [...document.querySelectorAll("#redline .wd-row:not(.wd-row-head)")].map((row) => [text(row.querySelector(".wd-cell-left")), text(row.querySelector(".wd-cell-right"))]);
  });
}

/** The paragraphs both texts have word for word. */
const shared = (left, right) => {
  const lines = (t) => t.split(/\n+/).map((p) => p.trim()).filter((p) => p.length > 20);
  const theirs = new Set(lines(right));
  return lines(left).filter((p) => theirs.has(p));
};

/** Asserts each of `paragraphs` stands in a row whose source cell holds it too. */
function assertBeside(rows, paragraphs) {
  for (const p of paragraphs) {
    const row = rows.find(([, r]) => r.includes(p));
    assert.ok(row, `a row shows “${p.slice(0, 40)}…”`);
    assert.ok(row[0].includes(p), `“${p.slice(0, 40)}…” has itself beside it, not “${row[0].trim().slice(0, 60)}…”`);
  }
}

forEachBrowser((browser) => {
  test("AP vs Kompas with the default options: every paragraph both have sits beside itself (“He told the factory workers…” too)", async () => {
    const page = await openPage(browser);
    assert.equal(await page.evaluate(() => document.querySelector("input[name=unifyWhitespace]").checked), true, "the default options unify whitespace");
    await pickView(page, "side-by-side");
    const texts = await page.evaluate(() => [document.getElementById("source-text").value, document.getElementById("compare-text").value]);
    const paragraphs = shared(...texts);
    assert.ok(paragraphs.some((p) => p.startsWith("He told the factory workers")), "the paragraph of the report is among them");
    assert.ok(paragraphs.length >= 3, `${paragraphs.length} paragraphs in common`);
    assertBeside(await rowTexts(page), paragraphs);
  });

  test("an editor's own texts, one with blank lines between paragraphs and one without, line up paragraph by paragraph", async () => {
    const page = await openPage(browser);
    await disclose(page);
    const paragraphs = [
      "The union said 4,000 workers stopped the line on Tuesday morning.",
      "Managers at the plant declined to comment on the stoppage.",
      "Police said the march through the city centre was peaceful.",
      "The strike is the third at the plant this year, the union said.",
    ];
    await afterChange(page, () => page.fill("#source-text", paragraphs.join("\n\n")));
    await afterChange(page, () => page.fill("#compare-text", [paragraphs[0], "A new paragraph the outlet wrote.", ...paragraphs.slice(1)].join("\n")));
    await pickView(page, "side-by-side");
    assertBeside(await rowTexts(page), paragraphs);
  });
});
