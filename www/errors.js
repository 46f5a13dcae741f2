// What went wrong, in words, whatever a host or the engine threw.

/** A thrown value's message, whatever was thrown (a `message` getter that throws included). */
export function messageOf(thrown) {
  try {
    const message = thrown?.message ?? thrown;
    return typeof message === "string" ? message : String(message);
  } catch {
    return "an error whose message could not be read";
  }
}
