// Where Kompas's rewritten sentences came from, in the page's three views and
// in the widget: provenance opens a sentence's AP sources word by word (click,
// Enter, Space; Escape closes), side by side quotes the sources in the
// sentence's row, and the redline shows a paraphrase as one rewrite whose
// shared words are neither cut nor added. Every expectation comes from the
// engine's own result in the same page.
import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachBrowser } from "../harness/driver.mjs";
import { engineNow, openPage, pickView } from "../harness/page-helpers.mjs";

// Labels inside a sentence of the UI are bidi-isolated (U+2068 … U+2069).
const AP = "\u2068AP (as syndicated by LatestLY)\u2069";
/** Kompas sentences the issue names as rewrites of AP's first sentences. */
const REWRITES = ["President Alexander Lukashenko is coming under immense pressure", "Factory workers also heckled and jeered"];

/** The rewrites, then every other sentence the engine labels edited or paraphrased: the start of each. */
function rewritten(now) {
  const { result, right } = now;
  const others = result.right.sentences
    .filter((s) => ["paraphrased", "edited"].includes(s.label))
    .map((s) => right.slice(s.span.start, s.span.end).trim().slice(0, 40))
    .filter((text) => !REWRITES.some((prefix) => text.startsWith(prefix.slice(0, 40))));
  return [...REWRITES, ...others];
}

/** The comparison sentence that starts with `prefix`, with its sources, from the engine's result. */
function rewrite(now, prefix) {
  const { result, left, right } = now;
  const index = result.right.sentences.findIndex((s) => right.slice(s.span.start, s.span.end).trim().startsWith(prefix));
  assert.ok(index >= 0, `Kompas has a sentence starting “${prefix}”`);
  const s = result.right.sentences[index];
  assert.ok(["paraphrased", "edited"].includes(s.label), `“${prefix}…” is paraphrased or edited (the engine says ${s.label})`);
  assert.ok(s.sources?.length > 0, `“${prefix}…” is linked to AP sentences`);
  // An editor's count: the story's sentences in reading order, boilerplate left out; paragraphs from 1.
  const story = result.left.sentences.map((x, i) => ({ x, i })).filter(({ x }) => x.label !== "boilerplate").sort((a, b) => a.x.span.start - b.x.span.start);
  const sources = s.sources.map((source) => {
    const sentence = result.left.sentences[source.sentence];
    const spans = source.words.map((w) => w.left).sort((a, b) => a.start - b.start);
    const kept = [];
    for (const span of spans) {
      const last = kept.at(-1);
      if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
      else kept.push({ ...span });
    }
    return {
      text: left.slice(sentence.span.start, sentence.span.end).trim(),
      paragraph: sentence.paragraph + 1,
      number: story.findIndex(({ i }) => i === source.sentence) + 1,
      kept: kept.map((k) => left.slice(k.start, k.end)),
      shared: source.words.map((w) => w.right),
    };
  });
  return { index, label: s.label, span: s.span, text: right.slice(s.span.start, s.span.end).trim(), sources };
}

/** Gives the page `window.__read(node, skip)`: the text of `node` without hidden labels and markers. */
async function openSources(browser) {
  const page = await openPage(browser);
  await page.evaluate(() => {
    window.__read = (node, skip = ".wd-sr-only, .wd-source-where, .wd-source-link") => {
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      let out = "";
      while (walker.nextNode()) if (!walker.currentNode.parentElement.closest(skip)) out += walker.currentNode.data;
      return out;
    };
  });
  return page;
}

/** What the sources panel shows: its quotes (text, kept words) and its head line. */
function readPanel(page, selector) {
  return page.evaluate(
    (selector) => {
      const read = window.__read;
      const panel = document.querySelector(selector);
      return {
        hidden: panel.hidden,
        head: panel.querySelector(".wd-detail-head")?.textContent ?? "",
        quotes: [...panel.querySelectorAll(".wd-source-quote")].map((q) => ({
          where: q.querySelector(".wd-source-where").textContent,
          text: read(q.querySelector(".wd-word-diff")),
          kept: [...q.querySelectorAll(".wd-kept")].map((k) => k.textContent),
          cut: [...q.querySelectorAll("del")].map((k) => read(k)),
          added: [...q.querySelectorAll("ins")].map((k) => read(k)),
        })),
      };
    },
    selector,
  );
}

/**
 * A click on a sentence, dispatched on it: a sentence that wraps has no one
 * point that is surely inside it for the driver's click (the middle of its box
 * can fall beside its last line).
 */
const clickSentence = (page, index) => page.evaluate((i) => document.querySelector(`[data-wd-sent="${i}"][tabindex]`).click(), index);

const expanded = (page, index) => page.evaluate((i) => document.querySelector(`[data-wd-sent="${i}"][tabindex]`).getAttribute("aria-expanded"), index);

forEachBrowser((browser) => {
  test("provenance: clicking a rewritten Kompas sentence shows its AP sources, shared words marked, and “from AP ¶…, sentence …”", async () => {
    const page = await openSources(browser);
    const now = await engineNow(page);
    await pickView(page, "provenance");
    for (const prefix of rewritten(now)) {
      const s = rewrite(now, prefix);
      assert.equal(await expanded(page, s.index), "false");
      await clickSentence(page, s.index);
      const panel = await readPanel(page, "#sentence-detail");
      assert.equal(panel.hidden, false, "the panel opens on a click");
      assert.equal(await expanded(page, s.index), "true", "the sentence says it is expanded");
      const byPlace = [...s.sources].sort((a, b) => a.paragraph - b.paragraph || a.number - b.number);
      assert.equal(panel.quotes.length, s.sources.length + 1, "each source sentence, then the sentence itself");
      for (const [k, source] of byPlace.entries()) {
        const quote = panel.quotes[k];
        assert.equal(quote.text, source.text, "the AP sentence, exactly");
        assert.ok(quote.where.startsWith(`${AP} ¶${source.paragraph}, sentence ${source.number}`), quote.where);
        assert.deepEqual(quote.kept, source.kept, "the words it shares with the Kompas sentence are marked kept");
        assert.ok(quote.kept.length > 0);
        assert.equal(quote.added.length, 0);
      }
      const own = panel.quotes.at(-1);
      assert.equal(own.text, s.text, "the Kompas sentence, exactly");
      assert.equal(own.cut.length, 0);
      for (const kept of own.kept) assert.ok(s.text.includes(kept));
      // "from AP ¶1, sentences 1–2": each paragraph with its sentence numbers, consecutive ones as a range
      const paragraphs = [...new Set(byPlace.map((x) => x.paragraph))];
      for (const p of paragraphs) {
        const numbers = [...new Set(byPlace.filter((x) => x.paragraph === p).map((x) => x.number))].sort((a, b) => a - b);
        const run = numbers.length > 1 && numbers.at(-1) - numbers[0] === numbers.length - 1;
        const said = run ? `sentences ${numbers[0]}–${numbers.at(-1)}` : `${numbers.length > 1 ? "sentences" : "sentence"} ${numbers.join(", ")}`;
        assert.ok(panel.head.includes(`¶${p}, ${said}`), `${panel.head} names ¶${p}, ${said}`);
      }
      assert.ok(panel.head.includes(`from ${AP} ¶${paragraphs[0]}`), panel.head);
      // a second click closes it
      await clickSentence(page, s.index);
      assert.equal((await readPanel(page, "#sentence-detail")).quotes.length, 0);
      assert.equal(await expanded(page, s.index), "false");
    }
    assert.deepEqual(page.log.violations, []);
    assert.deepEqual(page.log.errors, []);
  });

  test("provenance by keyboard: Enter and Space on a focused sentence open its sources, Escape closes them and keeps focus there", async () => {
    const page = await openSources(browser);
    const now = await engineNow(page);
    await pickView(page, "provenance");
    const s = rewrite(now, REWRITES[1]);
    const role = await page.evaluate((i) => {
      const node = document.querySelector(`[data-wd-sent="${i}"][tabindex]`);
      node.focus();
      return { role: node.getAttribute("role"), controls: node.getAttribute("aria-controls"), tab: node.tabIndex };
    }, s.index);
    assert.deepEqual(role, { role: "button", controls: "sentence-detail", tab: 0 });
    for (const key of ["Enter", " "]) {
      const before = await page.evaluate(() => window.scrollY);
      await page.press(key);
      assert.ok(Math.abs((await page.evaluate(() => window.scrollY)) - before) < 2, `${key === " " ? "Space" : key} did not scroll the page`);
      const panel = await readPanel(page, "#sentence-detail");
      assert.equal(panel.hidden, false, `${key} opens the sources`);
      assert.equal(panel.quotes[0].text, [...s.sources].sort((a, b) => a.paragraph - b.paragraph || a.number - b.number)[0].text);
      assert.equal(await expanded(page, s.index), "true");
      await page.press("Escape");
      const after = await page.evaluate(() => ({ hidden: document.getElementById("sentence-detail").hidden, focused: document.activeElement?.dataset.wdSent }));
      assert.deepEqual(after, { hidden: true, focused: String(s.index) }, "Escape closes, focus stays on the sentence");
      assert.equal(await expanded(page, s.index), "false");
    }
    assert.deepEqual(page.log.errors, []);
  });

  test("side by side: a paraphrased Kompas sentence sits in the row of its AP sources, with a “↗ from AP ¶…” marker", async () => {
    const page = await openSources(browser);
    const now = await engineNow(page);
    await pickView(page, "side-by-side");
    for (const prefix of rewritten(now)) {
      const s = rewrite(now, prefix);
      if (s.label !== "paraphrased") continue; // side by side marks paraphrases; an edit is beside its source already
      const row = await page.evaluate(
        ({ prefix, index }) => {
          const read = window.__read;
          const link = document.querySelector(`#redline .wd-cell-right .wd-source-link[data-wd-sources="${index}"]`);
          if (!link) return null;
          const r = link.closest(".wd-row");
          return {
            link: link.textContent,
            right: read(r.querySelector(".wd-cell-right")),
            left: read(r.querySelector(".wd-cell-left"), ".wd-sr-only, .wd-source-where, .wd-move-from"),
            quotes: [...r.querySelectorAll(".wd-cell-left .wd-source-quote")].map((q) => ({ text: read(q), kept: [...q.querySelectorAll(".wd-kept")].length })),
            linkFirst: (() => {
              const cell = read(r.querySelector(".wd-cell-right"), ".wd-sr-only");
              return cell.indexOf(link.textContent) >= 0 && cell.indexOf(link.textContent) < cell.indexOf(prefix);
            })(),
          };
        },
        { prefix, index: s.index },
      );
      assert.ok(row, `“${prefix}…” has its marker`);
      assert.ok(row.right.includes(s.text), "the marker is in the sentence's row");
      assert.ok(row.linkFirst, "the marker stands before the sentence");
      assert.match(row.link, new RegExp(`^↗ from ${AP.replace(/[()]/g, "\\$&")} ¶\\d`));
      for (const source of s.sources) {
        assert.ok(row.left.includes(source.text) || row.quotes.some((q) => q.text === source.text), `AP's “${source.text.slice(0, 40)}…” is beside it, in the same row`);
        assert.ok(row.link.includes(`¶${source.paragraph}`), `${row.link} names ¶${source.paragraph}`);
      }
      for (const q of row.quotes) assert.ok(q.kept > 0, "a quoted source shows the shared words");
    }
    // the marker opens the same sources panel
    const s = rewrite(now, REWRITES[0]);
    const marker = `#redline .wd-source-link[data-wd-sources="${s.index}"]`;
    await page.evaluate((sel) => document.querySelector(sel).scrollIntoView({ block: "center" }), marker); // clear of the sticky bar
    await page.click(marker);
    const panel = await readPanel(page, "#sentence-detail");
    assert.equal(panel.hidden, false);
    assert.equal(panel.quotes.at(-1).text, s.text);
    assert.deepEqual(page.log.errors, []);
  });

  test("redline: a paraphrased Kompas sentence is one rewrite; the words it shares with AP are unchanged, or marked as the source's where the ops cut and re-add them", async () => {
    const page = await openSources(browser);
    const now = await engineNow(page);
    const { result, right } = now;
    const over = (a, b) => a.start < b.end && b.start < a.end;
    const problems = [];
    let shared = 0;
    for (const prefix of rewritten(now)) {
      const s = rewrite(now, prefix);
      if (s.label !== "paraphrased") continue;
      const group = await page.evaluate(
        ({ index }) => {
          const groups = document.querySelectorAll(`#redline .wd-rewrite[data-wd-rewrite="${index}"]`);
          // the group's comparison text, character by character, and whether each is inside an insertion
          let text = "";
          const inserted = [];
          const marked = []; // inside an insertion, marked as the source's words
          const cutShared = []; // the cut text marked as shared
          for (const g of groups) {
            const walker = document.createTreeWalker(g, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              const parent = walker.currentNode.parentElement;
              if (parent.closest(".wd-sr-only, .wd-source-link, .wd-move-from, .wd-move-to")) continue;
              if (parent.closest("del")) {
                if (parent.closest(".wd-shared")) cutShared.push(walker.currentNode.data);
                continue;
              }
              text += walker.currentNode.data;
              for (let n = [...walker.currentNode.data].length; n > 0; n--) {
                inserted.push(Boolean(parent.closest("ins")));
                marked.push(Boolean(parent.closest("ins .wd-shared")));
              }
            }
          }
          const ops = (tag) => [...new Set([...groups].flatMap((g) => [...g.querySelectorAll(`${tag}[data-wd-op]`)].map((m) => Number(m.dataset.wdOp))))];
          const label = groups[0]?.querySelector(".wd-source-link");
          return {
            count: groups.length,
            text,
            inserted,
            marked,
            cutShared,
            cutOps: ops("del"),
            addedOps: ops("ins"),
            label: label?.textContent,
            labels: [...groups].flatMap((g) => [...g.querySelectorAll(".wd-source-link")]).length,
          };
        },
        { index: s.index },
      );
      assert.ok(group.count >= 1, `“${prefix}…” is a rewrite group`);
      assert.equal(group.labels, 1, "one rewrite, with one label (its wrapper goes on across the lines of a cut paragraph)");
      assert.match(group.label, new RegExp(`^rewritten from ${AP.replace(/[()]/g, "\\$&")} ¶\\d`));
      assert.equal(group.text, s.text, "the rewrite holds exactly the Kompas sentence");
      const start = right.indexOf(s.text, s.span.start);
      const runs = result.right.sentences[s.index].sources.flatMap((x) => x.words);
      assert.ok(group.addedOps.length + group.cutOps.length > 0, "its rewording is marked");
      // Its shared words are unchanged text; where the ops cannot keep them (a phrase
      // reordered, or taken by a split from a sentence paired elsewhere) they are
      // marked as the source's words, never plainly struck and re-added.
      const where = `in “${prefix.slice(0, 30)}…”`;
      const unchanged = runs.filter((run) => !group.inserted.slice(run.right.start - start, run.right.end - start).some(Boolean));
      for (const run of runs) {
        const said = `“${right.slice(run.right.start, run.right.end)}”`;
        for (let at = run.right.start - start; at < run.right.end - start; at++) {
          if (group.inserted[at] && !group.marked[at] && /\S/.test(right[start + at])) {
            problems.push(`${said} re-added, not marked as the source's words, ${where}`);
            break;
          }
        }
        const cut = group.cutOps.some((k) => over(result.ops[k].left, run.left));
        const added = group.addedOps.some((k) => over(result.ops[k].right, run.right));
        if (cut && added && !group.cutShared.join("\u0000").includes(now.left.slice(run.left.start, run.left.end))) {
          problems.push(`${said} struck where it stood without being marked as shared, ${where}`);
        }
      }
      shared += unchanged.length;
    }
    assert.ok(shared > 0, "the rewrites show words they share with AP as unchanged text");
    assert.deepEqual(problems, [], "no word a rewrite shares with AP is plainly struck and re-added");
    assert.deepEqual(page.log.errors, []);
  });

  test("each view's legend names every kind of mark it shows", async () => {
    const page = await openSources(browser);
    for (const view of ["redline", "side-by-side", "provenance"]) {
      await pickView(page, view);
      const seen = await page.evaluate(() => {
        const root = document.getElementById("redline");
        const legend = [...document.querySelectorAll("#legend [data-wd-mark], #legend [data-wd-label]")].map((li) => li.dataset.wdMark ?? li.dataset.wdLabel);
        const marks = {
          insert: "ins[data-wd-op]:not(.wd-boilerplate)",
          delete: "del[data-wd-op]:not(.wd-boilerplate)",
          "boilerplate-cut": "del.wd-boilerplate[data-wd-op]",
          "boilerplate-added": "ins.wd-boilerplate[data-wd-op]",
          move: ".wd-moved",
          rewrite: ".wd-source-link",
          quoted: ".wd-source-quote",
          shared: ".wd-shared",
        };
        const present = Object.entries(marks).filter(([, sel]) => root.querySelector(sel)).map(([k]) => k);
        const labels = [...new Set([...root.querySelectorAll("[data-wd-sent][data-wd-label]")].map((s) => s.dataset.wdLabel))];
        return { legend, present, labels };
      });
      if (view === "provenance") {
        for (const label of seen.labels) assert.ok(seen.legend.includes(label), `provenance legend has ${label}`);
      } else {
        assert.ok(seen.present.includes("rewrite"), `${view} shows rewrites of AP`);
        for (const mark of seen.present) assert.ok(seen.legend.includes(mark), `${view} legend has ${mark}: ${seen.legend}`);
      }
    }
  });

  test("the widget opens a sentence's sources in its own panel, by click and by Enter, and Escape closes it", async () => {
    const page = await browser.page();
    await page.goto("/");
    const out = await page.evaluate(async () => {
      await import("/wire-diff-define.js");
      const [left, right] = await Promise.all(["001_7874be6ffbaae5d6.txt", "000_a7be8358ffd46965.txt"].map(async (f) => (await fetch(`/samples/${f}`)).text()));
      const w = document.createElement("wire-diff");
      w.setAttribute("view", "provenance");
      w.setAttribute("source-label", "AP");
      w.style.height = "600px";
      const done = new Promise((resolve) => w.addEventListener("wirediff-rendered", resolve, { once: true }));
      w.source = left;
      w.compare = right;
      document.body.prepend(w);
      await done;
      const root = w.shadowRoot;
      const index = w.result.right.sentences.findIndex((s) => right.slice(s.span.start, s.span.end).includes("Factory workers also heckled"));
      const sentence = root.querySelector(`[data-wd-sent="${index}"][tabindex]`);
      const panel = root.querySelector("[part~=sources]");
      const read = () => ({ hidden: panel.hidden, expanded: sentence.getAttribute("aria-expanded"), head: panel.querySelector(".wd-detail-head")?.textContent, quotes: panel.querySelectorAll(".wd-source-quote").length });
      const states = [read()];
      sentence.click();
      states.push(read());
      sentence.click();
      states.push(read());
      sentence.focus();
      sentence.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
      states.push(read());
      sentence.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true }));
      states.push({ ...read(), focused: root.activeElement === sentence });
      return { states, controls: sentence.getAttribute("aria-controls"), panelId: panel.id, sources: w.result.right.sentences[index].sources?.length ?? 0 };
    });
    assert.ok(out.sources > 0, "the engine links the sentence to AP");
    assert.equal(out.controls, out.panelId);
    const [closed, opened, reclosed, entered, escaped] = out.states;
    assert.deepEqual([closed.hidden, closed.expanded], [true, "false"]);
    assert.deepEqual([opened.hidden, opened.expanded, opened.quotes], [false, "true", out.sources + 1]);
    assert.match(opened.head, /from \u2068AP\u2069 ¶\d+, sentences? \d/);
    assert.deepEqual([reclosed.hidden, reclosed.expanded], [true, "false"]);
    assert.deepEqual([entered.hidden, entered.expanded], [false, "true"]);
    assert.deepEqual([escaped.hidden, escaped.expanded, escaped.focused], [true, "false", true]);
    assert.deepEqual(page.log.errors, []);
  });
});
