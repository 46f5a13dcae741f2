// How long a reader waits for the answer: from navigation to the first painted
// comparison of the sample pair (AP vs Kompas), on a fresh page with an empty
// cache each time (its own browser context), in every browser the tests run
// in. The page marks `wd:first-diff` (page/comparison.js) once the first
// comparison is drawn and the frame holding it has been painted; the
// `wd:engine-ready` mark (app.js) splits the wait into loading and comparing.
// run.mjs calls it for BENCHMARKS.md; alone it prints its rows:
//
//   node scripts/bench/coldload.mjs [--runs N]
import os from "node:os";
import puppeteer from "puppeteer-core";
import { browserNames, browserVersion, executable, launchChromium } from "../browser.mjs";
import { serve } from "../serve.mjs";
import { ms, summarise } from "./stats.mjs";

/** Fresh pages per browser: the figure is their median. */
export const RUNS = 11;
/** Issue 15's target, navigation to first painted diff in headless Chromium. */
export const TARGET_MS = 300;

/** A fresh context (empty cache and storage) per page, in either engine. */
async function launch(name) {
  if (name === "chromium") {
    const browser = await launchChromium();
    return {
      page: async () => {
        const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
        const page = await context.newPage();
        return { page, close: () => context.close(), wait: (fn) => page.waitForFunction(fn, undefined, { timeout: 60_000, polling: "raf" }) };
      },
      close: () => browser.close(),
    };
  }
  const browser = await puppeteer.launch({ browser: "firefox", executablePath: executable("firefox"), headless: true, defaultViewport: { width: 1366, height: 900 } });
  return {
    page: async () => {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      return { page, close: () => context.close(), wait: (fn) => page.waitForFunction(fn, { timeout: 60_000, polling: "raf" }) };
    },
    close: () => browser.close(),
  };
}

/** `[{ browser, load, runs, painted: summary, ready: summary }]`, times from navigation start. */
export async function measureColdLoad(url, { runs = RUNS } = {}) {
  const out = [];
  for (const name of browserNames()) {
    const before = os.loadavg()[0].toFixed(1);
    const browser = await launch(name);
    const painted = [];
    const ready = [];
    try {
      for (let i = 0; i < runs; i++) {
        const { page, close, wait } = await browser.page();
        try {
          await page.goto(url);
          await wait(() => performance.getEntriesByName("wd:first-diff").length > 0);
          const marks = await page.evaluate(() => ({
            painted: performance.getEntriesByName("wd:first-diff")[0].startTime,
            ready: performance.getEntriesByName("wd:engine-ready")[0]?.startTime ?? NaN,
          }));
          painted.push(marks.painted);
          ready.push(marks.ready);
        } finally {
          await close();
        }
      }
    } finally {
      await browser.close();
    }
    out.push({ browser: browserVersion(name), load: `${before} → ${os.loadavg()[0].toFixed(1)}`, runs, painted: summarise(painted), ready: summarise(ready) });
  }
  return out;
}

export const COLD_HEAD = ["browser (the machine's 1-minute load average before → after)", "navigation → first painted diff: median (min–max)", "of which: navigation → engine and samples ready", "fresh pages"];

/** The rows for BENCHMARKS.md. */
export function coldRows(results) {
  const range = (x) => `${ms(x.median)} (${ms(x.min)}–${ms(x.max)})`;
  return results.map((r) => [`${r.browser} (load ${r.load})`, `**${range(r.painted)}**`, range(r.ready), String(r.runs)]);
}

export const COLD_METHOD =
  "The page itself (`www/`, as `npm start` serves it from loopback) at 1366×900, each run in a fresh browser context (empty cache and storage), so every file is fetched and the wasm compiled again: " +
  "the time from navigation start to the `wd:first-diff` mark, which the page sets in the first task after the frame that paints its first comparison of the sample pair; " +
  `issue 15's target is ${TARGET_MS} ms in headless Chromium.`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const flag = process.argv.indexOf("--runs");
  const server = await serve({ port: 0 });
  try {
    const results = await measureColdLoad(server.url, { runs: flag > 0 ? Number(process.argv[flag + 1]) : RUNS });
    console.log(`| ${COLD_HEAD.join(" | ")} |`);
    console.log(`| ${COLD_HEAD.map(() => "---").join(" | ")} |`);
    for (const row of coldRows(results)) console.log(`| ${row.join(" | ")} |`);
  } finally {
    await server.close();
  }
}
