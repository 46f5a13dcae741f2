//! UAX #29 word boundaries, forward only: `unicode-segmentation`'s
//! `split_word_bound_indices` with its tables re-encoded: its word-break and
//! Extended_Pictographic tables (18 KB) become 2,206 runs stored as 16-bit
//! gaps (6.6 KB, and they compress far better), which made the wasm 5 KB
//! smaller gzipped. The state machine in [`segment_len`]
//! is a port of its `UWordBounds::next` (MIT or Apache-2.0, the unicode-rs
//! developers), rule for rule, so the boundaries are its boundaries;
//! `tests/words.rs` holds the two equal (every char in every context that
//! tells the categories apart, and random text), and `scripts/word-table.py`
//! makes the tables from its own at the version in Cargo.lock.

use std::sync::LazyLock;

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

/// [`Cat`] by its number in [`CODES`].
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

// Made by scripts/word-table.py: run `i` starts `GAPS[i]` after run
// `i - 1` (the first at 0) and has `CODES[i]`, the index of its `Cat` in
// `CATS`, with `PICTOGRAPHIC` set for Extended_Pictographic. Gaps, not
// starts, because they are half the size and compress three times better.
#[rustfmt::skip]
const GAPS: [u16; 2218] = [
    0, 10, 1, 2, 1, 18, 1, 1, 1, 4, 1, 4, 1, 1, 1, 1,
    10, 1, 1, 5, 26, 4, 1, 1, 26, 10, 1, 35, 1, 1, 2, 1,
    1, 6, 1, 1, 1, 1, 1, 1, 5, 23, 1, 31, 1, 480, 6, 34,
    112, 5, 1, 2, 2, 4, 1, 1, 6, 1, 1, 3, 1, 1, 1, 20,
    1, 83, 1, 139, 1, 7, 166, 1, 38, 2, 4, 1, 1, 1, 41, 1,
    1, 6, 45, 1, 1, 1, 2, 1, 2, 1, 1, 8, 27, 4, 4, 1,
    1, 11, 6, 6, 2, 2, 11, 1, 1, 3, 43, 21, 10, 1, 1, 1,
    1, 2, 1, 99, 1, 1, 7, 1, 1, 6, 2, 2, 1, 4, 2, 10,
    3, 2, 1, 15, 2, 1, 30, 27, 2, 89, 11, 1, 14, 10, 33, 9,
    2, 2, 1, 1, 1, 2, 1, 2, 22, 4, 1, 9, 1, 3, 1, 5,
    18, 25, 3, 4, 11, 5, 24, 1, 7, 2, 5, 9, 42, 24, 1, 33,
    54, 3, 1, 18, 1, 7, 10, 2, 2, 10, 1, 16, 3, 1, 8, 2,
    2, 2, 22, 1, 7, 1, 1, 3, 4, 2, 1, 1, 7, 2, 2, 2,
    3, 1, 8, 1, 4, 2, 1, 3, 2, 2, 10, 2, 10, 1, 1, 1,
    2, 3, 1, 6, 4, 2, 2, 22, 1, 7, 1, 2, 1, 2, 1, 2,
    2, 1, 1, 5, 4, 2, 2, 3, 3, 1, 7, 4, 1, 1, 7, 10,
    2, 3, 1, 11, 3, 1, 9, 1, 3, 1, 22, 1, 7, 1, 2, 1,
    5, 2, 1, 1, 8, 1, 3, 1, 3, 2, 1, 15, 2, 2, 2, 10,
    9, 1, 6, 1, 3, 1, 8, 2, 2, 2, 22, 1, 7, 1, 2, 1,
    5, 2, 1, 1, 7, 2, 2, 2, 3, 7, 3, 4, 2, 1, 3, 2,
    2, 10, 1, 1, 16, 1, 1, 1, 6, 3, 3, 1, 4, 3, 2, 1,
    1, 1, 2, 3, 2, 3, 3, 3, 12, 4, 5, 3, 3, 1, 4, 2,
    1, 6, 1, 14, 10, 16, 5, 8, 1, 3, 1, 23, 1, 16, 2, 1,
    1, 7, 1, 3, 1, 4, 7, 2, 1, 3, 1, 2, 2, 2, 2, 2,
    10, 16, 1, 3, 1, 8, 1, 3, 1, 23, 1, 10, 1, 5, 2, 1,
    1, 7, 1, 3, 1, 4, 7, 2, 5, 3, 1, 2, 2, 2, 10, 1,
    2, 1, 12, 4, 9, 1, 3, 1, 41, 2, 1, 7, 1, 3, 1, 4,
    1, 5, 3, 1, 7, 3, 2, 2, 10, 10, 6, 1, 3, 1, 18, 3,
    24, 1, 9, 1, 1, 2, 7, 3, 1, 4, 6, 1, 1, 1, 8, 6,
    10, 2, 2, 61, 1, 2, 7, 12, 8, 1, 10, 87, 1, 2, 9, 11,
    7, 1, 10, 38, 1, 23, 2, 6, 10, 11, 1, 1, 1, 1, 1, 4,
    2, 8, 1, 36, 4, 20, 1, 2, 5, 11, 1, 36, 9, 1, 100, 20,
    1, 10, 12, 4, 4, 3, 1, 3, 2, 7, 3, 4, 13, 12, 1, 1,
    10, 4, 2, 38, 1, 1, 5, 1, 2, 43, 1, 333, 1, 4, 2, 7,
    1, 1, 1, 4, 2, 41, 1, 4, 2, 33, 1, 4, 2, 7, 1, 1,
    1, 4, 2, 15, 1, 57, 1, 4, 2, 67, 2, 3, 32, 16, 16, 86,
    2, 6, 3, 620, 2, 17, 1, 26, 5, 75, 3, 11, 7, 18, 4, 9,
    19, 3, 11, 18, 2, 12, 13, 1, 3, 1, 2, 64, 32, 9, 1, 2,
    10, 33, 5, 10, 6, 89, 7, 5, 2, 34, 1, 1, 5, 70, 10, 31,
    1, 12, 4, 12, 10, 10, 128, 11, 37, 23, 5, 57, 10, 1, 29, 2,
    1, 10, 6, 10, 22, 46, 2, 12, 20, 5, 47, 17, 8, 3, 10, 17,
    9, 12, 3, 30, 13, 2, 10, 44, 14, 12, 36, 20, 8, 10, 3, 3,
    10, 36, 2, 11, 5, 43, 2, 3, 16, 3, 1, 21, 4, 1, 6, 1,
    2, 3, 1, 5, 192, 64, 278, 2, 6, 2, 38, 2, 6, 2, 8, 1,
    1, 1, 1, 1, 1, 1, 31, 2, 53, 1, 7, 1, 1, 3, 3, 1,
    7, 3, 4, 2, 6, 4, 13, 5, 3, 1, 7, 3, 7, 1, 3, 1,
    1, 1, 2, 8, 2, 10, 1, 2, 1, 2, 5, 1, 12, 1, 2, 2,
    3, 1, 4, 1, 10, 1, 10, 1, 5, 1, 10, 1, 1, 13, 1, 16,
    13, 51, 33, 17, 1, 4, 1, 2, 10, 1, 1, 3, 5, 4, 1, 1,
    1, 1, 1, 1, 1, 1, 4, 1, 10, 1, 2, 4, 5, 5, 4, 1,
    17, 41, 11, 6, 15, 2, 367, 2, 12, 1, 166, 1, 25, 11, 4, 3,
    187, 12, 1, 39, 192, 2, 10, 1, 9, 1, 58, 4, 1, 5, 9, 1,
    2, 1, 2, 2, 2, 1, 4, 1, 2, 1, 1, 2, 2, 1, 3, 1,
    3, 2, 8, 3, 5, 1, 1, 1, 5, 12, 11, 2, 2, 1, 1, 2,
    1, 1, 18, 1, 2, 2, 18, 6, 1, 1, 1, 2, 3, 2, 5, 1,
    2, 2, 4, 2, 11, 2, 5, 2, 2, 1, 5, 2, 1, 1, 1, 2,
    20, 2, 5, 6, 1, 4, 2, 1, 4, 1, 2, 1, 2, 6, 1, 1,
    2, 1, 1, 1, 1, 1, 6, 1, 3, 1, 6, 1, 10, 2, 15, 1,
    2, 1, 4, 1, 1, 1, 4, 3, 1, 1, 11, 2, 48, 3, 9, 1,
    14, 1, 14, 1, 372, 2, 463, 3, 19, 2, 51, 1, 4, 1, 170, 229,
    6, 4, 3, 2, 12, 38, 1, 1, 5, 1, 2, 56, 7, 1, 15, 1,
    23, 9, 7, 1, 7, 1, 7, 1, 7, 1, 7, 1, 7, 1, 7, 1,
    7, 1, 32, 47, 1, 464, 1, 4, 1, 36, 6, 1, 5, 5, 2, 1,
    91, 2, 2, 3, 91, 1, 4, 5, 43, 1, 94, 17, 32, 48, 16, 151,
    1, 1, 1, 54, 47, 1, 88, 27816, 1165, 67, 46, 2, 269, 3, 16, 10,
    2, 20, 47, 4, 1, 10, 1, 31, 2, 80, 2, 22, 213, 20, 17, 1,
    3, 1, 4, 1, 23, 5, 4, 1, 19, 52, 12, 2, 50, 18, 10, 10,
    6, 18, 6, 3, 1, 1, 2, 1, 10, 28, 8, 2, 23, 13, 12, 29,
    3, 4, 47, 14, 14, 1, 10, 11, 1, 10, 10, 6, 41, 14, 9, 3,
    1, 8, 2, 2, 10, 33, 3, 50, 1, 1, 3, 2, 2, 5, 2, 1,
    1, 30, 11, 5, 2, 3, 2, 10, 6, 2, 6, 2, 6, 9, 7, 1,
    7, 1, 58, 6, 115, 8, 1, 2, 2, 10, 6, 11172, 12, 23, 4, 49,
    8964, 7, 12, 5, 5, 1, 1, 10, 1, 13, 1, 5, 1, 1, 1, 2,
    1, 2, 1, 10, 98, 33, 363, 18, 64, 2, 54, 40, 12, 4, 16, 3,
    1, 12, 16, 3, 2, 24, 3, 1, 1, 1, 1, 1, 1, 26, 5, 1,
    135, 2, 1, 7, 1, 4, 1, 1, 1, 1, 10, 1, 1, 5, 26, 4,
    1, 1, 26, 11, 56, 2, 31, 3, 6, 2, 6, 2, 6, 2, 3, 28,
    3, 4, 12, 1, 26, 1, 19, 1, 2, 1, 15, 2, 14, 34, 123, 69,
    53, 136, 1, 130, 29, 3, 49, 15, 1, 31, 32, 13, 30, 5, 38, 5,
    5, 30, 2, 36, 4, 8, 1, 5, 42, 158, 2, 10, 6, 36, 4, 36,
    4, 40, 8, 52, 12, 11, 1, 15, 1, 7, 1, 2, 1, 11, 1, 15,
    1, 7, 1, 2, 3, 52, 12, 311, 9, 22, 10, 8, 24, 6, 1, 42,
    1, 9, 69, 6, 2, 1, 1, 44, 1, 2, 3, 1, 2, 23, 10, 23,
    9, 31, 65, 19, 1, 2, 10, 22, 10, 26, 6, 26, 38, 56, 6, 2,
    64, 1, 3, 1, 2, 5, 4, 4, 1, 3, 1, 29, 2, 3, 4, 1,
    32, 29, 3, 29, 35, 8, 1, 28, 2, 25, 54, 10, 22, 10, 19, 13,
    18, 110, 73, 55, 51, 13, 51, 13, 36, 4, 8, 10, 6, 10, 28, 3,
    5, 1, 23, 250, 42, 1, 2, 3, 2, 16, 6, 50, 6, 29, 10, 1,
    8, 22, 11, 31, 18, 4, 42, 21, 27, 23, 9, 3, 53, 15, 31, 10,
    1, 2, 2, 1, 9, 4, 45, 11, 2, 1, 4, 1, 10, 1, 2, 25,
    7, 10, 6, 3, 36, 14, 1, 10, 4, 1, 2, 1, 8, 35, 1, 2,
    1, 9, 3, 48, 14, 4, 4, 4, 1, 2, 10, 1, 1, 1, 35, 18,
    1, 25, 12, 6, 1, 2, 1, 62, 7, 1, 1, 1, 4, 1, 15, 1,
    10, 7, 47, 12, 5, 10, 6, 4, 1, 8, 2, 2, 2, 22, 1, 7,
    1, 2, 1, 5, 1, 2, 1, 7, 2, 2, 2, 3, 2, 1, 6, 1,
    5, 5, 2, 2, 7, 3, 5, 11, 10, 1, 1, 2, 1, 1, 38, 1,
    1, 9, 1, 1, 2, 1, 1, 4, 1, 5, 1, 1, 1, 13, 2, 29,
    53, 18, 4, 5, 10, 4, 1, 3, 30, 48, 20, 2, 1, 1, 8, 10,
    166, 47, 7, 2, 9, 23, 4, 2, 34, 48, 17, 3, 1, 11, 10, 38,
    43, 13, 1, 7, 10, 6, 20, 57, 15, 4, 10, 198, 44, 15, 101, 64,
    10, 21, 8, 2, 1, 2, 8, 1, 2, 1, 24, 6, 1, 2, 2, 4,
    1, 1, 1, 2, 12, 10, 70, 8, 2, 39, 7, 2, 7, 1, 1, 1,
    1, 27, 1, 10, 40, 7, 1, 4, 8, 1, 8, 1, 11, 46, 16, 3,
    1, 18, 73, 103, 8, 88, 33, 15, 10, 6, 9, 1, 37, 8, 1, 8,
    1, 15, 10, 24, 30, 2, 22, 1, 14, 73, 7, 1, 2, 1, 38, 6,
    3, 1, 1, 2, 1, 7, 1, 1, 8, 10, 6, 6, 1, 2, 1, 32,
    5, 1, 2, 1, 5, 1, 7, 10, 6, 44, 4, 10, 246, 19, 4, 9,
    2, 1, 1, 13, 1, 34, 7, 3, 5, 13, 10, 1, 85, 1, 79, 922,
    102, 111, 17, 196, 2636, 97, 15, 1072, 17, 6, 15, 10, 3995, 5, 583, 6841,
    30, 18, 10, 1734, 569, 7, 31, 1, 10, 6, 79, 1, 10, 6, 30, 2,
    5, 11, 48, 7, 9, 4, 12, 10, 9, 21, 5, 19, 432, 45, 3, 10,
    198, 64, 32, 25, 2, 25, 44, 75, 4, 1, 1, 55, 7, 4, 13, 64,
    2, 1, 1, 1, 11, 2, 16382, 4, 1, 7, 1, 2, 1, 1, 287, 3,
    50, 1, 14, 4, 2712, 107, 5, 13, 3, 9, 7, 10, 3, 2, 1, 4,
    4172, 10, 518, 46, 2, 23, 542, 5, 3, 22, 2, 7, 30, 4, 148, 3,
    443, 85, 1, 71, 1, 2, 2, 1, 2, 2, 2, 4, 1, 12, 1, 1,
    1, 7, 1, 65, 1, 4, 2, 8, 1, 7, 1, 28, 1, 4, 1, 5,
    1, 1, 3, 7, 1, 340, 2, 25, 1, 25, 1, 31, 1, 25, 1, 31,
    1, 25, 1, 31, 1, 25, 1, 31, 1, 25, 1, 8, 2, 50, 512, 55,
    4, 50, 8, 1, 14, 1, 22, 5, 1, 15, 1104, 31, 6, 6, 213, 7,
    1, 17, 2, 7, 1, 2, 1, 5, 5, 62, 33, 1, 112, 45, 3, 7,
    7, 2, 10, 4, 1, 321, 30, 1, 17, 44, 4, 10, 470, 28, 4, 10,
    214, 30, 2, 1, 10, 197, 31, 1, 3, 1, 2, 1, 7, 2, 5, 1,
    8, 2, 224, 7, 1, 4, 1, 2, 1, 15, 1, 197, 11, 7, 41, 68,
    7, 1, 4, 10, 1190, 4, 1, 27, 1, 2, 1, 1, 2, 1, 1, 10,
    1, 4, 1, 1, 1, 1, 6, 1, 4, 1, 1, 1, 1, 1, 1, 3,
    1, 2, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2,
    1, 1, 2, 4, 1, 7, 1, 4, 1, 4, 1, 1, 1, 10, 1, 17,
    5, 3, 1, 5, 1, 17, 328, 1, 39, 4, 100, 12, 15, 2, 15, 1,
    14, 2, 37, 10, 48, 26, 6, 26, 6, 2, 12, 2, 10, 4, 1, 2,
    10, 19, 56, 26, 1, 15, 10, 1, 20, 1, 2, 9, 1, 4, 9, 23,
    6, 188, 2, 112, 2, 2, 1, 3, 2, 83, 2, 3, 1, 4, 5, 254,
    1, 63, 11, 6, 1, 24, 7, 2, 2, 8, 12, 1, 2, 4, 2, 1,
    4, 2, 13, 2, 2, 1, 8, 2, 9, 1, 5, 3, 12, 3, 8, 3,
    2, 1, 1, 1, 4, 1, 6, 1, 3, 1, 6, 86, 48, 70, 5, 8,
    2, 17, 3, 1, 1, 6, 2, 13, 218, 38, 12, 4, 56, 8, 10, 6,
    40, 8, 30, 2, 12, 4, 2, 14, 9, 39, 12, 47, 1, 10, 1, 185,
    88, 8, 14, 146, 240, 10, 6, 1022, 65535, 65535, 65535, 65535, 65535, 65535, 65535, 65535,
    65535, 65535, 65535, 65535, 15, 1, 30, 96, 128, 240,
];
#[rustfmt::skip]
const CODES: [u8; 2218] = [
    0, 16, 17, 15, 0, 14, 0, 10, 0, 9, 0, 7, 0, 8, 0, 3, 6, 7, 0, 1, 0, 5, 0, 1,
    0, 17, 0, 32, 1, 0, 11, 32, 0, 1, 0, 6, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 11,
    1, 0, 1, 0, 1, 7, 1, 0, 1, 6, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 11, 1, 0, 1,
    0, 1, 0, 1, 6, 1, 7, 1, 0, 11, 0, 11, 0, 11, 0, 11, 0, 11, 0, 2, 0, 2, 1, 6,
    0, 3, 0, 7, 0, 11, 0, 11, 0, 1, 11, 3, 0, 3, 7, 0, 1, 11, 1, 0, 1, 11, 3, 0,
    11, 1, 11, 0, 11, 1, 3, 1, 0, 1, 0, 1, 11, 1, 11, 0, 1, 11, 1, 0, 3, 1, 11, 1,
    0, 7, 0, 1, 0, 11, 0, 1, 11, 1, 11, 1, 11, 1, 11, 0, 1, 11, 0, 1, 0, 1, 0, 1,
    3, 0, 11, 1, 11, 3, 11, 1, 11, 1, 11, 1, 11, 1, 11, 0, 3, 0, 1, 11, 0, 1, 0, 1,
    0, 1, 0, 1, 0, 1, 0, 1, 0, 11, 1, 11, 0, 11, 0, 11, 1, 0, 11, 0, 1, 0, 1, 11,
    0, 3, 1, 0, 1, 0, 11, 0, 11, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0,
    11, 0, 11, 0, 11, 0, 11, 0, 11, 0, 1, 0, 1, 0, 3, 11, 1, 11, 0, 11, 0, 1, 0, 1,
    0, 1, 0, 1, 0, 1, 0, 1, 0, 11, 1, 11, 0, 11, 0, 11, 0, 1, 0, 1, 11, 0, 3, 0,
    1, 11, 0, 11, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 11, 1, 11, 0, 11, 0, 11,
    0, 11, 0, 1, 0, 1, 11, 0, 3, 0, 1, 0, 11, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1,
    0, 1, 0, 1, 0, 1, 0, 1, 0, 11, 0, 11, 0, 11, 0, 1, 0, 11, 0, 3, 0, 11, 1, 0,
    1, 0, 1, 0, 1, 0, 11, 1, 11, 0, 11, 0, 11, 0, 11, 0, 1, 0, 1, 0, 1, 11, 0, 3,
    0, 1, 11, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 11, 1, 11, 0, 11, 0, 11, 0, 11, 0,
    1, 0, 1, 11, 0, 3, 0, 1, 11, 0, 11, 1, 0, 1, 0, 1, 11, 1, 11, 0, 11, 0, 11, 1,
    0, 1, 11, 0, 1, 11, 0, 3, 0, 1, 0, 11, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 11,
    0, 11, 0, 11, 0, 11, 0, 3, 0, 11, 0, 11, 0, 11, 0, 11, 0, 3, 0, 11, 0, 11, 0, 11,
    0, 3, 0, 1, 0, 11, 0, 3, 0, 11, 0, 11, 0, 11, 0, 11, 1, 0, 1, 0, 11, 0, 11, 1,
    11, 0, 11, 0, 11, 0, 11, 0, 3, 0, 11, 0, 11, 0, 11, 0, 11, 0, 11, 0, 11, 0, 11, 3,
    11, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0,
    1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 11, 0, 1, 0, 1, 0,
    1, 0, 1, 0, 1, 14, 1, 0, 1, 0, 1, 0, 1, 11, 0, 1, 11, 0, 1, 11, 0, 1, 0, 1,
    0, 11, 0, 11, 0, 11, 0, 3, 0, 11, 3, 0, 1, 0, 1, 11, 1, 11, 1, 0, 1, 0, 1, 0,
    11, 0, 11, 0, 3, 0, 3, 0, 1, 11, 0, 11, 0, 11, 0, 11, 3, 0, 3, 0, 11, 0, 11, 0,
    11, 1, 11, 1, 0, 3, 0, 11, 0, 11, 1, 11, 1, 3, 1, 11, 0, 1, 11, 0, 3, 0, 1, 3,
    1, 0, 1, 0, 1, 0, 1, 0, 11, 0, 11, 1, 11, 1, 11, 1, 11, 1, 0, 1, 11, 1, 0, 1,
    0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1,
    0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 14, 0, 14, 0, 11, 12, 11, 0, 8, 0, 8, 0, 6,
    17, 11, 5, 0, 32, 0, 5, 0, 7, 0, 32, 0, 5, 0, 14, 11, 0, 11, 0, 1, 0, 1, 0, 1,
    0, 11, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 32, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1,
    33, 0, 1, 0, 1, 0, 1, 0, 1, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0,
    1, 33, 1, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0,
    32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0,
    32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0,
    32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0,
    32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0,
    32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 1, 0,
    1, 11, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 11, 1, 0, 1, 0, 1, 0, 1, 0, 1,
    0, 1, 0, 1, 0, 1, 0, 1, 0, 11, 0, 1, 0, 14, 0, 1, 0, 11, 32, 4, 0, 1, 32, 0,
    11, 4, 0, 4, 0, 4, 0, 1, 0, 1, 0, 1, 0, 4, 0, 32, 0, 32, 0, 4, 0, 4, 0, 1,
    0, 1, 0, 1, 0, 1, 3, 1, 0, 1, 11, 0, 11, 0, 1, 11, 1, 11, 0, 1, 0, 1, 11, 1,
    11, 1, 11, 1, 11, 0, 11, 0, 1, 0, 11, 1, 11, 0, 3, 0, 11, 1, 0, 1, 0, 1, 11, 3,
    1, 11, 0, 1, 11, 0, 1, 0, 11, 1, 11, 0, 1, 3, 0, 11, 0, 3, 0, 1, 11, 0, 1, 11,
    1, 11, 0, 3, 0, 11, 0, 11, 0, 11, 0, 11, 0, 11, 0, 11, 0, 1, 11, 0, 1, 11, 0, 1,
    0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 11, 0, 11, 0, 3, 0, 1, 0, 1, 0, 1, 0,
    1, 0, 1, 0, 2, 11, 2, 0, 2, 0, 2, 0, 2, 0, 2, 0, 2, 0, 2, 1, 0, 1, 0, 1,
    0, 1, 0, 1, 0, 11, 0, 6, 0, 11, 0, 5, 0, 5, 7, 0, 8, 0, 7, 6, 0, 1, 0, 1,
    0, 11, 0, 8, 0, 7, 0, 8, 0, 3, 6, 7, 0, 1, 0, 5, 0, 1, 0, 4, 11, 1, 0, 1,
    0, 1, 0, 1, 0, 1, 0, 11, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1,
    0, 11, 0, 1, 0, 1, 0, 11, 0, 1, 0, 1, 0, 1, 11, 0, 1, 0, 1, 0, 1, 0, 1, 0,
    1, 0, 3, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0,
    1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0,
    1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0,
    1, 11, 0, 11, 0, 11, 1, 0, 1, 0, 1, 0, 11, 0, 11, 0, 1, 0, 1, 0, 1, 0, 1, 11,
    0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 11, 0, 3, 0, 3, 1, 0, 11,
    0, 1, 0, 1, 0, 11, 0, 1, 0, 1, 0, 11, 1, 0, 1, 0, 1, 11, 0, 1, 11, 0, 1, 0,
    1, 0, 11, 1, 11, 0, 3, 11, 1, 11, 1, 0, 11, 1, 11, 0, 3, 0, 11, 0, 3, 0, 1, 0,
    3, 0, 11, 1, 11, 0, 3, 0, 1, 11, 1, 0, 1, 11, 0, 1, 0, 11, 1, 11, 1, 0, 11, 0,
    11, 3, 1, 0, 1, 0, 1, 0, 1, 11, 0, 11, 1, 11, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1,
    0, 1, 11, 0, 3, 0, 11, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 11, 1, 11, 0,
    11, 0, 11, 0, 1, 0, 11, 0, 1, 11, 0, 11, 0, 11, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1,
    11, 0, 11, 0, 11, 0, 11, 0, 11, 1, 11, 1, 0, 11, 0, 1, 11, 1, 0, 3, 0, 11, 1, 0,
    1, 11, 1, 0, 1, 0, 3, 0, 1, 11, 0, 11, 0, 1, 11, 0, 1, 11, 0, 1, 0, 3, 0, 1,
    11, 1, 0, 3, 0, 3, 0, 11, 0, 3, 0, 1, 11, 0, 1, 3, 0, 1, 0, 1, 0, 1, 0, 1,
    0, 1, 11, 0, 11, 0, 11, 1, 11, 1, 11, 0, 3, 0, 1, 0, 1, 11, 0, 11, 1, 0, 1, 11,
    0, 1, 11, 1, 11, 1, 11, 0, 11, 0, 1, 11, 1, 11, 0, 1, 0, 1, 0, 11, 0, 1, 0, 3,
    0, 1, 0, 1, 11, 0, 11, 1, 0, 3, 0, 1, 0, 11, 0, 11, 0, 1, 0, 1, 0, 1, 11, 0,
    11, 0, 11, 0, 11, 1, 11, 0, 3, 0, 1, 0, 1, 0, 1, 11, 0, 11, 0, 11, 1, 0, 3, 0,
    1, 0, 3, 0, 1, 11, 0, 11, 1, 11, 1, 0, 1, 11, 0, 11, 0, 3, 11, 0, 1, 0, 1, 0,
    1, 0, 1, 0, 1, 0, 1, 11, 1, 11, 0, 1, 0, 1, 0, 1, 11, 3, 0, 1, 0, 1, 0, 3,
    0, 1, 0, 3, 0, 1, 0, 11, 0, 1, 11, 0, 1, 0, 3, 0, 1, 0, 1, 0, 1, 0, 3, 0,
    1, 0, 1, 0, 1, 0, 1, 0, 11, 1, 11, 0, 11, 1, 0, 1, 0, 1, 11, 0, 11, 0, 4, 0,
    4, 0, 4, 0, 4, 0, 4, 0, 4, 0, 4, 0, 1, 0, 1, 0, 1, 0, 1, 0, 11, 0, 11, 0,
    3, 0, 11, 0, 11, 0, 11, 0, 11, 0, 11, 0, 11, 0, 11, 0, 1, 0, 1, 0, 1, 0, 1, 0,
    1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0,
    1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0,
    1, 0, 1, 0, 3, 0, 11, 0, 11, 0, 11, 0, 11, 0, 11, 0, 11, 0, 1, 0, 1, 0, 11, 0,
    11, 0, 11, 0, 11, 0, 11, 0, 1, 0, 11, 0, 1, 0, 11, 1, 0, 3, 0, 1, 0, 1, 11, 0,
    1, 11, 3, 0, 1, 11, 3, 0, 1, 11, 1, 3, 0, 1, 0, 1, 11, 1, 11, 1, 11, 1, 11, 0,
    1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 11, 0, 1, 11, 1, 0, 3, 0, 1, 0, 1, 0,
    1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0,
    1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0,
    1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0,
    32, 0, 32, 0, 1, 0, 1, 0, 33, 1, 33, 1, 0, 32, 0, 32, 0, 32, 13, 0, 32, 0, 32, 0,
    32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 11, 32, 0,
    32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0,
    32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0,
    32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0,
    32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 32, 0, 3, 0, 32, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 11, 0, 11, 0, 11, 0,
];
