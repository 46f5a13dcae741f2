// Registers <wire-diff>. The only module of the widget with a side effect;
// importing it twice, or after another copy defined the tag, does nothing,
// and so does importing it where there is no DOM (server rendering).
import { WireDiffElement } from "./wire-diff.js";

if (globalThis.customElements) WireDiffElement.define();

export { WireDiffElement };
