// Vite bundles the engine's worker and copies the wasm and the stylesheet
// itself (they are named with `new URL(…, import.meta.url)`): nothing to configure.
import "./newsroom.js";
