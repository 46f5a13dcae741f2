// DEFLATE data inflated by the browser's own DecompressionStream, in steps
// that leave the page its turns, and stopped at a cap: a share link's texts
// (share-open.js) and a Word or OpenDocument file's parts (zip.js) may be
// built to inflate to gigabytes.

/**
 * What inflating may come to, `maxBytes` being the page's largest text: twice
 * that, room for a link's two texts or a document's text and its markup; more
 * could only be refused after taking the memory.
 */
export const inflateCap = (maxBytes) => 2 * maxBytes;

/** Thrown when inflating passes its cap. */
export class TooLarge extends Error {}

/**
 * Inflates `bytes` (`format` as DecompressionStream names it: "deflate" for
 * zlib data, "deflate-raw" for a ZIP entry) 1 KB at a time (up to about 1 MB
 * out each), with a turn for the page every MB (a stream's steps are
 * microtasks, which give it none), and stops at `cap`, cancelling the stream
 * and dropping what it had. Rejects with TooLarge past `cap`, with the
 * browser's TypeError when the data is not valid.
 */
export async function inflate(bytes, cap, format = "deflate") {
  const stream = new DecompressionStream(format);
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const feeding = (async () => {
    for (let i = 0; i < bytes.length; i += 1024) await writer.write(bytes.subarray(i, i + 1024));
    await writer.close();
  })();
  feeding.catch(() => {}); // shows at the reader too
  let parts = [];
  let size = 0;
  try {
    for (let turn = 1 << 20, read; !(read = await reader.read()).done; ) {
      size += read.value.byteLength;
      if (size > cap) throw new TooLarge();
      parts.push(read.value);
      if (size >= turn) {
        turn = size + (1 << 20);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
    await feeding;
  } catch (error) {
    parts.length = 0; // the chunks read so far are freed while the stream is cancelled
    await Promise.allSettled([reader.cancel(), writer.abort()]);
    throw error;
  }
  return new Blob(parts).arrayBuffer();
}
