// Share links: the URL fragment (never sent to any server) holds the view,
// the options and the compared pair; on request also the two texts and
// labels, deflated with CompressionStream and base64url-encoded.
//
//   encodeState(state, { withTexts }) → Promise<string>   the fragment, without "#"
//   decodeState(fragment, { maxBytes }) → Promise<state|null>; rejects with a message for the reader
// A link is untrusted and may be built to inflate to gigabytes: it is refused
// unread when longer than MAX_LINK_CHARS, and inflated a little at a time,
// stopping at inflateCap(maxBytes) (maxBytes: the page's largest text).
import { bytesOver, megabytes, neededMb } from "./intake.js";
// state: { view, options: {name: bool}, source, compare, labels?: {left, right}, texts: {left:{label,text}, right:{label,text}} }
// Without the texts, `source`/`compare` name samples, `sums` their checksums,
// `labels` renamed labels. Links start with their format (v=1) and end with
// `end`, which a link cut short lacks.

/** Links longer than this are refused: many mail and chat tools cut longer URLs. */
export const MAX_LINK_CHARS = 32 * 1024;
export const FORMAT = 1;

/**
 * The most a link's texts may inflate to: its JSON holds two texts, each at
 * most the page's largest text (`maxBytes` of UTF-8), so anything longer
 * could only be refused after it had taken the memory. (A link within
 * MAX_LINK_CHARS inflates to about 25 MB at the most, deflate's limit of
 * about 1,000:1; the cap matters when the page's limit is lower than that.)
 */
export const inflateCap = (maxBytes) => 2 * maxBytes;

/** Compressed bytes handed to the inflater at a time: each yields at most about 1 MB. */
const FEED = 1024;
/** Inflated bytes after which the page gets a turn (a stream's steps are microtasks, which never give it one). */
const TURN = 1 << 20;

const ASK_AGAIN = "Ask for the link again, or for the exported report.";
const damaged = () => new Error(`This link is damaged: the texts in it cannot be read, as some of its characters were changed or lost. ${ASK_AGAIN}`);

/** FNV-1a over the UTF-16 code units: enough to notice that a sample changed. */
export function checksum(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, "0");
}

async function pipe(bytes, stream) {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export async function pack(value) {
  const json = new TextEncoder().encode(JSON.stringify(value));
  return toBase64url(await pipe(json, new CompressionStream("deflate")));
}

/** Thrown by inflate() at its cap. */
class TooLarge extends Error {}

/**
 * Inflates `bytes`, FEED bytes at a time, giving the page a turn every TURN
 * bytes out (so no task inflates more than a few megabytes), and stops,
 * cancelling the stream and dropping what it had, as soon as the output
 * passes `cap` bytes.
 */
async function inflate(bytes, cap) {
  const stream = new DecompressionStream("deflate");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const feeding = (async () => {
    for (let i = 0; i < bytes.length; i += FEED) await writer.write(bytes.subarray(i, i + FEED));
    await writer.close();
  })();
  feeding.catch(() => {}); // a failure shows at the reader too
  let parts = [];
  let size = 0;
  let turn = TURN;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > cap) throw new TooLarge();
      parts.push(value);
      if (size >= turn) {
        turn = size + TURN;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
    await feeding;
  } catch (error) {
    parts = null;
    await Promise.allSettled([reader.cancel(), writer.abort()]);
    throw error;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** JSON bytes as a value, or null when they are not UTF-8 JSON (also what link-worker.js answers). */
export function parseJson(bytes) {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

/** More JSON than this is parsed in a worker of its own: parsing 24 MB takes the page's thread a quarter of a second and more. */
const PARSE_HERE = 1 << 20;

/** parseJson(bytes) in link-worker.js; here when no worker starts. */
function parseOffThread(bytes) {
  if (bytes.byteLength <= PARSE_HERE) return parseJson(bytes);
  return new Promise((resolve) => {
    let worker;
    try {
      worker = new Worker(new URL("./link-worker.js", import.meta.url), { type: "module", name: "wirediff link" });
    } catch {
      resolve(parseJson(bytes));
      return;
    }
    worker.addEventListener("message", ({ data }) => {
      worker.terminate();
      resolve(data);
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(parseJson(bytes));
    });
    worker.postMessage(bytes); // a copy: the bytes stay here for the fallback
  });
}

/** The texts of a link's `t`, or null when they cannot be read; throws TooLarge past `cap`. */
export async function unpack(text, cap = Infinity) {
  let bytes;
  try {
    bytes = fromBase64url(text);
  } catch {
    return null; // not base64url
  }
  let json;
  try {
    json = await inflate(bytes, cap);
  } catch (error) {
    if (error instanceof TooLarge) throw error;
    return null; // not deflate
  }
  return parseOffThread(json);
}

export async function encodeState(state, { withTexts = false } = {}) {
  const params = new URLSearchParams();
  params.set("v", FORMAT);
  params.set("view", state.view);
  params.set("on", Object.keys(state.options).filter((k) => state.options[k] === true).join(","));
  params.set("off", Object.keys(state.options).filter((k) => state.options[k] === false).join(","));
  if (withTexts) {
    params.set("t", await pack(state.texts));
  } else {
    if (state.source) {
      params.set("source", state.source);
      params.set("sh", checksum(state.texts.left.text));
    }
    if (state.compare) {
      params.set("compare", state.compare);
      params.set("ch", checksum(state.texts.right.text));
    }
    if (state.labels?.left) params.set("sl", state.labels.left);
    if (state.labels?.right) params.set("cl", state.labels.right);
  }
  params.set("end", "");
  return params.toString();
}

const SIDE_NAMES = { left: ["source", "sl"], right: ["comparison", "cl"] };

/** A link field shown in a message: as text, and never more than a few dozen characters of it. */
const quoted = (value) => `“${value.length > 24 ? `${value.slice(0, 24)}…` : value}”`;

export async function decodeState(fragment, { maxBytes = Infinity } = {}) {
  fragment = fragment.replace(/^#/, "");
  if (fragment.length > MAX_LINK_CHARS) {
    throw new Error(
      `This link is longer than the ${MAX_LINK_CHARS / 1024} KB a share link may be (it is ${Math.ceil(fragment.length / 1024).toLocaleString("en")} KB), so this page did not make it and does not open it. Ask for the exported report instead.`,
    );
  }
  const params = new URLSearchParams(fragment);
  if (!["v", "view", "t", "on"].some((key) => params.has(key))) return null;
  const v = params.get("v");
  if (v === null || !/^[1-9][0-9]{0,5}$/.test(v)) {
    const what = v === null ? "has no format (the field v)" : `has a format, v=${quoted(v)}, that is no link format (a whole number from 1)`;
    throw new Error(`This link ${what}: it was changed or not made by wirediff. ${ASK_AGAIN}`);
  }
  const format = Number(v);
  if (format > FORMAT) {
    throw new Error(`This link comes from a newer wirediff (link format ${format}; this page reads format ${FORMAT}): open it where it was made, or ask for the exported report.`);
  }
  if (!params.has("end")) {
    throw new Error(`This link is incomplete: its end was cut off, as mail and chat tools do to long links. ${ASK_AGAIN}`);
  }
  const options = {};
  for (const key of (params.get("on") ?? "").split(",").filter(Boolean)) options[key] = true;
  for (const key of (params.get("off") ?? "").split(",").filter(Boolean)) options[key] = false;
  const state = {
    view: params.get("view"),
    options,
    source: params.get("source"),
    compare: params.get("compare"),
    sums: { left: params.get("sh"), right: params.get("ch") },
    labels: { left: params.get("sl"), right: params.get("cl") },
  };
  for (const [side, [box, field]] of Object.entries(SIDE_NAMES)) {
    if (state.labels[side] !== null && !/\S/.test(state.labels[side])) throw blankLabel(box, `the field ${field}`);
  }
  if (params.has("t")) {
    const cap = inflateCap(maxBytes);
    let texts;
    try {
      texts = await unpack(params.get("t"), cap);
    } catch (error) {
      if (!(error instanceof TooLarge)) throw error;
      throw new Error(
        `This link's texts would be larger than the ${megabytes(cap)} the page accepts (two texts of at most ${megabytes(maxBytes)}, its “Largest text” under Limits), so it is not opened. Ask for the exported report instead.`,
      );
    }
    const readable = ["left", "right"].every((side) => typeof texts?.[side]?.text === "string" && typeof texts[side].label === "string");
    if (!readable) throw damaged();
    for (const [side, [box]] of Object.entries(SIDE_NAMES)) {
      if (!/\S/.test(texts[side].label)) throw blankLabel(box, "its texts (the field t)");
      const over = await bytesOver(texts[side].text, maxBytes);
      if (over) {
        throw new Error(
          `This link's ${box} text, “${texts[side].label}”, is ${megabytes(over)}, larger than the ${megabytes(maxBytes)} the page accepts: raise “Largest text” under Limits to ${neededMb(over)} MB or more and open the link again, or ask for the exported report.`,
        );
      }
    }
    state.texts = { left: { label: texts.left.label, text: texts.left.text }, right: { label: texts.right.label, text: texts.right.text } };
  }
  return state;
}

function blankLabel(box, where) {
  return new Error(`This link gives the ${box} text a blank label in ${where}: it was changed or damaged. ${ASK_AGAIN}`);
}
