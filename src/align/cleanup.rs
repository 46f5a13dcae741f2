//! Semantic clean-up of a word diff, in the spirit of diff-match-patch:
//! no confetti.
//!
//! A minimal diff of a reworded phrase is often a string of small changes
//! separated by tiny equalities (a comma, a space, "the"). A reader wants
//! one phrase-level replacement instead. An equality between two changes
//! goes (becomes part of one replacement) when it is *tiny* — punctuation
//! only, one function word from [`FUNCTION_WORDS`] with at most two
//! punctuation marks, or one character of a script written without spaces
//! (a CJK or Thai unit) — and no longer, in characters, than the larger side
//! of the change on each side of it. Merged changes may let a neighbouring
//! equality go in turn.

use std::ops::Range;

use similar::DiffOp;

use crate::text::keys::Atom;
use crate::text::tokenize::TokenKind;

/// A stretch of a word diff over atom indices (relative to the two slices).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub equal: bool,
    pub left: Range<usize>,
    pub right: Range<usize>,
}

/// Short words that never hold a phrase together on their own.
pub const FUNCTION_WORDS: [&str; 40] = [
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "as", "and", "or",
    "but", "nor", "is", "are", "was", "were", "be", "been", "has", "have", "had", "it", "its",
    "he", "she", "they", "we", "his", "her", "their", "that", "this", "than", "so", "not",
];

/// Bytes of the longest of [`FUNCTION_WORDS`]: a longer word is none, with
/// no comparison.
const FUNCTION_WORD_BYTES: usize = {
    let (mut longest, mut i) = (0, 0);
    while i < FUNCTION_WORDS.len() {
        if FUNCTION_WORDS[i].len() > longest {
            longest = FUNCTION_WORDS[i].len();
        }
        i += 1;
    }
    longest
};

/// A word of at most seven bytes in a `u64`, ASCII letters lowered, its
/// length in the top byte: two such words pack alike exactly when they
/// are equal in any ASCII case.
const fn pack(word: &[u8]) -> u64 {
    let mut x = (word.len() as u64) << 56;
    let mut i = 0;
    while i < word.len() && i < 7 {
        x |= (word[i].to_ascii_lowercase() as u64) << (8 * i);
        i += 1;
    }
    x
}

/// [`FUNCTION_WORDS`] packed, sorted: a look-up is a binary search over
/// integers, not a comparison with each word.
const FUNCTION_PACKED: [u64; FUNCTION_WORDS.len()] = {
    let mut packed = [0u64; FUNCTION_WORDS.len()];
    let mut i = 0;
    while i < FUNCTION_WORDS.len() {
        packed[i] = pack(FUNCTION_WORDS[i].as_bytes());
        i += 1;
    }
    crate::order::const_sort!(packed);
    packed
};

/// `word` is one of [`FUNCTION_WORDS`], in any case.
pub fn is_function_word(word: &str) -> bool {
    word.len() <= FUNCTION_WORD_BYTES
        && FUNCTION_PACKED
            .binary_search(&pack(word.as_bytes()))
            .is_ok()
}

/// The diff as alternating equal and changed segments, cleaned up.
pub fn segments(
    diff: &[DiffOp],
    left: &[Atom],
    right: &[Atom],
    left_text: &str,
    right_text: &str,
) -> Vec<Segment> {
    let chars = |atoms: &[Atom], text: &str, r: &Range<usize>| -> usize {
        if r.is_empty() {
            return 0;
        }
        text[atoms[r.start].span().start..atoms[r.end - 1].span().end]
            .chars()
            .count()
    };
    let change_size =
        |s: &Segment| chars(left, left_text, &s.left).max(chars(right, right_text, &s.right));
    let mut out: Vec<Segment> = Vec::with_capacity(diff.len());
    for op in diff {
        let (equal, l, r) = match *op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => (true, old_index..old_index + len, new_index..new_index + len),
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => (false, old_index..old_index + old_len, new_index..new_index),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => (false, old_index..old_index, new_index..new_index + new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                false,
                old_index..old_index + old_len,
                new_index..new_index + new_len,
            ),
        };
        if l.is_empty() && r.is_empty() {
            continue;
        }
        let mut seg = Segment {
            equal,
            left: l,
            right: r,
        };
        if let Some(last) = out.last_mut()
            && last.equal == seg.equal
        {
            last.left.end = seg.left.end;
            last.right.end = seg.right.end;
            continue;
        }
        if !seg.equal {
            // Swallow tiny equalities before it, as long as they qualify.
            while out.len() >= 2 {
                let n = out.len();
                let (before, eq) = (&out[n - 2], &out[n - 1]);
                debug_assert!(!before.equal && eq.equal);
                // most equalities are not tiny: no characters counted
                if !is_tiny(&left[eq.left.clone()], left_text) {
                    break;
                }
                let size = chars(left, left_text, &eq.left);
                if size > change_size(before) || size > change_size(&seg) {
                    break;
                }
                out.pop();
                let before = out.pop().expect("two segments");
                seg.left.start = before.left.start;
                seg.right.start = before.right.start;
            }
        }
        out.push(seg);
    }
    out
}

fn is_tiny(atoms: &[Atom], text: &str) -> bool {
    if let [atom] = atoms
        && atom.filler().is_empty()
        && text[atom.token()]
            .chars()
            .filter(|&c| !crate::text::clusters::is_extend(c))
            .count()
            == 1
        && text[atom.token()]
            .chars()
            .any(crate::text::tokenize::is_spaceless)
    {
        return true;
    }
    let mut words = 0;
    let mut puncts = 0;
    for atom in atoms {
        match atom.kind {
            TokenKind::Punct => puncts += 1,
            TokenKind::Word if is_function_word(&text[atom.token()]) => words += 1,
            TokenKind::Space | TokenKind::Break => {}
            _ => return false,
        }
    }
    (words == 0 && puncts > 0) || (words == 1 && puncts <= 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;
    use crate::text::keys::Keys;
    use crate::text::tokenize::tokenize;
    use similar::{Algorithm, capture_diff_slices};

    fn changes(a: &str, b: &str) -> Vec<(String, String)> {
        let options = Options::default();
        let mut keys = Keys::new(&options);
        let la = keys.atoms(a, &tokenize(a));
        let ra = keys.atoms(b, &tokenize(b));
        let lk: Vec<u32> = la.iter().map(|x| x.key).collect();
        let rk: Vec<u32> = ra.iter().map(|x| x.key).collect();
        let diff = capture_diff_slices(Algorithm::Myers, &lk, &rk);
        let text = |atoms: &[Atom], t: &str, r: &Range<usize>| {
            if r.is_empty() {
                String::new()
            } else {
                t[atoms[r.start].token().start..atoms[r.end - 1].token().end].to_string()
            }
        };
        segments(&diff, &la, &ra, a, b)
            .iter()
            .filter(|s| !s.equal)
            .map(|s| (text(&la, a, &s.left), text(&ra, b, &s.right)))
            .collect()
    }

    #[test]
    fn function_words_are_found_as_by_comparing_with_each() {
        let by_each = |word: &str| FUNCTION_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word));
        let mut words: Vec<String> = Vec::new();
        for w in FUNCTION_WORDS {
            words.push(w.to_string());
            words.push(w.to_uppercase());
            words.push(format!("{w}s"));
            words.push(format!("{w}\0"));
            words.push(w[1..].to_string());
            let mut mixed: Vec<char> = w.chars().collect();
            mixed[0] = mixed[0].to_ascii_uppercase();
            words.push(mixed.into_iter().collect());
        }
        for w in [
            "",
            "\0",
            "thé",
            "ＴＨＥ",
            "İt",
            "a.",
            "'s",
            "the,",
            "their",
            "theirs",
            "x",
        ] {
            words.push(w.to_string());
        }
        for w in &words {
            assert_eq!(is_function_word(w), by_each(w), "{w:?}");
        }
    }

    #[test]
    fn a_reworded_phrase_is_one_change() {
        assert_eq!(
            changes(
                "police beat protesters with clubs in the square",
                "officers attacked demonstrators with batons in the square"
            ),
            [(
                "police beat protesters with clubs".to_string(),
                "officers attacked demonstrators with batons".to_string()
            )]
        );
    }

    #[test]
    fn a_meaningful_equality_stays() {
        assert_eq!(
            changes(
                "workers heckled Lukashenko on Monday",
                "workers booed Lukashenko on Tuesday"
            ),
            [
                ("heckled".to_string(), "booed".to_string()),
                ("Monday".to_string(), "Tuesday".to_string())
            ]
        );
    }

    #[test]
    fn a_comma_between_short_changes_goes() {
        assert_eq!(
            changes("a big, red dog", "a small, blue dog"),
            [("big, red".to_string(), "small, blue".to_string())]
        );
    }
}
