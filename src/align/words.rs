//! The minimal word diff of one sentence pair, by atom key (Myers), within
//! the deadline. Whitespace rides along with the atom before it, so it
//! never drives the alignment.
//!
//! The one search of the crate is [`Myers`], on `u32` keys. On the inputs
//! of nearly every word diff ([`Myers::fits`]) it is `similar`'s raw
//! search, op for op (the tests hold it to that). On larger ones (the
//! sentence keys of long texts) it keeps the same search but, as Git's
//! xdiff and `similar`'s default entry point do, stops a middle-snake search
//! that has cost more than [`cost_bound`] and splits where it got furthest:
//! still a valid diff of both inputs, sometimes not the shortest. Without
//! the bound a long rewrite's sentence diff cost four times as much; with
//! `similar`'s own bounded search beside the plain one, the wasm carried two
//! copies of it.

use std::convert::Infallible;
use std::ops::Range;

use similar::algorithms::{DiffHook, Replace};
use similar::{DiffOp, Instant};

use crate::text::keys::Atom;

/// Diffs of at most this many keys in all run without a deadline: Myers
/// takes at most (n + m)² steps, which stays small, and reading the clock
/// (a call out to JS in the browser) costs more than the diff on most
/// pairs.
pub const WITHOUT_DEADLINE: usize = 512;

/// Diffs `left` against `right` by atom key, with `myers` and its buffers;
/// past `deadline` it stops refining and the ops, still covering both, are
/// coarser.
pub fn diff(
    left: &[Atom],
    right: &[Atom],
    deadline: Option<Instant>,
    myers: &mut Myers,
) -> Vec<DiffOp> {
    let (mut lk, mut rk) = (
        std::mem::take(&mut myers.left),
        std::mem::take(&mut myers.right),
    );
    lk.clear();
    lk.extend(left.iter().map(|a| a.key));
    rk.clear();
    rk.extend(right.iter().map(|a| a.key));
    let mut out = Vec::new();
    myers.diff(&lk, &rk, (0, 0), deadline, &mut out);
    (myers.left, myers.right) = (lk, rk);
    out
}

/// The one diff of the crate: Myers over `u32` keys, adjacent deletions
/// and insertions joined into replacements; the clean-up in
/// [`super::cleanup`] does the rest.
pub fn diff_keys(left: &[u32], right: &[u32], deadline: Option<Instant>) -> Vec<DiffOp> {
    let mut out = Vec::new();
    Myers::default().diff(left, right, (0, 0), deadline, &mut out);
    out
}

/// `similar`'s raw Myers, the reference [`Myers`] is held equal to.
#[cfg(test)]
fn similar_keys(left: &[u32], right: &[u32], deadline: Option<Instant>) -> Vec<DiffOp> {
    use similar::algorithms::{Capture, myers};
    let mut hook = Replace::new(Capture::new());
    let Ok(()) = myers::diff_deadline_raw(
        &mut hook,
        left,
        0..left.len(),
        right,
        0..right.len(),
        deadline,
    );
    hook.into_inner().into_ops()
}

/// Larger side from which `similar` may switch to its exact small-side
/// search, which splits differently.
const SMALL_SIDE_LARGE: usize = 512;
/// Length both sides must pass for `similar` to peel a long shared run off
/// the front first.
const ANCHOR_SIDES: usize = 96;
/// Most key comparisons [`Myers::chain`] makes.
const CHAIN_WORK: usize = 2048;
/// Diagonals the search steps over between two reads of the clock: a read
/// is a call out to `performance.now()` in the browser.
const CLOCK_WORK: usize = 1 << 14;

/// Steps of one middle-snake search on inputs that do not
/// [`Myers::fits`] after which it splits where it got furthest:
/// `similar`'s and xdiff's bound, the square root of the inputs' length and
/// no less than 256, so that a diff of `n` keys costs about `n^1.5` at most
/// and a diff with a few hundred edits is still exact.
fn cost_bound(n: usize, m: usize) -> usize {
    (n + m).isqrt().max(256)
}

/// Myers' divide and conquer on middle snakes, with the search vectors kept
/// across diffs and the ops pushed straight to the caller's list (most word
/// diffs are of a few words, where allocations cost as much as the
/// search). On inputs that [`fits`](Self::fits) it is `similar`'s raw
/// search, whose shortcuts that change the split never apply there, and
/// runs without reading the clock; on larger ones it is bounded by the
/// deadline and by [`cost_bound`].
#[derive(Default)]
pub struct Myers {
    /// Furthest x on each diagonal, forward and backward, by diagonal +
    /// `offset`.
    vf: Vec<usize>,
    vb: Vec<usize>,
    offset: isize,
    /// The pairs of [`Myers::chain`].
    pairs: Vec<(usize, usize)>,
    /// The keys of [`diff`]'s atoms.
    left: Vec<u32>,
    right: Vec<u32>,
    /// The deadline of the diff under way, on large inputs only.
    deadline: Option<Instant>,
    /// Diagonals stepped over since the clock was read.
    work: usize,
    /// The deadline has passed: what is left is one change.
    expired: bool,
    /// The diff under way is bounded by [`cost_bound`].
    bounded: bool,
}

impl Myers {
    /// `similar` takes the plain search on `left` against `right`: no side
    /// is large enough for its small-side search, and one side is too short
    /// for its front anchors; sub-diffs are no larger.
    pub fn fits(left: &[u32], right: &[u32]) -> bool {
        left.len().max(right.len()) < SMALL_SIDE_LARGE
            && left.len().min(right.len()) <= ANCHOR_SIDES
    }

    /// Appends the ops of `left` against `right` to `out`, with `at` added
    /// to their (left, right) indices.
    pub fn diff(
        &mut self,
        left: &[u32],
        right: &[u32],
        at: (usize, usize),
        deadline: Option<Instant>,
        out: &mut Vec<DiffOp>,
    ) {
        self.bounded = !Self::fits(left, right);
        self.deadline = deadline.filter(|_| self.bounded);
        (self.work, self.expired) = (0, false);
        let mut hook = Replace::new(Push { out, at });
        let d = max_d(left.len(), right.len());
        if self.vf.len() < 2 * d + 1 {
            self.vf.resize(2 * d + 1, 0);
            self.vb.resize(2 * d + 1, 0);
        }
        self.offset = ((self.vf.len() - 1) / 2) as isize;
        self.conquer(&mut hook, left, 0..left.len(), right, 0..right.len());
        let Ok(()) = hook.finish();
    }

    /// `similar`'s `conquer` in its raw mode.
    fn conquer(
        &mut self,
        hook: &mut Replace<Push>,
        old: &[u32],
        mut o: Range<usize>,
        new: &[u32],
        mut n: Range<usize>,
    ) {
        let prefix = prefix(&old[o.clone()], &new[n.clone()]);
        if prefix > 0 {
            let Ok(()) = hook.equal(o.start, n.start, prefix);
        }
        o.start += prefix;
        n.start += prefix;
        let suffix = suffix(&old[o.clone()], &new[n.clone()]);
        o.end -= suffix;
        n.end -= suffix;
        let Ok(()) = if o.is_empty() && n.is_empty() {
            Ok(())
        } else if n.is_empty() {
            hook.delete(o.start, o.len(), n.start)
        } else if o.is_empty() {
            hook.insert(o.start, n.start, n.len())
        } else if let Some(pairs) = self.chain(&old[o.clone()], &new[n.clone()]) {
            // The only longest common subsequence: the search would keep
            // these pairs, and the hook joins whatever deletions and
            // insertions it emits between them into the same ops.
            let (mut oi, mut nj) = (o.start, n.start);
            for &(i, j) in &pairs {
                let (i, j) = (o.start + i, n.start + j);
                changed(hook, oi..i, nj..j);
                let Ok(()) = hook.equal(i, j, 1);
                (oi, nj) = (i + 1, j + 1);
            }
            changed(hook, oi..o.end, nj..n.end);
            self.pairs = pairs;
            Ok(())
        } else if let Some((x, y)) = self.middle_snake(&old[o.clone()], &new[n.clone()]) {
            self.conquer(hook, old, o.start..o.start + x, new, n.start..n.start + y);
            self.conquer(hook, old, o.start + x..o.end, new, n.start + y..n.end);
            Ok(())
        } else {
            // past the deadline
            changed(hook, o.clone(), n.clone());
            Ok(())
        };
        if suffix > 0 {
            let Ok(()) = hook.equal(o.end, n.end, suffix);
        }
    }

    /// The places where `old` and `new` hold the same key, in order, when
    /// each is after the one before on both sides (the one longest common
    /// subsequence); none when two cross or share a place, or when
    /// comparing every key with every other would cost more than a search
    /// usually does. A 128-bit filter of `new`'s keys passes over most
    /// keys of `old` that it lacks.
    fn chain(&mut self, old: &[u32], new: &[u32]) -> Option<Vec<(usize, usize)>> {
        if old.len() * new.len() > CHAIN_WORK {
            return None;
        }
        let bit = |k: u32| 1u128 << (k & 127);
        let filter = new.iter().fold(0, |f, &k| f | bit(k));
        let mut pairs = std::mem::take(&mut self.pairs);
        pairs.clear();
        for (i, &k) in old.iter().enumerate() {
            if filter & bit(k) == 0 {
                continue;
            }
            for (j, _) in new.iter().enumerate().filter(|&(_, &b)| b == k) {
                if pairs.last().is_some_and(|&(pi, pj)| pi == i || pj >= j) {
                    self.pairs = pairs;
                    return None;
                }
                pairs.push((i, j));
            }
        }
        Some(pairs)
    }

    /// `similar`'s `find_middle_snake` in its raw mode: where to split
    /// `old` against `new`; past [`cost_bound`] (large inputs only), the
    /// furthest point the forward search reached; none past the deadline.
    fn middle_snake(&mut self, old: &[u32], new: &[u32]) -> Option<(usize, usize)> {
        let (n, m) = (old.len(), new.len());
        let delta = n as isize - m as isize;
        let odd = delta & 1 == 1;
        let offset = self.offset;
        let at = |k: isize| (k + offset) as usize;
        let bound = if self.bounded {
            cost_bound(n, m)
        } else {
            usize::MAX
        };
        self.vf[at(1)] = 0;
        self.vb[at(1)] = 0;
        for d in 0..max_d(n, m) as isize {
            if let Some(deadline) = self.deadline {
                self.work += 2 * d as usize + 1;
                if self.work >= CLOCK_WORK {
                    self.work = 0;
                    self.expired = self.expired || Instant::now() >= deadline;
                }
            }
            if self.expired {
                return None;
            }
            if d as usize >= bound {
                return self.furthest(n, m, d - 1);
            }
            let (vf, vb) = (&mut self.vf, &mut self.vb);
            let mut k = d;
            while k >= -d {
                let mut x = if k == -d || (k != d && vf[at(k - 1)] < vf[at(k + 1)]) {
                    vf[at(k + 1)]
                } else {
                    vf[at(k - 1)] + 1
                };
                let y = (x as isize - k) as usize;
                let (x0, y0) = (x, y);
                if x < n && y < m {
                    x += prefix(&old[x..], &new[y..]);
                }
                vf[at(k)] = x;
                if odd && (k - delta).abs() < d && x + vb[at(delta - k)] >= n {
                    return Some((x0, y0));
                }
                k -= 2;
            }
            let mut k = d;
            while k >= -d {
                let mut x = if k == -d || (k != d && vb[at(k - 1)] < vb[at(k + 1)]) {
                    vb[at(k + 1)]
                } else {
                    vb[at(k - 1)] + 1
                };
                let mut y = (x as isize - k) as usize;
                if x < n && y < m {
                    let advance = suffix(&old[..n - x], &new[..m - y]);
                    x += advance;
                    y += advance;
                }
                vb[at(k)] = x;
                if !odd && (k - delta).abs() <= d && x + vf[at(delta - k)] >= n {
                    return Some((n - x, m - y));
                }
                k -= 2;
            }
        }
        None
    }

    /// The point furthest from the start (by x + y) on the forward
    /// search's diagonals after `d` steps, inside both inputs and short of
    /// their ends; none if there is no such point.
    fn furthest(&self, n: usize, m: usize, d: isize) -> Option<(usize, usize)> {
        let at = |k: isize| (k + self.offset) as usize;
        (-d..=d)
            .step_by(2)
            .filter_map(|k| {
                let x = self.vf[at(k)];
                let y = x as isize - k;
                (y >= 0 && x <= n && y as usize <= m).then_some((x, y as usize))
            })
            .filter(|&(x, y)| x + y > 0 && (x, y) != (n, m))
            .max_by_key(|&(x, y)| x + y)
    }
}

/// How far `similar`'s search may go from the main diagonal.
fn max_d(n: usize, m: usize) -> usize {
    (n + m).div_ceil(2) + 1
}

/// Emits the change of `o` into `n`, a stretch with no pair kept; its
/// ops, once joined, depend on no order within it.
fn changed(hook: &mut Replace<Push>, o: Range<usize>, n: Range<usize>) {
    if !o.is_empty() {
        let Ok(()) = hook.delete(o.start, o.len(), n.start);
    }
    if !n.is_empty() {
        let Ok(()) = hook.insert(o.end, n.start, n.len());
    }
}

fn prefix(a: &[u32], b: &[u32]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

fn suffix(a: &[u32], b: &[u32]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// Appends the change of `o` into `n` to `out` as one op: a replacement,
/// or a deletion or an insertion when a side is empty.
pub fn change(o: Range<usize>, n: Range<usize>, out: &mut Vec<DiffOp>) {
    let mut hook = Replace::new(Push { out, at: (0, 0) });
    changed(&mut hook, o, n);
    let Ok(()) = hook.finish();
}

/// Pushes ops to a list, their indices moved by `at`.
struct Push<'a> {
    out: &'a mut Vec<DiffOp>,
    at: (usize, usize),
}

impl DiffHook for Push<'_> {
    type Error = Infallible;

    fn equal(&mut self, old_index: usize, new_index: usize, len: usize) -> Result<(), Infallible> {
        self.out.push(DiffOp::Equal {
            old_index: old_index + self.at.0,
            new_index: new_index + self.at.1,
            len,
        });
        Ok(())
    }

    fn delete(
        &mut self,
        old_index: usize,
        old_len: usize,
        new_index: usize,
    ) -> Result<(), Infallible> {
        self.out.push(DiffOp::Delete {
            old_index: old_index + self.at.0,
            old_len,
            new_index: new_index + self.at.1,
        });
        Ok(())
    }

    fn insert(
        &mut self,
        old_index: usize,
        new_index: usize,
        new_len: usize,
    ) -> Result<(), Infallible> {
        self.out.push(DiffOp::Insert {
            old_index: old_index + self.at.0,
            new_index: new_index + self.at.1,
            new_len,
        });
        Ok(())
    }

    fn replace(
        &mut self,
        old_index: usize,
        old_len: usize,
        new_index: usize,
        new_len: usize,
    ) -> Result<(), Infallible> {
        self.out.push(DiffOp::Replace {
            old_index: old_index + self.at.0,
            old_len,
            new_index: new_index + self.at.1,
            new_len,
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (no crate for it).
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 33) % n
        }
    }

    fn both(left: &[u32], right: &[u32]) {
        let reference = similar_keys(left, right, None);
        let mut out = Vec::new();
        Myers::default().diff(left, right, (0, 0), None, &mut out);
        assert_eq!(out, reference, "{left:?} against {right:?}");
        assert_eq!(diff_keys(left, right, None), reference);
    }

    #[test]
    fn the_search_gives_similars_ops_on_small_inputs() {
        let mut rng = Lcg(7);
        for round in 0..20_000 {
            // few distinct keys: many ties for the search to break
            let alphabet = 1 + rng.below(if round % 2 == 0 { 3 } else { 12 });
            // keys far apart, some alike in the filter's bits
            let scale = if round % 3 == 0 { 64 } else { 1 };
            let mut keys = |len: u64| -> Vec<u32> {
                let n = rng.below(len + 1);
                (0..n).map(|_| rng.below(alphabet) as u32 * scale).collect()
            };
            let max = if round % 10 == 0 { 40 } else { 8 };
            let (left, right) = (keys(max), keys(max));
            both(&left, &right);
        }
    }

    #[test]
    fn the_search_gives_similars_ops_on_edits_of_one_sequence() {
        let mut rng = Lcg(11);
        for round in 0..2_000 {
            // many repeated keys, or mostly distinct ones
            let alphabet = if round % 2 == 0 { 30 } else { 500 };
            let n = rng.below(120);
            let left: Vec<u32> = (0..n).map(|_| rng.below(alphabet) as u32).collect();
            let mut right = left.clone();
            for _ in 0..rng.below(12) {
                let at = rng.below(right.len() as u64 + 1) as usize;
                match rng.below(3) {
                    0 if at < right.len() => {
                        right.remove(at);
                    }
                    1 if at < right.len() => right[at] = rng.below(alphabet + 10) as u32,
                    _ => right.insert(at, rng.below(alphabet + 10) as u32),
                }
            }
            both(&left, &right);
        }
    }

    /// The ops cover both inputs in order with no gap, and each equal op
    /// pairs equal keys; returns how many keys they keep.
    fn kept(left: &[u32], right: &[u32], ops: &[DiffOp]) -> usize {
        let (mut l, mut r, mut kept) = (0, 0, 0);
        for op in ops {
            let (o, n) = (op.old_range(), op.new_range());
            assert_eq!((o.start, n.start), (l, r), "a gap or an overlap at {op:?}");
            if let DiffOp::Equal { .. } = op {
                assert_eq!(left[o.clone()], right[n.clone()]);
                kept += o.len();
            }
            (l, r) = (o.end, n.end);
        }
        assert_eq!((l, r), (left.len(), right.len()));
        kept
    }

    #[test]
    fn larger_inputs_keep_the_longest_common_subsequence_when_the_edits_are_few() {
        let left: Vec<u32> = (0..300).map(|i| i % 7).collect();
        let right: Vec<u32> = (0..200).map(|i| i % 5).collect();
        assert!(!Myers::fits(&left, &right));
        let ops = diff_keys(&left, &right, None);
        assert_eq!(
            kept(&left, &right, &ops),
            kept(&left, &right, &similar_keys(&left, &right, None))
        );
        let long: Vec<u32> = (0..600).map(|i| i % 3).collect();
        let ops = diff_keys(&long, &[1, 2], None);
        assert_eq!(kept(&long, &[1, 2], &ops), 2);
    }

    #[test]
    fn past_the_cost_bound_the_diff_is_valid_and_keeps_most_of_what_it_can() {
        // a long text of mostly distinct keys against a rewrite with many
        // scattered edits: thousands of them, past the bound
        let mut rng = Lcg(5);
        let left: Vec<u32> = (0..20_000).map(|_| rng.below(1_000_000) as u32).collect();
        let mut right = Vec::new();
        for &k in &left {
            match rng.below(8) {
                0 => {}
                1 => right.push(rng.below(1_000_000) as u32),
                _ => right.push(k),
            }
            if rng.below(16) == 0 {
                right.push(rng.below(1_000_000) as u32);
            }
        }
        let exact = kept(&left, &right, &similar_keys(&left, &right, None));
        let bounded = kept(&left, &right, &diff_keys(&left, &right, None));
        assert!(bounded <= exact);
        assert!(bounded * 100 >= exact * 95, "kept {bounded} of {exact}");
    }

    #[test]
    fn past_the_deadline_the_diff_is_one_change_and_still_valid() {
        let left: Vec<u32> = (0..2_000).map(|i| i % 11).collect();
        let right: Vec<u32> = (0..2_000).map(|i| (i * 7) % 13).collect();
        let past = Some(Instant::now());
        let ops = diff_keys(&left, &right, past);
        kept(&left, &right, &ops);
        assert!(ops.len() <= 3, "{} ops", ops.len());
    }

    #[test]
    fn shifted_ops_carry_the_offsets() {
        let mut out = Vec::new();
        Myers::default().diff(&[1, 2, 3], &[1, 4, 3], (10, 20), None, &mut out);
        assert_eq!(
            out,
            [
                DiffOp::Equal {
                    old_index: 10,
                    new_index: 20,
                    len: 1
                },
                DiffOp::Replace {
                    old_index: 11,
                    old_len: 1,
                    new_index: 21,
                    new_len: 1
                },
                DiffOp::Equal {
                    old_index: 12,
                    new_index: 22,
                    len: 1
                },
            ]
        );
    }
}
