//! Where each sentence came from.
//!
//! Every sentence of the right text is `verbatim` (matched, and its keys
//! equal its match's), `rewritten` (matched otherwise), `new` (unmatched) or
//! `boilerplate`; every sentence of the left text `kept`, `rewritten`, `cut`
//! or `boilerplate`. `overlap` is the share of the sentence's words inside
//! equal ops of its word diff.

use crate::align::sentences::Alignment;
use crate::report::ops::Built;
use crate::report::result::{LeftLabel, RightLabel, Sentence, Span, Structure};
use crate::report::stats::round4;
use crate::text::Side;
use crate::text::utf16::Utf16Index;

pub struct Labels {
    pub left: Vec<LeftLabel>,
    pub right: Vec<RightLabel>,
}

#[inline(never)] // its own function in the wasm: see "Phases" in lib.rs
pub fn labels(left: &Side, right: &Side, alignment: &Alignment, built: &Built) -> Labels {
    let left_labels = left
        .structure
        .units
        .iter()
        .zip(&alignment.left_match)
        .map(|(unit, m)| match (unit.rule, m) {
            (Some(_), _) => LeftLabel::Boilerplate,
            (None, None) => LeftLabel::Cut,
            (None, Some(j)) if built.verbatim[*j] => LeftLabel::Kept,
            (None, Some(_)) => LeftLabel::Rewritten,
        })
        .collect();
    let right_labels = right
        .structure
        .units
        .iter()
        .enumerate()
        .map(|(j, unit)| match (unit.rule, alignment.right_match[j]) {
            (Some(_), _) => RightLabel::Boilerplate,
            (None, None) => RightLabel::New,
            (None, Some(_)) if built.verbatim[j] => RightLabel::Verbatim,
            (None, Some(_)) => RightLabel::Rewritten,
        })
        .collect();
    Labels {
        left: left_labels,
        right: right_labels,
    }
}

/// One text's structure in the result's terms.
#[inline(never)] // its own function in the wasm: see "Phases" in lib.rs
pub fn structure<L: Copy>(
    side: &Side,
    index: &Utf16Index,
    labels: &[L],
    matches: &[Option<usize>],
    shared: &[u32],
    moves: &[u32],
) -> Structure<L> {
    let span = |r: &std::ops::Range<usize>| Span {
        start: index.at(r.start),
        end: index.at(r.end),
    };
    Structure {
        paragraphs: side.structure.paragraphs.iter().map(span).collect(),
        sentences: side
            .structure
            .units
            .iter()
            .enumerate()
            .map(|(k, unit)| Sentence {
                span: span(&unit.bytes),
                paragraph: unit.paragraph,
                label: labels[k],
                matched: matches[k],
                overlap: match (unit.words, matches[k]) {
                    (_, None) => 0.0,
                    (0, Some(_)) => 1.0,
                    (words, Some(_)) => round4(f64::from(shared[k]) / f64::from(words)).min(1.0),
                },
                move_id: (moves[k] != 0).then_some(moves[k]),
                boilerplate_rule: unit.rule.map(|r| r.name()),
            })
            .collect(),
    }
}
