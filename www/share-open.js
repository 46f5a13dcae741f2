// Opening a share link (share.js writes them): imported by the page only when
// it is opened with a fragment.
//
//   decodeState(fragment, { maxBytes }) → Promise<state|null>; rejects with a message for the reader
// A link may be built to inflate to gigabytes: one over MAX_LINK_CHARS is
// refused unread, and inflating stops at inflateCap(maxBytes), maxBytes being
// the page's largest text.
import { inflate, inflateCap, TooLarge } from "./inflate.js";
import { bytesOver, megabytes, neededMb } from "./intake.js";
import { FORMAT, MAX_LINK_CHARS } from "./share.js";

const ASK = "Ask for the link again, or for the exported report.";

function fromBase64url(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** JSON bytes as a value, or null (also what link-worker.js answers). */
export function parseJson(bytes) {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

/** Over 1 MB, in link-worker.js (parsing megabytes is one long task); here if it cannot start. */
function parseOffThread(bytes) {
  if (bytes.byteLength <= 1 << 20) return parseJson(bytes);
  let worker;
  return new Promise((resolve) => {
    const here = () => resolve(parseJson(bytes));
    try {
      worker = new Worker(new URL("./link-worker.js", import.meta.url), { type: "module" });
    } catch {
      return here();
    }
    worker.onmessage = ({ data }) => resolve(data);
    worker.onerror = (event) => (event.preventDefault(), here());
    worker.postMessage(bytes); // copied: kept for here()
  }).finally(() => worker?.terminate());
}

/** The texts of a link's `t`, or null when unreadable; throws TooLarge past `cap`. */
export async function unpack(text, cap = Infinity) {
  let bytes;
  try {
    bytes = await inflate(fromBase64url(text), cap);
  } catch (error) {
    if (error instanceof TooLarge) throw error;
    return null; // not base64url or deflate
  }
  return parseOffThread(bytes);
}

const SIDES = { left: ["source", "sl"], right: ["comparison", "cl"] };

const refuse = (why) => {
  throw new Error(why);
};
const blankLabel = (box, field) => refuse(`This link gives the ${box} text a blank label (the field ${field}): it was changed or damaged. ${ASK}`);

export async function decodeState(fragment, { maxBytes = Infinity } = {}) {
  fragment = fragment.replace(/^#/, "");
  const kb = Math.ceil(fragment.length / 1024);
  if (kb > MAX_LINK_CHARS / 1024) refuse(`This link is longer than the ${MAX_LINK_CHARS / 1024} KB a share link may be (${kb.toLocaleString("en")} KB): it was not made here. Ask for the exported report instead.`);
  const params = new URLSearchParams(fragment);
  if (!["v", "view", "t", "on"].some((key) => params.has(key))) return null;
  const v = params.get("v") ?? "";
  if (!/^[1-9]\d{0,5}$/.test(v)) {
    refuse(`This link has no valid format (the field v${v && `=“${v.slice(0, 24)}”`}, a whole number from 1): it was changed or not made by wirediff. ${ASK}`);
  }
  if (v > FORMAT) refuse(`This link comes from a newer wirediff (link format ${v}; this page reads format ${FORMAT}): open it where it was made, or ask for the exported report.`);
  if (!params.has("end")) refuse(`This link is incomplete: its end was cut off, as mail and chat tools do to long links. ${ASK}`);
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
  for (const [side, [box, field]] of Object.entries(SIDES)) if (state.labels[side]?.trim() === "") blankLabel(box, field);
  if (params.has("t")) {
    const cap = inflateCap(maxBytes);
    const texts = await unpack(params.get("t"), cap).catch(() =>
      refuse(`This link's texts would be larger than the ${megabytes(cap)} the page accepts (twice its “Largest text”, under Edit texts › Advanced). Ask for the exported report instead.`),
    );
    if (!["left", "right"].every((side) => typeof texts?.[side]?.text === "string" && typeof texts[side].label === "string")) {
      refuse(`This link is damaged: the texts in it cannot be read, as some of its characters were changed or lost. ${ASK}`);
    }
    state.texts = {};
    for (const [side, [box]] of Object.entries(SIDES)) {
      const { label, text } = texts[side];
      if (!label.trim()) blankLabel(box, "t");
      const over = await bytesOver(text, maxBytes);
      if (over) refuse(`This link's ${box} text, “${label}”, is ${megabytes(over)}, larger than the ${megabytes(maxBytes)} the page accepts: raise “Largest text” under Edit texts › Advanced to ${neededMb(over)} MB or more and open the link again, or ask for the exported report.`);
      state.texts[side] = { label, text };
    }
  }
  return state;
}
