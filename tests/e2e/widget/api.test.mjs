// <wire-diff> as a script uses it: inputs and their precedence, batched
// re-renders, errors that leave it usable, navigation, theming, the wasm URL
// override, cross-origin sources, and declarations that match the modules.
// Results are checked against the engine's own compare() in the same page.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { forEachBrowser } from "../harness/driver.mjs";
import { startHosts } from "../harness/hosts/servers.mjs";

let hosts;
before(async () => (hosts = await startHosts()));
after(() => hosts?.close());

const WIRE = "/samples/001_7874be6ffbaae5d6.txt";
const KOMPAS = "/samples/000_a7be8358ffd46965.txt";
const NPR = "/samples/002_36e125501881ede5.txt";

async function emptyHost(browser, base = hosts.plain) {
  const page = await browser.page();
  await page.goto(`${base}hosts/empty.html`);
  await page.waitFor(() => document.readyState === "complete");
  return page;
}

forEachBrowser((browser) => {
  test("inputs by property, attribute and light DOM render, with the property first and the light DOM last", async () => {
    const page = await emptyHost(browser);
    const problems = await page.evaluate(
      async ({ WIRE, KOMPAS, NPR }) => {
        await import("/wire-diff-define.js");
        const { verify, nextEvent } = await import("/hosts/check.js");
        const text = async (url) => (await fetch(url)).text();
        const w = document.createElement("wire-diff");
        w.id = "w";
        const source = Object.assign(document.createElement("pre"), { slot: "source", textContent: "Light source text, first version." });
        const comparison = Object.assign(document.createElement("div"), { textContent: "Light comparison text, second version." });
        comparison.dataset.wirediff = "compare";
        w.append(source, comparison);
        w.setAttribute("compare-src", NPR);
        w.compare = "A property comparison, set before the element was connected.";
        let event = nextEvent(w);
        document.getElementById("column").append(w);
        const problems = [];
        // Source from the light DOM (no property, no attribute); comparison from the property.
        await event;
        problems.push(...(await verify(w, source.textContent, w.compare, {})));
        // Without the property the comparison comes from compare-src.
        event = nextEvent(w);
        w.compare = null;
        await event;
        problems.push(...(await verify(w, source.textContent, await text(NPR), {})));
        // source-src beats the light DOM.
        event = nextEvent(w);
        w.sourceSrc = WIRE;
        w.compareSrc = KOMPAS;
        await event;
        problems.push(...(await verify(w, await text(WIRE), await text(KOMPAS), {})));
        // Without the attributes, the light DOM again; editing it re-renders.
        event = nextEvent(w);
        w.removeAttribute("source-src");
        w.removeAttribute("compare-src");
        await event;
        problems.push(...(await verify(w, source.textContent, comparison.textContent, {})));
        event = nextEvent(w);
        comparison.textContent = "Light comparison text, third and last version.";
        await event;
        problems.push(...(await verify(w, source.textContent, comparison.textContent, {})));
        return problems;
      },
      { WIRE, KOMPAS, NPR },
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(page.log.errors, []);
  });

  test("a property set before the element is defined is not lost", async () => {
    const page = await emptyHost(browser);
    const problems = await page.evaluate(async () => {
      const w = document.createElement("wire-diff");
      w.id = "early";
      w.source = "Set on the plain element, before the upgrade.";
      w.compare = "Set on the plain element, long before the upgrade.";
      w.options = { ignoreCase: true };
      document.getElementById("column").append(w);
      await import("/wire-diff-define.js");
      const { verify } = await import("/hosts/check.js");
      return verify(w, "Set on the plain element, before the upgrade.", "Set on the plain element, long before the upgrade.", { ignoreCase: true });
    });
    assert.deepEqual(problems, []);
  });

  test("many changes in one task re-render once", async () => {
    const page = await emptyHost(browser);
    const out = await page.evaluate(
      async ({ WIRE, KOMPAS }) => {
        await import("/wire-diff-define.js");
        const { verify, countEvents, nextEvent, settle } = await import("/hosts/check.js");
        const text = async (url) => (await fetch(url)).text();
        const w = document.createElement("wire-diff");
        w.id = "batched";
        const counts = countEvents(w);
        w.setAttribute("source-src", WIRE);
        w.setAttribute("compare-src", KOMPAS);
        w.setAttribute("source-label", "AP");
        w.setAttribute("ignore-case", "");
        w.options = { unifyDashes: false };
        document.getElementById("column").append(w);
        await nextEvent(w);
        await settle();
        const first = { ...counts };
        const problems = await verify(w, await text(WIRE), await text(KOMPAS), { ignoreCase: true, unifyDashes: false });
        // Six changes at once: still one render, showing all six.
        const event = nextEvent(w);
        w.view = "side-by-side";
        w.removeAttribute("ignore-case");
        w.setAttribute("ignore-punctuation", "");
        w.setAttribute("compare-label", "Kompas");
        w.options = null;
        w.source = "The workers jeered the president, AP said.";
        await event;
        await settle();
        problems.push(...(await verify(w, "The workers jeered the president, AP said.", await text(KOMPAS), { ignorePunctuation: true })));
        const labels = [...w.shadowRoot.querySelectorAll("[part~=label]")].map((l) => l.textContent);
        return { first, second: { ...counts }, problems, labels, view: w.shadowRoot.querySelector("[part~=body]").className };
      },
      { WIRE, KOMPAS },
    );
    assert.deepEqual(out.first, { rendered: 1, error: 0 });
    assert.deepEqual(out.second, { rendered: 2, error: 0 });
    assert.deepEqual(out.problems, []);
    assert.deepEqual(out.labels, ["AP", "Kompas"]);
    assert.match(out.view, /\bwd-sbs\b/);
  });

  test("a newer input, or leaving the page, cancels the comparison under way: no stale render, no error", async () => {
    const page = await emptyHost(browser);
    const out = await page.evaluate(
      async ({ WIRE, KOMPAS }) => {
        await import("/wire-diff-define.js");
        const { verify, countEvents, nextEvent, settle } = await import("/hosts/check.js");
        const { usesWorker } = await import("/engine.js");
        const text = async (url) => (await fetch(url)).text();
        const [left, right] = [(await text(WIRE)).repeat(25), (await text(KOMPAS)).repeat(50)];
        const w = document.createElement("wire-diff");
        const counts = countEvents(w);
        Object.assign(w, { source: left, compare: right });
        document.getElementById("column").append(w);
        await new Promise((done) => setTimeout(done, 30)); // the worker is busy with the large pair
        const event = nextEvent(w);
        Object.assign(w, { source: "A short wire.", compare: "A short rewrite." });
        await event;
        await settle();
        const problems = await verify(w, "A short wire.", "A short rewrite.", {});
        const afterNewer = { ...counts };
        // Taken out of the page mid-comparison: nothing more is fired.
        w.source = left;
        w.compare = right;
        await new Promise((done) => setTimeout(done, 30));
        w.remove();
        await settle();
        const afterRemoval = { ...counts };
        return { large: usesWorker([left, right]), problems, afterNewer, afterRemoval };
      },
      { WIRE, KOMPAS },
    );
    assert.equal(out.large, true);
    assert.deepEqual(out.problems, []);
    assert.deepEqual(out.afterNewer, { rendered: 1, error: 0 });
    assert.deepEqual(out.afterRemoval, { rendered: 1, error: 0 });
    assert.deepEqual(page.log.errors, []);
  });

  test("a bad compare-src fires wirediff-error with a readable message, and the widget stays usable", async () => {
    const page = await emptyHost(browser);
    const out = await page.evaluate(
      async ({ WIRE, KOMPAS }) => {
        await import("/wire-diff-define.js");
        const { verify, nextEvent, status } = await import("/hosts/check.js");
        const text = async (url) => (await fetch(url)).text();
        const bubbled = [];
        document.addEventListener("wirediff-error", (e) => bubbled.push(e.target.id));
        const w = document.createElement("wire-diff");
        w.id = "flaky";
        w.setAttribute("source-src", WIRE);
        w.setAttribute("compare-src", "/samples/no-such-story.txt");
        let event = nextEvent(w);
        document.getElementById("column").append(w);
        const missing = await event;
        const shown = { status: status(w), result: w.result, next: w.next() };
        const errors = [];
        // Each bad input, then its undo (batched with the next bad input).
        for (const [change, undo] of [
          [(el) => el.setAttribute("compare-src", "http://[not a url/"), (el) => el.setAttribute("compare-src", KOMPAS)],
          [(el) => el.setAttribute("time-budget-ms", "soon"), (el) => el.removeAttribute("time-budget-ms")],
          [(el) => (el.view = "timeline"), (el) => (el.view = "redline")],
          [(el) => (el.options = { ignoreCase: true, colour: "red" }), (el) => (el.options = null)],
          // From JSON, "__proto__" is an own key: refused by name, never the options' prototype.
          [(el) => (el.options = JSON.parse('{"__proto__": {"ignoreCase": true}}')), (el) => (el.options = null)],
          [(el) => (el.compare = 42), (el) => (el.compare = null)],
        ]) {
          event = nextEvent(w);
          change(w);
          errors.push((await event).message);
          undo(w);
        }
        // With the last bad input undone, it renders the right comparison.
        event = nextEvent(w);
        const fixed = await event;
        const problems = await verify(w, await text(WIRE), await text(KOMPAS), {});
        return { missing, shown, errors, fixed: fixed.type, problems, bubbled };
      },
      { WIRE, KOMPAS },
    );
    assert.equal(out.missing.type, "error");
    assert.equal(
      out.missing.message,
      'Could not load the comparison text (compare-src="/samples/no-such-story.txt"): the server answered 404 Not Found.',
    );
    assert.equal(out.shown.status, out.missing.message, "the widget shows the message too");
    assert.equal(out.shown.result, null);
    assert.equal(out.shown.next, -1);
    assert.match(out.errors[0], /^Could not load the comparison text \(compare-src="http:\/\/\[not a url\/"\): it is not a valid URL\.$/);
    assert.equal(out.errors[1], 'The time-budget-ms attribute must be a whole number of milliseconds from 0 to 4294967295, not "soon".');
    assert.equal(out.errors[2], 'Unknown view "timeline": use redline, side-by-side, provenance.');
    assert.match(out.errors[3], /^Could not compare: invalid options: unknown option `colour`/);
    assert.match(out.errors[4], /^Could not compare: invalid options: unknown option `__proto__`/);
    assert.equal(out.errors[5], "The compare property must be a string, not number.");
    assert.equal(out.fixed, "rendered");
    assert.deepEqual(out.problems, []);
    assert.deepEqual(out.bubbled, Array(7).fill("flaky"), "errors bubble to the document");
    assert.deepEqual(page.log.errors, []);
  });

  test("texts load from another origin that allows it (CORS), and a readable error when it does not", async () => {
    const page = await emptyHost(browser, hosts.open);
    const out = await page.evaluate(
      async ({ cors, plain, WIRE, KOMPAS }) => {
        await import("/wire-diff-define.js");
        const { verify, nextEvent } = await import("/hosts/check.js");
        const w = document.createElement("wire-diff");
        w.id = "remote";
        w.setAttribute("source-src", `${cors}samples/001_7874be6ffbaae5d6.txt`);
        w.setAttribute("compare-src", `${cors}samples/000_a7be8358ffd46965.txt`);
        let event = nextEvent(w);
        document.getElementById("column").append(w);
        await event;
        const local = async (url) => (await fetch(url)).text();
        const problems = await verify(w, await local(WIRE), await local(KOMPAS), {});
        event = nextEvent(w);
        w.setAttribute("compare-src", `${plain}samples/000_a7be8358ffd46965.txt`);
        const refused = await event;
        return { problems, refused };
      },
      { cors: hosts.cors, plain: hosts.plain, WIRE, KOMPAS },
    );
    assert.deepEqual(out.problems, []);
    assert.equal(out.refused.type, "error");
    assert.equal(
      out.refused.message,
      `Could not load the comparison text (compare-src="${hosts.plain}samples/000_a7be8358ffd46965.txt"): the request failed (the server is unreachable, blocks cross-origin requests, or the page's Content-Security-Policy forbids it).`,
    );
  });

  test("next() and previous() step through the engine's changes inside the widget, never scrolling the host page", async () => {
    const page = await browser.page();
    await page.goto(`${hosts.plain}hosts/themed.html`);
    await page.waitFor(() => window.__wd.rendered.length === 2);
    const out = await page.evaluate(async () => {
      const { changeList } = await import("/render/redline.js");
      const w = document.getElementById("themed");
      const body = w.shadowRoot.querySelector("[part~=body]");
      const total = changeList(w.result).length;
      // the stops marked current, when every element marked is of one op (a long op is drawn in several)
      const current = () => {
        const marked = [...w.shadowRoot.querySelectorAll("[part~=current]")];
        if (new Set(marked.map((el) => el.dataset.wdOp)).size > 1) return ["elements of more than one op"];
        return marked.filter((el) => el.dataset.wdStop != null).map((el) => el.dataset.wdStop);
      };
      const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(done))));
      // The current change's first line is inside the widget's scrolled box.
      const visible = () => {
        const a = w.shadowRoot.querySelector("[part~=current]").getClientRects()[0];
        const b = body.getBoundingClientRect();
        return a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
      };
      const steps = [];
      for (let i = 0; i < 3; i++) steps.push(w.next());
      await frames();
      const afterNext = { current: current(), visible: visible(), scrolled: body.scrollTop };
      steps.push(w.previous(), w.previous(), w.previous(), w.previous());
      await frames();
      const last = { current: current(), visible: visible(), scrolled: body.scrollTop };
      // The buttons do the same.
      w.shadowRoot.querySelector("[part~=next]").click();
      const clicked = current();
      // Every change, in turn, is brought into view.
      const hidden = [];
      for (let i = 0; i < total; i++) {
        const index = w.next();
        await frames();
        if (!visible()) hidden.push(index);
      }
      return { total, steps, afterNext, last, clicked, hidden, pageScroll: window.scrollY, bodyHeight: body.clientHeight, bodyScroll: body.scrollHeight };
    });
    assert.ok(out.total > 5, `the sample has changes (${out.total})`);
    assert.deepEqual(out.steps, [0, 1, 2, 1, 0, out.total - 1, out.total - 2]);
    assert.deepEqual(out.afterNext.current, ["2"]);
    assert.deepEqual(out.last.current, [String(out.total - 2)]);
    assert.ok(out.afterNext.visible && out.last.visible, "the current change is scrolled into the widget's view");
    assert.ok(out.bodyScroll > out.bodyHeight, "the fixed-height widget scrolls inside");
    assert.ok(out.last.scrolled > out.afterNext.scrolled, "going back from the first change wrapped to the end");
    assert.deepEqual(out.clicked, [String(out.total - 1)]);
    assert.deepEqual(out.hidden, [], "changes next() left out of view");
    assert.equal(out.pageScroll, 0, "the host page did not scroll");
    // Keyboard: the page's keys, n / j / ] and p / k / [, on the focused widget body.
    await page.evaluate(() => document.getElementById("themed").shadowRoot.querySelector("[part~=body]").focus());
    const currentStop = () => page.evaluate(() => document.getElementById("themed").shadowRoot.querySelector("[part~=current]").dataset.wdStop);
    await page.press("n");
    assert.equal(await currentStop(), "0");
    for (const [key, stop] of [["j", "1"], ["]", "2"], ["k", "1"], ["[", "0"], ["p", String(out.total - 1)]]) {
      await page.press(key);
      assert.equal(await currentStop(), stop, `${key} on the widget`);
    }
  });

  test("next() steps through the same changes in every view: op stops in the redline and side by side, sentences in provenance", async () => {
    const page = await browser.page();
    await page.goto(`${hosts.plain}hosts/themed.html`);
    await page.waitFor(() => window.__wd.rendered.length === 2);
    const out = await page.evaluate(async () => {
      const { changeList } = await import("/render/redline.js");
      const { nextEvent } = await import("/hosts/check.js");
      const w = document.getElementById("unthemed");
      const views = {};
      for (const view of ["redline", "side-by-side", "provenance"]) {
        const event = nextEvent(w);
        w.view = view;
        if (view !== "redline") await event;
        const changes = changeList(w.result);
        const seen = [];
        for (let i = 0; i < changes.length; i++) {
          const index = w.next();
          const current = [...w.shadowRoot.querySelectorAll("[part~=current]")];
          const op = w.result.ops[changes[index].op];
          seen.push({
            index,
            count: current.length,
            // The first highlighted element shows this change: its op, or (provenance) the sentence holding it.
            shows:
              view === "provenance"
                ? (() => {
                    // The sentence the change is in (or, past the last sentence, the last one).
                    const sentences = w.result.right.sentences;
                    const span = sentences[Number(current[0].dataset.wdSent)].span;
                    const last = Math.max(...sentences.map((s) => s.span.end));
                    return span.end > op.right.start || (span.end === last && op.right.start >= last);
                  })()
                : current[0].dataset.wdOp === String(changes[index].op),
          });
        }
        views[view] = { total: changes.length, seen };
      }
      return views;
    });
    for (const [view, { total, seen }] of Object.entries(out)) {
      assert.ok(total > 5, `${view}: ${total} changes`);
      assert.deepEqual(
        seen.map((s) => s.index),
        [...Array(total).keys()],
        `${view}: next() visits every change in order`,
      );
      assert.ok(seen.every((s) => s.count > 0 && s.shows), `${view}: each change is highlighted where it is: ${JSON.stringify(seen)}`);
    }
  });

  test("the host themes the widget through --wd-* custom properties and ::part(), and sizes it", async () => {
    const page = await browser.page();
    await page.goto(`${hosts.plain}hosts/themed.html`);
    await page.waitFor(() => window.__wd.rendered.length === 2);
    const look = await page.evaluate(() =>
      ["themed", "unthemed"].map((id) => {
        const w = document.getElementById(id);
        const css = (selector) => getComputedStyle(w.shadowRoot.querySelector(selector));
        return {
          insBg: [...new Set([...w.shadowRoot.querySelectorAll("ins")].map((el) => getComputedStyle(el).backgroundColor))],
          delColor: css("del").color,
          font: css("[part~=frame]").fontSize,
          status: css("[part~=status]").fontStyle,
          height: w.getBoundingClientRect().height,
          width: w.getBoundingClientRect().width,
        };
      }),
    );
    const [themed, plain] = look;
    assert.ok(themed.insBg.includes("rgb(1, 2, 3)"), themed.insBg.join());
    assert.equal(themed.delColor, "rgb(4, 5, 6)");
    assert.equal(themed.font, "20px");
    assert.equal(themed.status, "italic");
    assert.equal(themed.height, 240);
    assert.ok(!plain.insBg.includes("rgb(1, 2, 3)"), "the unthemed widget keeps the default");
    assert.notEqual(plain.delColor, themed.delColor);
    assert.equal(plain.font, "16px");
    assert.ok(plain.height > 240, "without a height the widget grows with its content");
    assert.equal(themed.width, 640);
    assert.equal(plain.width, 640);
  });

  test("hide-boilerplate hides the boilerplate lines the engine found, as the shared renderer does", async () => {
    const page = await emptyHost(browser);
    const out = await page.evaluate(
      async ({ WIRE, KOMPAS }) => {
        await import("/wire-diff-define.js");
        const { verify, nextEvent } = await import("/hosts/check.js");
        const text = async (url) => (await fetch(url)).text();
        const [left, right] = [await text(WIRE), await text(KOMPAS)];
        const w = document.createElement("wire-diff");
        w.id = "furniture";
        Object.assign(w, { sourceSrc: WIRE, compareSrc: KOMPAS });
        let event = nextEvent(w);
        document.getElementById("column").append(w);
        const shown = await event;
        event = nextEvent(w);
        w.hideBoilerplate = true;
        const hidden = await event;
        return {
          boilerplateOps: w.result.ops.filter((op) => op.boilerplate).length,
          changes: [shown.changes, hidden.changes],
          markers: w.shadowRoot.querySelectorAll(".wd-hidden-boilerplate").length,
          attribute: w.hasAttribute("hide-boilerplate"),
          problems: await verify(w, left, right, {}, { hideBoilerplate: true }),
        };
      },
      { WIRE, KOMPAS },
    );
    assert.ok(out.boilerplateOps > 0, "the sample pair has boilerplate (Also Read lines)");
    assert.ok(out.markers > 0);
    assert.equal(out.attribute, true);
    assert.deepEqual(out.problems, []);
  });

  test("side by side stacks its columns in a narrow widget (a CMS sidebar), whatever the viewport", async () => {
    const page = await emptyHost(browser);
    const layout = await page.evaluate(async () => {
      await import("/wire-diff-define.js");
      const { nextEvent } = await import("/hosts/check.js");
      const out = {};
      for (const width of [320, 640, 900]) {
        const w = document.createElement("wire-diff");
        Object.assign(w, { view: "side-by-side", source: "The workers jeered the president.", compare: "The workers cheered the president." });
        w.style.width = `${width}px`; // CSSOM, which the CSP allows
        const event = nextEvent(w);
        document.getElementById("column").append(w);
        await event;
        const row = w.shadowRoot.querySelector(".wd-row:not(.wd-row-head)");
        const [left, right] = [...row.children].map((cell) => cell.getBoundingClientRect());
        out[width] = { sameColumn: left.left === right.left, below: right.top >= left.bottom };
      }
      return out;
    });
    const beside = { sameColumn: false, below: false };
    assert.deepEqual(layout, { 320: { sameColumn: true, below: true }, 640: beside, 900: beside });
  });

  test("under prefers-color-scheme: dark the widget takes the dark defaults, and the host's theme still wins", async () => {
    const page = await browser.page();
    await page.emulateColorScheme("dark");
    await page.goto(`${hosts.plain}hosts/themed.html`);
    await page.waitFor(() => window.__wd.rendered.length === 2);
    const look = await page.evaluate(() =>
      ["themed", "unthemed"].map((id) => {
        const root = document.getElementById(id).shadowRoot;
        return {
          frame: getComputedStyle(root.querySelector("[part~=frame]")).backgroundColor,
          ins: [...new Set([...root.querySelectorAll("ins")].map((el) => getComputedStyle(el).backgroundColor))],
        };
      }),
    );
    assert.equal(look[1].frame, "rgb(22, 24, 28)", "--wd-bg dark default #16181c");
    assert.ok(look[1].ins.includes("rgb(18, 61, 30)"), `--wd-insert-bg dark default #123d1e: ${look[1].ins}`);
    assert.ok(look[0].ins.includes("rgb(1, 2, 3)"), "the host's --wd-insert-bg wins in dark mode too");
  });

  test("wasm-url loads the engine from where the host serves it", async () => {
    const page = await emptyHost(browser);
    await page.evaluate(async () => {
      await import("/wire-diff-define.js");
      const { nextEvent } = await import("/hosts/check.js");
      const w = document.createElement("wire-diff");
      w.id = "relocated";
      w.wasmUrl = "/assets/wirediff_bg.wasm";
      w.source = "The plant's workers jeered.";
      w.compare = "The plant's workers cheered.";
      const event = nextEvent(w);
      document.getElementById("column").append(w);
      await event;
    });
    // before the check below loads the page's own engine to compare with
    const wasm = page.log.requests.filter((url) => url.endsWith(".wasm")).map((url) => new URL(url).pathname);
    assert.deepEqual(wasm, ["/assets/wirediff_bg.wasm"]);
    const problems = await page.evaluate(async () => {
      const { verify } = await import("/hosts/check.js");
      return verify(document.getElementById("relocated"), "The plant's workers jeered.", "The plant's workers cheered.", {});
    });
    assert.deepEqual(problems, []);
  });

  test("a wasm-url that does not load is a readable error, and a good one then works", async () => {
    const page = await emptyHost(browser);
    const out = await page.evaluate(async () => {
      await import("/wire-diff-define.js");
      const { verify, nextEvent } = await import("/hosts/check.js");
      const w = document.createElement("wire-diff");
      Object.assign(w, { wasmUrl: "/assets/no-such-engine.wasm", source: "The workers jeered.", compare: "The workers cheered." });
      let event = nextEvent(w);
      document.getElementById("column").append(w);
      const failed = await event;
      event = nextEvent(w);
      w.wasmUrl = "/assets/wirediff_bg.wasm";
      const fixed = await event;
      return { failed, fixed: fixed.type, problems: await verify(w, "The workers jeered.", "The workers cheered.", {}) };
    });
    assert.equal(out.failed.type, "error");
    assert.match(out.failed.message, /^Could not load the comparison engine \(wasm-url=".*no-such-engine\.wasm"\): .*404.*no-such-engine\.wasm/);
    assert.equal(out.fixed, "rendered");
    assert.deepEqual(out.problems, []);
  });

  test("a stylesheet that does not load is reported, and the comparison still shows", async () => {
    const page = await emptyHost(browser);
    const out = await page.evaluate(async () => {
      const { configure } = await import("/wire-diff.js");
      configure({ stylesheetUrl: "/hosts/no-such-sheet.css" });
      await import("/wire-diff-define.js");
      const w = document.createElement("wire-diff");
      Object.assign(w, { source: "The workers jeered.", compare: "The workers cheered." });
      const events = [];
      w.addEventListener("wirediff-error", (e) => events.push(`error: ${e.detail.message}`));
      w.addEventListener("wirediff-rendered", () => events.push("rendered"));
      document.getElementById("column").append(w);
      await new Promise((done) => w.addEventListener("wirediff-rendered", done, { once: true }));
      return { events, shown: w.shadowRoot.querySelector("[part~=body]").textContent.includes("cheered") };
    });
    assert.deepEqual(out.events, [`error: Could not load the widget's stylesheet from ${hosts.plain}hosts/no-such-sheet.css.`, "rendered"]);
    assert.equal(out.shown, true);
  });

  test("the define module tolerates a second import and a tag defined already", async () => {
    const page = await emptyHost(browser);
    const out = await page.evaluate(async () => {
      const results = [];
      for (const url of ["/wire-diff-define.js", "/wire-diff-define.js?again"]) {
        try {
          await import(url);
          results.push("ok");
        } catch (e) {
          results.push(e.message);
        }
      }
      const { WireDiffElement } = await import("/wire-diff.js");
      return { results, defined: customElements.get("wire-diff") === WireDiffElement };
    });
    assert.deepEqual(out, { results: ["ok", "ok"], defined: true });
    const other = await emptyHost(browser);
    const kept = await other.evaluate(async () => {
      class Other extends HTMLElement {}
      customElements.define("wire-diff", Other);
      await import("/wire-diff-define.js");
      return customElements.get("wire-diff") === Other;
    });
    assert.equal(kept, true);
    assert.deepEqual([...page.log.errors, ...other.log.errors], []);
  });

  test("without the widget's script the light-DOM texts show as the fallback", async () => {
    const page = await browser.page();
    await page.goto(`${hosts.plain}hosts/widgets.html?no-widget`);
    await page.waitFor(() => document.readyState === "complete");
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll("#by-light-dom > pre")].map((pre) => pre.getClientRects().length > 0 && pre.textContent),
    );
    assert.deepEqual(shown, ['He said: "We will not give in." The strike goes on.', "He said: “We will not give in.” The strike continues."]);
  });

  test("the TypeScript declarations name exactly what the modules export", async () => {
    const page = await emptyHost(browser);
    const exported = await page.evaluate(async () => {
      const names = async (url) => Object.keys(await import(url)).sort();
      const { WireDiffElement } = await import("/wire-diff.js");
      return {
        "engine.js": await names("/engine.js"),
        "wire-diff.js": await names("/wire-diff.js"),
        "wire-diff-define.js": await names("/wire-diff-define.js"),
        attributes: [...WireDiffElement.observedAttributes],
        members: Object.getOwnPropertyNames(WireDiffElement.prototype)
          .filter((n) => n !== "constructor" && !n.endsWith("Callback"))
          .sort(),
      };
    });
    const declared = (file) => {
      const text = readFileSync(new URL(`../../../www/${file.replace(/\.js$/, ".d.ts")}`, import.meta.url), "utf8");
      const names = [...text.matchAll(/^export (?:declare )?(?:function|const|class) (\w+)/gm)].map((m) => m[1]);
      for (const m of text.matchAll(/^export \{ ([^}]+) \} from/gm)) names.push(...m[1].split(",").map((n) => n.trim()));
      return [...new Set(names)].sort();
    };
    for (const file of ["engine.js", "wire-diff.js", "wire-diff-define.js"]) {
      assert.deepEqual(declared(file), exported[file], `${file} and its .d.ts`);
    }
    const dts = readFileSync(new URL("../../../www/wire-diff.d.ts", import.meta.url), "utf8");
    const classBody = dts.slice(dts.indexOf("export class WireDiffElement"), dts.indexOf("\n}\n", dts.indexOf("export class WireDiffElement")));
    const members = [...classBody.matchAll(/^ {2}(?:readonly )?(\w+)[(:?]/gm)].map((m) => m[1]).filter((n) => !["addEventListener", "removeEventListener"].includes(n));
    assert.deepEqual([...new Set(members)].sort(), exported.members, "the element's members and its .d.ts");
  });

  test("docs/embedding.md documents every attribute, member, event, part and custom property", async () => {
    const page = await browser.page();
    await page.goto(`${hosts.plain}hosts/themed.html`);
    await page.waitFor(() => window.__wd.rendered.length === 2);
    const api = await page.evaluate(async () => {
      const { WireDiffElement } = await import("/wire-diff.js");
      const w = document.getElementById("themed");
      w.next();
      const parts = new Set([...w.shadowRoot.querySelectorAll("[part]")].flatMap((el) => [...el.part]));
      w.view = "provenance";
      await new Promise((done) => w.addEventListener("wirediff-rendered", done, { once: true }));
      for (const el of w.shadowRoot.querySelectorAll("[part]")) for (const p of el.part) parts.add(p);
      return {
        attributes: [...WireDiffElement.observedAttributes],
        members: Object.getOwnPropertyNames(WireDiffElement.prototype).filter((n) => n !== "constructor" && !n.endsWith("Callback")),
        parts: [...parts].sort(),
      };
    });
    const embed = readFileSync(new URL("../../../docs/embedding.md", import.meta.url), "utf8");
    for (const name of [...api.attributes, "wirediff-rendered", "wirediff-error"]) {
      assert.ok(embed.includes(`| \`${name}\` |`), `a table row for \`${name}\``);
    }
    for (const name of api.members) assert.match(embed, new RegExp(`\`${name}(\\(\\))?\``), `\`${name}\` is documented`);
    assert.ok(api.parts.length >= 10, api.parts.join(" "));
    for (const part of api.parts) assert.ok(embed.includes(`\`${part}\``), `the part \`${part}\` is documented`);
    // Every theming custom property, with its light and dark defaults as the stylesheet has them.
    const css = readFileSync(new URL("../../../www/wirediff.css", import.meta.url), "utf8");
    const block = (from) => css.slice(css.indexOf("{", css.indexOf(from)) + 1, css.indexOf("}", css.indexOf(from)));
    const props = (text) => Object.fromEntries([...text.matchAll(/(--wd-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
    const light = props(block(":root, :host {"));
    const dark = props(block("@media (prefers-color-scheme: dark)"));
    const themed = Object.keys(light).filter((name) => !name.startsWith("--wd-heat")); // the heat scale is the page's matrix only
    assert.ok(themed.length > 15);
    for (const name of themed) {
      const row = `| \`${name}\` | \`${light[name]}\` | ${dark[name] ? `\`${dark[name]}\`` : "same"} |`;
      assert.ok(embed.includes(row), `docs/embedding.md row: ${row}`);
    }
  });
});
