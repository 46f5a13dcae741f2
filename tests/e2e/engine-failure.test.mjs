// When the engine fails (a panic, which is a bug, or a trap, as running out
// of memory gives), the page and the widget show an error state that says so,
// never a frozen busy state; the texts are kept, and the next comparison runs
// in a fresh engine: on the main thread the instance is replaced, in the
// worker the worker is ended and the next comparison gets a new one. Also:
// after a cancel, the next large comparison runs in a new worker.
//
// The failures come from a test build of the engine (`scripts/build
// --test-hooks` → artifacts/pkg-test-hooks/, served here in place of /pkg/):
// a text holding "wirediff:panic-for-test" makes it panic, one holding
// "wirediff:trap-for-test" makes it trap. The shipped build has no such hook,
// which the first test checks.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { serve } from "../../scripts/serve.mjs";
import { forEachBrowser } from "./harness/driver.mjs";
import { HOSTS } from "./harness/hosts/servers.mjs";
import { disclose, engineNow, opTexts, readView, waitCompared } from "./harness/page-helpers.mjs";

const PKG = fileURLToPath(new URL("../../artifacts/pkg-test-hooks/", import.meta.url));
const PANIC = "wirediff:panic-for-test";
const TRAP = "wirediff:trap-for-test";
const AFTER = "Your texts are kept; try again — if it happens again, please report it.";
const PANIC_MESSAGE = `The comparison engine failed (an internal error: panicked at src/wasm/mod.rs:LINE: the test hook was asked to panic). ${AFTER}`;
// V8 says "unreachable", SpiderMonkey "unreachable executed".
const TRAP_MESSAGES = ["", " executed"].map((end) => `The comparison engine failed (an internal error: RuntimeError: unreachable${end}). ${AFTER}`);

/** `message` with the panic's line and column (which move as src/wasm/mod.rs is edited) as LINE. */
const located = (message) => message?.replace(/src\/wasm\/mod\.rs:\d+:\d+:/, "src/wasm/mod.rs:LINE:");

let server;
before(async () => {
  assert.ok(existsSync(`${PKG}wirediff_bg.wasm`), `no test build of the engine in ${PKG}: run scripts/build --test-hooks`);
  server = await serve({ port: 0, mounts: { "/pkg/": PKG, "/hosts/": HOSTS } });
});
after(() => server?.close());

/**
 * Counts, from now on, the Web Workers the page gives a large comparison
 * (window.__workers: over 200,000 characters, what the engine sends to a
 * worker) and how many of those it ends (window.__ended). Workers are counted
 * by what is done with them, not as they start: the page warms its engine's
 * worker up on the sample pair after its first comparison (www/warm.js) and
 * keeps it for the next large text.
 */
function countWorkers(page) {
  return page.evaluate(() => {
    const given = new WeakSet();
    [window.__workers, window.__ended] = [0, 0];
    const { postMessage, terminate } = Worker.prototype;
    const large = (message) => message?.type === "run" && message.args.reduce((n, a) => n + (typeof a === "string" ? a.length : 0), 0) > 200_000;
    Worker.prototype.postMessage = function (message, ...rest) {
      if (large(message) && !given.has(this)) [window.__workers] = [window.__workers + 1, given.add(this)];
      return postMessage.call(this, message, ...rest);
    };
    Worker.prototype.terminate = function () {
      if (given.has(this)) window.__ended++;
      return terminate.call(this);
    };
  });
}

/** Drops `text` on a pane as a file named `name`, as a user would. */
function drop(page, side, name, text) {
  return page.evaluate(
    ({ side, name, text }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: "text/plain" }));
      const pane = document.querySelector(`.wd-pane[data-side="${side}"]`);
      pane.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
      pane.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    { side, name, text },
  );
}

/** The AP sample repeated past `chars` characters: a text the page compares in the worker. */
function bigText(page, chars) {
  return page.evaluate(async (chars) => {
    const ap = await (await fetch("/samples/001_7874be6ffbaae5d6.txt")).text();
    return `${ap}\n\n`.repeat(Math.ceil(chars / ap.length));
  }, chars);
}

/** Does `act`, then waits for the page to settle on a state other than comparing, and returns what it shows. */
async function settled(page, act, { timeout } = {}) {
  await page.evaluate(() => {
    document.body.dataset.state = "test-waiting";
  });
  await act();
  const state = await page.waitFor(
    () =>
      ["compared", "error", "cancelled", "empty"].includes(document.body.dataset.state) &&
      !document.body.hasAttribute("data-pending") &&
      !document.getElementById("redline").hasAttribute("data-rendering") &&
      document.body.dataset.state,
    undefined,
    { timeout },
  );
  return page.evaluate((state) => {
    const redline = document.getElementById("redline");
    return {
      state,
      alert: redline.querySelector("[role=alert]")?.textContent ?? null,
      status: document.getElementById("status").textContent,
      busy: !document.getElementById("busy").hidden || redline.hasAttribute("aria-busy"),
      source: document.getElementById("source-text").value,
      compare: document.getElementById("compare-text").value,
    };
  }, state);
}

/** The page shows the engine's own comparison of what the panes hold. */
async function showsEngine(page) {
  const { result, left, right } = await engineNow(page);
  const shown = await readView(page);
  assert.equal(shown.shown, right, "the redline is the comparison text");
  assert.deepEqual(shown.cuts, opTexts(result, left, right).cuts, "with the engine's cuts");
}

forEachBrowser((browser) => {
  test("the shipped engine has no test hook: texts with the hooks' words compare, on the main thread and in the worker", async () => {
    const page = await browser.page();
    await page.goto("/");
    const out = await page.evaluate(
      async ({ PANIC, TRAP }) => {
        const engine = await import("/engine.js");
        const left = `Workers jeered. ${PANIC} ${TRAP}`;
        const runs = [];
        for (const worker of [false, true]) {
          const result = await engine.compare(left, "Workers cheered.", {}, { worker });
          runs.push(result.leftLength === left.length);
        }
        return runs;
      },
      { PANIC, TRAP },
    );
    assert.deepEqual(out, [true, true], "both comparisons returned a result of the texts");
    assert.deepEqual(page.log.errors, []);
  });

  test("page: a panic or a trap on the main thread shows an alert with the engine's message, keeps the texts, and the next edit compares in a fresh engine", async () => {
    const page = await browser.page();
    await page.goto(server.url);
    await waitCompared(page);
    await disclose(page);
    const left = await page.value("#source-text");
    const right = await page.value("#compare-text");
    // A panic, a trap, and a panic again: a second panic in an instance that
    // was not replaced would trap without its message.
    for (const [hook, messages] of [[PANIC, [PANIC_MESSAGE]], [TRAP, TRAP_MESSAGES], [PANIC, [PANIC_MESSAGE]]]) {
      const text = `${left}\n${hook}`;
      const shown = await settled(page, () => page.fill("#source-text", text));
      assert.equal(shown.state, "error", `${hook}: ${shown.status}`);
      assert.ok(
        messages.some((m) => located(shown.alert) === `These texts could not be compared: ${m}`),
        `${hook}: the alert says ${JSON.stringify(shown.alert)}`,
      );
      assert.ok(messages.some((m) => located(shown.status) === `Could not compare: ${m}`), `${hook}: the status says ${shown.status}`);
      assert.equal(shown.busy, false, "nothing is left busy");
      assert.deepEqual([shown.source, shown.compare], [text, right], "the texts are kept");
    }
    const shown = await settled(page, () => page.fill("#source-text", left));
    assert.equal(shown.state, "compared", shown.status);
    await showsEngine(page);
    assert.deepEqual(page.log.errors, []);
    assert.deepEqual(page.log.violations, []);
  });

  test("page: a panic in the worker shows the engine's message; the worker is ended and the next large comparison renders in a new one", { timeout: 180_000 }, async () => {
    const page = await browser.page();
    await page.goto(server.url);
    await waitCompared(page);
    await disclose(page);
    const right = await page.value("#compare-text");
    const big = await bigText(page, 250_000);
    await countWorkers(page);
    let shown = await settled(page, () => drop(page, "left", "big-panic.txt", `${big}${PANIC}`), { timeout: 120_000 });
    assert.equal(shown.state, "error", shown.status);
    assert.equal(located(shown.alert), `These texts could not be compared: ${PANIC_MESSAGE}`);
    assert.equal(shown.busy, false, "nothing is left busy");
    assert.equal(await page.evaluate(() => window.__workers), 1, "it ran in a worker");
    assert.equal(await page.evaluate(() => window.__ended), 1, "the worker was ended");
    shown = await settled(page, () => drop(page, "left", "big.txt", big), { timeout: 120_000 });
    assert.equal(shown.state, "compared", shown.status);
    assert.equal(await page.evaluate(() => window.__workers), 2, "the next comparison ran in a new worker");
    assert.equal((await readView(page)).shown, right, "the redline is the comparison text");
    assert.deepEqual(page.log.errors, []);
  });

  test("page: after a cancel (the worker ended), the next large comparison runs in a new worker and renders", { timeout: 180_000 }, async () => {
    const page = await browser.page();
    await page.goto(server.url);
    await waitCompared(page);
    await disclose(page);
    const right = await page.value("#compare-text");
    const [long, big] = [await bigText(page, 2_100_000), await bigText(page, 250_000)];
    await countWorkers(page);
    let shown = await settled(page, async () => {
      await drop(page, "left", "long.txt", long);
      await page.waitFor(() => !document.getElementById("busy").hidden);
      await page.click("#cancel");
    });
    assert.equal(shown.state, "cancelled", shown.status);
    assert.equal(shown.busy, false);
    shown = await settled(page, () => drop(page, "left", "big.txt", big), { timeout: 120_000 });
    assert.equal(shown.state, "compared", shown.status);
    assert.equal(await page.evaluate(() => window.__workers), 2, "a worker for each comparison");
    assert.equal(await page.evaluate(() => window.__ended), 1, "the cancelled one was ended");
    assert.equal((await readView(page)).shown, right, "the redline is the comparison text");
    assert.deepEqual(page.log.errors, []);
  });

  test("widget: a panic or a trap, on the main thread or in the worker, fires wirediff-error with the engine's message and shows it; the next input renders in a fresh engine", { timeout: 180_000 }, async () => {
    const page = await browser.page();
    await page.goto(`${server.url}hosts/empty.html`);
    await countWorkers(page);
    const out = await page.evaluate(
      async ({ PANIC, TRAP }) => {
        await import("/wire-diff-define.js");
        const { verify, nextEvent, status } = await import("/hosts/check.js");
        const ap = await (await fetch("/samples/001_7874be6ffbaae5d6.txt")).text();
        const big = `${ap}\n\n`.repeat(Math.ceil(250_000 / ap.length));
        const w = document.createElement("wire-diff");
        w.compare = "The workers cheered the president.";
        const steps = [];
        const show = async (source) => {
          const event = nextEvent(w);
          w.source = source;
          if (!w.isConnected) document.getElementById("column").append(w);
          const { type, message } = await event;
          const frame = w.shadowRoot.querySelector("[part~=frame]");
          steps.push({ type, message, status: status(w), busy: frame.hasAttribute("aria-busy"), workers: window.__workers });
        };
        const small = "The workers jeered the president.";
        for (const source of [`${small} ${PANIC}`, `${small} ${TRAP}`, `${small} ${PANIC}`, small, `${big}${PANIC}`, big]) {
          await show(source);
        }
        return { steps, kept: w.source === big, problems: await verify(w, big, w.compare, {}) };
      },
      { PANIC, TRAP },
    );
    const [panic, trap, again, fresh, workerPanic, workerFresh] = out.steps;
    for (const step of [panic, again, workerPanic]) {
      assert.equal(step.type, "error");
      assert.equal(located(step.message), `Could not compare: ${PANIC_MESSAGE}`);
      assert.equal(located(step.status), `Could not compare: ${PANIC_MESSAGE}`);
      assert.equal(step.busy, false);
    }
    assert.equal(trap.type, "error");
    assert.ok(TRAP_MESSAGES.some((m) => trap.message === `Could not compare: ${m}`), trap.message);
    assert.equal(trap.status, trap.message);
    assert.equal(trap.busy, false);
    assert.equal(fresh.type, "rendered");
    assert.deepEqual([fresh.workers, workerPanic.workers, workerFresh.workers], [0, 1, 2], "the failed worker is ended, the next comparison gets a new one");
    assert.equal(workerFresh.type, "rendered");
    assert.deepEqual(out.problems, []);
    assert.deepEqual(page.log.errors, []);
  });

  test("widget: a large comparison cancelled by a newer large input is ended, and the newer one renders in a new worker", { timeout: 180_000 }, async () => {
    const page = await browser.page();
    await page.goto(`${server.url}hosts/empty.html`);
    await countWorkers(page);
    const out = await page.evaluate(async () => {
      await import("/wire-diff-define.js");
      const { verify, countEvents, nextEvent } = await import("/hosts/check.js");
      const ap = await (await fetch("/samples/001_7874be6ffbaae5d6.txt")).text();
      const [long, big] = [2_100_000, 250_000].map((n) => `${ap}\n\n`.repeat(Math.ceil(n / ap.length)));
      const w = document.createElement("wire-diff");
      const counts = countEvents(w);
      Object.assign(w, { source: long, compare: "The workers cheered the president." });
      document.getElementById("column").append(w);
      while (window.__workers === 0) await new Promise((done) => setTimeout(done, 10)); // the worker has the long pair
      const event = nextEvent(w);
      w.source = big;
      await event;
      return { counts, workers: window.__workers, problems: await verify(w, big, w.compare, {}) };
    });
    assert.deepEqual(out.counts, { rendered: 1, error: 0 });
    assert.equal(out.workers, 2, "the cancelled worker was ended and a new one started");
    assert.deepEqual(out.problems, []);
    assert.deepEqual(page.log.errors, []);
  });
});
