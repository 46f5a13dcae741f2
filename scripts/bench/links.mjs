// How long hostile share links hold the page's main thread, in every browser
// the end-to-end tests use: links whose texts inflate to 24 MB (a 31 KB
// link, opened under a 5 MB text limit, so it is refused at the 10 MB
// inflating cap), 400 MB (518 KB) and 1.5 GB (1.94 MB), both refused unread.
// Each is opened in an open page (a hashchange) while a 10 ms timer runs; the
// figures are the timer's longest waits (at least the longest task): from the
// hashchange on (the page's own handling), and from the fragment set on (the
// browser's own work on a long URL included). Writes
// artifacts/bench/links.json and the "Hostile share links" section of
// BENCHMARKS.md (between its links markers; run.mjs keeps that section).
//
//   node scripts/bench/links.mjs [--runs N]     (BROWSERS as for the tests)
import { readFile, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import { join, resolve } from "node:path";
import { Browser } from "../../tests/e2e/harness/driver.mjs";
import { HOSTS } from "../../tests/e2e/harness/hosts/servers.mjs";
import { inflatingFragment, waitCompared } from "../../tests/e2e/harness/page-helpers.mjs";
import { browserNames } from "../browser.mjs";
import { serve } from "../serve.mjs";
import { REPO } from "./inputs.mjs";
import { LINKS_END as END, LINKS_START as START, withSection } from "./sections.mjs";
import { ms, summarise } from "./stats.mjs";


const LINKS = [
  { name: "share link inflating to 24 MB (31 KB; 5 MB text limit, refused at the 10 MB cap)", chars: 12_000_000, limitMb: 5 },
  { name: "share link inflating to 400 MB (518 KB, refused unread)", chars: 200_000_000 },
  { name: "share link inflating to 1.5 GB (1.94 MB, refused unread)", chars: 750_000_000 },
];

/**
 * Starts a 10 ms timer in the page. `whole`: its longest wait; `page`: its
 * longest wait counted from the hashchange on, i.e. the page's own handling
 * of the link, without what the browser spends taking the URL first.
 */
function startBeat() {
  window.__beat = { hashAt: null, whole: 0, page: 0 };
  addEventListener("hashchange", () => (window.__beat.hashAt ??= performance.now()));
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    const beat = window.__beat;
    beat.whole = Math.max(beat.whole, now - last);
    if (beat.hashAt !== null) beat.page = Math.max(beat.page, now - Math.max(last, beat.hashAt));
    last = now;
    window.__beatTimer = setTimeout(tick, 10);
  };
  window.__beatTimer = setTimeout(tick, 10);
}

function stopBeat() {
  clearTimeout(window.__beatTimer);
  return window.__beat;
}

/**
 * The timer's waits for `link`, opened `runs` times in the page; or, with
 * `empty` (the URL of a page with no script of ours), in that page, which
 * shows what the browser itself spends on the URL.
 */
async function measure(browser, link, runs, empty = null) {
  const fragment = await inflatingFragment(link.chars);
  const page = await browser.page();
  try {
    await page.goto(empty ?? "/");
    if (!empty) await waitCompared(page);
    if (link.limitMb && !empty) {
      await page.evaluate((mb) => {
        const input = document.getElementById("max-mb");
        input.value = String(mb);
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }, link.limitMb);
      await waitCompared(page);
    }
    const page_ = [];
    const whole = [];
    let message = "";
    for (let i = 0; i < runs; i++) {
      await page.evaluate(() => {
        if (document.getElementById("notice")) document.getElementById("notice").hidden = true;
        history.replaceState(null, "", "#");
      });
      await page.evaluate(startBeat);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const refused = await page.evaluate((f) => {
        try {
          location.hash = f;
          return null;
        } catch (error) {
          return String(error?.name ?? error);
        }
      }, fragment);
      message = refused
        ? `the browser refused the URL (${refused})`
        : empty
          ? await new Promise((resolve) => setTimeout(() => resolve("(an empty page)"), 1000))
          : await page.waitFor(() => !document.getElementById("notice").hidden && document.getElementById("notice").textContent, undefined, { timeout: 120_000 });
      await new Promise((resolve) => setTimeout(resolve, 200)); // the tasks right after the message too
      const beat = await page.evaluate(stopBeat);
      page_.push(beat.page);
      whole.push(beat.whole);
    }
    return { link: link.name, fragmentChars: fragment.length, message, page: summarise(page_), whole: summarise(whole) };
  } finally {
    await page.close();
  }
}

export function section(results) {
  const range = (x) => `${ms(x.median)} (${ms(x.min)}–${ms(x.max)})`;
  const loads = results.map((r) => `${r.browser.split(" ")[0]} ${r.load}`).join("; ");
  const rows = results.flatMap((r) =>
    r.links.map((l) =>
      l.message.startsWith("the browser refused")
        ? `| ${l.link}: longest main-thread task | ${r.browser} | – (${l.message}: the page never sees it) | – | ${range(l.whole)} |`
        : `| ${l.link}: longest main-thread task | ${r.browser} | ${range(l.page)} | ${range(l.empty.page)} | ${range(l.whole)} |`,
    ),
  );
  return [
    START,
    "## Hostile share links",
    "",
    `Measured ${results[0]?.date.slice(0, 10)} by \`node scripts/bench/links.mjs\`, ${results[0]?.runs} runs per link and browser, on the shared 2-core machine (load average, 1/5/15 min, before → after: ${loads}). ` +
      "Each link is opened in an open page (its fragment set, a hashchange) while a 10 ms timer runs; the figures, median (min–max), are the timer's longest wait, which bounds the longest task: " +
      "from the hashchange to the message and 200 ms after it (the page's own handling); the same on a page with no script of ours (`tests/e2e/harness/hosts/empty.html`), which is the browser's own work on the URL after the hashchange, which the page cannot avoid; and from the fragment set on (the browser taking the URL included: Chromium spends a tenth to half a second of its page's thread on a 1.94 MB URL before the hashchange, also with no driver attached). Where the page's figure is within the empty page's, the time is the browser's, not the page's. " +
      "Before the links were bounded (issue 12), the 24 MB link held Chromium's main thread 7.1 s, the 400 MB one 1.8 s and the 1.5 GB one 15.7 s.",
    "",
    "| link | browser | the page's handling | the same on an empty page | with the browser taking the URL |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    END,
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const flag = process.argv.indexOf("--runs");
  const runs = flag > 0 ? Number(process.argv[flag + 1]) : 5;
  const results = [];
  const load = () => os.loadavg().map((x) => x.toFixed(1)).join(" ");
  let loadBefore;
  const emptyHost = await serve({ port: 0, root: resolve(HOSTS) });
  for (const name of browserNames()) {
    const browser = new Browser(name);
    loadBefore = load();
    await browser.launch();
    try {
      const links = [];
      for (const link of LINKS) {
        const r = await measure(browser, link, runs);
        r.empty = await measure(browser, link, runs, `${emptyHost.url}empty.html`);
        console.log(`${browser.label}: ${r.link}: page ${ms(r.page.median)} (max ${ms(r.page.max)}), empty page ${ms(r.empty.page.median)} (max ${ms(r.empty.page.max)}), whole ${ms(r.whole.median)} (max ${ms(r.whole.max)}); “${r.message.slice(0, 60)}…”`);
        links.push(r);
      }
      results.push({ browser: browser.label, date: new Date().toISOString(), runs, load: `${loadBefore} → ${load()}`, links });
    } finally {
      await browser.close();
    }
  }
  await emptyHost.close();
  await mkdir(join(REPO, "artifacts/bench"), { recursive: true });
  await writeFile(join(REPO, "artifacts/bench/links.json"), JSON.stringify(results, null, 2));
  const file = join(REPO, "BENCHMARKS.md");
  await writeFile(file, withSection(await readFile(file, "utf8"), section(results)));
  console.log(`wrote ${file}`);
}
