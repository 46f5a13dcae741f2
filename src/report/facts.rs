//! Facts that changed: quotations, numbers and capitalised names.
//!
//! * **Quotes**: the passages between double quotes (`“…”`, `"…"`, `„…“`,
//!   `«…»`; a straight quote opens or closes by turn; a line break closes
//!   nothing and forgets an unclosed quote) outside boilerplate, in each
//!   text. A quote whose keys equal a quote of the other text is unchanged
//!   (counted in `stats.quotes` only); otherwise one whose words overlap a
//!   quote of the other text (Dice ≥ [`QUOTE_OVERLAP`]) is `altered`; the
//!   rest are `cut` (left only) or `added` (right only). A quote fact
//!   carries its speaker on each side when its sentence names one
//!   (`src/report/speakers.rs`).
//! * **Numbers** are quantities by value, with their qualifier
//!   (`src/report/quantities.rs`); **names** are whole runs of capitalised
//!   words (not at the start of a sentence or of a quotation unless respelt
//!   — a near-variant with character-level parts — not `I`, not a word of a
//!   quantity). Inside the changed ops of matched sentence pairs, the ones a
//!   change touches (overlaps, or stands next to when its span is empty)
//!   pair up in order: the same quantity or name written differently is no
//!   fact (a quantity counts as unchanged in `stats.numbers`), a different
//!   one is `altered`, whole on both sides; the ones left over are `cut` or
//!   `added` when the change has text on their side. Quantities in equal
//!   ops of matched pairs are counted as unchanged in `stats.numbers`.
//!
//! Facts come in the reading order of the right text; quotes cut
//! altogether follow, in the order of the left text.

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::align::fuzzy::fuzzy_pairs;
use crate::align::ops::RawOp;
use crate::budget::Budget;
use crate::report::quantities::{self, Item};
use crate::report::result::{FactChange, FactKind, Tally};
use crate::report::scan::Scan;
use crate::report::speakers::speaker;
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
#[derive(Debug, Clone, PartialEq)]
pub struct RawFact {
    pub kind: FactKind,
    pub change: FactChange,
    pub left: Option<Range<usize>>,
    pub right: Option<Range<usize>>,
    /// A number's value on each side.
    pub left_value: Option<f64>,
    pub right_value: Option<f64>,
    /// Who a quotation's sentence says spoke it, on each side.
    pub left_speaker: Option<Range<usize>>,
    pub right_speaker: Option<Range<usize>>,
    /// Where it sorts: its place in the right text, or after all of those
    /// (quotes cut altogether, by their place in the left text).
    order: u64,
}

impl RawFact {
    fn new(kind: FactKind, change: FactChange) -> Self {
        RawFact {
            kind,
            change,
            left: None,
            right: None,
            left_value: None,
            right_value: None,
            left_speaker: None,
            right_speaker: None,
            order: 0,
        }
    }
}

pub struct Found {
    pub facts: Vec<RawFact>,
    pub quotes: Tally,
    pub numbers: Tally,
}

#[inline(never)] // its own function in the wasm: see "Phases" in lib.rs
pub fn find(left: &Side, right: &Side, scan: &Scan, ops: &[RawOp], budget: &Budget) -> Found {
    let mut facts = Vec::new();
    let quotes = quote_facts(left, right, budget, &mut facts);
    let numbers = number_and_name_facts(left, right, scan, ops, &mut facts);
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

/// The first byte from `from` on that `interesting` marks. Sixteen bytes
/// at a time: a run without `"`, a control byte up to `\r` (line breaks) or
/// a non-ASCII byte (where the lead bytes of the other marks are) is
/// skipped whole.
fn next_interesting(bytes: &[u8], from: usize, interesting: &[bool; 256]) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    // The high bit of each such byte, or of one after it: a non-ASCII byte
    // shows its own; in ASCII, subtracting from each byte borrows (sets the
    // high bit) only below the amount, a zero byte being a `"` once `"` is
    // xored out. One test for all three, then.
    let flags = |w: u64| {
        (w | (w ^ (ONES * u64::from(b'"'))).wrapping_sub(ONES)
            | w.wrapping_sub(ONES * u64::from(b'\r' + 1)))
            & HIGH
    };
    let word = |b: &[u8]| u64::from_ne_bytes(b.try_into().expect("eight bytes"));
    let mut at = from;
    while let Some(run) = bytes.get(at..at + 16) {
        if flags(word(&run[..8])) | flags(word(&run[8..])) != 0
            && let Some(k) = run.iter().position(|&b| interesting[b as usize])
        {
            return Some(at + k);
        }
        at += 16;
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
    let hash = crate::hash::of(inner.iter().map(|a| u64::from(a.key)));
    let mut bag = Vec::with_capacity(inner.len());
    for atom in inner {
        if is_word(atom) {
            bag.push(atom.key);
        }
    }
    if bag.is_empty() {
        return None;
    }
    crate::order::sort_u32(&mut bag);
    Some(Quote { bytes, hash, bag })
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
    // The left quotes of each hash, first to last: the first by hash, then
    // a chain of the next (one table and one vector, not a vector a hash).
    let mut first: FxHashMap<u64, usize> = FxHashMap::default();
    first.reserve(lq.len());
    let mut next = vec![usize::MAX; lq.len()];
    for (i, q) in lq.iter().enumerate().rev() {
        if let Some(later) = first.insert(q.hash, i) {
            next[i] = later;
        }
    }
    for (j, q) in rq.iter().enumerate() {
        if let Some(at) = first.get_mut(&q.hash)
            && *at != usize::MAX
        {
            let i = *at;
            *at = next[i];
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
        facts.push(quote_fact(
            FactChange::Altered,
            Some((left, &lq[i])),
            Some((right, &rq[j])),
            rq[j].bytes.start as u64,
        ));
    }
    for (_, q) in rq.iter().enumerate().filter(|(j, _)| !right_used[*j]) {
        tally.added += 1;
        facts.push(quote_fact(
            FactChange::Added,
            None,
            Some((right, q)),
            q.bytes.start as u64,
        ));
    }
    for q in lq
        .iter()
        .zip(&left_used)
        .filter(|(_, u)| !**u)
        .map(|(q, _)| q)
    {
        tally.cut += 1;
        facts.push(quote_fact(
            FactChange::Cut,
            Some((left, q)),
            None,
            AFTER_RIGHT + q.bytes.start as u64,
        ));
    }
    tally
}

/// A quote fact, with the speaker of the quotation on each side (one
/// function for the three kinds of quote fact).
#[inline(never)]
fn quote_fact(
    change: FactChange,
    left: Option<(&Side, &Quote)>,
    right: Option<(&Side, &Quote)>,
    order: u64,
) -> RawFact {
    let mut fact = RawFact::new(FactKind::Quote, change);
    if let Some((side, q)) = left {
        fact.left = Some(q.bytes.clone());
        fact.left_speaker = speaker(side, &q.bytes);
    }
    if let Some((side, q)) = right {
        fact.right = Some(q.bytes.clone());
        fact.right_speaker = speaker(side, &q.bytes);
    }
    fact.order = order;
    fact
}

/// The names of a text: runs of capitalised words (not `I`, not a
/// sentence's or a quotation's first word, not in a quantity: `Five
/// thousand`) with nothing but spaces between them, each one whole; a
/// name's `id` is its words' keys.
/// `capitals`: the words that may be capitalised ([`Scan`]).
fn names(side: &Side, capitals: &[u32], quantities: &[Item]) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    let mut last = usize::MAX;
    let mut q = 0;
    // the first word atom of every unit, sorted
    let mut firsts = side
        .structure
        .units
        .iter()
        .filter_map(|u| u.first_word)
        .peekable();
    let bytes = side.text.as_bytes();
    for &k in capitals {
        let k = k as usize;
        let atom = &side.atoms[k];
        // `d…`, there for the credits
        if bytes[atom.token().start].is_ascii_lowercase() {
            continue;
        }
        // the first words are sorted, as the atoms are read
        while firsts.next_if(|&f| f < k).is_some() {}
        if firsts.peek() == Some(&k) || !is_name(side, k) {
            continue;
        }
        while quantities
            .get(q)
            .is_some_and(|x| x.bytes.end <= atom.token().start)
        {
            q += 1;
        }
        if quantities
            .get(q)
            .is_some_and(|x| x.bytes.start < atom.token().end)
        {
            continue;
        }
        let joined = last != usize::MAX && last + 1 == k && quantities::joined(side, k);
        match out.last_mut() {
            Some(name) if joined => {
                name.bytes.end = atom.token().end;
                name.reach = atom.filler().end;
                name.id = crate::hash::fold(name.id, u64::from(atom.key));
            }
            _ => out.push(name_of(atom)),
        }
        last = k;
    }
    out
}

fn name_of(atom: &Atom) -> Item {
    Item {
        bytes: atom.token(),
        reach: atom.filler().end,
        value: 0.0,
        id: crate::hash::fold(0, u64::from(atom.key)),
    }
}

/// The capitalised words of a respelt replacement, as names even at the
/// start of a sentence.
fn respelt_names(side: &Side, bytes: &Range<usize>, near: &mut usize) -> Vec<Item> {
    starting_in(&side.atoms, bytes, near)
        .filter(|&k| {
            let a = &side.atoms[k];
            a.kind == TokenKind::Word && a.token().end <= bytes.end && is_name(side, k)
        })
        .map(|k| name_of(&side.atoms[k]))
        .collect()
}

/// Whether the word at atom `k` may be (part of) a name, wherever it
/// stands: capitalised, not `I`, not a quotation's first word.
fn is_name(side: &Side, k: usize) -> bool {
    let atom = &side.atoms[k];
    // most words are lower-case ASCII: their first byte says so
    let initial = side.text.as_bytes()[atom.token().start];
    if initial.is_ascii() && !initial.is_ascii_uppercase() {
        return false;
    }
    let text = &side.text[atom.token()];
    // an ASCII capital is capitalised: only another initial is decoded
    if text == "I" || !(initial.is_ascii() || quantities::capitalised(text)) {
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

/// The quantities or names of both texts, and which are already reported.
struct Items {
    kind: FactKind,
    left: Vec<Item>,
    right: Vec<Item>,
    left_used: Vec<bool>,
    right_used: Vec<bool>,
}

impl Items {
    fn new(kind: FactKind, left: Vec<Item>, right: Vec<Item>) -> Self {
        Items {
            kind,
            left_used: vec![false; left.len()],
            right_used: vec![false; right.len()],
            left,
            right,
        }
    }

    /// Pairs the items a change touches in order: the same item written
    /// differently is unchanged, a different one `altered` (whole on both
    /// sides); the ones left over are `cut` or `added` when the change has
    /// text on their side (an item merely next to an empty span is compared
    /// but never reported alone).
    #[inline(never)]
    fn pair_up(&mut self, op: &RawOp, facts: &mut Vec<RawFact>, tally: &mut Tally) {
        let mut a = touching(&self.left, &op.left);
        let mut b = touching(&self.right, &op.right);
        let number = self.kind == FactKind::Number;
        let value = |item: &Item| number.then_some(item.value);
        loop {
            // the next free item on each side (an item is marked used only
            // once passed, so no list of the free ones is needed)
            let i = a.find(|&k| !self.left_used[k]);
            let j = b.find(|&k| !self.right_used[k]);
            let mut fact = match (i, j) {
                (None, None) => break,
                (Some(i), Some(j)) => {
                    self.left_used[i] = true;
                    self.right_used[j] = true;
                    if self.left[i].same(&self.right[j]) {
                        tally.unchanged += 1;
                        continue;
                    }
                    tally.altered += 1;
                    RawFact::new(self.kind, FactChange::Altered)
                }
                (Some(i), None) if !op.left.is_empty() => {
                    self.left_used[i] = true;
                    tally.cut += 1;
                    RawFact::new(self.kind, FactChange::Cut)
                }
                (None, Some(j)) if !op.right.is_empty() => {
                    self.right_used[j] = true;
                    tally.added += 1;
                    RawFact::new(self.kind, FactChange::Added)
                }
                _ => continue,
            };
            if let Some(i) = i {
                let item = &self.left[i];
                fact.left = Some(item.bytes.clone());
                fact.left_value = value(item);
            }
            fact.order = op.right.start as u64;
            if let Some(j) = j {
                let item = &self.right[j];
                fact.right = Some(item.bytes.clone());
                fact.right_value = value(item);
                fact.order = item.bytes.start as u64;
            }
            facts.push(fact);
        }
    }
}

/// The items in `list` (sorted, not overlapping) that a change at `bytes`
/// touches: overlapped by it or, for an empty span (where text went in or
/// out), next to it (up to the end of the whitespace after an item).
fn touching(list: &[Item], bytes: &Range<usize>) -> Range<usize> {
    let empty = bytes.is_empty();
    let first = list.partition_point(|x| {
        if empty {
            x.reach < bytes.start
        } else {
            x.bytes.end <= bytes.start
        }
    });
    let inside = list[first..]
        .iter()
        .take_while(|x| {
            if empty {
                x.bytes.start <= bytes.start
            } else {
                x.bytes.start < bytes.end
            }
        })
        .count();
    first..first + inside
}

#[inline(never)] // its own function in the wasm: see "Phases" in lib.rs
fn number_and_name_facts(
    left: &Side,
    right: &Side,
    scan: &Scan,
    ops: &[RawOp],
    facts: &mut Vec<RawFact>,
) -> Tally {
    let lq = quantities::find(left, &scan.left.quantities, &scan.positions);
    let rq = quantities::find(right, &scan.right.quantities, &scan.positions);
    let (ln, rn) = (
        names(left, &scan.left.capitals, &lq),
        names(right, &scan.right.capitals, &rq),
    );
    let mut numbers = Items::new(FactKind::Number, lq, rq);
    let mut names = Items::new(FactKind::Name, ln, rn);
    let mut tally = Tally::default();
    let mut discard = Tally::default();
    let (mut lnear, mut rnear) = (0, 0);
    let changes = ops
        .iter()
        .filter(|op| op.in_pair && !op.boilerplate && op.kind != OpKind::Equal);
    for op in changes {
        numbers.pair_up(op, facts, &mut tally);
        // A respelt word (a replacement with character-level parts) is a
        // name even at the start of a sentence.
        let touches = |list: &[Item], bytes| !touching(list, bytes).is_empty();
        let whole = op.parts.is_empty()
            || touches(&names.left, &op.left) && touches(&names.right, &op.right);
        if whole {
            names.pair_up(op, facts, &mut discard);
        } else {
            let mut respelt = Items::new(
                FactKind::Name,
                respelt_names(left, &op.left, &mut lnear),
                respelt_names(right, &op.right, &mut rnear),
            );
            respelt.pair_up(op, facts, &mut discard);
        }
    }
    // Quantities no change touched, in the equal ops of matched pairs.
    let rq = &numbers.right;
    for op in ops
        .iter()
        .filter(|op| op.in_pair && !op.boilerplate && op.kind == OpKind::Equal)
    {
        let first = rq.partition_point(|q| q.bytes.start < op.right.start);
        let inside = rq[first..]
            .iter()
            .take_while(|q| q.bytes.start < op.right.end)
            .count();
        for used in &mut numbers.right_used[first..first + inside] {
            if !*used {
                *used = true;
                tally.unchanged += 1;
            }
        }
    }
    tally
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_by_words_finds_what_a_scan_by_bytes_does() {
        let mut interesting = [false; 256];
        for b in [b'"', b'\n', b'\r', 0xC2, 0xE2] {
            interesting[usize::from(b)] = true;
        }
        // bytes next to the marks' values, which a word test might confuse
        let filler = b"\t\x0b\x0c\x0e\x1f !#\x7fAz";
        for mark in ["\"", "\n", "\r", "“", "«", "é", ""] {
            for at in 0..40 {
                let mut text: Vec<u8> = (0..at).map(|i| filler[i % filler.len()]).collect();
                text.extend(mark.as_bytes());
                text.extend(&filler[..at % filler.len()]);
                for from in 0..text.len() {
                    let expected = text[from..]
                        .iter()
                        .position(|&b| interesting[usize::from(b)])
                        .map(|k| from + k);
                    assert_eq!(next_interesting(&text, from, &interesting), expected);
                }
            }
        }
    }
}
