// Launches the browser that the end-to-end tests, the screenshot script and
// the benchmark drive, offline and quiet, and serves the page with its CSP on
// a free loopback port.
import { mkdir } from "node:fs/promises";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

export const ARTIFACTS = new URL("../artifacts/", import.meta.url).pathname;

const QUIET = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Starts the server and the browser; `close()` stops both. */
export async function start() {
  const server = await serve({ port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: QUIET, // playwright gives each launch a fresh, empty profile
  });
  await mkdir(ARTIFACTS, { recursive: true });
  return {
    url: server.url,
    browser,
    /** A new page whose CSP violations, page errors and requests are recorded. */
    async page() {
      const page = await browser.newPage();
      const log = { violations: [], errors: [], requests: [] };
      page.on("pageerror", (e) => log.errors.push(e.message));
      page.on("request", (r) => log.requests.push(r.url()));
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
