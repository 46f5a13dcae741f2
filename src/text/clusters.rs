//! Clusters: user-perceived characters, close to Unicode's extended
//! grapheme clusters without their tables (which the wasm would carry).
//! A cluster is a character with what attaches to it: combining
//! marks (General Category M, and the spacing Thai and Lao vowel SARA AM),
//! joiners (ZWNJ, ZWJ, and the character after a ZWJ), variation selectors,
//! emoji skin-tone modifiers and tag characters; two regional indicators
//! make one flag; `\r\n` is one cluster.
//!
//! Used where a text is cut below the word: scripts written without spaces
//! (Thai, Lao, Khmer, Myanmar) and the character-level detail of a
//! near-variant spelling.

use super::tables::clusters::EXTEND;

/// The clusters of `text`, with their byte offsets.
pub fn clusters(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, first) = rest.next()?;
        let mut end = start + first.len_utf8();
        let mut last = first;
        let mut flag_open = is_regional(first);
        while let Some(&(at, c)) = rest.peek() {
            let joins = is_extend(c)
                || last == '\u{200D}'
                || (last == '\r' && c == '\n')
                || (flag_open && is_regional(c));
            if !joins {
                break;
            }
            flag_open = false;
            rest.next();
            end = at + c.len_utf8();
            last = c;
        }
        Some((start, &text[start..end]))
    })
}

fn is_regional(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// Attaches to the character before it.
pub fn is_extend(c: char) -> bool {
    let c = c as u32;
    if c < 0x300 {
        return false;
    }
    let i = EXTEND.partition_point(|&(_, end)| end < c);
    EXTEND.get(i).is_some_and(|&(start, _)| start <= c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        clusters(text).map(|c| c.1).collect()
    }

    #[test]
    fn marks_joiners_and_flags_stay_with_their_character() {
        assert_eq!(split("e\u{301}a"), ["e\u{301}", "a"]);
        assert_eq!(split("👩‍👩‍👧x"), ["👩‍👩‍👧", "x"]);
        assert_eq!(split("🇧🇾🇺🇦"), ["🇧🇾", "🇺🇦"]);
        assert_eq!(split("👍🏽!"), ["👍🏽", "!"]);
        assert_eq!(split("a\r\nb"), ["a", "\r\n", "b"]);
        // Thai: consonant + vowel sign + tone mark; SARA AM attaches too.
        assert_eq!(split("ที่น้ำ"), ["ที่", "น้ำ"]);
    }

    #[test]
    fn clusters_cover_the_text() {
        let text = "Tsikhanouskaya ภาษาไทย 日本 e\u{301}\u{302} 🇧🇾";
        let rebuilt: String = split(text).concat();
        assert_eq!(rebuilt, text);
    }
}
