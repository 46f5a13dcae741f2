// The driver itself: each page method does the same thing in every engine,
// and the log records what it claims to (a page test that asserts an empty
// log is only as good as the recording behind it).
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { ARTIFACTS, forEachBrowser } from "./driver.mjs";
import { disclose } from "./page-helpers.mjs";

/** Polls a condition on the test's side (e.g. the log) until it holds. */
async function until(check, what, ms = 5000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The page once it has compared its sample, with the texts' section (Edit texts) open to act on. */
async function comparedPage(browser) {
  const page = await browser.page();
  await page.goto("/");
  await page.waitFor(() => document.body.dataset.state === "compared");
  await disclose(page);
  return page;
}

/** Records the paste/input/change events the element fires from now on, in the page. */
function recordEvents(page, selector) {
  return page.evaluate((s) => {
    window.__events = [];
    if (window.__recording) return;
    window.__recording = true;
    for (const type of ["paste", "beforeinput", "input", "change"]) {
      document.querySelector(s).addEventListener(type, (e) =>
        window.__events.push({ type, inputType: e.inputType ?? null, trusted: e.isTrusted }),
      );
    }
  }, selector);
}

forEachBrowser((browser) => {
  test("the log records every request the page makes", async () => {
    const page = await comparedPage(browser);
    const paths = page.log.requests.map((u) => new URL(u).pathname);
    // the page's bundle (scripts/build), the engine's glue and wasm, a sample
    for (const path of ["/", "/bundle.app.js", "/pkg/wirediff.js", "/pkg/wirediff_bg.wasm", "/samples/manifest.json"]) {
      assert.ok(paths.includes(path), `${path} missing from ${paths.join(" ")}`);
    }
  });

  test("the log's requests are those that reach a server: no data: or blob: URLs, in either engine", async () => {
    const page = await browser.page();
    await page.goto("/no-such-page"); // the 404 page: no CSP, so data: and blob: fetches are allowed
    page.log.requests.length = 0;
    await page.evaluate(async () => {
      const image = Object.assign(new Image(), { src: "data:image/gif;base64,R0lGODlhAQABAAAAACw=" });
      await image.decode().catch(() => {});
      await fetch("data:text/plain,in-the-url");
      await fetch(URL.createObjectURL(new Blob(["in memory"])));
      const worker = new Worker(URL.createObjectURL(new Blob(["postMessage(1)"], { type: "text/javascript" })));
      await new Promise((done) => (worker.onmessage = done));
      await fetch("/samples/manifest.json?probe");
    });
    const requests = page.log.requests.filter((url) => !url.endsWith("/favicon.ico")); // Firefox's own, for a page without an icon
    assert.deepEqual(requests, [page.url("/samples/manifest.json?probe")]);
  });

  test("the log records CSP violations: an inline script and an inline style", async () => {
    const page = await comparedPage(browser);
    await page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.__ran = 1";
      document.body.append(s);
      document.body.setAttribute("style", "color: red");
    });
    await until(() => page.log.violations.length >= 2, "two violations");
    assert.deepEqual(page.log.violations.sort(), ["script-src-elem inline", "style-src-attr inline"]);
    assert.equal(await page.evaluate(() => window.__ran), undefined);
  });

  test("the log records uncaught errors and unhandled rejections, by message", async () => {
    const page = await comparedPage(browser);
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error("boom in a timer");
      });
      setTimeout(() => Promise.reject(new Error("boom in a promise")));
    });
    await until(() => page.log.errors.length >= 2, "two page errors");
    assert.deepEqual(page.log.errors.sort(), ["boom in a promise", "boom in a timer"]);
  });

  test("dialogs are dismissed and recorded", async () => {
    const page = await comparedPage(browser);
    assert.equal(await page.evaluate(() => confirm("Discard the pasted text?")), false);
    await page.evaluate(() => setTimeout(() => alert("hello")));
    await until(() => page.log.dialogs.length >= 2, "two dialogs");
    assert.deepEqual(page.log.dialogs, [
      { type: "confirm", message: "Discard the pasted text?" },
      { type: "alert", message: "hello" },
    ]);
    assert.equal(await page.evaluate(() => 1 + 1), 2, "the page is usable after the dialogs");
  });

  test("fill is a user's paste over the whole field: one paste, one beforeinput, one input", async () => {
    const page = await comparedPage(browser);
    await recordEvents(page, "#compare-text");
    const text = "Ünïcode “quotes”, emoji 🗞️ and\nnewlines\tkept.";
    await page.fill("#compare-text", text);
    assert.equal(await page.value("#compare-text"), text);
    assert.deepEqual(await page.evaluate(() => window.__events), [
      { type: "paste", inputType: null, trusted: true },
      { type: "beforeinput", inputType: "insertFromPaste", trusted: true },
      { type: "input", inputType: "insertFromPaste", trusted: true },
    ]);
    await page.waitFor(() => document.getElementById("redline").textContent.includes("emoji 🗞️"));
    await recordEvents(page, "#compare-text");
    await page.fill("#compare-text", "");
    assert.equal(await page.value("#compare-text"), "");
    assert.deepEqual(await page.evaluate(() => window.__events), [
      { type: "beforeinput", inputType: "deleteContentForward", trusted: true },
      { type: "input", inputType: "deleteContentForward", trusted: true },
    ]);
  });

  test("select picks an option and fires input and change", async () => {
    const page = await comparedPage(browser);
    await recordEvents(page, "#compare-pick");
    await page.select("#compare-pick", "002_36e125501881ede5.txt");
    assert.equal(await page.value("#compare-pick"), "002_36e125501881ede5.txt");
    assert.deepEqual(
      (await page.evaluate(() => window.__events)).map((e) => e.type),
      ["input", "change"],
    );
  });

  test("click focuses, press sends keys and chords like a user", async () => {
    const page = await comparedPage(browser);
    await page.click("#compare-text");
    assert.equal(await page.evaluate(() => document.activeElement.id), "compare-text");
    await page.press("Control+a");
    await page.press("Backspace");
    assert.equal(await page.value("#compare-text"), "");
    await page.press("x");
    await page.press("Shift+KeyY");
    assert.equal(await page.value("#compare-text"), "xY");
    await page.waitFor(() => [...document.querySelectorAll("#redline ins")].some((e) => e.textContent.includes("xY")));
  });

  test("click lands on its element while the page is still smooth-scrolling from the last click", async () => {
    // Puppeteer's own click in Firefox lost about a third of these clicks.
    const page = await browser.page();
    await page.goto("/no-such-page");
    await page.evaluate(() => {
      document.body.style.height = "20000px";
      window.__clicked = [];
      for (let i = 0; i < 20; i++) {
        const b = Object.assign(document.createElement("button"), { id: `b${i}`, textContent: `b${i}` });
        Object.assign(b.style, { position: "absolute", left: "0", top: `${300 + i * 420}px`, width: "200px", height: "24px" });
        b.addEventListener("click", () => {
          window.__clicked.push(b.id);
          window.scrollBy({ top: 420, behavior: "smooth" });
        });
        document.body.append(b);
      }
    });
    for (let i = 0; i < 20; i++) await page.click(`#b${i}`);
    assert.deepEqual(await page.evaluate(() => window.__clicked), Array.from({ length: 20 }, (_, i) => `b${i}`));
  });

  test("setFiles gives a file input the files with their names, types and bytes", async () => {
    const page = await comparedPage(browser);
    await page.evaluate(() => {
      const input = Object.assign(document.createElement("input"), { type: "file", id: "upload", multiple: true });
      input.addEventListener("change", () => (window.__changed = true));
      document.body.append(input);
    });
    const story = "Minsk — “Strikes grew”, AP reported.\n";
    await page.setFiles("#upload", [
      { name: "wire.txt", mimeType: "text/plain", buffer: Buffer.from(story) },
      { name: "outlet.html", mimeType: "text/html", buffer: Buffer.from("<p>x</p>") },
    ]);
    const files = await page.evaluate(async () =>
      Promise.all([...document.getElementById("upload").files].map(async (f) => [f.name, f.type, await f.text()])),
    );
    assert.deepEqual(files, [
      ["wire.txt", "text/plain", story],
      ["outlet.html", "text/html", "<p>x</p>"],
    ]);
    assert.equal(await page.evaluate(() => window.__changed), true);
    // A page that empties its file input once it has read it (to take the same file again).
    await page.evaluate(() => document.getElementById("upload").addEventListener("change", (e) => (e.target.value = "")));
    await page.setFiles("#upload", [{ name: "again.txt", mimeType: "text/plain", buffer: Buffer.from("again") }]);
    assert.equal(await page.count("#upload"), 1);
  });

  test("setViewport sizes the window; screenshot writes a PNG of that size or the full page", async () => {
    const page = await comparedPage(browser);
    await page.setViewport(640, 480);
    assert.deepEqual(await page.evaluate(() => [innerWidth, innerHeight]), [640, 480]);
    const layoutWidth = await page.evaluate(() => document.documentElement.clientWidth);
    assert.equal(layoutWidth, 640, "scrollbars take no layout width, in either engine");
    const png = async (name, options) => {
      const path = `${ARTIFACTS}driver-${browser.name}-${name}.png`;
      await page.screenshot(path, options);
      const bytes = await readFile(path);
      assert.equal(bytes.subarray(1, 4).toString(), "PNG");
      return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    };
    assert.deepEqual(await png("viewport"), [640, 480]);
    const [width, height] = await png("full", { fullPage: true });
    const scroll = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.equal(width, 640);
    assert.ok(height > 480 && Math.abs(height - scroll) <= 1, `full page ${height}px, document ${scroll}px`);
  });

  test("emulateColorScheme switches prefers-color-scheme, and it outlasts a navigation", async () => {
    const page = await comparedPage(browser);
    const dark = () => page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches);
    const light = () => page.evaluate(() => matchMedia("(prefers-color-scheme: light)").matches);
    assert.deepEqual([await dark(), await light()], [false, true], "light by default");
    await page.emulateColorScheme("dark");
    assert.deepEqual([await dark(), await light()], [true, false]);
    await page.goto("/?again");
    assert.deepEqual([await dark(), await light()], [true, false]);
    await page.emulateColorScheme("light");
    assert.deepEqual([await dark(), await light()], [false, true]);
    const other = await browser.page();
    await other.goto("/");
    assert.equal(await other.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches), false, "one page's scheme stays its own");
  });
});
