// The sections of BENCHMARKS.md that scripts other than run.mjs write,
// between markers, and that report.mjs keeps when it rewrites the file.

export const LINKS_START = "<!-- links:start (written by node scripts/bench/links.mjs) -->";
export const LINKS_END = "<!-- links:end -->";

export const BATCH_START = "<!-- batch:start (written by node scripts/bench/batch.mjs) -->";
export const BATCH_END = "<!-- batch:end -->";

export const SCALE_START = "<!-- scale:start (written by scripts/bench/scale.py) -->";
export const SCALE_END = "<!-- scale:end -->";

/** BENCHMARKS.md with a section written by its own script (links.mjs by default) put in place of the old one, or before the Method. */
export function withSection(markdown, text, [start, end] = [LINKS_START, LINKS_END]) {
  const a = markdown.indexOf(start);
  const b = markdown.indexOf(end);
  if (a >= 0 && b > a) return markdown.slice(0, a) + text + markdown.slice(b + end.length);
  const method = markdown.indexOf("## Method");
  return method >= 0 ? `${markdown.slice(0, method)}${text}\n\n${markdown.slice(method)}` : `${markdown}\n${text}\n`;
}
