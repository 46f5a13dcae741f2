//! The minimal diff of two atom sequences, by key (`similar`'s Myers).

use similar::{Algorithm, DiffOp, Instant, capture_diff_slices_deadline};

use crate::text::keys::Atom;

/// Diff ops over atom indices.
pub struct WordDiff {
    pub ops: Vec<DiffOp>,
    /// The deadline passed: `similar` stopped refining and the ops, while
    /// still covering both sequences, are coarser than minimal.
    pub approximate: bool,
}

/// Diffs `left` against `right` by atom key, giving up refinement at `deadline`.
pub fn diff(left: &[Atom], right: &[Atom], deadline: Instant) -> WordDiff {
    let left_keys: Vec<u32> = left.iter().map(|a| a.key).collect();
    let right_keys: Vec<u32> = right.iter().map(|a| a.key).collect();
    let ops =
        capture_diff_slices_deadline(Algorithm::Myers, &left_keys, &right_keys, Some(deadline));
    WordDiff {
        ops,
        approximate: Instant::now() > deadline,
    }
}
