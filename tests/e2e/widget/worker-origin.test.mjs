// The engine's Web Worker wherever the package is served: from another
// origin (a CDN, with CORS), where no browser starts a worker, the engine
// starts a same-origin blob: worker that imports worker.js by its absolute
// URL; and from wherever configure()'s workerUrl or createWorker says.
// Texts over WORKER_THRESHOLD go to the worker; each result is checked
// against the engine's own compare() on the main thread of the same page.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ROOT, serve } from "../../../scripts/serve.mjs";
import { forEachBrowser } from "../harness/driver.mjs";
import { HOSTS } from "../harness/hosts/servers.mjs";

const LOOPBACK = "http://127.0.0.1:*";
let assets, host, same;
before(async () => {
  // The package's files on an asset host that allows CORS, as a CDN does.
  assets = await serve({ port: 0, headers: { "Access-Control-Allow-Origin": "*" } });
  // A page that loads them from there: its CSP allows that origin, and blob:
  // workers (whose imports worker-src governs too).
  const csp = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${LOOPBACK}; style-src 'self' ${LOOPBACK}; connect-src 'self' ${LOOPBACK}; worker-src 'self' blob: ${LOOPBACK}`;
  host = await serve({ port: 0, mounts: { "/hosts/": HOSTS }, csp });
  // One origin, with a second copy of the files under /elsewhere/.
  same = await serve({ port: 0, mounts: { "/hosts/": HOSTS, "/elsewhere/": ROOT } });
});
after(() => Promise.all([assets?.close(), host?.close(), same?.close()]));

/**
 * Runs in the page: loads the widget from `base`, configured with
 * `configuration` (whose `createWorker: "count"` becomes a factory that counts
 * its calls), and shows the sample, then texts over WORKER_THRESHOLD; for
 * each, whether the widget's result is the engine's on the main thread. Also
 * the URLs workers were started from.
 */
async function compareThroughWidgets({ base, configuration }) {
  const started = [];
  const Real = window.Worker;
  window.Worker = class extends Real {
    constructor(url, options) {
      super(url, options);
      started.push(String(url));
    }
  };
  const { configure } = await import(`${base}wire-diff.js`);
  await import(`${base}wire-diff-define.js`);
  const { compare, usesWorker } = await import(`${base}engine.js`);
  let factoryCalls = 0;
  if (configuration?.createWorker === "count") {
    const url = configuration.url;
    configure({
      createWorker: () => {
        factoryCalls++;
        return new Worker(url, { type: "module" });
      },
    });
  } else if (configuration) {
    configure(configuration);
  }
  const text = async (name) => (await fetch(`${base}samples/${name}`)).text();
  const [wire, outlet] = await Promise.all([text("001_7874be6ffbaae5d6.txt"), text("000_a7be8358ffd46965.txt")]);
  const show = (source, compared) => {
    const w = document.createElement("wire-diff");
    Object.assign(w, { source, compare: compared });
    const outcome = new Promise((done) => {
      w.addEventListener("wirediff-rendered", () => done("rendered"), { once: true });
      w.addEventListener("wirediff-error", (e) => done(e.detail.message), { once: true });
    });
    document.body.append(w);
    return outcome.then(async (outcome) => ({
      outcome,
      worker: usesWorker([source, compared]),
      same: outcome === "rendered" && JSON.stringify(w.result) === JSON.stringify(await compare(source, compared, undefined, { worker: false })),
    }));
  };
  const sample = await show(wire, outlet);
  const large = await show(wire.repeat(25), outlet.repeat(50));
  return { sample, large, started, factoryCalls };
}

forEachBrowser((browser) => {
  test("the package served from another origin with CORS compares the sample, and large texts in a blob: worker that imports worker.js from there", async () => {
    const page = await browser.page();
    await page.goto(`${host.url}hosts/empty.html`);
    const out = await page.evaluate(compareThroughWidgets, { base: assets.url });
    assert.deepEqual(out.sample, { outcome: "rendered", worker: false, same: true });
    assert.deepEqual(out.large, { outcome: "rendered", worker: true, same: true });
    assert.equal(out.started.length, 1, out.started.join(" "));
    assert.match(out.started[0], /^blob:/);
    const paths = page.log.requests.filter((url) => url.startsWith(assets.url)).map((url) => new URL(url).pathname);
    assert.ok(paths.includes("/worker.js"), paths.join(" "));
    assert.ok(paths.includes("/pkg/wirediff_bg.wasm"), paths.join(" "));
    assert.deepEqual(page.log.errors, []);
    assert.deepEqual(page.log.violations, []);
  });

  test("configure({ workerUrl }) starts the worker from there", async () => {
    const page = await browser.page();
    await page.goto(`${same.url}hosts/empty.html`);
    const out = await page.evaluate(compareThroughWidgets, { base: "/", configuration: { workerUrl: "/elsewhere/worker.js" } });
    assert.deepEqual(out.large, { outcome: "rendered", worker: true, same: true });
    assert.deepEqual(out.started, [`${same.url}elsewhere/worker.js`]);
    assert.deepEqual(page.log.errors, []);
  });

  test("a worker that does not load (configure({ workerUrl }) where there is none) is named in words, and small texts still compare", async () => {
    const page = await browser.page();
    await page.goto(`${same.url}hosts/empty.html`);
    const out = await page.evaluate(compareThroughWidgets, { base: "/", configuration: { workerUrl: "/nowhere/worker.js" } });
    assert.deepEqual(out.sample, { outcome: "rendered", worker: false, same: true });
    assert.deepEqual(out.large, {
      outcome: "Could not compare: the engine's worker could not load its script or a module it imports",
      worker: true,
      same: false,
    });
  });

  test("configure({ createWorker }) starts the worker with the host's factory", async () => {
    const page = await browser.page();
    await page.goto(`${same.url}hosts/empty.html`);
    const out = await page.evaluate(compareThroughWidgets, { base: "/", configuration: { createWorker: "count", url: "/elsewhere/worker.js" } });
    assert.deepEqual(out.large, { outcome: "rendered", worker: true, same: true });
    assert.equal(out.factoryCalls, 1);
    assert.deepEqual(out.started, ["/elsewhere/worker.js"]);
    assert.deepEqual(page.log.errors, []);
  });
});
