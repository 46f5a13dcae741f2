// Types of wire-diff-define.js (`wirediff/define`): importing it registers
// <wire-diff> (once; a second import, or a tag defined already, is a no-op).
export { WireDiffElement } from "./wire-diff.js";
