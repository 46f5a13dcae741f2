// The page asks for everything its first comparison needs at once (issue 15,
// cold load): its script is one bundle (scripts/bundle.mjs: bundle.app.js),
// and www/index.html preloads the wasm, the largest file, at the URL engine.js
// fetches it from, which the script would otherwise ask for only once it
// runs; the samples' manifest, which names the samples, and the two samples
// the page compares first; and the engine's glue modules, which the bundle
// imports (without these the page asked for them only once the bundle, then
// the glue, had arrived: on a busy machine, 10–25 ms more to the first
// painted comparison, BENCHMARKS.md).
// Run: node --test tests/preload.test.mjs (scripts/test does, first).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const WWW = resolve(dirname(fileURLToPath(import.meta.url)), "../www");
const html = readFileSync(join(WWW, "index.html"), "utf8");

/** The hrefs of `<link rel="<rel>">` in index.html, with their attributes. */
function linksOf(rel) {
  return [...html.matchAll(/<link\s+([^>]*)>/g)]
    .map((m) => Object.fromEntries([...m[1].matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map((a) => [a[1], a[2] ?? ""])))
    .filter((a) => a.rel === rel);
}

test("the page's script is the bundle scripts/bundle.mjs makes of app.js (its requests: tests/e2e/page/share.test.mjs)", () => {
  assert.match(html, /<script type="module" src="bundle\.app\.js"><\/script>/);
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

test("the samples' manifest is preloaded where samples.js fetches it, as the fetch will ask for it", () => {
  const samples = readFileSync(join(WWW, "samples.js"), "utf8");
  const fetched = samples.match(/fetch\(new URL\("\.\/(samples\/manifest\.json)", import\.meta\.url\)\)/)?.[1];
  assert.ok(fetched, "samples.js names its manifest");
  const manifest = linksOf("preload").find((a) => a.href === fetched);
  assert.ok(manifest, `${fetched} is preloaded`);
  assert.equal(manifest.as, "fetch");
  assert.ok("crossorigin" in manifest && ["", "anonymous"].includes(manifest.crossorigin));
});

test("the two samples the page compares first (the wire, then the manifest's first outlet) are preloaded as samples.js fetches them", () => {
  const samples = readFileSync(join(WWW, "samples.js"), "utf8");
  assert.match(samples, /fetch\(new URL\(`\.\/samples\/\$\{encodeURIComponent\(file\)\}`, import\.meta\.url\)\)/, "samples.js fetches samples/<file>");
  const manifest = JSON.parse(readFileSync(join(WWW, "samples/manifest.json"), "utf8"));
  const first = [manifest.wire_source, manifest.versions.find((v) => v.file !== manifest.wire_source).file];
  const preloaded = linksOf("preload").filter((a) => a.href.startsWith("samples/") && a.href !== "samples/manifest.json");
  assert.deepEqual(preloaded.map((a) => a.href), first.map((file) => `samples/${encodeURIComponent(file)}`));
  for (const a of preloaded) assert.ok(a.as === "fetch" && "crossorigin" in a, `${a.href} as a fetch() asks for it`);
});

test("the engine's glue, its decoder and the decoder's own module are modulepreloaded: the modules the bundle's imports reach", () => {
  const engine = readFileSync(join(WWW, "engine.js"), "utf8");
  const imported = [...engine.matchAll(/^import .* from "\.\/(pkg\/[\w.-]+\.js)";$/gm)].map((m) => m[1]);
  assert.deepEqual(imported, ["pkg/wirediff.js", "pkg/result.js"]);
  const preloaded = linksOf("modulepreload").map((a) => a.href);
  for (const href of imported) assert.ok(preloaded.includes(href), `${href} is modulepreloaded`);
  // the decoder's hashed folder: scripts/build checks after each build that this is the one wasm-bindgen wrote
  const decoder = preloaded.filter((href) => /^pkg\/snippets\/wirediff-[0-9a-f]{16}\/src\/wasm\/result\.js$/.test(href));
  assert.equal(decoder.length, 1, "the decoder's module under pkg/snippets/");
  assert.equal(preloaded.length, 3);
});
