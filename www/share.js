// Share links: the URL fragment (never sent to any server) holds the view,
// the options and the compared pair; on request also the two texts and
// labels, deflated with CompressionStream and base64url-encoded. Opening one
// is share-open.js, imported only when the page is opened with a fragment.
//
//   encodeState(state, { withTexts }) → Promise<string>   the fragment, without "#"
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

export async function pack(value) {
  const json = new TextEncoder().encode(JSON.stringify(value));
  return toBase64url(await pipe(json, new CompressionStream("deflate")));
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
