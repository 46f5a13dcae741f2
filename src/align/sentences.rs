//! Sentence alignment: which unit of the right text comes from which unit
//! of the left, and which of those matches are moves.
//!
//! 1. Each unit gets a key: a hash of its significant token keys (and of
//!    whether it is boilerplate, so boilerplate only matches boilerplate).
//! 2. Exact matches in order: `similar`'s Myers diff over the unit keys,
//!    within the deadline.
//! 3. Exact matches out of order: a right unit still unmatched takes the
//!    first unmatched left unit with the same key.
//! 4. Fuzzy matches ([`fuzzy_pairs`]): candidates come from an inverted
//!    index over the unmatched left units' word keys, looked up by each right
//!    unit's rarest few keys in a capped window of postings near the
//!    expected place, so the work stays near-linear even on repetitive text;
//!    a pair scores the Dice coefficient of the two word multisets and is
//!    accepted at [`FUZZY_THRESHOLD`] or more, best pairs first, one to one.
//!    Steps 3 and 4 skip boilerplate.
//! 5. The heaviest increasing subsequence of the matched pairs (by right
//!    index, increasing on left index, weighted by words) is the in-order
//!    backbone; every other match is a move, unless it is boilerplate or
//!    shorter than [`MIN_MOVE_WORDS`] words (then both sides count as
//!    unmatched: "he said." never becomes a move). Consecutive moved units
//!    that are consecutive in both texts form one move.

use std::hash::Hasher;
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHasher};
use similar::DiffOp;

use crate::budget::{Budget, Ticker};
use crate::text::keys::{Atom, EMPTY};
use crate::text::structure::Unit;
use crate::text::tokenize::TokenKind;

/// Dice similarity at which two sentences count as one rewritten.
pub const FUZZY_THRESHOLD: f64 = 0.5;
/// Units shorter than this (in words) match only in order.
pub const MIN_MOVE_WORDS: u32 = 3;
/// How many of a unit's rarest keys look for candidates.
const RAREST_KEYS: usize = 4;
/// How many postings of one key are read, around the expected place.
const POSTING_WINDOW: usize = 32;
/// Scores are compared to a millionth.
const SCORE_SCALE: u64 = 1_000_000;
/// How many candidates (most shared rare keys first) are scored.
const CANDIDATES: usize = 8;

/// What the aligner knows of a unit.
#[derive(Debug, Clone)]
pub struct UnitKey<'a> {
    pub hash: u64,
    pub boilerplate: bool,
    pub words: u32,
    /// The unit's atoms, for its [`bag`](Self::bag).
    pub atoms: &'a [Atom],
}

impl<'a> UnitKey<'a> {
    pub fn new(unit: &Unit, atoms: &'a [Atom]) -> Self {
        let atoms = &atoms[unit.atoms.clone()];
        let mut hasher = FxHasher::default();
        hasher.write_u8(u8::from(unit.rule.is_some()));
        for atom in atoms.iter().filter(|a| a.key != EMPTY) {
            hasher.write_u32(atom.key);
        }
        UnitKey {
            hash: hasher.finish(),
            boilerplate: unit.rule.is_some(),
            words: unit.words,
            atoms,
        }
    }

    /// Adds the unit's word and number keys (its bag, a multiset, once
    /// sorted) to `out`. Only units left unmatched by the exact steps need
    /// one, so it is made on demand.
    fn bag_into(&self, out: &mut Vec<u32>) {
        out.extend(
            self.atoms
                .iter()
                .filter(|a| a.key != EMPTY && matches!(a.kind, TokenKind::Word | TokenKind::Number))
                .map(|a| a.key),
        );
    }

    /// Steps 3 and 4 consider it.
    fn loose(&self) -> bool {
        !self.boilerplate && self.words > 0
    }
}

/// A moved passage: units `left` of the left text stand as units `right`
/// of the right text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoveGroup {
    /// 1-based, so that it is never falsy in JavaScript.
    pub id: u32,
    pub left: Range<usize>,
    pub right: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Alignment {
    pub left_match: Vec<Option<usize>>,
    pub right_match: Vec<Option<usize>>,
    /// In-order pairs (left unit, right unit), increasing on both.
    pub backbone: Vec<(usize, usize)>,
    pub moves: Vec<MoveGroup>,
    /// Move id of each unit (0: not moved).
    pub left_move: Vec<u32>,
    pub right_move: Vec<u32>,
    /// Every source link, by right unit then strongest first.
    pub links: Vec<Link>,
}

/// Right unit `right` draws on left unit `left`: `score` (0..1) of its
/// content comes from there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub left: usize,
    pub right: usize,
    pub score: f64,
}

/// Aligns the units of two texts.
#[inline(never)] // its own function in the wasm: see "Phases" in lib.rs
pub fn align(left: &[UnitKey], right: &[UnitKey], budget: &Budget) -> Alignment {
    let mut left_match: Vec<Option<usize>> = vec![None; left.len()];
    let mut right_match: Vec<Option<usize>> = vec![None; right.len()];

    // 2. exact, in order
    let mut ids: FxHashMap<u64, u32> = FxHashMap::default();
    let mut id = |u: &UnitKey| {
        let next = ids.len() as u32;
        *ids.entry(u.hash).or_insert(next)
    };
    let lh: Vec<u32> = left.iter().map(&mut id).collect();
    let rh: Vec<u32> = right.iter().map(&mut id).collect();
    // A unit whose key the other text lacks can be in no common
    // subsequence: the diff runs over the others only (as GNU diff discards
    // lines without a match). The longest common subsequence is the same,
    // and the diff's cost, which grows with the units it must skip, falls
    // from quadratic to near linear on long rewrites.
    let (mut in_left, mut in_right) = (vec![false; ids.len()], vec![false; ids.len()]);
    lh.iter().for_each(|&k| in_left[k as usize] = true);
    rh.iter().for_each(|&k| in_right[k as usize] = true);
    let shared = |keys: &[u32], other: &[bool]| -> (Vec<u32>, Vec<usize>) {
        keys.iter()
            .enumerate()
            .filter(|&(_, &k)| other[k as usize])
            .map(|(i, &k)| (k, i))
            .unzip()
    };
    let (lk, li) = shared(&lh, &in_right);
    let (rk, ri) = shared(&rh, &in_left);
    let bounded = budget.spent() || lk.len() + rk.len() > super::words::WITHOUT_DEADLINE;
    let diff = super::words::diff_keys(&lk, &rk, bounded.then(|| budget.deadline()));
    for op in &diff {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = *op
        {
            for k in 0..len {
                let (i, j) = (li[old_index + k], ri[new_index + k]);
                left_match[i] = Some(j);
                right_match[j] = Some(i);
            }
        }
    }
    if budget.expired() {
        // The diff may have stopped short, and steps 3 and 4 are skipped.
        budget.degrade();
    } else {
        // 3. exact, out of order: each right unit takes the first free left
        // unit with its key
        let free_left = (0..left.len()).filter(|&i| left_match[i].is_none() && left[i].loose());
        let mut by_id = Groups::new(ids.len(), free_left.map(|i| (lh[i], i as u32)));
        for (j, unit) in right.iter().enumerate() {
            if right_match[j].is_none()
                && unit.loose()
                && let Some(i) = by_id.take(rh[j])
            {
                let i = i as usize;
                left_match[i] = Some(j);
                right_match[j] = Some(i);
            }
        }
        // 4. fuzzy
        let (lbags, rbags) = (
            Bags::free(left, &left_match),
            Bags::free(right, &right_match),
        );
        let pairs = fuzzy_pairs(&lbags.refs(), &rbags.refs(), FUZZY_THRESHOLD, budget);
        for (i, j) in pairs {
            left_match[i] = Some(j);
            right_match[j] = Some(i);
        }
    }

    // 5. backbone and moves
    let pairs: Vec<(usize, usize, u64)> = right_match
        .iter()
        .enumerate()
        .filter_map(|(j, m)| m.map(|i| (j, i, u64::from(right[j].words) + 1)))
        .collect();
    let in_backbone = heaviest_increasing(&pairs, left.len());
    let mut alignment = Alignment {
        left_move: vec![0; left.len()],
        right_move: vec![0; right.len()],
        ..Alignment::default()
    };
    for (&(j, i, _), &kept) in pairs.iter().zip(&in_backbone) {
        if kept {
            alignment.backbone.push((i, j));
            continue;
        }
        if right[j].boilerplate || right[j].words < MIN_MOVE_WORDS {
            // Boilerplate or a short sentence out of place is not worth a
            // move: cut and added.
            left_match[i] = None;
            right_match[j] = None;
            continue;
        }
        match alignment.moves.last_mut() {
            Some(m) if m.right.end == j && m.left.end == i => {
                m.left.end += 1;
                m.right.end += 1;
            }
            _ => {
                let id = alignment.moves.len() as u32 + 1;
                alignment.moves.push(MoveGroup {
                    id,
                    left: i..i + 1,
                    right: j..j + 1,
                });
            }
        }
        let id = alignment.moves.last().map_or(0, |m| m.id);
        alignment.left_move[i] = id;
        alignment.right_move[j] = id;
    }
    alignment.links = right_match
        .iter()
        .enumerate()
        .filter_map(|(j, m)| m.map(|i| (i, j)))
        .map(|(i, j)| {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            left[i].bag_into(&mut a);
            right[j].bag_into(&mut b);
            a.sort_unstable();
            b.sort_unstable();
            Link {
                left: i,
                right: j,
                score: dice(&a, &b),
            }
        })
        .collect();
    alignment.left_match = left_match;
    alignment.right_match = right_match;
    alignment
}

/// Values grouped by a dense key (0..keys), each group in the order given,
/// in two allocations (a vector per key was an allocation per key).
struct Groups {
    starts: Vec<u32>,
    items: Vec<u32>,
    /// The next item [`take`](Self::take) gives, per key.
    next: Vec<u32>,
}

impl Groups {
    fn new(keys: usize, entries: impl Iterator<Item = (u32, u32)> + Clone) -> Self {
        let mut starts = vec![0u32; keys + 1];
        for (key, _) in entries.clone() {
            starts[key as usize + 1] += 1;
        }
        for k in 0..keys {
            starts[k + 1] += starts[k];
        }
        let mut next = starts[..keys].to_vec();
        let mut items = vec![0u32; starts[keys] as usize];
        for (key, value) in entries {
            items[next[key as usize] as usize] = value;
            next[key as usize] += 1;
        }
        next.copy_from_slice(&starts[..keys]);
        Groups {
            starts,
            items,
            next,
        }
    }

    /// The values of `key` (none past the last key).
    fn get(&self, key: u32) -> &[u32] {
        match self.starts.get(key as usize..key as usize + 2) {
            Some(&[a, b]) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The first value of `key` not taken yet.
    fn take(&mut self, key: u32) -> Option<u32> {
        let k = key as usize;
        let at = *self.next.get(k)?;
        (at < self.starts[k + 1]).then(|| {
            self.next[k] += 1;
            self.items[at as usize]
        })
    }
}

/// The bags of the units still unmatched, in one buffer.
struct Bags {
    units: Vec<usize>,
    ends: Vec<usize>,
    keys: Vec<u32>,
}

impl Bags {
    fn free(units: &[UnitKey], matched: &[Option<usize>]) -> Self {
        let mut bags = Bags {
            units: Vec::new(),
            ends: Vec::new(),
            keys: Vec::new(),
        };
        for (i, unit) in units.iter().enumerate() {
            if matched[i].is_none() && unit.loose() {
                let start = bags.keys.len();
                unit.bag_into(&mut bags.keys);
                bags.keys[start..].sort_unstable();
                bags.units.push(i);
                bags.ends.push(bags.keys.len());
            }
        }
        bags
    }

    fn refs(&self) -> Vec<(usize, &[u32])> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        self.units
            .iter()
            .zip(starts.zip(&self.ends))
            .map(|(&i, (a, &b))| (i, &self.keys[a..b]))
            .collect()
    }
}

/// The Dice coefficient of two sorted multisets.
pub fn dice(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// One-to-one pairs `(left id, right id)` of bags (sorted key multisets)
/// whose [`dice`] is at least `threshold`, the best pairs first. Past the
/// deadline the search stops with what it has (and degrades the budget).
pub fn fuzzy_pairs(
    left: &[(usize, &[u32])],
    right: &[(usize, &[u32])],
    threshold: f64,
    budget: &Budget,
) -> Vec<(usize, usize)> {
    if left.is_empty() || right.is_empty() {
        return Vec::new();
    }
    // Keys are interned ids, dense from 0: the index is a vector.
    let keys = left
        .iter()
        .flat_map(|(_, bag)| bag.last())
        .max()
        .map_or(0, |&k| k as usize + 1);
    // each left bag's distinct keys (bags are sorted)
    let distinct = left.iter().enumerate().flat_map(|(pos, (_, bag))| {
        let firsts = bag
            .iter()
            .enumerate()
            .filter(|&(k, &key)| k == 0 || bag[k - 1] != key);
        firsts.map(move |(_, &key)| (key, pos as u32))
    });
    let postings = Groups::new(keys, distinct);
    let posting = |key: u32| Some(postings.get(key)).filter(|p| !p.is_empty());
    let mut ticker = Ticker::new(budget);
    let mut scored: Vec<(u64, usize, usize)> = Vec::new();
    // Sort keys are packed into u64s: fewer sort instantiations in the wasm.
    let mut rare: Vec<u64> = Vec::new();
    let mut hits: Vec<u64> = Vec::new();
    let mut counted: Vec<(u32, u32)> = Vec::new();
    let mut ranked: Vec<u64> = Vec::new();
    for (rpos, &(rid, bag)) in right.iter().enumerate() {
        if ticker.expired() {
            budget.degrade();
            break;
        }
        rare.clear();
        let mut last = None;
        for &key in bag {
            if last != Some(key) {
                last = Some(key);
                if let Some(p) = posting(key) {
                    rare.push(((p.len() as u64) << 32) | u64::from(key));
                }
            }
        }
        rare.sort_unstable();
        let expected = (rpos * left.len() / right.len()) as u32;
        hits.clear();
        for &packed in rare.iter().take(RAREST_KEYS) {
            let p = postings.get(packed as u32);
            let at = p.partition_point(|&x| x < expected);
            let end = (at + POSTING_WINDOW / 2).max(POSTING_WINDOW).min(p.len());
            let start = end.saturating_sub(POSTING_WINDOW);
            hits.extend(p[start..end].iter().map(|&x| u64::from(x)));
        }
        hits.sort_unstable();
        counted.clear();
        for &h in &hits {
            match counted.last_mut() {
                Some((pos, n)) if u64::from(*pos) == h => *n += 1,
                _ => counted.push((h as u32, 1)),
            }
        }
        // Most shared rare keys first, then nearest the expected place.
        const LOW: u64 = (1 << 30) - 1;
        ranked.clear();
        ranked.extend(counted.iter().map(|&(pos, n)| {
            let distance = u64::from(pos.abs_diff(expected)).min(LOW);
            (u64::from(RAREST_KEYS as u32 - n) << 60) | (distance << 30) | (u64::from(pos) & LOW)
        }));
        ranked.sort_unstable();
        for &packed in ranked.iter().take(CANDIDATES) {
            let (lid, lbag) = left[(packed & LOW) as usize];
            let (a, b) = (lbag.len().min(bag.len()), lbag.len() + bag.len());
            if 2.0 * a as f64 / (b as f64) < threshold {
                continue;
            }
            let score = dice(lbag, bag);
            if score >= threshold {
                // best first: the score to a millionth, inverted
                let inverse = SCORE_SCALE - (score * SCORE_SCALE as f64) as u64;
                scored.push((inverse, rid, lid));
            }
        }
    }
    let mut left_used = vec![false; left.iter().map(|l| l.0 + 1).max().unwrap_or(0)];
    let mut right_used = vec![false; right.iter().map(|r| r.0 + 1).max().unwrap_or(0)];
    let mut out = Vec::new();
    for k in crate::order::by_key(scored.iter().map(|s| s.0)) {
        let (_, rid, lid) = scored[k];
        if left_used[lid] || right_used[rid] {
            continue;
        }
        left_used[lid] = true;
        right_used[rid] = true;
        out.push((lid, rid));
    }
    out
}

/// Marks the pairs `(right, left, weight)` (sorted by right) of the
/// heaviest subsequence increasing on left, in O(n log n) with a Fenwick
/// tree of prefix maxima.
fn heaviest_increasing(pairs: &[(usize, usize, u64)], left_len: usize) -> Vec<bool> {
    let mut tree: Vec<(u64, usize)> = vec![(0, usize::MAX); left_len + 1];
    let mut best = vec![0u64; pairs.len()];
    let mut parent = vec![usize::MAX; pairs.len()];
    for (k, &(_, l, w)) in pairs.iter().enumerate() {
        // max over left indices < l
        let (mut at, mut top) = (l, (0u64, usize::MAX));
        while at > 0 {
            if tree[at].0 > top.0 {
                top = tree[at];
            }
            at &= at - 1;
        }
        best[k] = top.0 + w;
        parent[k] = top.1;
        let mut at = l + 1;
        while at <= left_len {
            if best[k] > tree[at].0 {
                tree[at] = (best[k], k);
            }
            at += at & at.wrapping_neg();
        }
    }
    let mut keep = vec![false; pairs.len()];
    let mut end = (0..pairs.len()).fold(None, |acc: Option<usize>, k| match acc {
        Some(a) if best[a] >= best[k] => Some(a),
        _ => Some(k),
    });
    while let Some(k) = end {
        keep[k] = true;
        end = (parent[k] != usize::MAX).then_some(parent[k]);
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Word atoms with these keys (their places do not matter here).
    fn words(keys: &[u32]) -> Vec<Atom> {
        let word = |key| Atom::new(key, 0..1, 1, TokenKind::Word);
        keys.iter().copied().map(word).collect()
    }

    fn key(hash: u64, atoms: &[Atom]) -> UnitKey<'_> {
        UnitKey {
            hash,
            boilerplate: false,
            words: atoms.len() as u32,
            atoms,
        }
    }

    #[test]
    fn dice_counts_shared_keys_as_multisets() {
        assert_eq!(dice(&[1, 2, 3], &[1, 2, 3]), 1.0);
        assert_eq!(dice(&[1, 1, 2], &[1, 2, 2]), 2.0 * 2.0 / 6.0);
        assert_eq!(dice(&[1], &[2]), 0.0);
    }

    #[test]
    fn the_heaviest_in_order_chain_wins() {
        // right 0..3 matched to left 2, 0, 1: the chain 0, 1 outweighs 2
        let keep = heaviest_increasing(&[(0, 2, 1), (1, 0, 1), (2, 1, 1)], 3);
        assert_eq!(keep, [false, true, true]);
        // unless the moved unit is heavier
        let keep = heaviest_increasing(&[(0, 2, 10), (1, 0, 1), (2, 1, 1)], 3);
        assert_eq!(keep, [true, false, false]);
    }

    #[test]
    fn a_swapped_paragraph_is_one_move_and_a_reworded_unit_matches() {
        let budget = Budget::new(10_000);
        let atoms = [
            words(&[10, 11, 12, 13]),
            words(&[20, 21, 22, 23]),
            words(&[30, 31, 32, 33]),
            words(&[40, 41, 42, 43]),
            words(&[30, 31, 32, 99]),
        ];
        let a = key(1, &atoms[0]);
        let b = key(2, &atoms[1]);
        let c = key(3, &atoms[2]);
        let d = key(4, &atoms[3]);
        let c2 = key(5, &atoms[4]);
        let alignment = align(
            &[a.clone(), b.clone(), c.clone(), d.clone()],
            &[c2, d, a, b],
            &budget,
        );
        assert_eq!(alignment.right_match, [Some(2), Some(3), Some(0), Some(1)]);
        assert_eq!(alignment.moves.len(), 1);
        assert_eq!(alignment.moves[0].left.len(), 2);
    }
}
