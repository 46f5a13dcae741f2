// `npm run size`: what the page and the <wire-diff> widget cost to download,
// gzipped (level 9), against the 150 KB budget (150,000 bytes) each. Exits 1
// when either is over. Each file counts as it ships: its bytes come from
// scripts/assets.mjs, as the server's and the npm package's do (the page's
// JS and CSS minified), not as written in www/.
//
// The page's budget counts what a reader downloads to open the page and see
// the sample compared: the union of what Chromium requests meanwhile
// (recorded on loopback) and the static module graph from www/index.html
// (static imports and `new URL(…, import.meta.url)` assets such as the wasm
// and the worker, so a worker started only for large texts still counts).
// Modules the page imports with `import()` on a user action (exporting,
// opening a file) and nothing loads at start are listed apart, "on demand",
// with their sizes, not counted. With --no-browser the static graph alone is
// counted. The widget's files are the whole module graph from its entry,
// www/wire-diff-define.js, dynamic imports included. Sample texts are
// content, not code: listed, not counted.
//
//   node scripts/bench/size.mjs [--json] [--no-browser]
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, extname, join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { shipped } from "../assets.mjs";
import { REPO } from "./inputs.mjs";

export const BUDGET = 150_000;
const WWW = join(REPO, "www");
const CODE = new Set([".html", ".js", ".mjs", ".css", ".wasm"]);
const WIDGET_ENTRY = join(WWW, "wire-diff-define.js");

/**
 * Files reachable from `entries` (absolute paths) by the references a browser
 * follows; `import()`s too unless `dynamic` is false, when their targets are
 * returned apart as `lazy` (those not reached otherwise).
 */
export async function moduleGraph(entries, { dynamic = true } = {}) {
  const seen = new Set();
  const lazy = new Set();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const ext = extname(file);
    if (ext !== ".js" && ext !== ".mjs" && ext !== ".html" && ext !== ".css") continue;
    const text = await readFile(file, "utf8");
    const refs = [];
    const imported = [];
    if (ext === ".html") {
      for (const m of text.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)\s*=\s*["']([^"']+)["']/g)) refs.push(m[1]);
    } else if (ext === ".css") {
      for (const m of text.matchAll(/@import\s+(?:url\()?["']([^"']+)["']|url\(\s*["']?([^"')]+)["']?\s*\)/g)) refs.push(m[1] ?? m[2]);
    } else {
      // comments that start a line (a reference in a trailing comment would only over-count)
      const code = text.replace(/^\s*\/\*[\s\S]*?\*\//gm, "").replace(/^\s*\/\/.*$/gm, "");
      // `import{a}from"./x.js"` too: the generated glue is minified
      for (const m of code.matchAll(/\b(?:import|export)\s*[\w${*][^;"'`]*?\bfrom\s*["']([^"']+)["']/g)) refs.push(m[1]);
      for (const m of code.matchAll(/\bimport\s*["']([^"']+)["']/g)) refs.push(m[1]);
      for (const m of code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) (dynamic ? refs : imported).push(m[1]);
      for (const m of code.matchAll(/new\s+URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g)) refs.push(m[1]);
    }
    const local = (ref) => !/^(?:[a-z]+:|\/\/|data:|#)/i.test(ref); // not other origins, data, fragments
    const path = (ref) => (ref.startsWith("/") ? join(WWW, ref) : resolve(dirname(file), ref.split(/[?#]/)[0]));
    queue.push(...refs.filter(local).map(path));
    for (const ref of imported.filter(local)) lazy.add(path(ref));
  }
  return { files: [...seen].sort(), lazy: [...lazy].filter((f) => !seen.has(f) && existsSync(f)).sort() };
}

/** The files Chromium fetches from www/ while the page opens and compares the sample. */
async function requested() {
  const { start } = await import("../browser.mjs");
  const env = await start();
  try {
    const { page } = await env.page();
    const files = new Set();
    page.on("response", (r) => {
      const url = new URL(r.url());
      if (r.status() === 200 && url.origin === new URL(env.url).origin) files.add(join(WWW, decodeURIComponent(url.pathname)));
    });
    await page.goto(env.url);
    await page.waitForSelector("body[data-state]", { timeout: 60_000 });
    await page.waitForLoadState("networkidle");
    await page.close();
    return [...files].map((f) => (f.endsWith("/") ? join(f, "index.html") : f));
  } finally {
    await env.close();
  }
}

async function table(files, how, budget = BUDGET) {
  const rows = [];
  for (const file of files) {
    const body = await shipped(file);
    rows.push({
      path: relative(REPO, file),
      bytes: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      code: CODE.has(extname(file)),
      how: how(file),
    });
  }
  rows.sort((a, b) => b.gzip - a.gzip);
  const total = rows.filter((r) => r.code).reduce((n, r) => n + r.gzip, 0);
  return { files: rows, total, over: total > budget };
}

/** Both budgets, and the page's modules on demand: `{ page: { …, onDemand }, widget, budget }`. */
export async function measureSizes({ browser = true } = {}) {
  const seen = browser ? await requested() : [];
  const { files: graph } = await moduleGraph([join(WWW, "index.html")], { dynamic: false });
  // what loaded at start, and what it references statically (a dynamic import taken at start among them)
  const opened = await moduleGraph([...new Set([...graph, ...seen])], { dynamic: false });
  const page = await table(opened.files, (f) => [seen.includes(f) && "requested", graph.includes(f) && "module graph"].filter(Boolean).join(", "));
  const later = (await moduleGraph(opened.lazy)).files.filter((f) => !opened.files.includes(f));
  page.onDemand = await table(later, () => "import() on a user action", Infinity);
  let widget = null;
  if (existsSync(WIDGET_ENTRY)) {
    const { files } = await moduleGraph([WIDGET_ENTRY]);
    widget = { entry: relative(REPO, WIDGET_ENTRY), ...(await table(files, () => "module graph")) };
  }
  return { page, widget, budget: BUDGET };
}

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

export function describe({ page, widget, budget }) {
  const lines = ["bytes as shipped (scripts/assets.mjs: the page's JS and CSS minified)"];
  const section = (title, t) => {
    lines.push(`${title}: ${kb(t.total)} gzipped of ${kb(budget)} ${t.over ? "— OVER BUDGET" : "(within budget)"}`);
    for (const f of t.files) {
      lines.push(`  ${f.path.padEnd(40)} ${String(f.bytes).padStart(8)} B  ${String(f.gzip).padStart(7)} B gz  ${f.code ? "" : "(content, not counted) "}${f.how}`);
    }
  };
  section("page (wasm + JS + CSS + HTML)", page);
  lines.push(`page, on demand (not counted): ${kb(page.onDemand.total)} gzipped`);
  for (const f of page.onDemand.files) lines.push(`  ${f.path.padEnd(40)} ${String(f.bytes).padStart(8)} B  ${String(f.gzip).padStart(7)} B gz  ${f.how}`);
  if (widget) section(`widget (${widget.entry} and what it loads)`, widget);
  else lines.push("widget: no www/wire-diff-define.js yet");
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(join(WWW, "pkg/wirediff_bg.wasm"))) {
    console.error("www/pkg/ is not built: run scripts/build first");
    process.exit(1);
  }
  const sizes = await measureSizes({ browser: !process.argv.includes("--no-browser") });
  console.log(process.argv.includes("--json") ? JSON.stringify(sizes, null, 2) : describe(sizes));
  if (sizes.page.over || sizes.widget?.over) {
    console.error(`over the ${kb(BUDGET)} gzip budget`);
    process.exit(1);
  }
}
