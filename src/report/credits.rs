//! The credit check: where each text credits a news agency, and whether the
//! outlet kept the wire's credits.
//!
//! An agency is named by one of its names (whole words, case as written):
//! `AP`, `Associated Press`; `Reuters`, `REUTERS`; `AFP`, `Agence
//! France-Presse`, `Agence France Presse`; `dpa`, `DPA`, `Deutsche
//! Presse-Agentur`; `EFE`; `ANSA`; `Xinhua`; `Kyodo`; `ANTARA`, `Antara`;
//! `Yonhap`. A name is a **credit** (not a mention such as "told The
//! Associated Press") when it stands:
//!
//! * right after an opening bracket: `(AP)`, `(Reuters) -`, `(AP Photo/…)`,
//!   `(dpa)`; the credit is the bracket, up to its `)` on the same line;
//! * next to a slash, or before `Photo`/`PHOTO`/`FOTO`: the photo credits
//!   `Kompas/AP`, `REUTERS/Vasily Fedosenko`, `ANTARA FOTO/…`;
//! * after a dash at the end of a line: `— Reuters`, `-- AFP`;
//! * alone on its line, or in a line saying `contributed` (`The Associated
//!   Press contributed to this report.`; the credit is the line);
//! * after a line's last sentence: `… en Madrid. EFE`.
//!
//! A bracketed credit is the dateline's when it lies in the text's dateline
//! (`MINSK, Belarus (AP) —`, `LONDON, April 17 (Reuters) -`; the dateline
//! rule of `src/text/boilerplate.rs`) or, without one, within the first 60
//! bytes of the story (`BERLIN (dpa) -`).
//!
//! The credits of each agency pair up in order, a dateline with a dateline
//! first: a pair is `kept`. A source credit left over is `replaced` when it
//! was in the dateline and the outlet has a dateline of its own that credits
//! no agency (`MINSK, KOMPAS.com -`: the outlet's dateline is the right
//! span), otherwise `removed`; an outlet credit left over is `added`.

use crate::order::const_sort;
use std::ops::Range;

use crate::report::result::{Agency, CreditStatus};
use crate::report::scan::Scan;
use crate::text::Side;
use crate::text::boilerplate::Rule;

/// A credit, in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawCredit {
    pub agency: Agency,
    pub status: CreditStatus,
    pub left: Option<Range<usize>>,
    pub right: Option<Range<usize>>,
}

/// The agencies' names, each credited to the agency at its place in
/// [`NAMED`].
const NAMES: [&str; 17] = [
    "Associated Press",
    "AP",
    "Reuters",
    "REUTERS",
    "Agence France-Presse",
    "Agence France Presse",
    "AFP",
    "Deutsche Presse-Agentur",
    "dpa",
    "DPA",
    "EFE",
    "ANSA",
    "Xinhua",
    "Kyodo",
    "ANTARA",
    "Antara",
    "Yonhap",
];
const NAMED: [Agency; NAMES.len()] = {
    use Agency::*;
    [
        Ap, Ap, Reuters, Reuters, Afp, Afp, Afp, Dpa, Dpa, Dpa, Efe, Ansa, Xinhua, Kyodo, Antara,
        Antara, Yonhap,
    ]
};

/// The first two bytes of each name in [`NAMES`] above the name's place,
/// sorted: a word is read further only against the names it starts like,
/// found by one binary search.
const STARTS: [u32; NAMES.len()] = {
    let mut out = [0u32; NAMES.len()];
    let mut k = 0;
    while k < NAMES.len() {
        let b = NAMES[k].as_bytes();
        out[k] = (b[0] as u32) << 16 | (b[1] as u32) << 8 | k as u32;
        k += 1;
    }
    const_sort!(out);
    out
};

/// A word's bit in [`PAIRS`], by its first two bytes.
const fn pair_bit(b: u8, c: u8) -> (usize, u64) {
    let bit = (b as usize * 7 + c as usize) % 256;
    (bit / 64, 1 << (bit % 64))
}

/// The [`pair_bit`]s of the names: a word without its bit starts none,
/// and is passed over before the search of [`STARTS`].
const PAIRS: [u64; 4] = {
    let mut out = [0u64; 4];
    let mut k = 0;
    while k < NAMES.len() {
        let b = NAMES[k].as_bytes();
        let (word, bit) = pair_bit(b[0], b[1]);
        out[word] |= bit;
        k += 1;
    }
    out
};

/// How far into the story a bracketed credit counts as the dateline's
/// when the dateline rule found none, in bytes.
const DATELINE_REACH: usize = 60;

/// How far a credit's line is read before and after the agency's name, in
/// bytes: as far as the credits reach (`The Associated Press contributed`,
/// `Associated Press writers … in Moscow contributed.`).
const LINE_BEFORE: usize = 24;
const LINE_AFTER: usize = 160;

/// One credit found in a text.
#[derive(Debug, Clone)]
struct Found {
    agency: Agency,
    bytes: Range<usize>,
    in_dateline: bool,
}

/// The credits of both texts, and what became of the source's.
pub fn check(left: &Side, right: &Side, scan: &Scan) -> Vec<RawCredit> {
    let (lc, rc) = (
        credits(left, &scan.left.capitals),
        credits(right, &scan.right.capitals),
    );
    let mut out = Vec::new();
    let mut right_used = vec![false; rc.len()];
    let mut left_status: Vec<Option<(CreditStatus, Option<Range<usize>>)>> = vec![None; lc.len()];
    // a dateline with a dateline first, then in order
    for datelines_only in [true, false] {
        for (i, l) in lc.iter().enumerate() {
            if left_status[i].is_some() || (datelines_only && !l.in_dateline) {
                continue;
            }
            let partner = rc.iter().enumerate().position(|(j, r)| {
                !right_used[j] && r.agency == l.agency && (!datelines_only || r.in_dateline)
            });
            if let Some(j) = partner {
                right_used[j] = true;
                left_status[i] = Some((CreditStatus::Kept, Some(rc[j].bytes.clone())));
            }
        }
    }
    let mut own_dateline = dateline(right).filter(|d| !rc.iter().any(|r| overlaps(&r.bytes, d)));
    for (l, status) in lc.iter().zip(left_status) {
        let (status, right) = status.unwrap_or_else(|| match own_dateline.take() {
            Some(d) if l.in_dateline => (CreditStatus::Replaced, Some(d)),
            other => {
                own_dateline = other;
                (CreditStatus::Removed, None)
            }
        });
        out.push(RawCredit {
            agency: l.agency,
            status,
            left: Some(l.bytes.clone()),
            right,
        });
    }
    for (r, _) in rc.iter().zip(&right_used).filter(|(_, used)| !**used) {
        out.push(RawCredit {
            agency: r.agency,
            status: CreditStatus::Added,
            left: None,
            right: Some(r.bytes.clone()),
        });
    }
    out
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The text's dateline, without the whitespace after it.
fn dateline(side: &Side) -> Option<Range<usize>> {
    let unit = side
        .structure
        .units
        .iter()
        .find(|u| u.rule == Some(Rule::Dateline))?;
    let text = &side.text[unit.bytes.clone()];
    let start = unit.bytes.start + (text.len() - text.trim_ascii_start().len());
    let end = unit.bytes.start + text.trim_ascii_end().len();
    (start < end).then_some(start..end)
}

/// The credits of a text, in order, among the words that may be
/// capitalised ([`Scan`]).
#[inline(never)] // its own function in the wasm: see "Phases" in lib.rs
fn credits(side: &Side, capitals: &[u32]) -> Vec<Found> {
    let text = side.text;
    let bytes = text.as_bytes();
    let dateline = dateline(side).or_else(|| {
        // `BERLIN (dpa) -`: a bracketed credit near the start of the story
        // that the dateline rule, which wants a capitalised agency, missed.
        let unit = side.structure.units.iter().find(|u| u.words > 0)?;
        Some(unit.bytes.start..unit.bytes.start + DATELINE_REACH)
    });
    let mut out: Vec<Found> = Vec::new();
    // One pass over the words (a name starts a word): only those starting
    // with the first two letters of a name are read further.
    let mut done = 0;
    for atom in capitals.iter().map(|&k| &side.atoms[k as usize]) {
        let at = atom.token().start;
        if at < done || at + 1 >= bytes.len() {
            continue;
        }
        let (b, c) = (bytes[at], bytes[at + 1]);
        if !(b.is_ascii_uppercase() || b == b'd') || (at > 0 && is_word_byte(bytes[at - 1])) {
            continue;
        }
        let (word, bit) = pair_bit(b, c);
        if PAIRS[word] & bit == 0 {
            continue;
        }
        let start = u32::from(b) << 16 | u32::from(c) << 8;
        let first = STARTS.partition_point(|&s| s < start);
        let found = STARTS[first..]
            .iter()
            .take_while(|&&s| s & !0xff == start)
            .map(|&s| (s & 0xff) as usize)
            .find(|&k| {
                bytes[at..].starts_with(NAMES[k].as_bytes())
                    && bytes
                        .get(at + NAMES[k].len())
                        .is_none_or(|&n| !is_word_byte(n))
            });
        let Some(k) = found else {
            continue;
        };
        let (name, agency) = (NAMES[k], NAMED[k]);
        let end = at + name.len();
        if let Some(credit) = credit_at(text, at..end) {
            done = credit.end.max(end);
            out.push(Found {
                agency,
                in_dateline: dateline.as_ref().is_some_and(|d| overlaps(d, &credit))
                    && bytes[credit.start] == b'(',
                bytes: credit,
            });
        } else {
            done = end;
        }
    }
    out
}

/// A byte of a word: an ASCII letter or digit, or any byte of a non-ASCII
/// character (a name glued to `é` or `ß` is part of a longer word).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// The credit around an agency's name at `name`, when it stands as one.
///
/// Only [`LINE_BEFORE`] bytes before and [`LINE_AFTER`] after are read (a
/// longer line is cut there), so that a text of one long line full of
/// agency names is still read in linear time.
fn credit_at(text: &str, name: Range<usize>) -> Option<Range<usize>> {
    let mut from = name.start.saturating_sub(LINE_BEFORE);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (name.end + LINE_AFTER).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let bytes = text.as_bytes();
    let breaks = |b: &u8| matches!(b, b'\n' | b'\r');
    let line_start = bytes[from..name.start]
        .iter()
        .rposition(breaks)
        .map_or(from, |k| from + k + 1);
    let line_end = bytes[name.end..to]
        .iter()
        .position(breaks)
        .map_or(to, |k| name.end + k);
    let before = &text[line_start..name.start];
    let after = &text[name.end..line_end];
    let line = line_start..line_end;
    let trimmed = |r: Range<usize>| {
        let s = &text[r.clone()];
        let start = r.start + (s.len() - s.trim_ascii_start().len());
        start..r.start + s.trim_ascii_end().len()
    };
    // `(AP)`, `(AP Photo/…)`, `(Reuters) -`
    let before_trimmed = before.trim_ascii_end();
    if before_trimmed.ends_with('(') {
        let open = line_start + before_trimmed.len() - 1;
        let close = after.find(')').filter(|&k| k <= 60);
        return Some(match close {
            Some(k) => open..name.end + k + 1,
            None => open..name.end,
        });
    }
    // photo credits: `Kompas/AP`, `REUTERS/Name`, `ANTARA FOTO/Name`
    if before.ends_with('/')
        || after.starts_with('/')
        || [" Photo", " PHOTO", " FOTO"]
            .iter()
            .any(|p| after.starts_with(p))
    {
        return Some(name);
    }
    // a sign-off at the end of a line: `— Reuters`
    let rest = after.trim_ascii_end();
    if rest.is_empty() || rest == "." {
        let dash = before.trim_ascii_end();
        if let Some(d) = ["—", "–", "--", "-"].iter().find(|d| dash.ends_with(**d)) {
            return Some(line_start + dash.len() - d.len()..name.end);
        }
        // alone on its line, or after the line's last sentence: `… Madrid. EFE`
        if before.trim_ascii().is_empty() || dash.ends_with(['.', '!', '?', '”', '"']) {
            return Some(name);
        }
    }
    // `The Associated Press contributed to this report.`
    if text.as_bytes()[line.clone()]
        .windows(11)
        .any(|w| w == b"contributed")
    {
        return Some(trimmed(line));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pair_filter_passes_every_name_and_few_other_pairs() {
        let mut passed = 0;
        for b in 0..=255u8 {
            for c in 0..=255u8 {
                let (word, bit) = pair_bit(b, c);
                let passes = PAIRS[word] & bit != 0;
                passed += usize::from(passes);
                if NAMES.iter().any(|n| n.as_bytes().starts_with(&[b, c])) {
                    assert!(passes, "{b} {c}");
                }
            }
        }
        assert!(passed < 256 * 256 / 8, "{passed}");
    }
}
