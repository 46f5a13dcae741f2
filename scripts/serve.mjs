// Serves www/ on loopback with the page's Content-Security-Policy, each file
// as it ships (scripts/assets.mjs: the page's modules and stylesheet minified),
// so the tests and benchmarks run what a deployment serves. WIREDIFF_SOURCE=1
// serves the files as written, for reading them in a browser's devtools.
// `node scripts/serve.mjs [--port N]` (or PORT=N); also imported by the e2e tests.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { shipped } from "./assets.mjs";

export const ROOT = resolve(fileURLToPath(new URL("../www", import.meta.url)));

/**
 * frame-ancestors 'self': no other site may frame the page (a framing page
 * could feed it link after link). It works only as a header, never in a
 * <meta> CSP; docs/page.md (Framing) says how a site that frames it relaxes it.
 */
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; frame-ancestors 'self'";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ts": "text/plain; charset=utf-8",
};

/**
 * Starts the server; resolves to `{ url, close }`. `port: 0` picks a free port.
 * `mounts` serves more folders under URL prefixes (`{ "/hosts/": dir }`);
 * `headers` are sent with every file (e.g. CORS for a second origin);
 * `types` overrides the Content-Type by extension (`{ ".wasm": … }`, as a
 * server that does not know a type sends);
 * `asWritten` serves www/ unminified (WIREDIFF_SOURCE=1).
 */
export function serve({
  root = ROOT,
  port = 8080,
  csp = CSP,
  host = "127.0.0.1",
  mounts = {},
  headers = {},
  types = {},
  asWritten = process.env.WIREDIFF_SOURCE === "1",
} = {}) {
  const server = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let base = root;
    const mount = Object.keys(mounts).find((prefix) => path.startsWith(prefix));
    if (mount) [base, path] = [resolve(mounts[mount]), path.slice(mount.length - 1)];
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await (asWritten ? readFile(file) : shipped(file));
      res.writeHead(200, {
        "Content-Type": { ...TYPES, ...types }[extname(file)] ?? "application/octet-stream",
        "Content-Security-Policy": csp,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-store",
        ...headers,
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (error) {
      if (error.code === undefined) {
        // esbuild could not minify it: say so, rather than serve what would not ship
        console.error(error.message);
        res.writeHead(500, { "Content-Type": "text/plain", ...headers }).end(error.message);
      } else {
        res.writeHead(404, { "Content-Type": "text/plain", ...headers }).end("not found");
      }
    }
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      const url = `http://${host}:${server.address().port}/`;
      ok({ url, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const flag = process.argv.indexOf("--port");
  const port = Number(flag > 0 ? process.argv[flag + 1] : process.env.PORT ?? 8080);
  const { url } = await serve({ port });
  console.log(`wirediff is served at ${url} (Ctrl-C stops it)`);
}
