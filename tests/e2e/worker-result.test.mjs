// A result from the engine's worker is the result the page's own thread
// gives: the worker sends the engine's numbers and the page decodes them with
// the same decoder (src/wasm/result.js), a slice at a time. Held equal, key
// order and all, on the sample pair and on a pair past the worker's threshold,
// with the default options and with every option changed, for compare() and
// compareMany().
import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachBrowser } from "./harness/driver.mjs";
import { openPage } from "./harness/page-helpers.mjs";

/**
 * Runs in the page: for each case, compared with `worker: false` and with
 * `worker: true`, the first place the two results differ (null when none), and
 * the sizes that show what was compared.
 */
async function bothWays() {
  const engine = await import("/engine.js");
  await engine.ready();
  const read = async (file) => (await fetch(`/samples/${file}`)).text();
  const [ap, kompas] = await Promise.all([read("001_7874be6ffbaae5d6.txt"), read("000_a7be8358ffd46965.txt")]);
  const left = [];
  const right = [];
  for (let k = 0; Math.min(left.join("").length, right.join("").length) < 210_000; k++) {
    left.push(`Part ${k}.\n\n${ap}\n\n`);
    right.push(`Part ${k}.\n\n${k % 3 ? ap.replace(/Lukashenko/g, `Lukashenka-${k}`) : kompas}\n\n`);
  }
  const big = { left: left.join(""), right: right.join("") };

  /** The first path at which `a` and `b` differ in value, type, kind of object or order of keys; null when none. */
  const difference = (a, b, path = "result") => {
    if (Object.is(a, b)) return null;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return `${path}: ${a} ≠ ${b}`;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: not the same kind of object`;
    const keys = Object.keys(a);
    if (keys.join() !== Object.keys(b).join()) return `${path}: keys ${keys} ≠ ${Object.keys(b)}`;
    for (const key of keys) {
      const found = difference(a[key], b[key], `${path}.${key}`);
      if (found) return found;
    }
    return null;
  };

  const defaults = engine.defaultOptions();
  const every = {};
  for (const [name, value] of Object.entries(defaults)) every[name] = typeof value === "boolean" ? !value : value * 3;
  const out = [];
  for (const [pair, l, r] of [["sample", ap, kompas], ["big", big.left, big.right]]) {
    for (const [label, options] of [["defaults", undefined], ["every option", every]]) {
      const here = await engine.compare(l, r, options, { worker: false });
      const there = await engine.compare(l, r, options, { worker: true });
      out.push({ case: `compare ${pair}, ${label}`, chars: l.length + r.length, ops: here.ops.length, difference: difference(here, there) });
    }
  }
  const versions = [kompas, big.right, ap];
  const here = await engine.compareMany(big.left, versions, every, { worker: false });
  const there = await engine.compareMany(big.left, versions, every, { worker: true });
  out.push({ case: "compareMany", chars: big.left.length, ops: here.results[1].ops.length, difference: difference(here, there) });
  return { out, every };
}

forEachBrowser((browser) => {
  test("compare() and compareMany() give the same objects from the worker as on the page's thread, on the sample and past the threshold, with every option", { timeout: 240_000 }, async () => {
    const page = await openPage(browser);
    const { out, every } = await page.evaluate(bothWays);
    assert.deepEqual(Object.keys(every).sort(), ["ignoreCase", "ignorePunctuation", "maxInputBytes", "timeBudgetMs", "unifyDashes", "unifyQuotes", "unifyWhitespace"]);
    assert.equal(out.length, 5);
    for (const c of out) {
      assert.equal(c.difference, null, c.case);
      assert.ok(c.ops > 10, `${c.case}: a real result (${c.ops} ops)`);
    }
    assert.ok(out.find((c) => c.case === "compare big, defaults").chars > 420_000, "each text past the worker's threshold");
    assert.deepEqual(page.log.errors, []);
  });
});
