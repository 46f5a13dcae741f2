// What the page and the widget tell a reader, written once (the engine's
// own messages come through messageOf, whatever was thrown): each host
// fills in how it names things (a "box" on the page; a text, property or
// attribute in the widget) and what the reader can do about it there.
import { ENCODINGS, megabytes } from "./intake.js";

/** A thrown value's message, whatever was thrown (a `message` getter that throws included). */
export function messageOf(thrown) {
  try {
    const message = thrown?.message ?? thrown;
    return typeof message === "string" ? message : String(message);
  } catch {
    return "an error whose message could not be read";
  }
}

/** The comparison failed: the engine's (or a host's) words. */
export const couldNotCompare = (error) => `Could not compare: ${messageOf(error)}`;

/** A view that is not one. */
export const unknownView = (name, names) => `Unknown view "${name}": use ${names.join(", ")}.`;

/** `said` ("the source text … is 40 MB") is above `limit` bytes: do `instead`, or `raise` the limit. */
export const overLimit = (said, limit, instead, raise) => `${said}, above the limit of ${megabytes(limit)}: ${instead}, or ${raise}.`;

/** `what` was read as `encoding` (a key of ENCODINGS) because it was not UTF-8; `fix` says how to read it otherwise. */
export const notUtf8 = (what, encoding, fix) => `${what} is not UTF-8 text: it was read as ${ENCODINGS[encoding]}. If letters look wrong, ${fix}.`;
