// Large inputs: two texts of more than 2 MB each are compared in the Web
// Worker while the page handles keys and clicks (asserted as an order of
// events, never as a duration: how long the main thread waits is a benchmark
// row, scripts/bench/responsive.mjs), the result renders progressively and
// completely, and a comparison can be cancelled.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ARTIFACTS, forEachBrowser } from "../harness/driver.mjs";
import { assertBefore, disclose, noted, openPage, waitCompared, watchOrder, workerGot } from "../harness/page-helpers.mjs";

const MB = 1024 * 1024;

/** Builds two >2 MB texts from the samples in the page and keeps them ready to drop. */
function prepare(page) {
  return page.evaluate(async (size) => {
    const read = async (file) => (await fetch(`/samples/${file}`)).text();
    const [ap, kompas] = await Promise.all([read("001_7874be6ffbaae5d6.txt"), read("000_a7be8358ffd46965.txt")]);
    const left = [];
    const right = [];
    const utf8 = new TextEncoder();
    let leftBytes = 0;
    let rightBytes = 0;
    for (let k = 0; Math.min(leftBytes, rightBytes) < size; k++) {
      left.push(`Part ${k}.\n\n${ap}\n\n`);
      right.push(`Part ${k}.\n\n${k % 3 ? ap.replace(/Lukashenko/g, `Lukashenka-${k}`) : kompas}\n\n`);
      leftBytes += utf8.encode(left[k]).length;
      rightBytes += utf8.encode(right[k]).length;
    }
    window.__big = { left: left.join(""), right: right.join("") };
    // the files to drop, made now so that making them is not measured
    window.__files = {
      left: new File([window.__big.left], "left-big.txt", { type: "text/plain" }),
      right: new File([window.__big.right], "right-big.txt", { type: "text/plain" }),
    };
    await Promise.all([window.__files.left.text(), window.__files.right.text()]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { left: window.__files.left.size, right: window.__files.right.size };
  }, 2.1 * MB);
}

/** Drops window.__big[side] on a pane, as a user dropping a file. */
function drop(page, side) {
  return page.evaluate((side) => {
    const data = new DataTransfer();
    data.items.add(window.__files[side]);
    const pane = document.querySelector(`.wd-pane[data-side="${side}"]`);
    pane.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
    pane.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, side);
}

/**
 * Holds what workers answer until window.__release(): the worker may finish
 * before the driver has typed (it did, in Firefox on a busy machine), and the
 * test is that the page handles keys while a comparison is in the worker.
 */
function holdAnswers() {
  const add = Worker.prototype.addEventListener;
  const gated = new WeakSet();
  const held = [];
  let open = false;
  Worker.prototype.addEventListener = function (type, ...rest) {
    if (type === "message" && !gated.has(this)) {
      gated.add(this);
      add.call(this, "message", (event) => {
        if (open || event.isTrusted === false) return;
        event.stopImmediatePropagation();
        held.push([this, event.data]);
      });
    }
    return add.call(this, type, ...rest);
  };
  window.__release = () => {
    open = true;
    for (const [worker, data] of held.splice(0)) worker.dispatchEvent(new MessageEvent("message", { data }));
  };
}

forEachBrowser((browser) => {
  test("2 MB per side: compared in the worker, keys and a click handled while it compares, every change rendered", { timeout: 180_000 }, async () => {
    const page = await openPage(browser);
    await disclose(page);
    const sizes = await prepare(page);
    assert.ok(sizes.left >= 2 * MB && sizes.right >= 2 * MB, JSON.stringify(sizes));
    await page.evaluate(watchOrder);
    await page.evaluate(holdAnswers);
    await drop(page, "left");
    await drop(page, "right");
    await page.waitFor(() => document.getElementById("compare-label").value === "right-big" && !document.getElementById("busy").hidden);
    assert.match(await page.text("#busy-text"), /in the background/);
    assert.equal(await page.evaluate(() => document.getElementById("compare-large").hidden), false, "the big text is set aside, not put in a text box");
    // typing and clicking elsewhere go on while the worker compares
    await page.click("#source-label");
    await page.press("End");
    for (const key of ["X", "Y"]) await page.press(key);
    await page.evaluate(() => window.scrollBy(0, 400));
    await page.evaluate(() => window.__release());
    await page.waitFor(() => document.body.dataset.state === "compared" && !document.getElementById("redline").hasAttribute("data-rendering"), undefined, { timeout: 150_000 });
    assert.ok((await page.value("#source-label")).endsWith("XY"));
    const order = await noted(page);
    const chars = await page.evaluate(() => window.__big.left.length + window.__big.right.length);
    const sent = assertBefore(order, workerGot(chars), "busy hidden");
    for (const handled of ["click source-label", "key X", "key Y"]) {
      assert.ok(assertBefore(order, handled, "busy hidden") > sent, `${handled} came after the texts went to the worker`);
    }
    assertBefore(order, "busy hidden", "state compared");

    const check = await page.evaluate(async () => {
      const root = document.getElementById("redline");
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const parts = [];
      while (walker.nextNode()) if (!walker.currentNode.parentElement.closest("del, .wd-sr-only, .wd-move-from, .wd-move-to, .wd-hidden-boilerplate, .wd-source-link")) parts.push(walker.currentNode.data);
      return {
        complete: parts.join("") === window.__big.right,
        stops: root.querySelectorAll("[data-wd-stop]").length,
        counter: document.getElementById("counter").textContent,
        chunks: root.querySelectorAll(".wd-chunk").length,
      };
    });
    assert.ok(check.complete, "the redline holds the whole comparison text");
    assert.ok(check.stops > 100, `many changes (${check.stops})`);
    assert.match(check.counter, new RegExp(`^${check.stops} changes$`));
    assert.ok(check.chunks > 10, `rendered in chunks (${check.chunks})`);
    // stepping to the last change works in the long result
    await page.evaluate(() => document.activeElement?.blur());
    await page.press("p");
    assert.equal(await page.text("#counter"), `change ${check.stops} of ${check.stops}`);
    await page.screenshot(`${ARTIFACTS}page-large-${browser.name}.png`);
    assert.deepEqual(page.log.errors, []);
    assert.deepEqual(page.log.violations, []);
  });

  test("a large comparison can be cancelled while the worker has it, the previous comparison stays, and the next one is shown", { timeout: 180_000 }, async () => {
    const page = await openPage(browser);
    await disclose(page);
    await prepare(page);
    const before = await page.evaluate(() => document.getElementById("redline").innerHTML);
    await page.evaluate(watchOrder);
    // The worker gets the texts only once the cancel is clicked (from then on
    // messages go as usual): the click lands while the comparison is under
    // way however loaded the machine is.
    await page.evaluate(() => {
      const post = Worker.prototype.postMessage;
      window.__held = [];
      Worker.prototype.postMessage = function (data, ...rest) {
        if (JSON.stringify(data ?? null).length < 1_000_000) return post.call(this, data, ...rest);
        window.__held.push(() => post.call(this, data, ...rest));
      };
      const release = () => {
        Worker.prototype.postMessage = post;
        window.__held.splice(0).forEach((send) => send());
      };
      document.getElementById("cancel").addEventListener("click", release, { capture: true, once: true });
    });
    await drop(page, "left");
    await page.waitFor(() => !document.getElementById("busy").hidden && window.__held.length > 0);
    await page.click("#cancel");
    await page.waitFor(() => document.body.dataset.state === "cancelled");
    const order = await noted(page);
    assertBefore(order, "busy shown", "click cancel");
    assertBefore(order, "click cancel", workerGot(await page.evaluate(() => window.__big.left.length)));
    assertBefore(order, "click cancel", "state cancelled");
    assert.ok(!order.includes("drawing"), `nothing of the cancelled comparison was drawn (noted: ${order.join(" · ")})`);
    assert.equal(await page.evaluate(() => document.getElementById("busy").hidden), true, "the busy state is gone");
    assert.match(await page.text("#status"), /cancelled/i);
    assert.equal(await page.evaluate(() => document.getElementById("redline").innerHTML), before, "the previous comparison stays");
    // the engine compares again at once
    await page.evaluate(() => {
      document.body.dataset.state = "test-waiting";
      document.querySelector('input[name="ignoreCase"]').click();
    });
    await waitCompared(page, { timeout: 120_000 });
    assert.match(await page.text("#status"), /^\d+ changes?\./);
    assert.deepEqual(page.log.errors, []);
  });
});
