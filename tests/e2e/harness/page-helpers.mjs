// Shared by the tests that open the page (tests/e2e/page/ and others): open
// the page, ask the engine in the same page what it computes for what the page
// shows, and read what the page rendered. Nothing here knows a figure the
// engine computes: tests compare the page with the engine's own answer.
import assert from "node:assert/strict";
import { createDeflate } from "node:zlib";

export const SAMPLES = {
  ap: "001_7874be6ffbaae5d6.txt",
  kompas: "000_a7be8358ffd46965.txt",
  npr: "002_36e125501881ede5.txt",
  wsws: "003_35e6aa36873d96ce.txt",
  militant: "004_d148bec5f461aa70.txt",
};

export const VIEWS = ["redline", "side-by-side", "provenance"];

/** Waits until the page has finished a comparison (or failed), and asserts it compared. */
export async function waitCompared(page, { timeout } = {}) {
  const state = await page.waitFor(
    () =>
      ["compared", "error", "empty", "cancelled"].includes(document.body.dataset.state) &&
      !document.body.hasAttribute("data-pending") &&
      !document.getElementById("redline").hasAttribute("data-rendering") &&
      document.body.dataset.state,
    undefined,
    { timeout },
  );
  assert.equal(state, "compared", `the page did not compare: ${await page.text("#status")}`);
}

/** A new page on `path`, once it has compared. */
export async function openPage(browser, path = "/") {
  const page = await browser.page();
  await page.goto(path);
  await waitCompared(page);
  return page;
}

/**
 * Opens a folded section of the page (a <details>: "edit-texts", the texts and
 * options; "share-export"), as a user would, by clicking its summary.
 */
export async function disclose(page, id = "edit-texts") {
  if (await page.evaluate((id) => document.getElementById(id).open, id)) return;
  await page.click(`#${id} > summary`);
  await page.waitFor((id) => document.getElementById(id).open, id);
}

/** Something that changes the page's state and then waits for the new comparison to be shown. */
export async function afterChange(page, act) {
  await page.evaluate(() => {
    document.body.dataset.state = "test-waiting";
  });
  await act();
  await waitCompared(page);
}

/** Types both texts into their boxes (under "Edit texts") and waits for their comparison. */
export async function pasteBoth(page, left, right) {
  await disclose(page);
  await afterChange(page, async () => {
    await page.fill("#source-text", left);
    await page.fill("#compare-text", right);
  });
}

/**
 * The engine's own result for the texts and options the page shows, computed
 * in the page by importing /engine.js (on the main thread).
 */
export function engineNow(page) {
  return page.evaluate(async () => {
    const engine = await import("/engine.js");
    await engine.ready();
    const defaults = engine.defaultOptions();
    const options = {};
    for (const box of document.querySelectorAll(".wd-options input[type=checkbox]")) {
      if (box.name in defaults) options[box.name] = box.checked;
    }
    const left = document.getElementById("source-text").value;
    const right = document.getElementById("compare-text").value;
    const result = await engine.compare(left, right, options, { worker: false });
    return { result, left, right, options, hideBoilerplate: document.querySelector("input[name=hideBoilerplate]").checked };
  });
}

/**
 * The changes a reader should step through, from the engine's ops: every
 * insert, delete and replace op, and every moved passage once, at the first
 * op of its new place; boilerplate ops (which the engine's stats do not count) left out.
 */
export function expectedChanges(result) {
  const out = [];
  const seen = new Set();
  result.ops.forEach((op, index) => {
    if (op.boilerplate) return;
    if (op.moveId != null && op.kind !== "move" && !seen.has(op.moveId)) {
      seen.add(op.moveId);
      out.push({ kind: "move", op: index, moveId: op.moveId });
    }
    if (["insert", "delete", "replace"].includes(op.kind)) out.push({ kind: op.kind, op: index });
  });
  return out;
}

/**
 * What the current view shows, as text: `shown` is the text outside cuts
 * (hidden labels and move markers left out), `cuts` the cut text by op index,
 * `left`/`right` the side-by-side columns, `sentences` the provenance spans.
 */
export function readView(page) {
  return page.evaluate(() => {
    const root = document.getElementById("redline");
    const chrome = ".wd-sr-only, .wd-move-from, .wd-move-to, .wd-hidden-boilerplate, .wd-row-head, .wd-source-link, .wd-source-quote";
    const text = (scope, exclude) => {
      const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
      let out = "";
      while (walker.nextNode()) {
        const parent = walker.currentNode.parentElement;
        if (parent.closest(chrome) || (exclude && parent.closest(exclude))) continue;
        out += walker.currentNode.data;
      }
      return out;
    };
    // an op's marks, in order, and the plain mark of the line breaks that end it (data-wd-breaks)
    const cuts = {};
    for (const del of root.querySelectorAll("del[data-wd-op], del[data-wd-breaks]")) {
      const op = del.dataset.wdOp ?? del.dataset.wdBreaks;
      cuts[op] = (cuts[op] ?? "") + text(del);
    }
    const inserts = {};
    for (const ins of root.querySelectorAll("ins[data-wd-op], ins[data-wd-breaks]")) {
      const op = ins.dataset.wdOp ?? ins.dataset.wdBreaks;
      inserts[op] = (inserts[op] ?? "") + text(ins);
    }
    return {
      view: document.body.dataset.view,
      title: document.getElementById("view-title").textContent,
      shown: text(root, "del"),
      cuts,
      inserts,
      left: [...root.querySelectorAll(".wd-cell-left")].map((c) => text(c)).join(""),
      right: [...root.querySelectorAll(".wd-cell-right")].map((c) => text(c)).join(""),
      rows: root.querySelectorAll(".wd-row:not(.wd-row-head)").length,
      sentences: [...root.querySelectorAll("[data-wd-sent][tabindex]")].map((s) => ({ index: Number(s.dataset.wdSent), label: s.dataset.wdLabel })),
      stops: root.querySelectorAll("[data-wd-stop]").length,
      html: root.innerHTML,
    };
  });
}

/** Picks a view by its radio button, as a user would. */
export async function pickView(page, view) {
  await page.click(`input[name="view"][value="${view}"]`);
  await page.waitFor((v) => document.body.dataset.view === v && !document.getElementById("redline").hasAttribute("data-rendering"), view);
}

/** The cut text and the added text of each op, from the engine's result. */
export function opTexts(result, left, right) {
  const cuts = {};
  const inserts = {};
  result.ops.forEach((op, i) => {
    if (op.kind === "delete" || op.kind === "replace") cuts[i] = left.slice(op.left.start, op.left.end);
    if (op.kind === "insert" || op.kind === "replace") inserts[i] = right.slice(op.right.start, op.right.end);
  });
  return { cuts, inserts };
}

/** The source column of the side-by-side view, from the engine's ops: each op's source text in op order. */
export function sourceColumn(result, left) {
  return result.ops.filter((op) => op.kind !== "move" && op.kind !== "insert").map((op) => left.slice(op.left.start, op.left.end)).join("");
}

/**
 * Captures what the page downloads from now on (the Blob behind each
 * <a download> it clicks) instead of saving it; `downloads(page)` reads them.
 */
export function captureDownloads(page) {
  return page.evaluate(() => {
    window.__downloads = [];
    const blobs = new Map();
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob) => {
      const url = create.call(URL, blob);
      blobs.set(url, blob);
      return url;
    };
    document.addEventListener(
      "click",
      (event) => {
        const link = event.target.closest?.("a[download]");
        if (!link) return;
        event.preventDefault();
        const blob = blobs.get(link.href);
        blob.text().then((text) => window.__downloads.push({ name: link.download, type: blob.type, text }));
      },
      true,
    );
  });
}

export async function downloads(page, count) {
  await page.waitFor((n) => window.__downloads.length >= n, count);
  return page.evaluate(() => window.__downloads);
}

/** Requests the page made that are not its own static files. */
export function foreignRequests(page) {
  const origin = new URL(page.url("/")).origin;
  return page.log.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("data:"));
}

/**
 * Builds a large input in the page as `window.__texts` (run it with
 * `page.evaluate(largeTexts, kind)`; the texts stay in the page) and returns
 * their lengths: "walkout" 50,000,000 characters; "long" 300,000; "accented"
 * 1,200,000 characters of 1,300,000 UTF-8 bytes; "line" a single 5 MB line
 * against a copy with every 50th word edited; "same" a million identical
 * words against a copy with one word added; "spaceless" "x" × 10,000,000
 * against a copy with its last 10 characters changed; "clusters" the same
 * with 10,000,000 UTF-16 code units of emoji, ZWJ sequences, flags, combining
 * marks and the like (the `clusters`, by construction: window.__texts.clusters)
 * before 10 "x" changed to "z".
 */
export function largeTexts(kind) {
  const line = (side) => {
    const words = "workers jeered the president at the tractor plant as strikes spread across the country on monday".split(" ");
    const out = [];
    for (let i = 0, bytes = 0; bytes < 5_000_000; i++) {
      const word = side === "right" && i % 50 === 7 ? "cheered" : words[(i * 7) % words.length];
      out.push(word);
      bytes += word.length + 1;
    }
    return out.join(" ");
  };
  const make = {
    walkout: () => ({ text: "Workers walked out. ".repeat(2_500_000) }),
    long: () => ({ text: "Workers walked out. ".repeat(15_000) }),
    accented: () => ({ text: "Workers walked out. ".repeat(55_000) + "é".repeat(100_000) }),
    line: () => ({ left: line("left"), right: line("right") }),
    same: () => ({ left: "the ".repeat(1_000_000), right: `${"the ".repeat(500_000)}new ${"the ".repeat(500_000)}` }),
    spaceless: () => ({ left: "x".repeat(10_000_000), right: `${"x".repeat(9_999_990)}${"y".repeat(10)}`, clusters: ["x"] }),
    clusters: () => {
      // each one character to a reader (its length in code units: 8, 3, 4, 4, 1, 4, 2, 3, 2, 3, 1)
      const clusters = ["👨‍👩‍👧", "e\u0301\u0302", "🇩🇪", "🇫🇷", "x", "👍🏽", "षि", "\u1100\u1161\u11a8", "❤️", "1\ufe0f\u20e3", "y"];
      const body = clusters.join("").repeat(Math.floor(9_999_990 / clusters.join("").length));
      return { left: `${body}${"x".repeat(10)}`, right: `${body}${"z".repeat(10)}`, clusters };
    },
  };
  window.__texts = make[kind]();
  return Object.fromEntries(Object.entries(window.__texts).filter(([k]) => k !== "clusters").map(([k, v]) => [k, v.length]));
}

/**
 * Starts noting in the page, in order, what happens there (window.__order, a
 * list of strings; run it with `page.evaluate(watchOrder)`): each message
 * posted to a Web Worker with the characters of text it carries ("worker ←
 * 4200000 characters"), each key and click the page handles ("key X", "click
 * cancel"), each change of body[data-state] ("state comparing"), of #busy
 * ("busy shown", "busy hidden") and of #redline[data-rendering] ("drawing",
 * "drawn"), where the page has them. How long anything takes depends on the
 * machine's load; the order does not, so tests assert the order (the durations
 * are benchmark rows: scripts/bench/responsive.mjs).
 */
export function watchOrder() {
  const order = (window.__order = []);
  const note = (what) => order.push(what);
  const chars = (value, depth = 0) =>
    typeof value === "string" ? value.length : depth < 3 && value && typeof value === "object" ? Object.values(value).reduce((n, v) => n + chars(v, depth + 1), 0) : 0;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (data, ...rest) {
    note(`worker ← ${chars(data)} characters`);
    return post.call(this, data, ...rest);
  };
  window.addEventListener("keydown", (e) => note(`key ${e.key}`), true);
  window.addEventListener("click", (e) => note(`click ${e.target.id || e.target.localName}`), true);
  const watch = (node, attribute, say) => {
    if (!node) return;
    new MutationObserver(() => note(say(node))).observe(node, { attributes: true, attributeFilter: [attribute] });
  };
  watch(document.body, "data-state", (body) => `state ${body.dataset.state}`);
  watch(document.getElementById("busy"), "hidden", (busy) => (busy.hidden ? "busy hidden" : "busy shown"));
  watch(document.getElementById("redline"), "data-rendering", (root) => (root.hasAttribute("data-rendering") ? "drawing" : "drawn"));
}

/** The order noted since watchOrder (the page keeps noting). */
export const noted = (page) => page.evaluate(() => [...window.__order]);

/**
 * Asserts that `order` (from `noted`) has `first`, and that `then` (unless
 * null) first happens after it (not merely once after it); each a string or
 * a predicate. Returns the index of `first`.
 */
export function assertBefore(order, first, then) {
  const find = (what) => order.findIndex((x) => (typeof what === "string" ? x === what : what(x)));
  const a = find(first);
  assert.ok(a >= 0, `${first} happened (noted: ${order.join(" · ")})`);
  if (then != null) {
    const b = find(then);
    assert.ok(b > a, `${first} happened before ${then} (noted: ${order.join(" · ")})`);
  }
  return a;
}

/** A worker was handed at least `n` characters of text at once (the comparison of a large input). */
export const workerGot = (n) => Object.assign((x) => /^worker ← (\d+) characters$/.test(x) && Number(x.split(" ")[2]) >= n, { toString: () => `a worker handed ${n} characters or more` });

/**
 * The blocks a view drew from window.__texts (run it in the page with
 * `page.evaluate(drawnBlocks, { where, flow })`; `where` is "page", "widget"
 * or "report": the last exported report, window.__report), as `streams` of
 * text — "shown" (all but cut text; the comparison column), "cut" (the
 * redline's cut text) and "source" (the source column) — each with the
 * offsets at which one block ends and the next goes on, whether each such
 * offset is a boundary between two of window.__texts.clusters (known by
 * construction, not computed), and the longest block.
 */
export async function drawnBlocks({ where, flow }) {
  const { HARD_CHARS } = await import(flow);
  const root =
    where === "page"
      ? document.getElementById("redline")
      : where === "widget"
        ? document.querySelector("wire-diff").shadowRoot.querySelector("[part~=body]")
        : new DOMParser().parseFromString(window.__report, "text/html").querySelector(".wd-redline");
  const chrome = ".wd-sr-only, .wd-move-from, .wd-move-to, .wd-hidden-boilerplate, .wd-row-head, .wd-source-link, .wd-source-quote";
  const streams = {};
  let longest = 0;
  const blocks = root.querySelectorAll(".wd-block, .wd-cell");
  for (const block of blocks) {
    if (block.closest(chrome)) continue;
    const here = {};
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const parent = walker.currentNode.parentElement;
      if (parent.closest(chrome)) continue;
      const stream = block.classList.contains("wd-cell-left") ? "source" : parent.closest("del") ? "cut" : "shown";
      here[stream] = (here[stream] ?? "") + walker.currentNode.data;
    }
    longest = Math.max(longest, Object.values(here).reduce((n, t) => n + t.length, 0));
    for (const [stream, text] of Object.entries(here)) {
      streams[stream] ??= { text: [], ends: [] };
      streams[stream].text.push(text);
      streams[stream].ends.push((streams[stream].ends.at(-1) ?? 0) + text.length);
    }
  }
  const { left, right, clusters } = window.__texts;
  const unit = clusters.join("");
  const starts = new Set(clusters.map((_, i) => clusters.slice(0, i).join("").length));
  const periodic = Math.floor((left.length - 10) / unit.length) * unit.length;
  const out = { HARD_CHARS, blocks: blocks.length, longest, streams: {} };
  for (const [name, { text, ends }] of Object.entries(streams)) {
    const joined = text.join("");
    // the cut text is the end of the source (the changed end of the line)
    const offset = name === "cut" ? left.length - joined.length : 0;
    const inside = ends.slice(0, -1).map((end) => end + offset);
    const splits = inside.filter((at) => at < periodic && !starts.has(at % unit.length));
    out.streams[name] = {
      whole: joined === (name === "source" ? left : name === "cut" ? left.slice(offset) : right),
      length: joined.length,
      cuts: inside.length,
      splits: splits.slice(0, 5).map((at) => ({ at, around: JSON.stringify((name === "shown" ? right : left).slice(at - 4, at + 4)) })),
    };
  }
  return out;
}

const bombs = new Map();

/**
 * The fragment of a share link whose texts are `chars` × "a" each, as
 * share.js would write it (deflated JSON, base64url): 12,000,000 gives a
 * 31 KB link of 24 MB of texts, 200,000,000 a 518 KB link of 400 MB,
 * 750,000,000 a 1.94 MB link of 1.5 GB. Deflated as a stream (no 1.5 GB
 * string in Node), once per size.
 */
export function inflatingFragment(chars) {
  if (!bombs.has(chars)) {
    bombs.set(
      chars,
      (async () => {
        const deflate = createDeflate({ level: 9 });
        const out = [];
        deflate.on("data", (chunk) => out.push(chunk));
        const ended = new Promise((resolve, reject) => deflate.on("end", resolve).on("error", reject));
        const write = (bytes) => new Promise((resolve) => (deflate.write(bytes) ? resolve() : deflate.once("drain", resolve)));
        const run = Buffer.alloc(1 << 20, "a");
        for (const head of ['{"left":{"label":"Left","text":"', '"},"right":{"label":"Right","text":"']) {
          await write(Buffer.from(head));
          for (let left = chars; left > 0; left -= run.length) await write(left >= run.length ? run : run.subarray(0, left));
        }
        await write(Buffer.from('"}}'));
        deflate.end();
        await ended;
        return `v=1&view=redline&on=&off=&t=${Buffer.concat(out).toString("base64url")}&end=`;
      })(),
    );
  }
  return bombs.get(chars);
}
