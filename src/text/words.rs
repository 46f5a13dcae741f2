//! UAX #29 word boundaries, forward only: `unicode-segmentation`'s
//! `split_word_bound_indices` with its tables re-encoded: its word-break and
//! Extended_Pictographic tables become runs stored as 16-bit gaps
//! ([`super::tables::words`]), smaller in the wasm and compressing better.
//! The state machine in [`segment_len`] is a port of its
//! `UWordBounds::next` (MIT or Apache-2.0, the unicode-rs developers), rule
//! for rule, so the boundaries are its boundaries;
//! `tests/words.rs` holds the two equal (every char in every context that
//! tells the categories apart, and random text), and `scripts/word-table.py`
//! makes the tables from its own at the version in Cargo.lock.

use std::sync::LazyLock;

use super::tables::words::{CODES, GAPS};

/// A UAX #29 word-break category; Format is folded into Extend, which no
/// rule tells apart from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cat {
    Any,
    ALetter,
    HebrewLetter,
    Numeric,
    Katakana,
    ExtendNumLet,
    MidLetter,
    MidNum,
    MidNumLet,
    SingleQuote,
    DoubleQuote,
    Extend,
    Zwj,
    RegionalIndicator,
    WSegSpace,
    Cr,
    Lf,
    Newline,
}

/// [`Cat`] by its number in [`CODES`] (`scripts/word-table.py` reads this
/// order).
const CATS: [Cat; 18] = [
    Cat::Any,
    Cat::ALetter,
    Cat::HebrewLetter,
    Cat::Numeric,
    Cat::Katakana,
    Cat::ExtendNumLet,
    Cat::MidLetter,
    Cat::MidNum,
    Cat::MidNumLet,
    Cat::SingleQuote,
    Cat::DoubleQuote,
    Cat::Extend,
    Cat::Zwj,
    Cat::RegionalIndicator,
    Cat::WSegSpace,
    Cat::Cr,
    Cat::Lf,
    Cat::Newline,
];

/// The bit of a code that marks Extended_Pictographic.
const PICTOGRAPHIC: u8 = 0x20;

/// Where each run starts, summed from `GAPS` once, and for each block of
/// 128 code points the run its first one is in (so that a lookup searches a
/// few runs, not all: as fast as `unicode-segmentation`'s own index, which
/// the wasm would have to carry).
struct Runs {
    starts: Vec<u32>,
    blocks: Vec<u16>,
}

static RUNS: LazyLock<Runs> = LazyLock::new(|| {
    let starts: Vec<u32> = GAPS
        .iter()
        .scan(0u32, |at, &gap| {
            *at += u32::from(gap);
            Some(*at)
        })
        .collect();
    let blocks = (0..=char::MAX as u32 >> 7)
        .map(|block| (starts.partition_point(|&s| s <= block << 7) - 1) as u16)
        .collect();
    Runs { starts, blocks }
});

fn code(c: char) -> u8 {
    let Runs { starts, blocks } = &*RUNS;
    let (u, block) = (c as u32, (c as u32 >> 7) as usize);
    let first = usize::from(blocks[block]);
    let last = blocks
        .get(block + 1)
        .map_or(starts.len() - 1, |&i| usize::from(i));
    CODES[first + starts[first..=last].partition_point(|&s| s <= u) - 1]
}

fn category(c: char) -> Cat {
    CATS[usize::from(code(c) & !PICTOGRAPHIC)]
}

fn is_pictographic(c: char) -> bool {
    code(c) & PICTOGRAPHIC != 0
}

/// The word segments of `text` with their byte offsets, as
/// `unicode-segmentation`'s `split_word_bound_indices` gives them.
pub fn word_bounds(text: &str) -> WordBounds<'_> {
    WordBounds {
        text,
        at: 0,
        cat: None,
    }
}

pub struct WordBounds<'a> {
    text: &'a str,
    at: usize,
    /// The category of the next segment's first char, when already read.
    cat: Option<Cat>,
}

impl<'a> Iterator for WordBounds<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let rest = &self.text[self.at..];
        if rest.is_empty() {
            return None;
        }
        let start = self.at;
        let len = segment_len(rest, &mut self.cat);
        self.at += len;
        Some((start, &rest[..len]))
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Start,
    Letter,
    HLetter,
    Numeric,
    Katakana,
    ExtendNumLet,
    /// Regional indicators: one read (`false`) or a pair (`true`).
    Regional(bool),
    FormatExtend(Want),
    Zwj,
    Emoji,
    WSegSpace,
}

/// What a run of Extend/Format after a letter, a number or a quote waits for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Want {
    AcceptNone,
    RequireLetter,
    RequireHLetter,
    AcceptQLetter,
    RequireNumeric,
}

/// The category of the char after the one at `idx`.
fn next_cat(s: &str, idx: usize) -> Option<Cat> {
    let mut chars = s[idx..].chars();
    chars.next();
    chars.next().map(category)
}

/// The length of the first segment of `s` (not empty). `cached` carries the
/// category of the char after a segment over to the next call.
fn segment_len(s: &str, cached: &mut Option<Cat>) -> usize {
    use State::*;
    use Want::*;
    let mut take_curr = true;
    let mut take_cat = true;
    let mut idx = 0;
    let mut saveidx = 0;
    let mut state = Start;
    let mut cat = Cat::Any;
    let mut savecat = Cat::Any;
    // WB3d must not join spaces across a skipped Extend/Format/ZWJ.
    let mut skipped_format_extend = false;
    for (curr, ch) in s.char_indices() {
        idx = curr;
        // WB4 folds a ZWJ into the state before it; WB3c still needs to know.
        let prev_zwj = cat == Cat::Zwj;
        cat = cached.take().unwrap_or_else(|| category(ch));
        take_cat = true;
        // WB4, but at the start a run of Extend/Format/ZWJ is one segment.
        if state != Start && matches!(cat, Cat::Extend | Cat::Zwj) {
            skipped_format_extend = true;
            continue;
        }
        // WB3c
        if prev_zwj && is_pictographic(ch) {
            state = Emoji;
            continue;
        }
        state = match state {
            Start if cat == Cat::Cr => {
                // WB3, WB3a
                if next_cat(s, idx) == Some(Cat::Lf) {
                    idx += 1;
                }
                break;
            }
            Start => match cat {
                Cat::ALetter => Letter,
                Cat::HebrewLetter => HLetter,
                Cat::Numeric => Numeric,
                Cat::Katakana => Katakana,
                Cat::ExtendNumLet => ExtendNumLet,
                Cat::RegionalIndicator => Regional(false),
                Cat::Lf | Cat::Newline => break, // WB3a
                Cat::Zwj => Zwj,
                Cat::WSegSpace => WSegSpace,
                _ => {
                    // WB4
                    if let Some(next @ (Cat::Extend | Cat::Zwj)) = next_cat(s, idx) {
                        state = FormatExtend(AcceptNone);
                        *cached = Some(next);
                        continue;
                    }
                    break; // WB999
                }
            },
            WSegSpace => match cat {
                Cat::WSegSpace if !skipped_format_extend => WSegSpace, // WB3d
                _ => {
                    take_curr = false;
                    break;
                }
            },
            Zwj | Emoji | Regional(true) => {
                take_curr = false;
                break;
            }
            Letter | HLetter => match cat {
                Cat::ALetter => Letter,            // WB5
                Cat::HebrewLetter => HLetter,      // WB5
                Cat::Numeric => Numeric,           // WB9
                Cat::ExtendNumLet => ExtendNumLet, // WB13a
                Cat::DoubleQuote if state == HLetter => {
                    savecat = cat;
                    saveidx = idx;
                    FormatExtend(RequireHLetter) // WB7b
                }
                Cat::SingleQuote if state == HLetter => FormatExtend(AcceptQLetter), // WB7a
                Cat::MidLetter | Cat::MidNumLet | Cat::SingleQuote => {
                    savecat = cat;
                    saveidx = idx;
                    FormatExtend(RequireLetter) // WB6
                }
                _ => {
                    take_curr = false;
                    break;
                }
            },
            Numeric => match cat {
                Cat::Numeric => Numeric,           // WB8
                Cat::ALetter => Letter,            // WB10
                Cat::HebrewLetter => HLetter,      // WB10
                Cat::ExtendNumLet => ExtendNumLet, // WB13a
                Cat::MidNum | Cat::MidNumLet | Cat::SingleQuote => {
                    savecat = cat;
                    saveidx = idx;
                    FormatExtend(RequireNumeric) // WB12
                }
                _ => {
                    take_curr = false;
                    break;
                }
            },
            Katakana => match cat {
                Cat::Katakana => Katakana,         // WB13
                Cat::ExtendNumLet => ExtendNumLet, // WB13a
                _ => {
                    take_curr = false;
                    break;
                }
            },
            ExtendNumLet => match cat {
                Cat::ExtendNumLet => ExtendNumLet, // WB13a
                Cat::ALetter => Letter,            // WB13b
                Cat::HebrewLetter => HLetter,      // WB13b
                Cat::Numeric => Numeric,           // WB13b
                Cat::Katakana => Katakana,         // WB13b
                _ => {
                    take_curr = false;
                    break;
                }
            },
            Regional(false) => match cat {
                Cat::RegionalIndicator => Regional(true), // WB13c
                _ => {
                    take_curr = false;
                    break;
                }
            },
            FormatExtend(want) => match want {
                RequireNumeric if cat == Cat::Numeric => Numeric, // WB11
                RequireLetter | AcceptQLetter if cat == Cat::ALetter => Letter, // WB7
                RequireLetter | AcceptQLetter if cat == Cat::HebrewLetter => HLetter, // WB7a
                RequireHLetter if cat == Cat::HebrewLetter => HLetter, // WB7b
                AcceptNone | AcceptQLetter => {
                    // the segment is the Extend/Format run (or ends before this char)
                    take_curr = false;
                    take_cat = false;
                    break;
                }
                _ => break, // rewound below
            },
        };
    }
    // A letter or a number waited for after a quote or a mid-word mark and
    // did not come: the segment ends before that mark.
    if let FormatExtend(RequireLetter | RequireHLetter | RequireNumeric) = state {
        idx = saveidx;
        cat = savecat;
        take_curr = false;
    }
    *cached = if take_curr {
        idx += s[idx..].chars().next().map_or(0, char::len_utf8);
        None
    } else if take_cat {
        Some(cat)
    } else {
        None
    };
    idx
}
