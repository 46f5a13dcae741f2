// The native batch and the candidate index, timed through the release CLI
// (`wirediff batch`, `wirediff candidates`) on inputs written to
// artifacts/bench/batch/, and written into BENCHMARKS.md between its batch
// markers (report.mjs keeps that section when it rewrites the file):
//
//   node scripts/bench/batch.mjs [--runs 3] [--copies 40] [--texts 22000]
//
// Batch: the 25 ordered pairs of the five samples, `--copies` times, each
// run with --threads 1 and --threads 2 (the machine has two cores).
// Candidates: synthetic texts of about 500 words on many subjects (a
// seeded generator: a subject's own words among common ones), one wire in
// eleven, timed as a whole run (read, fingerprints, index, pairs out).
import { spawn, spawnSync } from "node:child_process";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { join } from "node:path";
import { REPO } from "./inputs.mjs";
import { BATCH_END, BATCH_START, withSection } from "./sections.mjs";
import { summarise } from "./stats.mjs";

const DIR = join(REPO, "artifacts/bench/batch");
const BIN = join(REPO, "target/release/wirediff");

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

/** Seconds that `wirediff args < input` takes, and the lines it printed. */
function timed(args, input) {
  return new Promise((ok, fail) => {
    const start = process.hrtime.bigint();
    const child = spawn(BIN, args, { stdio: ["pipe", "pipe", "inherit"] });
    let lines = 0;
    child.stdout.on("data", (chunk) => {
      for (const byte of chunk) if (byte === 10) lines++;
    });
    child.on("error", fail);
    child.on("exit", (code) => {
      if (code !== 0) return fail(new Error(`wirediff ${args.join(" ")} exited with ${code}`));
      ok({ seconds: Number(process.hrtime.bigint() - start) / 1e9, lines });
    });
    if (input) createReadStream(input).pipe(child.stdin);
    else child.stdin.end();
  });
}

async function samples() {
  const dir = join(REPO, "www/samples");
  const names = (await readdir(dir)).filter((n) => n.endsWith(".txt")).sort();
  return Promise.all(names.map((n) => readFile(join(dir, n), "utf8")));
}

async function writeLines(file, count, line) {
  const out = createWriteStream(file);
  for (let k = 0; k < count; k++) {
    if (!out.write(`${JSON.stringify(line(k))}\n`)) await new Promise((ok) => out.once("drain", ok));
  }
  await new Promise((ok) => out.end(ok));
}

/** A seeded generator (mulberry32): the same texts on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A text of `words` words: a third from its subject's own 400, the rest from 3,000 common ones. */
function synthetic(rand, subject, words) {
  const word = (prefix, n) => `${prefix}${Math.floor(rand() ** 2 * n).toString(36)}`;
  const out = [];
  for (let k = 0; k < words; k++) {
    out.push(rand() < 1 / 3 ? word(`s${subject.toString(36)}q`, 400) : word("c", 3000));
    if (k % 20 === 19) out.push(".");
  }
  return out.join(" ");
}

const runs = option("--runs", 3);
const copies = option("--copies", 40);
const texts = option("--texts", 22000);

const build = spawnSync("cargo", ["build", "--release", "--locked", "--bin", "wirediff"], { cwd: REPO, stdio: "inherit" });
if (build.status !== 0) throw new Error("cargo build --release failed");
await mkdir(DIR, { recursive: true });

const stories = await samples();
const pairsFile = join(DIR, "pairs.jsonl");
const pairs = 25 * copies;
await writeLines(pairsFile, pairs, (k) => ({ id: k, source: stories[k % 5], compare: stories[Math.floor(k / 5) % 5] }));

const loadBefore = os.loadavg().map((x) => x.toFixed(2)).join(" ");
const batch = {};
for (const threads of [1, 2]) {
  const times = [];
  for (let r = 0; r < runs; r++) {
    const { seconds, lines } = await timed(["batch", "--threads", String(threads)], pairsFile);
    if (lines !== pairs) throw new Error(`batch printed ${lines} lines for ${pairs} records`);
    times.push(seconds);
  }
  batch[threads] = summarise(times);
  console.log(`batch --threads ${threads}: ${pairs} pairs, median ${batch[threads].median.toFixed(2)} s`);
}

const wiresFile = join(DIR, "wires.jsonl");
const articlesFile = join(DIR, "articles.jsonl");
const wires = Math.round(texts / 11);
const articles = texts - wires;
const subjects = Math.round(texts / 20);
const rand = random(17);
await writeLines(wiresFile, wires, (k) => ({ id: `w${k}`, text: synthetic(rand, k % subjects, 500) }));
await writeLines(articlesFile, articles, (k) => ({ id: `a${k}`, text: synthetic(rand, Math.floor(rand() * subjects), 500) }));
const index = [];
let found = 0;
for (let r = 0; r < runs; r++) {
  const { seconds, lines } = await timed(["candidates", "--wires", wiresFile, "--articles", articlesFile], null);
  index.push(seconds);
  found = lines;
}
const indexTime = summarise(index);
const loadAfter = os.loadavg().map((x) => x.toFixed(2)).join(" ");
console.log(`candidates: ${wires} wires, ${articles} articles, ${found} pairs, median ${indexTime.median.toFixed(2)} s`);

const rustc = spawnSync("rustc", ["--version"], { encoding: "utf8" }).stdout.trim();
const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO, encoding: "utf8" }).stdout.trim();
const rate = (s) => (pairs / s.median).toFixed(0);
const range = (s) => `${(pairs / s.max).toFixed(0)}–${(pairs / s.min).toFixed(0)}`;
const perMillion = (indexTime.median / texts) * 1e6;
const section = [
  BATCH_START,
  "## Batch and candidate index (native)",
  "",
  `Written by \`node scripts/bench/batch.mjs\` (${new Date().toISOString().slice(0, 10)}, commit ${commit}, ${rustc}, ${os.cpus().length} cores, load average ${loadBefore} → ${loadAfter}); medians of ${runs} runs, range in brackets. The machine is a shared 2-core VM on which other builds were running: the figures move by tens of percent between runs.`,
  "",
  "| run | input | wall time | articles compared a second | per core |",
  "| --- | --- | --- | --- | --- |",
  `| \`wirediff batch --threads 1\` | the 25 pairs of the samples × ${copies} = ${pairs} pairs | ${batch[1].median.toFixed(2)} s | ${rate(batch[1])} (${range(batch[1])}) | ${rate(batch[1])} |`,
  `| \`wirediff batch --threads 2\` | the same | ${batch[2].median.toFixed(2)} s | ${rate(batch[2])} (${range(batch[2])}) | ${(pairs / batch[2].median / 2).toFixed(0)} |`,
  "",
  `Candidate index: \`wirediff candidates\` (one thread) on ${wires.toLocaleString("en")} wires and ${articles.toLocaleString("en")} articles of about 500 words (synthetic, seeded: ${subjects.toLocaleString("en")} subjects), default index options (128 bands × 2 rows of single content words): ${indexTime.median.toFixed(2)} s (${indexTime.min.toFixed(2)}–${indexTime.max.toFixed(2)} s) for reading, fingerprinting and indexing the ${texts.toLocaleString("en")} texts and writing ${found.toLocaleString("en")} candidate pairs: **${(perMillion / 60).toFixed(1)} minutes per million texts** on one core, extrapolated linearly (the fingerprints are linear in the texts; the pairs grow with how many texts share a subject).`,
  BATCH_END,
].join("\n");
const file = join(REPO, "BENCHMARKS.md");
await writeFile(file, withSection(await readFile(file, "utf8"), section, [BATCH_START, BATCH_END]));
console.log(`wrote ${file}`);
