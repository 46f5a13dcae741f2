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

use std::ops::Range;

use crate::text::Side;
use crate::text::tokenize::TokenKind;

/// A quantity in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// From the qualifier (if any) to the number's last word.
    pub bytes: Range<usize>,
    /// Up to the end of the whitespace after it: a change next to it (an
    /// insertion or deletion right after) touches it.
    pub reach: usize,
    pub value: f64,
    /// The currency sign before the digits and `%` after, as written.
    unit: (String, String),
    qualifier: Qualifier,
}

impl Quantity {
    /// The same amount, however written.
    pub fn same(&self, other: &Quantity) -> bool {
        let scale = self.value.abs().max(other.value.abs()).max(1.0);
        (self.value - other.value).abs() <= scale * 1e-12
            && self.unit == other.unit
            && self.qualifier == other.qualifier
    }
}

/// What a qualifier says about the number after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Qualifier {
    Exact,
    Above,
    AtLeast,
    Below,
    AtMost,
    About,
    Nearly,
}

const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["more", "than"], Qualifier::Above),
    (&["over"], Qualifier::Above),
    (&["at", "least"], Qualifier::AtLeast),
    (&["less", "than"], Qualifier::Below),
    (&["fewer", "than"], Qualifier::Below),
    (&["under"], Qualifier::Below),
    (&["at", "most"], Qualifier::AtMost),
    (&["up", "to"], Qualifier::AtMost),
    (&["about"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["some"], Qualifier::About),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
];

fn small(word: &str) -> Option<f64> {
    const WORDS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    WORDS.iter().position(|w| *w == word).map(|k| k as f64)
}

fn tens(word: &str) -> Option<f64> {
    const WORDS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    WORDS
        .iter()
        .position(|w| *w == word)
        .map(|k| (k as f64 + 2.0) * 10.0)
}

fn scale(word: &str) -> Option<f64> {
    Some(match word {
        "hundred" => 100.0,
        "dozen" => 12.0,
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// The significant atoms of a text as lowercase words, joined only across
/// whitespace without a line break.
struct Words<'a> {
    side: &'a Side<'a>,
    lower: Vec<String>,
}

impl<'a> Words<'a> {
    fn new(side: &'a Side<'a>) -> Self {
        let lower = side
            .atoms
            .iter()
            .map(|a| match a.kind {
                TokenKind::Word => side.text[a.token()].to_lowercase(),
                _ => String::new(),
            })
            .collect();
        Words { side, lower }
    }

    /// The lowercase word at `k` when atom `k` follows `k - 1` on the same
    /// line (or `k` is `first`).
    fn word(&self, k: usize, first: usize) -> Option<&str> {
        let atom = self.side.atoms.get(k)?;
        if atom.kind != TokenKind::Word || (k > first && !self.joined(k)) {
            return None;
        }
        Some(&self.lower[k])
    }

    /// Atom `k` follows atom `k - 1` after spaces only (no line break).
    fn joined(&self, k: usize) -> bool {
        let filler = &self.side.text[self.side.atoms[k - 1].filler()];
        !filler.contains(['\n', '\r', '\u{2029}'])
    }

    fn filler(&self, k: usize) -> &str {
        &self.side.text[self.side.atoms[k].filler()]
    }

    fn token(&self, k: usize) -> &str {
        &self.side.text[self.side.atoms[k].token()]
    }
}

/// Every quantity of a text, in order.
pub fn find(side: &Side) -> Vec<Quantity> {
    let words = Words::new(side);
    let mut out = Vec::new();
    let mut k = 0;
    while k < side.atoms.len() {
        let mut found = None;
        for (qualifier_words, qualifier) in QUALIFIERS {
            let n = qualifier_words.len();
            let matches = (0..n).all(|i| {
                words.word(k + i, k) == Some(qualifier_words[i]) && (i == 0 || words.joined(k + i))
            });
            if matches
                && k + n < side.atoms.len()
                && words.joined(k + n)
                && let Some(number) = number(&words, k + n)
            {
                found = Some((number, *qualifier));
                break;
            }
        }
        let found = found.or_else(|| number(&words, k).map(|n| (n, Qualifier::Exact)));
        match found {
            Some(((end, value, unit), qualifier)) => {
                let (first, last) = (&side.atoms[k], &side.atoms[end - 1]);
                out.push(Quantity {
                    bytes: first.token().start..last.token().end,
                    reach: last.filler().end,
                    value,
                    unit,
                    qualifier,
                });
                k = end;
            }
            None => k += 1,
        }
    }
    out
}

/// A number starting at atom `k`: (the atom after it, its value, its unit).
fn number(words: &Words, k: usize) -> Option<(usize, f64, (String, String))> {
    let atoms = &words.side.atoms;
    let (mut end, mut value, mut unit) = if atoms.get(k)?.kind == TokenKind::Number {
        digits(words, k)?
    } else {
        let (end, value) = spelled(words, k)?;
        (end, value, (String::new(), String::new()))
    };
    // `2 and a half`, `1.5 million`
    if words.word(end, k) == Some("and")
        && words.word(end + 1, k) == Some("a")
        && words.word(end + 2, k) == Some("half")
        && atoms[k].kind == TokenKind::Number
    {
        value += 0.5;
        end += 3;
    }
    if atoms[k].kind == TokenKind::Number
        && let Some(s) = words.word(end, k).and_then(scale)
    {
        value *= s;
        end += 1;
    }
    if end < atoms.len()
        && words.token(end) == "%"
        && words.filler(end - 1).is_empty()
        && unit.1.is_empty()
    {
        unit.1 = "%".into();
        end += 1;
    }
    Some((end, value, unit))
}

/// `7,000`, `7 000`, `$1.5`.
fn digits(words: &Words, k: usize) -> Option<(usize, f64, (String, String))> {
    let text = words.token(k);
    let at = text.find(|c: char| c.is_ascii_digit())?;
    let (prefix, body) = text.split_at(at);
    let plain: String = body.chars().filter(|&c| c != ',').collect();
    let mut value: f64 = plain.parse().ok()?;
    let mut end = k + 1;
    // `7 000`: groups of three digits after a space, for a first group of
    // up to three digits without separators.
    if prefix.is_empty() && body.len() <= 3 && body.bytes().all(|b| b.is_ascii_digit()) {
        while end < words.side.atoms.len()
            && words.side.atoms[end].kind == TokenKind::Number
            && matches!(
                words.filler(end - 1),
                " " | "\u{a0}" | "\u{202f}" | "\u{2009}"
            )
            && words.token(end).len() == 3
            && words.token(end).bytes().all(|b| b.is_ascii_digit())
        {
            value = value * 1000.0 + words.token(end).parse::<f64>().ok()?;
            end += 1;
        }
    }
    Some((end, value, (prefix.to_string(), String::new())))
}

/// `five thousand`, `two and a half`, `a dozen`, `half a million`,
/// `twenty-five`.
fn spelled(words: &Words, k: usize) -> Option<(usize, f64)> {
    let w = |i: usize| words.word(i, k);
    if w(k) == Some("half")
        && w(k + 1) == Some("a")
        && let Some(s) = w(k + 2).and_then(scale)
    {
        return Some((k + 3, s / 2.0));
    }
    let (mut total, mut current) = (0.0, 0.0);
    let mut i = k;
    let mut any = false;
    if matches!(w(i), Some("a" | "an")) && w(i + 1).and_then(scale).is_some() {
        current = 1.0;
        i += 1;
    }
    while let Some(word) = w(i) {
        if let Some(v) = small(word) {
            current += v;
            i += 1;
        } else if let Some(v) = tens(word) {
            current += v;
            i += 1;
            // `twenty-five`: a hyphen with no space on either side
            if i + 1 < words.side.atoms.len()
                && words.token(i) == "-"
                && words.filler(i - 1).is_empty()
                && words.filler(i).is_empty()
                && let Some(u) = words.lower.get(i + 1).and_then(|u| small(u))
                && u < 10.0
            {
                current += u;
                i += 2;
            }
        } else if let Some(s) = scale(word) {
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
        } else if word == "and" && any {
            if w(i + 1) == Some("a") && w(i + 2) == Some("half") {
                // `two and a half million`: the half belongs to the number
                // before the scale word.
                current += 0.5;
                i += 3;
            } else if w(i + 1).is_some_and(|n| small(n).is_some() || tens(n).is_some()) {
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
