// The only importer of the wasm package: loads it once, then compares.
import init, { compare as compareWasm, defaultOptions } from "./pkg/wirediff.js";

let loading;

/** Resolves once the wasm module is compiled and instantiated. */
export function ready() {
  loading ??= init({ module_or_path: new URL("./pkg/wirediff_bg.wasm", import.meta.url) });
  return loading;
}

/**
 * Compares `left` (the source) with `right` (the version to examine).
 * @returns {Promise<import("./pkg/wirediff.js").Comparison>}
 */
export async function compare(left, right, options) {
  await ready();
  return compareWasm(left, right, options);
}

export { defaultOptions };
