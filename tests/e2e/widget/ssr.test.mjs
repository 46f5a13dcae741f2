// The package where there is no DOM, as a server that renders pages imports
// it (Next.js, Astro, Eleventy…): each entry point loads in plain Node and
// throws nothing, defines nothing, fetches nothing. And the element's
// static define(), in Node with a registry of the caller's and in the browsers.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { forEachBrowser } from "../harness/driver.mjs";

const WWW = new URL("../../../www/", import.meta.url);
/** The package's entry points (scripts/pack's ENTRIES): what an app imports. */
const ENTRIES = { wirediff: "wire-diff.js", "wirediff/define": "wire-diff-define.js", "wirediff/engine": "engine.js" };

/** Runs `code` (an ES module body) in a fresh plain Node; what it printed, parsed. */
function inNode(code) {
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" });
  return JSON.parse(out);
}

for (const [name, file] of Object.entries(ENTRIES)) {
  test(`importing ${name} in plain Node throws nothing, adds no global and fetches nothing`, () => {
    const url = new URL(file, WWW).href;
    const got = inNode(`
      const before = new Set(Object.getOwnPropertyNames(globalThis));
      let fetched = 0;
      globalThis.fetch = () => { fetched++; return Promise.reject(new Error("no network here")); };
      const module = await import(${JSON.stringify(url)});
      await new Promise((done) => setTimeout(done, 50)); // anything it started has had its turn
      const added = Object.getOwnPropertyNames(globalThis).filter((key) => !before.has(key));
      console.log(JSON.stringify({ exports: Object.keys(module).sort(), added, fetched, dom: typeof HTMLElement, registry: typeof customElements }));
    `);
    assert.deepEqual(got.added, []);
    assert.equal(got.fetched, 0);
    assert.deepEqual([got.dom, got.registry], ["undefined", "undefined"]);
    assert.ok(got.exports.length > 0, "it exports its API");
  });
}

test("WireDiffElement.define() registers the class in the registry it is given, once, under the tag it is given", () => {
  const url = new URL("wire-diff.js", WWW).href;
  const got = inNode(`
    const { WireDiffElement } = await import(${JSON.stringify(url)});
    const defined = new Map();
    const registry = {
      get: (tag) => defined.get(tag),
      getName: (cls) => [...defined].find(([, c]) => c === cls)?.[0] ?? null,
      define: (tag, cls) => defined.set(tag, cls),
    };
    const first = WireDiffElement.define(undefined, registry);
    const again = WireDiffElement.define(undefined, registry);
    class NewsDiff extends WireDiffElement {}
    const other = NewsDiff.define("news-diff", registry);
    const sameClassTwice = WireDiffElement.define("wire-diff-2", registry);
    console.log(JSON.stringify({ first, again, other, sameClassTwice, tags: [...defined.keys()], right: defined.get("wire-diff") === WireDiffElement && defined.get("news-diff") === NewsDiff }));
  `);
  assert.deepEqual(got, { first: true, again: false, other: true, sameClassTwice: false, tags: ["wire-diff", "news-diff"], right: true });
});

test("engine.d.ts re-exports each type of the result schema (src/wasm/types.d.ts), by name", () => {
  const schema = readFileSync(fileURLToPath(new URL("../../../src/wasm/types.d.ts", import.meta.url)), "utf8");
  const declared = [...schema.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]).sort();
  const engine = readFileSync(new URL("engine.d.ts", WWW), "utf8");
  const list = /export type \{([^}]*)\} from "\.\/pkg\/wirediff\.js";/.exec(engine);
  assert.ok(list, "engine.d.ts names the schema's types in one export type { … } list");
  assert.deepEqual(list[1].split(",").map((name) => name.trim()).filter(Boolean).sort(), declared);
});

forEachBrowser((browser) => {
  test("WireDiffElement.define() registers the element in the page; a subclass takes a second tag", async () => {
    const page = await browser.page();
    await page.goto("/"); // the page, which uses the renderers but defines no element
    const got = await page.evaluate(async () => {
      const { WireDiffElement } = await import("/wire-diff.js");
      class NewsDiff extends WireDiffElement {}
      const defined = [WireDiffElement.define(), WireDiffElement.define(), NewsDiff.define("news-diff")];
      await import("/wire-diff-define.js"); // a no-op now
      const w = document.createElement("news-diff");
      Object.assign(w, { source: "Workers heckled the president.", compare: "Workers cheered the president." });
      const rendered = new Promise((done) => w.addEventListener("wirediff-rendered", (e) => done(e.detail.changes), { once: true }));
      document.body.append(w);
      return { defined, changes: await rendered, tags: [customElements.getName(WireDiffElement), customElements.getName(NewsDiff)] };
    });
    assert.deepEqual(got, { defined: [true, false, true], changes: 1, tags: ["wire-diff", "news-diff"] });
    assert.deepEqual(page.log.errors, []);
  });
});
