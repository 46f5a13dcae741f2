//! The result schema, as JavaScript and the CLI's `--json` receive it
//! (camelCase; optional fields left out when absent). The TypeScript
//! declarations in `src/wasm/types.d.ts` describe exactly these types.

use serde::Serialize;

use crate::text::boilerplate::Rule;
use crate::vocab::{LeftLabel, OpKind, RightLabel, names};

/// A half-open range `[start, end)` in UTF-16 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    /// The first code unit.
    pub start: usize,
    /// Past the last code unit.
    pub end: usize,
}

impl Span {
    /// The span covers nothing (a place, not a stretch).
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// One change or one unchanged stretch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Op {
    /// What happened.
    pub kind: OpKind,
    /// The stretch in the left text (empty for an insertion: where it went in).
    pub left: Span,
    /// The stretch in the right text (empty for a deletion: where it stood).
    pub right: Span,
    /// Links the `move` op at a passage's old place to the ops at its new place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub move_id: Option<u32>,
    /// Character-level detail of a near-variant replacement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parts: Option<Vec<Op>>,
    /// The op lies in a boilerplate line of its text.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub boilerplate: bool,
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

/// A sentence (or a boilerplate line, or a dateline), labelled `L`
/// ([`RightLabel`] or [`LeftLabel`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sentence<L> {
    /// The sentence with the whitespace after it; sentences tile the text.
    pub span: Span,
    /// Index into the same text's `paragraphs`.
    pub paragraph: usize,
    /// How it came about (right) or what became of it (left).
    pub label: L,
    /// Index of the matched sentence in the other text's `sentences`.
    #[serde(rename = "match", skip_serializing_if = "Option::is_none")]
    pub matched: Option<usize>,
    /// Share (0..1) of this sentence's words that its match shares word for word.
    pub overlap: f64,
    /// Set when the sentence belongs to a moved passage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub move_id: Option<u32>,
    /// The boilerplate rule that fired.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub boilerplate_rule: Option<Rule>,
    /// The sentences of the other text it draws on (or feeds), strongest
    /// first; `match` is the first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

/// The paragraphs and sentences of one text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Structure<L> {
    /// Paragraphs with the line breaks after them; they tile the text.
    pub paragraphs: Vec<Span>,
    /// The sentences, in order; they tile the text.
    pub sentences: Vec<Sentence<L>>,
}

/// A moved passage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Move {
    /// 1, 2, …: never 0.
    pub id: u32,
    /// The passage in the left text (old place).
    pub left: Span,
    /// The passage in the right text (new place).
    pub right: Span,
    /// The passage was also edited.
    pub edited: bool,
}

names! {
    /// What a fact is.
    pub enum FactKind {
        /// A quotation: text between quotation marks.
        Quote = "quote",
        /// A number, with its unit or currency sign.
        Number = "number",
        /// A capitalised name.
        Name = "name",
    }
}

names! {
    /// What became of a fact.
    pub enum FactChange {
        /// In both texts, changed.
        Altered = "altered",
        /// Only in the left text.
        Cut = "cut",
        /// Only in the right text.
        Added = "added",
    }
}

/// A change that touches a quotation, a number or a capitalised name.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Fact {
    /// What the fact is.
    pub kind: FactKind,
    /// What became of it.
    pub change: FactChange,
    /// Where it is in the left text (absent when added).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left: Option<Span>,
    /// Where it is in the right text (absent when cut).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub right: Option<Span>,
    /// The left text of the fact (empty when added).
    pub left_text: String,
    /// The right text of the fact (empty when cut).
    pub right_text: String,
    /// A number's value in the left text (`five thousand` is 5000).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left_value: Option<f64>,
    /// A number's value in the right text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub right_value: Option<f64>,
    /// Who the sentence of a quotation in the left text says spoke it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left_speaker: Option<Span>,
    /// Who the sentence of a quotation in the right text says spoke it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub right_speaker: Option<Span>,
}

names! {
    /// A news agency whose credit the credit check looks for
    /// (`src/report/credits.rs` lists the names each goes by).
    pub enum Agency {
        /// The Associated Press.
        Ap = "AP",
        /// Reuters.
        Reuters = "Reuters",
        /// Agence France-Presse.
        Afp = "AFP",
        /// Deutsche Presse-Agentur.
        Dpa = "dpa",
        /// Agencia EFE (Spain).
        Efe = "EFE",
        /// Agenzia Nazionale Stampa Associata (Italy).
        Ansa = "ANSA",
        /// Xinhua News Agency (China).
        Xinhua = "Xinhua",
        /// Kyodo News (Japan).
        Kyodo = "Kyodo",
        /// ANTARA (Indonesia).
        Antara = "ANTARA",
        /// Yonhap News Agency (South Korea).
        Yonhap = "Yonhap",
    }
}

names! {
    /// What became of an agency's credit.
    pub enum CreditStatus {
        /// The source credits the agency and the outlet kept a credit of it.
        Kept = "kept",
        /// The source credits the agency; the outlet has no credit of it.
        Removed = "removed",
        /// The source's dateline credits the agency; the outlet's own
        /// dateline, crediting no agency, stands in its place.
        Replaced = "replaced",
        /// The outlet credits the agency where the source does not.
        Added = "added",
    }
}

/// An agency's credit (`(AP)` in a dateline, `— Reuters`, `Kompas/AP`, …)
/// and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Credit {
    /// Whose credit.
    pub agency: Agency,
    /// What became of it.
    pub status: CreditStatus,
    /// The credit in the left text (absent when added).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left: Option<Span>,
    /// The credit in the right text (kept or added), or the outlet's own
    /// dateline (replaced); absent when removed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub right: Option<Span>,
}

/// Facts of one kind, by what became of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// In both texts alike.
    pub unchanged: u32,
    /// In both texts, changed.
    pub altered: u32,
    /// Only in the left text.
    pub cut: u32,
    /// Only in the right text.
    pub added: u32,
}

names! {
    /// How much of the right text derives from the left (METER corpus
    /// classes, on the derived share).
    pub enum Verdict {
        /// The derived share reaches `WHOLLY` (src/report/stats.rs).
        WhollyDerived = "wholly derived",
        /// The derived share reaches `PARTIALLY` (src/report/stats.rs).
        PartiallyDerived = "partially derived",
        /// The derived share is below both.
        NotDerived = "not derived",
    }
}

/// The longest passage both texts share word for word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Shared {
    /// Its words (word and number tokens).
    pub words: u32,
    /// The passage in the left text.
    pub left: Span,
    /// The passage in the right text.
    pub right: Span,
}

/// The comparison in figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// Words (word and number tokens) of the left text, boilerplate excluded.
    pub left_words: u32,
    /// Words of the right text, boilerplate excluded.
    pub right_words: u32,
    /// Share of the right text's words in `verbatim` sentences.
    pub verbatim_share: f64,
    /// Share of the right text's words in `edited` sentences.
    pub edited_share: f64,
    /// Share of the right text's words in `paraphrased` sentences.
    pub paraphrased_share: f64,
    /// Share of the right text's words in `new` sentences.
    pub new_share: f64,
    /// verbatim + edited + paraphrased: what the verdict is computed on.
    pub derived_share: f64,
    /// Share of the right text's words inside equal ops: copied word for
    /// word, wherever.
    pub reused_share: f64,
    /// Share of the left text's words that the right text reuses word for word.
    pub source_reused_share: f64,
    /// The longest passage both texts share word for word.
    pub longest_shared: Option<Shared>,
    /// Insert ops outside boilerplate.
    pub insertions: u32,
    /// Delete ops outside boilerplate.
    pub deletions: u32,
    /// Replace ops outside boilerplate.
    pub replacements: u32,
    /// Moved passages.
    pub moves: u32,
    /// Quotations, by what became of them.
    pub quotes: Tally,
    /// Numbers, by what became of them.
    pub numbers: Tally,
    /// The class of the derived share.
    pub verdict: Verdict,
    /// The time budget ran out before the source map was finished: the
    /// shares by label come from a cheap containment estimate.
    pub estimated: bool,
}

/// The result of [`crate::compare()`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// Lossless ops in the reading order of the right text.
    pub ops: Vec<Op>,
    /// The left text's paragraphs and sentences.
    pub left: Structure<LeftLabel>,
    /// The right text's paragraphs and sentences.
    pub right: Structure<RightLabel>,
    /// Moved passages.
    pub moves: Vec<Move>,
    /// Changes that touch quotations, numbers and names.
    pub facts: Vec<Fact>,
    /// Every agency credit of the source and what became of it, then the
    /// credits the outlet added, in the order of their texts.
    pub credits: Vec<Credit>,
    /// Shares, counts and the verdict.
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
