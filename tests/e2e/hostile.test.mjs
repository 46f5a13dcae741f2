// Issue 7, "no markup execution, anywhere": hostile strings (the Big List of
// Naughty Strings and our own HTML / SVG / attribute / URL / CSS / template
// payloads, tests/e2e/harness/hostile-strings.mjs) fed into everything that takes
// text: the page's panes, labels, file names, share links and exported
// report; the widget's attributes, properties, light DOM and *-src
// responses. Each time: no dialog, no sink fired (window.__pwned, a request
// under /__pwned/), no <script>, event-handler attribute or other loader
// element in the document or any shadow root, no CSP violation, and the text
// shown literally. And the lossless round trip: line ends, NUL, BOMs,
// zero-width and bidi controls, combining and emoji sequences come back out
// of the view exactly, or (a NUL in a file) are refused with a message, or
// (lone surrogates) come out as U+FFFD with a notice.
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import { deflateSync } from "node:zlib";
import { serve } from "../../scripts/serve.mjs";
import { ARTIFACTS, forEachBrowser } from "./harness/driver.mjs";
import { NAUGHTY, ONE_LINE, PAYLOADS, SINK_PATH, TRICKY } from "./harness/hostile-strings.mjs";
import { HOSTS, STRICT_CSP } from "./harness/hosts/servers.mjs";
import { afterChange, captureDownloads, disclose, downloads, engineNow, openPage, opTexts, pasteBoth, pickView, readView, sourceColumn, waitCompared } from "./harness/page-helpers.mjs";

const ALL = [...NAUGHTY, ...PAYLOADS];
/** Our payload that starts with `start`. */
const pick = (start) => PAYLOADS.find((p) => p.startsWith(start)) ?? assert.fail(`no payload starts with ${start}`);
/** Every hostile string, one a line, as the source text. */
const LEFT = ALL.join("\n");
/** A rewrite of it with every kind of change: blocks moved, lines cut, hostile text added. */
const RIGHT = [...ALL.slice(300), ...ALL.slice(0, 300)]
  .filter((_, i) => i % 7 !== 3)
  .map((s, i) => (i % 5 === 0 ? `${s} <b onclick="alert('__pwned')">added</b>` : s))
  .join("\n");

/**
 * Runs in the page: every way markup could have got in, in the document and
 * in every shadow root. Elements that run or load things are allowed only
 * where the page's own markup has them (same-origin scripts, stylesheets and
 * preloads in <head>, a shadow root's own stylesheet link).
 */
function audit({ sinkPath, report = false }) {
  const LOADERS = new Set(
    "script style link meta base title iframe frame frameset object embed img image picture svg math form template video audio source track marquee noscript xmp plaintext details dialog slot portal fencedframe html head body".split(" "),
  );
  const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "ping"]);
  const local = (value) => {
    try {
      const url = new URL(value, document.baseURI);
      return url.origin === location.origin && !url.pathname.startsWith(sinkPath);
    } catch {
      return false;
    }
  };
  const allowed = (el) => {
    if (el === document.documentElement || el === document.head || el === document.body) return true;
    const inHead = el.parentNode === document.head;
    switch (el.localName) {
      case "title":
        return inHead;
      case "details": // the page's own folded sections (index.html), one each: never one made of text
        return !report && ["edit-texts", "advanced", "share-export"].includes(el.id) && document.querySelectorAll(`[id="${el.id}"]`).length === 1 && Boolean(el.closest("main"));
      case "meta":
        return inHead && (!el.hasAttribute("http-equiv") || (report && el.httpEquiv === "Content-Security-Policy"));
      case "style": // the report's one stylesheet, inlined
        return report && inHead && el === document.querySelector("style");
      case "script":
        return inHead && el.hasAttribute("src") && local(el.getAttribute("src"));
      case "link": {
        const own = inHead || (el.parentNode instanceof ShadowRoot && el.parentNode.firstChild === el);
        // and in <head> the page's preloads of its own wasm, glue and samples
        const rels = inHead ? ["stylesheet", "icon", "preload", "modulepreload"] : ["stylesheet", "icon"];
        return own && rels.includes(el.rel) && (local(el.getAttribute("href")) || el.getAttribute("href") === "data:,");
      }
      default:
        return false;
    }
  };
  const problems = [];
  const roots = [document];
  for (let i = 0; i < roots.length; i++) {
    for (const el of roots[i].querySelectorAll("*")) {
      if (el.shadowRoot) roots.push(el.shadowRoot);
      const where = `<${el.localName}>${i ? " in a shadow root" : ""}`;
      if (LOADERS.has(el.localName) && !allowed(el)) problems.push(`${where} ${el.outerHTML.slice(0, 120)}`);
      for (const { name, value } of el.attributes) {
        if (/^on/i.test(name)) problems.push(`${where} has ${name}="${value.slice(0, 60)}"`);
        if (name === "style" || name === "srcdoc") problems.push(`${where} has ${name}`);
        if (URL_ATTRIBUTES.has(name) && /^(javascript|vbscript):/i.test([...value].filter((c) => c > " ").join(""))) {
          problems.push(`${where} has ${name}="${value.slice(0, 60)}"`);
        }
      }
    }
  }
  if (window.__pwned !== undefined) problems.push(`window.__pwned is ${String(window.__pwned).slice(0, 60)}`);
  if (window.frames.length) problems.push(`${window.frames.length} frames`);
  return problems;
}

/** Nothing ran, loaded or was refused in `page` since it opened. */
async function assertNothingRan(page, what = "", { report = false } = {}) {
  assert.deepEqual(await page.evaluate(audit, { sinkPath: SINK_PATH, report }), [], `markup in the DOM${what}`);
  assert.deepEqual(page.log.dialogs, [], `dialogs${what}`);
  assert.deepEqual(page.log.violations, [], `CSP violations${what}`);
  assert.deepEqual(page.log.errors, [], `page errors${what}`);
  const sunk = page.log.requests.filter((url) => new URL(url).pathname.startsWith(SINK_PATH));
  assert.deepEqual(sunk, [], `requests a payload made${what}`);
}

/**
 * The page shows `left` and `right` literally in every view: the redline is
 * the comparison text outside its cuts and each cut is the source text it
 * cut, side by side has both texts, provenance the comparison text.
 */
async function assertShownLiterally(page, left, right) {
  const now = await engineNow(page);
  assert.equal(now.left, left, "the source pane holds the source text");
  assert.equal(now.right, right, "the comparison pane holds the comparison text");
  const view = await page.evaluate(() => document.body.dataset.view);
  for (const name of ["redline", "side-by-side", ...(now.result.right?.sentences ? ["provenance"] : [])]) {
    await pickView(page, name);
    const shown = await readView(page);
    if (name === "redline") {
      assert.equal(shown.shown, right, "the redline is the comparison text");
      assert.deepEqual(shown.cuts, opTexts(now.result, left, right).cuts, "each cut is the source text it cut");
    } else if (name === "side-by-side") {
      assert.equal(shown.right, right, "side by side: the comparison column");
      assert.equal(shown.left, sourceColumn(now.result, left), "side by side: the source column");
    } else {
      assert.equal(shown.shown, right, "provenance is the comparison text");
    }
  }
  await pickView(page, view);
  return now;
}

/** The fragment of a share link with texts, as the page's share.js writes it (deflated JSON, base64url). */
function textsFragment(texts, view = "redline") {
  const packed = deflateSync(Buffer.from(JSON.stringify(texts), "utf8")).toString("base64url");
  return `v=1&view=${view}&on=&off=&t=${packed}&end=`;
}

/** What the labels read where the page shows them. */
function shownLabels(page) {
  return page.evaluate(() => ({
    left: document.getElementById("source-pick").selectedOptions[0].textContent,
    right: document.getElementById("compare-pick").selectedOptions[0].textContent,
    leftInput: document.getElementById("source-label").value,
    rightInput: document.getElementById("compare-label").value,
  }));
}

/** `list` in groups of `size`, each joined into one string by `glue`. */
const batches = (list, size, glue = " ") => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size).join(glue));

/** Labels to rename versions with: the one-line payloads of ours five at a time, the one-line naughty strings forty at a time. */
const LABELS = [...batches(ONE_LINE.filter((s) => PAYLOADS.includes(s)), 5), ...batches(ONE_LINE.filter((s) => !PAYLOADS.includes(s)), 40)];

/** Every other payload that can be a file name (no "/"), as .txt, .md and .html files. */
const FILE_NAMES = PAYLOADS.filter((p) => !p.includes("/"))
  .filter((_, i) => i % 2 === 0)
  .map((p, i) => `${p}.${["txt", "md", "html"][i % 3]}`);

/** The *-src responses the widget fetches, by URL path under /hostile/ (a name can be hostile too). */
const RESPONSES = {
  "<img src=x onerror=alert('__pwned')>.txt": LEFT,
  "\"><svg onload=alert('__pwned')>.txt": RIGHT,
  "payloads.html": `<!doctype html>\n<title>payloads</title>\n${PAYLOADS.join("\n")}\n`,
  // a NUL byte marks a file as binary (www/intake.js), so the fetched round trip goes without it
  "tricky.txt": TRICKY.replace(/\0/g, ""),
  "tricky-nul.txt": TRICKY,
};

// The widget's host: an empty page served under the strict CSP with Trusted
// Types a locked-down CMS sends, with the *-src responses under /hostile/.
let widgetHost;
let responses;
before(async () => {
  responses = await mkdtemp(join(tmpdir(), "wirediff-hostile-"));
  for (const [name, text] of Object.entries(RESPONSES)) await writeFile(join(responses, name), text);
  widgetHost = await serve({ port: 0, mounts: { "/hosts/": HOSTS, "/hostile/": responses }, csp: STRICT_CSP });
});
after(async () => {
  await widgetHost?.close();
  if (responses) await rm(responses, { recursive: true, force: true });
});

/** Runs in the page: adds <wire-diff id> with `attributes`, `properties` and light-DOM texts, and resolves with its first event: { type, message }. */
async function addWidget({ id, attributes = {}, properties = {}, light = {} }) {
  await import("/wire-diff-define.js");
  const w = document.createElement("wire-diff");
  w.id = id;
  for (const [name, value] of Object.entries(attributes)) w.setAttribute(name, value);
  Object.assign(w, properties);
  for (const [slot, text] of Object.entries(light)) {
    const child = document.createElement("pre");
    child.slot = slot;
    child.textContent = text;
    w.append(child);
  }
  const event = new Promise((resolve) => {
    const on = (e) => resolve({ type: e.type, message: e.detail.message ?? null });
    w.addEventListener("wirediff-rendered", on, { once: true });
    w.addEventListener("wirediff-error", on, { once: true });
  });
  document.getElementById("column").append(w);
  return event;
}

/**
 * Runs in the page: makes `changes` to widget #id in one task ({ attribute,
 * value } with null removing it, or { property, value }) and resolves with
 * the event of its next render: { type, message }.
 */
function changeWidget({ id, changes }) {
  const w = document.getElementById(id);
  const event = new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ type: "no event within 10 s", message: null }), 10_000);
    const on = (e) => {
      clearTimeout(timer);
      w.removeEventListener("wirediff-rendered", on);
      w.removeEventListener("wirediff-error", on);
      resolve({ type: e.type, message: e.detail.message ?? null });
    };
    w.addEventListener("wirediff-rendered", on);
    w.addEventListener("wirediff-error", on);
  });
  for (const { attribute, property, value } of changes) {
    if (property) w[property] = value;
    else if (value === null) w.removeAttribute(attribute);
    else w.setAttribute(attribute, value);
  }
  return event;
}

/**
 * Runs in the page: what widget #id shows, as text: its labels and status,
 * the redline's text outside cuts (hidden labels and move markers left out),
 * the cuts, and the side-by-side columns.
 */
function widgetShows(id) {
  const w = document.getElementById(id);
  const root = w.shadowRoot;
  const body = root.querySelector("[part~=body]");
  const chrome = ".wd-sr-only, .wd-move-from, .wd-move-to, .wd-hidden-boilerplate, .wd-row-head, .wd-source-link, .wd-source-quote";
  const text = (scope, exclude) => {
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    let out = "";
    while (walker.nextNode()) {
      const parent = walker.currentNode.parentElement;
      if (!parent.closest(chrome) && !(exclude && parent.closest(exclude))) out += walker.currentNode.data;
    }
    return out;
  };
  const cuts = {};
  for (const del of body.querySelectorAll("del[data-wd-op], del[data-wd-breaks]")) {
    const op = del.dataset.wdOp ?? del.dataset.wdBreaks;
    cuts[op] = (cuts[op] ?? "") + text(del);
  }
  return {
    labels: [...root.querySelectorAll("[part~=label]")].map((l) => l.textContent),
    status: root.querySelector("[part~=status]").textContent,
    shown: text(body, "del"),
    cuts,
    left: [...body.querySelectorAll(".wd-cell-left")].map((c) => text(c)).join(""),
    right: [...body.querySelectorAll(".wd-cell-right")].map((c) => text(c)).join(""),
    rendered: w.result !== null,
  };
}

/** An empty host page under the strict CSP, with the widget's events recorded. */
async function widgetPage(browser) {
  const page = await browser.page();
  await page.goto(`${widgetHost.url}hosts/empty.html`);
  await page.waitFor(() => document.readyState === "complete");
  return page;
}

/** The engine's result for `left` and `right`, computed in the page. */
function engineResult(page, left, right) {
  return page.evaluate(async ({ left, right }) => (await import("/engine.js")).compare(left, right, {}, { worker: false }), { left, right });
}

forEachBrowser((browser) => {
  test("the naughty strings and injection payloads pasted into both panes show literally in every view, and nothing runs", async () => {
    const page = await openPage(browser);
    await pasteBoth(page, LEFT, RIGHT);
    const { result } = await assertShownLiterally(page, LEFT, RIGHT);
    for (const kind of ["insertions", "deletions", "replacements", "moves"]) assert.ok(result.stats[kind] > 0, `a rewrite with ${kind}`);
    // Stepping through changes announces snippets of them; facts and the sentence detail quote the texts.
    for (const key of ["n", "n", "n", "p"]) await page.press(key);
    await page.waitFor(() => document.getElementById("announce").textContent.startsWith("Change "));
    assert.ok(result.facts.length > 0, "quotes and numbers changed");
    await page.click("#facts button[data-wd-fact]");
    await pickView(page, "provenance");
    await page.evaluate(() => document.querySelector("[data-wd-sent][tabindex]").focus());
    await page.waitFor(() => !document.getElementById("sentence-detail").hidden);
    await assertNothingRan(page, " after the whole list");

    // A few payloads alone, as the whole comparison text.
    await pickView(page, "redline");
    await afterChange(page, () => page.fill("#source-text", "The workers jeered the president."));
    for (const payload of PAYLOADS.filter((_, i) => i % 12 === 0)) {
      await afterChange(page, () => page.fill("#compare-text", payload));
      assert.equal((await readView(page)).shown, payload);
    }
    await assertNothingRan(page, " after single payloads");
  });

  test("hostile version labels show exactly as given in the lists, the summary, the side-by-side header and the matrix", async () => {
    const page = await openPage(browser);
    await disclose(page);
    await pickView(page, "side-by-side");
    for (const [i, label] of LABELS.entries()) {
      const side = i % 2 ? "compare" : "source";
      await page.fill(`#${side}-label`, label);
      await page.waitFor(
        ({ side, label }) => {
          const head = document.querySelector(`.wd-row-head .wd-cell-${side === "source" ? "left" : "right"}`);
          const matrix = [...document.querySelectorAll(".wd-matrix th")].map((th) => th.textContent);
          return (
            document.getElementById(`${side}-pick`).selectedOptions[0].textContent === label &&
            head?.textContent === label &&
            matrix.includes(label) &&
            document.getElementById("summary").textContent.includes(`${label}'s words`)
          );
        },
        { side, label },
      );
    }
    await assertNothingRan(page, " after renaming");
  });

  test("files named with payloads open under their names as labels, shown literally; a NUL in a file and a wrong type are refused by name", async () => {
    const page = await openPage(browser);
    await disclose(page);
    await disclose(page, "share-export");
    for (const [i, name] of FILE_NAMES.entries()) {
      const side = i % 2 ? "compare" : "source";
      const html = name.endsWith(".html");
      const body = html ? `<!doctype html><title>${name}</title><body>${PAYLOADS.map((p) => `<p>${p}</p>`).join("\n")}` : ALL.slice(i * 20, i * 20 + 60).join("\n");
      await afterChange(page, () => page.setFiles(`#${side}-file`, [{ name, mimeType: html ? "text/html" : name.endsWith(".md") ? "text/markdown" : "text/plain", buffer: Buffer.from(body) }]));
      const label = name.replace(/\.[a-z]+$/, "");
      const shown = await shownLabels(page);
      assert.equal(side === "source" ? shown.left : shown.right, label, "the version is named after the file");
      assert.equal(side === "source" ? shown.leftInput : shown.rightInput, label);
      assert.equal(await page.text("#share-message"), `Opened ${name} as “\u2068${label}\u2069”.`);
      if (!html) assert.equal(await page.value(`#${side}-text`), body, "the file's text is in the pane as it was");
      assert.equal((await readView(page)).shown, await page.value("#compare-text"));
    }
    const now = await engineNow(page);
    await assertShownLiterally(page, now.left, now.right);

    const next = "open the story as a .txt, .md or .html file, or paste its text in.";
    const refused = [
      { name: "<img src=x onerror=alert('__pwned')>.png", mimeType: "image/png", buffer: Buffer.concat([Buffer.from("\x89PNG\r\n\x1a\n", "latin1"), Buffer.from("<script>alert('__pwned')</script>")]), why: `is a PNG image, not text: ${next}` },
      { name: "<svg onload=alert('__pwned')>.txt", mimeType: "text/plain", buffer: Buffer.from("a NUL \u0000 in <b>text</b>"), why: `is not text (it holds binary data): ${next}` },
    ];
    for (const { why, ...file } of refused) {
      await page.setFiles("#compare-file", [file]);
      await page.waitFor((name) => !document.getElementById("compare-notice").hidden && document.getElementById("compare-notice").textContent.includes(name), file.name);
      assert.equal(await page.text("#compare-notice [role=alert]"), `${file.name} ${why}`, "refused by name, the name shown as text");
    }
    assert.equal(await page.value("#compare-text"), now.right, "a refused file leaves the pane as it was");
    await assertNothingRan(page, " after opening the files");
  });

  test("a share link with hostile texts and labels opens literally; its HTML report is escaped and script-free; the page's own link round-trips", async () => {
    const [leftLabel, rightLabel] = [pick('"><iframe srcdoc'), pick("<img src=/__pwned/img")];
    const texts = { left: { label: leftLabel, text: LEFT }, right: { label: rightLabel, text: RIGHT } };
    const page = await browser.page();
    await page.goto(`/#${textsFragment(texts, "side-by-side")}`);
    await waitCompared(page);
    await disclose(page, "share-export");
    const labels = await shownLabels(page);
    assert.deepEqual([labels.left, labels.leftInput, labels.right, labels.rightInput], [leftLabel, leftLabel, rightLabel, rightLabel]);
    assert.equal(await page.evaluate(() => document.body.dataset.view), "side-by-side");
    await assertShownLiterally(page, LEFT, RIGHT);
    await assertNothingRan(page, " in the shared page");

    await captureDownloads(page);
    await page.click("#export-html");
    const [report] = await downloads(page, 1);
    assert.match(report.name, /^wirediff-[\w-]+\.html$/, "the file name is letters, digits and dashes");
    // Article text is escaped (&lt;), so every "<" and letter in the file starts a tag the report wrote itself.
    const tags = report.text.match(/<[a-z][^>]*>/gi);
    const names = new Set(tags.map((tag) => /^<([a-z0-9-]+)/i.exec(tag)[1].toLowerCase()));
    for (const name of ["script", "img", "svg", "iframe", "object", "embed", "math", "base", "form", "template", "link"]) {
      assert.ok(!names.has(name), `no <${name}> in the report`);
    }
    assert.deepEqual(tags.filter((tag) => /\son[a-z]+\s*=/i.test(tag)), [], "no event-handler attribute in the report");
    const path = `${ARTIFACTS}hostile-report-${browser.name}.html`;
    await writeFile(path, report.text);
    const standalone = await browser.page();
    await standalone.goto(pathToFileURL(path).href);
    const opened = await standalone.evaluate(() => {
      const root = document.querySelector(".wd-redline");
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let shown = "";
      while (walker.nextNode()) if (!walker.currentNode.parentElement.closest("del, .wd-sr-only, .wd-move-from, .wd-move-to, .wd-source-link")) shown += walker.currentNode.data;
      return { shown, title: document.title, h1: document.querySelector("h1").textContent, head: document.querySelector(".wd-report-head p").textContent };
    });
    assert.equal(opened.shown, RIGHT, "the report's redline is the comparison text, literally");
    assert.equal(opened.title, `wirediff: \u2068${rightLabel}\u2069 compared with \u2068${leftLabel}\u2069`, "the labels are isolated (U+2068 … U+2069) in the title");
    assert.equal(opened.h1, `${rightLabel} compared with ${leftLabel}`);
    assert.ok(opened.head.startsWith(`Source: ${leftLabel}. Comparison: ${rightLabel}. `), opened.head);
    await assertNothingRan(standalone, " in the report", { report: true });

    await page.click("#share-texts");
    await page.click("#share");
    const link = await page.waitFor(() => !document.getElementById("share-link").hidden && document.getElementById("share-link").value);
    const copy = await browser.page();
    await copy.goto(link);
    await waitCompared(copy);
    assert.deepEqual(await shownLabels(copy), await shownLabels(page));
    const again = await engineNow(copy);
    assert.deepEqual([again.left, again.right], [LEFT, RIGHT]);
    assert.equal((await readView(copy)).right, RIGHT, "side by side, as the link says: the comparison column");
    await assertNothingRan(copy, " in the page from the page's own link");
  });

  test("crafted and damaged link fragments: hostile names and options are text or ignored, damage is reported, nothing runs", async () => {
    const known = ["ignoreCase", "unifyQuotes", "unifyDashes", "unifyWhitespace", "ignorePunctuation", "hideBoilerplate"];
    const crafted = [
      {
        view: pick("<script>alert"),
        on: `ignoreCase,${pick("<img src=/__pwned/img")},constructor,toString`,
        off: "__proto__,valueOf",
        source: pick("<img src=x"),
        compare: pick("javascript:"),
        sl: pick("<svg onload"),
        cl: pick('" onmouseover'),
      },
      // names every object has: none is a view or an option of the page's
      { view: "constructor", on: "ignorePunctuation,hasOwnProperty,__proto__", off: "ignoreCase,toString", sl: pick("{{constructor"), cl: pick("<!--wirediff") },
      { view: "__proto__", on: "", off: "ignorePunctuation,valueOf", sl: pick('x" autofocus'), cl: pick("'-alert") },
    ];
    const page = await browser.page();
    for (const [i, fields] of crafted.entries()) {
      const hash = `#${new URLSearchParams({ v: 1, ...fields, end: "" })}`;
      if (i === 0) {
        await page.goto(`/${hash}`); // read when the page starts
        await waitCompared(page);
        await disclose(page);
        await disclose(page, "share-export");
      } else {
        await afterChange(page, () => page.evaluate((hash) => (location.hash = hash), hash)); // read on hashchange
      }
      const labels = await shownLabels(page);
      assert.equal(await page.evaluate(() => document.body.dataset.view), "redline", `the view ${fields.view} is not one: the redline stays`);
      if (fields.source) {
        // a link naming a sample this page does not have applies nothing and quotes the name as text
        assert.ok((await page.text("#notice")).includes(`“${fields.source}”`), "the unknown sample is named literally");
        assert.notDeepEqual([labels.left, labels.right], [fields.sl, fields.cl], "nothing of that link is applied");
      } else {
        assert.deepEqual([labels.left, labels.right], [fields.sl, fields.cl], "the names in the link are the labels, as text");
        const options = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll(".wd-options input")].map((i) => [i.name, i.checked])));
        for (const name of fields.on.split(",").filter((n) => known.includes(n))) assert.equal(options[name], true, name);
        for (const name of fields.off.split(",").filter((n) => known.includes(n))) assert.equal(options[name], false, name);
      }
      assert.equal((await readView(page)).shown, await page.value("#compare-text"));
      // the link the page shares from here names only its own options
      await page.evaluate(() => (document.getElementById("share-link").value = ""));
      await page.click("#share");
      const link = await page.waitFor(() => !document.getElementById("share-link").hidden && document.getElementById("share-link").value);
      const shared = new URL(link).hash.slice(1);
      for (const list of ["on", "off"]) {
        for (const name of new URLSearchParams(shared).get(list).split(",").filter(Boolean)) assert.ok(known.includes(name), `the shared link names ${name}`);
      }
      await assertNothingRan(page, ` after crafted link ${i + 1}`);
    }

    const shown = (await readView(page)).shown;
    const damaged = [
      `v=1&view=redline&t=${pick("<img src=/__pwned/img")}&end=`,
      `v=1&view=redline&t=${deflateSync(Buffer.from(pick("<script>alert"))).toString("base64url")}&end=`,
      `v=1&view=redline&t=${deflateSync(Buffer.from(JSON.stringify({ left: { label: { [pick("<svg onload")]: 1 }, text: "x" }, right: { label: pick("<script>alert"), text: 7 } }))).toString("base64url")}&end=`,
    ];
    for (const hash of damaged) {
      await page.evaluate((hash) => {
        document.getElementById("notice").textContent = "";
        location.hash = hash;
      }, hash);
      const message = await page.waitFor(() => document.getElementById("notice").textContent);
      assert.equal(message, "This link is damaged: the texts in it cannot be read, as some of its characters were changed or lost. Ask for the link again, or for the exported report. Your texts are as they were.");
      assert.equal((await readView(page)).shown, shown, "the page keeps the comparison it showed");
    }
    await assertNothingRan(page, " after damaged links");
  });

  test("round trip: line ends, NUL, BOMs, zero-width, bidi, combining and emoji sequences come out of the redline exactly; a lone surrogate is compared as U+FFFD, with a notice", async () => {
    const left = TRICKY.replace("Combining", "Combined").replace("flags", "the flags");
    const page = await browser.page();
    // by link: the texts exactly as given
    await page.goto(`/#${textsFragment({ left: { label: "left\u202E", text: left }, right: { label: "right\u200D", text: TRICKY } })}`);
    await waitCompared(page);
    await disclose(page);
    let view = await readView(page);
    assert.equal(view.shown, TRICKY, "the redline is the comparison text, code unit for code unit");
    const result = await page.evaluate(
      async ({ left, right }) => (await import("/engine.js")).compare(left, right, {}, { worker: false }),
      { left, right: TRICKY },
    );
    assert.deepEqual(view.cuts, opTexts(result, left, TRICKY).cuts, "each cut is the source text it cut, exactly");
    // by paste: a text box ends its lines with LF, and Firefox's clipboard drops a NUL
    const pasted = TRICKY.replace(/\r\n?/g, "\n").replace(/\0/g, "");
    await afterChange(page, () => page.fill("#compare-text", pasted));
    assert.equal((await readView(page)).shown, pasted);
    // by file: a leading BOM marks the encoding and is not text; a NUL is refused (above)
    const file = TRICKY.replace(/\0/g, "");
    await afterChange(page, () => page.setFiles("#compare-file", [{ name: "tricky.txt", mimeType: "text/plain", buffer: Buffer.from(`\uFEFF${file}`) }]));
    assert.equal((await readView(page)).shown, file);
    await assertNothingRan(page);

    await page.goto(`/#${textsFragment({ left: { label: "L", text: left }, right: { label: "R", text: `lone \ud800 surrogate ${TRICKY}` } })}`);
    await waitCompared(page);
    assert.equal((await readView(page)).shown, `lone \uFFFD surrogate ${TRICKY}`);
    assert.match(await page.text("#compare-notice p"), /^The comparison text \(“R”\) holds a lone UTF-16 surrogate \(half of a character pair\): compared and shown as U\+FFFD/);
  });

  test("widget: hostile labels, option attributes and texts by property and light DOM render as text; hostile values are reported literally", async () => {
    const page = await widgetPage(browser);
    const [sourceLabel, compareLabel] = [pick('"><iframe srcdoc'), pick("<svg onload")];
    const booleans = ["hide-boilerplate", "ignore-case", "ignore-punctuation", "no-unify-quotes", "no-unify-dashes", "no-unify-whitespace"];
    const first = await page.evaluate(addWidget, {
      id: "by-property",
      attributes: { "source-label": sourceLabel, "compare-label": compareLabel, ...Object.fromEntries(booleans.map((name, i) => [name, PAYLOADS[i]])) },
      properties: { source: LEFT, compare: RIGHT },
    });
    assert.equal(first.type, "wirediff-rendered", first.message);
    for (const name of booleans) assert.equal((await page.evaluate(changeWidget, { id: "by-property", changes: [{ attribute: name, value: null }] })).type, "wirediff-rendered");
    const result = await engineResult(page, LEFT, RIGHT);
    let shown = await page.evaluate(widgetShows, "by-property");
    assert.deepEqual(shown.labels, [sourceLabel, compareLabel]);
    assert.equal(shown.shown, RIGHT, "the redline is the comparison text");
    assert.deepEqual(shown.cuts, opTexts(result, LEFT, RIGHT).cuts, "each cut is the source text it cut");
    assert.equal((await page.evaluate(changeWidget, { id: "by-property", changes: [{ property: "view", value: "side-by-side" }] })).type, "wirediff-rendered");
    shown = await page.evaluate(widgetShows, "by-property");
    assert.equal(shown.right, RIGHT, "side by side: the comparison column");
    assert.equal(shown.left, sourceColumn(result, LEFT), "side by side: the source column");
    assert.equal((await page.evaluate(changeWidget, { id: "by-property", changes: [{ property: "view", value: "provenance" }] })).type, "wirediff-rendered");
    assert.equal((await page.evaluate(widgetShows, "by-property")).shown, RIGHT, "provenance is the comparison text");

    // every label, by attribute and by property, on a small comparison
    await page.evaluate(changeWidget, { id: "by-property", changes: [{ property: "source", value: "The workers jeered." }, { property: "compare", value: "The workers cheered." }] });
    for (const [i, label] of LABELS.entries()) {
      const change = i % 2 ? { attribute: "compare-label", value: label } : { property: "sourceLabel", value: label };
      assert.equal((await page.evaluate(changeWidget, { id: "by-property", changes: [change] })).type, "wirediff-rendered");
      assert.equal((await page.evaluate(widgetShows, "by-property")).labels[i % 2], label);
    }

    // values the widget cannot use: the error names them, as text
    const bad = [
      [{ attribute: "view", value: pick("<script>alert") }],
      [{ attribute: "time-budget-ms", value: pick("<svg onload") }],
      [{ attribute: "wasm-url", value: pick("javascript:") }],
      [{ property: "source", value: null }, { attribute: "source-src", value: pick("<img src=x") }],
      [{ property: "compare", value: null }, { attribute: "compare-src", value: pick("{{constructor") }],
      [{ property: "options", value: { [pick("<img src=/__pwned/img")]: true } }],
    ];
    for (const changes of bad) {
      const event = await page.evaluate(changeWidget, { id: "by-property", changes });
      const { value } = changes.at(-1);
      const named = typeof value === "string" ? value : Object.keys(value)[0];
      assert.equal(event.type, "wirediff-error", `${JSON.stringify(changes)}: ${event.message}`);
      assert.ok(event.message.includes(named), `the message names the value: ${event.message}`);
      const after = await page.evaluate(widgetShows, "by-property");
      assert.equal(after.status, event.message, "the widget shows the message as it is");
      assert.equal(after.rendered, false);
      const undo = changes.map((c) => (c.property ? { property: c.property, value: null } : { attribute: c.attribute, value: null }));
      const texts = [{ property: "source", value: "The workers jeered." }, { property: "compare", value: "The workers cheered." }];
      assert.equal((await page.evaluate(changeWidget, { id: "by-property", changes: [...undo, ...texts] })).type, "wirediff-rendered", "usable again");
    }

    const light = await page.evaluate(addWidget, { id: "light", light: { source: LEFT, compare: RIGHT }, attributes: { "source-label": pick("<!--wirediff") } });
    assert.equal(light.type, "wirediff-rendered", light.message);
    shown = await page.evaluate(widgetShows, "light");
    assert.equal(shown.shown, RIGHT, "light-DOM texts are compared as text");
    assert.equal(shown.labels[0], pick("<!--wirediff"));
    await assertNothingRan(page, " in the widget host");
  });

  test("widget: *-src responses (hostile names, hostile text, an HTML file) are shown as text", async () => {
    const page = await widgetPage(browser);
    const [leftName, rightName] = Object.keys(RESPONSES);
    const event = await page.evaluate(addWidget, { id: "fetched", attributes: { "source-src": `/hostile/${leftName}`, "compare-src": `/hostile/${rightName}` } });
    assert.equal(event.type, "wirediff-rendered", event.message);
    let shown = await page.evaluate(widgetShows, "fetched");
    assert.equal(shown.shown, RIGHT);
    assert.deepEqual(shown.cuts, opTexts(await engineResult(page, LEFT, RIGHT), LEFT, RIGHT).cuts);
    const html = RESPONSES["payloads.html"];
    assert.equal((await page.evaluate(changeWidget, { id: "fetched", changes: [{ attribute: "compare-src", value: "/hostile/payloads.html" }] })).type, "wirediff-rendered");
    assert.equal((await page.evaluate(widgetShows, "fetched")).shown, html, "an HTML response is its source text, never parsed");
    const missing = `/hostile/${pick("<script>alert")}.txt`;
    const failed = await page.evaluate(changeWidget, { id: "fetched", changes: [{ attribute: "source-src", value: missing }] });
    assert.equal(failed.type, "wirediff-error");
    assert.ok(failed.message.includes(`source-src="${missing}"`) && failed.message.includes("404"), failed.message);
    shown = await page.evaluate(widgetShows, "fetched");
    assert.equal(shown.status, failed.message);
    await assertNothingRan(page, " after the *-src responses");
  });

  test("widget round trip: line ends, NUL, BOMs, zero-width, bidi, combining and emoji sequences by property, light DOM and *-src come out exactly; a lone surrogate is compared as U+FFFD, with a notice", async () => {
    const page = await widgetPage(browser);
    const left = TRICKY.replace("Combining", "Combined").replace("flags", "the flags");
    const fetched = RESPONSES["tricky.txt"];
    for (const [id, input, right] of [
      ["by-property", { properties: { source: left, compare: TRICKY } }, TRICKY],
      ["light", { light: { source: left, compare: TRICKY } }, TRICKY],
      ["fetched", { properties: { source: left }, attributes: { "compare-src": "/hostile/tricky.txt" } }, fetched],
    ]) {
      const result = await engineResult(page, left, right);
      const event = await page.evaluate(addWidget, { id, ...input });
      assert.equal(event.type, "wirediff-rendered", `${id}: ${event.message}`);
      const shown = await page.evaluate(widgetShows, id);
      assert.equal(shown.shown, right, `${id}: the redline is the comparison text, code unit for code unit`);
      assert.deepEqual(shown.cuts, opTexts(result, left, right).cuts, `${id}: each cut is the source text it cut`);
    }
    // a fetched text with a NUL is reported as binary, never shown mangled
    const nul = await page.evaluate(changeWidget, { id: "fetched", changes: [{ attribute: "compare-src", value: "/hostile/tricky-nul.txt" }] });
    assert.equal(nul.type, "wirediff-error");
    assert.equal(nul.message, 'The comparison text (compare-src="/hostile/tricky-nul.txt") is not text (it holds binary data): point compare-src at a plain-text file.');
    const notice = await page.evaluate(() => {
      const w = document.getElementById("by-property");
      const event = new Promise((resolve) => w.addEventListener("wirediff-error", (e) => resolve(e.detail.message), { once: true }));
      w.compare = `lone ${String.fromCharCode(0xd800)} surrogate`;
      return event;
    });
    assert.equal(notice, "The comparison text holds a lone UTF-16 surrogate (half of a character pair): compared and shown as U+FFFD (\uFFFD) in its place.");
    const shown = await page.evaluate(widgetShows, "by-property");
    assert.equal(shown.shown, "lone \uFFFD surrogate", "the redline shows U+FFFD");
    assert.equal(shown.rendered, true);
    await assertNothingRan(page);
  });
});
