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

/// Interned short keys: an open-addressing table of places in a list of
/// packed keys, hashed and compared as numbers, with no pointer to follow
/// to a key's bytes as a map of strings has. The table holds only places
/// (0: a free slot), so that it is small to clear when it is made.
#[derive(Default)]
struct ShortKeys {
    /// One more than a place in `keys` and `ids`, or 0.
    slots: Vec<u32>,
    keys: Vec<u128>,
    ids: Vec<u32>,
}

impl ShortKeys {
    /// The id of `key`, or `next` after adding it.
    fn get_or_insert(&mut self, key: u128, next: u32) -> u32 {
        if 2 * (self.keys.len() + 1) > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut at = Self::slot(key, mask);
        loop {
            match self.slots[at] {
                0 => break,
                place => {
                    let place = place as usize - 1;
                    if self.keys[place] == key {
                        return self.ids[place];
                    }
                }
            }
            at = (at + 1) & mask;
        }
        self.keys.push(key);
        self.ids.push(next);
        self.slots[at] = self.keys.len() as u32;
        next
    }

    fn slot(key: u128, mask: usize) -> usize {
        // Fx-style multiply-mix of both halves; the high bits mix best.
        let h = (key as u64 ^ (key >> 64) as u64 ^ (key >> 64 >> 32) as u64)
            .wrapping_mul(0xf135_7aea_2e62_a9c5);
        (h.rotate_left(26) as usize) & mask
    }

    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1024);
        self.slots = vec![0; size];
        // room for every key the table takes before it grows again
        self.keys.reserve_exact(size / 2 - self.keys.len());
        self.ids.reserve_exact(size / 2 - self.ids.len());
        let mask = size - 1;
        for (place, &key) in self.keys.iter().enumerate() {
            let mut at = Self::slot(key, mask);
            while self.slots[at] != 0 {
                at = (at + 1) & mask;
            }
            self.slots[at] = place as u32 + 1;
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
    #[inline(never)] // its own function in the wasm: see "Phases" in lib.rs
    pub fn atoms(&mut self, text: &str, tokens: &[Token]) -> Vec<Atom> {
        // Words and numbers, then punctuation, come first among the kinds.
        const _: () = assert!((TokenKind::Number as u8) < TokenKind::Punct as u8);
        const _: () = assert!((TokenKind::Punct as u8) < TokenKind::Space as u8);
        const _: () = assert!((TokenKind::Space as u8) < TokenKind::Break as u8);
        let first_filler = if self.options.ignore_punctuation {
            TokenKind::Punct
        } else {
            TokenKind::Space
        } as u8;
        let significant = |t: &Token| (t.kind as u8) < first_filler;
        // Counted first: the vector is allocated once, at its size (growing
        // it by doubling held twice the atoms at its peak).
        let count = tokens.iter().filter(|t| significant(t)).count();
        let leading = tokens.first().is_some_and(|t| !significant(t));
        let mut atoms: Vec<Atom> = Vec::with_capacity(count + usize::from(leading));
        if leading {
            // the text's leading filler, on an empty token
            let start = tokens[0].start;
            atoms.push(Atom::new(EMPTY, start..start, start, tokens[0].kind));
        }
        // With whitespace unified a filler's key is " " or nothing, so a flag
        // stands for the string.
        let unify = self.options.unify_whitespace;
        let mut spaced = false;
        let mut filler_key = String::new();
        for token in tokens {
            if significant(token) {
                if spaced || !filler_key.is_empty() {
                    self.close_filler(&mut atoms, &mut filler_key, spaced);
                    spaced = false;
                }
                let key = self.token_key(text, token);
                atoms.push(Atom::new(
                    key,
                    token.start..token.end,
                    token.end,
                    token.kind,
                ));
            } else {
                if let Some(last) = atoms.last_mut() {
                    last.end = token.end as u32;
                }
                // Ignored punctuation adds nothing: it is what the option
                // ignores.
                if token.is_whitespace() {
                    if unify {
                        spaced = true;
                    } else {
                        filler_key.push_str(token.text(text));
                    }
                }
            }
        }
        if spaced || !filler_key.is_empty() {
            self.close_filler(&mut atoms, &mut filler_key, spaced);
        }
        atoms
    }

    /// Gives the last atom the key of its filler: `" "` when `spaced`,
    /// else `key`, which is then cleared.
    fn close_filler(&mut self, atoms: &mut [Atom], key: &mut String, spaced: bool) {
        if let Some(last) = atoms.last_mut() {
            last.filler_key = if spaced {
                self.ascii_key(b' ')
            } else {
                self.intern(key)
            };
        }
        key.clear();
    }

    /// The key of a significant token. A token of ASCII up to [`SHORT`]
    /// bytes (most of them) is packed as it is, or lowercased in place when
    /// case is ignored: quotes and dashes to unify are all outside ASCII.
    fn token_key(&mut self, text: &str, token: &Token) -> u32 {
        let bytes = &text.as_bytes()[token.start..token.end];
        let ignore_case = self.options.ignore_case;
        if let &[b] = bytes
            && b < 128
        {
            return self.ascii_key(if ignore_case {
                b.to_ascii_lowercase()
            } else {
                b
            });
        }
        if (2..=SHORT).contains(&bytes.len()) {
            let key = pack(bytes);
            if key & HIGH_BITS == 0 {
                return self.intern_short(if ignore_case {
                    ascii_lowercase(key)
                } else {
                    key
                });
            }
        }
        self.intern_token(token.text(text))
    }

    /// The key of a one-byte ASCII string, without hashing after the first.
    fn ascii_key(&mut self, b: u8) -> u32 {
        let at = usize::from(b);
        if self.ascii[at] == u32::MAX {
            self.ascii[at] = self.intern_short(pack(&[b]));
        }
        self.ascii[at]
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
        match key.as_bytes() {
            [] => EMPTY,
            &[b] if b < 128 => self.ascii_key(b),
            bytes if bytes.len() <= SHORT => self.intern_short(pack(bytes)),
            _ => {
                if let Some(&id) = self.long.get(key) {
                    return id;
                }
                self.long.insert(Box::from(key), self.next);
                self.next += 1;
                self.next - 1
            }
        }
    }

    /// The id of a packed short key, given the next one if it is new.
    fn intern_short(&mut self, key: u128) -> u32 {
        let id = self.short.get_or_insert(key, self.next);
        if id == self.next {
            self.next += 1;
        }
        id
    }
}

/// The high bit of every byte of a packed key: none is set for ASCII (the
/// length byte is under 16).
const HIGH_BITS: u128 = u128::from_ne_bytes([0x80; 16]);

/// A packed key of ASCII bytes, lowercased: each byte from `A` to `Z` gains
/// `0x20`. A byte's high bit is set by adding `0x80 - b'A'` when it is `A`
/// or above, and by adding `0x80 - b'Z' - 1` when it is above `Z`; no sum
/// carries into the next byte.
fn ascii_lowercase(key: u128) -> u128 {
    const ONES: u128 = u128::from_ne_bytes([0x01; 16]);
    let from_a = key + ONES * u128::from(0x80 - b'A');
    let past_z = key + ONES * u128::from(0x80 - b'Z' - 1);
    let upper = (from_a ^ past_z) & HIGH_BITS;
    key | upper >> 2
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

    /// The atoms as they were made before the fast paths: each token's
    /// text normalised into a string and interned, each filler's key
    /// gathered into a string.
    fn atoms_by_strings(keys: &mut Keys, text: &str, tokens: &[Token]) -> Vec<Atom> {
        let options = keys.options;
        let significant = |t: &Token| match t.kind {
            TokenKind::Word | TokenKind::Number => true,
            TokenKind::Punct => !options.ignore_punctuation,
            _ => false,
        };
        let mut atoms: Vec<Atom> = Vec::new();
        let mut filler = String::new();
        let close = |keys: &mut Keys, atoms: &mut Vec<Atom>, filler: &mut String| {
            if let Some(last) = atoms.last_mut()
                && !filler.is_empty()
            {
                last.filler_key = keys.intern(filler);
                filler.clear();
            }
        };
        for token in tokens {
            if significant(token) {
                close(keys, &mut atoms, &mut filler);
                let mut buffer = String::new();
                let t = token.text(text);
                let key = if normalise_into(t, options, &mut buffer) {
                    keys.intern(&buffer)
                } else {
                    keys.intern(t)
                };
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
                atoms.last_mut().unwrap().end = token.end as u32;
                if token.is_whitespace() {
                    if !options.unify_whitespace {
                        filler.push_str(token.text(text));
                    } else if !filler.ends_with(' ') {
                        filler.push(' ');
                    }
                }
            }
        }
        close(keys, &mut atoms, &mut filler);
        atoms
    }

    #[test]
    fn fast_paths_give_the_keys_strings_give() {
        let texts = [
            "",
            " ",
            "  \n“Go away!” he said,\u{a0}twice.  ",
            "A a B b Z z @ [ ` { AZaz@[`{ ABCDEFGHIJKLMNO ABCDEFGHIJKLMNOP abcdefghijklmnop",
            "İstanbul ÀÉÎ straße STRASSE Ǆ ǅ ǆ — – ‘quoted’ „x“ don’t DON'T 5,000 $1.5",
            "x\r\n\r\ny\t\tz , , ; . ... ?! ¿¡ 日本語のテキスト ภาษาไทย 👩‍👩‍👧 e\u{301}",
            "UPPER lower MiXeD 123 A1B2 _x_ X_Y a.b.c. U.S. N.Y. McDONALD'S",
            "“, leading punctuation” — and trailing ,.",
            ".",
        ];
        for ignore_case in [false, true] {
            for unify_whitespace in [false, true] {
                for ignore_punctuation in [false, true] {
                    for unify in [false, true] {
                        let options = Options {
                            ignore_case,
                            unify_whitespace,
                            ignore_punctuation,
                            unify_quotes: unify,
                            unify_dashes: unify,
                            ..Options::default()
                        };
                        let (mut fast, mut slow) = (Keys::new(&options), Keys::new(&options));
                        for text in texts {
                            let tokens = tokenize(text);
                            assert_eq!(
                                fast.atoms(text, &tokens),
                                atoms_by_strings(&mut slow, text, &tokens),
                                "{text:?} {ignore_case} {unify_whitespace} {ignore_punctuation} {unify}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn ascii_lowercase_of_a_packed_key_lowercases_its_bytes() {
        let all: Vec<u8> = (0..128).collect();
        for chunk in all.chunks(SHORT).chain(all.windows(2).step_by(7)) {
            let lower = chunk.to_ascii_lowercase();
            assert_eq!(ascii_lowercase(pack(chunk)), pack(&lower), "{chunk:?}");
        }
    }
}
