//! Who spoke a quotation, when its sentence names them.
//!
//! The sentence (or the sentences a quotation spans) is read outside the
//! quotation, first after it, then before it (nearest first), then, when
//! the quotation ends its sentence, the first words of the next sentence
//! of the paragraph (`“….” Dylevsky said.`), for a name
//! (a run of capitalised words, not a pronoun) next to a verb of saying:
//! `said Sergei Dylevsky`, `Klaskovsky said`, `according to Reuters`,
//! `Lukashenko told …`. The verbs: said, says, told, tells, added, asked,
//! stated, declared, wrote, insisted, warned, explained, replied, tweeted;
//! `according to`. "he said" names nobody: no speaker.

use std::ops::Range;

use crate::report::quantities::{capitalised, joined, listed};
use crate::text::Side;
use crate::text::tokenize::TokenKind;

const VERBS: [&str; 14] = [
    "said",
    "says",
    "told",
    "tells",
    "added",
    "asked",
    "stated",
    "declared",
    "wrote",
    "insisted",
    "warned",
    "explained",
    "replied",
    "tweeted",
];

/// How many atoms on each side of a quotation are read for its speaker.
const REACH: usize = 40;

const PRONOUNS: [&str; 9] = ["He", "She", "They", "It", "We", "I", "You", "This", "That"];

/// The speaker of the quotation at `quote` (its marks included), as bytes.
pub fn speaker(side: &Side, quote: &Range<usize>) -> Option<Range<usize>> {
    let units = &side.structure.units;
    let first = units.partition_point(|u| u.bytes.end <= quote.start);
    let last = units
        .partition_point(|u| u.bytes.end < quote.end)
        .min(units.len().checked_sub(1)?);
    let sentence = units.get(first)?.bytes.start..units[last].bytes.end;
    let atoms = &side.atoms;
    let from = atoms.partition_point(|a| a.token().start < sentence.start);
    let to = atoms.partition_point(|a| a.token().start < sentence.end);
    let after = atoms
        .partition_point(|a| a.token().start < quote.end)
        .max(from);
    let before = atoms
        .partition_point(|a| a.token().end <= quote.start)
        .min(to);
    let look = |mut ks: Range<usize>, forward: bool| loop {
        let k = if forward { ks.next() } else { ks.next_back() }?;
        if let Some(name) = named_at(side, k, from, to) {
            return Some(name);
        }
    };
    // Attributions stand next to their quotation: only the nearest
    // [`REACH`] atoms on each side are read, so that many quotations in
    // one long sentence still take linear time.
    look(after..to.min(after + REACH), true)
        .or_else(|| look(before.saturating_sub(REACH).max(from)..before, false))
        .or_else(|| {
            // `“….” Dylevsky said.`: a quotation that ends its sentence is
            // attributed at the start of the next one in its paragraph.
            let next = units.get(last + 1)?;
            if next.paragraph != units[last].paragraph {
                return None;
            }
            let start = next.first_word?;
            let end = (start + 4).min(next.atoms.end);
            (start..end).find_map(|k| named_at(side, k, start, next.atoms.end))
        })
}

/// Whether `word` may be a verb of saying or `according`: those have four
/// to nine letters and start with one of a few (in any case); most words
/// are passed over before the list is read.
fn may_say(word: &str) -> bool {
    let initial = word.bytes().next().map_or(0, |b| b.to_ascii_lowercase());
    (4..=9).contains(&word.len()) && b"adeirstw".contains(&initial)
}

/// A verb of saying at atom `k` with a name right after or before it,
/// within atoms `from..to`.
fn named_at(side: &Side, k: usize, from: usize, to: usize) -> Option<Range<usize>> {
    let word = |i: usize| {
        let a = &side.atoms[i];
        (a.kind == TokenKind::Word).then(|| &side.text[a.token()])
    };
    let joined = |i: usize| joined(side, i);
    let capital = |i: usize| {
        (from..to).contains(&i) && word(i).is_some_and(|w| capitalised(w) && !listed(&PRONOUNS, w))
    };
    let w = word(k)?;
    if !may_say(w) {
        return None;
    }
    let verb = listed(&VERBS, w);
    let according = w.eq_ignore_ascii_case("according")
        && k + 1 < to
        && word(k + 1) == Some("to")
        && joined(k + 1);
    if !verb && !according {
        return None;
    }
    // after the verb: `said Sergei Dylevsky`, `according to Reuters`
    let start = if according { k + 2 } else { k + 1 };
    if start < to && capital(start) && joined(start) {
        let mut end = start + 1;
        while end < to && capital(end) && joined(end) {
            end += 1;
        }
        return Some(side.atoms[start].token().start..side.atoms[end - 1].token().end);
    }
    // before it: `Klaskovsky said`
    if verb && k > from && capital(k - 1) && joined(k) {
        let mut begin = k - 1;
        while begin > from && capital(begin - 1) && joined(begin) {
            begin -= 1;
        }
        return Some(side.atoms[begin].token().start..side.atoms[k - 1].token().end);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_check_passes_every_verb_in_any_case() {
        for verb in VERBS.into_iter().chain(["according"]) {
            assert!(may_say(verb), "{verb}");
            assert!(may_say(&verb.to_ascii_uppercase()), "{verb}");
        }
        assert!(!may_say("the") && !may_say("Lukashenko") && !may_say(""));
    }
}
