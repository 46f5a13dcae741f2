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
