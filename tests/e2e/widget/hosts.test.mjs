// <wire-diff> inside host pages as a CMS would serve them: plain, with hostile
// global CSS, three at once, inside an iframe, and under a strict CSP with
// Trusted Types. Every result is checked against the engine's own compare()
// in the same page.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { ARTIFACTS, forEachBrowser } from "../harness/driver.mjs";
import { startHosts } from "../harness/hosts/servers.mjs";

let hosts;
before(async () => (hosts = await startHosts()));
after(() => hosts?.close());

const SAMPLES = { wire: "/samples/001_7874be6ffbaae5d6.txt", kompas: "/samples/000_a7be8358ffd46965.txt" };

/** Polls `check` (in the test, not the page) until it is true; fails after `ms`. */
async function eventually(check, ms = 5000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${check}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/**
 * Opens a host page and waits until its three widgets have each rendered
 * once. The viewport is tall enough to show them all: the views lay out
 * off-screen chunks lazily (content-visibility: auto), by design.
 */
async function openWidgets(browser, url, { scheme } = {}) {
  const page = await browser.page();
  await page.setViewport(1280, 4000);
  if (scheme) await page.emulateColorScheme(scheme);
  await page.goto(url);
  await page.waitFor(() => window.__wd?.rendered.length + window.__wd?.errors.length >= 3);
  assert.deepEqual(await page.evaluate(() => window.__wd.errors), []);
  return page;
}

/** Runs in the page: checks the three widgets of widgets.html against compare(). */
async function verifyThree(samples) {
  const { verify } = await import("/hosts/check.js");
  const get = (id) => document.getElementById(id);
  const text = async (url) => (await fetch(url)).text();
  const lightDom = get("by-light-dom");
  return [
    ...(await verify(get("by-attribute"), await text(samples.wire), await text(samples.kompas), {})),
    ...(await verify(get("by-property"), get("by-property").source, get("by-property").compare, { ignoreCase: true })),
    ...(await verify(
      lightDom,
      lightDom.querySelector('[slot="source"]').textContent,
      lightDom.querySelector('[data-wirediff="compare"]').textContent,
      { unifyQuotes: false },
    )),
  ];
}

forEachBrowser((browser) => {
  test("three widgets on one page, fed by attribute, property and light DOM, each show the engine's result", async () => {
    const page = await openWidgets(browser, `${hosts.plain}hosts/widgets.html`);
    assert.deepEqual(await page.evaluate(verifyThree, SAMPLES), []);
    // The options each widget was given changed its result (so they were not ignored).
    const optionsMatter = await page.evaluate(async () => {
      const { compare } = await import("/engine.js");
      const p = document.getElementById("by-property");
      const l = document.getElementById("by-light-dom");
      const [ls, lc] = [...l.children].map((c) => c.textContent);
      return {
        ignoreCase: JSON.stringify(await compare(p.source, p.compare)) !== JSON.stringify(p.result),
        noUnifyQuotes: JSON.stringify(await compare(ls, lc)) !== JSON.stringify(l.result),
      };
    });
    assert.deepEqual(optionsMatter, { ignoreCase: true, noUnifyQuotes: true });
    const labels = await page.evaluate(() =>
      [...document.querySelectorAll("wire-diff")].map((w) => w.shadowRoot.querySelector("[part~=labels]").textContent),
    );
    assert.deepEqual(labels, ["AP → Kompas", "Draft → Published", "Source → Comparison"]);
    // The light-DOM children are the no-JS fallback: once upgraded they are not shown.
    assert.equal(await page.evaluate(() => document.querySelector("#by-light-dom > pre").getClientRects().length), 0);
    await page.screenshot(`${ARTIFACTS}widget-three-${browser.name}.png`, { fullPage: true });
    assert.deepEqual(page.log.errors, []);
    assert.deepEqual(page.log.violations, []);
  });

  test("hostile global CSS changes nothing inside the widgets, and the widgets change nothing outside", async () => {
    const plainHtml = readFileSync(new URL("../harness/hosts/widgets.html", import.meta.url), "utf8");
    const hostileHtml = readFileSync(new URL("../harness/hosts/hostile.html", import.meta.url), "utf8");
    assert.equal(
      hostileHtml.replace('\n  <link rel="stylesheet" href="hostile.css">', "").replace("hostile CSS", "plain CSS"),
      plainHtml,
      "hostile.html is widgets.html plus hostile.css",
    );
    const snapshot = () =>
      (async () => {
        const { geometry, painted } = await import("/hosts/check.js");
        await painted();
        return [...document.querySelectorAll("wire-diff")].map(geometry);
      })();

    const plain = await openWidgets(browser, `${hosts.plain}hosts/widgets.html`);
    const expected = await plain.evaluate(snapshot);
    const hostile = await openWidgets(browser, `${hosts.plain}hosts/hostile.html`);
    // The hostile sheet did apply to the host page...
    const hostFont = await hostile.evaluate(() => getComputedStyle(document.getElementById("probe-p")).fontFamily);
    assert.equal(hostFont, "monospace");
    // ...and the widgets still show the right comparisons, laid out identically.
    assert.deepEqual(await hostile.evaluate(verifyThree, SAMPLES), []);
    const actual = await hostile.evaluate(snapshot);
    for (const [i, rows] of expected.entries()) {
      assert.equal(actual[i].length, rows.length, `widget ${i}: element count`);
      for (const [j, row] of rows.entries()) assert.deepEqual(actual[i][j], row, `widget ${i}, element ${j}`);
    }
    await hostile.screenshot(`${ARTIFACTS}widget-hostile-${browser.name}.png`, { fullPage: true });

    // The host page's own elements, and its globals, are the same without the widgets.
    const outside = () =>
      (async () => {
        const { hostStyles } = await import("/hosts/check.js");
        return { styles: hostStyles(), globals: Object.getOwnPropertyNames(window).sort(), sheets: document.styleSheets.length };
      })();
    const withWidgets = await hostile.evaluate(outside);
    const baseline = await browser.page();
    await baseline.goto(`${hosts.plain}hosts/hostile.html?no-widget`);
    await baseline.waitFor(() => document.readyState === "complete");
    assert.equal(await baseline.evaluate(() => customElements.get("wire-diff")), undefined);
    const without = await baseline.evaluate(outside);
    assert.deepEqual(withWidgets, without);
    for (const page of [plain, hostile, baseline]) {
      assert.deepEqual(page.log.errors, []);
      assert.deepEqual(page.log.violations, []);
    }
  });

  test("axe finds no WCAG 2.1 A/AA or best-practice violation inside the widgets, light and dark", async () => {
    for (const scheme of ["light", "dark"]) {
      const opened = await openWidgets(browser, `${hosts.plain}hosts/widgets.html`, { scheme });
      const background = await opened.evaluate(
        () => getComputedStyle(document.querySelector("wire-diff").shadowRoot.querySelector("[part~=frame]")).backgroundColor,
      );
      assert.equal(background, scheme === "dark" ? "rgb(22, 24, 28)" : "rgb(255, 255, 255)");
      const report = await opened.evaluate(async () => {
        const script = document.createElement("script");
        script.src = "/axe/axe.min.js";
        await new Promise((done, fail) => {
          script.onload = done;
          script.onerror = fail;
          document.head.append(script);
        });
        for (const w of document.querySelectorAll("wire-diff")) w.next(); // a current change too
        const result = await window.axe.run({ include: [["wire-diff"]] }, { runOnly: ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"] });
        return {
          violations: result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`),
          // Targets inside a shadow root are paths: [host selector, inner selector].
          shadowChecked: result.passes.flatMap((p) => p.nodes).filter((n) => Array.isArray(n.target[0])).length,
        };
      });
      assert.deepEqual(report.violations, [], scheme);
      assert.ok(report.shadowChecked > 20, `${scheme}: axe looked inside the shadow roots (${report.shadowChecked} nodes)`);
    }
  });

  test("a widget inside an iframe renders and sizes itself to the frame", async () => {
    const page = await browser.page();
    await page.goto(`${hosts.plain}hosts/iframe.html`);
    await page.waitFor(() => document.getElementById("frame").contentWindow.__wd?.rendered.length === 1);
    const framed = await page.evaluate(async () => {
      const frame = document.getElementById("frame").contentWindow;
      const widget = frame.document.getElementById("framed");
      const text = async (url) => (await frame.fetch(url)).text();
      const left = await text(widget.getAttribute("source-src"));
      const right = await text(widget.getAttribute("compare-src"));
      return {
        width: widget.getBoundingClientRect().width,
        frameWidth: frame.document.documentElement.clientWidth,
        bodyMargin: parseFloat(frame.getComputedStyle(frame.document.body).marginLeft),
        result: widget.result,
        left,
        right,
        sameRealm: widget instanceof HTMLElement,
      };
    });
    assert.equal(framed.sameRealm, false, "the widget lives in the frame's own realm");
    assert.equal(framed.width, framed.frameWidth - 2 * framed.bodyMargin);
    const expected = await page.evaluate(
      async ({ left, right }) => (await import("/engine.js")).compare(left, right),
      framed,
    );
    assert.deepEqual(framed.result, expected);
    assert.deepEqual(page.log.errors, []);
    assert.deepEqual(page.log.violations, []);
  });

  test("under a strict CSP with Trusted Types the widgets render with zero violations", async () => {
    const page = await openWidgets(browser, `${hosts.strict}hosts/widgets.html`);
    assert.deepEqual(await page.evaluate(verifyThree, SAMPLES), []);
    // Navigating, re-rendering with other options and views, and an error all stay clean too.
    await page.evaluate(async () => {
      const w = document.getElementById("by-attribute");
      w.next();
      w.previous();
      w.setAttribute("ignore-punctuation", "");
      await new Promise((done) => w.addEventListener("wirediff-rendered", done, { once: true }));
      w.setAttribute("compare-src", "/samples/missing.txt");
      await new Promise((done) => w.addEventListener("wirediff-error", done, { once: true }));
    });
    // Texts large enough for the engine's Web Worker: its URL passes Trusted Types too.
    const big = await page.evaluate(async (samples) => {
      const { verify, nextEvent } = await import("/hosts/check.js");
      const { usesWorker } = await import("/engine.js");
      const text = async (url) => (await fetch(url)).text();
      const [left, right] = [(await text(samples.wire)).repeat(25), (await text(samples.kompas)).repeat(50)];
      const w = document.createElement("wire-diff");
      w.id = "big";
      Object.assign(w, { source: left, compare: right });
      const event = nextEvent(w);
      document.body.append(w);
      const outcome = await event;
      return { outcome, worker: usesWorker([left, right]), problems: outcome.type === "rendered" ? await verify(w, left, right, {}) : [] };
    }, SAMPLES);
    assert.equal(big.worker, true);
    assert.equal(big.outcome.type, "rendered", big.outcome.message);
    assert.deepEqual(big.problems, []);
    assert.deepEqual(page.log.errors, []);
    // The policy is really in force: a string-to-DOM sink is refused and
    // reported. Reports arrive in order, so once the probe's is in, any the
    // widgets caused would be too.
    const sink = await page.evaluate(() => {
      try {
        document.createElement("div").innerHTML = "<b>x</b>";
        return "allowed";
      } catch (e) {
        return e.name;
      }
    });
    assert.equal(sink, "TypeError");
    await eventually(() => page.log.violations.length > 0);
    assert.equal(page.log.violations.length, 1, `one violation, from the probe: ${page.log.violations}`);
    assert.match(page.log.violations[0], /^require-trusted-types-for/);
  });
});
