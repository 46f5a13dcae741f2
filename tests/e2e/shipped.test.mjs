// The server sends each file of www/ as it ships (scripts/assets.mjs), so the
// end-to-end tests run the minified modules a deployment serves, while git
// keeps them as written; WIREDIFF_SOURCE=1 (`asWritten`) serves the sources.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { ship } from "../../scripts/assets.mjs";
import { ROOT, serve } from "../../scripts/serve.mjs";

const servers = {};
before(async () => {
  servers.shipped = await serve({ port: 0, asWritten: false });
  servers.source = await serve({ port: 0, asWritten: true });
});
after(() => Promise.all(Object.values(servers).map((s) => s.close())));

const get = async (server, path) => Buffer.from(await (await fetch(new URL(path, server.url))).arrayBuffer());
const asset = /new URL\(\s*(["'][^"']+["'])\s*,\s*import\.meta\.url\s*\)/g;

test("the page's modules and stylesheet are served minified, with every asset URL kept", async () => {
  for (const path of ["app.js", "engine.js", "share.js", "wire-diff.js", "render/redline.js", "wirediff.css"]) {
    const source = readFileSync(join(ROOT, path));
    const served = await get(servers.shipped, path);
    assert.deepEqual(served, await ship(join(ROOT, path), source), path);
    assert.ok(served.length < source.length * 0.8, `${path}: ${served.length} B served, ${source.length} B as written`);
    const urls = (text) => [...text.matchAll(asset)].map((m) => m[1].slice(1, -1));
    assert.deepEqual(urls(served.toString()), urls(source.toString()), `${path}: new URL(…, import.meta.url)`);
  }
});

test("the HTML, the samples, the built glue in pkg/ and the wasm are served as written", async () => {
  const sample = `samples/${JSON.parse(readFileSync(join(ROOT, "samples/manifest.json"), "utf8")).wire_source}`;
  for (const path of ["index.html", "samples/manifest.json", sample, "pkg/wirediff.js", "pkg/wirediff_bg.wasm"]) {
    assert.deepEqual(await get(servers.shipped, path), readFileSync(join(ROOT, path)), path);
  }
});

test("the shipped wasm names no folder of the machine that built it", () => {
  const wasm = readFileSync(join(ROOT, "pkg/wirediff_bg.wasm")).toString("latin1");
  const folders = [homedir(), process.env.CARGO_HOME, dirname(ROOT)].filter(Boolean);
  for (const folder of folders) assert.ok(!wasm.includes(folder), `the wasm holds ${folder}`);
  assert.doesNotMatch(wasm, /\.cargo\/registry/);
  // the dependencies' panic messages still name their files, from crates/ on
  assert.match(wasm, /crates\/index\.crates\.io-[0-9a-f]+\/[a-z-]+-\d+\.\d+\.\d+\/src\//);
});

test("asWritten (WIREDIFF_SOURCE=1) serves the modules as they are in git", async () => {
  for (const path of ["app.js", "wirediff.css"]) {
    assert.deepEqual(await get(servers.source, path), readFileSync(join(ROOT, path)), path);
  }
});
