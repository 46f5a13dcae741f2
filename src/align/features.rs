//! Content features of sentences, for the source map
//! ([`super::sourcemap`]): what a sentence *says*, folded so that a
//! rewrite's re-casing and re-inflection still match.
//!
//! * A feature is a word or number with case folded, curly apostrophes
//!   straightened, a possessive `'s` dropped, thousands separators dropped
//!   from numbers, and a light English suffix stemmer applied
//!   ([`stem`]): `Protestors`/`protesters` → `protest`, `stepped`/`step` →
//!   `step`. The stemmer only strips; it never maps two different short
//!   words together (a stem keeps at least three letters).
//! * Function words ([`STOP`]) are no features: they say nothing of where a
//!   sentence came from, and any two English sentences share them.
//! * A feature is a *name* when the word is capitalised and not its
//!   sentence's first word, and every number is a name too: names and
//!   numbers are what independently written sentences share least by
//!   chance for the same wording, so they weigh [`NAME_BOOST`] times more.
//!
//! The folding is for matching only; the text is never changed. Each token
//! key is folded once (a memo by key), so a text costs an array look-up per
//! word after its vocabulary is seen.

use std::ops::Range;

use crate::text::keys::{Atom, EMPTY};
use crate::text::lowercase::push_lowercase;
use crate::text::tokenize::TokenKind;

/// How much more a name or a number weighs than another content word.
pub const NAME_BOOST: f64 = 1.5;

/// No feature (a function word, or nothing left after folding).
pub const NONE: u32 = u32::MAX;

/// A feature's occurrence: its id and [`NAME`] and [`PLAIN`] flags.
pub type Feature = (u32, u8);
/// Flag: a capitalised word inside a sentence, or a number.
pub const NAME: u8 = 1;
/// Flag: a word not capitalised (no name; nor a capitalised first word,
/// which may be either; words of scripts without case are plain).
pub const PLAIN: u8 = 2;

/// English function words: articles, pronouns, auxiliaries, prepositions,
/// conjunctions, and reporting verbs so common in news ("said", "told")
/// that they say nothing of the source.
const STOP: &[&str] = &[
    "a", "about", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
    "as", "at", "be", "been", "before", "being", "between", "both", "but", "by", "can", "could",
    "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had",
    "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his",
    "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most",
    "mr", "mrs", "ms", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or",
    "other", "our", "ours", "out", "over", "own", "s", "said", "same", "says", "she", "should",
    "so", "some", "such", "t", "than", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "those", "through", "to", "told", "too", "under", "until", "up", "us", "very",
    "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
    "with", "would", "you", "your",
];

/// [`STOP`] packed in `u64`s (a word of at most seven bytes fits in one)
/// in an open-addressing table (0: a free slot): a look-up is a probe or
/// two, of integers, not strings.
const STOP_TABLE: [u64; STOP_SLOTS] = {
    let mut table = [0u64; STOP_SLOTS];
    let mut i = 0;
    while i < STOP.len() {
        let packed = pack(STOP[i].as_bytes());
        let mut at = stop_slot(packed);
        while table[at] != 0 {
            at = (at + 1) % STOP_SLOTS;
        }
        table[at] = packed;
        i += 1;
    }
    table
};

/// Slots of [`STOP_TABLE`]: about twice the function words.
const STOP_SLOTS: usize = 256;

const fn stop_slot(packed: u64) -> usize {
    (packed.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 56) as usize
}

/// `packed` ([`pack`] of a word of one to seven bytes) is a function word.
fn is_stop(packed: u64) -> bool {
    let mut at = stop_slot(packed);
    loop {
        match STOP_TABLE[at] {
            0 => return false,
            x if x == packed => return true,
            _ => at = (at + 1) % STOP_SLOTS,
        }
    }
}

/// The bytes of a word of at most eight bytes in a `u64`: words without
/// NUL bytes pack to distinct values.
const fn pack(word: &[u8]) -> u64 {
    let mut x = 0;
    let mut i = 0;
    while i < word.len() && i < 8 {
        x |= (word[i] as u64) << (8 * i);
        i += 1;
    }
    x
}

/// Interns folded features of both texts as dense ids.
pub struct Folder {
    /// Ids by a 64-bit hash of the folded word: no string kept (two words
    /// of one comparison sharing a hash is a one in 10^13 chance).
    ids: Ids,
    /// The feature of each token key seen so far (`u32::MAX - 1`: not yet).
    memo: Vec<u32>,
    buffer: String,
}

const UNSEEN: u32 = u32::MAX - 1;

impl Folder {
    /// A folder for texts of about `words` words: the table of ids is made
    /// that large at once rather than grown (and rehashed) as words come.
    pub fn with_capacity(words: usize) -> Self {
        Folder {
            ids: Ids::with_capacity(words),
            memo: Vec::new(),
            buffer: String::new(),
        }
    }

    /// How many distinct features there are.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// A bound on the token keys of the words folded so far: each is below.
    pub fn key_bound(&self) -> usize {
        self.memo.len()
    }

    /// Appends the features of `atoms` (one unit of `text`) to `out`, in
    /// order, each with its flags; function words are skipped.
    pub fn unit(&mut self, text: &str, atoms: &[Atom], out: &mut Vec<Feature>) {
        let mut first = true;
        for atom in atoms {
            if atom.key == EMPTY || !matches!(atom.kind, TokenKind::Word | TokenKind::Number) {
                continue;
            }
            let is_first = std::mem::replace(&mut first, false);
            let feature = self.feature(atom, text);
            if feature == NONE {
                continue;
            }
            // the initial's case by its first byte when ASCII (most words),
            // without decoding it
            let start = atom.token().start;
            let upper = match text.as_bytes()[start] {
                b @ 0..0x80 => b.is_ascii_uppercase(),
                _ => text[start..].chars().next().is_some_and(char::is_uppercase),
            };
            let name = atom.kind == TokenKind::Number || (!is_first && upper);
            // scripts without case are plain too
            let plain = atom.kind == TokenKind::Word && !upper;
            out.push((feature, (u8::from(name) * NAME) | (u8::from(plain) * PLAIN)));
        }
    }

    /// The feature of `atom`'s token, folded the first time its key is seen.
    fn feature(&mut self, atom: &Atom, text: &str) -> u32 {
        let k = atom.key as usize;
        if k >= self.memo.len() {
            // keys come mostly in increasing order: grown by doubling, not
            // one key at a time
            self.memo.resize((k + 1).max(2 * self.memo.len()), UNSEEN);
        }
        if self.memo[k] != UNSEEN {
            return self.memo[k];
        }
        let (token, kind) = (atom.token(), atom.kind);
        let mut short = [0u8; FAST];
        // the bytes, not the str: the fast path needs no char boundaries
        let hash = match fold_ascii_word(text.as_bytes(), token.clone(), kind, &mut short) {
            Some(0) => None,
            Some(n) => Some(crate::hash::padded(&short, n)),
            None => content_word(&text[token], kind, &mut self.buffer)
                .then(|| crate::hash::bytes(self.buffer.as_bytes())),
        };
        let id = match hash {
            Some(hash) => self.ids.get_or_insert(hash),
            None => NONE,
        };
        self.memo[k] = id;
        id
    }
}

/// Dense ids by 64-bit hash, in the order first seen: an open-addressing
/// table of ids, each slot compared by its id's hash (a general map's
/// probing costs several times that per word).
struct Ids {
    /// Each slot's id, or [`FREE`].
    slots: Vec<u32>,
    /// Each id's hash.
    hashes: Vec<u64>,
}

/// A free slot of [`Ids`]: a fill that is not one byte repeated is written
/// by the loop that fills the vector, where zeros would take a `memset`
/// (which costs more, per byte, in the profiles that guide this crate).
const FREE: u32 = u32::MAX - 1;

impl Ids {
    /// A table for the distinct words of about `n` words (rarely more
    /// than half of them) before it grows.
    fn with_capacity(n: usize) -> Self {
        Ids {
            slots: vec![FREE; n.next_power_of_two().max(16)],
            hashes: Vec::with_capacity(n),
        }
    }

    fn len(&self) -> usize {
        self.hashes.len()
    }

    /// The id of `hash`, or the next one after adding it.
    fn get_or_insert(&mut self, hash: u64) -> u32 {
        if 2 * (self.len() + 1) > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut at = Self::slot(hash, mask);
        loop {
            match self.slots[at] {
                FREE => break,
                id if self.hashes[id as usize] == hash => return id,
                _ => at = (at + 1) & mask,
            }
        }
        let id = self.len() as u32;
        self.slots[at] = id;
        self.hashes.push(hash);
        id
    }

    fn slot(hash: u64, mask: usize) -> usize {
        // the high bits of a multiply mix all of the hash's
        (hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & mask
    }

    fn grow(&mut self) {
        self.slots = vec![FREE; 2 * self.slots.len()];
        let mask = self.slots.len() - 1;
        for (id, &hash) in self.hashes.iter().enumerate() {
            let mut at = Self::slot(hash, mask);
            while self.slots[at] != FREE {
                at = (at + 1) & mask;
            }
            self.slots[at] = id as u32;
        }
    }
}

/// The longest word [`fold_ascii_word`] folds.
const FAST: usize = 32;

/// [`content_word`] for most words, ASCII words of at most [`FAST`] bytes:
/// the word at `token` of `text`, folded into `out` eight bytes at a time,
/// each read straight from the text; the length of the feature in `out`,
/// 0 for no feature, or `None` for a token it leaves to [`content_word`].
fn fold_ascii_word(
    text: &[u8],
    token: Range<usize>,
    kind: TokenKind,
    out: &mut [u8; FAST],
) -> Option<usize> {
    let mut n = token.len();
    if kind != TokenKind::Word || n > FAST {
        return None;
    }
    // bytes of the token outside ASCII, and the letters it starts with
    let (mut high, mut letters, mut counting) = (0, 0, true);
    for (at, chunk) in (token.start..token.end)
        .step_by(8)
        .zip(out.chunks_exact_mut(8))
    {
        let x = load(text, at, token.end - at);
        high |= x;
        let lower = x | (bytes_in(x, b'A', b'Z') >> 2);
        chunk.copy_from_slice(&lower.to_le_bytes());
        if counting {
            let run = (!bytes_in(lower, b'a', b'z') & HIGH).trailing_zeros() as usize / 8;
            letters += run;
            counting = run == 8;
        }
    }
    if high & HIGH != 0 {
        return None;
    }
    if out[..n].ends_with(b"'s") {
        n -= 2;
    }
    if out[..n].ends_with(b"'") {
        n -= 1;
    }
    if n == 0 {
        return Some(0);
    }
    if n <= 7 {
        let packed = u64::from_le_bytes(out[..8].try_into().unwrap()) & (u64::MAX >> (64 - 8 * n));
        if is_stop(packed) {
            return Some(0);
        }
    }
    if letters >= n {
        n = stem_len(&out[..n]);
    }
    Some(n)
}

/// The bytes of `text` from `at`, at most eight and at most `n`, in a
/// `u64` (zero above): one load where the text goes on for eight bytes.
fn load(text: &[u8], at: usize, n: usize) -> u64 {
    let n = n.min(8);
    match text.get(at..at + 8) {
        Some(eight) => {
            let x = u64::from_le_bytes(eight.try_into().unwrap());
            if n == 8 { x } else { x & ((1 << (8 * n)) - 1) }
        }
        None => {
            let mut eight = [0; 8];
            eight[..n].copy_from_slice(&text[at..at + n]);
            u64::from_le_bytes(eight)
        }
    }
}

/// One in each byte of a `u64`.
const ONES: u64 = u64::MAX / 255;
/// The high bit of each byte.
const HIGH: u64 = ONES * 0x80;

/// The high bit of each byte of `x` in `lo..=hi`, when every byte of `x`
/// is ASCII (then no sum carries from one byte to the next).
const fn bytes_in(x: u64, lo: u8, hi: u8) -> u64 {
    let at_least_lo = x.wrapping_add(ONES * (0x80 - lo as u64));
    let above_hi = x.wrapping_add(ONES * (0x7f - hi as u64));
    at_least_lo & !above_hi & HIGH
}

/// Folds the word or number `token` into `folded` (cleared first) as a
/// feature: case folded, curly apostrophes straightened, a possessive
/// dropped, thousands separators dropped from numbers, words stemmed
/// ([`stem`]). False for a function word ([`STOP`]) or nothing left, which
/// are no features.
pub fn content_word(token: &str, kind: TokenKind, folded: &mut String) -> bool {
    folded.clear();
    if token.is_ascii() {
        // most words: a copy lowered in place
        folded.push_str(token);
        folded.make_ascii_lowercase();
        if kind == TokenKind::Number {
            folded.retain(|c| c != ',');
        }
    } else {
        for c in token.chars() {
            match c {
                '\u{2019}' | '\u{2018}' | '\u{02BC}' => folded.push('\''),
                ',' if kind == TokenKind::Number => {}
                c if c.is_ascii() => folded.push(c.to_ascii_lowercase()),
                c => push_lowercase(folded, c),
            }
        }
    }
    for suffix in ["'s", "'"] {
        if let Some(rest) = folded.strip_suffix(suffix) {
            folded.truncate(rest.len());
        }
    }
    // no function word is longer than seven bytes
    let stop = folded.len() <= 7 && is_stop(pack(folded.as_bytes()));
    if folded.is_empty() || stop {
        return false;
    }
    if kind == TokenKind::Word {
        // the stem is a prefix of the word
        let kept = stem(folded).len();
        folded.truncate(kept);
    }
    true
}

/// A light English suffix stemmer: plural and verb endings and the agent
/// suffixes `-er`/`-or` are stripped, a doubled final consonant undone
/// (`stepped` → `step`), `-ies`/`-ied` made `-y`. Stems keep at least three
/// letters, and words that are not plain ASCII letters are left whole.
pub fn stem(word: &str) -> &str {
    if !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word;
    }
    &word[..stem_len(word.as_bytes())]
}

/// The length of [`stem`] of `b`, all ASCII lowercase letters.
fn stem_len(b: &[u8]) -> usize {
    let mut end = b.len();
    if end < 4 {
        // too short for any suffix to go
        return end;
    }
    // Suffixes are compared as numbers, the last four bytes before `end`
    // (at least four, wherever it is read) against the suffix's.
    let ends = |end: usize, suffix: &[u8]| {
        let tail = u32::from_le_bytes(b[end - 4..end].try_into().unwrap());
        tail >> (8 * (4 - suffix.len())) == pack(suffix) as u32
    };
    let strip = |end: &mut usize, suffix: &[u8], keep: usize| {
        debug_assert!(suffix.len() + keep >= 4);
        if *end >= suffix.len() + keep && ends(*end, suffix) {
            *end -= suffix.len();
            true
        } else {
            false
        }
    };
    // Each step looks at the suffixes that end in the current last letter
    // only: most words end in none of them.
    // plurals and third persons
    match b[end - 1] {
        b's' => {
            if strip(&mut end, b"ies", 3) {
                // "parties" → "part", "studied" → "stud": both forms meet there
            } else if ends(end, b"ss") || ends(end, b"us") || ends(end, b"is") {
                // "press", "status", "crisis" are not plurals
            } else if strip(&mut end, b"es", 4) && !matches!(b[end - 1], b's' | b'x' | b'z' | b'h')
            {
                // "votes" → "vot" would miss "vote": only sibilant plurals lose "es"
                end += 1;
            } else if end == b.len() {
                strip(&mut end, b"s", 3);
            }
        }
        b'd' => {
            strip(&mut end, b"ied", 3);
        }
        _ => {}
    }
    // verb endings
    let verb = match b[end - 1] {
        b'g' => strip(&mut end, b"ing", 3),
        b'd' => strip(&mut end, b"ed", 3),
        _ => false,
    };
    // agents: "protester", "protestor", "leader"
    let agent = b[end - 1] == b'r' && (strip(&mut end, b"er", 4) || strip(&mut end, b"or", 4));
    if (verb || agent) && end >= 4 {
        let (x, y) = (b[end - 1], b[end - 2]);
        if x == y && !matches!(x, b'l' | b's' | b'z') {
            end -= 1;
        }
    }
    // "vote"/"voted"/"voting": a final silent e goes too, and a final y
    // ("party"/"parties" meet at "part")
    if end > 3 && b[end - 1] == b'e' || end > 4 && b[end - 1] == b'y' {
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_no_features() {
        assert!(STOP.windows(2).all(|w| w[0] < w[1]));
        assert!(STOP.iter().all(|w| w.len() <= 7));
        let mut folded = String::new();
        for word in STOP {
            assert!(!content_word(word, TokenKind::Word, &mut folded), "{word}");
        }
        assert!(content_word("Workers", TokenKind::Word, &mut folded));
    }

    #[test]
    fn the_ascii_fast_path_folds_as_content_word() {
        let mut words: Vec<String> = [
            "",
            "'",
            "'s",
            "s",
            "S",
            "a",
            "A",
            "The",
            "THE",
            "said",
            "Said",
            "Workers",
            "workers'",
            "it's",
            "It's",
            "O'Brien's",
            "don't",
            "won't",
            "ab'c'",
            "x'",
            "x's'",
            "Protestors",
            "RUNNING",
            "stepped",
            "Parties",
            "press",
            "covid19",
            "well-known",
            "U.S.",
            "i",
            "I",
            "mr",
            "Mr",
            "themselves",
            "yourselves",
            "Café",
            "naïve",
            "don’t",
            "Lukashenko's",
            "ÅNGSTRÖM",
            "İstanbul",
            "26",
            "1,000",
            "a,b",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        words.extend(STOP.iter().map(|w| w.to_uppercase()));
        for n in [7, 8, 9, 31, 32, 33, 40] {
            words.push("Ab".repeat(n).chars().take(n).collect());
            words.push(format!("{}ing", "Z".repeat(n.saturating_sub(3))));
        }
        let mut folded = String::new();
        for word in &words {
            // alone, and amid text (read past its end)
            let amid = format!("a {word} and more");
            for (kind, (text, at)) in [TokenKind::Word, TokenKind::Number]
                .into_iter()
                .flat_map(|kind| [(kind, (word.as_str(), 0)), (kind, (amid.as_str(), 2))])
            {
                let mut out = [0u8; FAST];
                let expected = content_word(word, kind, &mut folded).then(|| folded.clone());
                let token = at..at + word.len();
                match fold_ascii_word(text.as_bytes(), token, kind, &mut out) {
                    None => assert!(
                        kind != TokenKind::Word || !word.is_ascii() || word.len() > FAST,
                        "{word}"
                    ),
                    Some(0) => assert_eq!(expected, None, "{word}"),
                    Some(n) => assert_eq!(
                        expected.as_deref(),
                        std::str::from_utf8(&out[..n]).ok(),
                        "{word}"
                    ),
                }
            }
        }
    }

    #[test]
    fn ids_are_given_in_the_order_first_seen() {
        let mut ids = Ids::with_capacity(3);
        let hashes: Vec<u64> = (0..1000u64)
            .map(|i| i.wrapping_mul(0x1234_5678_9abc_def1) >> (i % 64))
            .collect();
        let mut map = std::collections::HashMap::new();
        for &h in hashes.iter().chain(&hashes).rev() {
            let next = map.len() as u32;
            assert_eq!(ids.get_or_insert(h), *map.entry(h).or_insert(next));
        }
        assert_eq!(ids.len(), map.len());
        assert_eq!(ids.get_or_insert(0), ids.get_or_insert(0));
    }

    #[test]
    fn bytes_in_a_range_are_found_eight_at_a_time() {
        for b in 0..0x80u8 {
            for at in 0..8 {
                let x = u64::from_le_bytes([b'a', b'Z', b'@', b'[', b'`', b'{', 0, 0x7f]);
                let x = (x & !(0xff << (8 * at))) | u64::from(b) << (8 * at);
                let bytes = x.to_le_bytes();
                for (lo, hi) in [(b'A', b'Z'), (b'a', b'z')] {
                    let expected = (0..8)
                        .filter(|&i| (lo..=hi).contains(&bytes[i]))
                        .fold(0, |m, i| m | 0x80 << (8 * i));
                    assert_eq!(bytes_in(x, lo, hi), expected, "{bytes:?}");
                }
            }
        }
    }

    /// The stemmer as first written, suffixes compared as slices.
    fn stem_by_slices(b: &[u8]) -> usize {
        let mut end = b.len();
        let strip = |end: &mut usize, suffix: &[u8], keep: usize| {
            if *end >= suffix.len() + keep && b[..*end].ends_with(suffix) {
                *end -= suffix.len();
                true
            } else {
                false
            }
        };
        if strip(&mut end, b"ies", 3) || strip(&mut end, b"ied", 3) {
            // "-ies", "-ied" went
        } else if b[..end].ends_with(b"ss")
            || b[..end].ends_with(b"us")
            || b[..end].ends_with(b"is")
        {
            // no plural
        } else if strip(&mut end, b"es", 4) && !matches!(b[end - 1], b's' | b'x' | b'z' | b'h') {
            end += 1;
        } else if end == b.len() {
            strip(&mut end, b"s", 3);
        }
        let verb = strip(&mut end, b"ing", 3) || strip(&mut end, b"ed", 3);
        let agent = strip(&mut end, b"er", 4) || strip(&mut end, b"or", 4);
        if (verb || agent) && end >= 4 {
            let (x, y) = (b[end - 1], b[end - 2]);
            if x == y && !matches!(x, b'l' | b's' | b'z') {
                end -= 1;
            }
        }
        if end > 3 && b[end - 1] == b'e' || end > 4 && b[end - 1] == b'y' {
            end -= 1;
        }
        end
    }

    #[test]
    fn stems_are_cut_as_by_slices() {
        // every word of up to five letters over an alphabet of the suffixes'
        // letters, and each with the suffixes after a longer stem
        let letters = b"deginorsuxyzhl";
        let mut words: Vec<Vec<u8>> = vec![Vec::new()];
        for _ in 0..5 {
            let longer: Vec<Vec<u8>> = words
                .iter()
                .filter(|w| w.len() == words.last().unwrap().len())
                .flat_map(|w| letters.iter().map(move |&c| [&w[..], &[c]].concat()))
                .collect();
            words.extend(longer);
        }
        let suffixes: [&[u8]; 12] = [
            b"ies", b"ied", b"ss", b"us", b"is", b"es", b"s", b"ing", b"ed", b"er", b"or", b"e",
        ];
        for stem in [
            &b"protest"[..],
            b"step",
            b"stepp",
            b"vot",
            b"marc",
            b"ab",
            b"party",
        ] {
            for a in suffixes {
                for c in suffixes {
                    words.push([stem, a, c].concat());
                }
            }
        }
        for word in &words {
            assert_eq!(
                stem_len(word),
                stem_by_slices(word),
                "{}",
                String::from_utf8_lossy(word)
            );
        }
    }

    #[test]
    fn inflections_and_agent_nouns_meet() {
        for (a, b) in [
            ("protestors", "protesters"),
            ("protesters", "protest"),
            ("stepped", "step"),
            ("steps", "step"),
            ("voted", "votes"),
            ("voting", "vote"),
            ("workers", "worker"),
            ("heckled", "heckle"),
            ("parties", "party"),
            ("marches", "march"),
            ("jeered", "jeer"),
            ("running", "run"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        for (a, b) in [("press", "pres"), ("crisis", "cris"), ("water", "wat")] {
            assert_ne!(stem(a), stem(b), "{a} / {b}");
        }
    }
}
