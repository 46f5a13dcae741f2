// Node side of the widget tests: serves www/ with the host pages under
// /hosts/, once with the page's CSP and once with the strict CSP + Trusted
// Types that a locked-down CMS sends.
import { fileURLToPath } from "node:url";
import { CSP, serve } from "../../../../scripts/serve.mjs";

export const HOSTS = fileURLToPath(new URL(".", import.meta.url));

/** The strictest policy a CMS is likely to send: no inline anything, no eval, Trusted Types. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";

/** Starts the servers the widget tests use; `close()` stops them. */
export async function startHosts() {
  const mounts = {
    "/hosts/": HOSTS,
    "/assets/": fileURLToPath(new URL("../../../../www/pkg/", import.meta.url)), // the wasm, elsewhere
    "/axe/": fileURLToPath(new URL("../../../../node_modules/axe-core/", import.meta.url)),
    "/files/": fileURLToPath(new URL("../files/", import.meta.url)), // texts that are not what they should be
  };
  const plain = await serve({ port: 0, mounts });
  const strict = await serve({ port: 0, mounts, csp: STRICT_CSP });
  // A second origin that allows cross-origin reads, as a CMS's asset host
  // would, and a page whose CSP lets it fetch from other loopback origins.
  const cors = await serve({ port: 0, mounts, headers: { "Access-Control-Allow-Origin": "*" } });
  const open = await serve({ port: 0, mounts, csp: `${CSP}; connect-src 'self' http://127.0.0.1:*` });
  // An asset host that labels every file ISO-8859-2 (Central European), as
  // an old CMS serving its exports in their own encoding does.
  const latin2 = await serve({
    port: 0,
    mounts,
    headers: { "Access-Control-Allow-Origin": "*", "Content-Type": "text/plain; charset=ISO-8859-2" },
  });
  // A page that allows no worker: the engine's large comparisons cannot run.
  const noWorker = await serve({ port: 0, mounts, csp: `${CSP}; worker-src 'none'` });
  const servers = [plain, strict, cors, open, latin2, noWorker];
  return {
    plain: plain.url,
    strict: strict.url,
    cors: cors.url,
    open: open.url,
    latin2: latin2.url,
    noWorker: noWorker.url,
    close: () => Promise.all(servers.map((s) => s.close())),
  };
}
