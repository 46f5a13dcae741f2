//! The minimal word diff of one sentence pair, by atom key (`similar`'s
//! Myers), within the deadline. Whitespace rides along with the atom before
//! it, so it never drives the alignment.

use similar::algorithms::{Capture, Replace, myers};
use similar::{DiffOp, Instant};

use crate::text::keys::Atom;

/// Diffs of at most this many keys in all run without a deadline: Myers
/// takes at most (n + m)² steps, which stays small, and the checks of the
/// deadline inside `similar` (several reads of the clock per diff, each a
/// call out to JS in the browser) cost more than the diff on most pairs.
pub const WITHOUT_DEADLINE: usize = 512;

/// Diffs `left` against `right` by atom key; past `deadline` `similar`
/// stops refining and the ops, still covering both, are coarser.
pub fn diff(left: &[Atom], right: &[Atom], deadline: Option<Instant>) -> Vec<DiffOp> {
    let keys = |atoms: &[Atom]| atoms.iter().map(|a| a.key).collect::<Vec<u32>>();
    diff_keys(&keys(left), &keys(right), deadline)
}

/// The one diff of the crate: Myers over `u32` keys, adjacent deletions
/// and insertions joined into replacements. Every caller goes through it,
/// so `similar` is compiled for one element type and one algorithm only
/// (each more would add tens of kilobytes to the wasm); the clean-up in
/// [`super::cleanup`] does the rest.
///
/// A key only one side has can never be equal, so those atoms are left out
/// of the Myers diff and put back as changes around what it matched: the
/// longest common subsequence is the same, and Myers, whose cost grows with
/// the differences it walks through, has far fewer of them on a reworded
/// sentence (its new words are mostly its own).
///
/// The search itself is `similar`'s raw Myers: its default entry point does
/// a like reduction of large inputs through a second copy of the whole
/// algorithm (another element and hook type), nearly as much wasm again.
pub fn diff_keys(left: &[u32], right: &[u32], deadline: Option<Instant>) -> Vec<DiffOp> {
    let Some((lk, rk)) = shared_positions(left, right) else {
        return myers_ops(left, right, deadline);
    };
    let lf: Vec<u32> = lk.iter().map(|&i| left[i as usize]).collect();
    let rf: Vec<u32> = rk.iter().map(|&j| right[j as usize]).collect();
    let mut ops = Vec::new();
    let (mut i, mut j) = (0, 0);
    for op in myers_ops(&lf, &rf, deadline) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            for k in 0..len {
                let (mut a, mut b) = (lk[old_index + k] as usize, rk[new_index + k] as usize);
                // A deletion (or an insertion) ending in the key it stands
                // before slides to keep the equal run before it whole:
                // "want [-that, and we won't let -]that" is "want that[-,
                // and we won't let that-]", as the whole-sequence diff had it.
                let joins = i == 0 && j == 0
                    || matches!(ops.last(), Some(DiffOp::Equal { old_index, new_index, len })
                        if old_index + len == i && new_index + len == j);
                if joins && b == j && a > i && left[i] == left[a] {
                    a = i;
                } else if joins && a == i && b > j && right[j] == right[b] {
                    b = j;
                }
                push_change(&mut ops, i..a, j..b);
                match ops.last_mut() {
                    Some(DiffOp::Equal {
                        old_index,
                        new_index,
                        len,
                    }) if *old_index + *len == a && *new_index + *len == b => *len += 1,
                    _ => ops.push(DiffOp::Equal {
                        old_index: a,
                        new_index: b,
                        len: 1,
                    }),
                }
                (i, j) = (a + 1, b + 1);
            }
        }
    }
    push_change(&mut ops, i..left.len(), j..right.len());
    ops
}

/// The positions of the keys of each side that the other side has too;
/// `None` when that is every key (or the keys are too sparse to mark).
fn shared_positions(left: &[u32], right: &[u32]) -> Option<(Vec<u32>, Vec<u32>)> {
    let max = left.iter().chain(right).copied().max()? as usize;
    // keys are dense interned ids; a bit per possible key
    if max > 8 * (left.len() + right.len()) + 65_536 {
        return None;
    }
    let words = max / 64 + 1;
    let mark = |keys: &[u32]| {
        let mut bits = vec![0u64; words];
        for &k in keys {
            bits[k as usize / 64] |= 1 << (k % 64);
        }
        bits
    };
    let (in_left, in_right) = (mark(left), mark(right));
    let has = |bits: &[u64], k: u32| bits[k as usize / 64] & (1 << (k % 64)) != 0;
    let kept = |keys: &[u32], other: &[u64]| -> Vec<u32> {
        (0..keys.len() as u32)
            .filter(|&i| has(other, keys[i as usize]))
            .collect()
    };
    let (lk, rk) = (kept(left, &in_right), kept(right, &in_left));
    (lk.len() < left.len() || rk.len() < right.len()).then_some((lk, rk))
}

/// Appends the change that turns `left` into `right` (nothing when both
/// are empty).
fn push_change(ops: &mut Vec<DiffOp>, left: std::ops::Range<usize>, right: std::ops::Range<usize>) {
    let op = match (left.is_empty(), right.is_empty()) {
        (true, true) => return,
        (false, true) => DiffOp::Delete {
            old_index: left.start,
            old_len: left.len(),
            new_index: right.start,
        },
        (true, false) => DiffOp::Insert {
            old_index: left.start,
            new_index: right.start,
            new_len: right.len(),
        },
        (false, false) => DiffOp::Replace {
            old_index: left.start,
            old_len: left.len(),
            new_index: right.start,
            new_len: right.len(),
        },
    };
    ops.push(op);
}

fn myers_ops(left: &[u32], right: &[u32], deadline: Option<Instant>) -> Vec<DiffOp> {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Equal keys in `ops`, after checking that the ops tile both sides in
    /// order and that every equal op pairs equal keys.
    fn equal_keys(ops: &[DiffOp], left: &[u32], right: &[u32]) -> usize {
        let (mut l, mut r, mut equal) = (0, 0, 0);
        for op in ops {
            assert_eq!((op.old_range().start, op.new_range().start), (l, r));
            if let DiffOp::Equal { .. } = op {
                assert_eq!(left[op.old_range()], right[op.new_range()]);
                equal += op.old_range().len();
            }
            (l, r) = (op.old_range().end, op.new_range().end);
        }
        assert_eq!((l, r), (left.len(), right.len()));
        equal
    }

    #[test]
    fn leaving_out_keys_one_side_lacks_keeps_the_diff_minimal() {
        // a small deterministic generator: shared and own keys mixed
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as u32
        };
        for case in 0..300 {
            let (n, m) = (next(40) as usize, next(40) as usize);
            let vocabulary = u64::from(2 + next(30));
            let left: Vec<u32> = (0..n).map(|_| next(vocabulary)).collect();
            let right: Vec<u32> = (0..m).map(|_| next(vocabulary) + next(2) * 100).collect();
            let ops = diff_keys(&left, &right, None);
            let minimal = myers_ops(&left, &right, None);
            assert_eq!(
                equal_keys(&ops, &left, &right),
                equal_keys(&minimal, &left, &right),
                "case {case}: {left:?} / {right:?}"
            );
        }
    }
}
