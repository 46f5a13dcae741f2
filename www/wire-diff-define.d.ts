// Types of wire-diff-define.js (`wirediff/define`): importing it registers
// <wire-diff> (once; a second import, or a tag defined already, is a no-op;
// so is importing it without a DOM, in server rendering).
export { WireDiffElement } from "./wire-diff.js";
