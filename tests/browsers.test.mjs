// The browsers wirediff supports (package.json's "browserslist", stated in
// docs/embedding.md#browsers) have what the page and the widget use: ESLint
// checks the JavaScript (eslint.config.js: eslint-plugin-compat for Web APIs,
// eslint-plugin-es-x for syntax and built-ins); this checks the stylesheet
// with doiuse (caniuse data). A CSS feature one of them lacks in part or in
// whole is allowed only where the page works without it, with the reason.
// Run: node --test tests/browsers.test.mjs (scripts/test does, first).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import doiuse from "doiuse";
import postcss from "postcss";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const TARGETS = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).browserslist;

/** CSS the targets lack in part or in whole, each with why the page works without it. */
const WITHOUT = {
  "css-clip-path": "only the visually hidden text (the skip link, screen-reader labels) uses it, beside position and size, which hide it alone",
  "css-masks": "reported for the same clip-path declaration; no mask is used",
  "css-resize": "iOS Safari cannot resize the text boxes by hand; they still scroll and grow",
  "css-content-visibility": "a rendering hint for long comparisons: without it everything is laid out at once, as before",
  "intrinsic-width": "only `width: max-content` on the disclosure summaries, which every target has; what caniuse marks partial in Firefox is the `stretch` keyword",
  "text-decoration": "the underline and strike-through show in every target; only their colour, style or thickness may fall back",
};

test("every CSS feature the supported browsers lack is one the page works without", async () => {
  const css = readFileSync(join(ROOT, "www/wirediff.css"), "utf8");
  const lacking = new Set();
  await postcss(doiuse({ browsers: TARGETS, onFeatureUsage: (usage) => lacking.add(usage.feature) })).process(css, { from: "www/wirediff.css" });
  const unexplained = [...lacking].filter((feature) => !(feature in WITHOUT));
  assert.deepEqual(unexplained, [], "CSS some supported browser lacks: use another way, or say in WITHOUT why the page works without it");
  const stale = Object.keys(WITHOUT).filter((feature) => !lacking.has(feature));
  assert.deepEqual(stale, [], "WITHOUT lists features the stylesheet no longer uses");
});

test("the guide states the browsers package.json's browserslist names", () => {
  const guide = readFileSync(join(ROOT, "docs/embedding.md"), "utf8");
  const section = guide.slice(guide.indexOf("\n## Browsers\n"));
  assert.ok(section.length > 1, "docs/embedding.md has a Browsers section");
  const stated = section.slice(0, section.indexOf("\n## ", 1) >>> 0);
  const names = { chrome: "Chrome", edge: "Edge", firefox: "Firefox", safari: "Safari", ios_saf: "Safari on iOS" };
  for (const target of TARGETS) {
    const [, browser, version] = /^(\w+) >= ([\d.]+)$/.exec(target);
    assert.match(stated, new RegExp(`${names[browser]} ${version.replace(".", "\\.")}\\b`), `${target} is stated`);
  }
});
