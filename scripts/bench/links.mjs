// How long hostile share links hold the page's main thread, in every browser
// the end-to-end tests use: links whose texts inflate to 24 MB (a 31 KB
// link, opened under a 5 MB text limit, so it is refused at the 10 MB
// inflating cap), 400 MB (518 KB) and 1.5 GB (1.94 MB), both refused unread.
// Each is opened in an open page (a hashchange) while a 10 ms timer runs; the
// figure is the timer's longest wait, from the link set to its message shown,
// which is at least the page's longest task in that time. Writes
// artifacts/bench/links.json and the "Hostile share links" section of
// BENCHMARKS.md (between its links markers; run.mjs keeps that section).
//
//   node scripts/bench/links.mjs [--runs N]     (BROWSERS as for the tests)
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { Browser } from "../../tests/e2e/driver.mjs";
import { inflatingFragment, timerReport, waitCompared, watchTimer } from "../../tests/e2e/page-helpers.mjs";
import { browserNames } from "../browser.mjs";
import { REPO } from "./inputs.mjs";
import { LINKS_END as END, LINKS_START as START, withSection } from "./report.mjs";
import { ms, summarise } from "./stats.mjs";


const LINKS = [
  { name: "share link inflating to 24 MB (31 KB; 5 MB text limit, refused at the 10 MB cap)", chars: 12_000_000, limitMb: 5 },
  { name: "share link inflating to 400 MB (518 KB, refused unread)", chars: 200_000_000 },
  { name: "share link inflating to 1.5 GB (1.94 MB, refused unread)", chars: 750_000_000 },
];

async function measure(browser, link, runs) {
  const fragment = await inflatingFragment(link.chars);
  const page = await browser.page();
  try {
    await page.goto("/");
    await waitCompared(page);
    if (link.limitMb) {
      await page.evaluate((mb) => {
        const input = document.getElementById("max-mb");
        input.value = String(mb);
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }, link.limitMb);
      await waitCompared(page);
    }
    const waits = [];
    let message = "";
    for (let i = 0; i < runs; i++) {
      await page.evaluate(() => {
        document.getElementById("notice").hidden = true;
        history.replaceState(null, "", "#");
      });
      await watchTimer(page);
      await page.evaluate((f) => {
        location.hash = f;
      }, fragment);
      message = await page.waitFor(() => !document.getElementById("notice").hidden && document.getElementById("notice").textContent, undefined, { timeout: 120_000 });
      await new Promise((resolve) => setTimeout(resolve, 100)); // the tasks right after the message too
      waits.push((await timerReport(page)).max);
    }
    return { link: link.name, fragmentChars: fragment.length, message, longestWait: summarise(waits) };
  } finally {
    await page.close();
  }
}

export function section(results) {
  const rows = results.flatMap((r) => r.links.map((l) => `| ${l.link}: longest main-thread task | ${r.browser} | ${ms(l.longestWait.median)} (${ms(l.longestWait.min)}–${ms(l.longestWait.max)}) |`));
  return [
    START,
    "## Hostile share links",
    "",
    `Measured ${results[0]?.date.slice(0, 10)} by \`node scripts/bench/links.mjs\`, ${results[0]?.runs} runs per link and browser, on the shared 2-core machine. ` +
      "Each link is opened in an open page while a 10 ms timer runs; the figure, median (min–max), is the timer's longest wait from the link to its message, which bounds the page's longest task. " +
      "Before the links were bounded (issue 12), the 24 MB link held Chromium's main thread 7.1 s, the 400 MB one 1.8 s and the 1.5 GB one 15.7 s.",
    "",
    "| link | browser | longest main-thread task |",
    "| --- | --- | --- |",
    ...rows,
    END,
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const flag = process.argv.indexOf("--runs");
  const runs = flag > 0 ? Number(process.argv[flag + 1]) : 5;
  const results = [];
  for (const name of browserNames()) {
    const browser = new Browser(name);
    await browser.launch();
    try {
      const links = [];
      for (const link of LINKS) {
        const r = await measure(browser, link, runs);
        console.log(`${browser.label}: ${r.link}: ${ms(r.longestWait.median)} (${ms(r.longestWait.min)}–${ms(r.longestWait.max)}); “${r.message.slice(0, 60)}…”`);
        links.push(r);
      }
      results.push({ browser: browser.label, date: new Date().toISOString(), runs, links });
    } finally {
      await browser.close();
    }
  }
  await mkdir(join(REPO, "artifacts/bench"), { recursive: true });
  await writeFile(join(REPO, "artifacts/bench/links.json"), JSON.stringify(results, null, 2));
  const file = join(REPO, "BENCHMARKS.md");
  await writeFile(file, withSection(await readFile(file, "utf8"), section(results)));
  console.log(`wrote ${file}`);
}
