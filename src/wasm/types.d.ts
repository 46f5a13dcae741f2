/** A half-open range [start, end) in UTF-16 code units: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** What happened to a stretch of text. */
export type OpKind = "equal" | "insert" | "delete" | "replace";

/** One change or one unchanged stretch; `insert` has an empty left span, `delete` an empty right span. */
export interface Op {
  kind: OpKind;
  left: Span;
  right: Span;
}

/** The result of `compare`. */
export interface Comparison {
  /** Lossless ops in the reading order of the right text. */
  ops: Op[];
  /** The time budget ran out and the ops are coarser than they could be. */
  approximate: boolean;
  /** Length of the left text in UTF-16 code units. */
  leftLength: number;
  /** Length of the right text in UTF-16 code units. */
  rightLength: number;
}

/** What counts as equal, and how much effort a comparison may take. */
export interface Options {
  /** `Lukashenko` matches `LUKASHENKO`. Default: false. */
  ignoreCase: boolean;
  /** Curly, low and prime quotes match their straight forms. Default: true. */
  unifyQuotes: boolean;
  /** Em, en and non-breaking hyphens and the minus sign match `-`. Default: true. */
  unifyDashes: boolean;
  /** Any run of whitespace matches any other. Default: true. */
  unifyWhitespace: boolean;
  /** Punctuation is left out of matching. Default: false. */
  ignorePunctuation: boolean;
  /** Past this many milliseconds the result is coarser and flagged `approximate`. Default: 2000. */
  timeBudgetMs: number;
  /** Longer inputs (UTF-8 bytes) are refused with an Error. Default: 32000000. */
  maxInputBytes: number;
}
