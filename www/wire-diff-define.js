// Registers <wire-diff>. The only module of the widget with a side effect;
// importing it twice, or after another copy defined the tag, does nothing.
import { WireDiffElement } from "./wire-diff.js";

if (!customElements.get("wire-diff")) customElements.define("wire-diff", WireDiffElement);

export { WireDiffElement };
