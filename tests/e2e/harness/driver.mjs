// One page API, two engines: every end-to-end test is written once and runs in
// Chromium (playwright-core) and in Firefox (puppeteer-core over WebDriver BiDi).
//
// Where tests go: tests/e2e/page/ for the page, tests/e2e/widget/ for
// <wire-diff>, tests/e2e/ itself for what covers both; what they share (this
// driver, page-helpers.mjs, the widget's host pages, the bad files, the
// consumer project) is in tests/e2e/harness/. How to write a test (copy this):
//
//   import assert from "node:assert/strict";
//   import { test } from "node:test";
//   import { forEachBrowser } from "../harness/driver.mjs";
//
//   forEachBrowser((browser) => {
//     test("the page compares the sample on load", async () => {
//       const page = await browser.page();          // closed for you after the test
//       await page.goto("/");                       // path on the test server (www/, with the CSP)
//       await page.waitFor(() => document.body.dataset.state === "compared");
//       await page.fill("#compare-text", "new text"); // like a user pasting: real input events
//       assert.equal(await page.text("#status"), "1 change.");
//       assert.deepEqual(page.log.violations, []);   // also .errors, .dialogs, .requests
//     });
//   });
//
// The page API (the same in both engines; selectors are CSS):
//   goto(path)  evaluate(fn, arg)  waitFor(fn, arg, { timeout })  → fn's truthy value
//   click(sel)  fill(sel, text): a real clipboard paste over the field's text ("" deletes it)
//   select(sel, value)  press("Enter" | "Control+a" | "Shift+KeyY")
//   setFiles(sel, [{ name, mimeType, buffer }])  setViewport(w, h)  emulateColorScheme("dark" | "light")
//   emulateMedia("print" | "screen") (after goto: the page as print preview lays it out)
//   screenshot(path, { fullPage })  text(sel)  value(sel)  count(sel)  url(path)  close()
//   heapBytes(): the page's JS heap in use after a garbage collection (Chromium, over
//     CDP); null in Firefox, whose WebDriver BiDi gives no per-page heap figure
//   log: { violations, errors, dialogs (auto-dismissed), requests }
// Selectors are CSS in the document: they do not reach into shadow roots (in
// Firefox; playwright's would), so reach a widget's insides with evaluate().
//
// forEachBrowser declares the tests once per browser, each group under a
// describe() named after the browser and its version ("Chromium 156…",
// "Firefox 153…"); `browser.name` is "chromium" or "firefox". Browsers come from
// BROWSERS (e.g. `BROWSERS=firefox node --test tests/e2e/`) or else from
// wasm-pack.toml [test] browsers, so by default every test runs in both.
//
// Rules that keep the two engines honest:
// - Only use the Page methods below, never the playwright/puppeteer objects:
//   the same call must mean the same thing in both engines.
// - Code passed to evaluate/waitFor runs in the page: it sees only its
//   argument, not the test's variables. Return plain JSON-like values.
// - Do not branch on browser.name to skip an assertion. If something truly
//   cannot run in one engine, say so in the test's title (e.g. "… (not in
//   Firefox: why)") and list it in docs/testing.md.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, afterEach, before, describe } from "node:test";
import puppeteer from "puppeteer-core";
import { ARTIFACTS, browserNames, browserVersion, executable, launchChromium } from "../../../scripts/browser.mjs";
import { serve } from "../../../scripts/serve.mjs";

export { ARTIFACTS };
// Tests write screenshots and reports there; a fresh checkout has no such folder.
await mkdir(ARTIFACTS, { recursive: true });

/** The engines this run covers, e.g. ["chromium", "firefox"]. */
export const BROWSERS = browserNames();

const VIEWPORT = { width: 1280, height: 720 };
const WAIT_MS = 10_000;

/**
 * Declares `declare(browser)`'s tests once per browser, in a describe() per
 * browser that starts the server and the browser before its tests and stops
 * them after; pages a test opened are closed after that test.
 */
export function forEachBrowser(declare) {
  for (const name of BROWSERS) {
    const browser = new Browser(name);
    describe(browser.label, () => {
      before(() => browser.launch());
      afterEach(() => browser.closePages());
      after(() => browser.close());
      declare(browser);
    });
  }
}

/** A browser under test, with its own server for www/. */
export class Browser {
  constructor(name) {
    /** "chromium" or "firefox". */
    this.name = name;
    /** "Chromium 156.0.8078.79" or "Firefox 153.7.0esr". */
    try {
      this.label = browserVersion(name);
    } catch (e) {
      throw new Error(`${name} is not at ${executable(name)}: run scripts/setup --browsers (or set BROWSERS)`, { cause: e });
    }
    this.url = undefined;
    this.pages = new Set();
  }

  async launch() {
    this.server = await serve({ port: 0 });
    this.url = this.server.url;
    this.engine = this.name === "firefox" ? await launchFirefox() : await launchChromium();
    if (this.name === "chromium") this.clipboard = await chromiumClipboard(this.engine, this.url);
    console.log(`e2e browser: ${this.label} (${executable(this.name)})`);
  }

  /** A new, empty page (its own profile context: no shared storage or cookies). */
  async page() {
    const page =
      this.name === "firefox"
        ? await FirefoxPage.open(this.engine, this.url)
        : await ChromiumPage.open(this.engine, this.url, this.clipboard);
    this.pages.add(page);
    page.onClose = () => this.pages.delete(page);
    return page;
  }

  async closePages() {
    await Promise.all([...this.pages].map((p) => p.close()));
  }

  async close() {
    await this.closePages();
    await this.clipboard?.close();
    await this.engine?.close();
    await this.server?.close();
  }
}

/**
 * Chromium's clipboard, written from a page of its own (its own context, with
 * the clipboard permission), so the page under test gets no permission it
 * would not have for a user and sees nothing but the paste.
 */
async function chromiumClipboard(browser, base) {
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();
  await page.goto(new URL("/__clipboard__", base).href); // any page of a secure (loopback) origin
  return {
    write: (text) => page.evaluate((text) => navigator.clipboard.writeText(text), text),
    close: () => context.close(),
  };
}

function launchFirefox() {
  return puppeteer.launch({
    browser: "firefox",
    executablePath: executable("firefox"),
    headless: true,
    defaultViewport: VIEWPORT,
    // Lets the driver reach the clipboard (fill) and the per-tab colour-scheme
    // override (emulateColorScheme), which WebDriver BiDi has no command for.
    args: ["--remote-allow-system-access"],
    extraPrefsFirefox: {
      // Scrollbars that take no layout width, as in playwright's Chromium
      // (--hide-scrollbars): both engines lay the page out at the viewport width.
      "ui.useOverlayScrollbars": 1,
    },
  });
}

/** What every page records, in both engines. */
function newLog() {
  return {
    /** CSP violations: "<directive> <blocked URI>". */
    violations: [],
    /** Uncaught exceptions and unhandled rejections, by message. */
    errors: [],
    /** alert/confirm/prompt/beforeunload: { type, message }; each is dismissed. */
    dialogs: [],
    /**
     * Every URL the page requested from a server. data: and blob: URLs, which
     * never leave the browser, are left out: Chromium reports only blob: ones,
     * Firefox only data: ones. Firefox also asks for /favicon.ico when a page
     * names no icon; Chromium (headless) never does.
     */
    requests: [],
  };
}

function recordRequest(log, url) {
  if (!/^(data|blob):/i.test(url)) log.requests.push(url);
}

// Runs in the page before its own scripts.
function watchCsp() {
  document.addEventListener("securitypolicyviolation", (e) =>
    window.__cspViolation(`${e.violatedDirective} ${e.blockedURI}`),
  );
}

/** The engine-independent half of the page API: all of it goes through evaluate(). */
class Page {
  constructor(base) {
    this.base = base;
    this.log = newLog();
    this.onClose = () => {};
  }

  /** Absolute URL for a path on the test server. */
  url(path = "/") {
    return new URL(path, this.base).href;
  }

  /** textContent of the first element matching `selector`. */
  text(selector) {
    return this.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
  }

  /** .value of the first form control matching `selector`. */
  value(selector) {
    return this.evaluate((s) => document.querySelector(s)?.value ?? null, selector);
  }

  /** How many elements match `selector`. */
  count(selector) {
    return this.evaluate((s) => document.querySelectorAll(s).length, selector);
  }

  // Engine-specific: goto(path), evaluate(fn, arg), waitFor(fn, arg, {timeout}),
  // click(selector), fill(selector, text), select(selector, value), press(key),
  // setFiles(selector, files), setViewport(width, height),
  // emulateColorScheme(scheme), screenshot(path, {fullPage}), close().
}

function timeoutError(fn, ms, cause) {
  return new Error(`waitFor timed out after ${ms} ms: ${String(fn).slice(0, 200)}`, { cause });
}

/** After a fill: the field must hold exactly the text (no maxlength cut, no newline dropped). */
async function checkFilled(page, selector, text) {
  const value = await page.evaluate((s) => {
    const el = document.querySelector(s);
    return el.isContentEditable ? el.innerText : el.value;
  }, selector);
  if (value !== text) {
    throw new Error(`fill(${selector}): the field holds ${JSON.stringify(value.slice(0, 80))}, not the text pasted`);
  }
}

class ChromiumPage extends Page {
  static async open(browser, base, clipboard) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const pw = await context.newPage();
    const page = new ChromiumPage(base);
    page.clipboard = clipboard;
    page.context = context;
    page.pw = pw;
    const { log } = page;
    pw.on("pageerror", (e) => log.errors.push(e.message));
    pw.on("request", (r) => recordRequest(log, r.url()));
    pw.on("dialog", (d) => {
      log.dialogs.push({ type: d.type(), message: d.message() });
      d.dismiss().catch(() => {});
    });
    await pw.exposeFunction("__cspViolation", (v) => log.violations.push(v));
    await pw.addInitScript(watchCsp);
    return page;
  }

  async goto(path = "/") {
    await this.pw.goto(this.url(path));
  }

  evaluate(fn, arg) {
    return this.pw.evaluate(fn, arg);
  }

  async waitFor(fn, arg, { timeout = WAIT_MS } = {}) {
    try {
      const handle = await this.pw.waitForFunction(fn, arg, { timeout, polling: 50 });
      const value = await handle.jsonValue();
      await handle.dispose();
      return value;
    } catch (e) {
      throw e.name === "TimeoutError" ? timeoutError(fn, timeout, e) : e;
    }
  }

  click(selector) {
    return this.pw.click(selector);
  }

  async fill(selector, text) {
    await this.pw.focus(selector);
    await this.press("Control+a");
    if (text === "") {
      await this.press("Delete");
    } else {
      await this.clipboard.write(text);
      await this.press("Control+v");
    }
    await checkFilled(this, selector, text);
  }

  async select(selector, value) {
    await this.pw.selectOption(selector, value);
  }

  press(key) {
    return this.pw.keyboard.press(key);
  }

  setFiles(selector, files) {
    return this.pw.setInputFiles(selector, files);
  }

  setViewport(width, height) {
    return this.pw.setViewportSize({ width, height });
  }

  emulateColorScheme(scheme) {
    return this.pw.emulateMedia({ colorScheme: scheme });
  }

  emulateMedia(media) {
    return this.pw.emulateMedia({ media });
  }

  async screenshot(path, { fullPage = false } = {}) {
    await this.pw.screenshot({ path, fullPage });
  }

  async heapBytes() {
    this.cdp ??= await this.context.newCDPSession(this.pw);
    await this.cdp.send("HeapProfiler.collectGarbage");
    return (await this.cdp.send("Runtime.getHeapUsage")).usedSize;
  }

  async close() {
    this.onClose();
    await this.context.close().catch(() => {});
  }
}

class FirefoxPage extends Page {
  static async open(browser, base) {
    const context = await browser.createBrowserContext();
    const pp = await context.newPage();
    const page = new FirefoxPage(base);
    page.browser = browser;
    page.context = context;
    page.pp = pp;
    page.colorScheme = undefined;
    page.tempDirs = [];
    const { log } = page;
    // Firefox reports "TypeError: msg" / "uncaught exception: value"; Chromium
    // (and so the log) has the message alone.
    pp.on("pageerror", (e) =>
      log.errors.push(String(e?.message ?? e).replace(/^(?:uncaught exception: |[A-Za-z]*(?:Error|Exception): )/, "")),
    );
    pp.on("request", (r) => recordRequest(log, r.url()));
    pp.on("dialog", (d) => {
      log.dialogs.push({ type: d.type(), message: d.message() });
      d.dismiss().catch(() => {});
    });
    await pp.exposeFunction("__cspViolation", (v) => log.violations.push(v));
    await pp.evaluateOnNewDocument(watchCsp);
    return page;
  }

  async goto(path = "/") {
    await this.pp.goto(this.url(path), { waitUntil: "load" });
    // Firefox forgets the tab's colour-scheme override when a navigation
    // replaces its browsing context (data: URLs); playwright's persists.
    if (this.colorScheme) await this.#applyColorScheme();
  }

  evaluate(fn, arg) {
    return this.pp.evaluate(fn, arg);
  }

  async waitFor(fn, arg, { timeout = WAIT_MS } = {}) {
    try {
      const handle = await this.pp.waitForFunction(fn, { timeout, polling: 50 }, arg);
      const value = await handle.jsonValue();
      await handle.dispose();
      return value;
    } catch (e) {
      throw e.name === "TimeoutError" ? timeoutError(fn, timeout, e) : e;
    }
  }

  /**
   * Like playwright's click, which puppeteer's is not: waits until the element
   * is visible, scrolled into view, has stopped moving (e.g. a smooth scroll the
   * last click started) and is what a click at its centre would hit, then clicks there.
   */
  async click(selector, { timeout = WAIT_MS } = {}) {
    const end = Date.now() + timeout;
    for (;;) {
      const at = await this.pp.evaluate(async (selector) => {
        const el = document.querySelector(selector);
        if (!el) return { why: "no such element" };
        const box = () => {
          const r = el.getBoundingClientRect();
          return [r.x, r.y, r.width, r.height];
        };
        const [x0, y0, w0, h0] = box();
        if (!w0 || !h0 || getComputedStyle(el).visibility !== "visible") return { why: "not visible" };
        if (x0 < 0 || y0 < 0 || x0 + w0 > innerWidth || y0 + h0 > innerHeight) {
          el.scrollIntoView({ block: "nearest", inline: "nearest", behavior: "instant" });
        }
        const frame = () => new Promise((done) => requestAnimationFrame(done));
        const before = String(box());
        await frame();
        await frame();
        const [x, y, w, h] = box();
        if (String([x, y, w, h]) !== before) return { why: "still moving" };
        const cx = x + w / 2;
        const cy = y + h / 2;
        const hit = el.getRootNode().elementFromPoint(cx, cy);
        if (!hit || !(hit === el || el.contains(hit))) return { why: `covered by <${hit?.localName}${hit?.id ? `#${hit.id}` : ""}>` };
        return { x: cx, y: cy };
      }, selector);
      if (at.x !== undefined) return this.pp.mouse.click(at.x, at.y);
      if (Date.now() > end) throw new Error(`click(${selector}) timed out after ${timeout} ms: ${at.why}`);
      await new Promise((done) => setTimeout(done, 50));
    }
  }

  async fill(selector, text) {
    await this.pp.waitForSelector(selector, { visible: true });
    await this.pp.focus(selector);
    await this.press("Control+a");
    if (text === "") {
      await this.press("Delete");
    } else {
      await this.#chrome(
        `(text) => Cc["@mozilla.org/widget/clipboardhelper;1"].getService(Ci.nsIClipboardHelper).copyString(text)`,
        text,
      );
      await this.press("Control+v");
    }
    await checkFilled(this, selector, text);
  }

  async select(selector, value) {
    await this.pp.waitForSelector(selector);
    const chosen = await this.pp.select(selector, value);
    if (!chosen.includes(value)) throw new Error(`select(${selector}): no option with value ${JSON.stringify(value)}`);
  }

  async press(key) {
    // Playwright-style chords ("Control+a"): hold the modifiers, press the key.
    const keys = key.split(/\+(?!$)/);
    const last = keys.pop();
    for (const k of keys) await this.pp.keyboard.down(k);
    await this.pp.keyboard.press(last);
    for (const k of keys.reverse()) await this.pp.keyboard.up(k);
  }

  /**
   * Firefox takes files from disk over BiDi (input.setFiles), so the buffers
   * are written to a temporary folder under their names; Firefox then derives
   * each file's type from its name, and we check it equals the mimeType given.
   */
  async setFiles(selector, files) {
    // Firefox reads a File's bytes from disk when the page reads them, so the
    // folder stays until the page closes.
    const dir = await mkdtemp(join(tmpdir(), "wirediff-files-"));
    this.tempDirs.push(dir);
    const paths = [];
    for (const [i, f] of files.entries()) {
      const sub = join(dir, String(i)); // one folder per file: names may repeat
      await mkdir(sub);
      const path = join(sub, f.name);
      await writeFile(path, f.buffer);
      paths.push(path);
    }
    const input = await this.pp.waitForSelector(selector);
    // The files as the page's first listener sees them (the page may clear the input after).
    await input.evaluate((el) => {
      const seen = () => (el.__wdFiles ??= [...el.files].map((f) => ({ name: f.name, type: f.type })));
      for (const type of ["input", "change"]) window.addEventListener(type, (e) => e.target === el && seen(), { capture: true, once: true });
      el.__wdFiles = undefined;
    });
    await input.uploadFile(...paths);
    const got = await input.evaluate((el) => el.__wdFiles ?? [...el.files].map((f) => ({ name: f.name, type: f.type })));
    const want = files.map((f, i) => ({ name: f.name, type: f.mimeType ?? got[i]?.type }));
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      throw new Error(`setFiles(${selector}): Firefox picked ${JSON.stringify(got)}, the test asked for ${JSON.stringify(want)}`);
    }
    await input.dispose();
  }

  setViewport(width, height) {
    return this.pp.setViewport({ width, height });
  }

  async emulateColorScheme(scheme) {
    if (scheme !== "dark" && scheme !== "light") throw new Error(`emulateColorScheme: "dark" or "light", not ${scheme}`);
    this.colorScheme = scheme;
    await this.#applyColorScheme();
  }

  /**
   * Sets the tab's BrowsingContext.prefersColorSchemeOverride, as Firefox's
   * own devtools do.
   */
  async #applyColorScheme() {
    const set = await this.#chrome(
      `(id, scheme) => {
        const { NavigableManager } = ChromeUtils.importESModule("chrome://remote/content/shared/NavigableManager.sys.mjs");
        const context = NavigableManager.getBrowsingContextById(id).top;
        context.prefersColorSchemeOverride = scheme;
        return context.prefersColorSchemeOverride;
      }`,
      this.pp.mainFrame()._id,
      this.colorScheme,
    );
    if (set !== this.colorScheme) throw new Error(`emulateColorScheme(${this.colorScheme}): Firefox kept ${set}`);
  }

  /** Sets the tab's BrowsingContext.mediumOverride, as Firefox's print simulation does. */
  async emulateMedia(media) {
    if (media !== "print" && media !== "screen") throw new Error(`emulateMedia: "print" or "screen", not ${media}`);
    const set = await this.#chrome(
      `(id, medium) => {
        const { NavigableManager } = ChromeUtils.importESModule("chrome://remote/content/shared/NavigableManager.sys.mjs");
        const context = NavigableManager.getBrowsingContextById(id).top;
        context.mediumOverride = medium;
        return context.mediumOverride;
      }`,
      this.pp.mainFrame()._id,
      media === "screen" ? "" : media,
    );
    if (set !== (media === "screen" ? "" : media)) throw new Error(`emulateMedia(${media}): Firefox kept "${set}"`);
  }

  /**
   * Calls `source` (a function, as text) with string arguments in Firefox's
   * privileged browser window, where Services, Cc and Ci are; reachable because
   * Firefox runs with --remote-allow-system-access. Returns a primitive result.
   */
  async #chrome(source, ...args) {
    const connection = this.browser.connection;
    const tree = await connection.send("browsingContext.getTree", { "moz:scope": "chrome", maxDepth: 0 });
    const { result } = await connection.send("script.callFunction", {
      functionDeclaration: source,
      arguments: args.map((value) => ({ type: "string", value })),
      target: { context: tree.result.contexts[0].context },
      awaitPromise: true,
    });
    if (result.type !== "success") throw new Error(`Firefox browser-window call failed: ${JSON.stringify(result)}`);
    return result.result.value;
  }

  async screenshot(path, { fullPage = false } = {}) {
    await this.pp.screenshot({ path, fullPage });
  }

  heapBytes() {
    return null;
  }

  async close() {
    this.onClose();
    await this.context.close().catch(() => {});
    await Promise.all(this.tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}
