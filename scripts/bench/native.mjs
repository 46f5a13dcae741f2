// The native engine's timings: `cargo bench --bench compare` (criterion,
// benches/compare.rs) on the same inputs, read back from criterion's
// target/criterion/compare/<pair>/new/sample.json.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { REPO } from "./inputs.mjs";
import { summarise } from "./stats.mjs";

function run(command, args) {
  return new Promise((ok, fail) => {
    const child = spawn(command, args, { cwd: REPO, stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", fail);
    child.on("exit", (code) => (code === 0 ? ok() : fail(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

/**
 * Runs the criterion benchmark for `names` (all pairs when empty); with
 * `smoke`, each once (`--test`), which records nothing. Returns
 * `{ [name]: summary }` (per-call times in ms).
 */
export async function native(names, { smoke = false } = {}) {
  const filter = names.length ? [`^compare/(${names.join("|")})$`] : [];
  await run("cargo", ["bench", "--locked", "--bench", "compare", "--", ...(smoke ? ["--test"] : []), ...filter]);
  if (smoke) return {};
  const out = {};
  for (const name of names) {
    const file = join(REPO, "target/criterion/compare", name, "new/sample.json");
    const { iters, times } = JSON.parse(await readFile(file, "utf8"));
    // one sample = `iters[i]` calls taking `times[i]` ns: its mean per call, in ms
    out[name] = summarise(times.map((t, i) => t / iters[i] / 1e6));
  }
  return out;
}

/**
 * The native engine timed in the browser's rounds (`benches/rounds.rs`), so
 * that wasm and native are compared under the same load: `load(pair)`,
 * `time(k)` (mean ms per call of `k` calls), `close()`.
 */
export function nativeRounds() {
  const child = spawn("cargo", ["bench", "--locked", "-q", "--bench", "rounds"], { cwd: REPO, stdio: ["pipe", "pipe", "inherit"] });
  const waiting = [];
  let buffered = "";
  let ended = null;
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk) => {
    buffered += chunk;
    let nl;
    while ((nl = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      waiting.shift()?.(line);
    }
  });
  child.on("exit", (code) => {
    ended = new Error(`benches/rounds.rs exited with ${code}`);
    for (const answer of waiting.splice(0)) answer(`error ${ended.message}`);
  });
  const ask = (command) =>
    new Promise((ok, fail) => {
      if (ended) return fail(ended);
      waiting.push((line) => (line.startsWith("error") ? fail(new Error(`benches/rounds.rs: ${line}`)) : ok(line)));
      child.stdin.write(`${command}\n`);
    });
  return {
    load: (pair) => ask(`load ${pair}`),
    time: async (k) => Number(await ask(`time ${k}`)),
    close: () => child.stdin.end(),
  };
}
