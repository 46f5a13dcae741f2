// A hostile asset server for the widget's `*-src` (Node side): answers that
// never end, are larger than any limit, or hang, each recorded as it goes —
// how many bytes it sent and whether the reader hung up before the end — so
// a test can tell that the widget stopped reading and let go of the request.
// It allows cross-origin reads, as a CMS's asset host would; host pages on
// the `open` server (servers.mjs) may fetch from it.
import { createServer } from "node:http";

const LINE = "Workers walked out of the tractor plant and jeered the president. ";
const CHUNK = Buffer.from(LINE.repeat(Math.ceil(65_536 / LINE.length)));

/**
 * The answers, by path:
 *   /endless.txt  text, forever (chunked, no Content-Length)
 *   /huge.txt     40 MB of text, its Content-Length saying so
 *   /hang.txt     headers and one line, then nothing, ever
 *   /silent.txt   not even headers
 * A path may carry a query (?n=1) so that each request is a new one.
 */
const ANSWERS = {
  "/endless.txt": { headers: {}, total: Infinity },
  "/huge.txt": { headers: { "Content-Length": String(40_000_000) }, total: 40_000_000 },
  "/hang.txt": { headers: {}, total: LINE.length, hang: true },
  "/silent.txt": { silent: true },
};

/** Starts the server: `{ url, requests, close }`; `requests` lists each request as it goes. */
export async function startStreams() {
  const requests = [];
  const server = createServer((req, res) => {
    const { pathname, search } = new URL(req.url, "http://x");
    const answer = ANSWERS[pathname];
    const record = { path: pathname + search, sent: 0, closedEarly: false, finished: false };
    requests.push(record);
    res.on("close", () => {
      if (!record.finished) record.closedEarly = true;
    });
    if (!answer) {
      record.finished = true;
      res.writeHead(404, { "Access-Control-Allow-Origin": "*" }).end();
      return;
    }
    if (answer.silent) return;
    res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8", "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store", ...answer.headers });
    // Writes as fast as the reader takes it (backpressure), never faster.
    const pump = () => {
      while (!res.destroyed && record.sent < answer.total) {
        const piece = CHUNK.subarray(0, Math.min(CHUNK.length, answer.total - record.sent));
        record.sent += piece.length;
        if (!res.write(piece)) {
          res.once("drain", pump);
          return;
        }
      }
      if (record.sent >= answer.total && !answer.hang && !res.destroyed) {
        record.finished = true;
        res.end();
      }
    };
    pump();
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((done) => server.close(done));
    },
  };
}
