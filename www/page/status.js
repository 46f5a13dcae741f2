// What the page says it is doing: the status line under the view and the
// busy note of a comparison that runs in the background.
import { $, root } from "./state.js";

export function setStatus(text, kind = "") {
  const status = $("status");
  status.textContent = text;
  status.className = kind ? `wd-${kind}` : "";
}

export function setBusy(text) {
  $("busy").hidden = !text;
  $("busy-text").textContent = text ?? "";
  root.toggleAttribute("aria-busy", Boolean(text));
}
