// esbuild copies nothing that `new URL(…, import.meta.url)` names, so the app
// imports the stylesheet and the wasm as files and builds the engine's worker
// as an entry point of its own, then says where they went:
//   esbuild src/main.js engine/worker=wirediff/worker.js --bundle --format=esm
//     --splitting --minify --outdir=public --loader:.css=file --loader:.wasm=file
import stylesheetUrl from "wirediff/wirediff.css";
import wasmUrl from "wirediff/wirediff_bg.wasm";
import { configure } from "wirediff";
import "./newsroom.js";

// before the first render, which waits for the next microtask
configure({ stylesheetUrl, wasmUrl, workerUrl: new URL("engine/worker.js", import.meta.url) });
