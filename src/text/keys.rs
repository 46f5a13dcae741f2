//! What counts as equal. Each significant token gets a key, an interned id
//! of its normalised form; the text itself is never changed.
//!
//! Whitespace, and punctuation when it is ignored, is *filler*: it rides
//! along with the token before it, so that a change of spacing never makes
//! two runs of words look different (the jsdiff lesson).

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::tokenize::{Token, TokenKind};
use crate::options::Options;

/// A significant token with the filler that follows it.
///
/// Offsets are `u32` (inputs are under 4 GB, [`Options`] sees to it): an
/// atom is 24 bytes, and there is one for every two or three bytes of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Atom {
    /// Key of the significant token; equal keys match.
    pub key: u32,
    /// Key of the filler, so equal tokens with different spacing can still
    /// be told apart when whitespace is not unified.
    pub filler_key: u32,
    start: u32,
    token_end: u32,
    end: u32,
    pub kind: TokenKind,
}

impl Atom {
    /// An atom of the token at `token` followed by filler up to `end`.
    pub fn new(key: u32, token: Range<usize>, end: usize, kind: TokenKind) -> Self {
        Atom {
            key,
            filler_key: EMPTY,
            start: token.start as u32,
            token_end: token.end as u32,
            end: end as u32,
            kind,
        }
    }

    /// Bytes of the significant token (empty for a text's leading filler).
    pub fn token(&self) -> Range<usize> {
        self.start as usize..self.token_end as usize
    }

    /// Bytes of the filler after the token (may be empty).
    pub fn filler(&self) -> Range<usize> {
        self.token_end as usize..self.end as usize
    }

    /// All the bytes of the atom.
    pub fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Interns normalised keys shared by the texts being compared.
pub struct Keys<'o> {
    options: &'o Options,
    /// Keys of up to [`SHORT`] bytes: most words.
    short: ShortKeys,
    long: FxHashMap<Box<str>, u32>,
    /// The keys of one-byte strings (`" "`, `","`, `"a"`), the commonest,
    /// without hashing; `u32::MAX` until seen.
    ascii: [u32; 128],
    /// Ids are given in the order keys are first seen.
    next: u32,
    buffer: String,
}

/// The longest key [`pack`] takes.
const SHORT: usize = 15;

/// A key of 1 to [`SHORT`] bytes as a number: its bytes, and its length in
/// the last byte, so that no two keys give the same number (and none gives
/// 0). Read with a few overlapping loads instead of a copy.
fn pack(key: &[u8]) -> u128 {
    let n = key.len();
    debug_assert!((1..=SHORT).contains(&n));
    let u32_at = |at: usize| u64::from(u32::from_le_bytes(key[at..at + 4].try_into().unwrap()));
    let u64_at = |at: usize| u64::from_le_bytes(key[at..at + 8].try_into().unwrap());
    // A byte read twice lands in the same place both times.
    let (lo, hi) = if n > 8 {
        (u64_at(0), u64_at(n - 8) >> (8 * (16 - n)))
    } else if n == 8 {
        (u64_at(0), 0)
    } else if n >= 4 {
        (u32_at(0) | u32_at(n - 4) << (8 * (n - 4)), 0)
    } else {
        let byte = |at: usize| u64::from(key[at]) << (8 * at);
        (byte(0) | byte(n / 2) | byte(n - 1), 0)
    };
    u128::from(lo) | u128::from(hi) << 64 | (n as u128) << 120
}

/// Interned short keys: an open-addressing table of packed keys (0: a free
/// slot), hashed and compared in place, with no pointer to follow to a
/// key's bytes as a map of strings has.
#[derive(Default)]
struct ShortKeys {
    keys: Vec<u128>,
    ids: Vec<u32>,
    len: usize,
}

impl ShortKeys {
    /// The id of `key`, or `next` after adding it.
    fn get_or_insert(&mut self, key: u128, next: u32) -> u32 {
        if 2 * (self.len + 1) > self.keys.len() {
            self.grow();
        }
        let mask = self.keys.len() - 1;
        let mut at = Self::slot(key, mask);
        loop {
            match self.keys[at] {
                k if k == key => return self.ids[at],
                0 => break,
                _ => at = (at + 1) & mask,
            }
        }
        self.keys[at] = key;
        self.ids[at] = next;
        self.len += 1;
        next
    }

    fn slot(key: u128, mask: usize) -> usize {
        // Fx-style multiply-mix of both halves; the high bits mix best.
        let h = (key as u64 ^ (key >> 64) as u64 ^ (key >> 64 >> 32) as u64)
            .wrapping_mul(0xf135_7aea_2e62_a9c5);
        (h.rotate_left(26) as usize) & mask
    }

    fn grow(&mut self) {
        let size = (self.keys.len() * 2).max(1024);
        let keys = std::mem::replace(&mut self.keys, vec![0; size]);
        let ids = std::mem::replace(&mut self.ids, vec![0; size]);
        let mask = size - 1;
        for (key, id) in keys.into_iter().zip(ids).filter(|(k, _)| *k != 0) {
            let mut at = Self::slot(key, mask);
            while self.keys[at] != 0 {
                at = (at + 1) & mask;
            }
            self.keys[at] = key;
            self.ids[at] = id;
        }
    }
}

/// The key of the empty string: the leading filler's token, and the filler
/// key of an atom without filler.
pub const EMPTY: u32 = 0;

impl<'o> Keys<'o> {
    pub fn new(options: &'o Options) -> Self {
        Keys {
            options,
            short: ShortKeys::default(),
            long: FxHashMap::default(),
            ascii: [u32::MAX; 128],
            next: EMPTY + 1,
            buffer: String::new(),
        }
    }

    /// Groups `tokens` of `text` into atoms. The atoms cover the text exactly.
    pub fn atoms(&mut self, text: &str, tokens: &[Token]) -> Vec<Atom> {
        // Counted first: the vector is allocated once, at its size (growing
        // it by doubling held twice the atoms at its peak).
        let significant = tokens.iter().filter(|t| self.is_significant(t)).count();
        let leading = tokens.first().is_some_and(|t| !self.is_significant(t));
        let mut atoms: Vec<Atom> = Vec::with_capacity(significant + usize::from(leading));
        let mut filler_key = String::new();
        for token in tokens {
            if self.is_significant(token) {
                self.close_filler(&mut atoms, &mut filler_key);
                let key = self.intern_token(token.text(text));
                atoms.push(Atom::new(
                    key,
                    token.start..token.end,
                    token.end,
                    token.kind,
                ));
            } else {
                if atoms.is_empty() {
                    let at = token.start..token.start;
                    atoms.push(Atom::new(EMPTY, at, token.start, token.kind));
                }
                let last = atoms.last_mut().expect("an atom was pushed above");
                last.end = token.end as u32;
                self.push_filler_key(token, text, &mut filler_key);
            }
        }
        self.close_filler(&mut atoms, &mut filler_key);
        atoms
    }

    fn is_significant(&self, token: &Token) -> bool {
        match token.kind {
            TokenKind::Word | TokenKind::Number => true,
            TokenKind::Punct => !self.options.ignore_punctuation,
            TokenKind::Space | TokenKind::Break => false,
        }
    }

    fn push_filler_key(&self, token: &Token, text: &str, key: &mut String) {
        if token.is_whitespace() {
            if !self.options.unify_whitespace {
                key.push_str(token.text(text));
            } else if !key.ends_with(' ') {
                key.push(' ');
            }
        }
        // Ignored punctuation adds nothing: it is what the option ignores.
    }

    fn close_filler(&mut self, atoms: &mut [Atom], key: &mut String) {
        if let Some(last) = atoms.last_mut()
            && !key.is_empty()
        {
            last.filler_key = self.intern(key);
            key.clear();
        }
    }

    fn intern_token(&mut self, text: &str) -> u32 {
        // one buffer for every token that needs normalising, not a string each
        let mut buffer = std::mem::take(&mut self.buffer);
        let id = if normalise_into(text, self.options, &mut buffer) {
            self.intern(&buffer)
        } else {
            self.intern(text)
        };
        self.buffer = buffer;
        id
    }

    fn intern(&mut self, key: &str) -> u32 {
        if let &[b] = key.as_bytes()
            && b < 128
        {
            if self.ascii[b as usize] == u32::MAX {
                self.ascii[b as usize] = self.intern_hashed(key);
            }
            return self.ascii[b as usize];
        }
        self.intern_hashed(key)
    }

    fn intern_hashed(&mut self, key: &str) -> u32 {
        let next = self.next;
        let id = if key.is_empty() {
            EMPTY
        } else if key.len() <= SHORT {
            self.short.get_or_insert(pack(key.as_bytes()), next)
        } else if let Some(&id) = self.long.get(key) {
            id
        } else {
            self.long.insert(Box::from(key), next);
            next
        };
        if id == next {
            self.next += 1;
        }
        id
    }
}

/// The matching form of a token's text, written to `out` (true), or false
/// when the text is its own matching form (most tokens).
pub fn normalise_into(text: &str, options: &Options, out: &mut String) -> bool {
    // Quotes and dashes to unify are all outside ASCII.
    if !options.ignore_case && text.is_ascii() {
        return false;
    }
    let changes = |c: char| {
        (options.ignore_case && c.is_uppercase())
            || (options.unify_quotes && quote_of(c).is_some())
            || (options.unify_dashes && is_dash(c))
    };
    if !text.chars().any(changes) {
        return false;
    }
    out.clear();
    for c in text.chars() {
        if options.unify_quotes
            && let Some(q) = quote_of(c)
        {
            out.push(q);
        } else if options.unify_dashes && is_dash(c) {
            out.push('-');
        } else if options.ignore_case && c.is_uppercase() {
            super::lowercase::push_lowercase(out, c);
        } else {
            out.push(c);
        }
    }
    true
}

fn quote_of(c: char) -> Option<char> {
    match c {
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' | '＂' => Some('"'),
        '‘' | '’' | '‚' | '‛' | '′' | '‹' | '›' | '＇' => Some('\''),
        _ => None,
    }
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '﹘' | '﹣' | '－'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize::tokenize;

    fn keys_of(text: &str, options: &Options) -> Vec<u32> {
        let mut keys = Keys::new(options);
        let tokens = tokenize(text);
        keys.atoms(text, &tokens).iter().map(|a| a.key).collect()
    }

    #[test]
    fn quotes_and_dashes_match_their_plain_forms_by_default() {
        let options = Options::default();
        let mut keys = Keys::new(&options);
        let a = "“Go away” — he’s";
        let b = "\"Go away\" - he's";
        let ka: Vec<u32> = keys.atoms(a, &tokenize(a)).iter().map(|x| x.key).collect();
        let kb: Vec<u32> = keys.atoms(b, &tokenize(b)).iter().map(|x| x.key).collect();
        assert_eq!(ka, kb);
    }

    #[test]
    fn case_matters_unless_ignored() {
        let a = "Go away";
        let b = "GO AWAY";
        let strict = Options::default();
        let mut keys = Keys::new(&strict);
        assert_ne!(
            keys.atoms(a, &tokenize(a))
                .iter()
                .map(|x| x.key)
                .collect::<Vec<_>>(),
            keys.atoms(b, &tokenize(b))
                .iter()
                .map(|x| x.key)
                .collect::<Vec<_>>()
        );
        let loose = Options {
            ignore_case: true,
            ..Options::default()
        };
        let mut keys = Keys::new(&loose);
        assert_eq!(
            keys.atoms(a, &tokenize(a))
                .iter()
                .map(|x| x.key)
                .collect::<Vec<_>>(),
            keys.atoms(b, &tokenize(b))
                .iter()
                .map(|x| x.key)
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn ignored_punctuation_leaves_only_words() {
        let options = Options {
            ignore_punctuation: true,
            ..Options::default()
        };
        assert_eq!(keys_of("Go, away!", &options).len(), 2);
        assert_eq!(keys_of("Go, away!", &Options::default()).len(), 4);
    }

    #[test]
    fn packed_keys_differ_and_ids_follow_first_sight() {
        // every length, and keys that differ in one byte anywhere
        let mut words: Vec<String> = Vec::new();
        let base = "abcdefghijklmnopqrst";
        for n in 1..=base.len() {
            words.push(base[..n].to_string());
            for at in 0..n {
                let mut w = base.as_bytes()[..n].to_vec();
                w[at] = b'Z';
                words.push(String::from_utf8(w).unwrap());
            }
        }
        words.extend((0..5000).map(|i| format!("w{i}")));
        let mut packed = std::collections::HashSet::new();
        for w in words.iter().filter(|w| w.len() <= SHORT) {
            assert!(packed.insert(pack(w.as_bytes())), "{w}");
        }
        let options = Options::default();
        let mut keys = Keys::new(&options);
        let ids: Vec<u32> = words.iter().map(|w| keys.intern(w)).collect();
        assert_eq!(ids, (1..=words.len() as u32).collect::<Vec<_>>());
        let again: Vec<u32> = words.iter().map(|w| keys.intern(w)).collect();
        assert_eq!(again, ids);
        assert_eq!(keys.intern(""), EMPTY);
    }

    #[test]
    fn atoms_cover_the_text() {
        let text = "  \n“Go away!” he said,\u{a0}twice.  ";
        let options = Options::default();
        let atoms = Keys::new(&options).atoms(text, &tokenize(text));
        assert_eq!(atoms.first().unwrap().span().start, 0);
        assert_eq!(atoms.last().unwrap().span().end, text.len());
        assert!(
            atoms
                .windows(2)
                .all(|w| w[0].span().end == w[1].span().start)
        );
    }
}
