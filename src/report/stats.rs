//! Statistics and the verdict.
//!
//! Words are word and number tokens; boilerplate counts nowhere. The
//! verdict uses the METER corpus classes for reuse of wire copy, on
//! *derived* = `verbatimShare + editedShare + paraphrasedShare` (the share
//! of the right text's words in sentences that come from the left text,
//! paraphrase included):
//!
//! * `wholly derived`: derived ≥ [`WHOLLY`] (0.9): the wire is the only
//!   source, give or take a tenth of the words (a dateline, a line of
//!   context). Before the source map counted paraphrase this was 0.8: a
//!   rewritten lede then counted as not derived, which left room for it;
//!   now it counts, and a text with two fifths of a paragraph from other
//!   sources is partially derived in METER's terms;
//! * `partially derived`: derived ≥ [`PARTIALLY`] (0.2);
//! * `not derived`: below. A weak link (a sentence sharing a few topic
//!   words with the source) makes no sentence derived, so independent
//!   reports of the same event stay here.
//!
//! When the budget ran out before the source map was done, the labels of
//! the sentences it did not reach, and so the shares, are the containment
//! estimate's ([`crate::report::estimate`]); `estimated` says so.

use crate::align::ops::{Built, RawOp};
use crate::align::sentences::Alignment;
use crate::report::provenance::Labels;
use crate::report::result::{Shared, Span, Stats, Tally, Verdict};
use crate::search::partition_near;
use crate::text::Side;
use crate::text::tokenize::TokenKind;
use crate::text::utf16::Utf16Index;
use crate::vocab::{OpKind, RightLabel, round4};

/// Derived share from which a text is `wholly derived`.
pub const WHOLLY: f64 = 0.9;
/// Derived share from which a text is `partially derived`.
pub const PARTIALLY: f64 = 0.2;

pub struct Inputs<'x, 'a> {
    pub left: &'x Side<'a>,
    pub right: &'x Side<'a>,
    pub alignment: &'x Alignment,
    pub built: &'x Built,
    pub labels: &'x Labels,
    pub quotes: Tally,
    pub numbers: Tally,
    pub estimated: bool,
}

#[inline(never)] // its own function in the wasm: see "Phases" in lib.rs
pub fn compute(x: &Inputs, left16: &Utf16Index, right16: &Utf16Index) -> Stats {
    let (lu, ru) = (&x.left.structure.units, &x.right.structure.units);
    let left_words: u32 = lu
        .iter()
        .filter(|u| u.rule.is_none())
        .map(|u| u.words)
        .sum();
    let right_words: u32 = ru
        .iter()
        .filter(|u| u.rule.is_none())
        .map(|u| u.words)
        .sum();
    let by_label = |label: RightLabel| -> u32 {
        ru.iter()
            .zip(&x.labels.right)
            .filter(|(_, l)| **l == label)
            .map(|(u, _)| u.words)
            .sum()
    };
    let share = |n: u32, of: u32| {
        if of == 0 {
            0.0
        } else {
            round4(f64::from(n) / f64::from(of))
        }
    };
    let reused: u32 = ru
        .iter()
        .zip(&x.built.right_shared)
        .filter(|(u, _)| u.rule.is_none())
        .map(|(_, s)| s)
        .sum();
    let source_reused: u32 = lu
        .iter()
        .zip(&x.built.left_shared)
        .filter(|(u, _)| u.rule.is_none())
        .map(|(_, s)| s)
        .sum();
    let verbatim_share = share(by_label(RightLabel::Verbatim), right_words);
    let edited_share = share(by_label(RightLabel::Edited), right_words);
    let paraphrased_share = share(by_label(RightLabel::Paraphrased), right_words);
    // from the word counts, not the rounded shares, which may sum past 1
    let derived = share(
        by_label(RightLabel::Verbatim)
            + by_label(RightLabel::Edited)
            + by_label(RightLabel::Paraphrased),
        right_words,
    );
    let count = |kind: OpKind| -> u32 {
        x.built
            .ops
            .iter()
            .filter(|op| op.kind == kind && !op.boilerplate)
            .count() as u32
    };
    Stats {
        left_words,
        right_words,
        verbatim_share,
        edited_share,
        paraphrased_share,
        new_share: share(by_label(RightLabel::New), right_words),
        derived_share: derived,
        reused_share: share(reused, right_words),
        source_reused_share: share(source_reused, left_words),
        longest_shared: longest_shared(x, left16, right16),
        insertions: count(OpKind::Insert),
        deletions: count(OpKind::Delete),
        replacements: count(OpKind::Replace),
        moves: x.alignment.moves.len() as u32,
        quotes: x.quotes,
        numbers: x.numbers,
        verdict: if derived >= WHOLLY {
            Verdict::WhollyDerived
        } else if derived >= PARTIALLY {
            Verdict::PartiallyDerived
        } else {
            Verdict::NotDerived
        },
        estimated: x.estimated,
    }
}

/// The equal op (outside boilerplate) with the most words.
fn longest_shared(x: &Inputs, left16: &Utf16Index, right16: &Utf16Index) -> Option<Shared> {
    let atoms = &x.right.atoms;
    let mut near = 0;
    let mut best: Option<(u32, &RawOp)> = None;
    for op in &x.built.ops {
        if op.kind != OpKind::Equal || op.boilerplate {
            continue;
        }
        near = partition_near(atoms, near, |a| a.token().start < op.right.start);
        // the op's atoms and its words counted in one pass
        let mut n = 0u32;
        while let Some(a) = atoms.get(near).filter(|a| a.token().start < op.right.end) {
            n += u32::from(
                matches!(a.kind, TokenKind::Word | TokenKind::Number) && !a.token().is_empty(),
            );
            near += 1;
        }
        if n > 0 && best.is_none_or(|(b, _)| n > b) {
            best = Some((n, op));
        }
    }
    best.map(|(n, op)| Shared {
        words: n,
        left: Span {
            start: left16.at(op.left.start),
            end: left16.at(op.left.end),
        },
        right: Span {
            start: right16.at(op.right.start),
            end: right16.at(op.right.end),
        },
    })
}
