//! Sentence alignment: which unit of the right text comes from which unit
//! of the left, and which of those matches are moves.
//!
//! 1. Each unit gets a key: a hash of its significant token keys (and of
//!    whether it is boilerplate, so boilerplate only matches boilerplate).
//! 2. Exact matches in order: a Myers diff over the unit keys
//!    ([`super::words::diff_keys`], bounded in cost on long texts), within
//!    the deadline.
//! 3. Exact matches out of order: a right unit still unmatched takes the
//!    first unmatched left unit with the same key.
//! 4. The source map ([`super::sourcemap`]): each right unit still
//!    unmatched is traced to the left units it draws on (one to three,
//!    reworded, merged or split), each link with its score. Links between
//!    units the exact steps left free pair them for the word diff: a
//!    connected group of such links whose units stand together in both
//!    texts (only unmatched units between them, at most [`GROUP_UNITS`] a
//!    side) is diffed as one block, so that a merge or a split shows the
//!    words it kept as equal; where they do not stand together, each right
//!    unit is paired with its strongest free source, one to one. A short
//!    sentence without content words to look up ("He said no.") is linked
//!    as the one-to-one matcher did before: to a free unit of the same gap
//!    whose words are an edit of its own ([`edits_in_gaps`]).
//!    Steps 3 and 4 skip boilerplate.
//! 5. The heaviest increasing subsequence of the matched pairs and blocks
//!    (by right index, increasing on left index, weighted by words, runs
//!    that stand together in both texts taken whole, each run a move's
//!    worth heavier: [`MOVE_WORDS`]) is the in-order backbone, so the moves
//!    are the fewest and lightest; every other one-to-one match is a move, unless it
//!    is boilerplate or shorter than [`MIN_MOVE_WORDS`] words and does not
//!    follow a moved unit in both texts (then both sides count as
//!    unmatched: "he said." alone never becomes a move); a block
//!    out of order keeps only its strongest pair, which may move.
//!    Consecutive moved units that are consecutive in both texts form one
//!    move.

use std::ops::Range;

use rustc_hash::FxHashMap;
use similar::DiffOp;

use super::fuzzy::Groups;
use super::sentences::{Alignment, Link, MoveGroup, UnitKey};
use crate::budget::Budget;

/// Units shorter than this (in words) match only in order.
pub const MIN_MOVE_WORDS: u32 = 3;
/// What one more move costs the backbone, in words: a reader follows a
/// move's two links, so one passage of forty words moved reads better than
/// three of fifteen that it stepped over.
pub const MOVE_WORDS: u64 = 16;
/// Most units on one side of a block diffed together: a merged lede or a
/// split paragraph spans a few sentences; more is a chain of weak links
/// through a long text, which would make one huge replacement.
pub const GROUP_UNITS: usize = 8;
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
    // the exact pairs, before steps 4 and 5 add and drop pairs
    let exact: Vec<(usize, usize)>;
    let (mut links, mut untraced, mut blocks) = (Vec::new(), Vec::new(), Vec::new());
    if budget.expired() {
        // The diff may have stopped short, and steps 3 and 4 are skipped.
        budget.degrade();
        exact = pairs_of(&right_match);
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
        exact = pairs_of(&right_match);
        // 4. the source map, and the blocks it pairs for the word diff
        let todo: Vec<usize> = (0..right.len())
            .filter(|&j| right_match[j].is_none() && right[j].loose() && right[j].words >= 2)
            .collect();
        let map = super::sourcemap::map(left, right, &todo, budget);
        untraced = map.untraced;
        links = map.links;
        edits_in_gaps(left, right, &left_match, &right_match, &mut links);
        blocks = pair_blocks(&links, left, right, &mut left_match, &mut right_match);
    }
    if budget.expired() && untraced.is_empty() && links.is_empty() {
        // The map never ran: every unmatched unit is untraced.
        untraced = (0..right.len())
            .filter(|&j| right_match[j].is_none() && right[j].loose())
            .collect();
    }

    // 5. backbone and moves, over one-to-one pairs and blocks
    let mut in_block = vec![false; right.len()];
    for (_, r) in &blocks {
        r.clone().for_each(|j| in_block[j] = true);
    }
    // by right unit: the blocks (sorted, disjoint) each where it starts
    let mut items: Vec<(Range<usize>, Range<usize>, u64)> = Vec::new();
    let mut next_block = blocks.iter().peekable();
    for (j, m) in right_match.iter().enumerate() {
        if let Some((l, r)) = next_block.next_if(|(_, r)| r.start == j) {
            let words: u64 = r.clone().map(|j| u64::from(right[j].words)).sum();
            items.push((l.clone(), r.clone(), words + 1));
        } else if let Some(i) = m.filter(|_| !in_block[j]) {
            items.push((i..i + 1, j..j + 1, u64::from(right[j].words) + 1));
        }
    }
    // Items that stand together in both texts (a run) are one move if out
    // of order, and the heaviest chain takes a run whole or not at all: so
    // a run's first item alone carries the cost of moving it.
    for k in 0..items.len() {
        if k == 0
            || items[k - 1].0.end != items[k].0.start
            || items[k - 1].1.end != items[k].1.start
        {
            items[k].2 += MOVE_WORDS;
        }
    }
    let in_backbone = heaviest_increasing(&items, left.len());
    let mut alignment = Alignment {
        left_move: vec![0; left.len()],
        right_move: vec![0; right.len()],
        ..Alignment::default()
    };
    for ((l, r, _), &kept) in items.iter().zip(&in_backbone) {
        if kept {
            alignment.backbone.push((l.clone(), r.clone()));
            continue;
        }
        let (i, j) = if l.len() == 1 && r.len() == 1 {
            (l.start, r.start)
        } else {
            // a block out of order keeps its strongest pair, which may move
            let strongest = links
                .iter()
                .filter(|k| l.contains(&k.left) && r.contains(&k.right))
                .filter(|k| left_match[k.left].is_some() && right_match[k.right].is_some())
                .max_by(|a, b| a.score.total_cmp(&b.score));
            let Some(k) = strongest.copied() else {
                continue;
            };
            l.clone().for_each(|i| left_match[i] = None);
            r.clone().for_each(|j| right_match[j] = None);
            left_match[k.left] = Some(k.right);
            right_match[k.right] = Some(k.left);
            (k.left, k.right)
        };
        let continues = alignment
            .moves
            .last()
            .is_some_and(|m| m.right.end == j && m.left.end == i);
        if right[j].boilerplate || (right[j].words < MIN_MOVE_WORDS && !continues) {
            // Boilerplate or a short sentence out of place is not worth a
            // move: cut and added. A short sentence that follows a moved
            // one in both texts goes with it, so as not to split the move.
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
    // every link by right unit: the exact matches (whole), before the
    // map's (both lists are by right unit already: merged, not sorted)
    let mut all: Vec<Link> = Vec::with_capacity(links.len() + exact.len());
    let mut whole = exact
        .iter()
        .filter(|&&(i, j)| left_match[i] == Some(j))
        .map(|&(left, right)| Link {
            left,
            right,
            score: 1.0,
            derived: true,
        })
        .peekable();
    for link in links {
        while let Some(k) = whole.next_if(|k| k.right <= link.right) {
            all.push(k);
        }
        all.push(link);
    }
    all.extend(whole);
    alignment.links = all;
    alignment.untraced = untraced;
    alignment.left_match = left_match;
    alignment.right_match = right_match;
    alignment
}

/// Short sentences that say little (no content word to look up: "He said
/// no.") are found where the old one-to-one matcher found them: a right
/// unit without a link, and a free left unit in the same gap between
/// matched units, whose words are an edit of each other (Dice of at least
/// [`EDIT_DICE`](super::sourcemap::EDIT_DICE)), at most [`GROUP_UNITS`]
/// left units looked at.
fn edits_in_gaps(
    left: &[UnitKey],
    right: &[UnitKey],
    left_match: &[Option<usize>],
    right_match: &[Option<usize>],
    links: &mut Vec<Link>,
) {
    let mut linked = vec![false; right.len()];
    links.iter().for_each(|k| linked[k.right] = true);
    let mut taken = vec![false; left.len()];
    let mut words = super::sourcemap::Words::default();
    let mut added = false;
    let mut prev_left = 0;
    for j in 0..right.len() {
        if let Some(i) = right_match[j] {
            prev_left = i + 1;
            continue;
        }
        if linked[j] || !right[j].loose() {
            continue;
        }
        let mut words_set = false;
        let mut best: Option<(f64, usize)> = None;
        for i in (prev_left..left.len())
            .take_while(|&i| left_match[i].is_none())
            .take(GROUP_UNITS)
        {
            if taken[i] || !left[i].loose() {
                continue;
            }
            if !words_set {
                words.set(&right[j]);
                words_set = true;
            }
            let d = words.dice(&left[i]);
            if d >= super::sourcemap::EDIT_DICE && best.is_none_or(|(b, _)| d > b) {
                best = Some((d, i));
            }
        }
        if let Some((d, i)) = best {
            taken[i] = true;
            added = true;
            links.push(Link {
                left: i,
                right: j,
                score: d,
                derived: true,
            });
        }
    }
    if added {
        crate::order::sort_by_key(links, |k| k.right as u64);
    }
}

/// The (left, right) pairs of `right_match`.
fn pairs_of(right_match: &[Option<usize>]) -> Vec<(usize, usize)> {
    right_match
        .iter()
        .enumerate()
        .filter_map(|(j, m)| m.map(|i| (i, j)))
        .collect()
}

/// Pairs the units of `links` that the exact steps left free, for the word
/// diff (step 4 of the module header): blocks of several units, returned,
/// and one-to-one pairs, written into the matches.
fn pair_blocks(
    links: &[Link],
    left: &[UnitKey],
    right: &[UnitKey],
    left_match: &mut [Option<usize>],
    right_match: &mut [Option<usize>],
) -> Vec<(Range<usize>, Range<usize>)> {
    let free: Vec<Link> = links
        .iter()
        .filter(|k| k.derived && left_match[k.left].is_none() && right_match[k.right].is_none())
        .copied()
        .collect();
    let mut blocks = Vec::new();
    if free.is_empty() {
        return blocks;
    }
    // connected components: union-find over left units, then right units
    let nl = left.len();
    let mut parent: Vec<u32> = (0..(nl + right.len()) as u32).collect();
    fn root(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            parent[x as usize] = parent[parent[x as usize] as usize];
            x = parent[x as usize];
        }
        x
    }
    for k in &free {
        let (a, b) = (
            root(&mut parent, k.left as u32),
            root(&mut parent, (nl + k.right) as u32),
        );
        parent[a.max(b) as usize] = a.min(b);
    }
    let mut linked_left = vec![false; nl];
    let mut linked_right = vec![false; right.len()];
    for k in &free {
        linked_left[k.left] = true;
        linked_right[k.right] = true;
    }
    // components in the order of their first link's right unit
    let mut order: Vec<u64> = free
        .iter()
        .enumerate()
        .map(|(n, k)| (u64::from(root(&mut parent, k.left as u32)) << 32) | n as u64)
        .collect();
    order.sort_unstable();
    let mut at = 0;
    let mut pending: Vec<Link> = Vec::new();
    let hull = |units: &mut dyn Iterator<Item = usize>| {
        let (mut lo, mut hi) = (usize::MAX, 0);
        for u in units {
            lo = lo.min(u);
            hi = hi.max(u + 1);
        }
        lo..hi
    };
    let mut components: Vec<(Range<usize>, Range<usize>, Vec<Link>)> = Vec::new();
    while at < order.len() {
        let component = order[at] >> 32;
        let end = at
            + order[at..]
                .iter()
                .take_while(|&&x| x >> 32 == component)
                .count();
        let members: Vec<Link> = order[at..end]
            .iter()
            .map(|&x| free[(x & 0xffff_ffff) as usize])
            .collect();
        at = end;
        let l = hull(&mut members.iter().map(|k| k.left));
        let r = hull(&mut members.iter().map(|k| k.right));
        components.push((l, r, members));
    }
    // Components whose units interleave (a lede rewritten from two source
    // sentences, clause by clause) are one block.
    crate::order::sort_by_key(&mut components, |c| c.1.start as u64);
    let mut merged: Vec<(Range<usize>, Range<usize>, Vec<Link>)> = Vec::new();
    for (l, r, members) in components {
        match merged.last_mut() {
            Some((ml, mr, mm)) if r.start < mr.end || (l.start < ml.end && ml.start < l.end) => {
                *ml = ml.start.min(l.start)..ml.end.max(l.end);
                *mr = mr.start.min(r.start)..mr.end.max(r.end);
                mm.extend(members);
            }
            _ => merged.push((l, r, members)),
        }
    }
    for (l, r, members) in merged {
        if l.len() == 1 && r.len() == 1 {
            pending.extend(members);
            continue;
        }
        // Units between the members must be unmatched and unlinked, so the
        // block can cut or add them in place.
        let mut member_left = vec![false; l.len()];
        let mut member_right = vec![false; r.len()];
        for k in &members {
            member_left[k.left - l.start] = true;
            member_right[k.right - r.start] = true;
        }
        let fits = l.len() <= GROUP_UNITS
            && r.len() <= GROUP_UNITS
            && l.clone()
                .all(|i| member_left[i - l.start] || (left_match[i].is_none() && !linked_left[i]))
            && r.clone().all(|j| {
                member_right[j - r.start] || (right_match[j].is_none() && !linked_right[j])
            });
        if fits {
            for k in &members {
                if right_match[k.right].is_none() {
                    right_match[k.right] = Some(k.left);
                }
                if left_match[k.left].is_none() {
                    left_match[k.left] = Some(k.right);
                }
            }
            blocks.push((l, r));
        } else {
            pending.extend(members);
        }
    }
    // the rest one to one: the strongest links first
    crate::order::sort_by_key(&mut pending, |k| crate::order::descending(k.score));
    for k in pending {
        if left_match[k.left].is_none() && right_match[k.right].is_none() {
            left_match[k.left] = Some(k.right);
            right_match[k.right] = Some(k.left);
        }
    }
    crate::order::sort_by_key(&mut blocks, |b| b.1.start as u64);
    blocks
}

/// Marks the blocks `(left units, right units, weight)` (sorted by right,
/// disjoint on both sides) of the heaviest chain increasing on left, in
/// O(n log n) with a Fenwick tree of prefix maxima.
fn heaviest_increasing(pairs: &[(Range<usize>, Range<usize>, u64)], left_len: usize) -> Vec<bool> {
    let mut tree: Vec<(u64, usize)> = vec![(0, usize::MAX); left_len + 1];
    let mut best = vec![0u64; pairs.len()];
    let mut parent = vec![usize::MAX; pairs.len()];
    for (k, (l, _, w)) in pairs.iter().enumerate() {
        // max over chains ending before the block's first left unit
        let (mut at, mut top) = (l.start, (0u64, usize::MAX));
        while at > 0 {
            if tree[at].0 > top.0 {
                top = tree[at];
            }
            at &= at - 1;
        }
        best[k] = top.0 + w;
        parent[k] = top.1;
        let mut at = l.end;
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
    use crate::align::sentences::unit_keys;

    #[test]
    fn the_heaviest_in_order_chain_wins() {
        let one = |r: usize, l: usize, w: u64| (l..l + 1, r..r + 1, w);
        // right 0..3 matched to left 2, 0, 1: the chain 0, 1 outweighs 2
        let keep = heaviest_increasing(&[one(0, 2, 1), one(1, 0, 1), one(2, 1, 1)], 3);
        assert_eq!(keep, [false, true, true]);
        // unless the moved unit is heavier
        let keep = heaviest_increasing(&[one(0, 2, 10), one(1, 0, 1), one(2, 1, 1)], 3);
        assert_eq!(keep, [true, false, false]);
        // a block of left 0..2 and right 0..1 before a pair (3, 2)
        let keep = heaviest_increasing(&[(0..2, 0..1, 5), one(2, 3, 1), one(3, 1, 1)], 4);
        assert_eq!(keep, [true, true, false]);
    }

    #[test]
    fn a_swapped_paragraph_is_one_move_and_a_reworded_unit_matches() {
        let options = crate::options::Options::default();
        let mut keys = crate::text::keys::Keys::new(&options);
        let left = crate::text::Side::new(
            "Workers jeered Lukashenko at the tractor plant. Miners joined the strike in Soligorsk. \
             Police detained seven thousand protesters overnight. The opposition candidate fled to Lithuania.",
            &mut keys,
        );
        let right = crate::text::Side::new(
            "Police detained seven thousand protesters over the night. The opposition candidate fled to Lithuania. \
             Workers jeered Lukashenko at the tractor plant. Miners joined the strike in Soligorsk.",
            &mut keys,
        );
        let budget = Budget::new(10_000);
        let alignment = align(&unit_keys(&left), &unit_keys(&right), &budget);
        assert_eq!(alignment.right_match, [Some(2), Some(3), Some(0), Some(1)]);
        assert_eq!(alignment.moves.len(), 1);
        assert_eq!(alignment.moves[0].left.len(), 2);
        // the reworded unit is linked, with a score below 1
        let link = alignment.links.iter().find(|k| k.right == 0).unwrap();
        assert!(
            link.left == 2 && link.derived && link.score < 1.0,
            "{link:?}"
        );
    }
}
