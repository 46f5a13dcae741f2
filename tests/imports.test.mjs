// The front end's modules (www/) reach each other in one direction only: no
// module can be reached again from itself through its imports, static or
// loaded on demand, however long the loop (tests/layers.rs holds the Rust
// core to the same rule). A loop makes a module's exports undefined while
// the loop is being evaluated, in an order that depends on which module was
// imported first.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const WWW = join(ROOT, "www");

/** Every module of www/ written by hand: not the engine's generated glue, not the build's bundles. */
function modules(dir = WWW) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ["pkg", "wordpress"].includes(entry.name) && dir === WWW ? [] : modules(path);
    return /\.js$/.test(entry.name) && !entry.name.startsWith("bundle.") ? [path] : [];
  });
}

/** The relative modules a file imports: `import … from`, `export … from`, `import(…)`. */
function importsOf(file) {
  const source = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, "");
  const specifiers = [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)"(\.{1,2}\/[^"]+)"/gm)].map((m) => m[1]);
  return specifiers.map((s) => resolve(dirname(file), s)).filter((path) => path.startsWith(WWW) && !path.includes("/pkg/"));
}

/** The strongly connected components of more than one module, or of one that imports itself (Tarjan). */
function cycles(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

test("the finder sees a loop of imports when there is one", () => {
  const graph = new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]);
  assert.deepEqual(cycles(graph).map((c) => c.sort()), [["a", "b", "c"]]);
  assert.deepEqual(cycles(new Map([["a", ["b"]], ["b", []]])), []);
});

test("no module of www/ reaches itself through its imports", () => {
  const files = modules();
  assert.ok(files.some((f) => f.endsWith("app.js")) && files.some((f) => f.includes("/page/")), "the page's modules are read");
  const graph = new Map(files.map((f) => [f, importsOf(f)]));
  const page = graph.get(join(WWW, "page", "comparison.js"));
  assert.ok(page.includes(join(WWW, "page", "state.js")), "imports are read (comparison.js imports state.js)");
  const loops = cycles(graph).map((c) => c.map((f) => relative(WWW, f)).sort().join(" ⇄ "));
  assert.deepEqual(loops, [], `modules that import each other, however indirectly:\n${loops.join("\n")}`);
});
