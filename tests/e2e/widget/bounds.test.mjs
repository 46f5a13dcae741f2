// <wire-diff> against hostile servers, hosts and options: a `*-src` that
// never ends, is huge, or hangs, and one changed mid-download (each ends in
// its message; the hostile server, tests/e2e/harness/hosts/streams.mjs, counts what
// it sent and sees the request closed); schemes that are not http(s); an
// engine per wasm-url, one failing; odd options and attributes, answered in
// words; the engine API's type checks; a CSP that forbids the worker; and
// lone UTF-16 surrogates, compared as U+FFFD with a notice.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { forEachBrowser } from "../harness/driver.mjs";
import { startHosts } from "../harness/hosts/servers.mjs";
import { startStreams } from "../harness/hosts/streams.mjs";

let hosts;
let streams;
before(async () => {
  hosts = await startHosts();
  streams = await startStreams();
});
after(async () => {
  await hosts?.close();
  await streams?.close();
});

const WIRE = "/samples/001_7874be6ffbaae5d6.txt";
const KOMPAS = "/samples/000_a7be8358ffd46965.txt";
const MB = 1_000_000;
// What a reader holds beyond what it read: the browser's stream and socket
// buffers and the kernel's loopback buffers. Far below the gigabytes an
// endless answer would reach if the widget read on.
const BUFFERS = 16 * MB;

let unique = 0;
/** A fresh URL on the stream server, so each test's requests are its own. */
const streamUrl = (path) => `${streams.url}${path}?n=${++unique}`;

/** The server's record of the request for `url`, once there is one that ended (or `ended` is false). */
async function requestFor(url, { ended = true } = {}) {
  const path = url.slice(streams.url.length - 1);
  const deadline = Date.now() + 20_000; // a wait for an event, not a measure of speed
  for (;;) {
    const record = streams.requests.find((r) => r.path === path);
    if (record && (!ended || record.closedEarly || record.finished)) return record;
    if (Date.now() > deadline) throw new Error(`the server saw ${record ? "no end of" : "no"} request for ${path}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

async function emptyHost(browser, origin = hosts.open) {
  const page = await browser.page();
  await page.goto(`${origin}hosts/empty.html`);
  await page.waitFor(() => document.readyState === "complete");
  return page;
}

/**
 * Adds a widget (id `id`) with the wire text as its source property and
 * `attributes` / `properties`; resolves to its first event and what it
 * shows then, with its height (a widget left hidden is 0 px tall).
 */
function addWidget(page, { id = "w", attributes = {}, properties = {} }) {
  return page.evaluate(
    async ({ WIRE, id, attributes, properties }) => {
      await import("/wire-diff-define.js");
      const { nextEvent, status } = await import("/hosts/check.js");
      const w = document.createElement("wire-diff");
      w.id = id;
      w.source = await (await fetch(WIRE)).text();
      for (const [name, value] of Object.entries(attributes)) w.setAttribute(name, value);
      Object.assign(w, properties);
      const event = nextEvent(w);
      document.getElementById("column").append(w);
      const got = await event;
      return { ...got, status: status(w), height: w.getBoundingClientRect().height, result: w.result !== null };
    },
    { WIRE, id, attributes, properties },
  );
}

/** Makes `changes` (["attr", name, value] or ["set", property, value]) to widget `id`; resolves to its next event. */
function change(page, id, changes) {
  return page.evaluate(
    async ({ id, changes }) => {
      const { nextEvent, status } = await import("/hosts/check.js");
      const w = document.getElementById(id);
      const event = nextEvent(w);
      for (const [how, name, value] of changes) {
        if (how === "set") w[name] = value;
        else if (value === null) w.removeAttribute(name);
        else w.setAttribute(name, value);
      }
      const got = await event;
      return { ...got, status: status(w), result: w.result !== null };
    },
    { id, changes },
  );
}

forEachBrowser((browser) => {
  test("an endless *-src is read up to the size limit and no further: its message, the server sees the request closed, and (Chromium) the JS heap grows by less than twice the limit", async (t) => {
    const page = await emptyHost(browser);
    const heapBefore = await page.heapBytes();
    const url = streamUrl("endless.txt");
    const out = await addWidget(page, { attributes: { "max-input-mb": "1", "compare-src": url } });
    // What the tab holds afterwards: Chromium's JS heap after a collection (Firefox's driver has no per-page figure).
    const heap = await page.heapBytes();
    t.diagnostic(`endless, limit 1 MB: JS heap ${heapBefore} → ${heap} bytes`);
    if (heapBefore !== null) assert.ok(heap - heapBefore < 2 * MB, `the tab holds less than twice the limit: heap ${heapBefore} → ${heap}`);
    const message = `The comparison text (compare-src="${url}") is larger than the limit of 1.0 MB (reading stopped there): give a shorter text, or raise the limit with max-input-mb.`;
    assert.deepEqual({ type: out.type, message: out.message, status: out.status }, { type: "error", message, status: message });
    assert.ok(out.height > 0, "the widget shows its message");
    const record = await requestFor(url);
    assert.equal(record.closedEarly, true, "the widget hung up");
    assert.ok(record.sent < 1 * MB + BUFFERS, `the server sent ${record.sent} bytes before the widget stopped it`);
    t.diagnostic(`endless, limit 1 MB: the server sent ${record.sent} bytes`);
    // Raised through options, the message names the option.
    const next = streamUrl("endless.txt");
    const raised = await change(page, "w", [
      ["set", "options", { maxInputBytes: 2 * MB }],
      ["attr", "compare-src", next],
    ]);
    assert.equal(raised.message, `The comparison text (compare-src="${next}") is larger than the limit of 2.0 MB (reading stopped there): give a shorter text, or raise options.maxInputBytes.`);
    assert.ok((await requestFor(next)).sent < 2 * MB + BUFFERS);
    assert.deepEqual(page.log.errors, []);
  });

  test("a 40 MB *-src is refused by its Content-Length after its first bytes, with the max-input-mb that lets it in", async (t) => {
    const page = await emptyHost(browser);
    const url = streamUrl("huge.txt");
    const out = await addWidget(page, { attributes: { "compare-src": url } });
    assert.equal(out.type, "error");
    assert.equal(
      out.message,
      `The comparison text (compare-src="${url}") is 40.0 MB, above the limit of 32.0 MB: give a shorter text, or raise the limit with max-input-mb="40".`,
    );
    const record = await requestFor(url);
    assert.equal(record.closedEarly, true);
    assert.ok(record.sent < BUFFERS, `the server sent ${record.sent} bytes of 40,000,000`);
    t.diagnostic(`40 MB, limit 32 MB: the server sent ${record.sent} bytes`);
    assert.deepEqual(page.log.errors, []);
  });

  test("a *-src that hangs, before or after its headers, ends in a message after src-timeout-s, and the request is closed", async () => {
    const page = await emptyHost(browser);
    const hanging = streamUrl("hang.txt");
    const out = await addWidget(page, { attributes: { "src-timeout-s": "1", "compare-src": hanging } });
    assert.equal(out.type, "error");
    assert.equal(
      out.message,
      `Could not load the comparison text (compare-src="${hanging}"): the server did not send it within 1 second; try again later, or allow longer with src-timeout-s.`,
    );
    assert.ok(out.height > 0, "the widget shows its message, not 0 px of nothing");
    assert.equal((await requestFor(hanging)).closedEarly, true);
    const silent = streamUrl("silent.txt");
    const second = await change(page, "w", [
      ["set", "srcTimeoutS", 1.5],
      ["attr", "compare-src", silent],
    ]);
    assert.equal(
      second.message,
      `Could not load the comparison text (compare-src="${silent}"): the server did not send it within 1.5 seconds; try again later, or allow longer with src-timeout-s.`,
    );
    assert.equal((await requestFor(silent)).closedEarly, true);
    assert.deepEqual(page.log.errors, []);
  });

  test("changing a *-src mid-download aborts the old request, and so does leaving the document", async () => {
    const page = await emptyHost(browser);
    const first = streamUrl("hang.txt");
    await page.evaluate(
      async ({ WIRE, first }) => {
        await import("/wire-diff-define.js");
        const w = document.createElement("wire-diff");
        w.id = "w";
        w.source = await (await fetch(WIRE)).text();
        w.setAttribute("compare-src", first);
        document.getElementById("column").append(w);
      },
      { WIRE, first },
    );
    const record = await requestFor(first, { ended: false });
    assert.equal(record.closedEarly, false, "under way");
    const switched = await change(page, "w", [["attr", "compare-src", KOMPAS]]);
    assert.equal(switched.type, "rendered", switched.message);
    assert.equal((await requestFor(first)).closedEarly, true, "the old request was aborted");
    const problems = await page.evaluate(async ({ WIRE, KOMPAS }) => {
      const { verify } = await import("/hosts/check.js");
      const text = async (url) => (await fetch(url)).text();
      return verify(document.getElementById("w"), await text(WIRE), await text(KOMPAS), {});
    }, { WIRE, KOMPAS });
    assert.deepEqual(problems, []);
    const second = streamUrl("hang.txt");
    await page.evaluate((second) => document.getElementById("w").setAttribute("compare-src", second), second);
    await requestFor(second, { ended: false });
    const events = await page.evaluate(() => {
      const w = document.getElementById("w");
      const seen = [];
      w.addEventListener("wirediff-error", (e) => seen.push(e.detail.message));
      w.remove();
      window.__seen = seen;
    });
    assert.equal(events, undefined);
    assert.equal((await requestFor(second)).closedEarly, true, "leaving the document aborted it");
    assert.deepEqual(await page.evaluate(() => window.__seen), [], "and said nothing");
    assert.deepEqual(page.log.errors, []);
  });

  test("a *-src that is not http(s) is refused up front, naming the attribute and the scheme", async () => {
    const page = await emptyHost(browser);
    const blob = await page.evaluate(() => URL.createObjectURL(new Blob(["Workers walked out."], { type: "text/plain" })));
    const first = await addWidget(page, { attributes: { "compare-src": "javascript:alert(1)" } });
    const seen = [first.message];
    for (const src of ["data:text/plain,Workers%20walked%20out.", "file:///etc/passwd", blob]) {
      seen.push((await change(page, "w", [["attr", "compare-src", src]])).message);
    }
    const refused = (src, scheme) =>
      `Could not load the comparison text (compare-src="${src}"): ${scheme} addresses are not loaded; point compare-src at an http: or https: address.`;
    assert.deepEqual(seen, [
      refused("javascript:alert(1)", "javascript:"),
      refused("data:text/plain,Workers%20walked%20out.", "data:"),
      refused("file:///etc/passwd", "file:"),
      refused(blob, "blob:"),
    ]);
    assert.deepEqual(page.log.errors, []);
  });

  test("each widget uses the engine at its own wasm-url, else the page's: one that fails to load takes no other down", async () => {
    const page = await emptyHost(browser, hosts.plain);
    const out = await page.evaluate(async () => {
      await import("/wire-diff-define.js");
      const { nextEvent, verify } = await import("/hosts/check.js");
      const left = "The plant's workers jeered the president.";
      const right = "The plant's workers cheered the president.";
      const make = (id, wasmUrl) => {
        const w = document.createElement("wire-diff");
        Object.assign(w, { id, source: left, compare: right });
        if (wasmUrl) w.wasmUrl = wasmUrl;
        return w;
      };
      const widgets = [make("broken", "/nope.wasm"), make("page"), make("relocated", "/assets/wirediff_bg.wasm")];
      const events = widgets.map(nextEvent);
      document.getElementById("column").append(...widgets);
      const first = await Promise.all(events);
      // after the failure, a widget of the page's engine still works
      const later = make("later");
      const event = nextEvent(later);
      document.getElementById("column").append(later);
      first.push(await event);
      const problems = [];
      for (const w of [...widgets.slice(1), later]) problems.push(...(await verify(w, left, right, {})));
      return { first: first.map((e) => [e.type, e.message]), problems };
    });
    assert.equal(out.first[0][0], "error");
    assert.match(out.first[0][1], /^Could not load the comparison engine \(wasm-url="\/nope\.wasm"\): could not load the engine \(404 \/nope\.wasm\)$/);
    assert.deepEqual(out.first.slice(1), [["rendered", null], ["rendered", null], ["rendered", null]]);
    assert.deepEqual(out.problems, []);
    const wasm = new Set(page.log.requests.filter((url) => url.endsWith(".wasm")).map((url) => new URL(url).pathname));
    assert.deepEqual([...wasm].sort(), ["/assets/wirediff_bg.wasm", "/nope.wasm", "/pkg/wirediff_bg.wasm"]);
  });

  test("odd options and attributes are answered in words that name them and what they accept; the widget then renders", async () => {
    const page = await emptyHost(browser, hosts.plain);
    const out = await page.evaluate(async () => {
      await import("/wire-diff-define.js");
      const { nextEvent, status } = await import("/hosts/check.js");
      const w = document.createElement("wire-diff");
      Object.assign(w, { id: "odd", source: "The workers jeered.", compare: "The workers cheered." });
      let event = nextEvent(w);
      document.getElementById("column").append(w);
      await event;
      const unreadable = {
        get ignoreCase() {
          throw {
            get message() {
              throw new Error("not this either");
            },
          };
        },
      };
      const seen = [];
      for (const [how, name, value] of [
        ["set", "options", { maxInputBytes: -1 }],
        ["set", "options", { maxInputBytes: 0 }],
        ["set", "options", { maxInputBytes: 10.5 }],
        ["set", "options", { timeBudgetMs: NaN }],
        ["set", "options", { timeBudgetMs: 1e300 }],
        ["set", "options", { timeBudgetMs: -5 }],
        ["set", "options", { timeBudgetMs: 10n }],
        ["set", "options", { ignoreCase: "yes" }],
        ["set", "options", 5],
        ["set", "options", unreadable],
        ["attr", "max-input-mb", "-1"],
        ["attr", "max-input-mb", "0"],
        ["attr", "time-budget-ms", "1e300"],
        ["attr", "time-budget-ms", "2.5"],
        ["attr", "src-timeout-s", "0"],
        ["attr", "src-timeout-s", "a minute"],
      ]) {
        event = nextEvent(w);
        if (how === "set") w[name] = value;
        else w.setAttribute(name, value);
        const got = await event;
        seen.push({ message: got.message, shown: status(w) === got.message });
        if (how === "set") w[name] = null;
        else w.removeAttribute(name);
      }
      event = nextEvent(w);
      return { seen, last: (await event).type };
    });
    const budget = "Could not compare: invalid options: `timeBudgetMs` must be a whole number of milliseconds from 0 to 4294967295, not";
    const limit = "Could not compare: invalid options: `maxInputBytes` must be a whole number of bytes from 1 to 4294967295 (4 GB), not";
    const messages = [
      `${limit} -1`,
      `${limit} 0`,
      `${limit} 10.5`,
      `${budget} NaN`,
      `${budget} 1e+300`,
      `${budget} -5`,
      `${budget} the BigInt 10n`,
      'Could not compare: invalid options: `ignoreCase` must be true or false, not the string "yes"',
      "The options property must be an object, not number.",
      "Could not read the options property: an error whose message could not be read",
      'The max-input-mb attribute must be a number of megabytes more than 0 and at most 4294 (4 GB), not "-1".',
      'The max-input-mb attribute must be a number of megabytes more than 0 and at most 4294 (4 GB), not "0".',
      'The time-budget-ms attribute must be a whole number of milliseconds from 0 to 4294967295, not "1e300".',
      'The time-budget-ms attribute must be a whole number of milliseconds from 0 to 4294967295, not "2.5".',
      'The src-timeout-s attribute must be a number of seconds more than 0 and at most 3600, not "0".',
      'The src-timeout-s attribute must be a number of seconds more than 0 and at most 3600, not "a minute".',
    ];
    assert.deepEqual(out.seen, messages.map((message) => ({ message, shown: true })));
    assert.equal(out.last, "rendered");
    assert.deepEqual(page.log.errors, []);
  });

  test("options are read once, when set: a getter that sets a property of the element starts no render loop", async () => {
    const page = await emptyHost(browser, hosts.plain);
    const out = await page.evaluate(async () => {
      await import("/wire-diff-define.js");
      const { countEvents, nextEvent, settle } = await import("/hosts/check.js");
      const w = document.createElement("wire-diff");
      Object.assign(w, { source: "The workers jeered.", compare: "The workers cheered." });
      let event = nextEvent(w);
      document.getElementById("column").append(w);
      await event;
      const counts = countEvents(w);
      let reads = 0;
      const options = {
        get ignoreCase() {
          reads++;
          w.compare = `The workers cheered ${reads} times.`;
          return true;
        },
      };
      event = nextEvent(w);
      w.options = options;
      await event;
      await settle();
      await settle();
      return { reads, counts, copied: w.options !== options && w.options.ignoreCase === true, compare: w.compare };
    });
    assert.deepEqual(out, { reads: 1, counts: { rendered: 1, error: 0 }, copied: true, compare: "The workers cheered 1 times." });
  });

  test("the engine API type-checks its arguments before it touches them, whatever their size", async () => {
    const page = await emptyHost(browser, hosts.plain);
    const out = await page.evaluate(async () => {
      const { compare, compareMany } = await import("/engine.js");
      const big = "Workers walked out. ".repeat(20_000); // 400,000 characters: a worker's size
      const said = (promise) => promise.then(() => "compared", (e) => `${e.name}: ${e.message}`);
      return [
        await said(compare(null, "x")),
        await said(compare(big, null)),
        await said(compare("x", "y", { colour: "red" })),
        // eslint-disable-next-line no-sparse-arrays
        await said(compareMany("x", [, "y"])),
        await said(compareMany(big, [big, 42])),
        await said(compareMany("x", null)),
      ];
    });
    assert.deepEqual(out, [
      "Error: `left` must be a string, not object",
      "Error: `right` must be a string, not object",
      "Error: invalid options: unknown option `colour`",
      "Error: `versions[0]` must be a string, not undefined",
      "Error: `versions[1]` must be a string, not number",
      "Error: `versions` must be an array of strings",
    ]);
  });

  test("under a CSP with worker-src 'none' a large comparison says the page's policy is the cause, in the widget and the engine API", { timeout: 120_000 }, async () => {
    const page = await emptyHost(browser, hosts.noWorker);
    const out = await page.evaluate(async () => {
      await import("/wire-diff-define.js");
      const { nextEvent } = await import("/hosts/check.js");
      const { compare } = await import("/engine.js");
      const left = "Workers walked out of the plant. ".repeat(4_000);
      const right = "Workers walked out of the tractor plant. ".repeat(4_000);
      const w = document.createElement("wire-diff");
      Object.assign(w, { source: left, compare: right });
      const event = nextEvent(w);
      document.getElementById("column").append(w);
      const widget = (await event).message;
      const api = await compare(left, right).then(() => "compared", (e) => e.message);
      const small = (await compare("Workers walked out.", "Workers walked in.")).ops.length > 0;
      return { widget, api, small };
    });
    const cause =
      "the page's Content-Security-Policy does not allow the engine's worker (worker-src), which compares texts over 200,000 characters";
    assert.deepEqual(out, { widget: `Could not compare: ${cause}`, api: cause, small: true });
  });

  test("the page, too: under worker-src 'none' a large comparison names the page's policy as the cause", { timeout: 120_000 }, async () => {
    const page = await browser.page();
    await page.goto(hosts.noWorker);
    await page.waitFor(() => document.body.dataset.state === "compared");
    await page.evaluate(() => {
      const box = document.getElementById("compare-text");
      box.value = "Workers walked out of the tractor plant. ".repeat(8_000);
      box.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await page.waitFor(() => document.body.dataset.state === "error", undefined, { timeout: 60_000 });
    assert.equal(
      await page.text("#redline"),
      "These texts could not be compared: the page's Content-Security-Policy does not allow the engine's worker (worker-src), which compares texts over 200,000 characters",
    );
  });

  test("a lone UTF-16 surrogate is compared as U+FFFD: the widget says so, naming the text and the count, and shows U+FFFD", async () => {
    const page = await emptyHost(browser, hosts.plain);
    const out = await page.evaluate(async () => {
      await import("/wire-diff-define.js");
      const { compare } = await import("/engine.js");
      const lone = String.fromCharCode(0xd800);
      const w = document.createElement("wire-diff");
      w.source = `Workers walked out ${lone} today.`;
      const pre = document.createElement("pre");
      pre.slot = "compare";
      pre.textContent = `Workers walked ${lone} out ${String.fromCharCode(0xdc00)}${lone} today.`;
      w.append(pre);
      const errors = [];
      w.addEventListener("wirediff-error", (e) => errors.push(e.detail.message));
      const rendered = new Promise((done) => w.addEventListener("wirediff-rendered", done, { once: true }));
      document.getElementById("column").append(w);
      await rendered;
      await new Promise((done) => setTimeout(done, 0));
      const body = w.shadowRoot.querySelector("[part~=body]").textContent;
      const notice = [...w.shadowRoot.querySelectorAll("[part~=notice] p")].map((p) => p.textContent);
      const fixed = (text) => text.toWellFormed();
      const expected = await compare(fixed(w.source), fixed(pre.textContent));
      const api = await compare(w.source, pre.textContent);
      const { notices, ...rest } = api;
      return {
        notice,
        errors,
        same: JSON.stringify(w.result) === JSON.stringify(expected),
        shownWellFormed: body.isWellFormed() && body.includes("\uFFFD"),
        api: { notices, same: JSON.stringify(rest) === JSON.stringify(expected) },
      };
    });
    const notices = [
      "The source text holds a lone UTF-16 surrogate (half of a character pair): compared and shown as U+FFFD (\uFFFD) in its place.",
      "The comparison text holds 3 lone UTF-16 surrogates (halves of character pairs): compared and shown as U+FFFD (\uFFFD) in their places.",
    ];
    assert.deepEqual(out.notice, notices);
    assert.deepEqual(out.errors, notices, "wirediff-error carries each notice");
    assert.ok(out.same, "the comparison is the engine's, of the texts with U+FFFD");
    assert.ok(out.shownWellFormed, "the redline shows U+FFFD");
    assert.deepEqual(out.api, {
      notices: [
        "The left text holds a lone UTF-16 surrogate (half of a character pair): compared and shown as U+FFFD (\uFFFD) in its place.",
        "The right text holds 3 lone UTF-16 surrogates (halves of character pairs): compared and shown as U+FFFD (\uFFFD) in their places.",
      ],
      same: true,
    });
  });
});
