// The one result schema: the JS API returns it, these declarations describe
// it, and the CLI's `--json` prints exactly the same shape. Optional fields
// are left out (not `undefined`, not `null`) when absent.
// All spans: half-open [start, end) in UTF-16 code units of the named text.

/** A half-open range [start, end) in UTF-16 code units: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** What happened to a stretch of text. */
export type OpKind = "equal" | "insert" | "delete" | "replace" | "move";

/**
 * One change or one unchanged stretch. Ops are in the reading order of the
 * right (comparison) text, with cut text placed where it stood. Invariants:
 *  - right spans of equal/insert/replace ops, in list order, tile the right text;
 *  - left spans of equal/delete/replace ops, sorted by start, tile the left text;
 *  - `insert` has an empty left span (where the text went in), `delete` an
 *    empty right span (where the text stood);
 *  - a `move` op marks the OLD place of a moved passage: `left` is the whole
 *    passage in the left text, `right` is an empty span (where it used to
 *    stand, in right-text coordinates). The passage's text appears at its NEW
 *    place as ordinary equal/insert/delete/replace ops carrying the same moveId
 *    (so edits inside a moved passage are word changes).
 */
export interface Op {
  kind: OpKind;
  left: Span;
  right: Span;
  /** Links the `move` op at a passage's old place to the ops at its new place. */
  moveId?: number;
  /** For a `replace` of near-variant words (Tsikhanouskaya → Tikhanovskaya):
   *  the character-level detail, as equal/insert/delete/replace ops whose spans
   *  tile the parent's spans. */
  parts?: Op[];
  /** The op lies in a boilerplate line of its text (Read also:, footer, …). */
  boilerplate?: boolean;
}

/** How an outlet sentence came about: its words are the source's, in order
 *  (verbatim); one source sentence with word-level edits (edited); its content
 *  comes from source sentences, reworded, merged or split (paraphrased); no
 *  source link above the weak-link threshold (new). */
export type RightLabel = "verbatim" | "edited" | "paraphrased" | "new" | "boilerplate";
/** What became of a wire sentence: kept word for word, edited in one outlet
 *  sentence, paraphrased (reworded, merged or split), or cut. */
export type LeftLabel = "kept" | "edited" | "paraphrased" | "cut" | "boilerplate";

/** Which rule made a line boilerplate: a line pointing to another story,
 *  a syndication note, page furniture of radio and news sites, the dateline,
 *  a photo caption printed twice. */
export type BoilerplateRule = "read-also" | "syndication-footer" | "radio-chrome" | "dateline" | "repeated-caption";

/** Words a sentence shares with one of its sources. */
export interface SharedWords {
  /** The words in the left text. */
  left: Span;
  /** The words in the right text. */
  right: Span;
}

/** A sentence of the other text that a sentence draws on (a right sentence's
 *  sources) or feeds (a left sentence's). */
export interface Source {
  /** Index into the OTHER text's `sentences`. */
  sentence: number;
  /** 0..1: how much of this sentence's content (IDF-weighted content words)
   *  comes from that one. */
  score: number;
  /** Runs of shared words, in the reading order of this sentence's text. */
  words: SharedWords[];
}

/** A sentence (or a boilerplate line, or a dateline) with the whitespace after it;
 *  the sentences of a text tile it. */
export interface Sentence<L> {
  span: Span;
  /** Index into the same text's `paragraphs`. */
  paragraph: number;
  label: L;
  /** Index of the matched sentence in the OTHER text's `sentences`: the
   *  strongest source (`sources[0].sentence`) when there is one. */
  match?: number;
  /** Share (0..1) of this sentence's words that its match shares, word for word. */
  overlap: number;
  /** Set when the sentence belongs to a moved passage. */
  moveId?: number;
  /** The boilerplate rule that fired. */
  boilerplateRule?: BoilerplateRule;
  /** The sentences of the other text it draws on (or feeds), strongest first;
   *  absent when none. */
  sources?: Source[];
}

export interface Structure<L> {
  /** Paragraphs with the line breaks after them; they tile the text. */
  paragraphs: Span[];
  sentences: Sentence<L>[];
}

export interface Move {
  /** 1, 2, …: never 0. */
  id: number;
  /** The passage in the left text (old place). */
  left: Span;
  /** The passage in the right text (new place). */
  right: Span;
  /** The passage was also edited. */
  edited: boolean;
}

export type FactKind = "quote" | "number" | "name";
export type FactChange = "altered" | "cut" | "added";

/** A change that touches a quotation, a number (compared by value, with its
 *  qualifier: "over two" is not "two"; the span covers both) or a name (a
 *  whole run of capitalised words). The same number written differently is
 *  no change and no fact. */
export interface Fact {
  kind: FactKind;
  change: FactChange;
  /** Where it is in the left text (absent when added). */
  left?: Span;
  /** Where it is in the right text (absent when cut). */
  right?: Span;
  /** The left text of the fact ("" when added). */
  leftText: string;
  /** The right text of the fact ("" when cut). */
  rightText: string;
  /** A number's value in the left text: "7,000", "7000", "7 000" and
   *  "seven thousand" are all 7000 (absent when not a number or added). */
  leftValue?: number;
  /** A number's value in the right text. */
  rightValue?: number;
  /** A quotation's speaker in the left text, when its sentence names one
   *  ("said Sergei Dylevsky", "Klaskovsky said", "according to Reuters"). */
  leftSpeaker?: Span;
  /** A quotation's speaker in the right text, when its sentence names one. */
  rightSpeaker?: Span;
}

/** A news agency the credit check knows. */
export type Agency = "AP" | "Reuters" | "AFP" | "dpa" | "EFE" | "ANSA" | "Xinhua" | "Kyodo" | "ANTARA" | "Yonhap";
/** What became of the source's credit of an agency: the outlet kept a
 *  credit of it, removed it, replaced the source's dateline credit with its
 *  own dateline (crediting no agency), or added a credit the source lacks. */
export type CreditStatus = "kept" | "removed" | "replaced" | "added";

/** An agency credit: `(AP)` or `(Reuters)` in a dateline or after a
 *  paragraph, `— Reuters` at the end of a line, a photo credit (`Kompas/AP`,
 *  `ANTARA FOTO/…`), a line alone or a "… contributed" line. Mentions
 *  ("told The Associated Press") are not credits. */
export interface Credit {
  agency: Agency;
  status: CreditStatus;
  /** The credit in the left text (absent when added). */
  left?: Span;
  /** The credit in the right text (kept or added), or the outlet's own
   *  dateline (replaced); absent when removed. */
  right?: Span;
}

export interface Tally {
  unchanged: number;
  altered: number;
  cut: number;
  added: number;
}

/** METER corpus classes, on derivedShare: ≥ 0.9 wholly, ≥ 0.2 partially,
 *  below that not derived. */
export type Verdict = "wholly derived" | "partially derived" | "not derived";

export interface Stats {
  /** Words (word and number tokens), boilerplate excluded. */
  leftWords: number;
  rightWords: number;
  /** Shares of the right text's words, by the label of their sentence. */
  verbatimShare: number;
  editedShare: number;
  paraphrasedShare: number;
  newShare: number;
  /** verbatimShare + editedShare + paraphrasedShare: what the verdict is computed on. */
  derivedShare: number;
  /** Share of the right text's words inside equal ops: copied word for word, wherever. */
  reusedShare: number;
  /** Share of the left text's words that the right text reuses word for word. */
  sourceReusedShare: number;
  /** The longest passage both texts share word for word (null when none). */
  longestShared: { words: number; left: Span; right: Span } | null;
  /** Counts of ops outside boilerplate. */
  insertions: number;
  deletions: number;
  replacements: number;
  moves: number;
  quotes: Tally;
  numbers: Tally;
  verdict: Verdict;
  /** The time budget ran out before the source map was finished: the shares by
   *  label are a cheap containment estimate (still no false "new"). */
  estimated: boolean;
}

/** The result of `compare`. */
export interface Comparison {
  ops: Op[];
  left: Structure<LeftLabel>;
  right: Structure<RightLabel>;
  moves: Move[];
  facts: Fact[];
  /** Every agency credit of the source and what became of it, then the
   *  credits the outlet added. */
  credits: Credit[];
  stats: Stats;
  /** The time budget ran out; the result is lossless but coarser. */
  approximate: boolean;
  /** Length of the left text in UTF-16 code units. */
  leftLength: number;
  /** Length of the right text in UTF-16 code units. */
  rightLength: number;
}

/** The result of `compareMany(source, versions, options)`. */
export interface ManyComparison {
  /** results[i]: source vs versions[i]. */
  results: Comparison[];
  /** matrix[i][j]: share of text i's words reused word for word from text j;
   *  index 0 is the source, 1.. the versions; the diagonal is 1. */
  matrix: number[][];
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
  /** Past this many milliseconds (per comparison) the result is coarser and
   *  flagged `approximate`. A whole number from 0 to 4294967295. Default: 2000. */
  timeBudgetMs: number;
  /** Longer inputs (UTF-8 bytes) are refused with an Error. A whole number
   *  from 1 to 4294967295 (4 GB). Default: 32000000. */
  maxInputBytes: number;
}
