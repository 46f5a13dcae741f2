//! Lossless ops, in the reading order of the right text.
//!
//! The walk follows the backbone of in-order sentence pairs. Between two
//! anchors it emits the left gap (cut units as `delete`, a moved-away
//! passage as one `move` op at its old place), then the right gap (new units
//! as `insert`, moved-in units as the word diff against their source, tagged
//! with the move's id); each anchor pair gets its word diff. A word diff is
//! cleaned up ([`crate::align::cleanup`]) and near-variant replacements get
//! character-level parts ([`crate::align::refine`]).
//!
//! Invariants: the right spans of `equal`, `insert` and `replace` ops, in
//! list order, tile the right text; the left spans of `equal`, `delete` and
//! `replace` ops, sorted by start, tile the left text. Byte ranges here; the
//! one conversion to UTF-16 happens in [`crate::report`].

use std::ops::Range;

use similar::DiffOp;

use super::sentences::Alignment;
use super::{cleanup, refine, words};
use crate::budget::Budget;
use crate::text::Side;
use crate::text::keys::{Atom, EMPTY};
use crate::text::structure::Unit;
use crate::text::tokenize::TokenKind;
use crate::vocab::OpKind;

/// How many places of a word in a sentence the tiling of shared runs
/// tries (a word repeated more often in one sentence is rare).
const TILE_PLACES: usize = 16;

/// An op with byte ranges, before the one conversion to UTF-16.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawOp {
    pub kind: OpKind,
    pub left: Range<usize>,
    pub right: Range<usize>,
    pub move_id: Option<u32>,
    pub boilerplate: bool,
    /// Character-level detail (kind, left bytes, right bytes).
    pub parts: Vec<(OpKind, Range<usize>, Range<usize>)>,
    /// Inside the word diff of a matched sentence pair (not a whole cut or
    /// new sentence, nor a move marker).
    pub in_pair: bool,
}

/// The ops, and what the word diffs found per sentence.
pub struct Built {
    pub ops: Vec<RawOp>,
    /// Words of each left unit inside equal ops.
    pub left_shared: Vec<u32>,
    /// Words of each right unit inside equal ops.
    pub right_shared: Vec<u32>,
    /// Each right unit has the same keys as its match.
    pub verbatim: Vec<bool>,
    /// Each move was edited.
    pub move_edited: Vec<bool>,
    /// Runs of words inside equal ops, each within one unit of each text.
    pub runs: Vec<Run>,
}

/// A run of shared words: bytes `left` of left unit `left_unit` equal
/// bytes `right` of right unit `right_unit` (from the first word's start to
/// the last word's end).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub left_unit: usize,
    pub right_unit: usize,
    pub left: Range<usize>,
    pub right: Range<usize>,
    /// Word and number tokens in it.
    pub words: u32,
}

/// Builds the ops of two aligned texts.
#[inline(never)] // its own function in the wasm: see "Phases" in lib.rs
pub fn build(left: &Side, right: &Side, alignment: &Alignment, budget: &Budget) -> Built {
    let (nl, nr) = (left.structure.units.len(), right.structure.units.len());
    let mut walk = Walk {
        left,
        right,
        budget,
        left_in: vec![0; nl],
        right_in: vec![0; nr],
        pairs: 0,
        places: Places::default(),
        myers: words::Myers::default(),
        out: Builder::default(),
        built: Built {
            ops: Vec::new(),
            left_shared: vec![0; nl],
            right_shared: vec![0; nr],
            verbatim: vec![false; nr],
            move_edited: vec![false; alignment.moves.len()],
            runs: Vec::new(),
        },
    };
    let (lu, ru) = (&left.structure.units, &right.structure.units);
    let (mut lcur, mut rcur) = (0, 0);
    let anchors = alignment.backbone.iter().cloned().chain([(nl..nl, nr..nr)]);
    for (block_left, block_right) in anchors {
        let (la, ra) = (block_left.start, block_right.start);
        let right_pos = ru.get(rcur).map_or(right.text.len(), |u| u.bytes.start);
        for i in lcur..la {
            let unit = &lu[i];
            if alignment.left_match[i].is_none() {
                walk.out.push(RawOp::new(
                    OpKind::Delete,
                    unit.bytes.clone(),
                    right_pos..right_pos,
                    unit.rule.is_some(),
                ));
                continue;
            }
            let id = alignment.left_move[i];
            let m = &alignment.moves[id as usize - 1];
            if m.left.start == i {
                let bytes = lu[m.left.start].bytes.start..lu[m.left.end - 1].bytes.end;
                let mut op = RawOp::new(OpKind::Move, bytes, right_pos..right_pos, false);
                op.move_id = Some(id);
                walk.out.push(op);
            }
        }
        let left_pos = lu.get(la).map_or(left.text.len(), |u| u.bytes.start);
        for (j, unit) in ru.iter().enumerate().take(ra).skip(rcur) {
            match alignment.right_match[j] {
                None => walk.out.push(RawOp::new(
                    OpKind::Insert,
                    left_pos..left_pos,
                    unit.bytes.clone(),
                    unit.rule.is_some(),
                )),
                Some(i) => {
                    let id = alignment.right_move[j];
                    let edited = walk.pair(i, j, Some(id));
                    walk.built.move_edited[id as usize - 1] |= edited;
                }
            }
        }
        if la < nl {
            if block_left.len() == 1 && block_right.len() == 1 {
                walk.pair(la, ra, None);
            } else {
                walk.block(block_left.clone(), block_right.clone(), alignment);
            }
        }
        (lcur, rcur) = (block_left.end, block_right.end);
    }
    debug_assert_eq!(walk.out.right_at, right.text.len());
    walk.linked_runs(alignment);
    // Whitespace shared at the edges of a replacement is no part of it:
    // "peaceful, post-election" → "peaceful post-election" cuts the comma,
    // not ", " for " ".
    let mut out = Builder::default();
    for op in walk.out.ops {
        if op.kind == OpKind::Replace && op.in_pair && op.parts.is_empty() {
            for piece in trim_whitespace(op, left.text, right.text) {
                out.push(piece);
            }
        } else {
            out.push(op);
        }
    }
    walk.built.ops = out.ops;
    walk.built
}

/// Splits the whitespace both sides of a replacement start or end with
/// into equal ops.
fn trim_whitespace(op: RawOp, left: &str, right: &str) -> Vec<RawOp> {
    let (l, r) = (&left[op.left.clone()], &right[op.right.clone()]);
    let prefix: usize = l
        .chars()
        .zip(r.chars())
        .take_while(|(a, b)| a == b && a.is_whitespace())
        .map(|(a, _)| a.len_utf8())
        .sum();
    let suffix: usize = l[prefix..]
        .chars()
        .rev()
        .zip(r[prefix..].chars().rev())
        .take_while(|(a, b)| a == b && a.is_whitespace())
        .map(|(a, _)| a.len_utf8())
        .sum();
    if prefix == 0 && suffix == 0 {
        return vec![op];
    }
    let (ls, le) = (op.left.start + prefix, op.left.end - suffix);
    let (rs, re) = (op.right.start + prefix, op.right.end - suffix);
    let piece = |kind, left: Range<usize>, right: Range<usize>| RawOp {
        kind,
        left,
        right,
        ..op.clone()
    };
    let middle = match (ls < le, rs < re) {
        (true, true) => OpKind::Replace,
        (true, false) => OpKind::Delete,
        _ => OpKind::Insert,
    };
    vec![
        piece(OpKind::Equal, op.left.start..ls, op.right.start..rs),
        piece(middle, ls..le, rs..re),
        piece(OpKind::Equal, le..op.left.end, re..op.right.end),
    ]
}

struct Walk<'s, 'a> {
    left: &'s Side<'a>,
    right: &'s Side<'a>,
    budget: &'s Budget,
    /// The word diff (pair or block) each unit was in; 0: none.
    left_in: Vec<u32>,
    right_in: Vec<u32>,
    /// Word diffs so far.
    pairs: u32,
    /// For the tiling: the places of each key in a sentence.
    places: Places,
    /// For the word diffs: the search's buffers.
    myers: words::Myers,
    out: Builder,
    built: Built,
}

/// Flags every op of one sentence pair carries.
#[derive(Clone, Copy)]
struct Flags {
    move_id: Option<u32>,
    boilerplate: bool,
}

impl Walk<'_, '_> {
    /// The word diff of left unit `i` against right unit `j`; true when
    /// anything differs.
    fn pair(&mut self, i: usize, j: usize, move_id: Option<u32>) -> bool {
        let (lu, ru) = (
            &self.left.structure.units[i],
            &self.right.structure.units[j],
        );
        let la = &self.left.atoms[lu.atoms.clone()];
        let ra = &self.right.atoms[ru.atoms.clone()];
        self.pairs += 1;
        self.left_in[i] = self.pairs;
        self.right_in[j] = self.pairs;
        let flags = Flags {
            move_id,
            boilerplate: lu.rule.is_some() || ru.rule.is_some(),
        };
        fn significant(atoms: &[Atom]) -> impl Iterator<Item = u32> + '_ {
            atoms.iter().map(|a| a.key).filter(|&k| k != EMPTY)
        }
        // the same atoms, fillers too (most exact matches): verbatim at once
        let identical = la.len() == ra.len()
            && la
                .iter()
                .zip(ra)
                .all(|(a, b)| a.key == b.key && a.filler_key == b.filler_key);
        let verbatim = identical || significant(la).eq(significant(ra));
        self.built.verbatim[j] = verbatim;
        let before = self.out.ops.len();
        let mut shared = 0;
        if verbatim && la.len() == ra.len() {
            if identical {
                // the atoms tile their units: one op, as the builder would
                // merge the atoms' equal ops into
                let all = 0..la.len();
                let (l, r) = (
                    span(la, &all, lu.bytes.start),
                    span(ra, &all, ru.bytes.start),
                );
                self.out.push_pair(OpKind::Equal, l, r, flags);
            } else {
                for (a, b) in la.iter().zip(ra) {
                    self.equal_atoms(a, b, flags);
                }
            }
            self.run(i, j, la, ra);
            shared = lu.words;
        } else if self.budget.spend(la.len() + ra.len()) {
            self.budget.degrade();
            self.change(la, ra, lu.bytes.clone(), ru.bytes.clone(), flags, false);
        } else {
            let bounded = la.len() + ra.len() > words::WITHOUT_DEADLINE;
            let deadline = bounded.then(|| self.budget.deadline());
            let diff = words::diff(la, ra, deadline, &mut self.myers);
            // only a diff with a deadline may have stopped short
            if bounded && self.budget.expired() {
                self.budget.degrade();
            }
            let segments = cleanup::segments(&diff, la, ra, self.left.text, self.right.text);
            let (mut lpos, mut rpos) = (lu.bytes.start, ru.bytes.start);
            for seg in segments {
                let l = span(la, &seg.left, lpos);
                let r = span(ra, &seg.right, rpos);
                let (sl, sr) = (&la[seg.left.clone()], &ra[seg.right.clone()]);
                if seg.equal {
                    for (a, b) in sl.iter().zip(sr) {
                        self.equal_atoms(a, b, flags);
                    }
                    self.run(i, j, sl, sr);
                    shared += count_words(sl);
                } else {
                    self.change(sl, sr, l.clone(), r.clone(), flags, true);
                }
                (lpos, rpos) = (l.end, r.end);
            }
        }
        self.built.left_shared[i] = shared;
        self.built.right_shared[j] = shared;
        self.out.ops[before..]
            .iter()
            .any(|op| op.kind != OpKind::Equal)
            || !verbatim
    }

    /// The word diff of a block: the left units of `l` that the alignment
    /// pairs, together, against the right units of `r` that it pairs; the
    /// other units between them are cut or added in place.
    fn block(&mut self, l: Range<usize>, r: Range<usize>, alignment: &Alignment) {
        let (lus, rus) = (&self.left.structure.units, &self.right.structure.units);
        // members' atoms, with where each member starts in them; gaps are
        // (atom index, units)
        let gather =
            |units: &[Unit], atoms: &[Atom], range: Range<usize>, matched: &[Option<usize>]| {
                let mut out: Vec<Atom> = Vec::new();
                let mut starts: Vec<(usize, usize)> = Vec::new();
                let mut gaps: Vec<(usize, Range<usize>)> = Vec::new();
                for u in range {
                    if matched[u].is_some() {
                        starts.push((out.len(), u));
                        out.extend_from_slice(&atoms[units[u].atoms.clone()]);
                    } else {
                        match gaps.last_mut() {
                            Some((at, g)) if *at == out.len() && g.end == u => g.end += 1,
                            _ => gaps.push((out.len(), u..u + 1)),
                        }
                    }
                }
                (out, starts, gaps)
            };
        let (la, lstarts, lgaps) = gather(lus, &self.left.atoms, l.clone(), &alignment.left_match);
        let (ra, rstarts, rgaps) =
            gather(rus, &self.right.atoms, r.clone(), &alignment.right_match);
        let flags = Flags {
            move_id: None,
            boilerplate: false,
        };
        let segments = if self.budget.spend(la.len() + ra.len()) {
            self.budget.degrade();
            vec![cleanup::Segment {
                equal: false,
                left: 0..la.len(),
                right: 0..ra.len(),
            }]
        } else {
            let diff = tiled_diff(&la, &ra, &mut self.places, &mut self.myers);
            cleanup::segments(&diff, &la, &ra, self.left.text, self.right.text)
        };
        let unit_at = |starts: &[(usize, usize)], k: usize| {
            starts[starts.partition_point(|&(s, _)| s <= k) - 1].1
        };
        let (mut lpos, mut rpos) = (lus[l.start].bytes.start, rus[r.start].bytes.start);
        let (mut li, mut ri) = (0, 0);
        let (mut lg, mut rg) = (0, 0);
        let segments_end = segments.len();
        let mut next = 0;
        while next < segments_end || lg < lgaps.len() || rg < rgaps.len() {
            // the units between members, where the diff has reached them
            while lg < lgaps.len() && lgaps[lg].0 == li {
                for u in lgaps[lg].1.clone() {
                    let unit = &lus[u];
                    self.out.push(RawOp::new(
                        OpKind::Delete,
                        unit.bytes.clone(),
                        rpos..rpos,
                        unit.rule.is_some(),
                    ));
                    lpos = unit.bytes.end;
                }
                lg += 1;
            }
            while rg < rgaps.len() && rgaps[rg].0 == ri {
                for u in rgaps[rg].1.clone() {
                    let unit = &rus[u];
                    self.out.push(RawOp::new(
                        OpKind::Insert,
                        lpos..lpos,
                        unit.bytes.clone(),
                        unit.rule.is_some(),
                    ));
                    rpos = unit.bytes.end;
                }
                rg += 1;
            }
            if next == segments_end {
                break;
            }
            let seg = &segments[next];
            let lstop = lgaps.get(lg).map_or(usize::MAX, |g| g.0);
            let rstop = rgaps.get(rg).map_or(usize::MAX, |g| g.0);
            let (le, re) = if seg.equal {
                let n = (seg.left.end.min(lstop) - li).min(seg.right.end.min(rstop) - ri);
                (li + n, ri + n)
            } else {
                (seg.left.end.min(lstop), seg.right.end.min(rstop))
            };
            let (sl, sr) = (&la[li..le], &ra[ri..re]);
            let lb = span(&la, &(li..le), lpos);
            let rb = span(&ra, &(ri..re), rpos);
            if seg.equal {
                // one run per pair of units it spans
                let mut k = 0;
                while k < sl.len() {
                    let (ul, ur) = (unit_at(&lstarts, li + k), unit_at(&rstarts, ri + k));
                    let n = sl[k..]
                        .iter()
                        .enumerate()
                        .take_while(|&(d, _)| {
                            unit_at(&lstarts, li + k + d) == ul
                                && unit_at(&rstarts, ri + k + d) == ur
                        })
                        .count();
                    for (a, b) in sl[k..k + n].iter().zip(&sr[k..k + n]) {
                        self.equal_atoms(a, b, flags);
                    }
                    let words = count_words(&sl[k..k + n]);
                    self.built.left_shared[ul] += words;
                    self.built.right_shared[ur] += words;
                    k += n;
                }
            } else {
                self.change(sl, sr, lb.clone(), rb.clone(), flags, true);
            }
            (lpos, rpos) = (lb.end, rb.end);
            (li, ri) = (le, re);
            if li == seg.left.end && ri == seg.right.end {
                next += 1;
            }
        }
    }

    /// The runs of shared words of the links no pair's word diff covered:
    /// the links inside a block (whose one diff keeps only the words in
    /// the block's order, where each of its pairs shares more), and a
    /// sentence reworded from one already kept elsewhere. A reworded
    /// sentence moves phrases about, so these runs are found by greedy
    /// tiling, not a diff: from each word of the right sentence, the
    /// longest run of equal atoms at a place of the left sentence not used
    /// yet (a run of function words alone is no shared phrase). Linear in
    /// practice (the places of a key are few in a sentence; at most
    /// [`TILE_PLACES`] are tried), within the budget.
    fn linked_runs(&mut self, alignment: &Alignment) {
        let mut places = std::mem::take(&mut self.places);
        let mut used: Vec<bool> = Vec::new();
        for link in &alignment.links {
            let (i, j) = (link.left, link.right);
            if self.left_in[i] != 0 && self.left_in[i] == self.right_in[j] {
                continue;
            }
            let (lu, ru) = (
                &self.left.structure.units[i],
                &self.right.structure.units[j],
            );
            let la = &self.left.atoms[lu.atoms.clone()];
            let ra = &self.right.atoms[ru.atoms.clone()];
            if self.budget.spend(la.len() + ra.len()) {
                self.budget.degrade();
                break;
            }
            places.index(la);
            used.clear();
            used.resize(la.len(), false);
            let mut p = 0;
            while p < ra.len() {
                if ra[p].key == EMPTY {
                    p += 1;
                    continue;
                }
                let (best, from) = longest_run(&places, &used, la, ra, p, None);
                if best == 0 {
                    p += 1;
                    continue;
                }
                let (sl, sr) = (&la[from..from + best], &ra[p..p + best]);
                if self.phrase(sr) {
                    self.run(i, j, sl, sr);
                    used[from..from + best].fill(true);
                }
                p += best;
            }
            places.forget(la);
        }
        self.places = places;
    }

    /// `atoms` of the right text hold two words, or one that is no
    /// function word.
    fn phrase(&self, atoms: &[Atom]) -> bool {
        let mut words = atoms
            .iter()
            .filter(|a| matches!(a.kind, TokenKind::Word | TokenKind::Number));
        match (words.next(), words.next()) {
            (Some(_), Some(_)) => true,
            (Some(a), None) => {
                let text = &self.right.text[a.token()];
                !cleanup::is_function_word(text)
            }
            _ => false,
        }
    }

    /// Records equal atoms `la` (of left unit `i`) and `ra` (of right unit
    /// `j`) as a run, when they hold a word.
    fn run(&mut self, i: usize, j: usize, la: &[Atom], ra: &[Atom]) {
        let word = |a: &&Atom| matches!(a.kind, TokenKind::Word | TokenKind::Number);
        let bytes = |atoms: &[Atom]| {
            let first = atoms.iter().find(word)?.token().start;
            let last = atoms.iter().rev().find(word)?.token().end;
            Some(first..last)
        };
        if let (Some(left), Some(right)) = (bytes(la), bytes(ra)) {
            self.built.runs.push(Run {
                left_unit: i,
                right_unit: j,
                left,
                right,
                words: count_words(la),
            });
        }
    }

    /// Two atoms whose tokens match; their filler may still differ.
    fn equal_atoms(&mut self, a: &Atom, b: &Atom, flags: Flags) {
        if a.filler_key == b.filler_key {
            self.out.push_pair(OpKind::Equal, a.span(), b.span(), flags);
            return;
        }
        self.out
            .push_pair(OpKind::Equal, a.token(), b.token(), flags);
        let (l, r) = (a.filler(), b.filler());
        self.out
            .push_pair(OpKind::Delete, l.clone(), r.start..r.start, flags);
        self.out.push_pair(OpKind::Insert, l.end..l.end, r, flags);
    }

    /// A changed stretch: atoms `la` (bytes `l`) became `ra` (bytes `r`).
    fn change(
        &mut self,
        la: &[Atom],
        ra: &[Atom],
        mut l: Range<usize>,
        mut r: Range<usize>,
        flags: Flags,
        refine: bool,
    ) {
        let (Some(a), Some(b)) = (la.last(), ra.last()) else {
            self.out
                .push_pair(OpKind::Delete, l.clone(), r.start..r.start, flags);
            self.out.push_pair(OpKind::Insert, l.end..l.end, r, flags);
            return;
        };
        // "jeered " → "cheered ": the shared space after the words is no
        // part of the change.
        let shared =
            a.filler_key == b.filler_key && !a.filler().is_empty() && !b.filler().is_empty();
        if shared {
            l.end = a.filler().start;
            r.end = b.filler().start;
        }
        if !l.is_empty() && !r.is_empty() {
            let mut op = RawOp::new(OpKind::Replace, l.clone(), r.clone(), flags.boilerplate);
            op.move_id = flags.move_id;
            op.in_pair = true;
            if refine {
                op.parts = self.refined(la, ra, l, r);
            }
            self.out.push(op);
        } else {
            self.out
                .push_pair(OpKind::Delete, l.clone(), r.start..r.start, flags);
            self.out.push_pair(OpKind::Insert, l.end..l.end, r, flags);
        }
        if shared {
            self.out
                .push_pair(OpKind::Equal, a.filler(), b.filler(), flags);
        }
    }

    /// The character-level parts of a replacement of as many words on each
    /// side, each a near-variant of its counterpart and at most
    /// [`refine::MAX_WORD_BYTES`] long; none otherwise. The cluster diffs
    /// run within the deadline: past it nothing more is refined and the
    /// result is approximate.
    fn refined(
        &self,
        la: &[Atom],
        ra: &[Atom],
        l: Range<usize>,
        r: Range<usize>,
    ) -> Vec<(OpKind, Range<usize>, Range<usize>)> {
        let words = |atoms: &[Atom]| {
            atoms
                .iter()
                .all(|a| a.kind == TokenKind::Word && a.token().len() <= refine::MAX_WORD_BYTES)
        };
        if la.len() != ra.len() || la.len() > refine::MAX_WORDS || !words(la) || !words(ra) {
            return Vec::new();
        }
        let deadline = self.budget.deadline();
        let mut parts = Vec::new();
        if !self.budget.expired()
            && la.iter().zip(ra).all(|(a, b)| {
                refine::similarity(
                    &self.left.text[a.token()],
                    &self.right.text[b.token()],
                    deadline,
                ) >= refine::NEAR_VARIANT
            })
        {
            parts = refine::parts(self.left.text, l, self.right.text, r, deadline);
        }
        if self.budget.expired() {
            self.budget.degrade();
        }
        parts
    }
}

/// The places of each key in a sentence, in increasing order: the first
/// by key, then each one's next of the same key, by place. A look-up per
/// word, with nothing sorted; kept across sentences, only the keys of the
/// last one cleared ([`Places::forget`]).
#[derive(Default)]
struct Places {
    /// First place + 1 of each key (0: none), by key.
    first: Vec<u32>,
    /// Next place + 1 of the same key (0: none), by place.
    next: Vec<u32>,
}

impl Places {
    /// Indexes the places of the atoms `la`.
    fn index(&mut self, la: &[Atom]) {
        let keys = la.iter().map(|a| a.key as usize + 1).max().unwrap_or(0);
        if keys > self.first.len() {
            self.first.resize(keys, 0);
        }
        self.next.clear();
        self.next.resize(la.len(), 0);
        // slices, not the vectors: their lengths stay in registers
        let first = &mut self.first[..];
        for (q, (a, next)) in la.iter().zip(&mut self.next).enumerate().rev() {
            *next = first[a.key as usize];
            first[a.key as usize] = q as u32 + 1;
        }
    }

    /// Clears the keys of `la`, the atoms indexed last.
    fn forget(&mut self, la: &[Atom]) {
        for a in la {
            self.first[a.key as usize] = 0;
        }
    }

    /// The places of `key`, in increasing order.
    fn of(&self, key: u32) -> impl Iterator<Item = usize> + '_ {
        let mut at = self.first.get(key as usize).copied().unwrap_or(0);
        std::iter::from_fn(move || {
            let q = at.checked_sub(1)? as usize;
            at = self.next[q];
            Some(q)
        })
    }
}

/// The longest run of equal atoms from `ra[p]` at a place of `la` not
/// `used` (`places` of `la`), at most [`TILE_PLACES`] places tried: its
/// length and left start. Of equal runs, the first, or the one nearest
/// `expected` when given.
fn longest_run(
    places: &Places,
    used: &[bool],
    la: &[Atom],
    ra: &[Atom],
    p: usize,
    expected: Option<usize>,
) -> (usize, usize) {
    let (mut best, mut from) = (0, 0usize);
    for q in places.of(ra[p].key).take(TILE_PLACES) {
        // zipped slices: no index checked per atom
        let n = la[q..]
            .iter()
            .zip(&used[q..])
            .zip(&ra[p..])
            .take_while(|&((a, &u), b)| !u && a.key == b.key)
            .count();
        let nearer =
            expected.is_some_and(|e| n == best && n > 0 && q.abs_diff(e) < from.abs_diff(e));
        if n > best || nearer {
            (best, from) = (n, q);
        }
    }
    (best, from)
}

/// The word diff of a block: its sentences are reworded, so the minimal
/// diff (Myers) over the whole would spend time proportional to the size
/// times the many differences. Instead, like a patience diff: runs of two
/// atoms or more found by greedy tiling (from each right atom, the longest
/// run at a left place not used yet, the nearest to the last run's end on
/// ties, at most [`TILE_PLACES`] places tried), the heaviest chain of runs
/// in order on both sides (weighted by atoms; quadratic in the runs, which
/// a block of at most [`GROUP_UNITS`](super::matching::GROUP_UNITS) sentences a
/// side keeps to a few dozen), and a minimal diff of each gap between
/// them, which is small.
fn tiled_diff(
    la: &[Atom],
    ra: &[Atom],
    places: &mut Places,
    myers: &mut words::Myers,
) -> Vec<DiffOp> {
    places.index(la);
    let mut used = vec![false; la.len()];
    // (right start, left start, length)
    let mut runs: Vec<(usize, usize, usize)> = Vec::new();
    let (mut p, mut expected) = (0, 0);
    while p < ra.len() {
        let (best, from) = longest_run(places, &used, la, ra, p, Some(expected));
        // single atoms ("the", ",") anchor nothing: the gaps' diffs place them
        if best < 2 {
            p += 1;
            continue;
        }
        used[from..from + best].fill(true);
        runs.push((p, from, best));
        expected = from + best;
        p += best;
    }
    places.forget(la);
    // the heaviest chain increasing on the left (runs are by right start)
    let mut weight = vec![0usize; runs.len()];
    let mut parent = vec![usize::MAX; runs.len()];
    for k in 0..runs.len() {
        weight[k] = runs[k].2;
        for e in 0..k {
            if runs[e].1 + runs[e].2 <= runs[k].1 && weight[e] + runs[k].2 > weight[k] {
                weight[k] = weight[e] + runs[k].2;
                parent[k] = e;
            }
        }
    }
    let mut chain = Vec::new();
    let mut end = (0..runs.len()).max_by_key(|&k| (weight[k], usize::MAX - k));
    while let Some(k) = end {
        chain.push(runs[k]);
        end = (parent[k] != usize::MAX).then_some(parent[k]);
    }
    chain.reverse();
    // the gaps between the chained runs: a minimal diff each (small), or
    // one change when large
    // the keys of the whole block once; each gap diffs a slice of them
    let keys = |atoms: &[Atom]| atoms.iter().map(|a| a.key).collect::<Vec<u32>>();
    let (lk, rk) = (keys(la), keys(ra));
    let mut ops = Vec::with_capacity(2 * chain.len() + 1);
    let mut gap = |ops: &mut Vec<DiffOp>, l: std::ops::Range<usize>, r: std::ops::Range<usize>| {
        if l.is_empty() && r.is_empty() {
            return;
        }
        if l.len() + r.len() <= words::WITHOUT_DEADLINE {
            myers.diff(
                &lk[l.clone()],
                &rk[r.clone()],
                (l.start, r.start),
                None,
                ops,
            );
        } else {
            words::change(l, r, ops);
        }
    };
    let (mut l, mut r) = (0, 0);
    for (rp, lq, n) in chain {
        gap(&mut ops, l..lq, r..rp);
        ops.push(DiffOp::Equal {
            old_index: lq,
            new_index: rp,
            len: n,
        });
        (l, r) = (lq + n, rp + n);
    }
    gap(&mut ops, l..la.len(), r..ra.len());
    ops
}

/// Bytes of atoms `r` of `atoms`, or the empty range at `at`.
fn span(atoms: &[Atom], r: &Range<usize>, at: usize) -> Range<usize> {
    if r.is_empty() {
        at..at
    } else {
        atoms[r.start].span().start..atoms[r.end - 1].span().end
    }
}

fn count_words(atoms: &[Atom]) -> u32 {
    atoms
        .iter()
        .filter(|a| matches!(a.kind, TokenKind::Word | TokenKind::Number) && !a.token().is_empty())
        .count() as u32
}

impl RawOp {
    fn new(kind: OpKind, left: Range<usize>, right: Range<usize>, boilerplate: bool) -> Self {
        RawOp {
            kind,
            left,
            right,
            move_id: None,
            boilerplate,
            parts: Vec::new(),
            in_pair: false,
        }
    }
}

/// Collects ops, merging neighbours of one sentence pair (or of one gap):
/// runs of one kind become one op, and inside a pair a deletion next to an
/// insertion becomes a replacement.
#[derive(Default)]
struct Builder {
    ops: Vec<RawOp>,
    right_at: usize,
}

impl Builder {
    fn push_pair(&mut self, kind: OpKind, left: Range<usize>, right: Range<usize>, flags: Flags) {
        let mut op = RawOp::new(kind, left, right, flags.boilerplate);
        op.move_id = flags.move_id;
        op.in_pair = true;
        self.push(op);
    }

    fn push(&mut self, op: RawOp) {
        if op.kind != OpKind::Move && op.left.is_empty() && op.right.is_empty() {
            return;
        }
        if !matches!(op.kind, OpKind::Delete | OpKind::Move) {
            debug_assert_eq!(op.right.start, self.right_at, "{op:?}");
            self.right_at = op.right.end;
        }
        if let Some(last) = self.ops.last_mut()
            && let Some(kind) = merged(last, &op)
        {
            last.kind = kind;
            last.left.end = op.left.end;
            last.right.end = op.right.end;
            return;
        }
        self.ops.push(op);
    }
}

fn merged(last: &RawOp, op: &RawOp) -> Option<OpKind> {
    let mergeable = last.kind != OpKind::Move
        && op.kind != OpKind::Move
        && last.parts.is_empty()
        && op.parts.is_empty()
        && last.move_id == op.move_id
        && last.boilerplate == op.boilerplate
        && last.in_pair == op.in_pair
        && last.left.end == op.left.start
        && last.right.end == op.right.start;
    if !mergeable {
        return None;
    }
    match (last.kind, op.kind) {
        (a, b) if a == b => Some(a),
        (OpKind::Equal, _) | (_, OpKind::Equal) => None,
        _ if op.in_pair => Some(OpKind::Replace),
        _ => None,
    }
}
