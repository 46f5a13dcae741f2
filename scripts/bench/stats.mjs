// Medians and ranges, and how the report prints them.

/** `{ median, min, max, n, samples }` of per-call times in ms. */
export function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { n: 0, samples: [] };
  const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { median, min: sorted[0], max: sorted[n - 1], n, samples };
}

/** 0.0123 → "12 µs", 1.234 → "1.23 ms", 1234 → "1.23 s" (three significant digits). */
export function ms(value) {
  if (value == null || Number.isNaN(value)) return "–";
  if (value < 1) return `${sig(value * 1000)} µs`;
  if (value < 1000) return `${sig(value)} ms`;
  return `${sig(value / 1000)} s`;
}

export function sig(x) {
  if (x >= 99.95) return String(Math.round(x));
  if (x >= 9.995) return x.toFixed(1);
  return x.toFixed(2);
}

export function bytes(n) {
  if (n >= 1e6) return `${sig(n / 1e6)} MB`;
  if (n >= 1e3) return `${sig(n / 1e3)} KB`;
  return `${n} B`;
}
