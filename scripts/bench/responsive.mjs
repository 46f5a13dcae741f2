// How long the page's main thread can be kept from answering while it
// compares and draws large input, in every browser the tests run in: the page
// itself (www/, as served), given a 2 MB pair as two dropped files and a 5 MB
// line as two pastes, while a 0 ms timer notes the longest gap between its
// ticks until the comparison is drawn. The end-to-end tests assert that this
// work runs in the worker and that the page handles input meanwhile; how long
// the longest gap is depends on the machine's load, so it is a figure here.
// run.mjs calls it for BENCHMARKS.md; alone it measures just these rows:
//
//   node scripts/bench/responsive.mjs [--smoke]    (prints the rows as Markdown)
import os from "node:os";
import { pathToFileURL } from "node:url";
import { browserNames, browserVersion } from "../browser.mjs";
import { serve } from "../serve.mjs";
import { open } from "./longline.mjs";
import { ms, sig, summarise } from "./stats.mjs";

/** The inputs: what the page is given, and how big (a smoke run: smaller, once). */
export const INPUTS = [
  { kind: "pair", label: "a 2 MB pair, dropped as two files", bytes: 2_100_000, smokeBytes: 200_000 },
  { kind: "line", label: "a 5 MB line against a copy with every 50th word edited, pasted", bytes: 5_000_000, smokeBytes: 500_000 },
];
const RUNS = 3;

/**
 * In the page: builds the input (not measured), hands it to the page as a
 * user would, and notes the longest gap between ticks of a 0 ms timer until
 * the page has drawn the comparison. Returns `{ longest, during, total }`,
 * `during` what the page was doing as the longest gap ended.
 */
async function inPage({ kind, bytes }) {
  const $ = (id) => document.getElementById(id);
  const utf8 = new TextEncoder();
  let act;
  let expected;
  if (kind === "pair") {
    const read = async (file) => (await fetch(`/samples/${file}`)).text();
    const [ap, kompas] = await Promise.all([read("001_7874be6ffbaae5d6.txt"), read("000_a7be8358ffd46965.txt")]);
    const left = [];
    const right = [];
    for (let k = 0, l = 0, r = 0; Math.min(l, r) < bytes; k++) {
      left.push(`Part ${k}.\n\n${ap}\n\n`);
      right.push(`Part ${k}.\n\n${k % 3 ? ap.replace(/Lukashenko/g, `Lukashenka-${k}`) : kompas}\n\n`);
      l += utf8.encode(left[k]).length;
      r += utf8.encode(right[k]).length;
    }
    const files = { left: new File([left.join("")], "left-big.txt", { type: "text/plain" }), right: new File([right.join("")], "right-big.txt", { type: "text/plain" }) };
    await Promise.all([files.left.text(), files.right.text()]);
    expected = "right-big";
    act = () => {
      for (const side of ["left", "right"]) {
        const data = new DataTransfer();
        data.items.add(files[side]);
        const pane = document.querySelector(`.wd-pane[data-side="${side}"]`);
        pane.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
        pane.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    };
  } else {
    const words = "workers jeered the president at the tractor plant as strikes spread across the country on monday".split(" ");
    const line = (side) => {
      const out = [];
      for (let i = 0, n = 0; n < bytes; i++) {
        const word = side === "right" && i % 50 === 7 ? "cheered" : words[(i * 7) % words.length];
        out.push(word);
        n += word.length + 1;
      }
      return out.join(" ");
    };
    // Chromium takes a constructed paste's data from `clipboardData`, Firefox from `dataType` and `data`.
    const paste = (text) => {
      const clipboardData = new DataTransfer();
      clipboardData.setData("text/plain", text);
      return new ClipboardEvent("paste", { clipboardData, dataType: "text/plain", data: text, bubbles: true, cancelable: true });
    };
    const events = { "source-text": paste(line("left")), "compare-text": paste(line("right")) };
    // both pastes go in before the page's pause after an edit ends: the next comparison is of both
    expected = null;
    act = () => {
      for (const [id, event] of Object.entries(events)) {
        $(id).focus();
        $(id).select();
        $(id).dispatchEvent(event);
      }
    };
  }
  await new Promise((ok) => setTimeout(ok, 200));

  const state = () =>
    $("redline").hasAttribute("data-rendering")
      ? "drawing the comparison"
      : !$("busy").hidden
        ? "waiting for the worker"
        : document.body.hasAttribute("data-pending")
          ? "reading the input"
          : `${document.body.dataset.state}`;
  let armed = false; // the page has started comparing the new input
  let acted = false;
  const watch = new MutationObserver(() => {
    if (acted && document.body.dataset.state === "comparing" && (expected === null || $("compare-label").value === expected)) armed = true;
  });
  watch.observe(document.body, { attributes: true, attributeFilter: ["data-state"] });
  const drawn = () =>
    armed && document.body.dataset.state === "compared" && !document.body.hasAttribute("data-pending") && !$("redline").hasAttribute("data-rendering");
  return new Promise((resolve) => {
    let longest = 0;
    let during = "";
    const t0 = performance.now();
    let last = t0;
    const tick = () => {
      const now = performance.now();
      if (now - last > longest) [longest, during] = [now - last, state()];
      last = now;
      if (!drawn()) return void setTimeout(tick, 0);
      watch.disconnect();
      resolve({ longest, during, total: now - t0 });
    };
    setTimeout(tick, 0);
    act();
    acted = true;
  });
}

/** `{ browser, load, inputs: [{ kind, label, bytes, runs, longest: summary, total: summary, during }] }` per browser (`load`: the 1-minute load average before → after). */
export async function measureResponsiveness(url, { smoke = false } = {}) {
  const out = [];
  const load = () => os.loadavg()[0].toFixed(1);
  for (const name of browserNames()) {
    const before = load();
    const { page, close } = await open(name);
    try {
      const inputs = [];
      for (const input of INPUTS) {
        const bytes = smoke ? input.smokeBytes : input.bytes;
        const runs = [];
        for (let i = 0; i < (smoke ? 1 : RUNS); i++) {
          // a fresh page each run, once it has compared its sample pair
          await page.goto(url);
          await page.waitForFunction(() => document.body.dataset.state === "compared" && !document.getElementById("redline").hasAttribute("data-rendering"));
          runs.push(await page.evaluate(inPage, { kind: input.kind, bytes }));
        }
        const worst = runs.reduce((a, b) => (b.longest > a.longest ? b : a));
        inputs.push({ kind: input.kind, label: input.label, bytes, runs: runs.length, longest: summarise(runs.map((r) => r.longest)), total: summarise(runs.map((r) => r.total)), during: worst.during });
      }
      out.push({ browser: browserVersion(name), load: `${before} → ${load()}`, inputs });
    } finally {
      await close();
    }
  }
  return out;
}

/** The rows for BENCHMARKS.md. */
export function responsiveRows(results) {
  const range = (x) => `${ms(x.median)} (${ms(x.min)}–${ms(x.max)})`;
  return results.flatMap(({ browser, load, inputs }) =>
    inputs.map((x) => [`${browser} (load ${load})`, `${x.label.replace(/\d+ MB/, `${sig(x.bytes / 1e6)} MB`)}`, `**${range(x.longest)}**`, x.during, range(x.total)]),
  );
}

export const RESPONSIVE_HEAD = ["browser (the machine's 1-minute load average before → after)", "input", "worst main-thread gap: median (min–max)", "the page, as the worst gap ended", "given → drawn"];

export const RESPONSIVE_METHOD =
  "The page itself (`www/`, as `npm start` serves it), fresh for each run, once it has compared its sample pair: the input is built in the page first (not timed), then given to it as a user would " +
  "(two files dropped on the panes; two pastes into the boxes), while a 0 ms timer notes the longest gap between its ticks until the page has drawn the comparison " +
  "(`body[data-state=compared]`, no `data-rendering`): the longest the main thread was kept from answering (reading the files, handing the texts to the worker, drawing each slice, style and layout); " +
  "its resolution is the timer's (about 4 ms). The comparison itself runs in the page's worker. The end-to-end tests assert that it does, and that the page handles a click and a keypress while it runs; " +
  "they assert no duration, as this one grows with the machine's load (the machine is shared with other builds: its load is given per browser).";

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await serve({ port: 0 });
  try {
    const results = await measureResponsiveness(server.url, { smoke: process.argv.includes("--smoke") });
    console.log(JSON.stringify(results, null, 2));
    console.log(`\n| ${RESPONSIVE_HEAD.join(" | ")} |\n| ${RESPONSIVE_HEAD.map(() => "---").join(" | ")} |`);
    for (const row of responsiveRows(results)) console.log(`| ${row.join(" | ")} |`);
  } finally {
    await server.close();
  }
}
