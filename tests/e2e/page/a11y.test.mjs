// Accessibility and hygiene: an axe-core scan of every view in the light and
// the dark theme finds nothing serious or critical, and no two landmarks of one name; changes carry non-colour
// cues; and a whole session (views, navigation, share, export) causes no CSP
// violation and requests nothing but the page's own static files.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test } from "node:test";
import { forEachBrowser } from "../harness/driver.mjs";
import { afterChange, captureDownloads, disclose, downloads, engineNow, foreignRequests, openPage, pickView, waitCompared } from "../harness/page-helpers.mjs";

// axe-core from npm, injected as its file's text (never fetched by the page).
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const LATIN2 = readFileSync(new URL("../harness/files/wire-latin2.txt", import.meta.url));

async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ["violations"] });
    return violations
      // landmark-unique is "moderate", and asked for by name: two landmarks of one name cannot be told apart
      .filter((v) => v.impact === "serious" || v.impact === "critical" || v.id === "landmark-unique")
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")} (${n.failureSummary?.split("\n").slice(1).join(" ").slice(0, 160)})`).join("; ")}`);
  });
}

forEachBrowser((browser) => {
  for (const scheme of ["light", "dark"]) {
    test(`axe finds no serious or critical violation, nor two landmarks of one name, in any view, ${scheme} theme`, { timeout: 120_000 }, async () => {
      const page = await browser.page();
      await page.emulateColorScheme(scheme);
      await page.goto("/");
      await waitCompared(page);
      await disclose(page);
      assert.equal(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches), scheme === "dark");
      const { result } = await engineNow(page);
      const views = ["redline", "side-by-side", ...(result.right?.sentences ? ["provenance"] : [])];
      assert.ok(views.includes("provenance"), "the engine labels sentences: the provenance view is scanned too");
      for (const view of views) {
        await pickView(page, view);
        if (view === "provenance") await page.evaluate(() => document.querySelector("[data-wd-sent][tabindex]").focus()); // the sentence detail shows
        if (view === "provenance") {
          // a sentence's sources, opened: the panel with its word-by-word quotes
          await page.evaluate(() => document.querySelector("#redline [data-wd-sources][aria-expanded]").click());
          assert.equal(await page.evaluate(() => document.getElementById("sentence-detail").querySelectorAll(".wd-source-quote").length > 0), true, `${view}: the sources panel is open`);
        }
        if (view === "redline") {
          await page.evaluate(() => document.activeElement?.blur());
          await page.press("n"); // the current-change highlight
        }
        assert.deepEqual(await axe(page), [], `${view}, ${scheme}`);
      }
      // the other states: a pane's message with its choice of encoding, a link's message, an error
      await afterChange(page, () => page.setFiles("#compare-file", [{ name: "wire-latin2.txt", mimeType: "text/plain", buffer: LATIN2 }]));
      await page.evaluate(() => {
        location.hash = "v=7&end=";
      });
      await page.waitFor(() => !document.getElementById("notice").hidden && !document.querySelector("#compare-notice label").hidden);
      // an error: a pasted text above a lowered size limit (1.2 MB of "é" against 1 MB)
      await disclose(page, "advanced");
      await page.fill("#max-mb", "1");
      await page.evaluate(() => {
        const text = "é".repeat(600_000);
        const clipboardData = new DataTransfer();
        clipboardData.setData("text/plain", text);
        const box = document.getElementById("compare-text");
        box.focus();
        box.select();
        box.dispatchEvent(new ClipboardEvent("paste", { clipboardData, dataType: "text/plain", data: text, bubbles: true, cancelable: true }));
      });
      await page.waitFor(() => document.body.dataset.state === "error");
      assert.deepEqual(await axe(page), [], `error state, ${scheme}`);
      await page.fill("#max-mb", "32"); // the limit is remembered: leave it as it was
      assert.deepEqual(page.log.violations, []);
    });
  }

  test("insertions and deletions carry non-colour cues: underline, strike-through and hidden labels", async () => {
    const page = await openPage(browser);
    const cues = await page.evaluate(() => {
      const root = document.getElementById("redline");
      const marks = [...root.querySelectorAll("ins[data-wd-stop], del[data-wd-stop], .wd-replace[data-wd-stop] ins, .wd-replace[data-wd-stop] del")];
      return marks.map((m) => ({
        tag: m.localName,
        line: getComputedStyle(m).textDecorationLine,
        label: m.querySelector(".wd-sr-only")?.textContent ?? "",
        hidden: (() => {
          const s = m.querySelector(".wd-sr-only");
          if (!s) return false;
          const r = s.getBoundingClientRect();
          return r.width <= 1 && r.height <= 1;
        })(),
      }));
    });
    assert.ok(cues.length > 3);
    for (const c of cues) {
      assert.match(c.line, c.tag === "ins" ? /underline/ : /line-through/, JSON.stringify(c));
      assert.match(c.label, c.tag === "ins" ? /inserted|spelled now|break added/ : /deleted|spelled before|break removed/, JSON.stringify(c));
      assert.ok(c.hidden, "the label is visually hidden");
    }
  });

  test("a whole session causes no CSP violation and requests only the page's own static files", { timeout: 120_000 }, async () => {
    const page = await openPage(browser);
    await disclose(page);
    await disclose(page, "share-export");
    for (const view of ["side-by-side", "provenance", "redline"]) await pickView(page, view);
    await page.evaluate(() => document.activeElement?.blur());
    for (let i = 0; i < 5; i++) await page.press("n");
    await afterChange(page, () => page.fill("#compare-text", "a private draft that must not leave the browser"));
    await afterChange(page, () => page.click('input[name="ignoreCase"]'));
    await page.click("#share-texts");
    await page.click("#share");
    await page.waitFor(() => !document.getElementById("share-link").hidden);
    await captureDownloads(page);
    await page.click("#export-html");
    await page.click("#export-json");
    await downloads(page, 2);
    await page.click('.wd-options input[name="hideBoilerplate"]');
    await page.waitFor(() => !document.getElementById("redline").hasAttribute("data-rendering"));
    assert.deepEqual(page.log.violations, []);
    assert.deepEqual(page.log.errors, []);
    assert.deepEqual(foreignRequests(page), []);
    const own = page.log.requests.map((u) => new URL(u).pathname);
    // pkg/snippets/…: the JS that builds the engine's result objects (wasm-bindgen's layout)
    for (const path of own) assert.match(path, /^\/([\w.-]+\.(html|js|css|json|wasm|txt)|(render|page)\/[\w-]+\.js|pkg\/(snippets\/wirediff-\w+\/src\/wasm\/)?[\w.-]+|samples\/[\w.]+)?$/, `a static file: ${path}`);
    assert.ok(!page.log.requests.some((u) => u.split("#")[0].includes("private")), "no request carries article text");
  });
});
