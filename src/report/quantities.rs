//! Quantities by value: a number written in digits or in English words,
//! with the qualifier before it, found in a text so that two ways of
//! writing the same amount compare equal.
//!
//! * **Digits**: `7,000`, `7000` and `7 000` (a group of up to three digits,
//!   then groups of exactly three after one space, no-break space or thin
//!   space) are 7000; `9.5`; a leading currency sign (`$1.5`) and a `%`
//!   right after the digits are the unit, which must match too.
//! * **Words** (any case): `zero` to `nineteen`, the tens `twenty` to
//!   `ninety` (with a unit after a hyphen, `twenty-five`), `hundred`,
//!   `thousand`, `million`, `billion`, `trillion`, `dozen`, `a`/`an` before
//!   one of those (`a dozen`, `a million`), `and` inside (`one hundred and
//!   twenty`), `and a half` (`two and a half` is 2.5), `half a` before a
//!   scale word (`half a million`). Digits take a scale word and `and a half`
//!   too: `1.5 million`, `2 and a half`.
//! * **Qualifiers** right before the number change the quantity: `over` and
//!   `more than`, `at least`, `under`, `less than` and `fewer than`, `at
//!   most` and `up to`, `about`, `around`, `roughly`, `approximately` and
//!   `some`, `nearly` and `almost`: each group is one meaning, so "over two"
//!   is not "two" but is "more than two" written differently.
//!
//! Two quantities are the same when value, unit and qualifier group are.

use crate::order::const_sort;
use std::ops::Range;

use crate::text::Side;
use crate::text::tokenize::TokenKind;

/// A quantity or a name in a text: what a change can touch, and what makes
/// two of them the same.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// From the qualifier (if any) to the number's last word; a name's words.
    pub bytes: Range<usize>,
    /// Up to the end of the whitespace after it: a change next to it (an
    /// insertion or deletion right after) touches it.
    pub reach: usize,
    /// A quantity's value (0 for a name).
    pub value: f64,
    /// A quantity's qualifier group, `%` and currency sign; a name's keys:
    /// each folded in with [`crate::hash::fold`].
    pub id: u64,
}

impl Item {
    /// The same amount or name, however written.
    pub fn same(&self, other: &Item) -> bool {
        let scale = self.value.abs().max(other.value.abs()).max(1.0);
        self.id == other.id && (self.value - other.value).abs() <= scale * 1e-12
    }
}

/// The qualifiers, two-word ones joined by `-`, by group: the group of
/// the qualifier at place `k` is `QUALIFIER_GROUPS[k]` (0 is none).
const QUALIFIERS: &str = "more-than over at-least less-than fewer-than under at-most up-to \
                          about around roughly approximately some nearly almost";
const QUALIFIER_GROUPS: [u8; 15] = [1, 1, 2, 3, 3, 3, 4, 4, 5, 5, 5, 5, 5, 6, 6];

/// `zero` to `nineteen`, then the tens from `twenty`.
const NUMBER_WORDS: &str = "zero one two three four five six seven eight nine ten eleven twelve \
                            thirteen fourteen fifteen sixteen seventeen eighteen nineteen \
                            twenty thirty forty fifty sixty seventy eighty ninety";

const SCALE_WORDS: &str = "hundred dozen thousand million billion trillion";
const SCALES: [f64; 6] = [100.0, 12.0, 1e3, 1e6, 1e9, 1e12];

/// Atom `k` follows atom `k - 1` with no line break between them (a line
/// feed, a carriage return or U+2029, read as bytes).
#[inline(never)]
pub fn joined(side: &Side, k: usize) -> bool {
    let filler = &side.text.as_bytes()[side.atoms[k - 1].filler()];
    !filler
        .iter()
        .enumerate()
        .any(|(i, &b)| b == b'\n' || b == b'\r' || filler[i..].starts_with("\u{2029}".as_bytes()))
}

/// The word starts with a capital letter.
#[inline(never)]
pub fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `word` is in `list`, in any ASCII case. The short word lists
/// go through this one loop: a comparison per listed word, written out by
/// the compiler, would cost more of the wasm than the lists themselves.
#[inline(never)]
pub fn listed(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// A word of ASCII letters in any case as a number: its letters in base 27
/// (`a` is 1), so that words of up to 13 letters, as long as any listed
/// word, fit in a `u64` and two words are equal when their numbers are.
/// `None` for any other word, which no list holds.
const fn pack(word: &[u8]) -> Option<u64> {
    if word.len() > 13 {
        return None;
    }
    let (mut i, mut p) = (0, 0u64);
    while i < word.len() {
        // in lower case (bit 5 set), an ASCII letter is in `a..=z`, and no
        // other byte is
        let b = word[i] | 0x20;
        if !b.is_ascii_lowercase() {
            return None;
        }
        p = p * 27 + (b - b'a' + 1) as u64;
        i += 1;
    }
    Some(p)
}

/// The words that may start a quantity, in this order: `zero` to
/// `nineteen`, the tens, the scale words, `a`, `an`, `half` (`a dozen`,
/// `half a million`), the qualifiers' first words (`more` of `more-than`).
/// Each is [`pack`]ed above its place in that order, and they are sorted,
/// so that whether a word is among them, and where, is one binary search of
/// numbers (most words of a text are in none). Made at compile time, and
/// read as [`KEYS`] and [`PLACES`].
const LISTED: [u128; 52] = {
    let mut out = [0u128; 52];
    let lists = [NUMBER_WORDS, SCALE_WORDS, "a an half", QUALIFIERS];
    let (mut n, mut l) = (0, 0);
    while l < lists.len() {
        let b = lists[l].as_bytes();
        let (mut i, mut start) = (0, 0);
        while i <= b.len() {
            if i == b.len() || b[i] == b' ' || b[i] == b'-' {
                if i > start && (start == 0 || b[start - 1] == b' ') {
                    let Some(p) = pack(b.split_at(i).0.split_at(start).1) else {
                        panic!("a listed word packs");
                    };
                    out[n] = (p as u128) << 8 | n as u128;
                    n += 1;
                }
                start = i + 1;
            }
            i += 1;
        }
        l += 1;
    }
    assert!(n == out.len(), "every word is listed");
    const_sort!(out);
    out
};
/// [`LISTED`] apart: the packed words, searched as `u64`s, and their places.
const KEYS: [u64; LISTED.len()] = {
    let mut out = [0; LISTED.len()];
    let mut k = 0;
    while k < out.len() {
        out[k] = (LISTED[k] >> 8) as u64;
        k += 1;
    }
    out
};
const PLACES: [u8; LISTED.len()] = {
    let mut out = [0; LISTED.len()];
    let mut k = 0;
    while k < out.len() {
        out[k] = LISTED[k] as u8;
        k += 1;
    }
    out
};
/// Where the scale words, and the qualifiers, start in [`LISTED`]'s order;
/// the places of `a`, `an` and `half`.
const FIRST_SCALE: usize = 28;
const FIRST_QUALIFIER: usize = 37;
const A: usize = FIRST_SCALE + SCALES.len();
const AN: usize = A + 1;
const HALF: usize = A + 2;

/// The second word of each qualifier, [`pack`]ed (0: none), by place.
const QUALIFIER_SECONDS: [u64; 15] = {
    let mut out = [0u64; 15];
    let b = QUALIFIERS.as_bytes();
    let (mut i, mut n, mut second) = (0, 0, None);
    while i <= b.len() {
        if i == b.len() || b[i] == b' ' {
            if let Some(start) = second {
                let Some(p) = pack(b.split_at(i).0.split_at(start).1) else {
                    panic!("a listed word packs");
                };
                out[n] = p;
            }
            (n, second) = (n + 1, None);
        } else if b[i] == b'-' {
            second = Some(i + 1);
        }
        i += 1;
    }
    assert!(n == out.len(), "one second word or none per qualifier");
    out
};

/// The position of a word in none of the lists.
pub const NONE: u8 = u8::MAX;

/// Where `word` (in any ASCII case) is in [`KEYS`]: the first of its
/// places, or [`NONE`]. A word's position depends on its token key only
/// (keys differ at least as words do in ASCII case), so the report reads it
/// once per key ([`crate::report::scan`]).
pub fn position(word: &[u8]) -> u8 {
    // most words are passed over by their first and last letters and length
    let (Some(&first), Some(&last)) = (word.first(), word.last()) else {
        return NONE;
    };
    let first = first | 0x20;
    if !first.is_ascii_lowercase()
        || word.len() > 13
        || FILTER[usize::from(first - b'a')] & filter_bit(last, word.len()) == 0
    {
        return NONE;
    }
    let Some(p) = pack(word) else {
        return NONE;
    };
    let at = KEYS.partition_point(|&x| x < p);
    if KEYS.get(at) == Some(&p) {
        at as u8
    } else {
        NONE
    }
}

/// The places, in [`LISTED`]'s order, of the word at `position`.
fn places(position: u8) -> impl Iterator<Item = usize> {
    let at = usize::from(position).min(KEYS.len());
    let key = KEYS.get(at).copied();
    KEYS[at..]
        .iter()
        .zip(&PLACES[at..])
        .take_while(move |&(&x, _)| Some(x) == key)
        .map(|(_, &place)| usize::from(place))
}

/// The first place of the word at `position`.
fn place(position: u8) -> Option<usize> {
    PLACES.get(usize::from(position)).map(|&p| usize::from(p))
}

/// A word's bit in [`FILTER`], by its last byte (in either ASCII case) and
/// its length: a few bits of 64 for a first letter's listed words.
const fn filter_bit(last: u8, len: usize) -> u64 {
    1 << (((last | 0x20) as usize % 32 * 5 + len) % 64)
}

/// For each first letter `a`–`z`, the [`filter_bit`]s of the words of
/// [`LISTED`]: a word with none of its letter's bits is in no list, and is
/// passed over without a look-up.
const FILTER: [u64; 26] = {
    let mut out = [0u64; 26];
    let lists = [NUMBER_WORDS, SCALE_WORDS, QUALIFIERS, "a an half"];
    let mut l = 0;
    while l < lists.len() {
        let b = lists[l].as_bytes();
        let (mut i, mut start) = (0, 0);
        while i <= b.len() {
            if i == b.len() || b[i] == b' ' || b[i] == b'-' {
                if i > start && (start == 0 || b[start - 1] == b' ') {
                    out[(b[start] - b'a') as usize] |= filter_bit(b[i - 1], i - start);
                }
                start = i + 1;
            }
            i += 1;
        }
        l += 1;
    }
    out
};

/// What a word may start.
#[derive(Clone, Copy, PartialEq)]
enum Start {
    Nothing,
    /// A number: a number or scale word, or `a`, `an`, `half`.
    Number,
    /// A qualifier, by its first word.
    Qualifier,
}

/// What the word at `position` may start.
fn may_start(position: u8) -> Start {
    match place(position) {
        Some(k) if k < FIRST_QUALIFIER => Start::Number,
        Some(_) => Start::Qualifier,
        None => Start::Nothing,
    }
}

/// A number word's value, and whether it is one of the tens, by position.
fn number_word(position: u8) -> Option<(f64, bool)> {
    match place(position)? {
        k if k < 20 => Some((k as f64, false)),
        k if k < FIRST_SCALE => Some(((k - 18) as f64 * 10.0, true)),
        _ => None,
    }
}

fn scale(position: u8) -> Option<f64> {
    let k = place(position)?.checked_sub(FIRST_SCALE)?;
    SCALES.get(k).copied()
}

/// The qualifier at atom `k`: how many words it has, and its group.
fn qualifier(words: &Words, k: usize) -> Option<(usize, u8)> {
    let first = words.listed(k, k)?;
    let second = words.word(k + 1, k).and_then(|w| pack(w.as_bytes()));
    places(first)
        .filter_map(|k| k.checked_sub(FIRST_QUALIFIER))
        .find_map(|q| match QUALIFIER_SECONDS[q] {
            0 => Some((1, QUALIFIER_GROUPS[q])),
            s => (second == Some(s)).then_some((2, QUALIFIER_GROUPS[q])),
        })
}

/// The atoms of one text, read as words.
struct Words<'a> {
    side: &'a Side<'a>,
    /// Every word's position by token key.
    positions: &'a [u8],
}

impl Words<'_> {
    /// The word at atom `k` when it follows atom `k - 1` on the same line
    /// (or `k` is `first`).
    #[inline(never)]
    fn word(&self, k: usize, first: usize) -> Option<&str> {
        let atom = self.side.atoms.get(k)?;
        if atom.kind != TokenKind::Word || (k > first && !self.joined(k)) {
            return None;
        }
        Some(&self.side.text[atom.token()])
    }

    /// The position of the word at atom `k` when [`Words::word`] is one.
    fn listed(&self, k: usize, first: usize) -> Option<u8> {
        self.word(k, first)?;
        Some(self.position(k))
    }

    /// The position of atom `k`, [`NONE`] for anything but a word.
    fn position(&self, k: usize) -> u8 {
        let atom = &self.side.atoms[k];
        if atom.kind == TokenKind::Word {
            self.positions[atom.key as usize]
        } else {
            NONE
        }
    }

    /// The word at `k` is `expected` (in any case).
    #[inline(never)]
    fn is(&self, k: usize, first: usize, expected: &str) -> bool {
        self.word(k, first)
            .is_some_and(|w| w.eq_ignore_ascii_case(expected))
    }

    /// Atom `k` follows atom `k - 1` after spaces only (no line break).
    fn joined(&self, k: usize) -> bool {
        joined(self.side, k)
    }

    fn filler(&self, k: usize) -> &str {
        &self.side.text[self.side.atoms[k].filler()]
    }

    fn token(&self, k: usize) -> &str {
        &self.side.text[self.side.atoms[k].token()]
    }
}

/// Every quantity of a text, in order, from the atoms that may start one
/// (`starts`: digits, and words with a position) and every word's position
/// by token key.
#[inline(never)] // its own function in the wasm: see "Phases" in lib.rs
pub fn find(side: &Side, starts: &[u32], positions: &[u8]) -> Vec<Item> {
    let words = Words { side, positions };
    let atoms = &side.atoms;
    let mut out = Vec::new();
    // the first atom after the last quantity found
    let mut next = 0;
    for &k in starts {
        let k = k as usize;
        if k < next {
            continue;
        }
        let start = if atoms[k].kind == TokenKind::Number {
            Start::Number
        } else {
            may_start(words.position(k))
        };
        let found = match start {
            Start::Number => number(&words, k).map(|n| (n, 0)),
            Start::Qualifier => qualifier(&words, k).and_then(|(n, group)| {
                let number = (k + n < atoms.len() && words.joined(k + n))
                    .then(|| number(&words, k + n))??;
                Some((number, u32::from(group)))
            }),
            _ => None,
        };
        if let Some(((end, value, id), group)) = found {
            out.push(Item {
                bytes: atoms[k].token().start..atoms[end - 1].token().end,
                reach: atoms[end - 1].filler().end,
                value,
                id: crate::hash::fold(id, u64::from(group)),
            });
            next = end;
        }
    }
    out
}

/// A number starting at atom `k`: (the atom after it, its value, its id:
/// the currency sign's characters, then `%` or not).
fn number(words: &Words, k: usize) -> Option<(usize, f64, u64)> {
    let atoms = &words.side.atoms;
    let digits = atoms.get(k)?.kind == TokenKind::Number;
    let mut id = 0;
    let (mut end, mut value) = if digits {
        let text = words.token(k);
        let at = text.bytes().position(|b| b.is_ascii_digit())?;
        id = text[..at]
            .chars()
            .fold(id, |id, c| crate::hash::fold(id, u64::from(c)));
        grouped(words, k, &text[at..], at == 0)?
    } else {
        spelled(words, k)?
    };
    if digits {
        // `2 and a half`, `1.5 million`
        if words.is(end, k, "and") && words.is(end + 1, k, "a") && words.is(end + 2, k, "half") {
            value += 0.5;
            end += 3;
        }
        if let Some(s) = words.listed(end, k).and_then(scale) {
            value *= s;
            end += 1;
        }
    }
    let percent = end < atoms.len() && words.token(end) == "%" && words.filler(end - 1).is_empty();
    end += usize::from(percent);
    Some((end, value, crate::hash::fold(id, u64::from(percent))))
}

/// `7,000`, `9.5`, and `7 000`: groups of three digits after a space, for
/// a first group of up to three digits without a sign or separators.
fn grouped(words: &Words, k: usize, body: &str, plain: bool) -> Option<(usize, f64)> {
    let mut value = decimal(body)?;
    let mut end = k + 1;
    let three = |s: &str| s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit());
    if plain && body.len() <= 3 && body.bytes().all(|b| b.is_ascii_digit()) {
        while end < words.side.atoms.len()
            && matches!(
                words.filler(end - 1),
                " " | "\u{a0}" | "\u{202f}" | "\u{2009}"
            )
            && three(words.token(end))
        {
            value = value * 1000.0 + decimal(words.token(end))?;
            end += 1;
        }
    }
    Some((end, value))
}

/// The value of digits with `,` between groups and `.` before decimals:
/// the digits as a whole number over a power of ten, as exact as an `f64`
/// holds (std's float parser would add to the wasm for nothing).
fn decimal(body: &str) -> Option<f64> {
    let (mut mantissa, mut scale, mut decimals) = (0u64, 1u64, false);
    for b in body.bytes() {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
                if decimals {
                    scale = scale.checked_mul(10)?;
                }
            }
            b',' if !decimals => {}
            b'.' if !decimals => decimals = true,
            _ => return None,
        }
    }
    Some(mantissa as f64 / scale as f64)
}

/// `five thousand`, `two and a half`, `a dozen`, `half a million`,
/// `twenty-five`.
fn spelled(words: &Words, k: usize) -> Option<(usize, f64)> {
    // most words start no number: one look-up says so
    let first = words.listed(k, k).and_then(place)?;
    // A word that is no number itself starts one only before the word it
    // goes with (`a dozen`, `half a million`; a scale word alone, none):
    // the commonest, `a`, is passed over here.
    if first >= FIRST_SCALE {
        let next = words.listed(k + 1, k).and_then(place);
        let goes = match first {
            HALF => next == Some(A),
            A | AN => next.is_some_and(|n| (FIRST_SCALE..A).contains(&n)),
            _ => false,
        };
        if !goes {
            return None;
        }
    }
    let w = |i: usize| words.word(i, k);
    let listed = |i: usize| words.listed(i, k);
    if words.is(k, k, "half")
        && words.is(k + 1, k, "a")
        && let Some(s) = listed(k + 2).and_then(scale)
    {
        return Some((k + 3, s / 2.0));
    }
    let (mut total, mut current) = (0.0, 0.0);
    let mut i = k;
    let mut any = false;
    if (words.is(i, k, "a") || words.is(i, k, "an")) && listed(i + 1).and_then(scale).is_some() {
        current = 1.0;
        i += 1;
    }
    while let Some(word) = w(i) {
        let position = words.position(i);
        if let Some((v, tens)) = number_word(position) {
            current += v;
            i += 1;
            // `twenty-five`: a hyphen with no space on either side
            if tens
                && i + 1 < words.side.atoms.len()
                && words.token(i) == "-"
                && words.filler(i - 1).is_empty()
                && words.filler(i).is_empty()
                && let Some((u, false)) = number_word(words.position(i + 1))
                && u < 10.0
            {
                current += u;
                i += 2;
            }
        } else if let Some(s) = scale(position) {
            if !any && current == 0.0 {
                break;
            }
            if s < 1e3 {
                current = current.max(1.0) * s;
            } else {
                total += current.max(1.0) * s;
                current = 0.0;
            }
            i += 1;
        } else if word.eq_ignore_ascii_case("and") && any {
            if words.is(i + 1, k, "a") && words.is(i + 2, k, "half") {
                // `two and a half million`: the half belongs to the number
                // before the scale word.
                current += 0.5;
                i += 3;
            } else if listed(i + 1).and_then(number_word).is_some() {
                i += 1;
            } else {
                break;
            }
            continue;
        } else {
            break;
        }
        any = true;
    }
    any.then_some((i, total + current))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packed_lists_hold_their_words_and_no_others() {
        for word in NUMBER_WORDS
            .split(' ')
            .chain(SCALE_WORDS.split(' '))
            .chain(["a", "an", "half"])
        {
            assert!(
                may_start(position(word.as_bytes())) == Start::Number,
                "{word}"
            );
            let upper = word.to_uppercase();
            assert!(
                may_start(position(upper.as_bytes())) == Start::Number,
                "{word}"
            );
            let mixed: String = word
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    if i % 2 == 0 {
                        c.to_ascii_uppercase()
                    } else {
                        c
                    }
                })
                .collect();
            assert!(
                may_start(position(mixed.as_bytes())) == Start::Number,
                "{word}"
            );
        }
        for qualifier in QUALIFIERS.split_ascii_whitespace() {
            let first = qualifier.split('-').next().unwrap();
            assert!(
                may_start(position(first.as_bytes())) == Start::Qualifier,
                "{qualifier}"
            );
        }
        for word in [
            "the",
            "workers",
            "said",
            "",
            "fiftyfive",
            "millions",
            "é",
            "than",
            "to",
            "least",
            "approximatelyy",
            "one1",
            "two.",
            "[en",
            "tEn\u{e9}",
        ] {
            assert_eq!(position(word.as_bytes()), NONE, "{word}");
            assert!(places(position(word.as_bytes())).next().is_none(), "{word}");
            assert!(
                may_start(position(word.as_bytes())) == Start::Nothing,
                "{word}"
            );
        }
        assert_eq!(places(position(b"at")).collect::<Vec<_>>(), [39, 43]);
        assert_eq!(places(position(b"AT")).collect::<Vec<_>>(), [39, 43]);
    }

    #[test]
    fn the_places_give_the_values() {
        let number_word = |word: &str| number_word(position(word.as_bytes()));
        let scale = |word: &str| scale(position(word.as_bytes()));
        for (k, word) in NUMBER_WORDS.split(' ').enumerate() {
            let value = if k < 20 { k } else { (k - 18) * 10 };
            assert_eq!(number_word(word), Some((value as f64, k >= 20)), "{word}");
            assert_eq!(scale(word), None, "{word}");
        }
        for (word, value) in SCALE_WORDS.split(' ').zip(SCALES) {
            assert_eq!((number_word(word), scale(word)), (None, Some(value)));
        }
        for (word, at) in [
            ("a", A),
            ("an", AN),
            ("half", HALF),
            ("more", FIRST_QUALIFIER),
        ] {
            assert_eq!(place(position(word.as_bytes())), Some(at), "{word}");
        }
        assert_eq!(place(position(b"hundred")), Some(FIRST_SCALE));
        for word in ["a", "an", "Half", "about"] {
            assert_eq!((number_word(word), scale(word)), (None, None));
        }
    }
}
