//! # wirediff
//!
//! Shows, word by word, how a news outlet rewrote a wire story.
//!
//! The comparison runs as a pipeline; each step is one module:
//!
//! ```text
//! two texts
//!   → text::tokenize   words, numbers, punctuation, whitespace, line breaks (byte spans)
//!   → text::keys       what counts as equal: quotes, dashes, case, whitespace
//!                      normalised for matching only, never for display
//!   → align::words     minimal diff of the significant tokens (`similar`)
//!   → report::ops      lossless ops with spans in UTF-16 code units (for JS)
//! ```
//!
//! ## Lossless ops
//!
//! A [`Comparison`] is a list of [`Op`]s in the reading order of the right
//! (comparison) text. Every op carries a span into both texts; the spans are
//! half-open ranges in UTF-16 code units, the unit JavaScript strings index by.
//!
//! * The right spans of `equal`, `insert` and `replace` ops, in list order,
//!   tile the right text exactly: no gap, no overlap.
//! * The left spans of `equal`, `delete` and `replace` ops, sorted by start,
//!   tile the left text exactly.
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

pub mod align;
mod error;
mod options;
pub mod report;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::Error;
pub use options::Options;
pub use report::ops::{Comparison, Op, OpKind, Span};

/// Compares `left` (the source, e.g. the wire story) with `right` (the
/// version to examine).
pub fn compare(left: &str, right: &str, options: &Options) -> Result<Comparison, Error> {
    options.check_input("left", left)?;
    options.check_input("right", right)?;
    let deadline = options.deadline();
    let left_tokens = text::tokenize::tokenize(left);
    let right_tokens = text::tokenize::tokenize(right);
    let mut keys = text::keys::Keys::new(options);
    let left_atoms = keys.atoms(left, &left_tokens);
    let right_atoms = keys.atoms(right, &right_tokens);
    let diff = align::words::diff(&left_atoms, &right_atoms, deadline);
    let ops = report::ops::build(&left_atoms, &right_atoms, &diff.ops);
    Ok(Comparison::new(left, right, ops, diff.approximate))
}
