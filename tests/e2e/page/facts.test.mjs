// The facts list and the credit check on the page: numbers by value, whole
// names, quote speakers, cut quotes grouped by their cut passage, credits in
// the summary and the list, and a jump that outlines the exact words.
import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachBrowser } from "../harness/driver.mjs";
import { afterChange, disclose, engineNow, openPage } from "../harness/page-helpers.mjs";

const BODY = "Police said the crowd marched to the square on Sunday night.\n\nThe protest ended peacefully, officials said.\n";

/** Pastes both texts and waits for their comparison. */
async function compare(page, left, right) {
  await disclose(page); // the texts are under Edit texts
  await afterChange(page, () => page.fill("#source-text", left));
  await afterChange(page, () => page.fill("#compare-text", right));
}

/** The texts of the buttons of the facts list, credits first. */
const factButtons = (page) => page.evaluate(() => [...document.querySelectorAll("#facts button.wd-fact")].map((b) => b.textContent));

/** The credit line of the summary: its words and the engine's credits behind them. */
const creditLine = (page) =>
  page.evaluate(() => {
    const stat = document.querySelector('#summary [data-wd-stat="credits"]');
    return { text: stat.textContent, value: JSON.parse(stat.dataset.value) };
  });

forEachBrowser((browser) => {
  test("numbers compare by value: a different quantity is shown with both texts, the same one written differently is no fact; names are whole", async () => {
    const page = await openPage(browser);
    await compare(
      page,
      "He has been held for two and a half years.\n\nSome 7,000 people and 5,000 police were there.\n\nThe talks were led by Foreign Minister Jeremy Hunt in London.\n",
      "He has been held for over two years.\n\nSome 7000 people and five thousand police were there.\n\nThe talks were led by Foreign Minister Rishi Sunak in London.\n",
    );
    const buttons = await factButtons(page);
    assert.ok(buttons.includes("Number altered: two and a half → over two"), buttons.join(" | "));
    assert.ok(buttons.includes("Name altered: Foreign Minister Jeremy Hunt → Foreign Minister Rishi Sunak"), buttons.join(" | "));
    assert.ok(!buttons.some((b) => /7,000|5,000|five thousand/.test(b)), `the same numbers written differently are no facts: ${buttons.join(" | ")}`);
    const numbers = await page.evaluate(() => JSON.parse(document.querySelector('#summary [data-wd-stat="numbers"]').dataset.value));
    assert.deepEqual(numbers, { unchanged: 2, altered: 1, cut: 0, added: 0 });
    assert.deepEqual(page.log.errors, []);
  });

  test("each quote shows the speaker its sentence names", async () => {
    const page = await openPage(browser);
    await compare(
      page,
      "“We will not back down,” said Sergei Dylevsky, a strike leader.\n\n“The factory is ours and we will stay here,” Klaskovsky said.\n",
      "“We will never back down,” said Sergei Dylevsky, a strike leader.\n\n“The factory is ours and we stay here,” Klaskovsky said.\n",
    );
    const quotes = (await factButtons(page)).filter((b) => b.startsWith("Quote"));
    assert.deepEqual(quotes, [
      "Quote altered: “We will not back down,” → “We will never back down,” — Sergei Dylevsky",
      "Quote altered: “The factory is ours and we will stay here,” → “The factory is ours and we stay here,” — Klaskovsky",
    ]);
  });

  test("the credit check: each agency's credit kept, removed, or replaced by the outlet's dateline, in the summary and the facts list", async () => {
    const page = await openPage(browser);
    for (const [source, outlet, words, button] of [
      [`MINSK, Belarus (AP) — ${BODY}`, `MINSK, KOMPAS.com - ${BODY}`, "AP replaced by the outlet's dateline", "Credit: AP replaced by the outlet's dateline: (AP) → MINSK, KOMPAS.com -"],
      [`LONDON, April 17 (Reuters) - ${BODY}`, BODY, "Reuters removed", "Credit: Reuters removed: (Reuters)"],
      [`PARIS (AFP) - ${BODY}`, `PARIS (AFP) - ${BODY}`, "AFP kept", "Credit: AFP kept: (AFP) → (AFP)"],
      [`${BODY}Warga berkumpul di Jakarta. ANTARA FOTO/Galih Pradipta\n`, BODY, "ANTARA removed", "Credit: ANTARA removed: ANTARA"],
      [`SEOUL (Yonhap) -- ${BODY}`, `SEOUL (Yonhap) -- ${BODY}`, "Yonhap kept", "Credit: Yonhap kept: (Yonhap) → (Yonhap)"],
      [`BERLIN (dpa) - ${BODY}`, `BERLIN - ${BODY}`, "dpa removed", "Credit: dpa removed: (dpa)"],
    ]) {
      await compare(page, source, outlet);
      const { result } = await engineNow(page);
      const line = await creditLine(page);
      assert.equal(line.text, words);
      assert.deepEqual(line.value, result.credits, "the summary shows the engine's credits");
      assert.deepEqual((await factButtons(page)).filter((b) => b.startsWith("Credit")), [button]);
    }
    await compare(page, BODY, BODY);
    assert.equal((await creditLine(page)).text, "no agency credit in the source");
    assert.deepEqual(page.log.errors, []);
  });

  test("the sample: its credits as the engine found them, and its cut quotes grouped by the passage that cut them", async () => {
    const page = await openPage(browser);
    const { result } = await engineNow(page);
    assert.ok(result.credits.length > 0, "AP's story credits AP");
    assert.deepEqual((await creditLine(page)).value, result.credits);
    await page.evaluate(() => document.querySelector("#facts [data-wd-more-facts]")?.click());
    const groups = await page.evaluate(() =>
      [...document.querySelectorAll("#facts .wd-fact-group")].map((g) => ({
        label: g.querySelector(".wd-fact-group-label").textContent,
        quotes: g.querySelectorAll("button[data-wd-fact]").length,
      })),
    );
    assert.ok(groups.length > 0, "the cut quotes of one passage are one group");
    for (const g of groups) {
      assert.match(g.label, new RegExp(`^${g.quotes} quotes in the (\\d+ paragraphs|passage) cut( at the end| at the start)?:$`));
      assert.ok(g.quotes >= 2);
    }
  });

  test("a jump to a fact outlines its exact words on both sides, not the whole change, and scrolls them into view", async () => {
    const page = await openPage(browser);
    const filler = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} of the story says nothing new at all.`).join("\n\n");
    await compare(
      page,
      `${filler}\n\nHe has been held in a prison near the border for two and a half years since the vote.\n\n${filler}\n`,
      `${filler}\n\nHe has been held in a prison near the border for over two years since the vote.\n\n${filler}\n`,
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => [...document.querySelectorAll("#facts button[data-wd-fact]")].find((b) => b.textContent.startsWith("Number altered"))?.click());
    const marked = await page.waitFor(() => {
      const marks = [...document.querySelectorAll("#redline mark.wd-fact-here")];
      const box = marks[0]?.getBoundingClientRect();
      return box && box.top >= 0 && box.bottom <= innerHeight && marks.map((m) => [m.parentElement.closest("del, ins").localName, m.textContent]);
    });
    const words = Object.fromEntries(["del", "ins"].map((tag) => [tag, marked.filter((m) => m[0] === tag).map((m) => m[1]).join("")]));
    const { result, left, right } = await engineNow(page);
    const fact = result.facts.find((f) => f.kind === "number");
    // exactly the fact's words that the redline draws as cut and as added: within the fact, never beyond it
    assert.ok(words.del && fact.leftText.includes(words.del.trim()), JSON.stringify(words));
    assert.ok(words.ins && fact.rightText.includes(words.ins.trim()), JSON.stringify(words));
    assert.ok(left.includes(fact.leftText) && right.includes(fact.rightText));
    assert.equal(await page.count("#redline .wd-current"), 0, "the words are outlined, not the whole change");
  });
});
