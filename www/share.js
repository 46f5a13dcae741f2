// Share links: the URL fragment (never sent to any server) holds the view,
// the options and the compared pair; on request also the two texts and
// labels, deflated with CompressionStream and base64url-encoded.
//
//   encodeState(state, { withTexts }) → Promise<string>   the fragment, without "#"
//   decodeState(fragment)            → Promise<state|null>; rejects with a message for the reader
// state: { view, options: {name: bool}, source, compare, labels?: {left, right}, texts: {left:{label,text}, right:{label,text}} }
// Without the texts, `source`/`compare` name samples, `sums` their checksums,
// `labels` renamed labels. Links start with their format (v=1) and end with
// `end`, which a link cut short lacks.

/** Links longer than this are refused: many mail and chat tools cut longer URLs. */
export const MAX_LINK_CHARS = 32 * 1024;
export const FORMAT = 1;

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

export async function unpack(text) {
  const bytes = await pipe(fromBase64url(text), new DecompressionStream("deflate"));
  return JSON.parse(new TextDecoder().decode(bytes));
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

export async function decodeState(fragment) {
  const params = new URLSearchParams(fragment.replace(/^#/, ""));
  if (!["v", "view", "t", "on"].some((key) => params.has(key))) return null;
  const format = Number(params.get("v"));
  if (format > FORMAT) {
    throw new Error(`This link comes from a newer wirediff (link format ${format}; this page reads format ${FORMAT}): open it where it was made, or ask for the exported report.`);
  }
  if (format > 0 && !params.has("end")) {
    throw new Error("This link is incomplete: its end was cut off, as mail and chat tools do to long links. Ask for the link again, or for the exported report.");
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
  if (params.has("t")) {
    let texts = null;
    try {
      texts = await unpack(params.get("t"));
    } catch {
      // not base64url, deflate or JSON
    }
    const readable = ["left", "right"].every((side) => typeof texts?.[side]?.text === "string" && typeof texts[side].label === "string");
    if (!readable) throw new Error("This link is damaged: the texts in it cannot be read, as some of its characters were changed or lost. Ask for the link again, or for the exported report.");
    state.texts = texts;
  }
  return state;
}
