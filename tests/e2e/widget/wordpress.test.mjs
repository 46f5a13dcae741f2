// The WordPress plugin in a real WordPress (Debian's 6.1, whose authors have
// no script modules and no unfiltered HTML), as a newsroom uses it: the zip
// `npm run pack` builds is installed and activated, an author uploads the two
// texts as attachments and publishes, through the REST API, a post with the
// [wire_diff] shortcode naming them and a <wire-diff> with its texts inline;
// an anonymous reader opens the post and sees both comparisons, each what the
// engine's compare() makes of its texts.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { ARTIFACTS, forEachBrowser } from "../harness/driver.mjs";
import { startWordPress } from "../harness/wordpress.mjs";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const SAMPLES = { wire: "001_7874be6ffbaae5d6.txt", outlet: "000_a7be8358ffd46965.txt" };

// Inline texts with what WordPress's content filters rewrite outside <pre>:
// straight quotes, "--", "...", a smiley, a shortcode, a blank line, a URL.
const INLINE = {
  source: 'The minister said "we will not resign" -- then left... at 10:30.\n\nStrikes went on at the plant [gallery] today.',
  compare: "The minister said \"we won't resign\" -- and left... at 10:30 :)\n\nStrikes spread past the plant, https://example.org/ reported.",
};
// Words only the inline texts hold: an excerpt or a feed must not show them.
const INLINE_WORDS = ["we will not resign", "Strikes spread past the plant"];
const INTRO = "How the outlet rewrote the wire copy, word by word.";

let wp;
let post; // the published post, as the REST API returns it
let media; // the two attachments: { wire, outlet }

before(async () => {
  // The wasm is built already (scripts/test builds before the e2e tests).
  execFileSync(join(ROOT, "scripts/pack"), ["--no-build"], { cwd: ROOT, stdio: "pipe" });
  wp = await startWordPress(join(ROOT, "dist", `wirediff-wordpress-${version}.zip`));

  media = {};
  for (const [key, file] of Object.entries(SAMPLES)) {
    media[key] = await wp.rest("/wp/v2/media", {
      method: "POST",
      headers: { "Content-Type": "text/plain", "Content-Disposition": `attachment; filename="${key}.txt"` },
      body: readFileSync(join(ROOT, "www/samples", file)),
    });
  }
  const content = [
    `<p>${INTRO}</p>`,
    `[wire_diff source="${media.wire.id}" compare="${media.outlet.id}" source_label="AP" compare_label="Kompas" ignore_case="1" hide_boilerplate="0"]`,
    `<wire-diff id="inline" source-label="Wire" compare-label="Daily">`,
    `<pre slot="source">${INLINE.source}</pre>`,
    `<div slot="compare">${INLINE.compare}</div>`,
    `</wire-diff>`,
  ].join("\n\n");
  post = await wp.rest("/wp/v2/posts", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ title: "Strikes, rewritten", content, status: "publish" }),
  });
});

after(() => wp?.close());

test("the author's post keeps <wire-diff>, its attributes and slot=\"source\" through kses", async () => {
  const saved = await wp.rest(`/wp/v2/posts/${post.id}&context=edit`);
  assert.equal(saved.status, "publish");
  assert.equal(saved.author, (await wp.rest("/wp/v2/users/me")).id);
  const raw = saved.content.raw;
  assert.match(raw, /<wire-diff id="inline" source-label="Wire" compare-label="Daily">/);
  assert.ok(raw.includes(`<pre slot="source">${INLINE.source}</pre>`), raw);
  assert.ok(raw.includes(`<div slot="compare">${INLINE.compare}</div>`), raw);
});

test("a source-src an author sets to javascript: is dropped by kses", async () => {
  const hostile = await wp.rest("/wp/v2/posts", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ content: '<wire-diff source-src="javascript:alert(1)" compare-src="/outlet.txt"></wire-diff>', status: "draft" }),
  });
  const raw = (await wp.rest(`/wp/v2/posts/${hostile.id}&context=edit`)).content.raw;
  assert.doesNotMatch(raw, /javascript:/);
  assert.match(raw, /<wire-diff [^>]*compare-src="\/outlet.txt"/);
});

test("a shortcode naming no text attachment says so instead of showing a comparison", async () => {
  const wrong = await wp.rest("/wp/v2/posts", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ content: `[wire_diff source="${post.id}" compare="${media.outlet.id}"]`, status: "publish" }),
  });
  const html = await (await fetch(wrong.link)).text();
  assert.ok(html.includes(`wirediff: the source text &quot;${post.id}&quot; is neither a URL nor the ID of a text attachment.`), html);
  assert.doesNotMatch(html, /<wire-diff/);
  assert.doesNotMatch(html, /wire-diff-define\.js/);
});

test("the excerpt and the RSS feed hold neither inline text, and the feed links to the post", async () => {
  const published = await (await fetch(`${wp.site}/?rest_route=/wp/v2/posts/${post.id}`)).json();
  const excerpt = published.excerpt.rendered;
  assert.ok(excerpt.includes(INTRO), excerpt);
  const feed = await (await fetch(`${wp.site}/?feed=rss2`)).text();
  assert.ok(feed.includes(INTRO), feed);
  assert.ok(feed.includes(`<a href="${post.link.replaceAll("&", "&#038;")}">See the comparison on the site.</a>`), feed);
  for (const words of INLINE_WORDS) {
    assert.ok(!excerpt.includes(words), `the excerpt shows "${words}": ${excerpt}`);
    assert.ok(!feed.includes(words), `the feed shows "${words}"`);
  }
  // The page itself does have them (the no-JavaScript fallback).
  const page = await (await fetch(post.link)).text();
  for (const words of INLINE_WORDS) assert.ok(page.includes(words), `the post's page lacks "${words}"`);
});

test("the post's page loads the plugin's module with the version in every asset's URL", async () => {
  const page = await (await fetch(post.link)).text();
  const tags = page.match(/<script\b[^>]*wire-diff-define\.js[^>]*>/g);
  assert.equal(tags?.length, 1, "one script tag for the define module");
  const [tag] = tags;
  assert.match(tag, /\btype="module"/);
  assert.equal(tag.match(/\btype=/g).length, 1, tag);
  const base = `${wp.site}/wp-content/plugins/wirediff/assets/${version}/`;
  assert.ok(tag.includes(`src='${base}wire-diff-define.js?ver=${version}'`), tag);
});

forEachBrowser((browser) => {
  test("an anonymous reader sees both comparisons, each the engine's result for its texts", async () => {
    const page = await browser.page();
    await page.setViewport(1280, 4000);
    await page.goto(post.link);
    await page.waitFor(() => {
      const widgets = [...document.querySelectorAll("wire-diff")];
      return widgets.length === 2 && widgets.every((w) => w.result);
    });
    const shown = await page.evaluate(async () => {
      const define = document.querySelector('script[src*="wire-diff-define.js"]').src;
      const { compare } = await import(new URL("engine.js", define).href);
      const text = async (url) => (await fetch(url)).text();
      const results = await Promise.all(
        [...document.querySelectorAll("wire-diff")].map(async (widget) => {
          const shadow = widget.shadowRoot;
          const source = widget.getAttribute("source-src")
            ? await text(widget.getAttribute("source-src"))
            : widget.querySelector('[slot="source"]').textContent;
          const other = widget.getAttribute("compare-src")
            ? await text(widget.getAttribute("compare-src"))
            : widget.querySelector('[slot="compare"]').textContent;
          const options = { ignoreCase: widget.hasAttribute("ignore-case") };
          const expected = JSON.stringify(await compare(source, other, options));
          return {
            source,
            compare: other,
            options,
            hideBoilerplate: widget.hasAttribute("hide-boilerplate"),
            same: JSON.stringify(widget.result) === expected,
            optionsMatter: expected !== JSON.stringify(await compare(source, other)),
            labels: shadow.querySelector("[part~=labels]").textContent,
            status: shadow.querySelector("[part~=status]").textContent,
            marks: shadow.querySelectorAll("[part~=body] ins, [part~=body] del").length,
          };
        }),
      );
      return results;
    });
    const [byAttachment, inline] = shown;
    // The shortcode's ignore_case="1" is on, and its hide_boilerplate="0" off.
    assert.deepEqual([byAttachment.options, byAttachment.hideBoilerplate, byAttachment.optionsMatter], [{ ignoreCase: true }, false, true]);
    assert.deepEqual([inline.options, inline.hideBoilerplate], [{ ignoreCase: false }, false]);
    assert.equal(byAttachment.source, readFileSync(join(ROOT, "www/samples", SAMPLES.wire), "utf8"));
    assert.equal(byAttachment.compare, readFileSync(join(ROOT, "www/samples", SAMPLES.outlet), "utf8"));
    // The inline texts reached the widget as the author wrote them.
    assert.equal(inline.source, INLINE.source);
    assert.equal(inline.compare, INLINE.compare);
    for (const [name, widget] of Object.entries({ byAttachment, inline })) {
      assert.ok(widget.same, `${name}: the widget shows compare()'s result`);
      assert.match(widget.status, /^\d+ changes? · /, `${name}: ${widget.status}`);
      assert.ok(widget.marks > 0, `${name}: the comparison is drawn`);
    }
    assert.equal(byAttachment.labels, "AP → Kompas");
    assert.equal(inline.labels, "Wire → Daily");

    // Every file of the plugin's came from the versioned folder, and no
    // request left the site.
    const plugin = page.log.requests.filter((url) => url.includes("/wp-content/plugins/wirediff/"));
    const base = `${wp.site}/wp-content/plugins/wirediff/assets/${version}/`;
    assert.ok(plugin.some((url) => url.endsWith("/pkg/wirediff_bg.wasm")), plugin.join("\n"));
    assert.ok(plugin.some((url) => url.endsWith("/wirediff.css")), plugin.join("\n"));
    assert.deepEqual(plugin.filter((url) => !url.startsWith(base)), []);
    assert.deepEqual(page.log.requests.filter((url) => !url.startsWith(`${wp.site}/`)), []);
    await page.screenshot(`${ARTIFACTS}widget-wordpress-${browser.name}.png`, { fullPage: true });
    assert.deepEqual(page.log.errors, []);
  });
});
