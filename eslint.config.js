// ESLint for the project's JavaScript: `npx eslint` (scripts/test runs it
// before anything is built). The recommended rules, an unused name an error,
// and for each file the globals of where it runs.
import js from "@eslint/js";
import compat from "eslint-plugin-compat";
import esx from "eslint-plugin-es-x";
import globals from "globals";

export default [
  {
    // built, installed or written by a script
    ignores: ["www/pkg/", "www/bundle.*.js", "node_modules/", "**/node_modules/", "target/", "artifacts/", "fuzz/target/", "dist/"],
  },
  js.configs.recommended,
  {
    languageOptions: { ecmaVersion: "latest", sourceType: "module" },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
    },
  },
  {
    // the page, the widget, their renderers, and pages the tests and benchmarks serve
    files: ["www/**/*.js", "src/wasm/*.js", "scripts/bench/page.js", "scripts/bench/first.js", "scripts/bench/contestants.js", "tests/e2e/harness/hosts/*.js", "tests/e2e/harness/consumer/src/**/*.js", "tests/e2e/harness/bundlers/**/*.js"],
    languageOptions: { globals: globals.browser },
  },
  {
    // What the page and the widget ship runs in the browsers package.json's
    // "browserslist" names (docs/embedding.md#browsers): no Web API they lack
    // unless it is tested for first (compat), and no JavaScript syntax or
    // built-in newer than ES2023, which they all have (es-x).
    ...compat.configs["flat/recommended"],
    files: ["www/**/*.js"],
    languageOptions: { ...compat.configs["flat/recommended"].languageOptions, ecmaVersion: 2023, globals: globals.browser },
  },
  { ...esx.configs["flat/restrict-to-es2023"], files: ["www/**/*.js"] },
  {
    files: ["www/worker.js", "www/link-worker.js", "scripts/bench/worker.js"],
    languageOptions: { globals: globals.worker },
  },
  {
    // Node; the tests also hand functions to the browser (page.evaluate), which use its globals
    files: ["eslint.config.js", "scripts/**/*.mjs", "tests/**/*.mjs", "tests/e2e/harness/bundlers/*/*.config.js"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["tests/e2e/**/*.mjs", "scripts/bench/*.mjs", "scripts/browser.mjs", "scripts/screenshot.mjs"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
];
