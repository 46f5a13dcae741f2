// What every renderer builds on (www/render/flow.js): text in blocks cut at
// line breaks, long lines cut at a space or between grapheme clusters, and
// labels isolated from the sentences around them.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Flow, appendProgressively, blockEnd, clusterStart, isolated, isolatedText, pieces, snippet, srOnly } from "../../www/render/flow.js";
import { all, fakeDocument, hasClass, seenText } from "./fake-dom.mjs";

/** The blocks a Flow makes of `texts`, as the text each holds. */
function blocks(texts, options) {
  const flow = new Flow(fakeDocument(), options);
  for (const text of texts) flow.text(text);
  const chunks = [];
  for (let chunk; (chunk = flow.take(true)); ) chunks.push(chunk);
  return chunks.flatMap((chunk) => all(chunk, hasClass("wd-block")).map((b) => seenText(b)));
}

test("a block ends after each run of line breaks, which it keeps", () => {
  assert.deepEqual(blocks(["Workers struck.\n\nPolice ", "came.\nStrikes spread."]), ["Workers struck.\n\n", "Police came.\n", "Strikes spread."]);
});

test("a long line is cut after a space once it passes the line length, never past the hard length", () => {
  const line = "strike ".repeat(100);
  const cut = blocks([line], { lineChars: 50, hardChars: 100 });
  assert.equal(cut.join(""), line);
  for (const block of cut.slice(0, -1)) {
    assert.ok(block.length > 50 && block.length <= 100 && block.endsWith(" "), JSON.stringify(block));
  }
});

test("a line with no space is cut at the hard length, between grapheme clusters, never inside one", () => {
  const family = "👨‍👩‍👧"; // eight UTF-16 code units, one character to a reader
  const line = family.repeat(40);
  const cut = blocks([line], { lineChars: 20, hardChars: 30 });
  assert.equal(cut.join(""), line);
  for (const block of cut) {
    assert.ok(block.length <= 30, `${block.length} code units`);
    assert.equal(block.length % family.length, 0, "each block holds whole families");
  }
  assert.equal(clusterStart(line, 0, 12), 8, "a cut at 12 moves back to the cluster's start");
  assert.equal(blockEnd("no-spaces-here", 0, 2, 5), 5);
  assert.equal(blockEnd("two words", 0, 1, 8), 4, "just after the space");
});

test("a long text is handed out in pieces that join to it exactly, cut after a line break where one is near", () => {
  const text = `${"a".repeat(100)}\n${"b".repeat(100)}`;
  const parts = [...pieces(text, 90)];
  assert.equal(parts.join(""), text);
  assert.equal(parts[0], `${"a".repeat(100)}\n`);
});

test("labels are isolated (<bdi>, or U+2068…U+2069 in plain text), hidden labels are text in .wd-sr-only, and a snippet is the first words", () => {
  const doc = fakeDocument();
  const label = isolated(doc, "\u202eKompas", "wd-label");
  assert.deepEqual([label.localName, label.className, label.textContent], ["bdi", "wd-label", "\u202eKompas"]);
  assert.equal(isolatedText("AP"), "\u2068AP\u2069");
  const hidden = srOnly(doc, "[deleted: ");
  assert.deepEqual([hidden.className, hidden.textContent], ["wd-sr-only", "[deleted: "]);
  assert.equal(snippet("  Workers at the tractor plant jeered the president on Monday  "), "Workers at the tractor plant jeered the president…");
  assert.equal(snippet("Workers jeered."), "Workers jeered.");
});

/**
 * Appends `count` chunks that each take `costMs` of a fake clock to make, as
 * the page does; gives how many chunks each slice appended and how many
 * frames were waited for.
 */
async function slices(count, costMs) {
  let now = 0;
  let frames = 0;
  const saved = { now: performance.now, raf: globalThis.requestAnimationFrame };
  performance.now = () => now;
  globalThis.requestAnimationFrame = (callback) => {
    frames++;
    return setTimeout(callback, 0);
  };
  try {
    const root = fakeDocument().createElement("div");
    const chunks = (function* () {
      for (let i = 0; i < count; i++) {
        now += costMs;
        yield root.ownerDocument.createTextNode(`${i} `);
      }
    })();
    const sizes = [];
    let before = 0;
    const done = await appendProgressively(root, chunks, {
      onSlice() {
        sizes.push(root.childNodes.length - before);
        before = root.childNodes.length;
      },
    });
    assert.equal(done, true);
    assert.equal(root.childNodes.length, count);
    return { sizes, frames };
  } finally {
    performance.now = saved.now;
    globalThis.requestAnimationFrame = saved.raf;
  }
}

test("a story's comparison is drawn in one slice, with no frame waited for", async () => {
  // 30 ms of drawing: a news story's comparison
  assert.deepEqual(await slices(30, 1), { sizes: [30], frames: 0 });
});

test("a long text's first screen is drawn at once, then the rest in short slices a frame apart", async () => {
  const { sizes, frames } = await slices(100, 1);
  assert.equal(sizes[0], 40, "the first slice runs for its 40 ms");
  assert.ok(sizes.slice(1).every((n) => n <= 6), `later slices: ${sizes.slice(1)}`);
  assert.equal(frames, sizes.length - 1, "a frame between slices");
});
