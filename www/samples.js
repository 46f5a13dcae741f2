// The sample story: five versions, listed by samples/manifest.json.

/** @returns {Promise<{file: string, label: string, relation: string}[]>} the wire first, then the manifest's order */
export async function listSamples() {
  const manifest = await (await fetch(new URL("./samples/manifest.json", import.meta.url))).json();
  const versions = manifest.versions.map((v) => ({ file: v.file, label: v.outlet, relation: v.relation }));
  versions.sort((a, b) => (b.file === manifest.wire_source) - (a.file === manifest.wire_source));
  return versions;
}

export async function loadSample(file) {
  const response = await fetch(new URL(`./samples/${encodeURIComponent(file)}`, import.meta.url));
  if (!response.ok) throw new Error(`could not load the sample ${file}`);
  return response.text();
}
