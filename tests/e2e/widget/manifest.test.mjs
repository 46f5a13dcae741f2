// The Custom Elements Manifest (scripts/elements-manifest.mjs, shipped by
// scripts/pack as custom-elements.json and named in the package's
// `customElements` field) describes the element as its code has it: the
// attributes it observes, its public properties and methods, the events it
// fires, the parts it exposes and the custom properties its stylesheet reads.
// It is made from docs/embedding.md, so this also holds the guide to the code.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { elementsManifest } from "../../../scripts/elements-manifest.mjs";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const WWW = join(ROOT, "www");
const element = elementsManifest().modules[0].declarations[0];
const sorted = (xs) => [...xs].sort();
/** The widget's own modules (the page's sections and the generated glue left out). */
const widgetSources = () =>
  ["wire-diff.js", "widget-parts.js", "widget-inputs.js", "navigation.js", ...readdirSync(join(WWW, "render")).map((f) => `render/${f}`)].map((f) => readFileSync(join(WWW, f), "utf8")).join("\n");

test("its attributes are the ones the element observes", async () => {
  const { WireDiffElement } = await import(join(WWW, "wire-diff.js")); // SSR-safe: defines nothing
  assert.deepEqual(sorted(element.attributes.map((a) => a.name)), sorted(WireDiffElement.observedAttributes));
});

test("its properties and methods are the element's public members", async () => {
  const { WireDiffElement } = await import(join(WWW, "wire-diff.js"));
  const lifecycle = new Set(["constructor", "connectedCallback", "disconnectedCallback", "attributeChangedCallback"]);
  const own = Object.getOwnPropertyNames(WireDiffElement.prototype).filter((name) => !lifecycle.has(name));
  const kind = (name) => (typeof Object.getOwnPropertyDescriptor(WireDiffElement.prototype, name).value === "function" ? "method" : "field");
  assert.deepEqual(sorted(element.members.map((m) => `${m.kind} ${m.name}`)), sorted(own.map((name) => `${kind(name)} ${name}`)));
  const readonly = own.filter((name) => { const d = Object.getOwnPropertyDescriptor(WireDiffElement.prototype, name); return d.get && !d.set; });
  assert.deepEqual(sorted(element.members.filter((m) => m.readonly).map((m) => m.name)), sorted(readonly));
});

test("its events are the ones the element dispatches", () => {
  const fired = new Set([...readFileSync(join(WWW, "wire-diff.js"), "utf8").matchAll(/new CustomEvent\("([^"]+)"/g)].map((m) => m[1]));
  assert.deepEqual(sorted(element.events.map((e) => e.name)), sorted(fired));
});

test("its parts are every part name the widget's code gives an element", () => {
  const code = widgetSources();
  const given = new Set();
  for (const m of code.matchAll(/element\(\s*\w+,\s*"[a-z]+",\s*"([^"]+)"/g)) m[1].split(" ").forEach((p) => given.add(p));
  for (const m of code.matchAll(/\.part\.add\("([^"]+)"\)/g)) given.add(m[1]);
  for (const m of code.matchAll(/setAttribute\("part",\s*"([^"]+)"\)/g)) m[1].split(" ").forEach((p) => given.add(p));
  const documented = new Set(element.cssParts.map((p) => p.name));
  // each documented part is given somewhere, and every part given is documented
  assert.deepEqual(sorted(documented), sorted(given));
});

test("its custom properties are the ones the stylesheet reads", () => {
  const css = readFileSync(join(WWW, "wirediff.css"), "utf8");
  const read = new Set([...css.matchAll(/var\((--wd-[\w-]+)/g)].map((m) => m[1]));
  for (const p of element.cssProperties) assert.ok(read.has(p.name), `${p.name} is read by wirediff.css`);
});

test("the package ships the manifest and names it in its customElements field", () => {
  execFileSync(join(ROOT, "scripts/pack"), ["--no-build"], { cwd: ROOT, encoding: "utf8" });
  const out = join(ROOT, "dist/wirediff");
  const manifest = JSON.parse(readFileSync(join(out, "package.json"), "utf8"));
  assert.equal(manifest.customElements, "./custom-elements.json");
  assert.ok(manifest.files.includes("custom-elements.json"));
  const shipped = JSON.parse(readFileSync(join(out, "custom-elements.json"), "utf8"));
  assert.equal(shipped.schemaVersion, "2.1.0");
  assert.deepEqual(shipped.modules[0].declarations[0].tagName, "wire-diff");
  for (const module of shipped.modules) assert.ok(manifest.files.includes(module.path), `${module.path} is in the package`);
});

test("the JSX attribute types (wire-diff.d.ts) name every attribute the element observes, and no other", async () => {
  const { WireDiffElement } = await import(join(WWW, "wire-diff.js"));
  const dts = readFileSync(join(WWW, "wire-diff.d.ts"), "utf8");
  const block = /export interface WireDiffAttributes \{([\s\S]*?)\n\}/.exec(dts)?.[1];
  assert.ok(block, "wire-diff.d.ts declares WireDiffAttributes");
  const typed = [...block.matchAll(/^\s+"?([a-z][a-z-]*)"?\?:/gm)].map((m) => m[1]);
  const global = new Set(["id", "class", "className", "hidden", "slot", "key", "ref", "children"]);
  assert.deepEqual(sorted(typed.filter((name) => !global.has(name))), sorted(WireDiffElement.observedAttributes));
});
