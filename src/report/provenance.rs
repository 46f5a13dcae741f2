//! Where each sentence came from.
//!
//! A sentence of the right text is
//!
//! * `verbatim`: matched, its keys equal its match's;
//! * `edited`: one source, and the words the two share in order (the word
//!   diff's equal runs) are at least [`EDITED_KEPT`] of the two sentences'
//!   words (a Dice coefficient of the kept words): word-level edits of one
//!   sentence, the criterion the one-to-one matcher used before the source
//!   map, so what was a rewritten pair stays an edit;
//! * `paraphrased`: any other sentence with a source link (the source map
//!   links only above its weak-link threshold, so a sentence sharing only a
//!   few common words is no paraphrase): reworded, merged or split;
//! * `new`: no link; or `boilerplate`.
//!
//! A left sentence is `kept`, `edited` or `paraphrased` after the most
//! faithful right sentence it feeds (verbatim, edited, paraphrased), `cut`
//! when it feeds none, or `boilerplate`. `overlap` is the share of the
//! sentence's words in runs of words shared with its sources. Its
//! `sources` are its links, with those runs.
//!
//! When the time budget ran out before the source map reached a sentence,
//! its label comes from the containment estimate
//! ([`crate::report::estimate`]) instead of `new`.

use rustc_hash::FxHashMap;

use crate::align::ops::Built;
use crate::align::sentences::Alignment;
use crate::report::result::{Sentence, SharedWords, Source, Span, Structure};
use crate::text::Side;
use crate::text::utf16::Utf16Index;
use crate::vocab::{LeftLabel, RightLabel, round4};

pub struct Labels {
    pub left: Vec<LeftLabel>,
    pub right: Vec<RightLabel>,
}

/// Least Dice coefficient of the words a sentence and its one source keep
/// in order, for `edited`: half of their words.
pub const EDITED_KEPT: f64 = 0.5;

#[inline(never)] // its own function in the wasm: see "Phases" in lib.rs
pub fn labels(
    left: &Side,
    right: &Side,
    alignment: &Alignment,
    built: &Built,
    estimated: &[Option<RightLabel>],
) -> Labels {
    let (lu, ru) = (&left.structure.units, &right.structure.units);
    // words in runs per link (left unit, right unit)
    let pair = |i: usize, j: usize| ((i as u64) << 32) | j as u64;
    let mut kept: FxHashMap<u64, u32> = FxHashMap::default();
    if !alignment.links.is_empty() {
        kept.reserve(built.runs.len());
        for run in &built.runs {
            *kept.entry(pair(run.left_unit, run.right_unit)).or_default() += run.words;
        }
    }
    let mut right_labels: Vec<RightLabel> = ru
        .iter()
        .map(|u| {
            if u.rule.is_some() {
                RightLabel::Boilerplate
            } else {
                RightLabel::New
            }
        })
        .collect();
    let mut at = 0;
    let links = &alignment.links;
    while at < links.len() {
        let j = links[at].right;
        let n = links[at..].iter().take_while(|k| k.right == j).count();
        let own = &links[at..at + n];
        at += n;
        if ru[j].rule.is_some() || !own[0].derived {
            continue;
        }
        let top = own[0];
        let in_order = kept.get(&pair(top.left, j)).copied().unwrap_or(0);
        right_labels[j] = if built.verbatim[j] && alignment.right_match[j] == Some(top.left) {
            RightLabel::Verbatim
        } else if n == 1
            && 2.0 * f64::from(in_order)
                >= EDITED_KEPT * f64::from(ru[j].words + lu[top.left].words)
        {
            RightLabel::Edited
        } else {
            RightLabel::Paraphrased
        };
    }
    for (j, label) in estimated.iter().enumerate() {
        if let Some(label) = label {
            right_labels[j] = *label;
        }
    }
    let rank = |l: RightLabel| match l {
        RightLabel::Verbatim => 3,
        RightLabel::Edited => 2,
        RightLabel::Paraphrased => 1,
        _ => 0,
    };
    let mut best = vec![0u8; lu.len()];
    for link in links.iter().filter(|k| k.derived) {
        best[link.left] = best[link.left].max(rank(right_labels[link.right]));
    }
    let left_labels = lu
        .iter()
        .zip(best)
        .map(|(unit, b)| match (unit.rule, b) {
            (Some(_), _) => LeftLabel::Boilerplate,
            (None, 3) => LeftLabel::Kept,
            (None, 2) => LeftLabel::Edited,
            (None, 1) => LeftLabel::Paraphrased,
            (None, _) => LeftLabel::Cut,
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
) -> Linked {
    let mut linked = Linked {
        left: vec![Vec::new(); nl],
        right: vec![Vec::new(); nr],
        left_words: vec![0; nl],
        right_words: vec![0; nr],
    };
    if alignment.links.is_empty() {
        return linked;
    }
    // runs by (right unit, left unit), in reading order of the right text
    let mut runs: Vec<usize> = (0..built.runs.len()).collect();
    // (stable passes by key: one sort in the wasm, see crate::order; in
    // reading order, the runs are in order of right unit already, and only
    // a right unit with several sources has runs to sort by left unit)
    sort_by_key(&mut runs, |&k| built.runs[k].right.start as u64);
    sort_by_key(&mut runs, |&k| built.runs[k].right_unit as u64);
    let unit = |k: usize| built.runs[k].right_unit;
    for group in runs.chunk_by_mut(|&a, &b| unit(a) == unit(b)) {
        sort_by_key(group, |&k| built.runs[k].left_unit as u64);
    }
    let words = |i: usize, j: usize| {
        let at = runs.partition_point(|&k| {
            let r = &built.runs[k];
            (r.right_unit, r.left_unit) < (j, i)
        });
        runs[at..]
            .iter()
            .map(|&k| &built.runs[k])
            .take_while(move |r| (r.right_unit, r.left_unit) == (j, i))
    };
    let spans = |i: usize, j: usize| -> Vec<SharedWords> {
        words(i, j)
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
        let n: u32 = words(link.left, link.right).map(|r| r.words).sum();
        linked.left_words[link.left] += n;
        linked.right_words[link.right] += n;
        let shared = spans(link.left, link.right);
        let mut by_left = shared.clone();
        sort_by_key(&mut by_left, |w| w.left.start as u64);
        linked.right[link.right].push(Source {
            sentence: link.left,
            score: round4(link.score),
            words: shared,
        });
        linked.left[link.left].push(Source {
            sentence: link.right,
            score: round4(link.score),
            words: by_left,
        });
    }
    for sources in linked.left.iter_mut() {
        // strongest first, then in reading order
        sort_by_key(sources, |x| crate::order::descending(x.score));
    }
    linked
}

/// [`crate::order::sort_by_key`], but only when `items` are out of order:
/// most lists here are of one item, or already in order (the runs of a
/// sentence pair in both texts' order), and sorting allocates. A short list
/// (a sentence's sources, a pair's runs) is sorted in place by insertion,
/// which allocates nothing and checks an ordered list in one pass.
fn sort_by_key<T>(items: &mut [T], key: impl Fn(&T) -> u64) {
    if items.len() <= SHORT {
        for i in 1..items.len() {
            let mut j = i;
            // strictly greater: equal keys keep their order
            while j > 0 && key(&items[j - 1]) > key(&items[j]) {
                items.swap(j - 1, j);
                j -= 1;
            }
        }
    } else if !items.is_sorted_by_key(&key) {
        crate::order::sort_by_key(items, key);
    }
}

/// The longest list [`sort_by_key`] sorts by insertion.
const SHORT: usize = 16;

/// Every sentence's sources, and its words in runs shared with them.
pub struct Linked {
    pub left: Vec<Vec<Source>>,
    pub right: Vec<Vec<Source>>,
    pub left_words: Vec<u32>,
    pub right_words: Vec<u32>,
}

/// One text's structure in the result's terms.
#[inline(never)] // its own function in the wasm: see "Phases" in lib.rs
pub fn structure<L: Copy>(
    side: &Side,
    index: &Utf16Index,
    labels: &[L],
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
                matched: sources.first().map(|s| s.sentence),
                overlap: match (unit.words, sources.is_empty()) {
                    (_, true) => 0.0,
                    (0, false) => 1.0,
                    (words, false) => round4(f64::from(shared[k]) / f64::from(words)).min(1.0),
                },
                move_id: (moves[k] != 0).then_some(moves[k]),
                boilerplate_rule: unit.rule,
                sources,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_short_sort_is_a_stable_sort() {
        for n in 0..40u64 {
            let items: Vec<(u64, u64)> = (0..n).map(|i| ((i * 7 + n) % 5, i)).collect();
            let mut sorted = items.clone();
            super::sort_by_key(&mut sorted, |x| x.0);
            let mut expected = items;
            expected.sort_by_key(|x| x.0);
            assert_eq!(sorted, expected);
        }
    }
}
