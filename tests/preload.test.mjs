// The page asks for everything its first comparison needs at once (issue 15,
// cold load): its script is one bundle (scripts/bundle.mjs: bundle.app.js),
// and www/index.html preloads the wasm, the largest file, at the URL engine.js
// fetches it from, which the script would otherwise ask for only once it
// runs, and the samples' manifest, which names the samples
// (they are loaded while the engine compiles; preloading them too cost more
// of the download budget than it saved).
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
