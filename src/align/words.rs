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
/// `similar`'s raw Myers: its default entry point first reduces large
/// inputs (unmatched keys out) and diffs the reduced lists through a
/// second copy of the whole algorithm (another element and hook type):
/// with the reduction, nearly as much wasm again. The raw search is the
/// exact shortest edit script; the deadline still bounds it.
pub fn diff_keys(left: &[u32], right: &[u32], deadline: Option<Instant>) -> Vec<DiffOp> {
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
