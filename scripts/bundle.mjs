// The page as it ships (scripts/build calls this): www/app.js and every module
// it imports up front in ONE file, www/bundle.app.js, and each module imported
// on demand (import()) in a chunk of its own, www/bundle.<name>-<hash>.js,
// loaded then. One file, not one per set of importers (esbuild's splitting),
// because the page needs all of it before it can compare, and a single gzip
// stream compresses the whole better than many (BENCHMARKS.md, the page's
// bytes). The engine's generated glue stays outside (./pkg/), so the tests can
// serve another build of it. Flat in www/, so `new URL("./…", import.meta.url)`
// (the wasm, the worker, the samples) resolves as in the sources.
//
// Rolldown groups the chunks; esbuild then minifies each file as the rest of
// the page's code is minified (scripts/assets.mjs), for the oldest browsers
// supported.
import { readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { transform } from "esbuild";
import { rolldown } from "rolldown";
import { TARGET } from "./assets.mjs";

const WWW = resolve(fileURLToPath(new URL("../www", import.meta.url)));
const ENTRY = join(WWW, "app.js");

/** The modules `entry` reaches by static imports, once the build has parsed them all. */
function upFront(parsed, entry) {
  const reached = new Set();
  const queue = [entry];
  while (queue.length) {
    const id = queue.pop();
    if (reached.has(id)) continue;
    reached.add(id);
    queue.push(...(parsed.get(id) ?? []));
  }
  return reached;
}

const parsed = new Map(); // module id → its static imports
let eager;
const bundle = await rolldown({
  input: { app: ENTRY },
  external: (id) => /^\.\/pkg\//.test(id) || id.startsWith(join(WWW, "pkg") + "/"),
  platform: "browser",
  plugins: [{ name: "static-imports", moduleParsed: (info) => parsed.set(info.id, info.importedIds) }],
});
for (const old of await readdir(WWW)) if (/^bundle\..*\.js$/.test(old)) await rm(join(WWW, old));
const { output } = await bundle.write({
  dir: WWW,
  format: "esm",
  entryFileNames: "bundle.[name].js",
  chunkFileNames: "bundle.[name]-[hash:8].js",
  hashCharacters: "base36",
  codeSplitting: {
    groups: [{ name: "app", test: (id) => (eager ??= upFront(parsed, ENTRY)).has(id) }],
  },
});
await bundle.close();
for (const chunk of output) {
  const file = join(WWW, chunk.fileName);
  const { code } = await transform(await readFile(file, "utf8"), { loader: "js", format: "esm", minify: true, target: TARGET });
  await writeFile(file, code);
}
