// The newsroom app that each bundler's consumer project builds (the tests
// copy this file into its src/): the sample in markup, and a button that
// compares the archive, a text longer than the engine's worker threshold, in
// a widget the app feeds by property.
import "wirediff/define";
import { WORKER_THRESHOLD, compare, usesWorker } from "wirediff/engine";

/** Each widget's outcome by id: "rendered", or the message it showed. */
const outcomes = {};
document.addEventListener("wirediff-rendered", (event) => (outcomes[event.target.id] = "rendered"));
document.addEventListener("wirediff-error", (event) => (outcomes[event.target.id] = event.detail.message));

const text = async (url) => (await fetch(url)).text();

document.getElementById("archive").addEventListener("click", async () => {
  const [wire, outlet] = await Promise.all([text("texts/wire.txt"), text("texts/outlet.txt")]);
  const widget = document.createElement("wire-diff");
  widget.id = "large";
  widget.source = wire.repeat(Math.ceil((WORKER_THRESHOLD + 1) / wire.length));
  widget.compare = outlet.repeat(20);
  document.getElementById("app").append(widget);
});

// What the end-to-end test reads: the engine of this bundle, and the outcomes.
window.consumer = { compare, usesWorker, outcomes };
