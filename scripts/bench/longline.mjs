// Drawing a line with no space, in every browser the tests run in: the
// longest main-thread task while the page's redline of "x" × N (against a
// copy with its last 10 characters changed) is drawn (page.js longLine).
// run.mjs calls it for BENCHMARKS.md; alone it measures just this row:
//
//   node scripts/bench/longline.mjs [--smoke]    (prints the rows as Markdown)
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";
import { browserNames, browserVersion, executable, launchChromium } from "../browser.mjs";
import { serve } from "../serve.mjs";
import { REPO } from "./inputs.mjs";
import { ms, sig, summarise } from "./stats.mjs";

/** The line lengths drawn: the 2 MB and 10 MB (a smoke run: one small line, once). */
export const LINES = [2_000_000, 10_000_000];
const RUNS = 5;

/** A page in a fresh `name` browser (Chromium through playwright, Firefox through puppeteer); `close()` ends the browser. */
export async function open(name) {
  if (name === "chromium") {
    const browser = await launchChromium();
    const page = await browser.newPage();
    page.setDefaultTimeout(0);
    return { page, close: () => browser.close() };
  }
  const browser = await puppeteer.launch({ browser: "firefox", executablePath: executable("firefox"), headless: true });
  const page = await browser.newPage();
  page.setDefaultTimeout(0);
  return { page, close: () => browser.close() };
}

/** `{ browser, lines: [{ chars, runs, longest: summary, total: summary, blocks, longestBlock }] }` per browser. */
export async function measureLongLines(benchUrl, { smoke = false } = {}) {
  const out = [];
  for (const name of browserNames()) {
    const { page, close } = await open(name);
    try {
      await page.goto(benchUrl);
      await page.waitForFunction(() => window.bench);
      const lines = [];
      for (const chars of smoke ? [200_000] : LINES) {
        const runs = [];
        for (let i = 0; i < (smoke ? 1 : RUNS); i++) runs.push(await page.evaluate((n) => window.bench.longLine(n), chars));
        lines.push({
          chars,
          runs: runs.length,
          longest: summarise(runs.map((r) => r.longest)),
          total: summarise(runs.map((r) => r.total)),
          blocks: runs[0].blocks,
          longestBlock: runs[0].longestBlock,
        });
      }
      out.push({ browser: browserVersion(name), lines });
    } finally {
      await close();
    }
  }
  return out;
}

/** The rows for BENCHMARKS.md. */
export function longLineRows(results) {
  const range = (x) => `${ms(x.median)} (${ms(x.min)}–${ms(x.max)})`;
  return results.flatMap(({ browser, lines }) =>
    lines.map((l) => [browser, `${sig(l.chars / 1e6)} MB`, `**${range(l.longest)}**`, range(l.total), `${l.blocks.toLocaleString("en")} of at most ${l.longestBlock.toLocaleString("en")} characters`]),
  );
}

export const LONG_LINE_HEAD = ["browser", "line (\"x\" × N, no space)", "longest main-thread task: median (min–max)", "drawn, first slice → two frames after the last", "blocks"];

export const LONG_LINE_METHOD =
  "The line is compared first (not timed), then drawn as the page draws it: the redline's chunks (`redlineChunks`) appended a time slice at a time (`appendProgressively`) " +
  "on a page with the page's stylesheet, while a 0 ms timer notes the longest gap between its ticks, until two frames after the last slice: " +
  "that gap is the longest task the main thread ran (script, style, layout, paint); its resolution is the timer's (about 4 ms). The blocks: how many, and the longest one's text (its hidden labels left out).";

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await serve({ root: REPO, port: 0 });
  try {
    const results = await measureLongLines(`${server.url}scripts/bench/page.html`, { smoke: process.argv.includes("--smoke") });
    console.log(JSON.stringify(results, null, 2));
    console.log(`\n| ${LONG_LINE_HEAD.join(" | ")} |\n| ${LONG_LINE_HEAD.map(() => "---").join(" | ")} |`);
    for (const row of longLineRows(results)) console.log(`| ${row.join(" | ")} |`);
  } finally {
    await server.close();
  }
}
