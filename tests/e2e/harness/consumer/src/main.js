// The consumer app's entry point, bundled by esbuild. esbuild does not copy
// assets named by `new URL(…, import.meta.url)`, so the app imports the
// stylesheet and the wasm as files (--loader:.css=file --loader:.wasm=file)
// and tells the widget where they went; worker.js is a second entry point
// next to this bundle, where the engine looks for it.
import stylesheetUrl from "wirediff/wirediff.css";
import wasmUrl from "wirediff/wirediff_bg.wasm";
import { WireDiffElement, configure } from "wirediff";
import "wirediff/define";
import { compare, usesWorker } from "wirediff/engine";

configure({ stylesheetUrl, wasmUrl });

// The app adds a widget of its own, fed by property.
const widget = document.createElement("wire-diff");
widget.id = "from-script";
widget.view = "side-by-side";
widget.source = "Workers jeered the president at the tractor plant on Monday.";
widget.compare = "On Monday, workers at the tractor plant jeered the president.";
document.getElementById("app").append(widget);

// What the end-to-end test reads: the engine and the class from this bundle.
window.consumer = { compare, usesWorker, defined: customElements.get("wire-diff") === WireDiffElement };
