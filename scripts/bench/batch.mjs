// The native batch and the candidate index, timed through the release CLI
// (`wirediff batch`, `wirediff candidates`) on inputs written to
// artifacts/bench/batch/, and written into BENCHMARKS.md between its batch
// markers (report.mjs keeps that section when it rewrites the file):
//
//   node scripts/bench/batch.mjs [--runs 5] [--copies 80] [--texts 44000]
//
// Batch: the 25 ordered pairs of the five samples, `--copies` times, each
// run with --threads 1 and --threads 2 (the machine has two cores).
// Candidates: synthetic texts of 500 content words on many subjects (a
// seeded generator, below), one wire in eleven, timed as a whole run
// (read, fingerprints, index, pairs out).
import { spawn, spawnSync } from "node:child_process";
import { closeSync, createWriteStream, openSync, readFileSync } from "node:fs";
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

/**
 * Seconds that `wirediff args < input > file` takes, and the lines it
 * wrote (counted after the clock stops). Input and output are files, so
 * that no reader or writer in this process competes for the cores.
 */
function timed(args, input) {
  const output = join(DIR, "output.jsonl");
  const fd = openSync(output, "w");
  const stdin = input ? openSync(input, "r") : "ignore";
  return new Promise((ok, fail) => {
    const start = process.hrtime.bigint();
    const child = spawn(BIN, args, { stdio: [stdin, fd, "inherit"] });
    child.on("error", fail);
    child.on("exit", (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      closeSync(fd);
      if (input) closeSync(stdin);
      if (code !== 0) return fail(new Error(`wirediff ${args.join(" ")} exited with ${code}`));
      const bytes = readFileSync(output);
      let lines = 0;
      for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) lines++;
      ok({ seconds, lines });
    });
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

/**
 * A text of `words` content words: half from its subject's own 300, half
 * from 8,000 common ones, the first of each list the likeliest. Two texts
 * on one subject then share about as much (Jaccard 0.14) as two
 * independent reports of one event do, and two on different subjects
 * about as little (0.02) as real news on different subjects.
 */
function synthetic(rand, subject, words) {
  const word = (prefix, n) => `${prefix}${Math.floor(rand() ** 2 * n).toString(36)}`;
  const out = [];
  for (let k = 0; k < words; k++) {
    out.push(rand() < 0.5 ? word(`s${subject.toString(36)}q`, 300) : word("c", 8000));
    if (k % 20 === 19) out.push(".");
  }
  return out.join(" ");
}

const runs = option("--runs", 5);
const copies = option("--copies", 80);
const texts = option("--texts", 44000);

const build = spawnSync("cargo", ["build", "--release", "--locked", "--bin", "wirediff"], { cwd: REPO, stdio: "inherit" });
if (build.status !== 0) throw new Error("cargo build --release failed");
await mkdir(DIR, { recursive: true });

const stories = await samples();
const pairsFile = join(DIR, "pairs.jsonl");
const pairs = 25 * copies;
await writeLines(pairsFile, pairs, (k) => ({ id: k, source: stories[k % 5], compare: stories[Math.floor(k / 5) % 5] }));

const loadBefore = os.loadavg().map((x) => x.toFixed(2)).join(" ");
// the two settings interleaved, so that a burst of load elsewhere falls on both
const times = { 1: [], 2: [] };
for (let r = 0; r < runs; r++) {
  for (const threads of [1, 2]) {
    const { seconds, lines } = await timed(["batch", "--threads", String(threads)], pairsFile);
    if (lines !== pairs) throw new Error(`batch printed ${lines} lines for ${pairs} records`);
    times[threads].push(seconds);
  }
}
const batch = { 1: summarise(times[1]), 2: summarise(times[2]) };
for (const threads of [1, 2]) console.log(`batch --threads ${threads}: ${pairs} pairs, median ${batch[threads].median.toFixed(2)} s`);

const wiresFile = join(DIR, "wires.jsonl");
const articlesFile = join(DIR, "articles.jsonl");
const wires = Math.round(texts / 11);
const articles = texts - wires;
const subjects = Math.round(texts / 20);
const rand = random(17);
await writeLines(wiresFile, wires, (k) => ({ id: `w${k}`, text: synthetic(rand, k % subjects, 500) }));
await writeLines(articlesFile, articles, (k) => ({ id: `a${k}`, text: synthetic(rand, Math.floor(rand() * subjects), 500) }));
// All the texts as articles against no wire: reading and fingerprinting
// alone, no pair to write.
const allFile = join(DIR, "all.jsonl");
const noneFile = join(DIR, "none.jsonl");
await writeFile(allFile, (await readFile(wiresFile, "utf8")) + (await readFile(articlesFile, "utf8")));
await writeFile(noneFile, "");
const index = [];
const fingerprints = [];
let found = 0;
for (let r = 0; r < runs; r++) {
  const { seconds, lines } = await timed(["candidates", "--wires", wiresFile, "--articles", articlesFile], null);
  index.push(seconds);
  found = lines;
  fingerprints.push((await timed(["candidates", "--wires", noneFile, "--articles", allFile], null)).seconds);
}
// what the bands alone propose, without the similarity floor (not timed)
const unfloored = (await timed(["candidates", "--wires", wiresFile, "--articles", articlesFile, "--index", '{"minSimilarity":0}'], null)).lines;
const indexTime = summarise(index);
const fingerprintTime = summarise(fingerprints);
const loadAfter = os.loadavg().map((x) => x.toFixed(2)).join(" ");
console.log(`candidates: ${wires} wires, ${articles} articles, ${found} pairs, median ${indexTime.median.toFixed(2)} s`);

const rustc = spawnSync("rustc", ["--version"], { encoding: "utf8" }).stdout.trim();
const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO, encoding: "utf8" }).stdout.trim();
const rate = (s) => (pairs / s.median).toFixed(0);
const range = (s) => `${(pairs / s.max).toFixed(0)}–${(pairs / s.min).toFixed(0)}`;
const perMillion = (seconds) => ((seconds / texts) * 1e6) / 60;
const proposed = found / (wires * articles);
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
  "The runs alternate between one and two threads. A second thread helps only as much as the second core is free: the load average above (other helpers' builds and tests) says how busy the machine was; a load above 2 leaves no core idle.",
  "",
  `Candidate index: \`wirediff candidates\` (one thread, default index options: 128 bands × 2 rows of single content words) on ${wires.toLocaleString("en")} wires and ${articles.toLocaleString("en")} articles of 500 content words, synthetic and seeded (${subjects.toLocaleString("en")} subjects of about 20 texts; two texts of one subject have a Jaccard similarity of about 0.14, as independent reports of one event do, and of two subjects about 0.02, as real news on different subjects does).`,
  "",
  "| what | wall time | per million texts, one core (linear) |",
  "| --- | --- | --- |",
  `| reading and fingerprinting the ${texts.toLocaleString("en")} texts (against no wire) | ${fingerprintTime.median.toFixed(2)} s (${fingerprintTime.min.toFixed(2)}–${fingerprintTime.max.toFixed(2)} s) | ${perMillion(fingerprintTime.median).toFixed(1)} min |`,
  `| the whole run: fingerprints, the index of the wires, ${found.toLocaleString("en")} pairs written | ${indexTime.median.toFixed(2)} s (${indexTime.min.toFixed(2)}–${indexTime.max.toFixed(2)} s) | ${perMillion(indexTime.median).toFixed(1)} min at this share of pairs |`,
  "",
  `${(proposed * 100).toFixed(2)} % of all (wire, article) pairs were proposed. The bands alone propose ${((unfloored / (wires * articles)) * 100).toFixed(1)} % (${unfloored.toLocaleString("en")} pairs): what the S-curve gives at a similarity of 0.02 (1 − (1 − 0.02²)^128 = 5 %), nearly all of them pairs of different subjects; the similarity floor (\`minSimilarity\`, 0.08: almost four standard errors below the least alike derived pair of the tests) keeps those from the engine. On real news that share is what grows with the corpus, not the fingerprints; a large run bounds it further by a date window.`,
  BATCH_END,
].join("\n");
const file = join(REPO, "BENCHMARKS.md");
await writeFile(file, withSection(await readFile(file, "utf8"), section, [BATCH_START, BATCH_END]));
console.log(`wrote ${file}`);
