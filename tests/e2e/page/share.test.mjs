// Share links (the URL fragment, never sent anywhere) and exports (a
// standalone HTML report, the engine's result as JSON).
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { ARTIFACTS, forEachBrowser } from "../harness/driver.mjs";
import { afterChange, captureDownloads, disclose, downloads, engineNow, openPage, pickView, SAMPLES, waitCompared } from "../harness/page-helpers.mjs";

const LEFT = "MINSK, Belarus (AP) — Workers heckled and jeered President Alexander Lukashenko on Monday.\n\nHe said: “There will be no new election until you kill me.”\n\n5,000 workers marched.";
const RIGHT = "MINSK, KOMPAS.com - Workers jeered President Alexander Lukashenko.\n\nHe said: \"There will be no new elections until you kill me.\" 😮\n\n6,000 workers marched <script>alert(1)</script> & more.";

/** Everything a reader could see differ between two pages showing a comparison. */
function comparisonState(page) {
  return page.evaluate(() => ({
    left: document.getElementById("source-text").value,
    right: document.getElementById("compare-text").value,
    leftLabel: document.getElementById("source-label").value,
    rightLabel: document.getElementById("compare-label").value,
    options: Object.fromEntries([...document.querySelectorAll(".wd-options input")].map((i) => [i.name, i.checked])),
    view: document.body.dataset.view,
    status: document.getElementById("status").textContent,
    summary: document.getElementById("summary").innerHTML,
    facts: document.getElementById("facts").innerHTML,
    html: document.getElementById("redline").innerHTML,
  }));
}

async function shareLink(page) {
  await page.evaluate(() => {
    document.getElementById("share-link").value = "";
  });
  await page.click("#share");
  return page.waitFor(() => {
    const input = document.getElementById("share-link");
    return !input.hidden && input.value;
  });
}

forEachBrowser((browser) => {
  test("a share link with the texts restores exactly the same comparison in a new page", async () => {
    const page = await openPage(browser);
    await disclose(page);
    await disclose(page, "share-export");
    await afterChange(page, async () => {
      await page.fill("#source-text", LEFT);
      await page.fill("#compare-text", RIGHT);
    });
    await page.fill("#source-label", "AP wire, 17 Aug");
    await page.fill("#compare-label", "Kompas <rewrite>");
    await afterChange(page, () => page.click('input[name="ignoreCase"]'));
    await pickView(page, "side-by-side");
    await page.click("#share-texts");
    const link = await shareLink(page);
    assert.ok(link.startsWith(page.url("/")), "the link is to this page");
    const fragment = new URL(link).hash;
    assert.ok(!fragment.includes("Lukashenko") && !fragment.includes("Workers"), "the texts are compressed, not spelled out");
    const sent = await comparisonState(page);
    const expected = await engineNow(page);

    const copy = await browser.page();
    await copy.goto(link);
    await waitCompared(copy);
    const got = await comparisonState(copy);
    assert.deepEqual(got, sent, "texts, labels, options, view and every rendered node are the same");
    assert.deepEqual((await engineNow(copy)).result, expected.result);
    assert.equal(got.view, "side-by-side");
    assert.equal(got.options.ignoreCase, true);
    assert.deepEqual(copy.log.violations, []);
    const origin = new URL(page.url("/")).origin;
    // (a fragment is never sent over HTTP; Firefox logs the page's URL with it)
    for (const url of copy.log.requests.map((u) => u.split("#")[0])) assert.ok(url.startsWith(origin) && !url.includes("Kompas"), `request ${url}`);
  });

  test("without the texts, a link carries the sample pair, the options and the view; edited texts need the texts", async () => {
    const page = await openPage(browser);
    await disclose(page);
    await disclose(page, "share-export");
    await afterChange(page, () => page.select("#source-pick", SAMPLES.militant));
    await afterChange(page, () => page.select("#compare-pick", SAMPLES.npr));
    await afterChange(page, () => page.click('input[name="ignorePunctuation"]'));
    const link = await shareLink(page);
    assert.ok(!new URL(link).hash.includes("t="), "no texts in the link");
    assert.ok(link.length < 400, `a short link (${link.length})`);
    const sent = await comparisonState(page);
    const copy = await browser.page();
    await copy.goto(link);
    await waitCompared(copy);
    assert.deepEqual(await comparisonState(copy), sent);

    await page.fill("#compare-text", "An edited text.");
    await page.click("#share");
    await page.waitFor(() => document.getElementById("share-message").textContent.includes("tick"));
    assert.equal(await page.evaluate(() => document.getElementById("share-link").hidden), true);
  });

  test("a link that would be too long is refused with a clear message", async () => {
    const page = await openPage(browser);
    await disclose(page);
    await disclose(page, "share-export");
    let seed = 7; // mulberry32: words of random letters, which deflate cannot shrink much
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    let text = "";
    while (text.length < 60_000) text += `${Array.from({ length: 3 + Math.floor(random() * 8) }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join("")} `;
    await afterChange(page, () => page.fill("#compare-text", text));
    await page.click("#share-texts");
    await page.click("#share");
    await page.waitFor(() => /KB long/.test(document.getElementById("share-message").textContent));
    const message = await page.text("#share-message");
    assert.match(message, /would be \d+ KB long, more than the 32 KB/);
    assert.equal(await page.evaluate(() => document.getElementById("share-link").hidden), true);
  });

  test("the HTML report stands alone: styles inlined, no script, article text escaped", async () => {
    const page = await openPage(browser);
    await disclose(page);
    await disclose(page, "share-export");
    await afterChange(page, async () => {
      await page.fill("#source-text", LEFT);
      await page.fill("#compare-text", RIGHT);
    });
    const { result, right } = await engineNow(page);
    await captureDownloads(page);
    await page.click("#export-html");
    const [report] = await downloads(page, 1);
    assert.match(report.name, /^wirediff-.*\.html$/);
    assert.equal(report.type, "text/html");
    assert.ok(!/<script/i.test(report.text), "no <script> in the report");
    assert.ok(report.text.includes("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"), "article text is escaped");
    assert.ok(/<style>[\s\S]*--wd-insert-bg[\s\S]*<\/style>/.test(report.text), "the stylesheet is inlined");
    const path = `${ARTIFACTS}report-${browser.name}.html`;
    await writeFile(path, report.text);

    const standalone = await browser.page();
    await standalone.goto(pathToFileURL(path).href);
    const opened = await standalone.evaluate(() => {
      const root = document.querySelector(".wd-redline");
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let shown = "";
      while (walker.nextNode()) if (!walker.currentNode.parentElement.closest("del, .wd-sr-only, .wd-move-from, .wd-move-to, .wd-source-link")) shown += walker.currentNode.data;
      const ins = root.querySelector("ins");
      return {
        scripts: document.scripts.length,
        shown,
        underline: getComputedStyle(ins).textDecorationLine,
        strike: getComputedStyle(root.querySelector("del")).textDecorationLine,
        verdict: document.querySelector("[data-wd-stat=verdict]")?.textContent ?? null,
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content,
        external: [...document.querySelectorAll("link[href], img[src]")].length,
      };
    });
    assert.equal(opened.scripts, 0);
    assert.equal(opened.shown, right, "the report's redline is the comparison text");
    assert.match(opened.underline, /underline/);
    assert.match(opened.strike, /line-through/);
    assert.equal(opened.verdict, result.stats?.verdict ?? null);
    assert.match(opened.csp, /default-src 'none'/);
    assert.equal(opened.external, 0, "nothing to fetch");
    await standalone.screenshot(`${ARTIFACTS}report-${browser.name}.png`, { fullPage: true });
  });

  test("opening the page and comparing the sample fetches neither export.js nor files.js; exporting fetches export.js", async () => {
    const page = await openPage(browser);
    await disclose(page, "share-export");
    // the page's bundle (scripts/bundle.mjs): bundle.app.js, and a chunk bundle.<module>-<hash>.js per module loaded on demand
    const fetched = (name) => page.log.requests.filter((url) => new URL(url).pathname.replace(/-[a-z0-9]{8}\.js$/, ".js") === `/bundle.${name}`).length;
    assert.equal(fetched("app.js"), 1, "the request log sees the page's modules");
    // all the page runs before an editor acts is that one file (with the engine's glue and worker, which ship apart)
    const scripts = page.log.requests.map((url) => new URL(url).pathname).filter((path) => path.endsWith(".js") && !path.startsWith("/pkg/"));
    assert.deepEqual(scripts.filter((path) => path !== "/worker.js"), ["/bundle.app.js"]);
    assert.equal(fetched("export.js"), 0, "export.js is loaded only to export");
    assert.equal(fetched("files.js"), 0, "files.js is loaded only to open a file");
    await captureDownloads(page);
    await page.click("#export-json");
    await downloads(page, 1);
    assert.equal(fetched("export.js"), 1);
    await page.click("#export-html");
    await downloads(page, 2);
    assert.equal(fetched("export.js"), 1, "fetched once, then cached");
    assert.equal(fetched("files.js"), 0);
    assert.deepEqual(page.log.errors, []);
  });

  test("the JSON export parses and equals the engine's result", async () => {
    const page = await openPage(browser);
    await disclose(page);
    await disclose(page, "share-export");
    await afterChange(page, () => page.click('input[name="unifyQuotes"]'));
    const { result, options } = await engineNow(page);
    assert.equal(options.unifyQuotes, false);
    await captureDownloads(page);
    await page.click("#export-json");
    const [file] = await downloads(page, 1);
    assert.match(file.name, /^wirediff-ap-.*-vs-kompas-.*\.json$/);
    assert.equal(file.type, "application/json");
    assert.deepEqual(JSON.parse(file.text), result);
    assert.deepEqual(page.log.violations, []);
  });
});
