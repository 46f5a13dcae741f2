//! The fuzzy matcher: one-to-one pairs of bags of keys (a sentence's or a
//! quotation's words) that are alike by their Dice coefficient, found
//! through posting lists of each bag's rarest keys rather than by comparing
//! every pair. The sentence matcher ([`super::matching`]), the source map
//! ([`super::sourcemap`]) and the facts of the report look candidates up
//! the same way.

use crate::budget::{Budget, Ticker};

/// How many of a unit's rarest keys look for candidates.
const RAREST_KEYS: usize = 4;
/// How many postings of one key are read, around the expected place.
pub(crate) const POSTING_WINDOW: usize = 32;
/// Scores are compared to a millionth.
const SCORE_SCALE: u64 = 1_000_000;
/// The unit of a [`Groups::ranked`] candidate: its low 30 bits.
pub(crate) const UNIT: u64 = (1 << 30) - 1;
/// How many candidates (most shared rare keys first) are scored.
const CANDIDATES: usize = 8;

/// Values grouped by a dense key (0..keys), each group in the order given,
/// in two allocations (a vector per key was an allocation per key).
pub(crate) struct Groups {
    starts: Vec<u32>,
    items: Vec<u32>,
    /// The next item [`take`](Self::take) gives, per key.
    next: Vec<u32>,
    /// Hits per value in [`ranked`](Self::ranked), all 0 between calls: a
    /// count per value instead of sorting the hits.
    counts: Vec<u8>,
}

impl Groups {
    pub(crate) fn new(keys: usize, entries: impl Iterator<Item = (u32, u32)> + Clone) -> Self {
        let mut starts = vec![0u32; keys + 1];
        let mut values = 0;
        for (key, value) in entries.clone() {
            starts[key as usize + 1] += 1;
            values = values.max(value as usize + 1);
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
            counts: vec![0; values],
        }
    }

    /// The values of `key` (none past the last key).
    pub(crate) fn get(&self, key: u32) -> &[u32] {
        match self.starts.get(key as usize..key as usize + 2) {
            Some(&[a, b]) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The candidates of a lookup ([`fuzzy_pairs`] and the source map):
    /// the values (units) found most often among the windows of
    /// [`POSTING_WINDOW`] postings around `expected` of the `rarest` first
    /// keys of `rare` (packed `posting count << 32 | key`, reordered here),
    /// nearest `expected` first on ties, into `ranked` packed as
    /// `misses << 60 | distance << 30 | unit` (the unit is the low 30 bits):
    /// the first `keep` of them, all a caller reads.
    #[inline(never)]
    pub(crate) fn ranked(
        &mut self,
        rare: &mut [u64],
        rarest: usize,
        expected: u32,
        keep: usize,
        ranked: &mut Vec<u64>,
    ) {
        let looked_up = keep_smallest(rare, rarest);
        // the distinct values hit, in `ranked`; how often, in `counts` (a
        // value is in a key's postings once, so at most `rarest` times)
        ranked.clear();
        for &packed in &rare[..looked_up] {
            let key = packed as u32 as usize;
            let p = &self.items[self.starts[key] as usize..self.starts[key + 1] as usize];
            // a window holds all of a short list (no search needed)
            let (start, end) = if p.len() <= POSTING_WINDOW {
                (0, p.len())
            } else {
                let at = p.partition_point(|&x| x < expected);
                let end = (at + POSTING_WINDOW / 2).max(POSTING_WINDOW).min(p.len());
                (end - POSTING_WINDOW, end)
            };
            for &x in &p[start..end] {
                let count = &mut self.counts[x as usize];
                if *count == 0 {
                    ranked.push(u64::from(x));
                }
                *count += 1;
            }
        }
        for packed in ranked.iter_mut() {
            let pos = *packed;
            let count = std::mem::take(&mut self.counts[pos as usize]);
            let distance = pos.abs_diff(u64::from(expected)).min(UNIT);
            *packed = ((rarest - usize::from(count)) as u64) << 60 | distance << 30 | (pos & UNIT);
        }
        let kept = keep_smallest(ranked, keep);
        ranked.truncate(kept);
    }

    /// The first value of `key` not taken yet.
    pub(crate) fn take(&mut self, key: u32) -> Option<u32> {
        let k = key as usize;
        let at = *self.next.get(k)?;
        (at < self.starts[k + 1]).then(|| {
            self.next[k] += 1;
            self.items[at as usize]
        })
    }
}

/// Moves the `k` smallest of `values` to its front, sorted, and returns
/// how many there are (`k`, or fewer when `values` is shorter): what sorting
/// it all and reading the first `k` gives, by insertion into the `k` kept
/// so far, linear in `values` for the few that lookups keep.
fn keep_smallest(values: &mut [u64], k: usize) -> usize {
    let mut n = 0;
    for i in 0..values.len() {
        // values[..n] are the smallest so far, sorted; n <= i
        let x = values[i];
        if n == k {
            if k == 0 || x >= values[k - 1] {
                continue;
            }
            n -= 1;
        }
        let mut at = n;
        while at > 0 && values[at - 1] > x {
            values[at] = values[at - 1];
            at -= 1;
        }
        values[at] = x;
        n += 1;
    }
    n
}

/// The Dice coefficient of two sorted multisets.
pub(crate) fn dice(a: &[u32], b: &[u32]) -> f64 {
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
pub(crate) fn fuzzy_pairs(
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
    let mut postings = Groups::new(keys, distinct);
    let mut ticker = Ticker::new(budget);
    let mut scored: Vec<(u64, usize, usize)> = Vec::new();
    // Sort keys are packed into u64s: fewer sort instantiations in the wasm.
    let mut rare: Vec<u64> = Vec::new();
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
                let p = postings.get(key);
                if !p.is_empty() {
                    rare.push(((p.len() as u64) << 32) | u64::from(key));
                }
            }
        }
        let expected = (rpos * left.len() / right.len()) as u32;
        postings.ranked(&mut rare, RAREST_KEYS, expected, CANDIDATES, &mut ranked);
        for &packed in &ranked {
            let (lid, lbag) = left[(packed & UNIT) as usize];
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_smallest_are_kept_in_order() {
        for k in [0, 1, 3, 8, 20] {
            let values: Vec<u64> = (0..17).map(|x| (x * 7919) % 31).collect();
            let mut sorted = values.clone();
            sorted.sort_unstable();
            sorted.truncate(k);
            let mut kept = values.clone();
            let n = keep_smallest(&mut kept, k);
            assert_eq!(kept[..n], sorted[..], "k = {k}");
        }
    }

    #[test]
    fn dice_counts_shared_keys_as_multisets() {
        assert_eq!(dice(&[1, 2, 3], &[1, 2, 3]), 1.0);
        assert_eq!(dice(&[1, 1, 2], &[1, 2, 2]), 2.0 * 2.0 / 6.0);
        assert_eq!(dice(&[1], &[2]), 0.0);
    }
}
