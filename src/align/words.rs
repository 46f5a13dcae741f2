//! The minimal word diff of one sentence pair, by atom key (`similar`'s
//! Myers), within the deadline. Whitespace rides along with the atom before
//! it, so it never drives the alignment.

use std::convert::Infallible;
use std::ops::Range;

use similar::algorithms::{Capture, DiffHook, Replace, myers};
use similar::{DiffOp, Instant};

use crate::text::keys::Atom;

/// Diffs of at most this many keys in all run without a deadline: Myers
/// takes at most (n + m)² steps, which stays small, and the checks of the
/// deadline inside `similar` (several reads of the clock per diff, each a
/// call out to JS in the browser) cost more than the diff on most pairs.
pub const WITHOUT_DEADLINE: usize = 512;

/// Diffs `left` against `right` by atom key; past `deadline` `similar`
/// stops refining and the ops, still covering both, are coarser.
/// Without one, `myers` runs it, on keys gathered into its buffers.
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
    if deadline.is_none() {
        myers.diff(&lk, &rk, (0, 0), &mut out);
    } else {
        out = similar_keys(&lk, &rk, deadline);
    }
    (myers.left, myers.right) = (lk, rk);
    out
}

/// The one diff of the crate: Myers over `u32` keys, adjacent deletions
/// and insertions joined into replacements. Every caller goes through it,
/// so `similar` is compiled for one element type and one algorithm only
/// (each more would add tens of kilobytes to the wasm); the clean-up in
/// [`super::cleanup`] does the rest.
///
/// `similar`'s raw Myers: its default entry point first reduces large
/// inputs (unmatched keys out) and diffs the reduced lists through a
/// second copy of the whole algorithm (another element and hook type):
/// with the reduction, nearly as much wasm again. The raw search is the
/// exact shortest edit script; the deadline still bounds it.
///
/// Without a deadline, inputs that [`Myers::fits`] go through [`Myers`],
/// the same search without `similar`'s allocations.
pub fn diff_keys(left: &[u32], right: &[u32], deadline: Option<Instant>) -> Vec<DiffOp> {
    let mut out = Vec::new();
    if deadline.is_none() && Myers::fits(left, right) {
        Myers::default().diff(left, right, (0, 0), &mut out);
        return out;
    }
    similar_keys(left, right, deadline)
}

/// `similar`'s raw Myers, the reference [`Myers`] is held equal to.
fn similar_keys(left: &[u32], right: &[u32], deadline: Option<Instant>) -> Vec<DiffOp> {
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

/// `similar`'s raw Myers without a deadline, for inputs where its
/// shortcuts that change the split never apply: the same divide and
/// conquer on the same middle snakes, so the same ops, with the search
/// vectors kept across diffs and the ops pushed straight to the caller's
/// list. Most word diffs are of a few words, where `similar`'s
/// allocations and generic indexing cost as much as the search.
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
    /// to their (left, right) indices; the inputs [`fits`](Self::fits) or
    /// `similar` runs instead.
    pub fn diff(&mut self, left: &[u32], right: &[u32], at: (usize, usize), out: &mut Vec<DiffOp>) {
        if !Self::fits(left, right) {
            let ops = similar_keys(left, right, None);
            out.extend(ops.into_iter().map(|op| shifted(op, at.0, at.1)));
            return;
        }
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
            // as `similar` does, though without a deadline the search
            // always meets
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

    /// `similar`'s `find_middle_snake` in its raw mode, without a
    /// deadline: where to split `old` against `new`.
    fn middle_snake(&mut self, old: &[u32], new: &[u32]) -> Option<(usize, usize)> {
        let (n, m) = (old.len(), new.len());
        let delta = n as isize - m as isize;
        let odd = delta & 1 == 1;
        let offset = self.offset;
        let at = |k: isize| (k + offset) as usize;
        let (vf, vb) = (&mut self.vf, &mut self.vb);
        vf[at(1)] = 0;
        vb[at(1)] = 0;
        for d in 0..max_d(n, m) as isize {
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

/// `op` with its indices moved by `l` and `r`; an empty side of a
/// replacement makes it a deletion or an insertion.
pub fn shifted(op: DiffOp, l: usize, r: usize) -> DiffOp {
    match op {
        DiffOp::Equal {
            old_index,
            new_index,
            len,
        } => DiffOp::Equal {
            old_index: old_index + l,
            new_index: new_index + r,
            len,
        },
        DiffOp::Delete {
            old_index,
            old_len,
            new_index,
        } => DiffOp::Delete {
            old_index: old_index + l,
            old_len,
            new_index: new_index + r,
        },
        DiffOp::Insert {
            old_index,
            new_index,
            new_len,
        } => DiffOp::Insert {
            old_index: old_index + l,
            new_index: new_index + r,
            new_len,
        },
        DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } => match (old_len, new_len) {
            (0, n) => DiffOp::Insert {
                old_index: old_index + l,
                new_index: new_index + r,
                new_len: n,
            },
            (n, 0) => DiffOp::Delete {
                old_index: old_index + l,
                old_len: n,
                new_index: new_index + r,
            },
            _ => DiffOp::Replace {
                old_index: old_index + l,
                old_len,
                new_index: new_index + r,
                new_len,
            },
        },
    }
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
        Myers::default().diff(left, right, (0, 0), &mut out);
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

    #[test]
    fn inputs_outside_the_plain_search_still_diff_through_similar() {
        let left: Vec<u32> = (0..300).map(|i| i % 7).collect();
        let right: Vec<u32> = (0..200).map(|i| i % 5).collect();
        assert!(!Myers::fits(&left, &right));
        both(&left, &right);
        let long: Vec<u32> = (0..600).map(|i| i % 3).collect();
        both(&long, &[1, 2]);
    }

    #[test]
    fn shifted_ops_carry_the_offsets() {
        let mut out = Vec::new();
        Myers::default().diff(&[1, 2, 3], &[1, 4, 3], (10, 20), &mut out);
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
