//! # wirediff
//!
//! Shows, word by word, how a news outlet rewrote a wire story.
//!
//! The comparison runs as a pipeline; each step is one module:
//!
//! ```text
//! two texts
//!   → text::tokenize      words, numbers, punctuation, whitespace, line breaks (byte spans)
//!   → text::keys          what counts as equal: quotes, dashes, case, whitespace
//!                         normalised for matching only, never for display
//!   → text::structure     paragraphs and sentences (units that tile the text)
//!   → text::boilerplate   Read also: lines, footers, page chrome, datelines, captions
//!   → align::matching     sentence matching: exact in order, exact out of order;
//!                         the source map (align::sourcemap over
//!                         align::features, candidates from align::fuzzy):
//!                         sources of reworded, merged and split sentences;
//!                         the in-order backbone; moves (align::sentences)
//!   → align::ops          lossless ops in the reading order of the right text,
//!                         from the word alignment of each sentence pair:
//!     align::words        minimal word diff (Myers)
//!     align::cleanup      semantic clean-up: phrase-level changes, no confetti
//!     align::refine       character-level detail of near-variant spellings
//!   → report::provenance  a label for every sentence
//!   → report::facts       quotes, numbers and names that changed
//!   → report::stats       shares, counts, the verdict
//!   → report              the result, spans converted to UTF-16 once
//! ```
//!
//! The modules form layers, and a layer uses only those before it in this
//! order: `vocab` and the helpers (`options`, `error`, `budget`, `order`,
//! `search`); `text`; `align`; `report` and `reuse` (candidate pairs in a
//! corpus, [`reuse`]); the entry points (`compare`,
//! `many`); the bindings (`wasm`, the CLI). No two modules import each
//! other, however indirectly; `tests/layers.rs` checks both.
//!
//! The budget is the one clock every step checks; past the time budget the
//! result is coarser, still lossless, and flagged `approximate`.
//!
//! ## Phases
//!
//! The steps are kept out of line (`#[inline(never)]`) where the compiler
//! would otherwise fold them into one function. In the browser a wasm
//! function runs in V8's baseline tier until it is hot, and is then
//! recompiled by the optimising tier in the background; with every phase
//! inlined, `compare` was one large function that the tier was long to
//! compile (node's `--trace-wasm-compilation-times` shows it), and small
//! comparisons ran slower until it had.
//!
//! ## Lossless ops
//!
//! A [`Comparison`] holds [`Op`]s in the reading order of the right
//! (comparison) text, with cut text placed where it stood. Spans are
//! half-open ranges in UTF-16 code units, the unit JavaScript strings index by.
//!
//! * The right spans of `equal`, `insert` and `replace` ops, in list order,
//!   tile the right text exactly: no gap, no overlap.
//! * The left spans of `equal`, `delete` and `replace` ops, sorted by start,
//!   tile the left text exactly.
//! * A `move` op marks the old place of a moved passage; the passage itself
//!   appears at its new place as ops carrying the same `move_id`.
//!
//! An `equal` op may join texts that differ only in what the [`Options`] tell
//! the matcher to ignore (curly against straight quotes, say); each side's own
//! text is always what its span points at.
//!
//! ```
//! let result = wirediff::compare("He said “no”.", "He said \"yes\".", &Default::default()).unwrap();
//! let kinds: Vec<_> = result.ops.iter().map(|op| op.kind).collect();
//! assert!(kinds.contains(&wirediff::OpKind::Replace));
//! ```

#![warn(missing_docs)]

mod align;
mod budget;
mod compare;
mod error;
mod hash;
pub mod input;
mod many;
mod options;
mod order;
#[cfg(all(feature = "python", not(target_arch = "wasm32")))]
mod python;
mod report;
pub mod reuse;
mod search;
mod text;
mod vocab;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use compare::compare;
pub use error::Error;
pub use many::compare_many;
pub use options::{Given, Options};
pub use report::redline;
pub use report::result::{
    Agency, Comparison, Credit, CreditStatus, Fact, FactChange, FactKind, ManyComparison, Move, Op,
    Sentence, Shared, SharedWords, Source, Span, Stats, Structure, Tally, Verdict,
};
pub use text::boilerplate::Rule as BoilerplateRule;
pub use vocab::{Label, LeftLabel, OpKind, RightLabel};

/// Parts of the engine that the crate's own tests hold equal to reference
/// implementations; not a stable API.
#[doc(hidden)]
pub mod internals {
    pub use crate::align::sourcemap::STRONG;
    pub use crate::text::tokenize::{Token, TokenKind, tokenize, tokenize_unicode};
    pub use crate::text::words::word_bounds;
}
