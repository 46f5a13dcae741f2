//! Facts that changed: quotations, numbers and capitalised names.
//!
//! * **Quotes**: the passages between double quotes (`“…”`, `"…"`, `„…“`,
//!   `«…»`; a straight quote opens or closes by turn; a line break closes
//!   nothing and forgets an unclosed quote) outside boilerplate, in each
//!   text. A quote whose keys equal a quote of the other text is unchanged
//!   (counted in `stats.quotes` only); otherwise one whose words overlap a
//!   quote of the other text (Dice ≥ [`QUOTE_OVERLAP`]) is `altered`; the
//!   rest are `cut` (left only) or `added` (right only).
//! * **Numbers** and **names** (runs of capitalised words, not at the start
//!   of a sentence or of a quotation unless respelt — a near-variant with
//!   character-level parts — and not `I`) inside the changed ops of
//!   matched sentence pairs: on both sides of a change they pair up in order
//!   as `altered`; the ones left over are `cut` or `added`. Numbers in equal
//!   ops of matched pairs are counted as unchanged in `stats.numbers`.
//!
//! Facts come in the reading order of the right text; quotes cut
//! altogether follow, in the order of the left text.

use std::hash::Hasher;
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHasher};

use crate::align::fuzzy::fuzzy_pairs;
use crate::align::ops::RawOp;
use crate::budget::Budget;
use crate::report::result::{FactChange, FactKind, Tally};
use crate::search::partition_near;
use crate::text::Side;
use crate::text::keys::Atom;
use crate::text::tokenize::TokenKind;
use crate::vocab::OpKind;

/// Word overlap from which a quote counts as altered rather than cut.
pub const QUOTE_OVERLAP: f64 = 0.5;

/// Sort keys of facts placed by the left text start here, after every
/// byte offset of the right text (inputs are below 4 GB).
const AFTER_RIGHT: u64 = 1 << 32;

/// A fact with byte ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawFact {
    pub kind: FactKind,
    pub change: FactChange,
    pub left: Option<Range<usize>>,
    pub right: Option<Range<usize>>,
    /// Where it sorts: its place in the right text, or after all of those
    /// (quotes cut altogether, by their place in the left text).
    order: u64,
}

pub struct Found {
    pub facts: Vec<RawFact>,
    pub quotes: Tally,
    pub numbers: Tally,
}

#[inline(never)] // its own function in the wasm: see "Phases" in lib.rs
pub fn find(left: &Side, right: &Side, ops: &[RawOp], budget: &Budget) -> Found {
    let mut facts = Vec::new();
    let quotes = quote_facts(left, right, budget, &mut facts);
    let numbers = number_and_name_facts(left, right, ops, &mut facts);
    let order = crate::order::by_key(facts.iter().map(|f| f.order));
    Found {
        facts: order.into_iter().map(|k| facts[k].clone()).collect(),
        quotes,
        numbers,
    }
}

struct Quote {
    bytes: Range<usize>,
    hash: u64,
    bag: Vec<u32>,
}

/// The quotations of a text outside boilerplate.
fn quotes(side: &Side) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut near = Near::default();
    let mut open: Option<(usize, char)> = None;
    let bytes = side.text.as_bytes();
    // Only these bytes can start a quote mark or a line break: `"`, LF, CR,
    // and the lead bytes of `“ ” „ « » U+2029`; the rest is skipped fast.
    const INTERESTING: [bool; 256] = {
        let mut t = [false; 256];
        t[b'"' as usize] = true;
        t[b'\n' as usize] = true;
        t[b'\r' as usize] = true;
        t[0xC2] = true;
        t[0xE2] = true;
        t
    };
    let mut at = 0;
    while let Some(found) = next_interesting(bytes, at, &INTERESTING) {
        at = found;
        let c = side.text[at..].chars().next().expect("a char boundary");
        let start_of_c = at;
        at += c.len_utf8();
        if matches!(c, '\n' | '\r' | '\u{2029}') {
            open = None;
            continue;
        }
        match open {
            None if matches!(c, '“' | '"' | '„' | '«') => open = Some((start_of_c, c)),
            None => {}
            Some((start, o)) => {
                let closes = match o {
                    '«' => c == '»',
                    '„' => matches!(c, '“' | '”' | '"'),
                    _ => matches!(c, '”' | '"'),
                };
                if closes {
                    open = None;
                    if let Some(q) = quote(side, start..at, &mut near) {
                        out.push(q);
                    }
                }
            }
        }
    }
    out
}

/// Where the last lookups ended: the next one, a little further on in the
/// text, is searched from there.
#[derive(Default)]
struct Near {
    unit: usize,
    atom: usize,
}

/// The first byte from `from` on that `interesting` marks. Eight bytes at
/// a time: a word without `"`, a line break or a non-ASCII byte (where the
/// lead bytes of the other marks are) is skipped whole.
fn next_interesting(bytes: &[u8], from: usize, interesting: &[bool; 256]) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let has = |w: u64, b: u8| {
        let x = w ^ (ONES * u64::from(b));
        x.wrapping_sub(ONES) & !x & HIGH != 0
    };
    let mut at = from;
    while let Some(word) = bytes.get(at..at + 8) {
        let w = u64::from_ne_bytes(word.try_into().expect("eight bytes"));
        if w & HIGH != 0 || has(w, b'"') || has(w, b'\n') || has(w, b'\r') {
            if let Some(k) = word.iter().position(|&b| interesting[b as usize]) {
                return Some(at + k);
            }
        }
        at += 8;
    }
    let rest = bytes.get(at..).unwrap_or_default();
    rest.iter()
        .position(|&b| interesting[b as usize])
        .map(|k| at + k)
}

fn quote(side: &Side, bytes: Range<usize>, near: &mut Near) -> Option<Quote> {
    let units = &side.structure.units;
    near.unit = partition_near(units, near.unit, |u| u.bytes.end <= bytes.start);
    if units.get(near.unit).is_none_or(|u| u.rule.is_some()) {
        return None;
    }
    let inner = atoms_within(&side.atoms, bytes.start + 1..bytes.end - 1, &mut near.atom);
    let mut hasher = FxHasher::default();
    let mut bag = Vec::new();
    for atom in inner {
        hasher.write_u32(atom.key);
        if is_word(atom) {
            bag.push(atom.key);
        }
    }
    if bag.is_empty() {
        return None;
    }
    crate::order::sort_u32(&mut bag);
    Some(Quote {
        bytes,
        hash: hasher.finish(),
        bag,
    })
}

/// The atoms whose tokens lie inside `bytes`.
fn atoms_within<'a>(atoms: &'a [Atom], bytes: Range<usize>, near: &mut usize) -> &'a [Atom] {
    let start = partition_near(atoms, *near, |a| a.token().start < bytes.start);
    let inside = atoms[start..]
        .iter()
        .take_while(|a| a.token().end <= bytes.end && a.token().start < bytes.end)
        .count();
    *near = start + inside;
    &atoms[start..*near]
}

/// The atoms whose tokens start inside `bytes`.
fn starting_in(atoms: &[Atom], bytes: &Range<usize>, near: &mut usize) -> Range<usize> {
    let start = partition_near(atoms, *near, |a| a.token().start < bytes.start);
    *near = start
        + atoms[start..]
            .iter()
            .take_while(|a| a.token().start < bytes.end)
            .count();
    start..*near
}

fn is_word(atom: &Atom) -> bool {
    matches!(atom.kind, TokenKind::Word | TokenKind::Number) && !atom.token().is_empty()
}

#[inline(never)] // its own function in the wasm: see "Phases" in lib.rs
fn quote_facts(left: &Side, right: &Side, budget: &Budget, facts: &mut Vec<RawFact>) -> Tally {
    let (lq, rq) = (quotes(left), quotes(right));
    let mut tally = Tally::default();
    let mut left_used = vec![false; lq.len()];
    let mut right_used = vec![false; rq.len()];
    let mut ids: FxHashMap<u64, u32> = FxHashMap::default();
    let mut by_id: Vec<Vec<usize>> = Vec::new();
    for (i, q) in lq.iter().enumerate().rev() {
        let next = ids.len() as u32;
        let id = *ids.entry(q.hash).or_insert(next) as usize;
        if id == by_id.len() {
            by_id.push(Vec::new());
        }
        by_id[id].push(i);
    }
    for (j, q) in rq.iter().enumerate() {
        if let Some(i) = ids.get(&q.hash).and_then(|&id| by_id[id as usize].pop()) {
            left_used[i] = true;
            right_used[j] = true;
            tally.unchanged += 1;
        }
    }
    fn free<'q>(qs: &'q [Quote], used: &[bool]) -> Vec<(usize, &'q [u32])> {
        qs.iter()
            .enumerate()
            .filter(|(k, _)| !used[*k])
            .map(|(k, q)| (k, q.bag.as_slice()))
            .collect()
    }
    let (lrefs, rrefs) = (free(&lq, &left_used), free(&rq, &right_used));
    for (i, j) in fuzzy_pairs(&lrefs, &rrefs, QUOTE_OVERLAP, budget) {
        left_used[i] = true;
        right_used[j] = true;
        tally.altered += 1;
        facts.push(RawFact {
            kind: FactKind::Quote,
            change: FactChange::Altered,
            left: Some(lq[i].bytes.clone()),
            right: Some(rq[j].bytes.clone()),
            order: rq[j].bytes.start as u64,
        });
    }
    for (_, q) in rq.iter().enumerate().filter(|(j, _)| !right_used[*j]) {
        tally.added += 1;
        facts.push(RawFact {
            kind: FactKind::Quote,
            change: FactChange::Added,
            left: None,
            right: Some(q.bytes.clone()),
            order: q.bytes.start as u64,
        });
    }
    for q in lq
        .iter()
        .zip(&left_used)
        .filter(|(_, u)| !**u)
        .map(|(q, _)| q)
    {
        tally.cut += 1;
        facts.push(RawFact {
            kind: FactKind::Quote,
            change: FactChange::Cut,
            left: Some(q.bytes.clone()),
            right: None,
            order: AFTER_RIGHT + q.bytes.start as u64,
        });
    }
    tally
}

/// Numbers and names of one side of a change.
struct Items {
    numbers: Vec<(Range<usize>, u32)>,
    names: Vec<(Range<usize>, Vec<u32>)>,
}

fn items(side: &Side, first_words: &[usize], bytes: &Range<usize>, near: &mut usize) -> Items {
    let mut out = Items {
        numbers: Vec::new(),
        names: Vec::new(),
    };
    let mut last_name_atom = usize::MAX;
    for k in starting_in(&side.atoms, bytes, near) {
        let atom = &side.atoms[k];
        if atom.token().end > bytes.end {
            break;
        }
        match atom.kind {
            TokenKind::Number => out.numbers.push((atom.token(), atom.key)),
            TokenKind::Word if is_name(side, first_words, k) => {
                match out.names.last_mut() {
                    Some((range, keys)) if last_name_atom + 1 == k => {
                        range.end = atom.token().end;
                        keys.push(atom.key);
                    }
                    _ => out.names.push((atom.token(), vec![atom.key])),
                }
                last_name_atom = k;
            }
            _ => {}
        }
    }
    out
}

fn is_name(side: &Side, first_words: &[usize], k: usize) -> bool {
    let atom = &side.atoms[k];
    let text = &side.text[atom.token()];
    if text == "I" || !text.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if first_words.binary_search(&k).is_ok() {
        return false;
    }
    // The first word of a quotation is capitalised as a sentence is.
    let after_quote = k > 0
        && side.atoms[k - 1].filler().end == atom.token().start
        && matches!(
            &side.text[side.atoms[k - 1].token()],
            "“" | "\"" | "‘" | "'" | "„" | "«"
        )
        && side.atoms[k - 1].filler().is_empty();
    !after_quote
}

/// The first word atom of every unit, sorted.
fn first_words(side: &Side) -> Vec<usize> {
    side.structure
        .units
        .iter()
        .filter_map(|u| u.first_word)
        .collect()
}

#[inline(never)] // its own function in the wasm: see "Phases" in lib.rs
fn number_and_name_facts(
    left: &Side,
    right: &Side,
    ops: &[RawOp],
    facts: &mut Vec<RawFact>,
) -> Tally {
    let (lf, rf) = (first_words(left), first_words(right));
    let mut tally = Tally::default();
    let (mut lnear, mut rnear) = (0, 0);
    for op in ops.iter().filter(|op| op.in_pair && !op.boilerplate) {
        if op.kind == OpKind::Equal {
            let atoms = &right.atoms;
            tally.unchanged += atoms[starting_in(atoms, &op.right, &mut rnear)]
                .iter()
                .filter(|a| a.kind == TokenKind::Number)
                .count() as u32;
            continue;
        }
        // A respelt capitalised word (a replacement with character-level
        // parts) is a name even at the start of a sentence.
        let none: &[usize] = &[];
        let (lf, rf) = if op.parts.is_empty() {
            (&lf[..], &rf[..])
        } else {
            (none, none)
        };
        let a = items(left, lf, &op.left, &mut lnear);
        let b = items(right, rf, &op.right, &mut rnear);
        let order = op.right.start;
        let numbers = pair_up(
            FactKind::Number,
            &a.numbers,
            &b.numbers,
            order,
            facts,
            |x, y| x == y,
        );
        tally.altered += numbers.0;
        tally.cut += numbers.1;
        tally.added += numbers.2;
        pair_up(FactKind::Name, &a.names, &b.names, order, facts, |x, y| {
            x == y
        });
    }
    tally
}

/// Pairs items in order; returns (altered, cut, added).
fn pair_up<K>(
    kind: FactKind,
    left: &[(Range<usize>, K)],
    right: &[(Range<usize>, K)],
    order: usize,
    facts: &mut Vec<RawFact>,
    same: impl Fn(&K, &K) -> bool,
) -> (u32, u32, u32) {
    let mut counts = (0, 0, 0);
    for k in 0..left.len().max(right.len()) {
        let (l, r) = (left.get(k), right.get(k));
        let change = match (l, r) {
            (Some(l), Some(r)) if same(&l.1, &r.1) => continue,
            (Some(_), Some(_)) => {
                counts.0 += 1;
                FactChange::Altered
            }
            (Some(_), None) => {
                counts.1 += 1;
                FactChange::Cut
            }
            (None, Some(_)) => {
                counts.2 += 1;
                FactChange::Added
            }
            (None, None) => unreachable!("k < max(len)"),
        };
        facts.push(RawFact {
            kind,
            change,
            left: l.map(|x| x.0.clone()),
            right: r.map(|x| x.0.clone()),
            order: r.map_or(order, |x| x.0.start) as u64,
        });
    }
    counts
}
