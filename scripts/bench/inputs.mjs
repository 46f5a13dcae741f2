// The benchmark's inputs, generated deterministically from the five samples
// in www/samples/ (same bytes on every run and every machine):
//
//   real            the AP wire story (001) against Kompas's rewrite (000), as published;
//   rewrite-10k …   rewrite-like pairs of about 10 KB, 100 KB, 1 MB and 4 MB per side:
//   rewrite-4m      an archive of article-like texts (sentences of the samples with
//                   names and numbers varied per copy, mixed with sentences a word
//                   chain trained on the samples makes up), against a rewrite of it
//                   (≈10% of sentences reworded, a few cut or added, some paragraphs
//                   moved, "Read also:" lines and syndication footers inserted,
//                   quotes straightened, paragraphs joined);
//   unrelated-200k  two unrelated ~200 KB texts made up by the word chain from two
//                   seeds: the same vocabulary, no shared passages (the worst case
//                   for a minimal diff).
//
// `node scripts/bench/inputs.mjs [--out DIR]` writes DIR/<name>.left.txt,
// DIR/<name>.right.txt, DIR/manifest.json and DIR/inputs.txt (one
// "name left-file right-file" line per pair, for the native benchmark).
// Default DIR: artifacts/bench/inputs/ (git-ignored).
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join, resolve } from "node:path";

export const REPO = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const INPUTS = join(REPO, "artifacts/bench/inputs");
const SAMPLES = join(REPO, "www/samples");

/** The pairs, in report order. `bytes` is the target size of each side. */
export const PAIRS = [
  { name: "real", label: "AP vs Kompas (real)", bytes: null },
  { name: "rewrite-10k", label: "rewrite 10 KB", bytes: 10_000, seed: "rewrite-10k" },
  { name: "rewrite-100k", label: "rewrite 100 KB", bytes: 100_000, seed: "rewrite-100k" },
  { name: "rewrite-1m", label: "rewrite 1 MB", bytes: 1_000_000, seed: "rewrite-1m" },
  { name: "rewrite-4m", label: "rewrite 4 MB", bytes: 4_000_000, seed: "rewrite-4m" },
  { name: "unrelated-200k", label: "unrelated 200 KB", bytes: 200_000, seed: "unrelated-200k" },
];

// ---------------------------------------------------------------- randomness

/** A seeded PRNG (sfc32 seeded by a string's SHA-256): same seed, same stream. */
export function rng(seed) {
  const h = createHash("sha256").update(String(seed)).digest();
  let a = h.readUInt32LE(0), b = h.readUInt32LE(4), c = h.readUInt32LE(8), d = h.readUInt32LE(12);
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  const r = {
    next,
    chance: (p) => next() < p,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), // inclusive
    pick: (list) => list[Math.floor(next() * list.length)],
  };
  return r;
}

// ---------------------------------------------------------------- the corpus

const SENTENCE_END = /(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[A-Z0-9])/u;
const TOKEN = /[\p{L}\p{M}]+(?:['’][\p{L}]+)*|\p{N}+(?:[.,]\p{N}+)*|[^\s\p{L}\p{M}\p{N}]/gu;

/** Paragraphs (non-empty lines) of each sample, split into sentences. */
async function corpus() {
  const manifest = JSON.parse(await readFile(join(SAMPLES, "manifest.json"), "utf8"));
  const texts = {};
  for (const v of manifest.versions) texts[v.file] = await readFile(join(SAMPLES, v.file), "utf8");
  const paragraphs = [];
  for (const text of Object.values(texts)) {
    for (const line of text.split("\n")) {
      const p = line.trim();
      if (p.length < 25 || /^(Also Read|Read also)\b/.test(p)) continue;
      paragraphs.push(p.split(SENTENCE_END));
    }
  }
  // Capitalised words that are not sentence-initial: the names to vary.
  const names = new Set();
  for (const para of paragraphs) {
    for (const s of para) {
      const words = s.match(/[\p{L}]+/gu) ?? [];
      for (const w of words.slice(1)) if (/^\p{Lu}\p{Ll}{3,}$/u.test(w)) names.add(w);
    }
  }
  for (const common of ["The", "This", "They", "There", "President", "Monday", "August", "September"]) names.delete(common);
  return { manifest, texts, paragraphs, names: [...names].sort() };
}

/** A word chain of the given order over the corpus's tokens. */
function wordChain(paragraphs, order) {
  const next = new Map();
  const starts = [];
  for (const para of paragraphs) {
    for (const s of para) {
      const tokens = s.match(TOKEN) ?? [];
      if (tokens.length < order + 2) continue;
      starts.push(tokens.slice(0, order));
      for (let i = 0; i + order < tokens.length; i++) {
        const key = tokens.slice(i, i + order).join("\u0001");
        if (!next.has(key)) next.set(key, []);
        next.get(key).push(tokens[i + order]);
      }
    }
  }
  return { next, starts, order };
}

/** Joins tokens back into text: no space before closing punctuation or after opening. */
function detokenize(tokens) {
  let out = "";
  for (const t of tokens) {
    if (out === "" || /^[.,;:!?)\]”’%/-]/.test(t) || /[([“‘$/-]$/.test(out)) out += t;
    else out += " " + t;
  }
  return out;
}

/** A made-up sentence of 8 to 40 tokens. */
function madeUpSentence(chain, r) {
  let tokens = [...r.pick(chain.starts)];
  while (tokens.length < 40) {
    const options = chain.next.get(tokens.slice(-chain.order).join("\u0001"));
    if (!options) break;
    const t = r.pick(options);
    tokens.push(t);
    if (/^[.!?]$/.test(t) && tokens.length >= 8) break;
  }
  if (!/^[.!?]$/.test(tokens[tokens.length - 1])) tokens.push(".");
  const s = detokenize(tokens);
  return s[0].toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------- variation

const SYLLABLES = ["ka", "lo", "ven", "mir", "sha", "to", "rin", "bel", "dor", "ya", "ko", "vich", "sen", "ta", "mar", "ul", "zen", "po", "lak", "rus", "ev", "ni", "gor", "sky"];

function madeUpName(r) {
  let name = "";
  for (let i = r.int(2, 4); i > 0; i--) name += r.pick(SYLLABLES);
  return name[0].toUpperCase() + name.slice(1);
}

/** One copy's way of varying names and numbers, so copies are not verbatim repeats. */
function variation(r, names) {
  const map = new Map();
  for (const n of names) if (r.chance(0.6)) map.set(n, madeUpName(r));
  const offset = r.int(1, 97);
  return (text) =>
    text
      .replace(/[\p{L}]+/gu, (w) => map.get(w) ?? w)
      .replace(/\d+/g, (d) => {
        if (d.length === 4 && d.startsWith("20")) return String(2000 + ((Number(d) - 2000 + offset) % 30)).padStart(4, "0");
        const n = (Number(d) * 7 + offset * 13) % 10 ** d.length;
        return String(n).padStart(d.length, d.length > 1 ? "1" : "0");
      });
}

// ---------------------------------------------------------------- the texts

/** An archive of article-like texts of at least `bytes` UTF-8 bytes, as paragraphs of sentences. */
function archive(c, chain, r, bytes) {
  const articles = [];
  let size = 0;
  while (size < bytes) {
    const vary = variation(r, c.names);
    const title = vary(madeUpSentence(chain, r)).replace(/[.!?]$/, "");
    const paragraphs = [];
    // A run of consecutive sample paragraphs, from a random place.
    const start = r.int(0, c.paragraphs.length - 1);
    const count = r.int(6, 16);
    for (let i = 0; i < count; i++) {
      const source = c.paragraphs[(start + i) % c.paragraphs.length];
      const sentences = [];
      for (const s of source) {
        if (r.chance(0.3)) sentences.push(vary(madeUpSentence(chain, r)));
        else sentences.push(vary(s));
      }
      if (r.chance(0.2)) sentences.push(vary(madeUpSentence(chain, r)));
      paragraphs.push(sentences);
    }
    const dateline = `${r.pick(["MINSK", "MOSCOW", "VILNIUS", "WARSAW", "KYIV"])}, ${r.pick(["Aug", "Sept", "Oct"])} ${r.int(1, 28)} (AP) —`;
    paragraphs[0][0] = `${dateline} ${paragraphs[0][0]}`;
    articles.push({ title, paragraphs });
    size += Buffer.byteLength(title) + paragraphs.flat().reduce((n, s) => n + Buffer.byteLength(s) + 1, 0) + paragraphs.length * 2;
  }
  return articles;
}

function render(articles, { paragraphBreak = "\n\n", footer = null } = {}) {
  const out = [];
  for (const a of articles) {
    out.push(a.title);
    for (const p of a.paragraphs) out.push(Array.isArray(p) ? p.join(" ") : p);
    if (footer) out.push(footer);
  }
  return out.join(paragraphBreak) + "\n";
}

const STOPWORDS = new Set(["the", "a", "an", "of", "to", "in", "and", "on", "at", "for", "by", "with", "that", "was", "is"]);
const SWAPS = [
  ["said", "stated"], ["told", "informed"], ["workers", "employees"], ["protests", "demonstrations"],
  ["leader", "strongman"], ["country", "nation"], ["huge", "massive"], ["angry", "furious"],
  ["election", "vote"], ["support", "backing"], ["factory", "plant"], ["capital", "city"],
  ["police", "security forces"], ["claimed", "alleged"], ["step down", "resign"], ["people", "citizens"],
];

/** Rewords a sentence the way an editor does: synonyms, dropped or added words, a clause moved. */
function reword(s, chain, r) {
  let tokens = s.match(TOKEN) ?? [];
  const edits = r.int(1, 3);
  for (let e = 0; e < edits; e++) {
    const kind = r.int(0, 4);
    const i = r.int(0, Math.max(0, tokens.length - 2));
    if (kind === 0) {
      // a synonym, or the word chain's idea of a word that could stand there
      const swap = SWAPS.find(([a, b]) => tokens[i] === a || tokens[i] === b);
      if (swap) tokens[i] = tokens[i] === swap[0] ? swap[1] : swap[0];
      else {
        const options = chain.next.get(tokens.slice(Math.max(0, i - chain.order), i).join("\u0001"));
        if (options && /^\p{L}/u.test(tokens[i])) tokens[i] = r.pick(options);
      }
    } else if (kind === 1 && tokens.length > 6 && !STOPWORDS.has(tokens[i])) {
      tokens.splice(i, r.int(1, 3)); // cut a few words
    } else if (kind === 2) {
      tokens.splice(i, 0, r.pick(["reportedly", "also", "on Monday", "officials said", "again", "now", "however", "in the capital"]));
    } else if (kind === 3) {
      // move the clause after the first comma to the front
      const comma = tokens.indexOf(",");
      if (comma > 2 && comma < tokens.length - 3) {
        const tail = tokens.slice(comma + 1, tokens.length - 1);
        tokens = [...tail, ",", tokens[0].toLowerCase(), ...tokens.slice(1, comma), tokens[tokens.length - 1]];
      }
    } else {
      // numbers spelled differently
      tokens = tokens.map((t) => (/^\d{1,3}(,\d{3})+$/.test(t) ? t.replace(/,/g, "") : t));
    }
  }
  const out = detokenize(tokens);
  return out ? out[0].toUpperCase() + out.slice(1) : s;
}

/** An outlet's rewrite of `articles`: the edits a rewrite desk makes. */
function rewrite(articles, chain, r) {
  const out = [];
  for (const a of articles) {
    const paragraphs = [];
    const moved = [];
    for (const p of a.paragraphs) {
      if (r.chance(0.04)) continue; // cut
      let sentences = [];
      for (const s of p) {
        if (r.chance(0.02)) continue; // sentence cut
        let t = r.chance(0.1) ? reword(s, chain, r) : s;
        if (r.chance(0.05)) t = t.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
        sentences.push(t);
        if (r.chance(0.03)) sentences.push(madeUpSentence(chain, r)); // the outlet's own line
      }
      if (sentences.length === 0) continue;
      if (r.chance(0.04) && paragraphs.length > 1) moved.push(sentences); // moved further down
      else paragraphs.push(sentences);
      if (r.chance(0.07)) paragraphs.push(`${r.pick(["Read also:", "Also Read |", "READ MORE:"])} ${madeUpSentence(chain, r).replace(/[.!?]$/, "")}`);
    }
    for (const m of moved) paragraphs.splice(r.int(Math.floor(paragraphs.length / 2), paragraphs.length), 0, m);
    // some paragraphs joined, as outlets that break lines differently do
    for (let i = paragraphs.length - 2; i >= 0; i--) {
      if (Array.isArray(paragraphs[i]) && Array.isArray(paragraphs[i + 1]) && r.chance(0.05)) {
        paragraphs.splice(i, 2, [...paragraphs[i], ...paragraphs[i + 1]]);
      }
    }
    out.push({ title: r.chance(0.5) ? reword(a.title, chain, r) : a.title, paragraphs });
  }
  return out;
}

const FOOTER =
  "(This is an unedited and auto-generated story from Syndicated News feed, Staff may not have modified or edited the content body)";

/** Generates every pair; returns [{name, label, left, right}]. */
export async function generate() {
  const c = await corpus();
  const chain2 = wordChain(c.paragraphs, 2);
  const chain1 = wordChain(c.paragraphs, 1);
  const out = [];
  for (const pair of PAIRS) {
    let left, right;
    if (pair.name === "real") {
      left = c.texts[c.manifest.wire_source];
      right = c.texts["000_a7be8358ffd46965.txt"];
    } else if (pair.name.startsWith("unrelated")) {
      const made = (seed) => {
        const r = rng(`${pair.seed}/${seed}`);
        const paragraphs = [];
        let size = 0;
        while (size < pair.bytes) {
          const p = [];
          for (let i = r.int(2, 6); i > 0; i--) p.push(madeUpSentence(chain1, r));
          const text = p.join(" ");
          paragraphs.push(text);
          size += Buffer.byteLength(text) + 2;
        }
        return paragraphs.join("\n\n") + "\n";
      };
      left = made("left");
      right = made("right");
    } else {
      const r = rng(pair.seed);
      const articles = archive(c, chain2, r, pair.bytes);
      left = render(articles);
      right = render(rewrite(articles, chain2, r), { paragraphBreak: "\n", footer: FOOTER });
    }
    out.push({ ...pair, left, right });
  }
  return out;
}

/** Writes the pairs to `dir`; returns the manifest. */
export async function write(dir = INPUTS) {
  await mkdir(dir, { recursive: true });
  const pairs = await generate();
  const manifest = [];
  for (const p of pairs) {
    const files = { left: `${p.name}.left.txt`, right: `${p.name}.right.txt` };
    await writeFile(join(dir, files.left), p.left);
    await writeFile(join(dir, files.right), p.right);
    const sha = createHash("sha256").update(p.left).update("\0").update(p.right).digest("hex").slice(0, 16);
    manifest.push({
      name: p.name,
      label: p.label,
      ...files,
      bytes: [Buffer.byteLength(p.left), Buffer.byteLength(p.right)],
      words: [p.left.match(TOKEN)?.length ?? 0, p.right.match(TOKEN)?.length ?? 0],
      sha256: sha,
    });
  }
  await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  await writeFile(join(dir, "inputs.txt"), manifest.map((m) => `${m.name} ${m.left} ${m.right}\n`).join(""));
  return manifest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const flag = process.argv.indexOf("--out");
  const dir = flag > 0 ? resolve(process.argv[flag + 1]) : INPUTS;
  const t0 = performance.now();
  const manifest = await write(dir);
  for (const m of manifest) {
    console.log(`${m.name.padEnd(15)} ${String(m.bytes[0]).padStart(8)} B / ${String(m.bytes[1]).padStart(8)} B  ${m.sha256}`);
  }
  console.log(`inputs written to ${dir} in ${Math.round(performance.now() - t0)} ms`);
}
