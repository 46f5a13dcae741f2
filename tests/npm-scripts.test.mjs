// Every npm script works from a fresh clone: each installs what it needs
// before it builds or runs anything (a build needs wasm-pack, wasm-bindgen
// and the npm binaryen's wasm-opt; a script that opens a browser needs the
// browsers), as `npm start` and `npm test` do. Checked from package.json and
// the scripts themselves, since a real fresh clone takes minutes.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

const ROOT = new URL("../", import.meta.url);
const read = (path) => readFileSync(new URL(path, ROOT), "utf8");
const { scripts } = JSON.parse(read("package.json"));

/** Whether `command` (one step of an npm script) opens a browser: a node script that drives one. */
function opensBrowser(command) {
  const script = /^node (scripts\/\S+\.mjs)/.exec(command)?.[1];
  return Boolean(script) && /from "\.{1,2}\/(?:\.\.\/)?browser\.mjs"|playwright|puppeteer/.test(read(script));
}

for (const [name, line] of Object.entries(scripts)) {
  test(`npm run ${name} installs what it needs first`, () => {
    const steps = line.split("&&").map((step) => step.trim());
    if (steps.length === 1 && /^scripts\/\w+$/.test(steps[0])) {
      // one project script: it must run the setup itself
      assert.match(read(steps[0]), /scripts\/setup"? --browsers/, `${steps[0]} runs scripts/setup --browsers`);
      return;
    }
    assert.match(steps[0], /^scripts\/setup( --browsers)?$/, `${name}: "${line}" starts with scripts/setup`);
    if (steps.slice(1).some(opensBrowser)) {
      assert.equal(steps[0], "scripts/setup --browsers", `${name} opens a browser: it needs scripts/setup --browsers`);
    }
  });
}
