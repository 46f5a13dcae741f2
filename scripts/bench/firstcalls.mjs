// The first comparisons on a fresh page: an editor compares a few times, not
// thousands, so the first calls are what they meet, before V8 has optimised
// anything. Per pair and contestant, a fresh page (its own browser context)
// and the first CALLS calls: wirediff as the page meets an editor (first.js:
// the page's engine.js, the sample pair compared as the page opens, the
// page's idle-time warm-up (www/warm.js) started after that paint, then the
// pair WAIT_MS later, where the page would run it: its thread or its
// worker); each peer cold, in a worker of its own. run.mjs calls it for
// BENCHMARKS.md; alone it prints its rows:
//
//   node scripts/bench/firstcalls.mjs [--only real,rewrite-10k] [--no-warm]
//
// --no-warm  the page as it was before its warm-up (for a before/after figure)
import os from "node:os";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { launchChromium } from "../browser.mjs";
import { serve } from "../serve.mjs";
import { INPUTS, REPO, write as writeInputs } from "./inputs.mjs";
import { ms, sig, summarise } from "./stats.mjs";

/** The editor's first comparisons. */
export const CALLS = 10;
/** From the first painted comparison to the editor's first comparison of their own. */
export const WAIT_MS = 2000;
/** A peer's call past this is stopped, and the peer not run again on the pair. */
const LIMIT_MS = 5000;
export const PEERS = { jsdiff: "jsdiff `diffWords`", dmpChars: "dmp chars + semantic", dmpWords: "dmp words", fastDiff: "fast-diff chars", diffSequences: "diff-sequences words" };
/** Issue 15's target: the first calls this many times faster than the fastest peer's. */
export const TARGET_X = 3;

/** `[{ pair, label, wirediff: { first, ten, worker, warm }, peers: { name: { first, ten, limit } } }]`, times in ms. */
export async function measureFirstCalls(manifest, { calls = CALLS, warm = true, log = () => {} } = {}) {
  const server = await serve({ root: REPO, port: 0 });
  const browser = await launchChromium();
  const url = `${server.url}scripts/bench/first.html`;
  const fresh = async (run) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(0);
      await page.goto(url);
      await page.waitForFunction(() => window.first);
      return await run(page);
    } finally {
      await context.close();
    }
  };
  const summary = (r) => ({ first: r.times[0], ten: summarise(r.times), limit: !!r.limit });
  const out = [];
  try {
    for (const pair of manifest) {
      const row = { pair: pair.name, label: pair.label, load: os.loadavg()[0].toFixed(1), peers: {} };
      const wd = await fresh((page) => page.evaluate(([p, o]) => window.first.wirediff(p, o), [pair, { calls, waitMs: WAIT_MS, warm }]));
      row.wirediff = { ...summary(wd), worker: wd.worker, warm: wd.warm };
      log(`  ${pair.name.padEnd(15)} wirediff ${ms(row.wirediff.first)} then median ${ms(row.wirediff.ten.median)}${wd.worker ? " (worker)" : ""}; warm-up ${wd.warm ? `${wd.warm.calls} calls, ${ms(wd.warm.ms)}, done ${ms(wd.warm.after)} after the first paint` : warm ? `not done ${ms(WAIT_MS)} after the first paint` : "none (--no-warm)"}`);
      for (const name of Object.keys(PEERS)) {
        const r = await fresh((page) => page.evaluate(([n, p, o]) => window.first.peer(n, p, o), [name, pair, { calls, limitMs: LIMIT_MS }]));
        row.peers[name] = summary(r);
        log(`  ${"".padEnd(15)} ${name.padEnd(13)} ${r.times.length ? `${ms(r.times[0])} then median ${ms(row.peers[name].ten.median)}` : ""}${r.limit ? ` > ${ms(LIMIT_MS)}` : ""}`);
      }
      row.load += ` → ${os.loadavg()[0].toFixed(1)}`;
      out.push(row);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

/** The peer whose first calls are fastest (median of its first calls; one stopped at the limit never is). */
export function fastestPeer(row) {
  let best = null;
  for (const [name, p] of Object.entries(row.peers)) {
    if (p.limit || !p.ten.n) continue;
    if (!best || p.ten.median < best.ten.median) best = { name, ...p };
  }
  return best;
}

export const FIRST_HEAD = [
  "pair (load before → after)",
  "wirediff: first call; median of the first 10",
  ...Object.values(PEERS).map((label) => `${label}: first; median of 10`),
  "wirediff : fastest peer (medians of 10)",
];

/** The rows for BENCHMARKS.md. */
export function firstRows(results) {
  const cell = (c) => (c.ten.n ? `${ms(c.first)}; ${ms(c.ten.median)}` : "") + (c.limit ? `${c.ten.n ? " then " : ""}> ${ms(LIMIT_MS)}` : "");
  return results.map((r) => {
    const best = fastestPeer(r);
    const x = best && best.ten.median / r.wirediff.ten.median;
    return [
      `${r.label} (${r.load})`,
      `**${cell(r.wirediff)}**${r.wirediff.worker ? " (worker)" : ""}`,
      ...Object.keys(PEERS).map((name) => cell(r.peers[name])),
      x ? `${x >= TARGET_X ? "" : "**below target:** "}${sig(x)}× (${PEERS[best.name]})` : "–",
    ];
  });
}

/** When the page's warm-up ended on each pair's page, for the report. */
export function warmNote(results) {
  const done = results.map((r) => r.wirediff.warm).filter(Boolean);
  if (!done.length) return `The warm-up had not ended ${ms(WAIT_MS)} after the first paint on any page.`;
  const s = (key) => summarise(done.map((w) => w[key]));
  return `The page's warm-up (\`www/warm.js\`) ended on ${done.length} of ${results.length} pages within ${ms(WAIT_MS)} of the first paint: median ${Math.round(s("calls").median)} calls, ${ms(s("ms").median)} in calls, ended ${ms(s("after").median)} after the first paint.`;
}

export const FIRST_METHOD =
  `Per pair and contestant a fresh page in headless Chromium (its own browser context: nothing compiled or optimised before), and the first ${CALLS} calls on the pair, one after another. ` +
  "wirediff as an editor meets it: `scripts/bench/first.js` does what the page does as it opens (the page's `engine.js` loads the wasm, compares the sample pair, AP vs Kompas, and the page's `warm.js` warms the engine in idle time after that paint), " +
  `then ${ms(WAIT_MS)} after that paint compares the pair through \`engine.compare\`, on the page's thread or, for inputs over its threshold, in the engine's worker as the page does (the time includes handing the result back). ` +
  "Each peer cold: the benchmark's worker (`scripts/bench/worker.js`) in a fresh page, the call timed inside it. " +
  `The ratio is the fastest peer's median of its first ${CALLS} calls over wirediff's; issue 15's target is ${TARGET_X}× at every size. The real pair is the page's own sample pair, which its warm-up compares.`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const flag = process.argv.indexOf("--only");
  const only = flag > 0 ? process.argv[flag + 1].split(",") : [];
  let manifest = await readFile(join(INPUTS, "manifest.json"), "utf8").then(JSON.parse, () => writeInputs(INPUTS));
  if (only.length) manifest = manifest.filter((p) => only.includes(p.name));
  const results = await measureFirstCalls(manifest, { warm: !process.argv.includes("--no-warm"), log: console.log });
  console.log(`| ${FIRST_HEAD.join(" | ")} |`);
  console.log(`| ${FIRST_HEAD.map(() => "---").join(" | ")} |`);
  for (const row of firstRows(results)) console.log(`| ${row.join(" | ")} |`);
  console.log(warmNote(results));
}
