//! Splits text into tokens along Unicode word boundaries (UAX #29).

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

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
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 4 + 1);
    for (start, segment) in text.split_word_bound_indices() {
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
            continue;
        }
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
    tokens
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
    fn tokens_cover_the_text() {
        let text = " date 2020-08-17 Minsk, Aug 17 (AP) — “Go away!” 👩‍👩‍👧 e\u{301}";
        let tokens = tokenize(text);
        let rebuilt: String = tokens.iter().map(|t| t.text(text)).collect();
        assert_eq!(rebuilt, text);
        assert!(tokens.windows(2).all(|w| w[0].end == w[1].start));
    }
}
