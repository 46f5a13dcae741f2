//! Splits text into tokens along Unicode word boundaries (UAX #29).

use serde::Serialize;

/// What a token is, for matching and for the statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum TokenKind {
    /// Letters, with inner apostrophes (`don't`), or one character of a script
    /// written without spaces.
    Word,
    /// Digits with their separators (`5,000`, `9.5`), and a leading currency
    /// sign (`$1.5`).
    Number,
    /// Any other visible character: punctuation, symbols, emoji.
    Punct,
    /// Spaces, tabs and other whitespace without a line break.
    Space,
    /// Whitespace holding at least one line break.
    Break,
}

/// One token: its kind and its byte range in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: TokenKind,
    /// Where it starts, in bytes.
    pub start: usize,
    /// Where it ends, in bytes.
    pub end: usize,
}

impl Token {
    /// The text the token covers.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// Whitespace separates tokens; it never decides what matches.
    pub fn is_whitespace(&self) -> bool {
        matches!(self.kind, TokenKind::Space | TokenKind::Break)
    }
}

/// Tokenizes `text`. The tokens cover the text exactly, in order.
///
/// ASCII whitespace always separates UAX #29 segments, so the text is cut
/// there: runs of ASCII whitespace are one token each, runs of other ASCII
/// are segmented by the word-boundary rules restricted to ASCII (cheaper
/// than the general segmenter, and the commonest case), and
/// runs holding anything else go through `unicode-segmentation`. The only
/// difference from segmenting the whole text at once: a combining mark
/// right after ASCII whitespace starts a segment instead of joining the
/// whitespace.
///
/// One pass: a run is segmented as ASCII as it is read, and only when a
/// byte outside ASCII turns up (but for a few common punctuation marks, see
/// [`lone_mark`]) are its segments dropped and the whole run handed to the
/// Unicode segmenter.
#[inline(never)] // its own function in the wasm: see "Phases" in lib.rs
pub fn tokenize(text: &str) -> Vec<Token> {
    // News text has a token every 2.5 bytes or so; reserving that once
    // saves growing (and copying) a large vector.
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 2 + 16);
    let bytes = text.as_bytes();
    let n = bytes.len();
    // where the current run of non-whitespace starts, and the tokens before it
    let (mut run, mut before) = (0, 0);
    let mut i = 0;
    while i < n {
        let first = class(bytes[i]);
        if first & SPACE != 0 {
            let mut breaks = first;
            let mut j = i + 1;
            while j < n && class(bytes[j]) & SPACE != 0 {
                breaks |= class(bytes[j]);
                j += 1;
            }
            push_space(&mut tokens, i, j, breaks & BREAK != 0);
            (run, before) = (j, tokens.len());
            i = j;
        } else if first & HIGH != 0 {
            let len = lone_mark(bytes, i);
            let next = bytes.get(i + len).copied();
            if len != 0 && next.is_none_or(|b| b < 0x80 || lone_mark(bytes, i + len) != 0) {
                tokens.push(Token {
                    kind: TokenKind::Punct,
                    start: i,
                    end: i + len,
                });
                i += len;
            } else {
                i = unicode_run(&mut tokens, text, run, before, i);
            }
        } else {
            i = ascii_segment(&mut tokens, text, i);
        }
    }
    tokens
}

/// The length of the punctuation mark at `i` if it is one of the commonest
/// outside ASCII in news copy (`–`, `—`, `‘`, `’`, `“`, `”`, `…`), else 0.
/// None of them joins a character before it, nor one after it but a
/// combining mark or a joiner (which is outside ASCII), except `‘` and `’`
/// between two letters or two digits (WB6–7, WB11–12, as `.`), which
/// [`ascii_segment`] joins.
fn lone_mark(b: &[u8], i: usize) -> usize {
    match b.get(i..i + 3) {
        Some([0xE2, 0x80, 0x93 | 0x94 | 0x98 | 0x99 | 0x9C | 0x9D | 0xA6]) => 3,
        _ => 0,
    }
}

/// Segments the run of non-whitespace at `run` with the Unicode segmenter,
/// replacing the ASCII segments of it already made (the tokens past
/// `before`, and a control character joined to the whitespace before it);
/// `at` is a byte of the run outside ASCII. Returns the run's end.
fn unicode_run(tokens: &mut Vec<Token>, text: &str, run: usize, before: usize, at: usize) -> usize {
    tokens.truncate(before);
    if let Some(last) = tokens.last_mut() {
        last.end = run;
    }
    let end = text.as_bytes()[at..]
        .iter()
        .position(|&b| class(b) & SPACE != 0)
        .map_or(text.len(), |k| at + k);
    for (start, segment) in super::words::word_bounds(&text[run..end]) {
        push_segment(tokens, text, run + start, segment);
    }
    end
}

/// Byte classes of the tokenizer's ASCII path.
const SPACE: u8 = 1; // ASCII whitespace, and U+000B
const BREAK: u8 = 2; // a line break among them
const WORD: u8 = 4; // letters, digits and `_` join into one segment
const ALPHA: u8 = 8;
const DIGIT: u8 = 16;
const HIGH: u8 = 32; // not ASCII
const MID: u8 = 64; // may join letters or digits (`‘` and `’` by their lead byte)

const CLASSES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c == 0xE2 {
            HIGH | MID
        } else if c >= 128 {
            HIGH
        } else if matches!(c, b':' | b'.' | b'\'' | b',' | b';') {
            MID
        } else if c.is_ascii_whitespace() || c == 0x0B {
            SPACE
                | if matches!(c, b'\n' | b'\r' | 0x0B | 0x0C) {
                    BREAK
                } else {
                    0
                }
        } else if c.is_ascii_alphabetic() {
            WORD | ALPHA
        } else if c.is_ascii_digit() {
            WORD | DIGIT
        } else if c == b'_' {
            WORD
        } else {
            0
        };
        b += 1;
    }
    t
};

fn class(b: u8) -> u8 {
    CLASSES[b as usize]
}

/// Adds a whitespace run, joined to a whitespace token just before it (a
/// run is one token, so that a changed run is one change).
fn push_space(tokens: &mut Vec<Token>, start: usize, end: usize, has_break: bool) {
    let kind = if has_break {
        TokenKind::Break
    } else {
        TokenKind::Space
    };
    match tokens.last_mut() {
        Some(last) if last.is_whitespace() => {
            last.end = end;
            if has_break {
                last.kind = TokenKind::Break;
            }
        }
        _ => tokens.push(Token { kind, start, end }),
    }
}

/// The UAX #29 word segment at `i`, an ASCII byte other than whitespace;
/// returns its end. The segment ends at whitespace or outside ASCII:
/// letters, digits and `_` join (WB5, WB8–WB10, WB13a–b); `:`, `.`, `'`,
/// `‘` and `’` join letters (WB6–7); `,`, `;`, `.`, `'`, `‘` and `’` join
/// digits (WB11–12); anything else stands alone (WB999).
fn ascii_segment(tokens: &mut Vec<Token>, text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    let to = b.len();
    let first = class(b[i]);
    let mut j = i + 1;
    let kind = if first & WORD != 0 {
        let mut any_alnum = first & (ALPHA | DIGIT);
        loop {
            if j < to && class(b[j]) & WORD != 0 {
                any_alnum |= class(b[j]);
                j += 1;
                continue;
            }
            // most segments end at a byte that joins nothing
            if j + 1 >= to || class(b[j]) & MID == 0 {
                break;
            }
            if (class(b[j - 1]) & class(b[j + 1]) & ALPHA != 0
                && matches!(b[j], b':' | b'.' | b'\''))
                || (class(b[j - 1]) & class(b[j + 1]) & DIGIT != 0
                    && matches!(b[j], b',' | b';' | b'.' | b'\''))
            {
                j += 2;
                any_alnum |= ALPHA;
            } else if j + 3 < to
                && matches!(b[j..j + 3], [0xE2, 0x80, 0x98 | 0x99])
                && class(b[j - 1]) & class(b[j + 3]) & (ALPHA | DIGIT) != 0
            {
                // `‘` and `’` join as `.` does
                j += 4;
                any_alnum |= ALPHA;
            } else {
                break;
            }
        }
        if first & DIGIT != 0 {
            TokenKind::Number
        } else if any_alnum & (ALPHA | DIGIT) != 0 {
            TokenKind::Word
        } else {
            TokenKind::Punct
        }
    } else if is_separator(char::from(b[i])) {
        TokenKind::Space
    } else {
        TokenKind::Punct
    };
    // Only whitespace and numbers can join the token before them.
    match kind {
        TokenKind::Word | TokenKind::Punct => tokens.push(Token {
            kind,
            start: i,
            end: j,
        }),
        _ => push_token(tokens, text, kind, i, j),
    }
    j
}

/// Tokenizes with the Unicode segmenter alone (the reference the fast path
/// is tested against).
pub fn tokenize_unicode(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 4 + 1);
    for (start, segment) in super::words::word_bounds(text) {
        push_segment(&mut tokens, text, start, segment);
    }
    tokens
}

fn push_segment(tokens: &mut Vec<Token>, text: &str, start: usize, segment: &str) {
    let end = start + segment.len();
    let kind = classify(segment);
    if is_spaceless_script(segment) {
        // Thai, Lao, Khmer, Myanmar: UAX #29 gives a whole phrase as one
        // segment; one cluster (a letter with its marks) a token keeps
        // the diff useful.
        for (offset, cluster) in super::clusters::clusters(segment) {
            let at = start + offset;
            tokens.push(Token {
                kind: classify(cluster),
                start: at,
                end: at + cluster.len(),
            });
        }
        return;
    }
    push_token(tokens, text, kind, start, end);
}

/// Adds a token, joining whitespace runs and a currency sign to its number.
fn push_token(tokens: &mut Vec<Token>, text: &str, kind: TokenKind, start: usize, end: usize) {
    match tokens.last_mut() {
        // Whitespace runs are split at line breaks by UAX #29; a run is
        // one token here, so that a changed run is one change.
        Some(last)
            if last.is_whitespace() && matches!(kind, TokenKind::Space | TokenKind::Break) =>
        {
            last.end = end;
            if kind == TokenKind::Break {
                last.kind = TokenKind::Break;
            }
        }
        Some(last)
            if kind == TokenKind::Number
                && last.kind == TokenKind::Punct
                && last.end == start
                && is_currency(&text[last.start..last.end]) =>
        {
            last.kind = TokenKind::Number;
            last.end = end;
        }
        _ => tokens.push(Token { kind, start, end }),
    }
}

/// The kind of a segment, by its characters. Unicode's tables are costly
/// outside ASCII, so the first character is looked up once: neither
/// numeric nor alphabetic, it is no alphanumeric, and only the rest are.
fn classify(segment: &str) -> TokenKind {
    let first = segment.chars().next().unwrap_or(' ');
    if first.is_whitespace() || is_separator(first) {
        if segment.chars().any(is_line_break) {
            TokenKind::Break
        } else {
            TokenKind::Space
        }
    } else if first.is_numeric() {
        TokenKind::Number
    } else if first.is_alphabetic() || segment.chars().skip(1).any(char::is_alphanumeric) {
        TokenKind::Word
    } else {
        TokenKind::Punct
    }
}

/// The information separators U+001C–U+001F, which some wire systems
/// still put between fields: whitespace here, as to Java and Python,
/// though not to Unicode (whose segmenter gives each its own segment), so
/// that a separator is filler, whatever the characters around it.
fn is_separator(c: char) -> bool {
    ('\u{1C}'..='\u{1F}').contains(&c)
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn is_currency(s: &str) -> bool {
    matches!(s, "$" | "€" | "£" | "¥" | "₹" | "₽" | "₩" | "₺" | "₴" | "¢")
}

/// A letter of a script written without spaces between words: Thai, Lao,
/// Myanmar, Khmer, Chinese, Japanese kana.
pub fn is_spaceless(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF
        | 0x1000..=0x109F
        | 0x1780..=0x17FF
        | 0x2E80..=0x2FDF
        | 0x3040..=0x30FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0x20000..=0x3FFFF
    )
}

fn is_spaceless_script(segment: &str) -> bool {
    segment.chars().count() > 1
        && segment.chars().any(|c| {
            matches!(c as u32,
                0x0E00..=0x0EFF   // Thai, Lao
                | 0x1000..=0x109F // Myanmar
                | 0x1780..=0x17FF // Khmer
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text)
            .iter()
            .map(|t| (t.text(text), t.kind))
            .collect()
    }

    #[test]
    fn numbers_keep_their_separators_and_currency() {
        let t = texts("over 5,000 of 9.5 million, $1.5 bn, 54.4 C");
        assert!(t.contains(&("5,000", TokenKind::Number)));
        assert!(t.contains(&("9.5", TokenKind::Number)));
        assert!(t.contains(&("$1.5", TokenKind::Number)));
        assert!(t.contains(&("54.4", TokenKind::Number)));
    }

    #[test]
    fn whitespace_runs_are_one_token_and_breaks_are_told_apart() {
        let t = texts("a  \u{a0}b\r\n\r\nc");
        assert_eq!(t[1], ("  \u{a0}", TokenKind::Space));
        assert_eq!(t[3], ("\r\n\r\n", TokenKind::Break));
    }

    #[test]
    fn words_keep_inner_apostrophes() {
        let t = texts("don’t won't");
        assert_eq!(t[0], ("don’t", TokenKind::Word));
        assert_eq!(t[2], ("won't", TokenKind::Word));
    }

    #[test]
    fn scripts_without_spaces_give_small_units() {
        assert!(tokenize("ภาษาไทยง่ายนิดเดียว").len() > 5);
        assert!(tokenize("我们的总统").len() >= 5);
        assert!(tokenize("日本語のテキスト").len() > 3);
    }

    #[test]
    fn the_ascii_fast_path_agrees_with_the_unicode_segmenter() {
        let texts = [
            "U.S. don't 5,000.5 9.5; 10:30 a_b __x (AP) $1.5 e.g. a'b'c 1'000 x.y.z. 3,,4 a::b",
            "He told the workers: \"I will never cave in to pressure.\"\r\n\r\nNext-day",
            "tabs\there\x0bvt\x0cff_1a2 'quoted' a.1 1.a 1_a _ . , ; : ' \"",
            // runs that turn out not to be ASCII after segments were made
            "x don’t 5,000€ a.b’c é $5日本 ok 1,5’",
        ];
        for text in texts {
            assert_eq!(tokenize(text), tokenize_unicode(text), "{text}");
        }
    }

    #[test]
    fn common_marks_outside_ascii_agree_with_the_unicode_segmenter() {
        let alphabet = [
            "a",
            "Z",
            "5",
            "_",
            ".",
            ",",
            "'",
            ":",
            " ",
            "\n",
            "“",
            "”",
            "‘",
            "’",
            "—",
            "–",
            "…",
            "é",
            "\u{301}",
            "\u{200D}",
            "日",
            "$",
            "€",
            "\u{a0}",
            "\u{2019}\u{301}",
            "\u{1C}",
            "\u{1F}",
        ];
        let agrees = |text: &str| {
            // the documented difference: a mark joined to ASCII whitespace
            let bytes = text.as_bytes();
            let mark_after_space = (1..bytes.len()).any(|i| {
                bytes[i - 1].is_ascii_whitespace() && matches!(bytes[i], 0xCC | 0xE2) && {
                    let c = text[i..].chars().next().unwrap();
                    c == '\u{301}' || c == '\u{200D}'
                }
            });
            mark_after_space || tokenize(text) == tokenize_unicode(text)
        };
        let n = alphabet.len();
        for a in 0..n {
            for b in 0..n {
                for c in 0..n {
                    let text = [alphabet[a], alphabet[b], alphabet[c]].concat();
                    assert!(agrees(&text), "{text:?}");
                }
            }
        }
        // longer texts, from a small linear congruential generator
        let mut state = 0x2545_f491_u32;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..12 {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                text.push_str(alphabet[(state >> 16) as usize % n]);
            }
            assert!(agrees(&text), "{text:?}");
        }
        for text in [
            "“Go away!” — he said… don’t ‘quote’ 5’000 a’b’c x’ ’y ’’ a’é “é” —\u{301}",
            "workers’ union’s “I will never cave in to pressure.”\n\n—Lukashenko",
        ] {
            assert_eq!(tokenize(text), tokenize_unicode(text), "{text}");
        }
    }

    #[test]
    fn tokens_cover_the_text() {
        let text = " date 2020-08-17 Minsk, Aug 17 (AP) — “Go away!” 👩‍👩‍👧 e\u{301}";
        let tokens = tokenize(text);
        let rebuilt: String = tokens.iter().map(|t| t.text(text)).collect();
        assert_eq!(rebuilt, text);
        assert!(tokens.windows(2).all(|w| w[0].end == w[1].start));
    }
}
