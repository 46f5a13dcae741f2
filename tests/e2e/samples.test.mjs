// The page ships the sample corpus byte-identical to the original: the sums in
// tests/samples.sha256 were taken from the shared corpus the samples were copied from.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { test } from "node:test";

const shipped = new URL("../../www/samples/", import.meta.url);
const sums = new URL("../samples.sha256", import.meta.url);

const sha256 = (url) => createHash("sha256").update(readFileSync(url)).digest("hex");

test("every shipped sample matches its recorded SHA-256", () => {
  const recorded = readFileSync(sums, "utf8").trim().split("\n").map((line) => line.split(/\s+/));
  const files = readdirSync(shipped).sort();
  assert.deepEqual(recorded.map(([, name]) => name).sort(), files);
  for (const [hash, name] of recorded) assert.equal(sha256(new URL(name, shipped)), hash, name);
});

