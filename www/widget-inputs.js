// What a <wire-diff> is given, read and checked: its attributes, its
// options property and its `*-src` downloads. Each refusal is a WidgetError,
// whose message the widget shows as it is. Defines nothing, touches no global.
import { messageOf, notUtf8, overLimit } from "./messages.js";
import { MB, blank, bytesOver, charsetOf, megabytes, notText, readText, sniff, wellFormed } from "./intake.js";

/**
 * Engine options settable as attributes: attribute → [option, value when
 * present]; a number is the scale of a numeric attribute's value.
 */
export const OPTION_ATTRIBUTES = {
  "ignore-case": ["ignoreCase", true],
  "ignore-punctuation": ["ignorePunctuation", true],
  "no-unify-quotes": ["unifyQuotes", false],
  "no-unify-dashes": ["unifyDashes", false],
  "no-unify-whitespace": ["unifyWhitespace", false],
  "time-budget-ms": ["timeBudgetMs", 1],
  "max-input-mb": ["maxInputBytes", MB],
};

/** What each numeric attribute accepts, in the words of its message, and the test of its value. */
const U32 = 4_294_967_295; // the engine's numbers are 32-bit
const RANGES = {
  "time-budget-ms": { words: `a whole number of milliseconds from 0 to ${U32}`, ok: (n) => Number.isInteger(n) && n >= 0 && n <= U32 },
  "max-input-mb": { words: "a number of megabytes more than 0 and at most 4294 (4 GB)", ok: (n) => Math.round(n * MB) >= 1 && Math.round(n * MB) <= U32 },
  "src-timeout-s": { words: "a number of seconds more than 0 and at most 3600", ok: (n) => n > 0 && n <= 3600 },
};

/**
 * How long a `*-src` may take, whole, by default: long enough for a text at
 * the default size limit over a slow connection. A server that has not
 * answered by then is down or hostile, and the reader is better told so than
 * left looking at nothing.
 */
export const SRC_TIMEOUT_S = 30;

export const SIDES = {
  source: { srcAttribute: "source-src", noun: "source text", label: "Source", what: "the wire text" },
  compare: { srcAttribute: "compare-src", noun: "comparison text", label: "Comparison", what: "the outlet's text" },
};

/** An error whose message is meant for a person. */
export class WidgetError extends Error {}

/** A numeric attribute's value, checked against what it accepts; null when absent. */
export function numberAttribute(el, attribute) {
  const raw = el.getAttribute(attribute);
  if (raw === null) return null;
  const number = Number(raw);
  const { words, ok } = RANGES[attribute];
  if (raw.trim() === "" || !Number.isFinite(number) || !ok(number)) {
    throw new WidgetError(`The ${attribute} attribute must be ${words}, not "${raw}".`);
  }
  return number;
}

/** Engine options from `el`'s attributes, the options property (`given`, as copyOptions read it) over them. */
export function engineOptions(el, given) {
  const options = {};
  for (const [attribute, [key, value]] of Object.entries(OPTION_ATTRIBUTES)) {
    if (!el.hasAttribute(attribute)) continue;
    options[key] = typeof value === "number" ? Math.round(numberAttribute(el, attribute) * value) : value;
  }
  if (given == null) return options;
  if (given.problem) throw new WidgetError(given.problem);
  return { ...options, ...given.copy };
}

const lower = (text) => text[0].toLowerCase() + text.slice(1);

/**
 * The two texts to compare (`inputs`, as the widget read them), each lone
 * UTF-16 surrogate compared as U+FFFD, with what the reader should be told
 * (`notices`); refuses a blank text and one over `limit` bytes, `raise(bytes)`
 * saying how to let it in.
 */
export async function checkedTexts(inputs, limit, raise) {
  const notices = [];
  const [left, right] = inputs.map((input) => {
    if (input.notice) notices.push(input.notice);
    const { text, notice } = wellFormed(input.text, input.where);
    if (notice) notices.push(notice);
    return text;
  });
  const blanks = [blank(left), blank(right)];
  if (blanks[0] && blanks[1]) throw new WidgetError(`Both texts are empty: give ${SIDES.source.what} and ${SIDES.compare.what}.`);
  for (const [i, input] of inputs.entries()) {
    if (blanks[i]) throw new WidgetError(`${input.where} ${blanks[i]}: ${input.hint}.`);
  }
  const over = await Promise.all([bytesOver(left, limit), bytesOver(right, limit)]);
  if (over[0] || over[1]) {
    const sizes = inputs.flatMap((input, i) => (over[i] ? [`${i && over[0] ? lower(input.where) : input.where} is ${megabytes(over[i])}`] : []));
    throw new WidgetError(overLimit(sizes.join(" and "), limit, "give a shorter text", `raise ${raise(Math.max(...over))}`));
  }
  return { left, right, notices };
}

/** The URL of an element's wasm-url, checked; undefined when it has none (the page's engine). */
export function wasmUrlOf(el) {
  const wasmUrl = el.getAttribute("wasm-url");
  if (!wasmUrl) return undefined;
  let url;
  try {
    url = new URL(wasmUrl, el.ownerDocument.baseURI);
  } catch {
    throw new WidgetError(`Cannot use wasm-url="${wasmUrl}": it is not a valid URL.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new WidgetError(`Cannot use wasm-url="${wasmUrl}": ${url.protocol} addresses are not loaded; point wasm-url at an http: or https: address.`);
  }
  return url;
}

/** Forgets one side's `*-src` text, and stops its download if under way. */
export function dropDownload(downloads, side) {
  downloads[side]?.controller.abort();
  downloads[side] = null;
}

/**
 * One side's text: the property (`property`), else the fetched `*-src`, else
 * the light-DOM child; null when none is given. With it, how messages name it
 * (`where`), how to give another (`hint`), and a `notice` when its encoding
 * was guessed. `downloads` keeps each side's `*-src` download.
 */
export async function givenText(el, side, property, { limit, timeout, downloads, raise }) {
  const { srcAttribute, noun, what } = SIDES[side];
  if (property != null) {
    if (typeof property !== "string") {
      throw new WidgetError(`The ${side} property must be a string, not ${typeof property}.`);
    }
    return { text: property, where: `The ${noun}`, hint: `set the ${side} property to ${what}` };
  }
  const src = el.getAttribute(srcAttribute);
  if (src) {
    // One download per address, cap and timeout; another stops the one under way.
    const key = `${limit} ${timeout} ${src}`;
    if (downloads[side]?.key === key) return downloads[side].text;
    dropDownload(downloads, side);
    const controller = new AbortController();
    const text = fetchText(el, side, src, { limit, timeout, controller, raise });
    const entry = (downloads[side] = { key, text, controller });
    text.catch(() => {
      if (downloads[side] === entry) downloads[side] = null; // try again next time
    });
    return text;
  }
  const child = el.querySelector(`:scope > [slot="${side}"], :scope > [data-wirediff="${side}"]`);
  return child && { text: child.textContent, where: `The ${noun}`, hint: `put ${what} in the element marked slot="${side}"` };
}

/**
 * Downloads one side's `*-src`: http(s) only, read as it arrives and
 * stopped past the size limit (so an endless or huge answer costs no
 * more than the limit), within `timeout` seconds in all; `controller`
 * stops it from outside; `raise(bytes)` says how to let a larger text in.
 */
async function fetchText(el, side, src, { limit, timeout, controller, raise }) {
  const { srcAttribute: attribute, noun, what } = SIDES[side];
  const where = `the ${noun} (${attribute}="${src}")`;
  const said = { where: `The ${noun} (${attribute}="${src}")`, hint: `point ${attribute} at ${what}` };
  let url;
  try {
    url = new URL(src, el.ownerDocument.baseURI);
  } catch {
    throw new WidgetError(`Could not load ${where}: it is not a valid URL.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new WidgetError(`Could not load ${where}: ${url.protocol} addresses are not loaded; point ${attribute} at an http: or https: address.`);
  }
  let late = false;
  const timer = setTimeout(() => {
    late = true;
    controller.abort();
  }, timeout * 1000);
  const { signal } = controller;
  const failed = () =>
    late
      ? new WidgetError(`Could not load ${where}: the server did not send it within ${timeout} ${timeout === 1 ? "second" : "seconds"}; try again later, or allow longer with src-timeout-s.`)
      : signal.aborted
        ? new DOMException("The download is not wanted any more.", "AbortError")
        : new WidgetError(
            `Could not load ${where}: the request failed (the server is unreachable, blocks cross-origin requests, or the page's Content-Security-Policy forbids it).`,
          );
  let response;
  let bytes;
  try {
    try {
      response = await fetch(url, { credentials: "same-origin", signal });
    } catch {
      throw failed();
    }
    if (!response.ok) {
      controller.abort(); // the error page's body is not wanted
      const answer = [response.status, response.statusText].filter(Boolean).join(" ");
      throw new WidgetError(`Could not load ${where}: the server answered ${answer}.`);
    }
    // A text in UTF-16 takes up to twice its UTF-8 bytes; any other, no more: no text within the limit is cut.
    const declared = Number(response.headers.get("Content-Length")) || 0;
    try {
      bytes = await readCapped(response, limit, 2 * limit + 2, declared);
    } catch {
      throw failed();
    }
    if (!bytes) {
      controller.abort();
      const size = declared ? `is ${megabytes(declared)}, above` : "is larger than";
      const stopped = declared ? "" : " (reading stopped there)";
      throw new WidgetError(`${said.where} ${size} the limit of ${megabytes(limit)}${stopped}: give a shorter text, or raise ${raise(declared)}.`);
    }
  } finally {
    clearTimeout(timer);
  }
  const kind = sniff(bytes);
  if (kind) throw new WidgetError(`${said.where} ${notText(kind)}: point ${attribute} at a plain-text file.`);
  const { text, encoding, guessed } = readText(bytes, charsetOf(response.headers.get("Content-Type")));
  const notice = guessed ? notUtf8(said.where, encoding, "serve it as UTF-8") : null;
  return { text, notice, ...said };
}

/**
 * The body of `response`, read as it arrives; null (the rest cancelled) once
 * it is, or its Content-Length says it will be, over `limit` bytes (`most`
 * for a text in UTF-16, by its byte-order mark).
 */
async function readCapped(response, limit, most, declared) {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks = [];
  let size = 0;
  let cap = null; // known once two bytes are in
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    if (cap === null && size >= 2) {
      const head = concat(chunks);
      cap = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) ? most : limit;
    }
    if (size > (cap ?? most) || declared > (cap ?? most)) {
      reader.cancel().catch(() => {});
      return null;
    }
  }
  return concat(chunks);
}

function concat(chunks) {
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * The options property, read once when set: a host's getters run then and
 * never again (one that touches the element cannot start a render loop).
 */
export function copyOptions(given) {
  if (typeof given !== "object") return { given, problem: `The options property must be an object, not ${typeof given}.` };
  try {
    return { given, copy: { ...given } }; // spread, not Object.assign: an own "__proto__" key (from JSON.parse) stays a plain key
  } catch (error) {
    return { given, problem: `Could not read the options property: ${messageOf(error)}` };
  }
}
