// The engine loads whatever type the server gives the wasm: many servers and
// CDNs send .wasm as application/octet-stream, which compileStreaming refuses.
// engine.js then compiles the bytes, with one console warning that names the
// fix. Each result is checked against the same engine served as
// application/wasm, on the main thread and in the worker.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { serve } from "../../scripts/serve.mjs";
import { forEachBrowser } from "./harness/driver.mjs";
import { HOSTS } from "./harness/hosts/servers.mjs";
import { waitCompared } from "./harness/page-helpers.mjs";

let wasm, octets;
before(async () => {
  const mounts = { "/hosts/": HOSTS };
  wasm = await serve({ port: 0, mounts });
  octets = await serve({ port: 0, mounts, types: { ".wasm": "application/octet-stream" } });
});
after(() => Promise.all([wasm?.close(), octets?.close()]));

/** Runs in the page: what the engine warns and computes for the sample, here and in the worker. */
async function compareSample() {
  const warnings = [];
  const warn = console.warn;
  console.warn = (...args) => warnings.push(args.join(" "));
  try {
    const engine = await import("/engine.js");
    const text = async (name) => (await fetch(`/samples/${name}`)).text();
    const [ap, kompas] = await Promise.all([text("001_7874be6ffbaae5d6.txt"), text("000_a7be8358ffd46965.txt")]);
    const here = await engine.compare(ap, kompas);
    const inWorker = await engine.compare(ap, kompas, { ignoreCase: true }, { worker: true });
    return { warnings, here, inWorker };
  } finally {
    console.warn = warn;
  }
}

forEachBrowser((browser) => {
  test("a wasm served as application/octet-stream loads from its bytes, with one warning naming the fix", async () => {
    const expected = await browser.page();
    await expected.goto(`${wasm.url}hosts/empty.html`);
    const reference = await expected.evaluate(compareSample);
    assert.deepEqual(reference.warnings, [], "application/wasm: nothing to warn about");

    const page = await browser.page();
    await page.goto(`${octets.url}hosts/empty.html`);
    const got = await page.evaluate(compareSample);
    assert.deepEqual(got.warnings, [
      `wirediff: ${octets.url}pkg/wirediff_bg.wasm is served as "application/octet-stream", not "application/wasm": the engine was compiled from its bytes, which is slower. Serve .wasm files as application/wasm.`,
    ]);
    assert.deepEqual(got.here, reference.here);
    assert.deepEqual(got.inWorker, reference.inWorker);
    assert.notDeepEqual(got.inWorker, got.here, "the worker was given the options");
    assert.deepEqual(page.log.errors, []);
  });

  test("the page compares the sample on load with the wasm served as application/octet-stream", async () => {
    const page = await browser.page();
    await page.goto(`${octets.url}`);
    await waitCompared(page);
    assert.deepEqual(page.log.errors, []);
    assert.deepEqual(page.log.violations, []);
  });
});
