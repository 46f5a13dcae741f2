// The npm package in the production builds of the three bundlers a newsroom's
// web developer is likely to use: Vite, webpack and esbuild (each pinned in
// package.json). The package is packed once; each consumer project of
// tests/e2e/harness/bundlers/ is copied to a temporary folder with the app
// they share (newsroom.js) and the sample texts, installs the tarball, is
// built by its bundler's own command line as its user would, and is served
// under the strict CSP (Trusted Types). Each build must render the sample and
// a text over the engine's worker threshold, which only works where the build
// found the worker and the worker found its imports.
import assert from "node:assert/strict";
import { execFile as execFileCallback, execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { after, before, test } from "node:test";
import { serve } from "../../../scripts/serve.mjs";
import { forEachBrowser } from "../harness/driver.mjs";
import { STRICT_CSP } from "../harness/hosts/servers.mjs";

const execFile = promisify(execFileCallback);
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const FIXTURES = fileURLToPath(new URL("../harness/bundlers/", import.meta.url));
const SAMPLES = { wire: "001_7874be6ffbaae5d6.txt", outlet: "000_a7be8358ffd46965.txt" };
const bin = (name) => join(ROOT, "node_modules/.bin", name);

/** Each bundler: its production build, as its documentation gives it, and the folder it writes. */
const BUNDLERS = {
  Vite: { folder: "vite", build: [bin("vite"), ["build"]], out: "dist" },
  webpack: { folder: "webpack", build: [bin("webpack"), ["--mode", "production"]], out: "public" },
  esbuild: {
    folder: "esbuild",
    build: [
      bin("esbuild"),
      ["src/main.js", "engine/worker=wirediff/worker.js", "--bundle", "--format=esm", "--splitting", "--minify", "--outdir=public", "--loader:.css=file", "--loader:.wasm=file"],
    ],
    out: "public",
  },
};

const folders = [];
const servers = [];
/** Bundler name → Promise of the server of its build (a failed build fails only its own tests). */
const sites = {};

async function buildAndServe(tarball, { folder, build: [command, args], out }) {
  const app = mkdtempSync(join(tmpdir(), `wirediff-${folder}-`));
  folders.push(app);
  cpSync(join(FIXTURES, folder), app, { recursive: true });
  cpSync(join(FIXTURES, "newsroom.js"), join(app, "src/newsroom.js"));
  mkdirSync(join(app, "public/texts"), { recursive: true });
  cpSync(join(ROOT, "www/samples", SAMPLES.wire), join(app, "public/texts/wire.txt"));
  cpSync(join(ROOT, "www/samples", SAMPLES.outlet), join(app, "public/texts/outlet.txt"));
  // The tarball has no dependencies: installing it needs no network.
  await execFile("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball], { cwd: app });
  try {
    await execFile(command, args, { cwd: app, env: { ...process.env, NO_COLOR: "1" } });
  } catch (e) {
    throw new Error(`${folder} build failed:\n${e.stdout}${e.stderr}`, { cause: e });
  }
  const server = await serve({ port: 0, root: join(app, out), csp: STRICT_CSP });
  servers.push(server);
  return server;
}

before(() => {
  // The wasm is built already (scripts/test builds before the e2e tests).
  const packed = execFileSync(join(ROOT, "scripts/pack"), ["--no-build", "--tarball"], { cwd: ROOT, encoding: "utf8" });
  const tarball = join(ROOT, "dist", packed.trim().split("\n").at(-1).replace(/^wrote dist\//, ""));
  assert.ok(statSync(tarball).isFile(), `no tarball at ${tarball}: ${packed}`);
  for (const [name, bundler] of Object.entries(BUNDLERS)) {
    sites[name] = buildAndServe(tarball, bundler);
    sites[name].catch(() => {}); // reported by the tests that use it
  }
});

after(async () => {
  await Promise.allSettled(Object.values(sites));
  await Promise.all(servers.map((s) => s.close()));
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Opens the app's page and waits until its sample widget has an outcome. */
async function open(browser, name) {
  const site = await sites[name];
  const page = await browser.page();
  await page.goto(`${site.url}index.html`);
  await page.waitFor(() => window.consumer?.outcomes.sample, undefined, { timeout: 30_000 });
  return page;
}

forEachBrowser((browser) => {
  for (const name of Object.keys(BUNDLERS)) {
    test(`${name} production build: the widget compares the sample, styled, under the strict CSP`, async () => {
      const page = await open(browser, name);
      const out = await page.evaluate(async () => {
        const { compare, outcomes } = window.consumer;
        const text = async (url) => (await fetch(url)).text();
        const w = document.getElementById("sample");
        const expected = await compare(await text("texts/wire.txt"), await text("texts/outlet.txt"));
        return {
          outcome: outcomes.sample,
          same: JSON.stringify(w.result) === JSON.stringify(expected),
          status: w.shadowRoot.querySelector("[part~=status]").textContent,
          insBackgrounds: [...new Set([...w.shadowRoot.querySelectorAll("ins")].map((el) => getComputedStyle(el).backgroundColor))],
        };
      });
      assert.equal(out.outcome, "rendered");
      assert.equal(out.same, true, "the widget shows the engine's result for the two texts");
      assert.match(out.status, /^\d+ changes? · (wholly|partially|not) derived/);
      assert.ok(out.insBackgrounds.includes("rgb(215, 245, 221)"), `the packaged stylesheet applies: ${out.insBackgrounds}`);
      assert.deepEqual(page.log.errors, []);
      assert.deepEqual(page.log.violations, []);
    });

    test(`${name} production build: a text over 200,000 characters is compared in the engine's worker`, async () => {
      const page = await open(browser, name);
      const scripts = () => new Set(page.log.requests.filter((url) => new URL(url).pathname.endsWith(".js")));
      const loaded = scripts();
      await page.click("#archive");
      // a wait for the outcome, not a measure of speed
      await page.waitFor(() => window.consumer.outcomes.large, undefined, { timeout: 180_000 });
      const out = await page.evaluate(() => {
        const { outcomes, usesWorker } = window.consumer;
        const w = document.getElementById("large");
        const { source, compare, result } = w;
        // What a reader checks: every character of both texts is shown, once.
        const tiles = (spans, length) => spans.every((s, i) => s.start === (i ? spans[i - 1].end : 0)) && spans.at(-1)?.end === length;
        const ops = result?.ops ?? [];
        const left = ops.filter((op) => ["equal", "delete", "replace"].includes(op.kind)).map((op) => op.left);
        const right = ops.filter((op) => ["equal", "insert", "replace"].includes(op.kind)).map((op) => op.right);
        return {
          outcome: outcomes.large,
          longest: Math.max(source.length, compare.length),
          worker: usesWorker([source, compare]),
          leftTiled: tiles(left.sort((a, b) => a.start - b.start), source.length),
          rightTiled: tiles(right, compare.length),
          status: w.shadowRoot.querySelector("[part~=status]").textContent,
        };
      });
      assert.equal(out.outcome, "rendered", "the widget rendered the comparison, not an error");
      assert.ok(out.longest > 200_000, `a text of ${out.longest} characters`);
      assert.equal(out.worker, true);
      assert.deepEqual({ left: out.leftTiled, right: out.rightTiled }, { left: true, right: true }, "both texts, whole");
      assert.match(out.status, /^\d+ changes? · (wholly|partially|not) derived/);
      const started = [...scripts()].filter((url) => !loaded.has(url));
      assert.ok(started.length > 0, "the worker's script was fetched when the comparison started");
      assert.deepEqual(page.log.errors, []);
      assert.deepEqual(page.log.violations, []);
    });
  }
});
