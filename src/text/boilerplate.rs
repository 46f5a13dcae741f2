//! Boilerplate: text an outlet or a syndication system adds around a story,
//! which says nothing about how the story was rewritten.
//!
//! A boilerplate unit is matched only with boilerplate units, its ops carry
//! `boilerplate: true`, and it counts in no statistic. The rules, each with
//! the name reported in `boilerplateRule`:
//!
//! * `read-also` — a line starting `Read also:`, `Also Read |`, `Also read:`,
//!   `Read more:`, `See also:` or `Related:` (any case), or `READ MORE` (in
//!   capitals: "Read more …" may begin a sentence);
//! * `syndication-footer` — a line starting `(This is an unedited and
//!   auto-generated story`, or a line of at most 400 bytes containing
//!   `auto-generated from a syndicated feed` or `auto-generated story`;
//! * `radio-chrome` — page furniture of radio and news sites: a line that is
//!   exactly `Play Live Radio`, `Available On Air Stations`, `toggle caption`,
//!   `Advertisement` or `ADVERTISEMENT`, a line starting `Next Up:`, or a line
//!   of nothing but time codes (`0:00 0:00`);
//! * `dateline` — at the start of the story (the first line that is not
//!   boilerplate, so after any page chrome): an optional `date YYYY-MM-DD`,
//!   a place of one to four capitalised words (with a state or country
//!   after a comma before a bracketed agency: `PORTLAND, Ore. (AP)`,
//!   `AUSTIN, Texas (AP)`), an optional date (`Aug 17`,
//!   `17 Aug`), then the agency, in brackets (`(AP)`, `(Reuters)`) or as a web
//!   name (`KOMPAS.com`), and an optional dash or colon. Only the dateline is
//!   split off; the story after it on the same line is ordinary text. Without
//!   an agency nothing is a dateline.
//! * `repeated-caption` — a photo caption printed twice: a line of at least
//!   40 characters that appears again within the next three lines, alone or
//!   glued after a credit of at most 60 bytes (`tut.by/Daria BuriakinaOver
//!   100,000 …`). Both lines are boilerplate.

use super::tokenize::{Token, TokenKind};
use crate::vocab::names;

names! {
    /// Which rule made a unit boilerplate (the module header describes each).
    pub enum Rule {
        /// A line pointing readers to another story (`Read also:`, `Related:`).
        ReadAlso = "read-also",
        /// A note that the story was generated from a syndicated feed.
        SyndicationFooter = "syndication-footer",
        /// Page furniture of radio and news sites (`Play Live Radio`).
        RadioChrome = "radio-chrome",
        /// The dateline at the start of the story: place, date, agency.
        Dateline = "dateline",
        /// A photo caption printed twice.
        RepeatedCaption = "repeated-caption",
    }
}

const READ_ALSO: [&str; 6] = [
    "read also:",
    "also read |",
    "also read:",
    "read more:",
    "see also:",
    "related:",
];

const FOOTER_START: &str = "(This is an unedited and auto-generated story";
const FOOTER_PHRASES: [&str; 2] = [
    "auto-generated from a syndicated feed",
    "auto-generated story",
];

const CHROME_LINES: [&str; 5] = [
    "Play Live Radio",
    "Available On Air Stations",
    "toggle caption",
    "Advertisement",
    "ADVERTISEMENT",
];

/// The rule a whole line (without its line break, trimmed) falls under.
pub fn line_rule(line: &str) -> Option<Rule> {
    let line = line.trim();
    // `READ MORE` in capitals only: "Read more …" may begin a sentence.
    if READ_ALSO.iter().any(|p| starts_with_ignore_case(line, p)) || line.starts_with("READ MORE") {
        return Some(Rule::ReadAlso);
    }
    if line.starts_with(FOOTER_START)
        || (line.len() <= 400 && contains_any_ignore_case(line, &FOOTER_PHRASES))
    {
        return Some(Rule::SyndicationFooter);
    }
    if one_of(&CHROME_LINES, line) || line.starts_with("Next Up:") || is_time_codes(line) {
        return Some(Rule::RadioChrome);
    }
    None
}

/// `line` holds one of `phrases` (ASCII, lower case, each with a `-` at
/// byte 4) in any case; only the places of `-` are compared (found by
/// `str::find`, which skips a word at a time: most lines are checked, and
/// most have none).
fn contains_any_ignore_case(line: &str, phrases: &[&str]) -> bool {
    let bytes = line.as_bytes();
    let mut from = 0;
    while let Some(k) = line[from..].find('-') {
        let i = from + k;
        let at = |p: &&str| {
            i >= 4
                && bytes
                    .get(i - 4..i - 4 + p.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(p.as_bytes()))
        };
        if phrases.iter().any(at) {
            return true;
        }
        from = i + 1;
    }
    false
}

/// `s` is one of `list` (kept out of line: the wasm stays small).
#[inline(never)]
fn one_of(list: &[&str], s: &str) -> bool {
    list.contains(&s)
}

#[inline(never)]
fn starts_with_ignore_case(line: &str, prefix: &str) -> bool {
    line.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// `0:00 0:00`, `12:30`, `1:02:03`.
fn is_time_codes(line: &str) -> bool {
    let mut any = false;
    let digits = |s: &str, min: usize, max: usize| {
        (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    for part in line.split_whitespace() {
        // `h:mm` or `h:mm:ss`, the hours one or two digits
        let mut fields = part.split(':');
        if !digits(fields.next().unwrap_or(""), 1, 2) {
            return false;
        }
        let mut rest = 0;
        for field in fields {
            rest += 1;
            if rest > 2 || !digits(field, 2, 2) {
                return false;
            }
        }
        if rest == 0 {
            return false;
        }
        any = true;
    }
    any
}

/// Minimum length of a repeated caption, in characters.
const CAPTION_MIN_CHARS: usize = 40;
/// How many lines later the repetition may come.
const CAPTION_REACH: usize = 3;
/// The longest credit glued before a repeated caption, in bytes.
const CREDIT_MAX_BYTES: usize = 60;

/// Marks lines (trimmed, one per paragraph) that repeat a caption nearby.
pub fn repeated_captions(lines: &[&str]) -> Vec<bool> {
    let long: Vec<bool> = lines
        .iter()
        .map(|l| {
            // bytes first: under 40 bytes is under 40 characters, and from
            // 160 bytes (four a character at most) there are 40
            l.len() >= 4 * CAPTION_MIN_CHARS
                || (l.len() >= CAPTION_MIN_CHARS && l.chars().count() >= CAPTION_MIN_CHARS)
        })
        .collect();
    let mut marked = vec![false; lines.len()];
    for (i, line) in lines.iter().enumerate() {
        if !long[i] {
            continue;
        }
        for j in i + 1..lines.len().min(i + 1 + CAPTION_REACH) {
            let other = lines[j];
            let repeats = |long: &str, short: &str| {
                long.len() - short.len() <= CREDIT_MAX_BYTES && long.ends_with(short)
            };
            if (other.len() >= line.len() && repeats(other, line))
                || (long[j] && line.len() >= other.len() && repeats(line, other))
            {
                marked[i] = true;
                marked[j] = true;
            }
        }
    }
    marked
}

const MONTHS: [&str; 24] = [
    "Jan",
    "January",
    "Feb",
    "February",
    "Mar",
    "March",
    "Apr",
    "April",
    "May",
    "Jun",
    "June",
    "Jul",
    "July",
    "Aug",
    "August",
    "Sep",
    "Sept",
    "September",
    "Oct",
    "October",
    "Nov",
    "November",
    "Dec",
    "December",
];

/// How far into a text a dateline may reach, in significant tokens.
const DATELINE_MAX_TOKENS: usize = 30;

/// The byte where the story starts after a dateline at the start of
/// `tokens` (the first line of a text), or `None` without a dateline. The
/// dateline takes the whitespace after it; when it is the whole line the
/// end of the line's last token is returned.
pub fn dateline_end(text: &str, tokens: &[Token]) -> Option<usize> {
    let sig: Vec<&Token> = tokens
        .iter()
        .filter(|t| !t.is_whitespace())
        .take(DATELINE_MAX_TOKENS)
        .collect();
    let at = |i: usize| sig.get(i).map(|t| t.text(text)).unwrap_or("");
    let kind = |i: usize| sig.get(i).map(|t| t.kind);
    let capitalised = |i: usize| {
        kind(i) == Some(TokenKind::Word) && at(i).chars().next().is_some_and(char::is_uppercase)
    };
    let mut i = 0;
    if at(0).eq_ignore_ascii_case("date") {
        i = 1;
        while kind(i) == Some(TokenKind::Number) || matches!(at(i), "-" | "/") {
            i += 1;
        }
    }
    let mut place = 0;
    while place < 4 && capitalised(i) && !one_of(&MONTHS, at(i)) {
        place += 1;
        i += 1;
        if at(i) == "." {
            i += 1;
        }
    }
    if place == 0 {
        return None;
    }
    if at(i) == "," {
        i += 1;
        // `AUSTIN, Texas (AP)`, `PORTLAND, Ore. (AP)`: a state or country
        // after the place, taken only when the agency's bracket follows.
        let mut region = i;
        while region - i < 6
            && capitalised(region)
            && !one_of(&MONTHS, at(region))
            && !is_web_agency(at(region))
        {
            region += 1;
            if at(region) == "." {
                region += 1;
            }
        }
        if region > i && at(region) == "(" {
            i = region;
        }
    }
    if one_of(&MONTHS, at(i)) {
        i += 1;
        if at(i) == "." {
            i += 1;
        }
        if kind(i) == Some(TokenKind::Number) {
            i += 1;
        }
    } else if kind(i) == Some(TokenKind::Number) && one_of(&MONTHS, at(i + 1)) {
        i += 2;
        if at(i) == "." {
            i += 1;
        }
    }
    if at(i) == "," {
        i += 1;
    }
    if at(i) == "(" {
        let mut words = 0;
        i += 1;
        while words < 3 && capitalised(i) {
            words += 1;
            i += 1;
        }
        if words == 0 || at(i) != ")" {
            return None;
        }
        i += 1;
    } else if kind(i) == Some(TokenKind::Word) && is_web_agency(at(i)) {
        i += 1;
    } else {
        return None;
    }
    if matches!(at(i), "-" | "—" | "–" | ":") {
        i += 1;
    }
    match sig.get(i) {
        Some(next) => Some(next.start),
        None => sig.last().map(|t| t.end),
    }
}

/// `KOMPAS.com`, `Antara.co`: a capitalised name with a short lowercase
/// web suffix.
fn is_web_agency(word: &str) -> bool {
    let Some((name, suffix)) = word.rsplit_once('.') else {
        return false;
    };
    name.chars().next().is_some_and(char::is_uppercase)
        && (2..=4).contains(&suffix.len())
        && suffix.bytes().all(|b| b.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize::tokenize;

    fn dateline(text: &str) -> Option<&str> {
        dateline_end(text, &tokenize(text)).map(|end| &text[..end])
    }

    #[test]
    fn datelines_of_the_samples_are_found() {
        assert_eq!(
            dateline(" date 2020-08-17 Minsk, Aug 17 (AP) Workers heckled"),
            Some(" date 2020-08-17 Minsk, Aug 17 (AP) ")
        );
        assert_eq!(
            dateline("MINSK, KOMPAS.com - President Alexander"),
            Some("MINSK, KOMPAS.com - ")
        );
        assert_eq!(
            dateline("WASHINGTON (Reuters) — The"),
            Some("WASHINGTON (Reuters) — ")
        );
        for (line, expected) in [
            ("PORTLAND, Ore. (AP) — Rescuers", "PORTLAND, Ore. (AP) — "),
            ("AUSTIN, Texas (AP) — Texas Gov.", "AUSTIN, Texas (AP) — "),
            (
                "FORT LIBERTY, N.C. (AP) — The",
                "FORT LIBERTY, N.C. (AP) — ",
            ),
            ("CHARLESTON, W.Va. (AP) — A", "CHARLESTON, W.Va. (AP) — "),
            ("NAIROBI, Kenya (AFP) - Police", "NAIROBI, Kenya (AFP) - "),
        ] {
            assert_eq!(dateline(line), Some(expected));
        }
    }

    #[test]
    fn a_first_sentence_without_an_agency_is_no_dateline() {
        assert_eq!(
            dateline("Alexander Lukashenko, the five-term president"),
            None
        );
        assert_eq!(dateline("Mass protests, labor actions say down"), None);
        assert_eq!(dateline("Minsk, Aug 17 (but not an agency) went"), None);
        assert_eq!(dateline("Minsk, Belarus, is calm"), None);
        assert_eq!(dateline("Salem, Ore. (the capital) is calm"), None);
    }

    #[test]
    fn line_rules() {
        let cases = [
            ("Read also: Protests in Belarus", Some(Rule::ReadAlso)),
            ("Also Read | Death Valley Records", Some(Rule::ReadAlso)),
            ("READ MORE", Some(Rule::ReadAlso)),
            ("Read more about it in our archive.", None),
            (
                "(This is an unedited and auto-generated story from Syndicated News feed)",
                Some(Rule::SyndicationFooter),
            ),
            (
                "(Only the headline of this report may have been reworked by Business Standard staff; the rest of the content is auto-generated from a syndicated feed.)",
                Some(Rule::SyndicationFooter),
            ),
            ("Play Live Radio", Some(Rule::RadioChrome)),
            ("Next Up:", Some(Rule::RadioChrome)),
            ("0:00 0:00", Some(Rule::RadioChrome)),
            ("At 0:00 the plant stopped", None),
            ("He said the demonstrators have been", None),
        ];
        for (line, rule) in cases {
            assert_eq!(line_rule(line), rule, "{line}");
        }
    }

    #[test]
    fn a_caption_glued_after_its_credit_is_repeated() {
        let caption = "Over 100,000 people rally in Minsk, Belarus capital, Sept. 13";
        let glued = format!("tut.by/Daria Buriakina{caption}");
        let lines = [
            "By Roy",
            caption,
            glued.as_str(),
            "Well over 100,000 people",
        ];
        assert_eq!(repeated_captions(&lines), [false, true, true, false]);
        let far = [caption, "a", "b", "c", caption];
        assert_eq!(repeated_captions(&far), [false; 5]);
    }
}
