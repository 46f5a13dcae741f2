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
    pub kind: TokenKind,
    pub start: usize,
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
pub fn tokenize(text: &str) -> Vec<Token> {
    // News text has a token every 2.5 bytes or so; reserving that once
    // saves growing (and copying) a large vector.
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 2 + 16);
    for_each_segment(text, |start, segment, kind| match kind {
        Some(kind) => push_token(&mut tokens, text, kind, start, start + segment.len()),
        None => push_segment(&mut tokens, text, start, segment),
    });
    tokens
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

/// The UAX #29 word segments of `text`, fast. ASCII whitespace always
/// separates segments, so the text is cut there: runs of ASCII whitespace
/// are one segment each, runs of other ASCII go through [`ascii_segments`]
/// (the word-boundary rules restricted to ASCII, several times faster than
/// the general segmenter), and runs holding anything else through
/// [`super::words`]. The only difference from segmenting the whole
/// text at once: a combining mark right after ASCII whitespace starts a
/// segment instead of joining the whitespace.
/// Segments whose kind is known on the way come with it.
fn for_each_segment(text: &str, mut f: impl FnMut(usize, &str, Option<TokenKind>)) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        let mut j = i;
        if bytes[i].is_ascii_whitespace() || bytes[i] == 0x0B {
            while j < n && (bytes[j].is_ascii_whitespace() || bytes[j] == 0x0B) {
                j += 1;
            }
            let kind = if bytes[i..j]
                .iter()
                .any(|&b| matches!(b, b'\n' | b'\r' | 0x0B | 0x0C))
            {
                TokenKind::Break
            } else {
                TokenKind::Space
            };
            f(i, &text[i..j], Some(kind));
        } else {
            let mut ascii = true;
            while j < n && !(bytes[j].is_ascii_whitespace() || bytes[j] == 0x0B) {
                ascii &= bytes[j].is_ascii();
                j += 1;
            }
            if ascii {
                ascii_segments(&text[i..j], i, &mut f);
            } else {
                for (start, segment) in super::words::word_bounds(&text[i..j]) {
                    f(i + start, segment, None);
                }
            }
        }
        i = j;
    }
}

/// UAX #29 word boundaries within ASCII without whitespace: letters, digits
/// and `_` join (WB5, WB8–WB10, WB13a–b); `:`, `.` and `'` join letters
/// (WB6–7); `,`, `;`, `.` and `'` join digits (WB11–12); anything else
/// stands alone (WB999).
fn ascii_segments(chunk: &str, base: usize, f: &mut impl FnMut(usize, &str, Option<TokenKind>)) {
    let b = chunk.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut i = 0;
    while i < b.len() {
        let mut j = i + 1;
        if word(b[i]) {
            loop {
                if j < b.len() && word(b[j]) {
                    j += 1;
                } else if j + 1 < b.len()
                    && ((b[j - 1].is_ascii_alphabetic()
                        && b[j + 1].is_ascii_alphabetic()
                        && matches!(b[j], b':' | b'.' | b'\''))
                        || (b[j - 1].is_ascii_digit()
                            && b[j + 1].is_ascii_digit()
                            && matches!(b[j], b',' | b';' | b'.' | b'\'')))
                {
                    j += 2;
                } else {
                    break;
                }
            }
        }
        let kind = match b[i] {
            b'0'..=b'9' => TokenKind::Number,
            _ if b[i..j].iter().any(u8::is_ascii_alphanumeric) => TokenKind::Word,
            // U+001C–U+001F are whitespace to Rust, as `classify` sees them
            0x1C..=0x1F => TokenKind::Space,
            _ => TokenKind::Punct,
        };
        f(base + i, &chunk[i..j], Some(kind));
        i = j;
    }
}

fn classify(segment: &str) -> TokenKind {
    let first = segment.chars().next().unwrap_or(' ');
    if first.is_whitespace() {
        if segment.chars().any(is_line_break) {
            TokenKind::Break
        } else {
            TokenKind::Space
        }
    } else if first.is_numeric() {
        TokenKind::Number
    } else if first.is_alphabetic() || segment.chars().any(char::is_alphanumeric) {
        TokenKind::Word
    } else {
        TokenKind::Punct
    }
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
        ];
        for text in texts {
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
