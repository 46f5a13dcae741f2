//! Character-level refinement of a near-variant spelling.
//!
//! A replacement of a few words by as many words, each a near-variant of
//! its counterpart (`Tsikhanouskaya` → `Tikhanovskaya`, `Svetlana` →
//! `Sviatlana`), gets a cluster-level diff ([`crate::text::clusters`]) so that the spelling change
//! itself is visible. Near-variant: [`similarity`] of at least
//! [`NEAR_VARIANT`].

use std::ops::Range;

use rustc_hash::FxHashMap;
use similar::{DiffOp, Instant};

use super::words::diff_keys;
use crate::text::clusters::clusters;

use crate::vocab::OpKind;

/// Similarity from which two words count as spellings of one another:
/// `Svetlana`/`Sviatlana` (0.82) are, `cave`/`give` (0.5) are not.
pub const NEAR_VARIANT: f64 = 0.6;
/// At most this many words on each side are refined.
pub const MAX_WORDS: usize = 3;
/// Words longer than this (in UTF-8 bytes) are not refined: no spelling is
/// that long, and interning the clusters of a megabyte "word" (a run with
/// no space) is linear work the deadline could not stop.
pub const MAX_WORD_BYTES: usize = 1_000;

/// Shared clusters (by a minimal diff) over all clusters, 2·m / (a + b).
/// Past `deadline` the diff stops refining, so the figure may be too low.
pub fn similarity(a: &str, b: &str, deadline: Instant) -> f64 {
    let mut ids = FxHashMap::default();
    let ga = cluster_ids(a, &mut ids);
    let gb = cluster_ids(b, &mut ids);
    if ga.is_empty() && gb.is_empty() {
        return 1.0;
    }
    let shared: usize = diff_keys(&ga, &gb, Some(deadline))
        .iter()
        .map(|op| match *op {
            DiffOp::Equal { len, .. } => len,
            _ => 0,
        })
        .sum();
    2.0 * shared as f64 / (ga.len() + gb.len()) as f64
}

/// Each cluster as an interned id (by a 64-bit hash of its text).
fn cluster_ids(text: &str, ids: &mut FxHashMap<u64, u32>) -> Vec<u32> {
    clusters(text)
        .map(|(_, g)| {
            let next = ids.len() as u32;
            *ids.entry(crate::hash::bytes(g.as_bytes())).or_insert(next)
        })
        .collect()
}

/// The cluster-level ops between `left[l]` and `right[r]`, with absolute
/// byte ranges; their left ranges tile `l`, their right ranges tile `r`
/// (past `deadline`, coarser ones).
pub fn parts(
    left: &str,
    l: Range<usize>,
    right: &str,
    r: Range<usize>,
    deadline: Instant,
) -> Vec<(OpKind, Range<usize>, Range<usize>)> {
    let ga: Vec<(usize, &str)> = clusters(&left[l.clone()]).collect();
    let gb: Vec<(usize, &str)> = clusters(&right[r.clone()]).collect();
    let mut ids = FxHashMap::default();
    let sa = cluster_ids(&left[l.clone()], &mut ids);
    let sb = cluster_ids(&right[r.clone()], &mut ids);
    let at = |g: &[(usize, &str)], base: usize, end: usize, i: usize| {
        g.get(i).map_or(end, |x| base + x.0)
    };
    let la = |i| at(&ga, l.start, l.end, i);
    let rb = |i| at(&gb, r.start, r.end, i);
    let mut out: Vec<(OpKind, Range<usize>, Range<usize>)> = Vec::new();
    for op in diff_keys(&sa, &sb, Some(deadline)) {
        let (kind, (o, ol), (n, nl)) = match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => (OpKind::Equal, (old_index, len), (new_index, len)),
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => (OpKind::Delete, (old_index, old_len), (new_index, 0)),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => (OpKind::Insert, (old_index, 0), (new_index, new_len)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (OpKind::Replace, (old_index, old_len), (new_index, new_len)),
        };
        let (lr, rr) = (la(o)..la(o + ol), rb(n)..rb(n + nl));
        match out.last_mut() {
            Some(last) if last.0 != OpKind::Equal && kind != OpKind::Equal => {
                last.0 = if last.0 == kind {
                    kind
                } else {
                    OpKind::Replace
                };
                last.1.end = lr.end;
                last.2.end = rr.end;
            }
            _ => out.push((kind, lr, rr)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::Budget;

    fn similar_enough(a: &str, b: &str) -> bool {
        similarity(a, b, Budget::new(60_000).deadline()) >= NEAR_VARIANT
    }

    #[test]
    fn transliterations_are_near_variants_and_other_words_are_not() {
        assert!(similar_enough("Tsikhanouskaya", "Tikhanovskaya"));
        assert!(similar_enough("Svetlana", "Sviatlana"));
        assert!(!similar_enough("heckled", "booed"));
        assert!(!similar_enough("no", "yes"));
        assert!(!similar_enough("cave", "give"));
    }

    #[test]
    fn parts_show_the_changed_letters() {
        let (a, b) = ("Svetlana", "Sviatlana");
        let p = parts(a, 0..a.len(), b, 0..b.len(), Budget::new(60_000).deadline());
        let shown: Vec<(OpKind, &str, &str)> = p
            .iter()
            .map(|(k, l, r)| (*k, &a[l.clone()], &b[r.clone()]))
            .collect();
        assert_eq!(
            shown,
            [
                (OpKind::Equal, "Sv", "Sv"),
                (OpKind::Replace, "e", "ia"),
                (OpKind::Equal, "tlana", "tlana")
            ]
        );
    }
}
