// The page asks for everything its first comparison needs at once (issue 15,
// cold load): www/index.html preloads every module app.js imports statically,
// the wasm at the URL engine.js fetches it from, the samples' manifest and
// every sample it lists. Without the hints each level of imports waits for
// the one before it, and the wasm and the samples for all of them.
// Run: node --test tests/preload.test.mjs (scripts/test does, first).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const WWW = resolve(dirname(fileURLToPath(import.meta.url)), "../www");
const html = readFileSync(join(WWW, "index.html"), "utf8");

/** The hrefs of `<link rel="<rel>">` in index.html, with their attributes. */
function linksOf(rel) {
  return [...html.matchAll(/<link\s+([^>]*)>/g)]
    .map((m) => Object.fromEntries([...m[1].matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map((a) => [a[1], a[2] ?? ""])))
    .filter((a) => a.rel === rel);
}

/** The www/ modules `entry` imports statically, transitively (the generated pkg/ glue included, its own imports not). */
function staticImports(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (relative(WWW, file).startsWith("pkg/")) return;
    const source = readFileSync(file, "utf8");
    for (const m of source.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s*["'](\.[^"']+)["']|^\s*import\s*["'](\.[^"']+)["']/gm)) {
      visit(join(dirname(file), m[1] ?? m[2]));
    }
  };
  visit(join(WWW, entry));
  seen.delete(join(WWW, entry));
  return [...seen].map((f) => relative(WWW, f)).sort();
}

test("every module app.js imports statically is preloaded, and nothing else", () => {
  const preloaded = linksOf("modulepreload").map((a) => a.href).sort();
  assert.deepEqual(preloaded, staticImports("app.js"));
});

test("the wasm is preloaded where engine.js fetches it, as the fetch will ask for it", () => {
  const engine = readFileSync(join(WWW, "engine.js"), "utf8");
  const fetched = engine.match(/new URL\("\.\/(pkg\/[\w.-]+\.wasm)", import\.meta\.url\)/)?.[1];
  assert.ok(fetched, "engine.js names its wasm");
  const wasm = linksOf("preload").find((a) => a.href === fetched);
  assert.ok(wasm, `${fetched} is preloaded`);
  // a fetch() is CORS-mode with same-origin credentials: a preload matches it only as="fetch" with crossorigin
  assert.equal(wasm.as, "fetch");
  assert.ok("crossorigin" in wasm && ["", "anonymous"].includes(wasm.crossorigin));
});

test("the samples' manifest and every sample it lists are preloaded", () => {
  const manifest = JSON.parse(readFileSync(join(WWW, "samples/manifest.json"), "utf8"));
  const preloaded = linksOf("preload").filter((a) => a.href.startsWith("samples/"));
  assert.deepEqual(preloaded.map((a) => a.href).sort(), ["samples/manifest.json", ...manifest.versions.map((v) => `samples/${v.file}`)].sort());
  for (const link of preloaded) assert.ok(link.as === "fetch" && "crossorigin" in link, link.href);
});
