// Stepping through the changes: buttons and keys, the counter, focus and the
// announcement, checked change by change against the engine's ops.
import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachBrowser } from "../harness/driver.mjs";
import { disclose, engineNow, expectedChanges, openPage, pasteBoth, pickView } from "../harness/page-helpers.mjs";

/** Where focus is, and what the counter and the live region say. */
function where(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    return {
      inView: document.getElementById("redline").contains(a),
      stop: a.dataset.wdStop ?? null,
      op: a.dataset.wdOp ?? null,
      move: a.dataset.wdMove ?? null,
      current: a.classList.contains("wd-current"),
      counter: document.getElementById("counter").textContent,
      announce: document.getElementById("announce").textContent,
      live: document.getElementById("announce").getAttribute("aria-live"),
      prev: document.getElementById("prev").disabled,
      next: document.getElementById("next").disabled,
    };
  });
}

function checkStop(at, k, changes, label) {
  const change = changes[k];
  const n = changes.length;
  assert.ok(at.inView, `${label} ${k + 1}: focus is in the view`);
  assert.equal(at.stop, String(k), `${label} ${k + 1}: focus is on change ${k + 1}`);
  if (change.kind === "move") assert.equal(at.move, String(change.moveId), `${label} ${k + 1}: the moved passage`);
  else assert.equal(at.op, String(change.op), `${label} ${k + 1}: the engine's op ${change.op}`);
  assert.ok(at.current, "the current change is highlighted");
  assert.equal(at.counter, `change ${k + 1} of ${n}`);
  assert.ok(at.announce.startsWith(`Change ${k + 1} of ${n}: `), at.announce);
  assert.ok(at.live === "polite" || at.live === "assertive");
}

forEachBrowser((browser) => {
  test("n walks every change in the engine's order, p walks back; the counter matches the engine's change count", async () => {
    const page = await openPage(browser);
    const { result } = await engineNow(page);
    const changes = expectedChanges(result);
    assert.ok(changes.length > 5, "the sample has changes to walk");
    const s = result.stats;
    assert.equal(changes.length, s.insertions + s.deletions + s.replacements + s.moves, "one step per change the engine counts");
    assert.equal(await page.text("#counter"), `${changes.length} changes`);
    assert.equal(await page.text("#status"), `${changes.length} changes.`);
    await page.evaluate(() => document.activeElement?.blur());
    for (let k = 0; k < changes.length; k++) {
      await page.press("n");
      checkStop(await where(page), k, changes, "n");
    }
    await page.press("n"); // past the last: stays there
    const last = await where(page);
    checkStop(last, changes.length - 1, changes, "n");
    assert.equal(last.next, true, "Next is disabled on the last change");
    for (let k = changes.length - 2; k >= 0; k--) {
      await page.press("p");
      checkStop(await where(page), k, changes, "p");
    }
    assert.equal((await where(page)).prev, true, "Previous is disabled on the first change");
    assert.deepEqual(page.log.errors, []);
  });

  test("j and k, ] and [, and the Next / Previous buttons, step the same way; keys typed into a text box stay text", async () => {
    const page = await openPage(browser);
    await disclose(page);
    const changes = expectedChanges((await engineNow(page)).result);
    await page.click("#next");
    checkStop(await where(page), 0, changes, "button");
    await page.press("j");
    await page.press("j");
    checkStop(await where(page), 2, changes, "j");
    await page.press("k");
    checkStop(await where(page), 1, changes, "k");
    // the widget's keys step the page too
    await page.press("]");
    checkStop(await where(page), 2, changes, "]");
    await page.press("[");
    checkStop(await where(page), 1, changes, "[");
    await page.click("#prev");
    checkStop(await where(page), 0, changes, "button");
    await page.evaluate(() => document.getElementById("compare-label").focus());
    await page.press("n");
    assert.ok((await page.value("#compare-label")).endsWith("n"), "n typed into the label field is a letter");
    assert.equal(await page.text("#counter"), `change 1 of ${changes.length}`);
  });

  test("the side-by-side view steps through the same changes", async () => {
    const page = await openPage(browser);
    const changes = expectedChanges((await engineNow(page)).result);
    await pickView(page, "side-by-side");
    await page.evaluate(() => document.activeElement?.blur());
    for (let k = 0; k < changes.length; k++) {
      await page.press("n");
      checkStop(await where(page), k, changes, "sbs n");
    }
  });

  test("moved passages are steps: shown at the new place, linked to and from the old place", async () => {
    const page = await openPage(browser);
    await pasteBoth(page, "Workers jeered the president at the tractor plant.\n\nThe strike spread to the potash mines in the south.\n\nThe opposition leader spoke from exile in Lithuania.\n", "The opposition leader spoke from exile in Lithuania.\n\nWorkers jeered the president at the tractor plant.\n\nThe strike spread to the potash mines in the south.\n");
    const { result } = await engineNow(page);
    assert.ok(result.moves.length >= 1, "the engine finds the moved paragraph");
    const changes = expectedChanges(result);
    const move = changes.findIndex((c) => c.kind === "move");
    await page.evaluate(() => document.activeElement?.blur());
    for (let k = 0; k <= move; k++) await page.press("n");
    const at = await where(page);
    checkStop(at, move, changes, "move");
    const id = changes[move].moveId;
    const links = await page.evaluate((id) => ({
      to: document.querySelector(`#wd-move-${id}-new .wd-move-to`)?.getAttribute("href"),
      from: document.getElementById(`wd-move-${id}-old`)?.getAttribute("href"),
    }), id);
    assert.deepEqual(links, { to: `#wd-move-${id}-old`, from: `#wd-move-${id}-new` });
    await page.click(`#wd-move-${id}-new .wd-move-to`);
    assert.equal(await page.evaluate(() => document.activeElement.id), `wd-move-${id}-old`, "the link goes to the old place");
    assert.ok(!(await page.evaluate(() => location.hash)).includes("wd-move"), "following a move link keeps the share fragment");
  });
});
