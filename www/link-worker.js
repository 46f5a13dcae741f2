// Parses a share link's inflated texts off the page's thread: share-open.js sends
// the JSON's bytes, and receives the value, or null when they are not JSON.
import { parseJson } from "./share-open.js";

self.addEventListener("message", ({ data }) => self.postMessage(parseJson(data)));
