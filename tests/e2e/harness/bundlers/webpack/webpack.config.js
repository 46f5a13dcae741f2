// `webpack --mode production`: the defaults, but for where the bundle goes.
import { fileURLToPath } from "node:url";

export default {
  entry: "./src/main.js",
  output: { path: fileURLToPath(new URL("public/", import.meta.url)) },
};
