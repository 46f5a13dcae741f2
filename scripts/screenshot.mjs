// Regenerates the README's screenshot of the page: `node scripts/screenshot.mjs`
// (after scripts/build).
import { mkdir } from "node:fs/promises";
import { start } from "./browser.mjs";

const out = new URL("../docs/screenshots/", import.meta.url).pathname;
await mkdir(out, { recursive: true });
const env = await start();
try {
  const { page } = await env.page();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(env.url);
  await page.waitForSelector('body[data-state="compared"]');
  await page.screenshot({ path: `${out}page.png` });
  console.log(`wrote ${out}page.png`);
} finally {
  await env.close();
}
