// The Custom Elements Manifest (custom-elements.json, schema 2.1.0) of
// <wire-diff>, which editors, linters and Storybook read to know the element:
// made from the tables of docs/embedding.md (attributes, properties and
// methods, events, custom properties, parts), so the guide a developer reads
// and the manifest their tools read say the same. scripts/pack ships it and
// names it in the package's `customElements` field;
// tests/e2e/widget/manifest.test.mjs holds it equal to the element's code.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./serve.mjs";

const GUIDE = join(ROOT, "../docs/embedding.md");

/** The rows of the first table under `## heading`, as arrays of cells (code spans' backticks kept). */
function table(markdown, heading) {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`docs/embedding.md has no "## ${heading}" section`);
  const end = markdown.indexOf("\n## ", start + 1);
  const lines = markdown.slice(start, end < 0 ? undefined : end).split("\n");
  const first = lines.findIndex((l) => l.startsWith("| "));
  const rows = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith("|")) break;
    // cells split at pipes that are not escaped (`\|` inside a type)
    rows.push(line.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, "|")));
  }
  return rows;
}

/** The names in a cell: each code span (`a`, `b`), backticks dropped. */
const names = (cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
const plain = (cell) => cell.replace(/`/g, "");

export function elementsManifest(guide = readFileSync(GUIDE, "utf8")) {
  const attributes = table(guide, "Attributes").map(([name, type, fallback, description]) => ({
    name: names(name)[0],
    type: { text: plain(type) },
    ...(fallback === "none" || fallback === "absent" ? {} : { default: plain(fallback) }),
    description: plain(description),
  }));
  const members = table(guide, "Properties and methods").flatMap(([name, type, fallback, description]) =>
    names(name).map((member) => {
      const method = member.endsWith("()");
      return method
        ? { kind: "method", name: member.slice(0, -2), description: plain(description) }
        : { kind: "field", name: member, type: { text: plain(type).replace(/, read-only$/, "") }, ...(/read-only/.test(type) ? { readonly: true } : {}), ...(fallback ? { default: plain(fallback) } : {}), description: plain(description) };
    }),
  );
  const events = table(guide, "Events").map(([name, detail, description]) => ({ name: names(name)[0], type: { text: `CustomEvent<${plain(detail)}>` }, description: plain(description) }));
  const cssProperties = table(guide, "Styling")
    .filter(([name]) => names(name)[0]?.startsWith("--"))
    .map(([name, light, , description]) => ({ name: names(name)[0], default: plain(light), description: plain(description) }));
  const styling = guide.slice(guide.indexOf("\n## Styling\n"));
  const partsTable = styling.slice(styling.indexOf("| part |"));
  const cssParts = table(`\n## Parts\n${partsTable}`, "Parts").map(([name, description]) => ({ name: names(name)[0], description: plain(description) }));
  const slots = ["source", "compare"].map((name) => ({ name, description: `The ${name === "source" ? "source (wire)" : "comparison (outlet)"} text, as the element's textContent; never shown once the element is defined (a *-src attribute or the ${name} property wins over it).` }));
  const element = {
    kind: "class",
    name: "WireDiffElement",
    tagName: "wire-diff",
    customElement: true,
    description: "How an outlet rewrote a wire story, word by word: a redline, side by side, or sentence provenance of two texts.",
    superclass: { name: "HTMLElement" },
    attributes,
    members,
    events,
    slots,
    cssParts,
    cssProperties,
  };
  return {
    schemaVersion: "2.1.0",
    readme: "README.md",
    modules: [
      {
        kind: "javascript-module",
        path: "wire-diff.js",
        declarations: [element],
        exports: [{ kind: "js", name: "WireDiffElement", declaration: { name: "WireDiffElement", module: "wire-diff.js" } }],
      },
      {
        kind: "javascript-module",
        path: "wire-diff-define.js",
        declarations: [],
        exports: [{ kind: "custom-element-definition", name: "wire-diff", declaration: { name: "WireDiffElement", module: "wire-diff.js" } }],
      },
    ],
  };
}
