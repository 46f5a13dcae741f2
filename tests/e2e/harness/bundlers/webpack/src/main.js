// webpack bundles the engine's worker and emits the wasm and the stylesheet
// itself (they are named with `new URL(…, import.meta.url)`): nothing to configure.
import "./newsroom.js";
