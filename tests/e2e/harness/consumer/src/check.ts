// Type-checked (tsc --noEmit) against the installed package's declarations:
// what a TypeScript app writes compiles, and misuse does not.
import { WireDiffElement, configure, type WireDiffRenderedEvent } from "wirediff";
import "wirediff/define";
import { compare, setWasmUrl, setWorker, type Comparison, type Op, type Options, type Span, type Verdict } from "wirediff/engine";

configure({ stylesheetUrl: new URL("https://cdn.example/wirediff.css"), wasmUrl: "/assets/wirediff_bg.wasm" });
configure({ workerUrl: "/assets/worker.js" });
configure({ createWorker: () => new Worker("/assets/worker.js", { type: "module" }) });
setWasmUrl("/assets/wirediff_bg.wasm");
setWorker(null);
const registered: boolean = WireDiffElement.define("news-diff", customElements);
const firstOp: Op | undefined = undefined;
const span: Span = { start: 0, end: 1 };
console.log(registered, firstOp, span);

const widget: WireDiffElement = document.createElement("wire-diff");
widget.source = "one text";
widget.compare = null;
widget.options = { ignoreCase: true, timeBudgetMs: 500 };
widget.view = "provenance";
widget.hideBoilerplate = true;
const index: number = widget.next() + widget.previous();
const shown: Comparison | null = widget.result;

widget.addEventListener("wirediff-rendered", (event) => {
  const verdict: Verdict = event.detail.verdict;
  const changes: number = event.detail.changes;
  const share: number = event.detail.stats.verbatimShare;
  console.log(verdict, changes, share, index, shown);
});
document.addEventListener("wirediff-error", (event) => {
  const message: string = event.detail.message;
  console.log(message);
});
document.body.addEventListener("wirediff-rendered", (event: WireDiffRenderedEvent) => console.log(event.detail.view));

const options: Partial<Options> = { unifyQuotes: false };
compare("a", "b", options, { worker: false }).then((result) => console.log(result.stats.verdict, result.ops.length));

// @ts-expect-error `result` is read-only
widget.result = null;
// @ts-expect-error not an engine option
widget.options = { colour: "red" };
// @ts-expect-error texts are strings
widget.source = 42;
// @ts-expect-error a worker factory returns a Worker
configure({ createWorker: () => "/assets/worker.js" });
// @ts-expect-error not an event detail field
document.addEventListener("wirediff-error", (event) => event.detail.verdict);
