// Writes BENCHMARKS.md, the one place for figures, from the results of
// run.mjs and the hand-written scripts/bench/notes.md (a smoke run writes
// artifacts/bench/smoke.md only).
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { REPO } from "./inputs.mjs";
import { LONG_LINE_HEAD, LONG_LINE_METHOD, longLineRows } from "./longline.mjs";
import { RESPONSIVE_HEAD, RESPONSIVE_METHOD, responsiveRows } from "./responsive.mjs";
import { COLD_HEAD, COLD_METHOD, TARGET_MS as COLD_TARGET_MS, coldRows } from "./coldload.mjs";
import { FIRST_HEAD, FIRST_METHOD, TARGET_X as FIRST_TARGET_X, fastestPeer, firstRows, warmNote } from "./firstcalls.mjs";
import { bytes, ms, sig } from "./stats.mjs";
import { BATCH_END, BATCH_START, LINKS_END, LINKS_START, SCALE_END, SCALE_START, withSection } from "./sections.mjs";

const LABELS = {
  wirediff: "wirediff",
  jsdiff: "jsdiff `diffWords`",
  dmpChars: "dmp chars + semantic",
  dmpWords: "dmp words",
  fastDiff: "fast-diff chars",
  diffSequences: "diff-sequences words",
};
const PEERS = ["jsdiff", "dmpChars", "dmpWords", "fastDiff", "diffSequences"];
const LARGE = ["rewrite-100k", "rewrite-1m", "rewrite-4m"];

const cell = (c, limitMs) => {
  if (!c) return "–";
  if (c.check?.error) return `fails: ${c.check.error}`;
  if (c.overLimit && !c.n) return `> ${ms(limitMs)}`;
  if (!c.n) return "–";
  return `${ms(c.median)} (${ms(c.min)}–${ms(c.max)})${c.overLimit ? ` then > ${ms(limitMs)}` : ""}${c.check?.timedOut ? " †" : ""}`;
};

/** How many times faster wirediff is than `peer`: a number, or a lower bound when the peer ran past the limit. */
function speedup(wd, peer, limitMs) {
  if (!wd?.n || !peer || peer.check?.error) return null;
  if (peer.overLimit && !peer.n) return { x: limitMs / wd.median, atLeast: true };
  if (!peer.n) return null;
  return { x: peer.median / wd.median, atLeast: false };
}
const showX = (s) => (s ? `${s.atLeast ? "> " : ""}${sig(s.x)}×` : "–");

/** The targets of issue 6, each `{ target, measured, met }` (met: true / false / null when unmeasured). */
export function targets(r) {
  const pair = (name) => r.pairs.find((p) => p.name === name);
  const out = [];
  const wdMedian = (name) => pair(name)?.contestants.wirediff.median;
  const real = pair("real");
  if (real) {
    const m = wdMedian("real");
    out.push({ target: "real pair: engine ≤ 2 ms (browser median)", measured: ms(m), met: m <= 2 });
    // the smallest speed-up is against the fastest peer; a peer that failed or was not run has none
    const ups = PEERS.map((p) => ({ peer: p, ...speedup(real.contestants.wirediff, real.contestants[p], real.limitMs ?? r.limitMs) })).filter((s) => s.x != null);
    const fastest = ups.reduce((a, b) => (a && a.x <= b.x ? a : b), null);
    out.push({
      target: `real pair: ≥ 5× faster than the fastest peer (of ${PEERS.length})`,
      measured: fastest ? `${showX(fastest)} (${LABELS[fastest.peer]})` : "–",
      met: fastest ? fastest.x >= 5 : null,
    });
  }
  for (const name of LARGE) {
    const p = pair(name);
    if (!p) continue;
    const wd = p.contestants.wirediff;
    const js = speedup(wd, p.contestants.jsdiff, p.limitMs ?? r.limitMs);
    out.push({ target: `${name}: ≥ 10× faster than jsdiff`, measured: showX(js), met: js ? (js.x >= 10 ? true : js.atLeast ? null : false) : null });
    for (const d of ["dmpChars", "dmpWords"]) {
      const s = speedup(wd, p.contestants[d], p.limitMs ?? r.limitMs);
      const fails = p.contestants[d]?.check?.error;
      out.push({ target: `${name}: ≥ 3× faster than ${LABELS[d]}`, measured: fails ? `dmp fails: ${fails}` : showX(s), met: s ? s.x >= 3 : fails ? true : null });
    }
  }
  if (pair("rewrite-1m")) out.push({ target: "1 MB pair: engine ≤ 150 ms", measured: ms(wdMedian("rewrite-1m")), met: wdMedian("rewrite-1m") <= 150 });
  if (pair("rewrite-4m")) out.push({ target: "4 MB pair: engine ≤ 1 s", measured: ms(wdMedian("rewrite-4m")), met: wdMedian("rewrite-4m") <= 1000 });
  if (r.memory) {
    const m = r.memory;
    const total = m.wasmAfter - m.wasmBefore + Math.max(m.jsHeapGrowth, m.jsHeapRetained);
    out.push({ target: "4 MB pair: memory ≤ 20× the input", measured: `${bytes(total)} = ${sig(total / m.inputBytes)}× the ${bytes(m.inputBytes)} input`, met: total <= 20 * m.inputBytes });
  }
  const adv = pair("unrelated-200k");
  if (adv) {
    const wd = adv.contestants.wirediff;
    const budget = 2000 * 1.2;
    out.push({
      target: "unrelated pair: lossless, within the time budget + 20% (2.4 s)",
      measured: `${ms(wd.max)} at most, ${wd.check.lossless ? "lossless" : "NOT lossless"}${wd.check.approximate ? ", approximate" : ""}`,
      met: wd.max <= budget && wd.check.lossless === true,
    });
  }
  // per round where the native engine ran in the browser's rounds, else the two medians
  const ratios = r.pairs
    .map((p) => p.nativeRounds?.ratio?.median ?? (r.native[p.name] && p.contestants.wirediff.n ? p.contestants.wirediff.median / r.native[p.name].median : null))
    .filter((x) => x != null);
  if (ratios.length) {
    const worst = Math.max(...ratios);
    out.push({ target: "wasm in the browser within 2× of native (every pair)", measured: `worst ${sig(worst)}×`, met: worst <= 2 });
  }
  if (r.paint) {
    out.push({ target: "real pair: compare + render + layout + paint ≤ 16 ms (one frame)", measured: ms(r.paint.work.median), met: r.paint.work.median <= 16 });
  }
  const chromiumCold = r.coldLoad?.find((c) => c.browser.startsWith("Chromium"));
  if (chromiumCold) {
    out.push({ target: `cold load, navigation → first painted diff of the sample ≤ ${COLD_TARGET_MS} ms (headless Chromium, median)`, measured: ms(chromiumCold.painted.median), met: chromiumCold.painted.median <= COLD_TARGET_MS });
  }
  if (r.firstCalls?.length) {
    const worst = r.firstCalls
      .map((row) => ({ row, peer: fastestPeer(row) }))
      .filter((w) => w.peer && w.row.wirediff.ten.n)
      .map((w) => ({ label: w.row.label, x: w.peer.ten.median / w.row.wirediff.ten.median }))
      .reduce((a, b) => (a && a.x <= b.x ? a : b), null);
    out.push({
      target: `first ${r.firstCalls[0].wirediff.ten.n} calls on a fresh page ≥ ${FIRST_TARGET_X}× faster than the fastest peer's (every pair)`,
      measured: worst ? `worst ${sig(worst.x)}× (${worst.label})` : "–",
      met: worst ? worst.x >= FIRST_TARGET_X : null,
    });
  }
  if (r.sizes) {
    out.push({ target: "page download (gzip) ≤ 150 KB", measured: bytes(r.sizes.page.total), met: !r.sizes.page.over });
    if (r.sizes.widget) out.push({ target: "widget download (gzip) ≤ 150 KB", measured: bytes(r.sizes.widget.total), met: !r.sizes.widget.over });
  }
  return out;
}

const mark = (met) => (met === true ? "met" : met === false ? "**missed**" : "not measured");

function table(head, rows) {
  return [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

export function benchmarksMd(r, notes) {
  const i = r.info;
  const L = [];
  L.push("# Benchmarks", "");
  L.push(
    "Written by `npm run bench` (`scripts/bench/run.mjs`); the figures below are from its last full run. " +
      "Inputs: `scripts/bench/inputs.mjs`. What the numbers mean and how they are taken: [Method](#method).",
    "",
  );
  L.push("## Machine", "");
  L.push(
    table(["", ""], [
      ["date", i.date],
      ["CPU", i.cpu],
      ["memory", i.memory],
      ["OS", i.os],
      ["browser", i.browser],
      ["Node", i.node],
      ["Rust", i.rustc],
      ["commit", i.commit],
      ["load average (1/5/15 min) before → after", `${i.loadBefore} → ${i.loadAfter}`],
      ["run time", `${i.seconds} s`],
    ]),
    "",
  );
  L.push(
    "The machine is a shared 2-core VM on which other builds run: single figures move by tens of percent between runs " +
      "(the min–max ranges show how much). The contestants run interleaved in the same page, so their ratios are what to read.",
    "",
  );

  L.push("## Inputs", "");
  L.push(
    table(
      ["pair", "left", "right", "tokens (left / right)"],
      r.pairs.map((p) => [p.label, bytes(p.bytes[0]), bytes(p.bytes[1]), `${p.words[0]} / ${p.words[1]}`]),
    ),
    "",
  );

  L.push("## In headless Chromium: medians (min–max) per call", "");
  L.push(
    table(
      ["pair", ...Object.values(LABELS)],
      r.pairs.map((p) => [p.label, ...Object.keys(LABELS).map((c) => cell(p.contestants[c], p.limitMs ?? r.limitMs))]),
    ),
    "",
  );
  if (r.pairs.some((p) => Object.values(p.contestants).some((c) => c.check?.timedOut))) {
    L.push("† diff-match-patch reached its own 1 s `Diff_Timeout` and returned a coarser diff (see the change counts below).", "");
  }
  L.push(`A peer that runs past the limit in one call is stopped (its worker is terminated) and shown as "> limit"; it is not run again on that pair. The limit is ${ms(r.limitMs)}, or 12× wirediff's time on the pair where that is more (so that "10× faster" is decided): ${r.pairs.map((p) => `${p.label} ${ms(p.limitMs ?? r.limitMs)}`).join(", ")}.`, "");

  L.push("### wirediff : peer (how many times faster wirediff is)", "");
  L.push(
    table(
      ["pair", ...PEERS.map((p) => LABELS[p]), `changes found (${Object.values(LABELS).join(" / ")})`],
      r.pairs.map((p) => [
        p.label,
        ...PEERS.map((peer) => showX(speedup(p.contestants.wirediff, p.contestants[peer], p.limitMs ?? r.limitMs))),
        Object.keys(LABELS).map((c) => p.contestants[c]?.check?.changes ?? "–").join(" / "),
      ]),
    ),
    "",
  );

  if (r.pairs.some((p) => Object.values(p.contestants).some((c) => c.warmUp))) {
    L.push("### Warm-up: first call on the pair → calls until the time per call settled", "");
    const warm = (c) => (c?.warmUp ? `${ms(c.check?.ms)} → ${c.warmUp.calls} calls, ${ms(c.warmUp.ms)}${c.warmUp.settled ? "" : " (not settled)"}` : "–");
    L.push(table(["pair", ...Object.values(LABELS)], r.pairs.map((p) => [p.label, ...Object.keys(LABELS).map((c) => warm(p.contestants[c]))])), "");
  }

  if (r.firstCalls?.length) {
    L.push("## First calls on a fresh page", "");
    L.push(table(FIRST_HEAD, firstRows(r.firstCalls)), "");
    L.push(warmNote(r.firstCalls), "", FIRST_METHOD, "");
  }

  if (Object.keys(r.native).length || r.pairs.some((p) => p.nativeRounds)) {
    L.push("## Native against wasm", "");
    const range = (x) => (x?.n ? `${ms(x.median)} (${ms(x.min)}–${ms(x.max)})` : "–");
    L.push(
      table(
        ["pair", "native (criterion)", "native, in the browser's rounds", "wasm in Chromium", "wasm : native, per round"],
        r.pairs.map((p) => {
          const x = p.nativeRounds?.ratio;
          return [p.label, range(r.native[p.name]), range(p.nativeRounds), cell(p.contestants.wirediff, r.limitMs), x?.n ? `${sig(x.median)}× (${sig(x.min)}–${sig(x.max)})` : "–"];
        }),
      ),
      "",
    );
    L.push(
      "Native: `cargo bench --bench compare` (criterion, `benches/compare.rs`), `wirediff::compare` on the same files, release profile, run before the browser. " +
        "The machine's speed drifts by up to half for seconds at a time (both engines slow down together), so the ratio is taken in the browser's rounds: " +
        "`benches/rounds.rs`, the same native `compare`, warmed up for a second, times a batch right after each wasm sample, and each round gives one ratio. " +
        "The wasm figure also includes what native does not do: passing the strings in and building the result as JS objects.",
      "",
    );
  }

  L.push("## Targets (issue 6)", "");
  L.push(table(["target", "measured", ""], targets(r).map((t) => [t.target, t.measured, mark(t.met)])), "");

  if (r.memory) {
    const m = r.memory;
    L.push("## Memory: the 4 MB pair", "");
    L.push(
      table(["", ""], [
        ["input (left + right, UTF-8)", bytes(m.inputBytes)],
        ["wasm linear memory before → after", `${bytes(m.wasmBefore)} → ${bytes(m.wasmAfter)} (+${bytes(m.wasmAfter - m.wasmBefore)})`],
        ["JS heap growth, right after the call (garbage included)", bytes(m.jsHeapGrowth)],
        ["JS heap growth kept after a GC (the result)", bytes(m.jsHeapRetained)],
        ["ops in the result", String(m.ops)],
      ]),
      "",
    );
    L.push("On the page's thread of a fresh page: a forced GC, the JS heap (CDP `Runtime.getHeapUsage`), one `compare` whose result is kept, the heap again, a GC, the heap again. Wasm memory only grows, so its size after the call is its peak.", "");
  }

  if (r.paint || r.page) {
    L.push("## The real pair in the page", "");
    const rows = [];
    const range = (x) => `${ms(x.median)} (${ms(x.min)}–${ms(x.max)})`;
    if (r.paint) {
      rows.push(["`compare` (wasm, result as JS objects)", range(r.paint.compare)]);
      rows.push(["render: the page's `renderRedline` into the DOM", range(r.paint.render)]);
      rows.push(["style and layout (forced)", range(r.paint.layout)]);
      rows.push(["paint and commit: the frame from its rAF callback to a message after it", range(r.paint.paint)]);
      rows.push(["**compare → painted, the work**", `**${range(r.paint.work)}**`]);
      rows.push(["waiting for the next frame (vsync)", range(r.paint.wait)]);
    }
    if (r.page?.painted) {
      const from = r.page.marked ? "comparison starts" : "edit";
      if (r.page.marked) rows.push(["the page itself: its typing pause (edit → comparison starts)", range(r.page.pause)]);
      rows.push([`the page itself: ${from} → redline changed`, range(r.page.dom)]);
      rows.push([`the page itself: ${from} → painted (next frame included)`, range(r.page.painted)]);
    } else if (r.page?.error) {
      rows.push(["the page itself", `not measured: ${r.page.error}`]);
    }
    L.push(table(["step: median (min–max)", "time"], rows), "");
    L.push(
      "The steps: the page's own modules (`www/pkg`, `www/render/redline.js`) on a page with the page's stylesheet, on its main thread: `compare`, " +
        "`renderRedline` into the DOM, a forced style and layout, then the next frame: from its `requestAnimationFrame` callback to a message posted there (the frame's paint). " +
        "The work is what has to fit in one 16 ms frame; the wait is for the display's next frame. " +
        "The page itself: an `input` event in its comparison pane of the served page (`www/`), timed from the moment it marks the comparison as started (`body[data-state=comparing]`) " +
        "until its redline's DOM changes and the next frame.",
      "",
    );
  }

  if (r.longLines) {
    L.push("## Drawing a line with no space", "");
    L.push(table(LONG_LINE_HEAD, longLineRows(r.longLines)), "");
    L.push(LONG_LINE_METHOD, "");
  }

  if (r.coldLoad) {
    L.push("## Cold load: navigation to the first painted comparison", "");
    L.push(table(COLD_HEAD, coldRows(r.coldLoad)), "");
    L.push(COLD_METHOD, "");
  }

  if (r.responsive) {
    L.push("## The page's main thread under large input", "");
    L.push(table(RESPONSIVE_HEAD, responsiveRows(r.responsive)), "");
    L.push(RESPONSIVE_METHOD, "");
  }

  if (notes) L.push(notes.trim(), "");
  if (r.paint1m) {
    L.push("### Measured: the 1 MB pair in the browser", "");
    L.push(
      table(["step", "median (min–max)"], ["compare", "render", "layout", "paint", "work"].map((k) => [k, `${ms(r.paint1m[k].median)} (${ms(r.paint1m[k].min)}–${ms(r.paint1m[k].max)})`])),
      "",
    );
  }
  if (r.profile?.native) {
    const n = r.profile.native;
    L.push(`### Measured: the engine natively, ${n.pair} (callgrind)`, "");
    L.push(
      table(
        ["phase", "instructions", "share"],
        n.rows.filter((x) => x.share >= 0.005).map((x) => [x.phase, `${sig(x.ir / 1e6)} M`, `${(x.share * 100).toFixed(1)}%`]),
      ),
      "",
    );
    L.push(`${sig(n.total / 1e6)} M instructions in all (\`${n.note}\` under callgrind, time budget lifted so that the full path is measured). Each function's own cost, and the code inlined into it by the source file it comes from, is put in the phase it belongs to (\`scripts/bench/profile.mjs\`); phases under 0.5% are left out.`, "");
  }
  if (r.profile?.browser) {
    const b = r.profile.browser;
    L.push(`### Measured: \`compare\` in Chromium, ${b.pair} (V8 CPU profile)`, "");
    L.push(table(["part", "per call", "share"], b.rows.map((x) => [x.part, ms(x.ms), `${(x.share * 100).toFixed(1)}%`])), "");
    L.push(`Samples every 0.2 ms over ${b.runs} warm calls on the page's thread (${b.times.map((t) => ms(t)).join(", ")}).`, "");
  }

  L.push("## Method", "");
  L.push(
    [
      "- **One page, one worker.** `scripts/bench/page.html` is served on loopback (repository root, the page's CSP) and opened in Debian's Chromium through `scripts/browser.mjs`. Every contestant runs in the same module worker (`scripts/bench/worker.js`), one after another, so they share one thread, heap and JIT; when a call runs past the limit the page terminates that worker and starts a fresh one (warmed up again).",
      "- **Contestants.** wirediff: `compare(left, right)` of the wasm package `www/pkg` (the public JS API), default options, whose result arrives as plain JS objects. jsdiff: `diffWords(left, right)` (npm `diff`). diff-match-patch (npm `diff-match-patch`): `diff_main` with its defaults (line-mode speed-up, 1 s `Diff_Timeout`, after which it settles for a coarser diff) then `diff_cleanupSemantic`; and its word mode, the wiki's lines-to-chars trick applied to words (each distinct word or whitespace run becomes one UTF-16 unit, `diff_main(a, b, false)`, `diff_charsToLines_`). fast-diff (npm `fast-diff`, diff-match-patch's algorithm trimmed down): `diff(left, right)`, a character diff with no cleanup and no timeout. diff-sequences (npm `diff-sequences`, Jest's linear-space Myers), which diffs sequences, not text: run on words, both texts cut into tokens as for dmp words (runs of whitespace, runs of letters, marks, digits and `_`, single other characters), tokens compared with `===`, and the diff built from the common runs it reports; no timeout. fast-diff and diff-sequences never give up, so on a large pair they run until the limit stops them. The CommonJS peers (diff-match-patch, fast-diff, diff-sequences) are loaded unchanged, each wrapped as an ES module by `run.mjs` (`artifacts/bench/vendor/`). Every result but jsdiff's is checked to rebuild both texts exactly.",
      "- **Warm, interleaved.** Per pair: one untimed call of each contestant (also giving the change counts and the lossless checks); then each contestant is warmed up, since V8 runs wasm and JS in a baseline tier until a function has run often enough and then optimises it in the background (for wirediff on the real pair after about 2,000 calls): it runs in batches of about 100 ms until three batches in a row are within 5% of one another, after at least 2 s of calls, or for 5 s at most (the warm-up table below says how many calls that took). Then rounds in which every contestant runs once, each round starting with the next contestant. Calls under 25 ms are timed in batches (the browser's clock has 0.1 ms resolution) and the batch mean is one sample. The first call of a fresh page is slower; the page's typed-to-painted figure above includes such calls.",
      `- **Samples** per contestant: ${Object.entries(RUNS_DOC).map(([k, v]) => `${k} ${v}`).join(", ")}. Tables give the median and the min–max of the samples.`,
      "- **Native**: criterion, 30 samples (small pairs) or 10 single-call samples (large pairs); the median and min–max of the per-call sample means.",
      "- **Not asserted.** `npm test` runs the input generator and one call of every contestant on the two small pairs (`node scripts/bench/run.mjs --smoke`) so the benchmark cannot rot, and the size budget; no timing is a test.",
    ].join("\n"),
    "",
  );
  return L.join("\n");
}

const RUNS_DOC = { real: 31, "10 KB": 21, "100 KB": 11, "1 MB": 7, "4 MB": 5, "unrelated 200 KB": 3 };

/** Writes the report; returns the files written. */
export async function writeReport(r, { smoke = false } = {}) {
  const notesFile = join(REPO, "scripts/bench/notes.md");
  const notes = existsSync(notesFile) ? await readFile(notesFile, "utf8") : "";
  if (smoke || r.only.length) {
    // a smoke run, or a subset of the pairs: not the figures to publish
    const file = join(REPO, `artifacts/bench/${smoke ? "smoke" : "partial"}.md`);
    await writeFile(file, benchmarksMd(r, notes));
    return [file];
  }
  const written = [join(REPO, "BENCHMARKS.md")];
  // the sections written by their own scripts (links.mjs in every browser,
  // batch.mjs natively) are kept as they are
  const before = existsSync(written[0]) ? await readFile(written[0], "utf8") : "";
  let md = benchmarksMd(r, notes);
  for (const markers of [[LINKS_START, LINKS_END], [BATCH_START, BATCH_END], [SCALE_START, SCALE_END]]) {
    const [start, end] = markers;
    if (before.includes(start)) md = withSection(md, before.slice(before.indexOf(start), before.indexOf(end) + end.length), markers);
  }
  await writeFile(written[0], md);
  return written;
}
