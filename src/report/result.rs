//! The result schema, as JavaScript and the CLI's `--json` receive it
//! (camelCase; optional fields left out when absent). The TypeScript
//! declarations in `src/wasm/types.d.ts` describe exactly these types.

use serde::Serialize;

/// A half-open range `[start, end)` in UTF-16 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// What happened to a stretch of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum OpKind {
    /// In both texts (alike under the matching options).
    Equal,
    /// Only in the right text.
    Insert,
    /// Only in the left text.
    Delete,
    /// The left span became the right span.
    Replace,
    /// The old place of a moved passage: `left` is the passage, `right` an
    /// empty span where it used to stand; the passage itself appears at its
    /// new place as ops carrying the same `move_id`.
    Move,
}

/// One change or one unchanged stretch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Op {
    pub kind: OpKind,
    pub left: Span,
    pub right: Span,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub move_id: Option<u32>,
    /// Character-level detail of a near-variant replacement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parts: Option<Vec<Op>>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub boilerplate: bool,
}

/// How a sentence of the right text came about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum RightLabel {
    /// The words are its source's, in order (alike under the matching options).
    Verbatim,
    /// One source sentence with word-level edits: most words kept, in order.
    Edited,
    /// Its content comes from one or more source sentences, reworded,
    /// merged or split.
    Paraphrased,
    /// Not derived: no source link above the weak-link threshold.
    New,
    Boilerplate,
}

/// What became of a sentence of the left text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum LeftLabel {
    /// The right text has it word for word.
    Kept,
    /// One right sentence has it with word-level edits.
    Edited,
    /// Right sentences draw on it, reworded, merged or split.
    Paraphrased,
    /// No right sentence draws on it.
    Cut,
    Boilerplate,
}

/// Words one sentence shares with a sentence of the other text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SharedWords {
    /// The words in the left text.
    pub left: Span,
    /// The words in the right text.
    pub right: Span,
}

/// A sentence of the other text that a sentence draws on (for a right
/// sentence) or feeds (for a left sentence).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// Index into the other text's `sentences`.
    pub sentence: usize,
    /// 0..1: how much of this sentence's content (IDF-weighted content
    /// words) comes from that one.
    pub score: f64,
    /// Runs of shared words, in the reading order of this sentence's text.
    pub words: Vec<SharedWords>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sentence<L> {
    /// The sentence with the whitespace after it; sentences tile the text.
    pub span: Span,
    /// Index into the same text's `paragraphs`.
    pub paragraph: usize,
    pub label: L,
    /// Index of the matched sentence in the other text's `sentences`.
    #[serde(rename = "match", skip_serializing_if = "Option::is_none")]
    pub matched: Option<usize>,
    /// Share (0..1) of this sentence's words that its match shares word for word.
    pub overlap: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub move_id: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub boilerplate_rule: Option<&'static str>,
    /// The sentences of the other text it draws on (or feeds), strongest
    /// first; `match` is the first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Structure<L> {
    /// Paragraphs with the line breaks after them; they tile the text.
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence<L>>,
}

/// A moved passage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Move {
    pub id: u32,
    /// The passage in the left text (old place).
    pub left: Span,
    /// The passage in the right text (new place).
    pub right: Span,
    /// The passage was also edited.
    pub edited: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum FactKind {
    Quote,
    Number,
    Name,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum FactChange {
    Altered,
    Cut,
    Added,
}

/// A change that touches a quotation, a number or a capitalised name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Fact {
    pub kind: FactKind,
    pub change: FactChange,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub right: Option<Span>,
    pub left_text: String,
    pub right_text: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub unchanged: u32,
    pub altered: u32,
    pub cut: u32,
    pub added: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Verdict {
    #[serde(rename = "wholly derived")]
    WhollyDerived,
    #[serde(rename = "partially derived")]
    PartiallyDerived,
    #[serde(rename = "not derived")]
    NotDerived,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Shared {
    pub words: u32,
    pub left: Span,
    pub right: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    pub left_words: u32,
    pub right_words: u32,
    pub verbatim_share: f64,
    pub edited_share: f64,
    pub paraphrased_share: f64,
    pub new_share: f64,
    /// verbatim + edited + paraphrased: what the verdict is computed on.
    pub derived_share: f64,
    pub reused_share: f64,
    pub source_reused_share: f64,
    pub longest_shared: Option<Shared>,
    pub insertions: u32,
    pub deletions: u32,
    pub replacements: u32,
    pub moves: u32,
    pub quotes: Tally,
    pub numbers: Tally,
    pub verdict: Verdict,
    /// The time budget ran out before the source map was finished: the
    /// shares by label come from a cheap containment estimate.
    pub estimated: bool,
}

/// The result of [`crate::compare`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// Lossless ops in the reading order of the right text.
    pub ops: Vec<Op>,
    pub left: Structure<LeftLabel>,
    pub right: Structure<RightLabel>,
    pub moves: Vec<Move>,
    pub facts: Vec<Fact>,
    pub stats: Stats,
    /// The time budget ran out; the result is lossless but coarser.
    pub approximate: bool,
    /// Length of the left text in UTF-16 code units.
    pub left_length: usize,
    /// Length of the right text in UTF-16 code units.
    pub right_length: usize,
}

/// The result of [`crate::compare_many`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ManyComparison {
    /// `results[i]`: the source against `versions[i]`.
    pub results: Vec<Comparison>,
    /// `matrix[i][j]`: share of text i's words reused word for word from
    /// text j; index 0 is the source, 1.. the versions; the diagonal is 1.
    pub matrix: Vec<Vec<f64>>,
}

/// The name a value has in the result, e.g. `"replace"`.
pub trait Label: Copy {
    fn name(self) -> &'static str;
}

macro_rules! names {
    ($($t:ty { $($v:ident => $n:literal),* })*) => {
        $(impl Label for $t {
            fn name(self) -> &'static str {
                match self {
                    $(<$t>::$v => $n),*
                }
            }
        })*
    };
}

names! {
    OpKind { Equal => "equal", Insert => "insert", Delete => "delete", Replace => "replace", Move => "move" }
    RightLabel { Verbatim => "verbatim", Edited => "edited", Paraphrased => "paraphrased", New => "new", Boilerplate => "boilerplate" }
    LeftLabel { Kept => "kept", Edited => "edited", Paraphrased => "paraphrased", Cut => "cut", Boilerplate => "boilerplate" }
    FactKind { Quote => "quote", Number => "number", Name => "name" }
    FactChange { Altered => "altered", Cut => "cut", Added => "added" }
    Verdict { WhollyDerived => "wholly derived", PartiallyDerived => "partially derived", NotDerived => "not derived" }
}
