// What a browser downloads for a file of www/: the one place that decides it,
// for the server (scripts/serve.mjs, so the tests run what ships), the size
// check (scripts/bench/size.mjs) and the npm package (scripts/pack). The page's
// own modules and stylesheet are minified here, not in git, so the sources stay
// readable; everything else (HTML, the wasm, the samples, www/pkg/, which
// scripts/build minified already, .d.ts) ships as written.
import { readFile, stat } from "node:fs/promises";
import { extname, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { transform } from "esbuild";

export const WWW = resolve(fileURLToPath(new URL("../www", import.meta.url)));

/**
 * The oldest browsers supported (package.json's browserslist,
 * docs/embedding.md#browsers): the minifier uses no syntax they lack, and
 * lowers none of what the source does (import.meta.url, dynamic imports,
 * `new URL(…, import.meta.url)`, module workers).
 */
export const TARGET = ["chrome111", "edge111", "firefox121", "safari16.4"];

const LOADERS = { ".js": "js", ".mjs": "js", ".css": "css" };

/** Whether `file` (absolute) is shipped minified rather than as written. */
export function minified(file) {
  const path = relative(WWW, resolve(file));
  if (path.startsWith("..") || path.startsWith(`pkg${sep}`) || path === "pkg") return false;
  if (/^bundle\..*\.js$/.test(path)) return false; // scripts/build minified it
  return extname(file) in LOADERS;
}

/** `source`'s shipped bytes, `file` naming it (for its kind and esbuild's messages). */
export async function ship(file, source) {
  if (!minified(file)) return source;
  const { code } = await transform(source.toString("utf8"), {
    loader: LOADERS[extname(file)],
    format: LOADERS[extname(file)] === "js" ? "esm" : undefined,
    minify: true,
    target: TARGET,
    sourcefile: relative(WWW, file),
    logLevel: "silent",
  });
  return Buffer.from(code);
}

const cache = new Map();

/** The bytes a browser downloads for `file`, cached by path and mtime. */
export async function shipped(file) {
  const { mtimeMs } = await stat(file);
  const hit = cache.get(file);
  if (hit?.mtimeMs === mtimeMs) return hit.bytes;
  const bytes = await ship(file, await readFile(file));
  cache.set(file, { mtimeMs, bytes });
  return bytes;
}
