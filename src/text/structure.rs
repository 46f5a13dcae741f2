//! Paragraphs and sentences.
//!
//! * **Paragraphs**: every line break ends a paragraph (blank-line and
//!   single-newline conventions both occur), except a single line break
//!   inside a hard-wrapped paragraph: the line before does not end in
//!   sentence punctuation and the next line starts in lower case. Blank
//!   lines belong to the paragraph before them.
//! * **Sentences**: a paragraph is split after `.`, `!`, `?` or `…` (with any
//!   closing quotes or brackets) followed by a space and an upper-case
//!   letter, a digit or an opening quote or bracket. A full stop after an
//!   abbreviation common in wire copy ends a sentence only where the
//!   abbreviation could not go on:
//!   - titles and ranks (`Mr.`, `Gov.`, `Brig. Gen.`, `Sgt.`), `St.`, `Mt.`,
//!     `Hwy.` and single initials (`Paul A. Allaire`): never;
//!   - `No.` and the months (`Jan.`–`Dec.`, `Sept.`): not before a number;
//!   - US states and Canadian provinces, AP style (`Calif.`, `N.C.`,
//!     `W.Va.`, `Sask.`): not before a number or a bracket (`PORTLAND, Ore.
//!     (AP)`), but before a capitalised word or a quote they do: AP sets a
//!     comma after a state in mid-sentence (`Fort Liberty, N.C., was`), so
//!     in `Fort Liberty, N.C. She` the state ends the sentence;
//!   - `Jr.`, `Co.`, `Corp.`, `Inc.`, `Ltd.`, `Ave.` and words with inner
//!     dots (`U.S.`, `U.N.`, `J.R.R.`): only before an opening quote or a
//!     capitalised word that only ever opens a sentence (`The`, `He`, `But`,
//!     …): `the U.S. Senate` goes on, `in the U.S. The` does not.
//! * **Boilerplate** lines ([`super::boilerplate`]) are one unit each; a
//!   dateline at the start of the story (its first line that is not
//!   boilerplate) is split off as its own unit.
//!
//! The result is a partition of the text into **units** (a sentence with the
//! whitespace after it; the text's leading whitespace joins the first unit),
//! each a run of whole atoms, so units tile the text exactly.

use std::ops::Range;

use super::boilerplate::{self, Rule};
use super::keys::Atom;
use super::tokenize::{Token, TokenKind};

/// A sentence, or a boilerplate line, with the whitespace after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The atoms it is made of.
    pub atoms: Range<usize>,
    /// Its bytes in the text.
    pub bytes: Range<usize>,
    /// Index into [`Structure::paragraphs`].
    pub paragraph: usize,
    /// Why it is boilerplate, if it is.
    pub rule: Option<Rule>,
    /// Word and number tokens in it.
    pub words: u32,
    /// Its first word or number atom.
    pub first_word: Option<usize>,
}

/// The paragraphs and units of one text.
#[derive(Debug, Clone, Default)]
pub struct Structure {
    /// Byte ranges; they tile the text, each with the line breaks after it.
    pub paragraphs: Vec<Range<usize>>,
    pub units: Vec<Unit>,
}

/// Where a unit starts, before snapping to atoms.
struct Piece {
    start: usize,
    paragraph: usize,
    rule: Option<Rule>,
}

/// Splits `text` (with its `tokens` and `atoms`) into paragraphs and units.
#[inline(never)] // its own function in the wasm: see "Phases" in lib.rs
pub fn analyse(text: &str, tokens: &[Token], atoms: &[Atom]) -> Structure {
    let paragraphs = paragraphs(text, tokens);
    let contents: Vec<Range<usize>> = paragraphs.iter().map(|p| content(tokens, p)).collect();
    let lines: Vec<&str> = contents
        .iter()
        .map(|c| {
            if c.is_empty() {
                ""
            } else {
                &text[tokens[c.start].start..tokens[c.end - 1].end]
            }
        })
        .collect();
    let captions = boilerplate::repeated_captions(&lines);

    let mut pieces = Vec::new();
    // The story starts at the first line that is not boilerplate.
    let mut story_started = false;
    for (p, range) in paragraphs.iter().enumerate() {
        let start = tokens[range.start].start;
        let rule =
            boilerplate::line_rule(lines[p]).or(captions[p].then_some(Rule::RepeatedCaption));
        if rule.is_some() {
            pieces.push(Piece {
                start,
                paragraph: p,
                rule,
            });
            continue;
        }
        let content = &tokens[contents[p].clone()];
        let mut story_from = contents[p].start;
        let dateline = if story_started {
            None
        } else {
            story_started = true;
            boilerplate::dateline_end(text, content)
        };
        match dateline {
            Some(end) => {
                pieces.push(Piece {
                    start,
                    paragraph: p,
                    rule: Some(Rule::Dateline),
                });
                story_from = contents[p].start + content.partition_point(|t| t.start < end);
                if story_from < contents[p].end {
                    pieces.push(Piece {
                        start: end,
                        paragraph: p,
                        rule: None,
                    });
                }
            }
            _ => pieces.push(Piece {
                start,
                paragraph: p,
                rule: None,
            }),
        }
        sentence_starts(text, &tokens[story_from..contents[p].end], |at| {
            pieces.push(Piece {
                start: at,
                paragraph: p,
                rule: None,
            })
        });
    }
    snap(atoms, &pieces, paragraphs.len())
}

/// Token ranges of the paragraphs, each with its trailing whitespace.
#[inline(never)] // its own function in the wasm: see "Phases" in lib.rs
fn paragraphs(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut has_content = false;
    for (k, token) in tokens.iter().enumerate() {
        if token.kind == TokenKind::Break {
            if has_content && !hard_wrapped(text, tokens, k) {
                out.push(start..k + 1);
                start = k + 1;
                has_content = false;
            }
        } else if !token.is_whitespace() {
            has_content = true;
        }
    }
    if start < tokens.len() {
        match out.last_mut() {
            Some(last) if !has_content => last.end = tokens.len(),
            _ => out.push(start..tokens.len()),
        }
    }
    out
}

/// A single line break inside a hard-wrapped paragraph.
fn hard_wrapped(text: &str, tokens: &[Token], k: usize) -> bool {
    let breaks = line_breaks(tokens[k].text(text));
    if breaks != 1 || k == 0 {
        return false;
    }
    let before = tokens[k - 1].text(text);
    let ends_sentence = before.chars().last().is_some_and(|c| {
        matches!(
            c,
            '.' | '!' | '?' | '…' | ':' | ';' | '"' | '”' | '’' | '\'' | ')' | ']' | '»'
        )
    });
    let next_lower = tokens
        .get(k + 1)
        .and_then(|t| t.text(text).chars().next())
        .is_some_and(char::is_lowercase);
    !ends_sentence && next_lower
}

/// Line breaks in a whitespace run; `\r\n` is one.
fn line_breaks(s: &str) -> usize {
    let mut n = 0;
    let mut after_cr = false;
    for c in s.chars() {
        match c {
            '\n' if after_cr => {}
            '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => n += 1,
            _ => {}
        }
        after_cr = c == '\r';
    }
    n
}

/// The paragraph's tokens without leading and trailing whitespace.
fn content(tokens: &[Token], paragraph: &Range<usize>) -> Range<usize> {
    let mut start = paragraph.start;
    let mut end = paragraph.end;
    while start < end && tokens[start].is_whitespace() {
        start += 1;
    }
    while end > start && tokens[end - 1].is_whitespace() {
        end -= 1;
    }
    start..end
}

/// What a word before a full stop says about the sentence ending there
/// (see "Sentences" in the module header).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abbreviation {
    /// Titles, ranks, `St.`, `Mt.`, `Hwy.` and single initials: they stand
    /// before a name or a number, so never end a sentence.
    Prefix,
    /// `No.` and the months: abbreviated only before a number.
    BeforeNumber,
    /// US states and Canadian provinces, AP style.
    Place,
    /// `Jr.`, `Co.`, `Inc.`, `U.S.`, `J.R.R.`: they end a name, and the
    /// sentence often goes on with a capitalised word (`U.S. Senate`,
    /// `Harlow Inc. Chief Executive`).
    NameEnd,
}

/// The kind of abbreviation `word` (without its final dot) is, if any.
fn abbreviation(word: &str) -> Option<Abbreviation> {
    use Abbreviation::*;
    Some(match word {
        "Mr" | "Mrs" | "Ms" | "Dr" | "Prof" | "Rev" | "Msgr" | "Gov" | "Govs" | "Sen" | "Sens"
        | "Rep" | "Reps" | "Atty" | "Supt" | "Gen" | "Brig" | "Lt" | "Col" | "Maj" | "Capt"
        | "Cmdr" | "Adm" | "Cpl" | "Pfc" | "Spc" | "Sgt" | "St" | "Mt" | "Ft" | "Hwy" | "vs" => {
            Prefix
        }
        "No" | "Nos" | "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept"
        | "Oct" | "Nov" | "Dec" => BeforeNumber,
        "Ala" | "Ariz" | "Ark" | "Calif" | "Colo" | "Conn" | "Del" | "Fla" | "Ga" | "Ill"
        | "Ind" | "Kan" | "Ky" | "La" | "Md" | "Mass" | "Mich" | "Minn" | "Miss" | "Mo"
        | "Mont" | "Neb" | "Nev" | "N.H" | "N.J" | "N.M" | "N.Y" | "N.C" | "N.D" | "Okla"
        | "Ore" | "Pa" | "R.I" | "S.C" | "S.D" | "Tenn" | "Vt" | "Va" | "Wash" | "W.Va" | "Wis"
        | "Wyo" | "D.C" | "Sask" | "Alta" | "Man" | "Ont" | "Que" | "B.C" | "N.S" | "N.B" => Place,
        "Jr" | "Sr" | "Co" | "Cos" | "Corp" | "Inc" | "Ltd" | "Bros" | "Ave" | "Blvd" | "etc" => {
            NameEnd
        }
        _ if word.contains('.') => NameEnd,
        _ => {
            let mut chars = word.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_uppercase() => Prefix,
                _ => return None,
            }
        }
    })
}

/// Capitalised words that open sentences and never go on a name, so that
/// `in the U.S. The` ends a sentence where `in the U.S. Senate` does not.
const SENTENCE_OPENERS: [&str; 59] = [
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their",
    "Our", "My", "This", "That", "These", "Those", "There", "Then", "But", "And", "Or", "So",
    "Yet", "If", "When", "While", "After", "Before", "As", "In", "On", "At", "For", "From", "With",
    "By", "Since", "Although", "Though", "However", "Still", "Also", "Some", "Many", "Most",
    "Both", "Each", "All", "Other", "Such", "What", "Who", "Why", "How", "Where",
];

fn is_opening_quote(s: &str) -> bool {
    matches!(s, "“" | "\"" | "‘" | "'" | "«" | "„")
}

/// Whether a full stop after `kind` ends the sentence before `next`, a
/// token that can open one.
fn abbreviation_ends_sentence(kind: Abbreviation, next: &str) -> bool {
    let first = next.chars().next().unwrap_or(' ');
    match kind {
        Abbreviation::Prefix => false,
        Abbreviation::BeforeNumber => !first.is_numeric(),
        Abbreviation::Place => !first.is_numeric() && !matches!(next, "(" | "["),
        Abbreviation::NameEnd => is_opening_quote(next) || SENTENCE_OPENERS.contains(&next),
    }
}

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…")
}

fn is_closing(s: &str) -> bool {
    matches!(s, "”" | "\"" | "’" | "'" | ")" | "]" | "»")
}

fn opens_sentence(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        || is_opening_quote(s)
        || matches!(s, "(" | "[")
}

/// Gives `found` the byte offsets where a new sentence starts inside one
/// paragraph's content, in order.
#[inline(never)] // its own function in the wasm: see "Phases" in lib.rs
fn sentence_starts(text: &str, tokens: &[Token], mut found: impl FnMut(usize)) {
    let is_stop = |t: &Token| t.kind == TokenKind::Punct && is_terminal(t.text(text));
    let mut from = 0;
    while let Some(k) = tokens[from..].iter().position(is_stop) {
        let i = from + k;
        let mut j = i + 1;
        while j < tokens.len()
            && tokens[j].kind == TokenKind::Punct
            && (is_terminal(tokens[j].text(text)) || is_closing(tokens[j].text(text)))
        {
            j += 1;
        }
        if j + 1 < tokens.len() && tokens[j].kind == TokenKind::Space {
            let next = tokens[j + 1].text(text);
            let ends = opens_sentence(next)
                && match abbreviation_before(text, tokens, i) {
                    Some(kind) => abbreviation_ends_sentence(kind, next),
                    None => true,
                };
            if ends {
                found(tokens[j + 1].start);
            }
        }
        from = j;
    }
}

/// The abbreviation whose dot is `tokens[dot]`, if it is one.
fn abbreviation_before(text: &str, tokens: &[Token], dot: usize) -> Option<Abbreviation> {
    let word = tokens.get(dot.checked_sub(1)?)?;
    let adjacent = word.kind == TokenKind::Word && word.end == tokens[dot].start;
    if adjacent && tokens[dot].text(text) == "." {
        abbreviation(word.text(text))
    } else {
        None
    }
}

/// Turns pieces (byte starts) into units of whole atoms: an atom belongs to
/// the piece its token starts in; pieces left without atoms vanish.
#[inline(never)] // its own function in the wasm: see "Phases" in lib.rs
fn snap(atoms: &[Atom], pieces: &[Piece], paragraph_count: usize) -> Structure {
    let mut units: Vec<Unit> = Vec::with_capacity(pieces.len());
    let (mut a, mut piece) = (0, 0);
    while a < atoms.len() {
        // the last piece starting at or before this atom's token
        let at = atoms[a].token().start;
        while piece + 1 < pieces.len() && pieces[piece + 1].start <= at {
            piece += 1;
        }
        // the unit takes the atoms whose tokens start before the next piece
        let limit = pieces.get(piece + 1).map_or(usize::MAX, |p| p.start);
        let first = a;
        let (mut words, mut first_word) = (0, None);
        while let Some(atom) = atoms.get(a).filter(|atom| atom.token().start < limit) {
            let is_word = matches!(atom.kind, TokenKind::Word | TokenKind::Number);
            if is_word && !atom.token().is_empty() {
                words += 1;
                first_word = first_word.or(Some(a));
            }
            a += 1;
        }
        let p = pieces.get(piece);
        units.push(Unit {
            atoms: first..a,
            bytes: atoms[first].span().start..atoms[a - 1].span().end,
            paragraph: p.map_or(0, |p| p.paragraph),
            rule: p.and_then(|p| p.rule),
            words,
            first_word,
        });
    }
    // Renumber paragraphs to those that kept a unit, and take their spans
    // from their units so that they tile the text too.
    let mut paragraphs: Vec<Range<usize>> = Vec::with_capacity(paragraph_count);
    let mut last_paragraph = None;
    for unit in &mut units {
        if last_paragraph != Some(unit.paragraph) {
            last_paragraph = Some(unit.paragraph);
            paragraphs.push(unit.bytes.clone());
        }
        let p = paragraphs.len() - 1;
        paragraphs[p].end = unit.bytes.end;
        unit.paragraph = p;
    }
    Structure { paragraphs, units }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;
    use crate::text::keys::Keys;
    use crate::text::tokenize::tokenize;

    fn units(text: &str) -> Vec<(&str, usize, Option<Rule>)> {
        let options = Options::default();
        let tokens = tokenize(text);
        let atoms = Keys::new(&options).atoms(text, &tokens);
        let s = analyse(text, &tokens, &atoms);
        s.units
            .iter()
            .map(|u| (&text[u.bytes.clone()], u.paragraph, u.rule))
            .collect()
    }

    #[test]
    fn sentences_split_after_terminal_punctuation_and_closing_quotes() {
        let u =
            units("He was met by workers chanting, “Go away!” He told them: “No.” Then he left.");
        let texts: Vec<&str> = u.iter().map(|x| x.0).collect();
        assert_eq!(
            texts,
            [
                "He was met by workers chanting, “Go away!” ",
                "He told them: “No.” ",
                "Then he left."
            ]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let text = "Protests began Aug. 9 and Sept. 13 in the U.S. capital. Mr. Smith and Alexander G. Lukashenko met Dr. Who. It rained.";
        let texts: Vec<&str> = units(text).iter().map(|x| x.0).collect();
        assert_eq!(
            texts,
            [
                "Protests began Aug. 9 and Sept. 13 in the U.S. capital. ",
                "Mr. Smith and Alexander G. Lukashenko met Dr. Who. ",
                "It rained."
            ]
        );
    }

    /// The sentences of one paragraph, as `sentence_starts` cuts it.
    fn sentences(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        let mut cuts = vec![0];
        sentence_starts(text, &tokens, |at| cuts.push(at));
        cuts.push(text.len());
        cuts.windows(2).map(|w| &text[w[0]..w[1]]).collect()
    }

    #[test]
    fn ordinary_sentence_ends_still_split() {
        assert_eq!(
            sentences("He left. She stayed."),
            ["He left. ", "She stayed."]
        );
        assert_eq!(
            sentences("Was it 5? “Yes,” he said. (Nobody asked.) 2,000 came!"),
            [
                "Was it 5? ",
                "“Yes,” he said. ",
                "(Nobody asked.) ",
                "2,000 came!"
            ]
        );
        // Words that only look like abbreviations.
        assert_eq!(
            sentences("He said no. The vote is on. It was a Man. They met."),
            [
                "He said no. ",
                "The vote is on. ",
                "It was a Man. ",
                "They met."
            ]
        );
    }

    #[test]
    fn titles_ranks_and_place_prefixes_never_end_a_sentence() {
        for title in [
            "Gen.",
            "Brig. Gen.",
            "Lt.",
            "Col.",
            "Maj.",
            "Cpl.",
            "Pfc.",
            "Sgt.",
            "Gov.",
            "Sen.",
            "Rep.",
            "Mr.",
            "Dr.",
            "Lt. Gen.",
            "Maj. Gen.",
            "Sgt. Maj.",
        ] {
            let text = format!("The medal went to {title} Ann Lee on Monday. She thanked them.");
            assert_eq!(sentences(&text).len(), 2, "{text}");
        }
        for text in [
            "Crowds gathered in St. Louis on Friday. They left.",
            "Two climbers were found on Mt. Hood alive. They were cold.",
            "Crews closed Hwy. 26 near Government Camp. It reopened.",
        ] {
            assert_eq!(sentences(text).len(), 2, "{text}");
        }
    }

    #[test]
    fn no_and_months_do_not_end_a_sentence_before_a_number() {
        let months = [
            "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.",
            "Nov.", "Dec.",
        ];
        for month in months {
            let text = format!("The vote is set for {month} 14 in Minsk. It may move.");
            assert_eq!(sentences(&text).len(), 2, "{text}");
        }
        assert_eq!(
            sentences("She is the No. 2 official. She left."),
            ["She is the No. 2 official. ", "She left."]
        );
        // Not before a number, they are words at a sentence end.
        assert_eq!(
            sentences("He told them: “No.” Then he left. It was late Aug. Protests grew."),
            [
                "He told them: “No.” ",
                "Then he left. ",
                "It was late Aug. ",
                "Protests grew."
            ]
        );
    }

    const STATES: [&str; 44] = [
        "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.",
        "Kan.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.",
        "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.", "R.I.",
        "S.C.", "S.D.", "Tenn.", "Vt.", "Va.", "Wash.", "W.Va.", "Wis.", "Wyo.", "D.C.", "B.C.",
    ];
    const PROVINCES: [&str; 5] = ["Sask.", "Alta.", "Man.", "Ont.", "Que."];

    #[test]
    fn states_and_provinces_end_a_sentence_only_before_a_capitalised_word() {
        for place in STATES.into_iter().chain(PROVINCES) {
            // An agency's bracket, a number or a comma: the sentence goes on.
            let text = format!("Filed from SALEM, {place} (AP) — Crews worked. They rested.");
            assert_eq!(
                sentences(&text),
                [&text[..text.len() - 12], "They rested."],
                "{text}"
            );
            let text = format!("Mail goes to Box 12, Salem, {place} 97301 today. It is late.");
            assert_eq!(sentences(&text).len(), 2, "{text}");
            let text = format!("She lives in Salem, {place}, with him. It is late.");
            assert_eq!(sentences(&text).len(), 2, "{text}");
            // AP sets a comma after a state in mid-sentence: a capitalised
            // word or a quote after one starts a sentence.
            let text = format!("She grew up in Salem, {place} She left in 2001.");
            assert_eq!(sentences(&text).len(), 2, "{text}");
            let text = format!("She grew up in Salem, {place} “I miss it,” she said.");
            assert_eq!(sentences(&text).len(), 2, "{text}");
        }
    }

    #[test]
    fn company_and_name_suffixes_end_a_sentence_only_before_a_sentence_opener() {
        for suffix in ["Co.", "Corp.", "Inc.", "Ltd.", "Jr.", "Sr."] {
            let text = format!("Harlow {suffix} Chief Executive Ann Lee spoke. She left.");
            assert_eq!(sentences(&text).len(), 2, "{text}");
            let text = format!("The trucks were made by Harlow {suffix} The recall is its fourth.");
            assert_eq!(sentences(&text).len(), 2, "{text}");
            let text = format!("He sued Harlow {suffix} “It was wrong,” he said.");
            assert_eq!(sentences(&text).len(), 2, "{text}");
        }
        assert_eq!(
            sentences(
                "They met at 1600 Pennsylvania Ave. NW on Friday. But he left 1600 Pennsylvania Ave. He flew home."
            ),
            [
                "They met at 1600 Pennsylvania Ave. NW on Friday. ",
                "But he left 1600 Pennsylvania Ave. ",
                "He flew home."
            ]
        );
    }

    #[test]
    fn initials_and_dotted_abbreviations_do_not_end_a_sentence_inside_a_name() {
        for text in [
            "Paul A. Allaire ran Xerox. He retired.",
            "J.R.R. Tolkien wrote it. It sold.",
            "The U.S. Senate voted. It passed.",
            "The U.N. Security Council met. It adjourned.",
            "The U.K. Foreign Office said so. It was brief.",
            "The E.U. Commission agreed. It was late.",
            "Harry S. Truman spoke at 10 a.m. Tuesday. He left.",
        ] {
            assert_eq!(sentences(text).len(), 2, "{text}");
        }
        assert_eq!(
            sentences("Talks began in the U.S. The U.N. watched. But the E.U. “We wait,” it said."),
            [
                "Talks began in the U.S. ",
                "The U.N. watched. ",
                "But the E.U. ",
                "“We wait,” it said."
            ]
        );
    }

    #[test]
    fn every_line_is_a_paragraph_but_hard_wraps_are_joined() {
        let text = "\n\nFirst line\nsecond part of it.\nNew paragraph.\n\nThird.\n";
        let u = units(text);
        assert_eq!(
            u.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(),
            [
                ("\n\nFirst line\nsecond part of it.\n", 0),
                ("New paragraph.\n\n", 1),
                ("Third.\n", 2)
            ]
        );
    }

    #[test]
    fn boilerplate_lines_and_datelines_are_their_own_units() {
        let text = "MINSK, KOMPAS.com - President Lukashenko is under pressure. Protests continue.\nRead also: Protests in Belarus. More here.\nThe end.";
        let u = units(text);
        assert_eq!(
            u,
            [
                ("MINSK, KOMPAS.com - ", 0, Some(Rule::Dateline)),
                ("President Lukashenko is under pressure. ", 0, None),
                ("Protests continue.\n", 0, None),
                (
                    "Read also: Protests in Belarus. More here.\n",
                    1,
                    Some(Rule::ReadAlso)
                ),
                ("The end.", 2, None),
            ]
        );
    }

    #[test]
    fn units_tile_any_text() {
        for text in [
            "",
            " ",
            "\n\n",
            "a",
            " date 2020-08-17 Minsk (AP)",
            "“Hi.” “Bye.”\r\n\r\n",
        ] {
            let options = Options::default();
            let tokens = tokenize(text);
            let atoms = Keys::new(&options).atoms(text, &tokens);
            let s = analyse(text, &tokens, &atoms);
            let rebuilt: String = s.units.iter().map(|u| &text[u.bytes.clone()]).collect();
            assert_eq!(rebuilt, text);
            let rebuilt: String = s.paragraphs.iter().map(|p| &text[p.clone()]).collect();
            assert_eq!(rebuilt, text);
        }
    }
}
