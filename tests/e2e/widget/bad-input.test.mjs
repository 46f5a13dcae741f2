// Bad input in <wire-diff>: an empty or blank text from a property, the
// light DOM or a *-src; a *-src that is not text or not UTF-8; texts above
// the size limit (max-input-mb); a single 5 MB line and a million identical
// words. Each message is asserted word for word, both as the widget shows it
// and as its wirediff-error event carries it; the other text stays, and the
// widget renders again once the input is fixed. The bad files are in
// tests/e2e/harness/files/, served under /files/.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { forEachBrowser } from "../harness/driver.mjs";
import { startHosts } from "../harness/hosts/servers.mjs";
import { assertBefore, largeTexts, noted, watchOrder, workerGot } from "../harness/page-helpers.mjs";

let hosts;
before(async () => (hosts = await startHosts()));
after(() => hosts?.close());

const WIRE = "/samples/001_7874be6ffbaae5d6.txt";
const KOMPAS = "/samples/000_a7be8358ffd46965.txt";

async function emptyHost(browser, origin = hosts.plain) {
  const page = await browser.page();
  await page.goto(`${origin}hosts/empty.html`);
  await page.waitFor(() => document.readyState === "complete");
  return page;
}

/**
 * Runs `steps` in the page against one widget (id "w", with the wire text as
 * its source): each step is a list of changes made at once, ["set", property,
 * value], ["attr", name, value or null] or ["built", property, "walkout" |
 * "accented"] (a text built in the page: 50,000,000 ASCII bytes, or
 * 1,200,000 characters of 1,300,000 bytes); its outcome is the next event and
 * what the widget then shows. Returns the outcomes, and whether the source
 * property survived them all.
 */
function run(page, steps) {
  return page.evaluate(
    async ({ WIRE, steps }) => {
      await import("/wire-diff-define.js");
      const { nextEvent, status } = await import("/hosts/check.js");
      const built = {
        walkout: () => "Workers walked out. ".repeat(2_500_000),
        accented: () => "Workers walked out. ".repeat(55_000) + "é".repeat(100_000),
      };
      const w = document.createElement("wire-diff");
      w.id = "w";
      const wire = await (await fetch(WIRE)).text();
      w.source = wire;
      w.compare = "The workers jeered the president.";
      let event = nextEvent(w);
      document.getElementById("column").append(w);
      await event;
      const out = [];
      for (const step of steps) {
        event = nextEvent(w);
        for (const [how, name, value] of step) {
          if (how === "set") w[name] = value;
          else if (how === "built") w[name] = built[value]();
          else if (value === null) w.removeAttribute(name);
          else w.setAttribute(name, value);
        }
        const got = await event;
        const shown = w.shadowRoot.querySelector("[part~=status]");
        out.push({ type: got.type, message: got.message, status: status(w), error: shown.classList.contains("wd-error"), result: w.result !== null });
      }
      return { out, sourceKept: w.source === wire };
    },
    { WIRE, steps },
  );
}

forEachBrowser((browser) => {

  test("an empty or blank text is named by where it came from, with how to give it; the other text stays and the next good one renders", async () => {
    const page = await emptyHost(browser);
    const out = await page.evaluate(async (WIRE) => {
      await import("/wire-diff-define.js");
      const { nextEvent, status, verify } = await import("/hosts/check.js");
      const wire = await (await fetch(WIRE)).text();
      const w = document.createElement("wire-diff");
      w.id = "blank";
      w.source = wire;
      w.compare = "";
      let event = nextEvent(w);
      document.getElementById("column").append(w);
      const seen = [];
      const record = async () => {
        const got = await event;
        seen.push({ type: got.type, message: got.message, shown: status(w), error: w.shadowRoot.querySelector("[part~=status]").classList.contains("wd-error"), result: w.result });
      };
      await record();
      for (const change of [
        () => (w.compare = "  \n\n\t \n"),
        () => {
          w.compare = null;
          w.append(Object.assign(document.createElement("pre"), { slot: "compare" }));
        },
        () => w.setAttribute("compare-src", "/files/blank.txt"),
        () => w.setAttribute("compare-src", "/files/empty.txt"),
        () => {
          w.removeAttribute("compare-src");
          w.source = " ";
        },
      ]) {
        event = nextEvent(w);
        change();
        await record();
      }
      const sourceKept = w.source === " ";
      event = nextEvent(w);
      w.source = wire;
      w.querySelector("pre").textContent = "Workers jeered the president at the tractor plant.";
      await event;
      return { seen, sourceKept, problems: await verify(w, wire, "Workers jeered the president at the tractor plant.", {}) };
    }, WIRE);
    const messages = [
      "The comparison text is empty: set the compare property to the outlet's text.",
      "The comparison text holds only spaces and line breaks: set the compare property to the outlet's text.",
      'The comparison text is empty: put the outlet\'s text in the element marked slot="compare".',
      'The comparison text (compare-src="/files/blank.txt") holds only spaces and line breaks: point compare-src at the outlet\'s text.',
      'The comparison text (compare-src="/files/empty.txt") is empty: point compare-src at the outlet\'s text.',
      "Both texts are empty: give the wire text and the outlet's text.",
    ];
    assert.deepEqual(
      out.seen,
      messages.map((message) => ({ type: "error", message, shown: message, error: true, result: null })),
    );
    assert.ok(out.sourceKept);
    assert.deepEqual(out.problems, []);
    assert.deepEqual(page.log.errors, []);
  });

  test("a *-src that is not text is refused by what it is, in the widget and its event; the widget then renders the next good one", async () => {
    const page = await emptyHost(browser);
    const { out, sourceKept } = await run(page, [
      [
        ["set", "compare", null],
        ["attr", "compare-src", "/files/photo.png"],
      ],
      [["attr", "compare-src", "/files/report.docx"]],
      [["attr", "compare-src", "/files/story.pdf"]],
      [["attr", "compare-src", "/files/data.bin"]],
      [["attr", "compare-src", KOMPAS]],
    ]);
    const refused = [
      'The comparison text (compare-src="/files/photo.png") is a PNG image, not text: point compare-src at a plain-text file.',
      'The comparison text (compare-src="/files/report.docx") is a Word document, not text: point compare-src at a plain-text file.',
      'The comparison text (compare-src="/files/story.pdf") is a PDF document, not text: point compare-src at a plain-text file.',
      'The comparison text (compare-src="/files/data.bin") is not text (it holds binary data): point compare-src at a plain-text file.',
    ];
    assert.deepEqual(
      out.slice(0, 4),
      refused.map((message) => ({ type: "error", message, status: message, error: true, result: false })),
    );
    assert.equal(out[4].type, "rendered");
    assert.equal(out[4].result, true);
    assert.ok(sourceKept, "the source property is untouched");
    const problems = await page.evaluate(async (KOMPAS) => {
      const { verify } = await import("/hosts/check.js");
      const w = document.getElementById("w");
      return verify(w, w.source, await (await fetch(KOMPAS)).text(), {});
    }, KOMPAS);
    assert.deepEqual(problems, []);
    assert.deepEqual(page.log.errors, []);
  });

  test("a *-src that is not UTF-8 is read as Windows-1252: the comparison shows with a notice, and wirediff-error says the same", async () => {
    const page = await emptyHost(browser);
    const out = await page.evaluate(async (WIRE) => {
      await import("/wire-diff-define.js");
      const { verify } = await import("/hosts/check.js");
      const wire = await (await fetch(WIRE)).text();
      const w = document.createElement("wire-diff");
      w.id = "latin2";
      w.source = wire;
      w.setAttribute("compare-src", "/files/wire-latin2.txt");
      const events = [];
      const done = new Promise((resolve) => {
        w.addEventListener("wirediff-rendered", () => events.push({ type: "rendered" }));
        w.addEventListener("wirediff-error", (e) => {
          events.push({ type: "error", message: e.detail.message });
          resolve();
        });
      });
      document.getElementById("column").append(w);
      await done;
      const notice = () => [...w.shadowRoot.querySelectorAll("[part~=notice] p")].map((p) => p.textContent);
      const shown = { events: [...events], notice: notice(), status: w.shadowRoot.querySelector("[part~=status]").textContent, result: w.result !== null };
      const latin = "MIÑSK - Protestuj±cy robotnicy wygwizdali £ukaszenkê w zak³adach MZKT.\n\nStrajki objê³y ca³± Bia³oru¶.\n";
      const problems = await verify(w, wire, latin, {});
      // A text read as UTF-16 by its byte-order mark needs no notice.
      const next = new Promise((resolve) => w.addEventListener("wirediff-rendered", resolve, { once: true }));
      w.setAttribute("compare-src", "/files/wire-utf16.txt");
      await next;
      await new Promise((resolve) => setTimeout(resolve, 100));
      const utf16 = "MINSK, Belarus (AP) — Workers heckled and jeered President Alexander Lukashenko.\n";
      return { shown, problems, utf16: { notice: notice(), events: events.slice(2), problems: await verify(w, wire, utf16, {}) } };
    }, WIRE);
    const message =
      'The comparison text (compare-src="/files/wire-latin2.txt") is not UTF-8 text: it was read as Windows-1252 (Western European). If letters look wrong, serve it as UTF-8.';
    assert.deepEqual(out.shown.events, [{ type: "rendered" }, { type: "error", message }]);
    assert.deepEqual(out.shown.notice, [message], "the widget shows the notice the event carries");
    assert.ok(out.shown.result, "the comparison is shown");
    assert.match(out.shown.status, /^\d+ changes? · /);
    assert.deepEqual(out.problems, []);
    assert.deepEqual(out.utf16, { notice: [], events: [{ type: "rendered" }], problems: [] });
    assert.deepEqual(page.log.errors, []);
  });

  test("a *-src that is not UTF-8, from a server that declares its charset, is read in that charset without a notice; valid UTF-8 stays UTF-8", async () => {
    // the host page may fetch from other loopback origins; the latin2 host labels every file ISO-8859-2
    const page = await emptyHost(browser, hosts.open);
    const out = await page.evaluate(
      async ([WIRE, KOMPAS, latin2]) => {
        await import("/wire-diff-define.js");
        const { verify } = await import("/hosts/check.js");
        const wire = await (await fetch(WIRE)).text();
        const w = document.createElement("wire-diff");
        w.source = wire;
        w.setAttribute("compare-src", `${latin2}files/wire-latin2.txt`);
        const events = [];
        w.addEventListener("wirediff-error", (e) => events.push(e.detail.message));
        const rendered = () => new Promise((resolve) => w.addEventListener("wirediff-rendered", resolve, { once: true }));
        let next = rendered();
        document.getElementById("column").append(w);
        await next;
        const polish = "MIŃSK - Protestujący robotnicy wygwizdali Łukaszenkę w zakładach MZKT.\n\nStrajki objęły całą Białoruś.\n";
        const notice = () => [...w.shadowRoot.querySelectorAll("[part~=notice] p")].map((p) => p.textContent);
        const first = { problems: await verify(w, wire, polish, {}), notice: notice() };
        // the Kompas sample is UTF-8 with accents: the same server's ISO-8859-2 label does not garble it
        next = rendered();
        w.setAttribute("compare-src", `${latin2}${KOMPAS.replace(/^\//, "")}`);
        await next;
        const kompas = await (await fetch(KOMPAS)).text();
        return { first, second: { problems: await verify(w, wire, kompas, {}), notice: notice() }, events };
      },
      [WIRE, KOMPAS, hosts.latin2],
    );
    assert.deepEqual(out.first, { problems: [], notice: [] });
    assert.deepEqual(out.second, { problems: [], notice: [] });
    assert.deepEqual(out.events, []);
    assert.deepEqual(page.log.errors, []);
  });

  test("a text above the limit is refused with its size, the limit and the max-input-mb (or options.maxInputBytes) that lets it in; max-input-mb is checked and raises the limit", { timeout: 120_000 }, async () => {
    const page = await emptyHost(browser);
    const { out, sourceKept } = await run(page, [
      [["built", "compare", "walkout"]],
      [
        ["attr", "max-input-mb", "1"],
        ["built", "compare", "accented"],
      ],
      [["attr", "max-input-mb", "lots"]],
      [
        ["attr", "max-input-mb", "2"],
        ["set", "options", { maxInputBytes: 1_000_000 }],
      ],
      [["set", "options", null]],
    ]);
    const messages = [
      'The comparison text is 50.0 MB, above the limit of 32.0 MB: give a shorter text, or raise the limit with max-input-mb="50".',
      'The comparison text is 1.3 MB, above the limit of 1.0 MB: give a shorter text, or raise the limit with max-input-mb="2".',
      'The max-input-mb attribute must be a number of megabytes more than 0 and at most 4294 (4 GB), not "lots".',
      "The comparison text is 1.3 MB, above the limit of 1.0 MB: give a shorter text, or raise options.maxInputBytes to 2000000.",
    ];
    assert.deepEqual(
      out.slice(0, 4),
      messages.map((message) => ({ type: "error", message, status: message, error: true, result: false })),
    );
    assert.equal(out[4].type, "rendered", "with max-input-mb=2 (and no options) the 1.3 MB text is compared");
    assert.ok(sourceKept);
    assert.deepEqual(page.log.errors, []);
  });

  /**
   * Gives the widget two texts built in the page, presses a key once they
   * are in the worker, and returns what it rendered and the order of events.
   */
  async function rendersLarge(page, kind) {
    const lengths = await page.evaluate(largeTexts, kind);
    await page.evaluate(watchOrder);
    await page.evaluate(async () => {
      await import("/wire-diff-define.js");
      const { nextEvent } = await import("/hosts/check.js");
      const { left, right } = window.__texts;
      const w = document.createElement("wire-diff");
      w.style.height = "400px";
      window.__event = nextEvent(w).then((got) => (window.__order.push(`event ${got.type}`), got));
      Object.assign(w, { source: left, compare: right });
      document.getElementById("column").append(w);
    });
    // once the texts are in the worker, a key
    await page.waitFor((n) => window.__order.some((x) => /^worker ← \d+ characters$/.test(x) && Number(x.split(" ")[2]) >= n), lengths.left + lengths.right);
    await page.press("Shift");
    const out = await page.evaluate(async () => {
      const got = await window.__event;
      const w = document.querySelector("wire-diff");
      const { result } = w;
      const walker = document.createTreeWalker(w.shadowRoot.querySelector("[part~=body]"), NodeFilter.SHOW_TEXT);
      const parts = [];
      while (walker.nextNode()) if (!walker.currentNode.parentElement.closest("del, .wd-sr-only, .wd-move-from, .wd-move-to, .wd-source-link")) parts.push(walker.currentNode.data);
      const { changeList } = await import("/render/redline.js");
      return {
        type: got.type,
        message: got.message,
        busy: w.shadowRoot.querySelector("[part~=frame]").getAttribute("aria-busy"),
        whole: parts.join("") === window.__texts.right,
        status: w.shadowRoot.querySelector("[part~=status]").textContent,
        expected: `${changeList(result).length} ${changeList(result).length === 1 ? "change" : "changes"} · ${result.stats.verdict}${result.approximate ? " · approximate (time budget ran out)" : ""}.`,
      };
    });
    return { ...out, lengths, order: await noted(page) };
  }

  for (const [kind, title] of [
    ["line", "a single 5 MB line against an edited copy"],
    ["same", "a million identical words against a copy with one word added"],
  ]) {
    test(`${title} is compared in the worker and renders whole, the status saying so when approximate, the host page handling a key meanwhile`, { timeout: 180_000 }, async () => {
      const page = await emptyHost(browser);
      const out = await rendersLarge(page, kind);
      assert.equal(out.type, "rendered", out.message);
      assert.ok(out.whole, "the redline holds the whole comparison text");
      assert.equal(out.status, out.expected);
      assert.equal(out.busy, null, "the widget is no longer busy");
      assertBefore(out.order, workerGot(out.lengths.left + out.lengths.right), "key Shift");
      assertBefore(out.order, "key Shift", "event rendered");
      assert.deepEqual(page.log.errors, []);
    });
  }
});
