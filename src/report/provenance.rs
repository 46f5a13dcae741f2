//! Where each sentence came from.
//!
//! Every sentence of the right text is `verbatim` (matched, and its keys
//! equal its match's), `edited` (matched otherwise), `new` (unmatched) or
//! `boilerplate`; every sentence of the left text `kept`, `edited`, `cut`
//! or `boilerplate`. `overlap` is the share of the sentence's words inside
//! equal ops of its word diff. A sentence's `sources` are its links to the
//! other text, with the runs of shared words the word diff found.

use crate::align::sentences::Alignment;
use crate::report::ops::Built;
use crate::report::result::{
    LeftLabel, RightLabel, Sentence, SharedWords, Source, Span, Structure,
};
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
            (None, Some(_)) => LeftLabel::Edited,
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
            (None, Some(_)) => RightLabel::Edited,
        })
        .collect();
    Labels {
        left: left_labels,
        right: right_labels,
    }
}

/// The sources of every sentence: (left's, right's).
#[inline(never)] // its own function in the wasm: see "Phases" in lib.rs
pub fn sources(
    alignment: &Alignment,
    built: &Built,
    left16: &Utf16Index,
    right16: &Utf16Index,
    (nl, nr): (usize, usize),
) -> (Vec<Vec<Source>>, Vec<Vec<Source>>) {
    let (mut left, mut right) = (vec![Vec::new(); nl], vec![Vec::new(); nr]);
    if alignment.links.is_empty() {
        return (left, right);
    }
    // runs by (right unit, left unit), in reading order of the right text
    let mut runs: Vec<usize> = (0..built.runs.len()).collect();
    runs.sort_by_key(|&k| {
        let r = &built.runs[k];
        (r.right_unit, r.left_unit, r.right.start)
    });
    let words = |i: usize, j: usize| -> Vec<SharedWords> {
        let at = runs.partition_point(|&k| {
            let r = &built.runs[k];
            (r.right_unit, r.left_unit) < (j, i)
        });
        runs[at..]
            .iter()
            .map(|&k| &built.runs[k])
            .take_while(|r| (r.right_unit, r.left_unit) == (j, i))
            .map(|r| SharedWords {
                left: Span {
                    start: left16.at(r.left.start),
                    end: left16.at(r.left.end),
                },
                right: Span {
                    start: right16.at(r.right.start),
                    end: right16.at(r.right.end),
                },
            })
            .collect()
    };
    for link in &alignment.links {
        let shared = words(link.left, link.right);
        let mut by_left = shared.clone();
        by_left.sort_by_key(|w| w.left.start);
        right[link.right].push(Source {
            sentence: link.left,
            score: round4(link.score),
            words: shared,
        });
        left[link.left].push(Source {
            sentence: link.right,
            score: round4(link.score),
            words: by_left,
        });
    }
    for sources in left.iter_mut() {
        // strongest first, then in reading order
        sources.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.sentence.cmp(&b.sentence))
        });
    }
    (left, right)
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
    sources: Vec<Vec<Source>>,
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
            .zip(sources)
            .enumerate()
            .map(|(k, (unit, sources))| Sentence {
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
                sources,
            })
            .collect(),
    }
}
