// What a hostile link or a framing page cannot make the page hold: share
// links that would inflate to 24 MB, 400 MB and 1.5 GB are refused, unread or
// at the inflating cap, leaving the versions as they were and the heap where
// it was; a page holds at most 50 versions, and the reuse matrix of many goes
// to the worker; and no other site may frame the page. How long the page's
// main thread is held by such links is a benchmark (scripts/bench/links.mjs),
// not a test.
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { after, before, test } from "node:test";
import { serve } from "../../../scripts/serve.mjs";
import { forEachBrowser } from "../harness/driver.mjs";
import { HOSTS } from "../harness/hosts/servers.mjs";
import { afterChange, disclose, inflatingFragment, openPage, SAMPLES, waitCompared } from "../harness/page-helpers.mjs";

const KEPT = "Your texts are as they were.";
const MB = 1_000_000;
const MAX_VERSIONS = 50;

/** A second origin whose pages may frame any loopback page (their own CSP allows it). */
let framer;
before(async () => (framer = await serve({ port: 0, root: resolve(HOSTS), csp: "default-src 'self'; frame-src http://127.0.0.1:*" })));
after(() => framer?.close());

/** Counts, in the page, every DecompressionStream made and the bytes read out of them. */
function countInflating() {
  window.__inflated = { streams: 0, bytes: 0 };
  const Native = window.DecompressionStream;
  window.DecompressionStream = class extends Native {
    #readable;
    constructor(format) {
      super(format);
      window.__inflated.streams++;
      const count = new TransformStream({
        transform(chunk, out) {
          window.__inflated.bytes += chunk.byteLength;
          out.enqueue(chunk);
        },
      });
      this.#readable = super.readable.pipeThrough(count);
    }

    get readable() {
      return this.#readable;
    }
  };
}

/**
 * Opens `fragment` in the open page (a hashchange) and returns the notice it
 * gives; or, when the browser itself refuses so long a URL (Firefox takes
 * none over 1 MB), `{ browserRefused: the error's name }`.
 */
async function noticeFor(page, fragment) {
  await page.evaluate(() => {
    document.getElementById("notice").hidden = true;
  });
  const set = await page.evaluate((f) => {
    try {
      location.hash = f;
      return null;
    } catch (error) {
      return String(error?.name ?? error);
    }
  }, fragment);
  if (set) return { browserRefused: set };
  return page.waitFor(() => !document.getElementById("notice").hidden && document.getElementById("notice").textContent, undefined, { timeout: 60_000 });
}

/** The versions the page offers, and the texts it shows. */
function shown(page) {
  return page.evaluate(() => ({
    versions: [...document.getElementById("source-pick").options].map((o) => o.value),
    picked: [document.getElementById("source-pick").value, document.getElementById("compare-pick").value],
    right: document.getElementById("compare-text").value,
  }));
}

async function setLimitMb(page, mb) {
  await afterChange(page, () =>
    page.evaluate((mb) => {
      const input = document.getElementById("max-mb");
      input.value = String(mb);
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }, mb),
  );
}

forEachBrowser((browser) => {
  test("share links inflating to 24 MB, 400 MB and 1.5 GB are refused unread or at the cap, the versions as they were and the heap back where it was (heap: Chromium only, Firefox's driver has no per-page figure; Firefox refuses the 1.94 MB URL itself)", { timeout: 240_000 }, async (t) => {
    const page = await openPage(browser);
    // a limit of 5 MB a text: the 24 MB link fits the 32 KB, and its texts pass the 10 MB cap
    await setLimitMb(page, 5);
    await page.evaluate(countInflating);
    const before = await shown(page);
    const heapBefore = await page.heapBytes();
    const links = [
      [12_000_000, () => `This link's texts would be larger than the 10.0 MB the page accepts (twice its “Largest text”, under Edit texts › Advanced). Ask for the exported report instead. ${KEPT}`],
      [200_000_000, (kb) => `This link is longer than the 32 KB a share link may be (${kb} KB): it was not made here. Ask for the exported report instead. ${KEPT}`],
      [750_000_000, (kb) => `This link is longer than the 32 KB a share link may be (${kb} KB): it was not made here. Ask for the exported report instead. ${KEPT}`],
    ];
    for (const [chars, message] of links) {
      await page.evaluate(() => (window.__inflated = { streams: 0, bytes: 0 }));
      const fragment = await inflatingFragment(chars);
      const label = `${(2 * chars) / MB} MB of texts in a ${Math.ceil(fragment.length / 1024)} KB link`;
      const kb = Math.ceil(fragment.length / 1024).toLocaleString("en");
      const notice = await noticeFor(page, fragment);
      if (notice.browserRefused) {
        // never reached the page: nothing to say, nothing changed
        assert.ok(fragment.length > 1024 * 1024, `${label}: the browser refused the URL (${notice.browserRefused})`);
        assert.equal(await page.evaluate(() => document.getElementById("notice").hidden), true);
      } else {
        assert.equal(notice, message(kb), label);
      }
      assert.deepEqual(await shown(page), before, `${label}: no version added, the texts as they were`);
      const inflated = await page.evaluate(() => window.__inflated);
      if (fragment.length > 32 * 1024) {
        assert.deepEqual(inflated, { streams: 0, bytes: 0 }, `${label}: refused before inflating`);
      } else {
        assert.equal(inflated.streams, 1, label);
        // the cap, 10 MB, and at most what one fed kilobyte inflates to (about 1 MB) past it
        assert.ok(inflated.bytes > 10 * MB && inflated.bytes <= 11.2 * MB, `${label}: stopped at the cap, after ${inflated.bytes} bytes`);
      }
      const heap = await page.heapBytes();
      t.diagnostic(`${label}: inflated ${inflated.bytes} bytes; heap ${heapBefore} → ${heap}`);
      if (heapBefore !== null) assert.ok(heap - heapBefore < 8 * MB, `${label}: the heap is back near ${heapBefore} bytes (${heap})`);
    }
    // a text above the limit, in a link within the cap: refused, naming the text and the limit
    const fragment = await page.evaluate(async () => {
      const { encodeState } = await import("/share.js");
      const texts = { left: { label: "Wire", text: "workers ".repeat(750_000) }, right: { label: "Outlet", text: "workers" } };
      return encodeState({ view: "redline", options: {}, texts }, { withTexts: true });
    });
    assert.equal(
      await noticeFor(page, fragment),
      `This link's source text, “Wire”, is 6.0 MB, larger than the 5.0 MB the page accepts: raise “Largest text” under Edit texts › Advanced to 6 MB or more and open the link again, or ask for the exported report. ${KEPT}`,
    );
    assert.deepEqual(await shown(page), before);
    // and the page opens a good link after all that
    await setLimitMb(page, 32);
    await afterChange(page, () => page.evaluate(async () => {
      const { encodeState } = await import("/share.js");
      const texts = { left: { label: "Wire", text: "Workers marched." }, right: { label: "Outlet", text: "Workers marched on." } };
      location.hash = await encodeState({ view: "redline", options: {}, texts }, { withTexts: true });
    }));
    assert.equal((await shown(page)).versions.length, before.versions.length + 2);
    assert.deepEqual(page.log.errors, []);
  });

  test("a page holds at most 50 versions: 150 links (300 versions) and a file past it are refused with the cap and how to make room; the matrix of many is computed in the worker", { timeout: 240_000 }, async () => {
    const page = await openPage(browser);
    await disclose(page);
    await page.evaluate(() => {
      window.__workerCalls = [];
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (data, ...rest) {
        if (data?.type === "run") window.__workerCalls.push(data.name);
        return post.call(this, data, ...rest);
      };
    });
    const refusals = [];
    let count = (await shown(page)).versions.length;
    for (let i = 0; i < 150; i++) {
      const outcome = await page.evaluate(async (i) => {
        const { encodeState } = await import("/share.js");
        const texts = { left: { label: `Wire ${i}`, text: `Workers marched in Minsk on day ${i}.` }, right: { label: `Outlet ${i}`, text: `Workers in Minsk marched on day ${i}.` } };
        const fragment = await encodeState({ view: "redline", options: {}, texts }, { withTexts: true });
        const notice = document.getElementById("notice");
        notice.hidden = true;
        const count = () => document.getElementById("source-pick").options.length;
        const before = count();
        location.hash = fragment;
        for (let t = 0; t < 400; t++) {
          await new Promise((resolve) => setTimeout(resolve, 25));
          if (count() !== before) return { count: count() };
          if (!notice.hidden) return { count: count(), refused: notice.textContent };
        }
        return { count: count(), stuck: true };
      }, i);
      assert.ok(!outcome.stuck, `link ${i} was neither opened nor refused`);
      if (outcome.refused) refusals.push(outcome.refused);
      else assert.equal(outcome.count, count + 2, `link ${i} adds its two texts`);
      count = outcome.count;
      assert.ok(count <= MAX_VERSIONS, `${count} versions after link ${i}`);
    }
    assert.equal(count, 49, "links add two versions each, from the five samples up to 49");
    assert.equal(refusals.length, 150 - 22);
    for (const message of new Set(refusals)) {
      assert.equal(message, `This link was not opened. This page holds 49 versions; 2 more would pass the 50 it keeps: remove one (“Remove version”) to make room. ${KEPT}`);
    }
    await waitCompared(page);
    // the matrix of 49 short versions: in the worker, and shown
    await page.waitFor(() => document.querySelectorAll("#matrix tbody tr").length === 49, undefined, { timeout: 60_000 });
    assert.ok((await page.evaluate(() => window.__workerCalls)).includes("compareMany"), "compareMany ran in the worker");

    // a file makes 50; the next is refused under its pane, and no version is added
    const file = (name) => [{ name, mimeType: "text/plain", buffer: Buffer.from(`Workers marched, says ${name}.`) }];
    await afterChange(page, () => page.setFiles("#compare-file", file("fiftieth.txt")));
    assert.equal((await shown(page)).versions.length, 50);
    const full = await shown(page);
    await page.setFiles("#compare-file", file("fifty-first.txt"));
    await page.waitFor(() => !document.getElementById("compare-notice").hidden);
    assert.equal(
      await page.text("#compare-notice p"),
      "This page holds 50 versions; 1 more would pass the 50 it keeps: remove one (“Remove version”) to make room.",
    );
    assert.deepEqual(await shown(page), full);

    // removing a version makes room: the file then opens
    assert.equal(await page.evaluate(() => document.getElementById("compare-remove").disabled), false, "the file's version can be removed");
    await afterChange(page, () => page.click("#compare-remove"));
    const removed = await shown(page);
    assert.equal(removed.versions.length, 49);
    assert.ok(!removed.versions.some((id) => full.picked[1] === id), "the removed version is gone from the list");
    await page.evaluate(() => (document.getElementById("compare-file").value = "")); // as “Open file…” does
    await afterChange(page, () => page.setFiles("#compare-file", file("fifty-first.txt")));
    assert.equal((await shown(page)).versions.length, 50);
    // samples cannot be removed: links name them
    await afterChange(page, () => page.select("#compare-pick", SAMPLES.npr));
    assert.equal(await page.evaluate(() => document.getElementById("compare-remove").disabled), true);
    assert.deepEqual(page.log.errors, []);
  });

  test("no other site may frame the page: its CSP header says frame-ancestors 'self'", async () => {
    const response = await fetch(browser.url);
    assert.match(response.headers.get("content-security-policy"), /(^|;)\s*frame-ancestors 'self'\s*(;|$)/);
    const origin = new URL(browser.url).origin;
    const page = await browser.page();
    // framed by its own origin: the page loads in the frame and compares
    await page.goto("/");
    await waitCompared(page);
    await page.evaluate(() => {
      const frame = document.createElement("iframe");
      frame.id = "self-frame";
      frame.src = "/";
      document.body.append(frame);
    });
    await page.waitFor(() => document.getElementById("self-frame").contentDocument?.body?.dataset.state === "compared", undefined, { timeout: 30_000 });
    const scripts = page.log.requests.filter((url) => url === `${origin}/bundle.app.js`);
    assert.equal(scripts.length, 2, "the page's script, for the page and for its frame (the log sees a frame's requests)");
    // framed by another origin: the browser does not load it (none of its scripts are fetched)
    const framing = await browser.page();
    await framing.goto(`${framer.url}empty.html`);
    await framing.evaluate((src) => {
      window.__frameLoaded = false;
      const frame = document.createElement("iframe");
      frame.src = src;
      frame.addEventListener("load", () => (window.__frameLoaded = true));
      document.body.append(frame);
    }, browser.url);
    await framing.waitFor(() => window.__frameLoaded);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const requested = framing.log.requests.map((url) => url.split("#")[0]);
    assert.ok(requested.includes(`${origin}/`), "the frame asked for the page");
    assert.ok(!requested.includes(`${origin}/bundle.app.js`), `the framed page ran nothing: ${requested.join(", ")}`);
  });
});
