// One sentence moved is one move: an editor pastes a story and the same story
// with one sentence put elsewhere, and sees one moved passage, one tag at each
// end (its arrow hung in the margin), each a link to the other end that the
// keyboard follows, words for a screen reader, and the sentence framed as
// moved in the provenance view too.
import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachBrowser } from "../harness/driver.mjs";
import { engineNow, openPage, pasteBoth, pickView } from "../harness/page-helpers.mjs";

const MOVED = "Economists polled by Reuters had expected a reading of 3.1 percent.";
const PARAGRAPHS = [
  ["LONDON, April 17 (Reuters) - British inflation fell to its lowest level in two years last month, official data showed on Wednesday.", "Consumer prices rose by 3.2 percent in the twelve months to March, down from 3.4 percent in February.", MOVED],
  ["Finance minister Jeremy Hunt said the figures showed that the government's plan was working.", "Opposition lawmakers said prices remained far higher than three years ago."],
  ["Food prices rose at the slowest pace since late 2021, the Office for National Statistics said.", "Services inflation, watched closely by the central bank, eased only slightly to 6.0 percent."],
];
const story = (paragraphs) => paragraphs.map((p) => p.join(" ")).join("\n\n") + "\n";
const SOURCE = story(PARAGRAPHS);
// the economists' sentence taken from the end of the lede to the end of the story
const COMPARED = story([PARAGRAPHS[0].slice(0, 2), PARAGRAPHS[1], [...PARAGRAPHS[2], MOVED]]);

/** Each end of each moved passage as drawn: its link, the words a reader hears, where its arrow is. */
function ends(page) {
  return page.evaluate(() => {
    const view = document.getElementById("redline");
    const heard = (link) => [...link.childNodes].filter((n) => !(n.nodeType === 1 && n.getAttribute("aria-hidden") === "true")).map((n) => n.textContent).join("");
    return [...view.querySelectorAll(".wd-move-from, .wd-move-to")].map((link) => {
      const arrow = link.querySelector(".wd-move-arrow");
      arrow.scrollIntoView({ block: "center" });
      const box = arrow.getBoundingClientRect();
      const text = link.closest(".wd-chunk").getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return {
        kind: link.classList.contains("wd-move-from") ? "old place" : "new place",
        id: link.id,
        href: link.getAttribute("href"),
        heard: heard(link),
        arrow: arrow.textContent,
        // in the margin: left of the text, inside the view, not clipped
        inMargin: box.right <= text.left + parseFloat(getComputedStyle(link.closest(".wd-chunk")).paddingLeft) + 1 && box.left >= view.getBoundingClientRect().left,
        shown: hit === arrow || arrow.contains(hit),
        tabbable: link.tabIndex >= 0,
      };
    });
  });
}

forEachBrowser((browser) => {
  test("one sentence moved: one move, one tag at each end with its arrow in the margin, linked both ways by keyboard, framed in provenance", async () => {
    const page = await openPage(browser);
    await pasteBoth(page, SOURCE, COMPARED);
    const { result } = await engineNow(page);
    assert.equal(result.moves.length, 1, "the engine finds one move");
    assert.equal(SOURCE.slice(result.moves[0].left.start, result.moves[0].left.end).trim(), MOVED);

    const drawn = await ends(page);
    assert.deepEqual(
      drawn.map(({ kind, id, href, arrow }) => ({ kind, id, href, arrow })),
      [
        { kind: "old place", id: "wd-move-1-old", href: "#wd-move-1-new", arrow: "↓" },
        { kind: "new place", id: "", href: "#wd-move-1-old", arrow: "↑" },
      ],
    );
    // a reader hears the words, not the arrows
    assert.match(drawn[0].heard, /^moved down: “Economists polled .*”$/);
    assert.equal(drawn[1].heard, "moved from above");
    for (const end of drawn) {
      assert.ok(end.inMargin, `the ${end.kind}'s arrow hangs in the margin`);
      assert.ok(end.shown, `the ${end.kind}'s arrow is not clipped`);
      assert.ok(end.tabbable, `the ${end.kind}'s link is in the tab order`);
    }
    // no other tag stands beside either end
    assert.equal(await page.count("#redline .wd-move-from, #redline .wd-move-to"), 2);
    assert.equal(await page.count("#redline .wd-moved"), 1);

    // the keyboard follows each link to the other end
    await page.evaluate(() => document.getElementById("wd-move-1-old").focus());
    await page.press("Enter");
    await page.waitFor(() => document.activeElement?.id === "wd-move-1-new" || document.activeElement?.closest?.("#wd-move-1-new"));
    await page.evaluate(() => document.querySelector("#wd-move-1-new .wd-move-to").focus());
    await page.press("Enter");
    await page.waitFor(() => document.activeElement?.id === "wd-move-1-old");

    // side by side: the same two ends
    await pickView(page, "side-by-side");
    assert.equal(await page.count("#redline .wd-move-from"), 1);
    assert.equal(await page.count("#redline .wd-move-to"), 1);

    // provenance: the moved sentence, and only it, is framed as moved, and the legend says what the frame means
    await pickView(page, "provenance");
    const marked = await page.evaluate(() => [...document.querySelectorAll("#redline .wd-sent.wd-moved")].map((s) => [s.dataset.wdMove, s.querySelector(".wd-sr-only").textContent, s.textContent]));
    assert.equal(marked.length, 1, JSON.stringify(marked));
    const [[id, words, text]] = marked;
    assert.equal(id, "1");
    assert.match(words, /, moved\]/, "a screen reader hears it moved");
    assert.ok(text.includes(MOVED), text);
    assert.equal(await page.count("#legend .wd-moved"), 1, "the legend explains the frame");
  });
});
