// <wire-diff>'s status line says what became of the wire's credit when the
// source credits an agency, as the engine's credit check found it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { forEachBrowser } from "../harness/driver.mjs";
import { startHosts } from "../harness/hosts/servers.mjs";

let hosts;
before(async () => (hosts = await startHosts()));
after(() => hosts?.close());

forEachBrowser((browser) => {
  test("the status line names each agency credit and what became of it; a source without one says nothing of credits", async () => {
    const page = await browser.page();
    await page.goto(`${hosts.plain}hosts/empty.html`);
    await page.waitFor(() => document.readyState === "complete");
    const out = await page.evaluate(async () => {
      await import("/wire-diff-define.js");
      const { nextEvent } = await import("/hosts/check.js");
      const body = "Workers struck at the tractor plant on Monday.\n\nThe president said they would be replaced.\n";
      const w = document.createElement("wire-diff");
      const status = () => w.shadowRoot.querySelector("[part~=status]").textContent;
      w.source = `MINSK, Belarus (AP) — ${body}`;
      w.compare = `MINSK, KOMPAS.com - ${body}`;
      let event = nextEvent(w);
      document.getElementById("column").append(w);
      await event;
      const credited = status();
      event = nextEvent(w);
      w.source = body;
      await event;
      return { credited, plain: status() };
    });
    assert.match(out.credited, /^\d+ changes? · (wholly|partially|not) derived · credit: AP replaced by the outlet's dateline\.$/);
    assert.doesNotMatch(out.plain, /credit/);
    assert.deepEqual(page.log.errors, []);
  });
});
