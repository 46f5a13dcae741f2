// A line with no space: 10,000,000 characters against a copy with its last 10
// changed is drawn in many blocks, none longer than the renderers' hard
// length (flow.js HARD_CHARS), never cut inside a grapheme cluster, and the
// blocks hold the texts exactly: in every view of the page, in the widget and
// in the exported report. The blocks are asserted, never timings (the
// longest main-thread task is a benchmark row: scripts/bench/longline.mjs).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { forEachBrowser } from "./harness/driver.mjs";
import { startHosts } from "./harness/hosts/servers.mjs";
import { captureDownloads, disclose, downloads, drawnBlocks, largeTexts, openPage, pickView, waitCompared } from "./harness/page-helpers.mjs";

let hosts;
before(async () => (hosts = await startHosts()));
after(() => hosts?.close());

/** What a view drew, checked: many blocks, each at most the hard length, the texts whole, no cluster split. */
function assertBlocks(drawn, streams, where) {
  assert.ok(drawn.blocks >= 10_000_000 / drawn.HARD_CHARS, `${where}: many blocks (${drawn.blocks})`);
  assert.ok(drawn.longest <= drawn.HARD_CHARS, `${where}: the longest block is ${drawn.longest} characters, more than ${drawn.HARD_CHARS}`);
  assert.deepEqual(Object.keys(drawn.streams).sort(), [...streams].sort(), `${where}: what the view shows`);
  for (const name of streams) {
    const stream = drawn.streams[name];
    assert.ok(stream.whole, `${where}: the ${name} text of the blocks, joined, is the text exactly (${stream.length} characters)`);
    assert.deepEqual(stream.splits, [], `${where}: no block ends inside a grapheme cluster of the ${name} text`);
  }
  assert.ok(drawn.streams.shown.cuts >= 10_000_000 / drawn.HARD_CHARS - 1, `${where}: the line goes on from block to block (${drawn.streams.shown.cuts} cuts)`);
}

/** Pastes window.__texts[name] over box `id`, as a user's paste reaches the page. */
function paste(page, id, name) {
  return page.evaluate(
    ({ id, name }) => {
      const text = window.__texts[name];
      const clipboardData = new DataTransfer();
      clipboardData.setData("text/plain", text);
      const box = document.getElementById(id);
      box.focus();
      box.select();
      // Chromium reads `clipboardData`, Firefox `dataType` and `data`
      box.dispatchEvent(new ClipboardEvent("paste", { clipboardData, dataType: "text/plain", data: text, bubbles: true, cancelable: true }));
    },
    { id, name },
  );
}

forEachBrowser((browser) => {
  for (const kind of ["clusters", "spaceless"]) {
    test(`page: a 10 MB line without spaces (${kind}) is drawn in blocks of at most the hard length, cut between grapheme clusters, in every view and in the report`, { timeout: 300_000 }, async () => {
      const page = await openPage(browser);
      await disclose(page);
      await disclose(page, "share-export");
      await page.evaluate(largeTexts, kind);
      await page.evaluate(() => {
        document.body.dataset.state = "test-waiting";
      });
      await paste(page, "source-text", "left");
      await paste(page, "compare-text", "right");
      await waitCompared(page, { timeout: 180_000 });
      const flow = page.url("/render/flow.js");
      assertBlocks(await page.evaluate(drawnBlocks, { where: "page", flow }), ["shown", "cut"], "redline");
      await pickView(page, "side-by-side");
      assertBlocks(await page.evaluate(drawnBlocks, { where: "page", flow }), ["shown", "source"], "side by side");
      if (await page.evaluate(() => !document.querySelector('input[name="view"][value="provenance"]').closest("label").hidden)) {
        await pickView(page, "provenance");
        assertBlocks(await page.evaluate(drawnBlocks, { where: "page", flow }), ["shown"], "provenance");
      }
      await captureDownloads(page);
      await page.click("#export-html");
      await downloads(page, 1);
      await page.evaluate(() => {
        window.__report = window.__downloads[0].text;
      });
      assertBlocks(await page.evaluate(drawnBlocks, { where: "report", flow }), ["shown", "cut"], "report");
      assert.deepEqual(page.log.errors, []);
    });
  }

  test("where Intl.Segmenter is missing, a line of clusters without spaces is still cut between clusters (surrogates, marks, ZWJ, flags, jamo)", async () => {
    const page = await openPage(browser);
    await page.evaluate(largeTexts, "clusters");
    const got = await page.evaluate(async () => {
      const { left, clusters } = window.__texts;
      const text = left.slice(0, 400_000);
      delete Intl.Segmenter;
      // a fresh instance of the module, which looks for Intl.Segmenter when it loads
      const { Flow, HARD_CHARS, pieces } = await import("/render/flow.js?without-segmenter");
      const flow = new Flow(document);
      for (const piece of pieces(text)) flow.text(piece);
      const blocks = [...flow.take(true).children].map((block) => block.textContent);
      const unit = clusters.join("");
      const starts = new Set(clusters.map((_, i) => clusters.slice(0, i).join("").length));
      let at = 0;
      const splits = [];
      for (const block of blocks.slice(0, -1)) {
        at += block.length;
        if (!starts.has(at % unit.length)) splits.push(JSON.stringify(text.slice(at - 4, at + 4)));
      }
      return { missing: typeof Intl.Segmenter === "undefined", HARD_CHARS, whole: blocks.join("") === text, blocks: blocks.length, longest: Math.max(...blocks.map((b) => b.length)), splits };
    });
    assert.ok(got.missing, "Intl.Segmenter is gone");
    assert.ok(got.whole, "the blocks hold the text exactly");
    assert.ok(got.blocks >= 400_000 / got.HARD_CHARS, `many blocks (${got.blocks})`);
    assert.ok(got.longest <= got.HARD_CHARS, `the longest block is ${got.longest} characters`);
    assert.deepEqual(got.splits, [], "no block ends inside a cluster");
  });

  test("widget: a 10 MB line of clusters without spaces is drawn in blocks of at most the hard length, cut between grapheme clusters, redline and side by side", { timeout: 300_000 }, async () => {
    const page = await browser.page();
    await page.goto(`${hosts.plain}hosts/empty.html`);
    await page.waitFor(() => document.readyState === "complete");
    await page.evaluate(largeTexts, "clusters");
    const flow = `${hosts.plain}render/flow.js`;
    for (const [view, streams] of [
      ["redline", ["shown", "cut"]],
      ["side-by-side", ["shown", "source"]],
    ]) {
      const got = await page.evaluate(async (view) => {
        await import("/wire-diff-define.js");
        const { nextEvent } = await import("/hosts/check.js");
        let w = document.querySelector("wire-diff");
        if (!w) {
          w = document.createElement("wire-diff");
          w.style.height = "400px";
          Object.assign(w, { source: window.__texts.left, compare: window.__texts.right });
        }
        const event = nextEvent(w);
        w.view = view;
        document.getElementById("column").append(w);
        const { type, message } = await event;
        return { type, message };
      }, view);
      assert.equal(got.type, "rendered", got.message);
      assertBlocks(await page.evaluate(drawnBlocks, { where: "widget", flow }), streams, `widget ${view}`);
    }
    assert.deepEqual(page.log.errors, []);
  });
});
