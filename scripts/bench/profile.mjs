// Where the engine's time goes on one pair (default: the 1 MB rewrite).
//
// Natively: benches/profile.rs under callgrind (valgrind), built with line
// tables in its own target folder (target/profile), the cost (instructions)
// of every function and of the code inlined into it split by what it does:
// tokenise, normalise, structure, align, word diffs, clean-up, ops, report.
// In the browser: a V8 CPU profile (CDP) of `compare` on the page's thread,
// split into the wasm engine and the JS side (strings in, the result's objects
// built from the engine's numbers, garbage collection), plus render timings
// from run.mjs.
//
//   node scripts/bench/profile.mjs [--pair rewrite-1m] [--no-native] [--no-browser]
import { execFileSync, spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { REPO } from "./inputs.mjs";

/** Phases by function symbol (first match wins), then by source file for code inlined elsewhere. */
const BY_SYMBOL = [
  [/text::structure::|text::boilerplate::/, "structure: paragraphs, sentences, boilerplate"],
  [/text::keys::|rustc_hash|hashbrown/, "normalise: keys and interning"],
  [/text::tokenize::|text::clusters::|unicode_segmentation/, "tokenise"],
  [/align::sentences::/, "align: sentences and moves"],
  [/similar::|align::words::/, "align: word diffs (Myers)"],
  [/align::cleanup::|align::refine::/, "clean-up and refinement"],
  [/report::ops::/, "ops"],
  [/report::|text::utf16::/, "report: provenance, facts, stats, UTF-16 spans"],
  [/malloc|free|realloc|memcpy|memmove|memcmp|memset|raw_vec|finish_grow|RawVec/, "allocation and copying"],
  [/sort::/, "sorting"],
];
const BY_FILE = [
  [/src\/text\/structure\.rs|src\/text\/boilerplate\.rs/, "structure: paragraphs, sentences, boilerplate"],
  [/src\/text\/keys\.rs|rustc-hash|hashbrown/, "normalise: keys and interning"],
  [/src\/text\/tokenize\.rs|src\/text\/clusters\.rs|unicode-segmentation/, "tokenise"],
  [/src\/align\/sentences\.rs/, "align: sentences and moves"],
  [/similar-|src\/align\/words\.rs/, "align: word diffs (Myers)"],
  [/src\/align\/cleanup\.rs|src\/align\/refine\.rs/, "clean-up and refinement"],
  [/src\/report\/ops\.rs/, "ops"],
  [/src\/report\/|src\/text\/utf16\.rs|src\/search\.rs/, "report: provenance, facts, stats, UTF-16 spans"],
];

export function phaseOf(file, symbol) {
  for (const [re, phase] of BY_FILE) if (re.test(file)) return phase;
  for (const [re, phase] of BY_SYMBOL) if (re.test(symbol)) return phase;
  if (/Side::new/.test(symbol)) return "tokenise + normalise: library code inlined there";
  return "other: library routines (Unicode tables, UTF-8 checks) and glue";
}

/** Native: instructions by phase under callgrind. */
export function nativeProfile(pair) {
  const env = { ...process.env, CARGO_TARGET_DIR: join(REPO, "target/profile"), CARGO_PROFILE_BENCH_DEBUG: "line-tables-only" };
  const out = execFileSync("cargo", ["bench", "--locked", "--no-run", "--bench", "profile", "--message-format=json"], { cwd: REPO, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 28 });
  const exe = out.split("\n").filter(Boolean).map((l) => JSON.parse(l)).filter((m) => m.executable && m.target?.name === "profile").pop()?.executable;
  if (!exe) throw new Error("cargo did not build the profile bench");
  const file = join(REPO, "target/profile/callgrind.out");
  const run = spawnSync("valgrind", ["--tool=callgrind", `--callgrind-out-file=${file}`, exe], {
    env: { ...process.env, WIREDIFF_PROFILE_PAIR: pair, WIREDIFF_PROFILE_BUDGET_MS: "600000" },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`callgrind failed: ${run.stderr.slice(-500)}`);
  const annotated = execFileSync("callgrind_annotate", ["--inclusive=no", "--threshold=100", "--auto=no", file], { encoding: "utf8", maxBuffer: 1 << 28 });
  const phases = new Map();
  let total = 0;
  // the table of "Ir (share) file:function" lines that follows the header "Ir file:function"
  const table = annotated.slice(annotated.indexOf("file:function"));
  for (const line of table.split("\n").slice(2)) {
    const m = line.match(/^\s*([\d,]+) \([ \d.]+%\)\s+(.*?):(.*?)(?: \[.*\])?$/);
    if (!m || m[2] === "PROGRAM TOTALS") continue;
    const ir = Number(m[1].replace(/,/g, ""));
    const phase = phaseOf(m[2], m[3]);
    phases.set(phase, (phases.get(phase) ?? 0) + ir);
    total += ir;
  }
  const rows = [...phases].map(([phase, ir]) => ({ phase, ir, share: ir / total })).sort((a, b) => b.ir - a.ir);
  return { pair, total, rows, note: run.stdout.trim() };
}

/** Browser: a CPU profile of `compare` (warm) on the page's thread of the bench page. */
export async function browserProfile(env, benchUrl, pair, runs = 3) {
  const page = await env.browser.newPage();
  page.setDefaultTimeout(300_000);
  try {
    await page.goto(benchUrl);
    await page.waitForFunction(() => window.bench);
    await page.evaluate(async (p) => {
      await window.bench.memoryLoad(p);
      for (let i = 0; i < 2; i++) window.bench.memoryRun(); // warm: optimised wasm
    }, pair);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
    const times = await page.evaluate((n) => Array.from({ length: n }, () => window.bench.memoryRun().ms), runs);
    const { profile } = await cdp.send("Profiler.stop");
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parts = new Map();
    const others = new Map();
    let total = 0;
    for (let i = 0; i < profile.samples.length; i++) {
      const us = profile.timeDeltas[i + 1] ?? 0;
      const { functionName, url } = byId.get(profile.samples[i]).callFrame;
      let part;
      if (/\.wasm$/.test(url) || /^wasm-function|^\$/.test(functionName)) part = "wasm: the engine, and the result as numbers";
      else if (/^\((idle|program)\)$/.test(functionName)) continue;
      else if (!/wirediff\.js$/.test(url) && /serialize/i.test(functionName)) continue; // the harness's own evaluate
      else if (functionName === "(garbage collector)") part = "JS: garbage collection";
      else if (/^now$|__wbg_now/.test(functionName)) part = "JS: clock reads for the time budget";
      else if (/encodeInto|passStringToWasm|encode|string_get|isWellFormed/.test(functionName)) part = "JS: the texts into wasm memory (checked, UTF-16 → UTF-8)";
      else if (/\/result\.js$/.test(url) || /getArrayU32FromWasm0/.test(functionName))
        part = "JS: the result's objects built from the engine's numbers (result.js)";
      else {
        part = "JS: other (bindings)";
        const name = `${functionName || "(anonymous)"}${url ? ` (${url.split("/").pop()})` : ""}`;
        others.set(name, (others.get(name) ?? 0) + us);
      }
      parts.set(part, (parts.get(part) ?? 0) + us);
      total += us;
    }
    const rows = [...parts].map(([part, us]) => ({ part, ms: us / 1000 / runs, share: us / total })).sort((a, b) => b.ms - a.ms);
    const top = [...others].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([name]) => name);
    for (const row of rows) if (row.part === "JS: other (bindings)") row.part = `JS: other (bindings: ${top.join(", ")})`;
    return { pair: pair.name, runs, times, rows };
  } finally {
    await page.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const flag = process.argv.indexOf("--pair");
  const pair = flag > 0 ? process.argv[flag + 1] : "rewrite-1m";
  const result = {};
  if (!process.argv.includes("--no-native")) {
    result.native = nativeProfile(pair);
    for (const r of result.native.rows) console.log(`${(r.share * 100).toFixed(1).padStart(5)}%  ${r.phase}`);
    console.log(result.native.note);
  }
  if (!process.argv.includes("--no-browser")) {
    const { start } = await import("../browser.mjs");
    const { serve } = await import("../serve.mjs");
    const { write } = await import("./inputs.mjs");
    const manifest = await write();
    const env = await start();
    const server = await serve({ root: REPO, port: 0 });
    try {
      result.browser = await browserProfile(env, `${server.url}scripts/bench/page.html`, manifest.find((p) => p.name === pair));
      for (const r of result.browser.rows) console.log(`${r.ms.toFixed(1).padStart(8)} ms ${(r.share * 100).toFixed(1).padStart(5)}%  ${r.part}`);
    } finally {
      await server.close();
      await env.close();
    }
  }
  await writeFile(join(REPO, "artifacts/bench/profile.json"), JSON.stringify(result, null, 2));
}
