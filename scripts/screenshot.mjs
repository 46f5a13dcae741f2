// Regenerates the screenshots of the page in docs/screenshots/ (README.md and docs/page.md show them):
// `npm run screenshot` (or `node scripts/screenshot.mjs` after scripts/build).
//   page.png         the top of the page: the scorecard, the redline and the summary beside it
//   redline.png      the redline view          side-by-side.png   the side-by-side view
//   provenance.png   the provenance view       phone.png          the redline 360 px wide
//   dark.png         the side-by-side view in the dark theme
import { mkdir } from "node:fs/promises";
import { start } from "./browser.mjs";

const out = new URL("../docs/screenshots/", import.meta.url).pathname;
await mkdir(out, { recursive: true });
const env = await start();

async function open({ width = 1280, height = 800, scheme = "light" } = {}) {
  const { page } = await env.page();
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
  await page.goto(env.url);
  await page.waitForSelector('body[data-state="compared"]:not([data-pending])');
  await page.waitForSelector(".wd-matrix button");
  return page;
}

async function view(page, name) {
  await page.click(`input[name="view"][value="${name}"]`);
  await page.waitForSelector(`body[data-view="${name}"][data-state="compared"] #redline:not([data-rendering])`);
  await page.evaluate(() => {
    document.activeElement?.blur();
    document.getElementById("view-title").scrollIntoView({ block: "start" });
  });
}

async function shot(page, name) {
  await page.screenshot({ path: `${out}${name}.png` });
  console.log(`wrote ${out}${name}.png`);
}

try {
  let page = await open({ height: 1000 });
  await shot(page, "page");
  await view(page, "redline");
  await shot(page, "redline");
  await view(page, "side-by-side");
  await shot(page, "side-by-side");
  await view(page, "provenance");
  await page.focus("[data-wd-sent][tabindex]:nth-of-type(3)").catch(() => {});
  await shot(page, "provenance");
  await page.close();

  page = await open({ width: 360, height: 780 });
  await view(page, "redline");
  await shot(page, "phone");
  await page.close();

  page = await open({ scheme: "dark" });
  await view(page, "side-by-side");
  await shot(page, "dark");
} finally {
  await env.close();
}
