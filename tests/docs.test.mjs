// The documentation stays a short front door with working links (issue 14):
// README.md fits in 8 KB, every relative link in README.md, docs/*.md and
// BENCHMARKS.md reaches a file that exists (and, with a #fragment, a heading
// of that file, by GitHub's anchor rules), and every docs/*.md can be reached
// from README.md by following those links.
// Run: node --test tests/docs.test.mjs (scripts/test does, before cargo).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const README_LIMIT = 8192;

const docs = readdirSync(join(ROOT, "docs"))
  .filter((name) => name.endsWith(".md"))
  .map((name) => join("docs", name));
const checked = ["README.md", "BENCHMARKS.md", ...docs];

/** Markdown with fenced code blocks and inline code spans blanked: links there are examples, not links. */
function prose(markdown) {
  return markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "")
    .replace(/(`+)[\s\S]*?\1/g, "");
}

/** The link targets of a Markdown file: inline links and images, and reference definitions. */
function links(markdown) {
  const text = prose(markdown);
  const found = [];
  for (const m of text.matchAll(/!?\[(?:[^[\]]|\[[^\]]*\])*\]\(\s*<?([^\s)>]+)>?(?:\s+"[^"]*")?\s*\)/g)) found.push(m[1]);
  for (const m of text.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)) found.push(m[1]);
  return found;
}

/** GitHub's anchors for a Markdown file's headings (github-slugger: lower case, punctuation dropped, spaces to hyphens, repeats numbered). */
function anchors(markdown) {
  const seen = new Map();
  const result = new Set();
  const text = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
  for (const [, heading] of text.matchAll(/^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$/gm)) {
    const base = heading
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // a link counts by its text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
      .replace(/ /g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    result.add(n ? `${base}-${n}` : base);
  }
  for (const m of text.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) result.add(m[1]);
  return result;
}

const read = (file) => readFileSync(join(ROOT, file), "utf8");
const isRelative = (target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("//");

/** Every relative link of `file` as {target, path (from ROOT, or null for the file itself), fragment}. */
function relativeLinks(file) {
  return links(read(file))
    .filter(isRelative)
    .map((target) => {
      const [pathPart, fragment = null] = target.split("#");
      const path = pathPart ? relative(ROOT, resolve(ROOT, dirname(file), decodeURIComponent(pathPart))) : file;
      return { target, path, fragment: fragment === null ? null : decodeURIComponent(fragment) };
    });
}

test(`README.md is at most ${README_LIMIT} bytes`, () => {
  const size = statSync(join(ROOT, "README.md")).size;
  assert.ok(size <= README_LIMIT, `README.md is ${size} bytes, over ${README_LIMIT}: move detail into docs/ (by audience) and link to it`);
});

test("every relative link in README.md, docs/*.md and BENCHMARKS.md reaches a file and, with a #fragment, a heading", () => {
  const broken = [];
  for (const file of checked) {
    for (const { target, path, fragment } of relativeLinks(file)) {
      if (!existsSync(join(ROOT, path))) {
        broken.push(`${file}: (${target}): no file ${path}`);
      } else if (fragment !== null) {
        if (!path.endsWith(".md")) broken.push(`${file}: (${target}): a #fragment into a file that is not Markdown`);
        else if (!anchors(read(path)).has(fragment)) broken.push(`${file}: (${target}): ${path} has no heading with the anchor #${fragment}`);
      }
    }
  }
  assert.deepEqual(broken, [], `broken links:\n${broken.join("\n")}`);
});

test("every docs/*.md can be reached from README.md by its links", () => {
  assert.ok(docs.length > 0, "docs/ holds no Markdown file");
  const reached = new Set(["README.md"]);
  const queue = ["README.md"];
  while (queue.length) {
    const file = queue.shift();
    for (const { path } of relativeLinks(file)) {
      if (path.endsWith(".md") && !reached.has(path) && existsSync(join(ROOT, path))) {
        reached.add(path);
        queue.push(path);
      }
    }
  }
  const unreached = docs.filter((file) => !reached.has(file));
  assert.deepEqual(unreached, [], `not reachable from README.md: ${unreached.join(", ")}`);
});

test("the anchor rules match GitHub's on headings of these docs", () => {
  // Examples whose anchors GitHub shows: the check must agree with them, or it passes broken links.
  const got = anchors(
    [
      "## Bad input, and the limits",
      "### Strict hosts (CSP and Trusted Types)",
      "## `<wire-diff>` in a page",
      "## Dependencies, and why",
      "## Time_budget and `timeBudgetMs`",
      "## Targets (issue 6)",
      "## Targets (issue 6)",
      "```",
      "## not a heading",
      "```",
    ].join("\n"),
  );
  assert.deepEqual(
    [...got],
    ["bad-input-and-the-limits", "strict-hosts-csp-and-trusted-types", "wire-diff-in-a-page", "dependencies-and-why", "time_budget-and-timebudgetms", "targets-issue-6", "targets-issue-6-1"],
  );
});
