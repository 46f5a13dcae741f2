// Labels and article text inside a sentence of the UI are bidi-isolated: a
// label ending in U+202E (RIGHT-TO-LEFT OVERRIDE), from a share link or the
// widget's attributes, must not reverse the sentence after it ("49%" drawn
// "%94"). Checked in the DOM (the label sits in an isolating element) and by
// where the browser draws each character (left to right), in the page, in
// print, in the widget's labels line and in the exported report.
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import { ARTIFACTS, forEachBrowser } from "./harness/driver.mjs";
import { startHosts } from "./harness/hosts/servers.mjs";
import { captureDownloads, disclose, downloads, SAMPLES, waitCompared } from "./harness/page-helpers.mjs";

let hosts;
before(async () => (hosts = await startHosts()));
after(() => hosts?.close());

const RLO = "\u202e";
const LABELS = { left: `AP${RLO}`, right: `Kompas${RLO}` };
/** The editor's own version's name (the samples have LABELS). */
const OWN = `Tempo${RLO}`;

/**
 * In the page: for the sentences under `selector`, every text node holding a
 * U+202E that is not inside an isolating element (`open`), and every figure
 * (data-wd-stat, a share or a word count) whose characters are not drawn left
 * to right (`reversed`); `figures` is how many were checked.
 */
function readOrder(selector) {
  const roots = [...document.querySelectorAll(selector)];
  const isolating = (node, root) => {
    for (let el = node.parentElement; el && root.contains(el); el = el.parentElement) {
      if (["isolate", "isolate-override", "plaintext"].includes(getComputedStyle(el).unicodeBidi)) return true;
    }
    return false;
  };
  const open = [];
  const reversed = [];
  let figures = 0;
  let labels = 0;
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (!node.data.includes("\u202e")) continue;
      labels++;
      if (!isolating(node, root)) open.push(node.parentElement.closest("p, li, h1, th, button")?.textContent ?? node.data);
    }
    for (const stat of root.querySelectorAll('[data-wd-stat$="Share"], [data-wd-stat$="Words"]')) {
      const text = stat.firstChild;
      const xs = [];
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        xs.push(range.getBoundingClientRect().left);
      }
      figures++;
      if (xs.some((x, i) => i > 0 && x <= xs[i - 1])) reversed.push(`${stat.dataset.wdStat} ${text.data}: ${xs.map(Math.round).join(", ")}`);
    }
  }
  return { roots: roots.length, labels, open, reversed, figures };
}

function assertOrder(order, where) {
  assert.ok(order.roots > 0 && order.labels >= 2, `${where}: the labels are there (${JSON.stringify(order)})`);
  assert.deepEqual(order.open, [], `${where}: every label is in an isolating element`);
  assert.ok(order.figures >= 5, `${where}: figures checked (${order.figures})`);
  assert.deepEqual(order.reversed, [], `${where}: every figure is drawn left to right`);
}

forEachBrowser((browser) => {
  test("page: labels ending in U+202E from a share link leave the summary, the facts, the matrix and print in logical order", async () => {
    const page = await browser.page();
    await page.goto(`/#v=1&source=${SAMPLES.ap}&compare=${SAMPLES.kompas}&sl=AP%E2%80%AE&cl=Kompas%E2%80%AE&end=`);
    await waitCompared(page);
    await disclose(page);
    await disclose(page, "share-export");
    assert.deepEqual([await page.value("#source-label"), await page.value("#compare-label")], [LABELS.left, LABELS.right], "the link's labels are taken");
    assertOrder(await page.evaluate(readOrder, "#summary"), "summary");

    // the facts' quotes, numbers and names, and the matrix's version names, each in an isolate of its own
    const pieces = await page.evaluate(() => {
      const isolated = (el) => [...el.children].length === 1 && el.firstElementChild.localName === "bdi" && el.firstElementChild.textContent === el.textContent;
      const facts = [...document.querySelectorAll("#facts .wd-fact del, #facts .wd-fact ins")];
      const heads = [...document.querySelectorAll("#matrix th")].filter((th) => th.textContent);
      return {
        facts: facts.length,
        open: facts.filter((el) => !isolated(el)).map((el) => el.textContent),
        matrix: !document.getElementById("matrix-panel").hidden,
        heads: heads.map((th) => th.querySelector("bdi")?.textContent ?? `not isolated: ${th.textContent}`),
      };
    });
    assert.ok(pieces.facts > 0, "the sample has facts that changed");
    assert.deepEqual(pieces.open, [], "each fact's text is isolated");
    if (pieces.matrix) assert.ok(pieces.heads.includes(LABELS.right), `the matrix names the versions in isolates: ${pieces.heads.join(" | ")}`);

    await page.emulateMedia("print");
    assert.equal(await page.evaluate(() => matchMedia("print").matches), true, "laid out for print");
    assertOrder(await page.evaluate(readOrder, "#summary"), "summary in print");
    await page.emulateMedia("screen");
    assert.deepEqual(page.log.errors, []);
  });

  test("page: a message that names a box by a label ending in U+202E reads in logical order", async () => {
    const page = await browser.page();
    await page.goto(`/#v=1&source=${SAMPLES.ap}&compare=${SAMPLES.kompas}&sl=AP%E2%80%AE&cl=Kompas%E2%80%AE&end=`);
    await waitCompared(page);
    await disclose(page);
    await page.evaluate(() => {
      document.body.dataset.state = "test-waiting";
    });
    // an edit makes the editor's own version, which is then named with the link's label
    await page.fill("#compare-text", "Workers jeered.");
    await page.fill("#compare-label", OWN);
    await page.fill("#compare-text", "");
    await page.waitFor(() => document.body.dataset.state === "empty" && !document.body.hasAttribute("data-pending"));
    const got = await page.evaluate(() => {
      const alert = document.querySelector("#redline > [role=alert]");
      const walker = document.createTreeWalker(alert, NodeFilter.SHOW_TEXT);
      let node;
      while ((node = walker.nextNode()) && !node.data.includes("is empty"));
      const at = node.data.indexOf("is empty");
      const xs = [...Array(8).keys()].map((i) => {
        const range = document.createRange();
        range.setStart(node, at + i);
        range.setEnd(node, at + i + 1);
        return range.getBoundingClientRect().left;
      });
      return { text: alert.textContent, xs };
    });
    assert.ok(got.text.startsWith(`The comparison box, “\u2068${OWN}\u2069”, is empty`), got.text);
    assert.ok(got.xs.every((x, i) => i === 0 || x >= got.xs[i - 1]), `"is empty" is drawn left to right: ${got.xs.map(Math.round).join(", ")}`);
  });

  test("report: the exported HTML report keeps labels ending in U+202E isolated in its title, heading, header line and summary", async () => {
    const page = await browser.page();
    await page.goto(`/#v=1&source=${SAMPLES.ap}&compare=${SAMPLES.kompas}&sl=AP%E2%80%AE&cl=Kompas%E2%80%AE&end=`);
    await waitCompared(page);
    await disclose(page, "share-export");
    await captureDownloads(page);
    await page.click("#export-html");
    const [report] = await downloads(page, 1);
    const path = `${ARTIFACTS}bidi-report-${browser.name}.html`;
    await writeFile(path, report.text);
    const standalone = await browser.page();
    await standalone.goto(pathToFileURL(path).href);
    assertOrder(await standalone.evaluate(readOrder, ".wd-report-head, .wd-report-summary"), "report");
    const title = await standalone.evaluate(() => document.title);
    assert.equal(title, `wirediff: \u2068${LABELS.right}\u2069 compared with \u2068${LABELS.left}\u2069`, "the title isolates the labels (U+2068 … U+2069)");
  });

  test("widget: labels ending in U+202E leave its labels line in logical order", async () => {
    const page = await browser.page();
    await page.goto(`${hosts.plain}hosts/empty.html`);
    await page.waitFor(() => document.readyState === "complete");
    const got = await page.evaluate(
      async ({ labels, files }) => {
        await import("/wire-diff-define.js");
        const { nextEvent } = await import("/hosts/check.js");
        const [source, compare] = await Promise.all(files.map(async (file) => (await fetch(`/samples/${file}`)).text()));
        const w = document.createElement("wire-diff");
        w.setAttribute("source-label", labels.left);
        w.setAttribute("compare-label", labels.right);
        Object.assign(w, { source, compare });
        const event = nextEvent(w);
        document.getElementById("column").append(w);
        const { type, message } = await event;
        const line = w.shadowRoot.querySelector("[part~=labels]");
        const [left, right] = line.querySelectorAll("[part~=label]");
        const xs = (node) => {
          const text = node.firstChild;
          return [...text.data].map((_, i) => {
            const range = document.createRange();
            range.setStart(text, i);
            range.setEnd(text, i + 1);
            return range.getBoundingClientRect().left;
          });
        };
        const isolate = (el) => getComputedStyle(el).unicodeBidi;
        return {
          type,
          message,
          text: line.textContent,
          isolation: [isolate(left), isolate(right)],
          // "Kompas" without its U+202E: drawn left to right, and after the source label
          kompas: xs(right).slice(0, 6),
          sourceLeft: left.getBoundingClientRect().left,
        };
      },
      { labels: LABELS, files: [SAMPLES.ap, SAMPLES.kompas] },
    );
    assert.equal(got.type, "rendered", got.message);
    assert.equal(got.text, `${LABELS.left} → ${LABELS.right}`);
    assert.deepEqual(got.isolation, ["isolate", "isolate"], "each label is isolated");
    assert.ok(got.kompas.every((x, i) => i === 0 || x > got.kompas[i - 1]), `"Kompas" is drawn left to right: ${got.kompas.map(Math.round).join(", ")}`);
    assert.ok(got.kompas[0] > got.sourceLeft, "the comparison label comes after the source label");
    assert.deepEqual(page.log.errors, []);
  });
});
