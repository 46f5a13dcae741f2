// The redline (www/render/redline.js): what a reader sees of each change,
// and the hidden words that say it without colour.
import assert from "node:assert/strict";
import { test } from "node:test";
import { HARD_CHARS } from "../../www/render/flow.js";
import { changeList, redlineChunks, renderRedline, rewrites } from "../../www/render/redline.js";
import { all, fakeDocument, hasClass, inside, seenText, textNodes } from "./fake-dom.mjs";
import { diff, merged, opsOnly } from "./results.mjs";

const render = (texts, options) => renderRedline(fakeDocument(), opsOnly(texts), texts.left, texts.right, options);
const isCut = (element) => element.localName === "del";

test("cut text is struck (a <del>) where it stood and labelled “deleted” for a screen reader; added text is an <ins> labelled “inserted”", () => {
  const texts = diff([
    ["equal", "Workers walked out "],
    ["delete", "on Monday "],
    ["equal", "at the plant"],
    ["insert", " in Minsk"],
    ["equal", "."],
  ]);
  const root = render(texts);
  const [del] = all(root, (e) => e.localName === "del");
  assert.ok(del.classList.contains("wd-del"));
  assert.equal(del.textContent, "[deleted: on Monday ]");
  assert.equal(seenText(del), "on Monday ");
  const [ins] = all(root, (e) => e.localName === "ins");
  assert.ok(ins.classList.contains("wd-ins"));
  assert.equal(ins.textContent, "[inserted:  in Minsk]");
  assert.deepEqual(all(root, hasClass("wd-sr-only")).map((label) => label.textContent), ["[deleted: ", "]", "[inserted: ", "]"]);
  // the comparison text reads whole outside the cuts, the source's in order with them
  assert.equal(seenText(root, isCut), texts.right);
});

test("each change is a stop a reader steps to, in reading order, focusable by script only; unchanged text is none", () => {
  const texts = diff([
    ["equal", "A "],
    ["replace", "strike", "walkout"],
    ["equal", " began; "],
    ["insert", "police came; "],
    ["delete", "it ended."],
  ]);
  const result = opsOnly(texts);
  assert.deepEqual(changeList(result), [
    { kind: "replace", op: 1 },
    { kind: "insert", op: 3 },
    { kind: "delete", op: 4 },
  ]);
  const stops = all(renderRedline(fakeDocument(), result, texts.left, texts.right), (e) => e.hasAttribute("data-wd-stop"));
  assert.deepEqual(stops.map((s) => [s.dataset.wdStop, s.tabIndex, seenText(s)]), [
    ["0", -1, "strikewalkout"],
    ["1", -1, "police came; "],
    ["2", -1, "it ended."],
  ]);
  // a replacement: the old words struck, then the new ones, in one stop
  const [pair] = all(stops[0], hasClass("wd-replace"));
  assert.deepEqual(pair.children.map((c) => [c.localName, seenText(c)]), [["del", "strike"], ["ins", "walkout"]]);
});

test("article text only becomes text nodes: markup in it is shown as written, never made into elements", () => {
  const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
  const texts = diff([
    ["equal", "Before "],
    ["insert", hostile],
    ["delete", "<b>cut</b>"],
    ["equal", " after."],
  ]);
  const root = render(texts);
  assert.deepEqual(all(root, (e) => ["img", "script", "b"].includes(e.localName)), []);
  assert.ok(textNodes(root).some((t) => t.data === hostile), "the hostile text is one text node, as written");
  assert.equal(seenText(root, isCut), texts.right);
});

test("boilerplate is marked as such, is no stop, and with hideBoilerplate is one “⋯” marker that keeps the line apart", () => {
  const texts = diff([
    ["equal", "Workers struck.\n"],
    ["insert", "Read also: more news\n", { boilerplate: true }],
    ["equal", "Police came."],
  ]);
  const shown = render(texts);
  const [mark] = all(shown, (e) => e.localName === "ins");
  assert.ok(mark.classList.contains("wd-boilerplate"));
  assert.equal(all(mark, hasClass("wd-sr-only"))[0].textContent, "[boilerplate inserted: ");
  assert.deepEqual(all(shown, (e) => e.hasAttribute("data-wd-stop")), []);
  assert.deepEqual(changeList(opsOnly(texts)), []);

  const hidden = render(texts, { hideBoilerplate: true });
  const [marker] = all(hidden, hasClass("wd-hidden-boilerplate"));
  assert.equal(marker.textContent, "boilerplate hidden ⋯");
  assert.equal(seenText(hidden), "Workers struck.\n⋯\nPolice came.");
});

test("a moved passage: its old place links to its new place above, which links back down to it and is one stop", () => {
  const left = "Strikes spread. Police came. Workers jeered.";
  const right = "Workers jeered. Strikes spread. Police came.";
  // the engine's shape: the passage at its new place as equal ops with a moveId, its old place a `move` op
  const result = opsOnly({
    ops: [
      { kind: "equal", left: { start: 29, end: 44 }, right: { start: 0, end: 15 }, moveId: 1 },
      { kind: "equal", left: { start: 15, end: 16 }, right: { start: 15, end: 16 } },
      { kind: "equal", left: { start: 0, end: 15 }, right: { start: 16, end: 31 } },
      { kind: "equal", left: { start: 15, end: 29 }, right: { start: 31, end: 44 } },
      { kind: "move", left: { start: 29, end: 44 }, right: { start: 44, end: 44 }, moveId: 1 },
    ],
  });
  const root = renderRedline(fakeDocument(), result, left, right);
  const [moved] = all(root, hasClass("wd-moved"));
  assert.equal(moved.id, "wd-move-1-new");
  assert.equal(moved.dataset.wdStop, "0");
  // one tag at each end, each a link to the other end, its arrow (for the eye: hung in the margin) pointing there
  const tags = all(root, (e) => e.classList.contains("wd-move-to") || e.classList.contains("wd-move-from"));
  assert.equal(tags.length, 2);
  const [back] = all(moved, hasClass("wd-move-to"));
  const [from] = all(root, hasClass("wd-move-from"));
  const arrow = (link) => {
    const [a] = all(link, hasClass("wd-move-arrow"));
    assert.equal(a.getAttribute("aria-hidden"), "true", "a reader hears the words, not the arrow");
    return a.textContent;
  };
  assert.deepEqual([back.href, arrow(back), seenText(back, hasClass("wd-move-arrow"))], ["#wd-move-1-old", "↓", "moved from below"]);
  assert.deepEqual([from.id, from.href, arrow(from), seenText(from, hasClass("wd-move-arrow"))], ["wd-move-1-old", "#wd-move-1-new", "↑", "moved up: “Workers jeered.”"]);
  assert.deepEqual(changeList(result), [{ kind: "move", op: 0, moveId: 1 }]);
});

test("a merged sentence is one rewrite marked “rewritten from AP ¶2 s1–2” (the dateline is no sentence), the words it keeps from its sources marked shared", () => {
  const { left, right, result } = merged();
  assert.deepEqual(rewrites(result, right).map((r) => right.slice(r.start, r.end)), ["Workers jeered Lukashenko and walked out."]);
  const root = renderRedline(fakeDocument(), result, left, right, { labels: { left: "AP", right: "Kompas" }, detailId: "detail" });
  const [rewrite] = all(root, hasClass("wd-rewrite"));
  const [link] = all(rewrite, hasClass("wd-source-link"));
  assert.equal(link.textContent, "rewritten from \u2068AP\u2069 ¶2 s1–2");
  assert.equal(link.localName, "button");
  assert.equal(link.getAttribute("aria-controls"), "detail");
  // "walked out" is cut from the source's second sentence and added in the merged one: both marked shared
  const shared = all(rewrite, hasClass("wd-shared")).map((s) => [inside(s, isCut) ? "cut" : "added", seenText(s)]);
  assert.deepEqual(shared, [["cut", "walked out"], ["added", "walked out"]]);
});

test("a line of 10,000 characters with no space is drawn in blocks of at most the hard length that hold it exactly", () => {
  const texts = diff([
    ["equal", "x".repeat(10_000)],
    ["insert", "y"],
  ]);
  const chunks = [...redlineChunks(fakeDocument(), opsOnly(texts), texts.left, texts.right)];
  const blocks = chunks.flatMap((chunk) => all(chunk, hasClass("wd-block")));
  assert.ok(blocks.length >= 10_000 / HARD_CHARS, `${blocks.length} blocks`);
  for (const block of blocks) assert.ok(seenText(block).length <= HARD_CHARS, `a block of ${seenText(block).length}`);
  assert.equal(blocks.map((b) => seenText(b)).join(""), texts.right);
});

test("a cut or added paragraph break is read out as one, not as “deleted” and nothing", () => {
  const texts = diff([
    ["equal", "Workers struck."],
    ["delete", "\n\n"],
    ["equal", " Strikes spread."],
    ["insert", "\n"],
    ["equal", "More."],
  ]);
  const root = render(texts);
  const labels = all(root, hasClass("wd-sr-only")).map((label) => label.textContent);
  assert.deepEqual(labels, ["[paragraph break removed", "]", "[line break added", "]"]);
});
