//! The minimal word diff of one sentence pair, by atom key (`similar`'s
//! Myers), within the deadline. Whitespace rides along with the atom before
//! it, so it never drives the alignment.

use similar::{Algorithm, DiffOp, Instant, capture_diff_deadline};

use crate::text::keys::Atom;

/// Diffs `left` against `right` by atom key; past `deadline` `similar`
/// stops refining and the ops, still covering both, are coarser.
pub fn diff(left: &[Atom], right: &[Atom], deadline: Instant) -> Vec<DiffOp> {
    let keys = Keyed(left);
    let other = Keyed(right);
    capture_diff_deadline(
        Algorithm::Myers,
        &keys,
        0..left.len(),
        &other,
        0..right.len(),
        Some(deadline),
    )
}

/// Indexes atoms by their key, without copying them.
struct Keyed<'a>(&'a [Atom]);

impl std::ops::Index<usize> for Keyed<'_> {
    type Output = u32;
    fn index(&self, i: usize) -> &u32 {
        &self.0[i].key
    }
}
