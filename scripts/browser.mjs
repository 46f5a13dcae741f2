// Launches the browsers that the end-to-end tests, the screenshot script and
// the benchmark drive, offline and quiet, and serves the page with its CSP on
// a free loopback port. Which browsers, and where they are, comes from
// wasm-pack.toml [test] (the same file scripts/setup and scripts/test read).
//
// `start()` is the Chromium-only playwright entry point (screenshot,
// benchmark). Tests that must run in every engine use tests/e2e/harness/driver.mjs.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

export const ARTIFACTS = new URL("../artifacts/", import.meta.url).pathname;

const TOML = new URL("../wasm-pack.toml", import.meta.url);

/**
 * A string value of wasm-pack.toml: the same flat `key = "value"` lines that
 * `toml_get` in scripts/lib.sh reads. Throws when the key is missing.
 */
export function tomlGet(section, key) {
  let current = "";
  for (const line of readFileSync(TOML, "utf8").split("\n")) {
    if (line.startsWith("[")) current = line.trim();
    const m = line.match(/^([A-Za-z0-9_-]+)\s*=\s*"([^"]*)"/);
    if (current === `[${section}]` && m && m[1] === key) return m[2];
  }
  throw new Error(`wasm-pack.toml has no [${section}] ${key}`);
}

/**
 * The engines the end-to-end tests run in, in order: `BROWSERS` (space- or
 * comma-separated) or else wasm-pack.toml [test] browsers, whose names are
 * wasm-pack's (`chrome` is Debian's Chromium).
 */
export function browserNames() {
  const list = (process.env.BROWSERS ?? tomlGet("test", "browsers")).split(/[\s,]+/).filter(Boolean);
  const names = list.map((b) => ({ chrome: "chromium" })[b] ?? b);
  for (const name of names) {
    if (!(name in EXECUTABLE)) throw new Error(`unknown browser "${name}" (known: ${Object.keys(EXECUTABLE).join(", ")})`);
  }
  return [...new Set(names)];
}

/** Where each engine's executable is: env override, else wasm-pack.toml [test]. */
const EXECUTABLE = {
  chromium: () => process.env.CHROMIUM ?? tomlGet("test", "chromium"),
  firefox: () => process.env.FIREFOX ?? tomlGet("test", "firefox"),
};
export const executable = (name) => EXECUTABLE[name]();

/** "Chromium 156.0.8078.79" / "Firefox 153.7.0esr", from the executable itself. */
export function browserVersion(name) {
  const out = execFileSync(executable(name), ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  const m = out.match(/(\d+\.\d+[\w.]*)/);
  return `${name === "chromium" ? "Chromium" : "Firefox"} ${m ? m[1] : out.trim()}`;
}

/** Chromium flags that keep it quiet offline. */
export const QUIET = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Debian's Chromium through playwright-core; playwright gives each launch a fresh, empty profile. */
export function launchChromium() {
  return chromium.launch({ executablePath: executable("chromium"), headless: true, args: QUIET });
}

/** Starts the server and Chromium; `close()` stops both. */
export async function start() {
  const server = await serve({ port: 0 });
  const browser = await launchChromium();
  await mkdir(ARTIFACTS, { recursive: true });
  return {
    url: server.url,
    browser,
    /** A new page whose CSP violations, page errors, dialogs and requests are recorded. */
    async page() {
      const page = await browser.newPage();
      const log = { violations: [], errors: [], requests: [], dialogs: [] };
      page.on("pageerror", (e) => log.errors.push(e.message));
      page.on("request", (r) => log.requests.push(r.url()));
      page.on("dialog", (d) => {
        log.dialogs.push({ type: d.type(), message: d.message() });
        d.dismiss().catch(() => {});
      });
      await page.exposeFunction("__cspViolation", (v) => log.violations.push(v));
      await page.addInitScript(() =>
        document.addEventListener("securitypolicyviolation", (e) =>
          window.__cspViolation(`${e.violatedDirective} ${e.blockedURI}`),
        ),
      );
      return { page, log };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
