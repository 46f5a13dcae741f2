// Share links: the URL fragment (never sent to any server) holds the view,
// the options and the compared pair; on request also the two texts and
// labels, deflated with CompressionStream and base64url-encoded.
//
//   encodeState(state, { withTexts }) → Promise<string>   the fragment, without "#"
//   decodeState(fragment)            → Promise<state|null>
// state: { view, options: {name: bool}, source, compare, labels?: {left, right}, texts?: {left:{label,text}, right:{label,text}} }
// Without the texts, `source`/`compare` name sample files and `labels` carry renamed labels.

/** Links longer than this are refused: many mail and chat tools cut longer URLs. */
export const MAX_LINK_CHARS = 32 * 1024;

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
  params.set("view", state.view);
  params.set("on", Object.keys(state.options).filter((k) => state.options[k] === true).join(","));
  params.set("off", Object.keys(state.options).filter((k) => state.options[k] === false).join(","));
  if (withTexts) {
    params.set("t", await pack(state.texts));
  } else {
    if (state.source) params.set("source", state.source);
    if (state.compare) params.set("compare", state.compare);
    if (state.labels?.left) params.set("sl", state.labels.left);
    if (state.labels?.right) params.set("cl", state.labels.right);
  }
  return params.toString();
}

export async function decodeState(fragment) {
  const params = new URLSearchParams(fragment.replace(/^#/, ""));
  if (!params.has("view") && !params.has("t") && !params.has("on")) return null;
  const options = {};
  for (const key of (params.get("on") ?? "").split(",").filter(Boolean)) options[key] = true;
  for (const key of (params.get("off") ?? "").split(",").filter(Boolean)) options[key] = false;
  const state = {
    view: params.get("view"),
    options,
    source: params.get("source"),
    compare: params.get("compare"),
    labels: { left: params.get("sl"), right: params.get("cl") },
  };
  if (params.has("t")) {
    const texts = await unpack(params.get("t"));
    for (const side of ["left", "right"]) {
      if (typeof texts?.[side]?.text !== "string" || typeof texts[side].label !== "string") throw new Error("the link's texts are damaged");
    }
    state.texts = texts;
  }
  return state;
}
