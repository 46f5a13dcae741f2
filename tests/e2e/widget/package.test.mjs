// The npm package, used the way a project outside this repository uses it:
// scripts/pack builds it, `npm pack` makes the tarball, a consumer project
// made from tests/e2e/harness/consumer/ in a temporary folder installs the tarball,
// type-checks against its declarations, bundles with esbuild and is served
// under the strict CSP; the same installed package is also used from a plain
// <script type="module">.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { after, before, test } from "node:test";
import * as esbuild from "esbuild";
import { shipped } from "../../../scripts/assets.mjs";
import { serve } from "../../../scripts/serve.mjs";
import { forEachBrowser } from "../harness/driver.mjs";
import { STRICT_CSP } from "../harness/hosts/servers.mjs";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const FIXTURE = fileURLToPath(new URL("../harness/consumer/", import.meta.url));
const SAMPLES = { wire: "001_7874be6ffbaae5d6.txt", outlet: "000_a7be8358ffd46965.txt" };

let tarball;
let app; // the consumer project's folder
let server;

before(async () => {
  // The wasm is built already (scripts/test builds before the e2e tests).
  const out = execFileSync(join(ROOT, "scripts/pack"), ["--no-build", "--tarball"], { cwd: ROOT, encoding: "utf8" });
  tarball = join(ROOT, "dist", out.trim().split("\n").at(-1).replace(/^wrote dist\//, ""));
  assert.ok(statSync(tarball).isFile(), `no tarball at ${tarball}: ${out}`);

  app = mkdtempSync(join(tmpdir(), "wirediff-consumer-"));
  cpSync(FIXTURE, app, { recursive: true });
  mkdirSync(join(app, "public/texts"));
  cpSync(join(ROOT, "www/samples", SAMPLES.wire), join(app, "public/texts/wire.txt"));
  cpSync(join(ROOT, "www/samples", SAMPLES.outlet), join(app, "public/texts/outlet.txt"));
  // The tarball has no dependencies: installing it needs no network.
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball], { cwd: app, stdio: "pipe" });
  await esbuild.build({
    absWorkingDir: app,
    entryPoints: { main: "src/main.js", worker: "wirediff/worker.js" },
    bundle: true,
    format: "esm",
    outdir: "public",
    loader: { ".css": "file", ".wasm": "file" },
    assetNames: "assets/[name]-[hash]",
    logLevel: "silent",
  });
  server = await serve({ port: 0, root: join(app, "public"), csp: STRICT_CSP, mounts: { "/node_modules/": join(app, "node_modules") } });
});

after(async () => {
  await server?.close();
  if (app) rmSync(app, { recursive: true, force: true });
});

test("the tarball holds the three entry points, the wasm, the stylesheet and their declarations", () => {
  const listed = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((f) => f.replace(/^package\//, "./"));
  const manifest = JSON.parse(readFileSync(join(app, "node_modules/wirediff/package.json"), "utf8"));
  assert.equal(manifest.name, "wirediff");
  assert.equal(manifest.type, "module");
  assert.deepEqual(Object.keys(manifest.exports).sort(), [".", "./define", "./engine", "./package.json", "./wirediff.css", "./wirediff_bg.wasm", "./worker.js"]);
  for (const subpath of [".", "./define", "./engine"]) {
    const { types, default: module } = manifest.exports[subpath];
    assert.ok(listed.includes(types) && listed.includes(module), `${subpath}: ${module} and ${types} are packed`);
  }
  for (const target of Object.values(manifest.exports).filter((t) => typeof t === "string")) {
    assert.ok(listed.includes(target), `${target} is packed`);
  }
  assert.ok(listed.includes(manifest.types));
  assert.deepEqual(manifest.sideEffects, ["./wire-diff-define.js"]);
  assert.deepEqual([...manifest.files, "package.json"].map((f) => (f.startsWith("./") ? f : `./${f}`)).sort(), [...listed].sort());
  assert.ok(listed.some((f) => f.endsWith(".wasm")));
  assert.ok(listed.includes("./pkg/wirediff.d.ts"), "the result schema's declarations");
  // Its README is the embedding guide, with no link that points outside the package.
  const readme = readFileSync(join(app, "node_modules/wirediff/README.md"), "utf8");
  assert.equal(readme, readFileSync(join(ROOT, "docs/embedding.md"), "utf8"));
  assert.ok(readme.includes("## Attributes"));
  assert.deepEqual([...readme.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]).filter((t) => !/^(https?:|#)/.test(t)), []);
});

test("the package says where it comes from and under which licences, and ships both and its changelog", () => {
  const installed = join(app, "node_modules/wirediff");
  const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
  const root = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  assert.equal(manifest.license, "MIT OR Apache-2.0");
  for (const field of ["repository", "homepage", "bugs"]) {
    assert.deepEqual(manifest[field], root[field], field);
  }
  assert.match(manifest.repository.url, /^git\+https:\/\/.+\.git$/);
  assert.match(manifest.homepage, /^https:\/\//);
  assert.match(manifest.bugs.url, /^https:\/\//);
  const mit = readFileSync(join(installed, "LICENSE-MIT"), "utf8");
  const apache = readFileSync(join(installed, "LICENSE-APACHE"), "utf8");
  assert.match(mit, /^MIT License\n/);
  assert.match(mit, /Permission is hereby granted, free of charge/);
  assert.match(apache, /Apache License\s+Version 2\.0, January 2004/);
  assert.match(apache, /END OF TERMS AND CONDITIONS/);
  for (const file of ["LICENSE-MIT", "LICENSE-APACHE", "CHANGELOG.md"]) {
    assert.deepEqual(readFileSync(join(installed, file)), readFileSync(join(ROOT, file)), `${file} as in the repository`);
  }
  assert.match(readFileSync(join(installed, "CHANGELOG.md"), "utf8"), /^# Changelog\n[\s\S]*## \[Unreleased\]/);
});

test("the package holds the bytes the server ships: modules and stylesheet minified, declarations as written", async () => {
  const installed = join(app, "node_modules/wirediff");
  for (const file of ["wire-diff.js", "engine.js", "worker.js", "wirediff.css", "pkg/wirediff.js", "pkg/wirediff_bg.wasm"]) {
    assert.deepEqual(readFileSync(join(installed, file)), await shipped(join(ROOT, "www", file)), file);
  }
  const source = readFileSync(join(ROOT, "www/wire-diff.js"));
  assert.ok(readFileSync(join(installed, "wire-diff.js")).length < source.length * 0.8, "wire-diff.js is minified");
  for (const file of ["wire-diff.d.ts", "engine.d.ts", "pkg/wirediff.d.ts"]) {
    assert.deepEqual(readFileSync(join(installed, file)), readFileSync(join(ROOT, "www", file)), file);
  }
});

// The oldest TypeScript the declarations support, and the current one (both
// pinned in package.json): 4.9 has no "bundler" resolution, so its app
// resolves the package as Node does (tsconfig.ts49.json).
for (const [typescript, project] of [
  ["typescript", "tsconfig.json"],
  ["typescript-4.9", "tsconfig.ts49.json"],
]) {
  const version = JSON.parse(readFileSync(join(ROOT, "node_modules", typescript, "package.json"), "utf8")).version;
  test(`a TypeScript app type-checks against the package's declarations with tsc --strict ${version} (and misuse does not)`, () => {
    const tsc = join(ROOT, "node_modules", typescript, "bin/tsc");
    try {
      execFileSync(process.execPath, [tsc, "-p", project], { cwd: app, encoding: "utf8", stdio: "pipe" });
    } catch (e) {
      assert.fail(`tsc ${version} found errors:\n${e.stdout}${e.stderr}`);
    }
  });
}

test("bundling only the element class or only the engine registers nothing (sideEffects)", async () => {
  for (const [name, code] of [
    ["class", 'import { WireDiffElement } from "wirediff"; export default WireDiffElement;'],
    ["engine", 'import { compare } from "wirediff/engine"; export default compare;'],
    ["define", 'import "wirediff/define";'],
  ]) {
    const out = await esbuild.build({
      absWorkingDir: app,
      stdin: { contents: code, resolveDir: app, loader: "js" },
      bundle: true,
      format: "esm",
      write: false,
      logLevel: "silent",
    });
    // Run the bundle in a Node given a stand-in DOM that records what is registered.
    const bundle = join(app, `bundle-${name}.mjs`);
    writeFileSync(bundle, out.outputFiles[0].text);
    const registered = execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `globalThis.HTMLElement = class {};
         const defined = [];
         globalThis.customElements = { get: () => undefined, getName: () => null, define: (tag) => defined.push(tag) };
         await import(${JSON.stringify(pathToFileURL(bundle).href)});
         console.log(JSON.stringify(defined));`,
      ],
      { encoding: "utf8" },
    );
    assert.deepEqual(JSON.parse(registered), name === "define" ? ["wire-diff"] : [], `${name}: what the bundle registers`);
  }
});

forEachBrowser((browser) => {
  test("the esbuild bundle renders its widgets under the strict CSP, with the engine's results", async () => {
    const page = await browser.page();
    await page.goto(`${server.url}index.html`);
    await page.waitFor(() => ["from-markup", "from-script"].every((id) => document.getElementById(id)?.result));
    const out = await page.evaluate(async () => {
      const { compare } = window.consumer;
      const text = async (url) => (await fetch(url)).text();
      const markup = document.getElementById("from-markup");
      const script = document.getElementById("from-script");
      const same = async (w, left, right) => JSON.stringify(w.result) === JSON.stringify(await compare(left, right));
      const css = (w, selector) => getComputedStyle(w.shadowRoot.querySelector(selector));
      return {
        defined: window.consumer.defined,
        markup: await same(markup, await text("texts/wire.txt"), await text("texts/outlet.txt")),
        script: await same(script, script.source, script.compare),
        views: [markup, script].map((w) => w.shadowRoot.querySelector("[part~=body]").className),
        insBackgrounds: [...new Set([...markup.shadowRoot.querySelectorAll("ins")].map((el) => getComputedStyle(el).backgroundColor))],
        frameFont: css(markup, "[part~=frame]").fontFamily,
        status: markup.shadowRoot.querySelector("[part~=status]").textContent,
      };
    });
    assert.deepEqual(
      { defined: out.defined, markup: out.markup, script: out.script },
      { defined: true, markup: true, script: true },
    );
    assert.match(out.views[0], /\bwd-redline\b/);
    assert.match(out.views[1], /\bwd-sbs\b/);
    assert.ok(out.insBackgrounds.includes("rgb(215, 245, 221)"), `the packaged stylesheet applies (--wd-insert-bg): ${out.insBackgrounds}`);
    assert.match(out.frameFont, /system-ui/);
    assert.match(out.status, /^\d+ changes? · (wholly|partially|not) derived/);
    // Assets came from where the bundle put them, not from beside the (absent) modules.
    const paths = page.log.requests.map((url) => new URL(url).pathname);
    assert.ok(paths.some((p) => /^\/assets\/wirediff_bg-\w+\.wasm$/.test(p)), paths.join(" "));
    assert.ok(paths.some((p) => /^\/assets\/wirediff-\w+\.css$/.test(p)), paths.join(" "));
    assert.deepEqual(page.log.errors, []);
    assert.deepEqual(page.log.violations, []);
  });

  test("the bundle's engine worker runs large comparisons (worker.js beside the bundle)", async () => {
    const page = await browser.page();
    await page.goto(`${server.url}index.html`);
    await page.waitFor(() => document.getElementById("from-markup")?.result);
    const out = await page.evaluate(async () => {
      const { compare, usesWorker } = window.consumer;
      const text = async (url) => (await fetch(url)).text();
      const left = (await text("texts/wire.txt")).repeat(25);
      const right = (await text("texts/outlet.txt")).repeat(50);
      const w = document.createElement("wire-diff");
      Object.assign(w, { source: left, compare: right });
      const outcome = new Promise((done) => {
        w.addEventListener("wirediff-rendered", () => done("rendered"));
        w.addEventListener("wirediff-error", (e) => done(e.detail.message));
      });
      document.getElementById("app").append(w);
      const result = await outcome;
      return {
        worker: usesWorker([left, right]),
        result,
        same: result === "rendered" && JSON.stringify(w.result) === JSON.stringify(await compare(left, right)),
      };
    });
    assert.deepEqual(out, { worker: true, result: "rendered", same: true });
    assert.ok(page.log.requests.some((url) => new URL(url).pathname === "/worker.js"));
    assert.deepEqual(page.log.errors, []);
    // Under Trusted Types too: the probe's report is the only one.
    await page.evaluate(() => {
      try {
        document.createElement("div").innerHTML = "<b>probe</b>";
      } catch {
        // refused under Trusted Types: the report is what counts
      }
    });
    const end = Date.now() + 20_000; // a wait for the report, not a measure of speed
    while (!page.log.violations.length && Date.now() < end) await new Promise((done) => setTimeout(done, 50));
    assert.equal(page.log.violations.length, 1, page.log.violations.join("; "));
    assert.match(page.log.violations[0], /^require-trusted-types-for/);
  });

  test("the installed package works from a plain <script type=\"module\">, assets found next to its modules", async () => {
    const page = await browser.page();
    await page.goto(`${server.url}plain.html`);
    await page.waitFor(() => document.getElementById("plain")?.result);
    const same = await page.evaluate(async () => {
      const { compare } = await import("/node_modules/wirediff/engine.js");
      const text = async (url) => (await fetch(url)).text();
      const w = document.getElementById("plain");
      return JSON.stringify(w.result) === JSON.stringify(await compare(await text("texts/wire.txt"), await text("texts/outlet.txt")));
    });
    assert.equal(same, true);
    const paths = page.log.requests.map((url) => new URL(url).pathname);
    assert.ok(paths.includes("/node_modules/wirediff/wirediff.css"));
    assert.ok(paths.includes("/node_modules/wirediff/pkg/wirediff_bg.wasm"));
    assert.deepEqual(page.log.errors, []);
    assert.deepEqual(page.log.violations, []);
  });
});
