//! What counts as equal. Each significant token gets a key, an interned id
//! of its normalised form; the text itself is never changed.
//!
//! Whitespace, and punctuation when it is ignored, is *filler*: it rides
//! along with the token before it, so that a change of spacing never makes
//! two runs of words look different (the jsdiff lesson).

use std::borrow::Cow;
use std::ops::Range;

use rustc_hash::FxHashMap;

use super::tokenize::{Token, TokenKind};
use crate::Options;

/// A significant token with the filler that follows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Atom {
    /// Key of the significant token; equal keys match.
    pub key: u32,
    /// Key of the filler, so equal tokens with different spacing can still
    /// be told apart when whitespace is not unified.
    pub filler_key: u32,
    /// Bytes of the significant token (empty for a text's leading filler).
    pub token: Range<usize>,
    /// Bytes of the filler after it (may be empty).
    pub filler: Range<usize>,
    pub kind: TokenKind,
}

impl Atom {
    /// All the bytes of the atom.
    pub fn span(&self) -> Range<usize> {
        self.token.start..self.filler.end
    }
}

/// Interns normalised keys shared by the texts being compared.
pub struct Keys<'o> {
    options: &'o Options,
    ids: FxHashMap<Box<str>, u32>,
    /// The keys of one-byte strings (`" "`, `","`, `"a"`), the commonest,
    /// without hashing; `u32::MAX` until seen.
    ascii: [u32; 128],
}

/// The key of the empty string: the leading filler's token, and the filler
/// key of an atom without filler.
pub const EMPTY: u32 = 0;

impl<'o> Keys<'o> {
    pub fn new(options: &'o Options) -> Self {
        let mut ids = FxHashMap::default();
        ids.insert(Box::from(""), EMPTY);
        Keys {
            options,
            ids,
            ascii: [u32::MAX; 128],
        }
    }

    /// Groups `tokens` of `text` into atoms. The atoms cover the text exactly.
    pub fn atoms(&mut self, text: &str, tokens: &[Token]) -> Vec<Atom> {
        let mut atoms: Vec<Atom> = Vec::with_capacity(tokens.len() / 2 + 1);
        let mut filler_key = String::new();
        for token in tokens {
            if self.is_significant(token) {
                self.close_filler(&mut atoms, &mut filler_key);
                let key = self.intern_token(token.text(text));
                atoms.push(Atom {
                    key,
                    filler_key: EMPTY,
                    token: token.start..token.end,
                    filler: token.end..token.end,
                    kind: token.kind,
                });
            } else {
                if atoms.is_empty() {
                    atoms.push(Atom {
                        key: EMPTY,
                        filler_key: EMPTY,
                        token: token.start..token.start,
                        filler: token.start..token.start,
                        kind: token.kind,
                    });
                }
                let last = atoms.last_mut().expect("an atom was pushed above");
                last.filler.end = token.end;
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
        match normalise(text, self.options) {
            Cow::Borrowed(s) => self.intern(s),
            Cow::Owned(s) => self.intern(&s),
        }
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
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(Box::from(key), id);
        id
    }
}

/// The matching form of a token's text.
pub fn normalise<'a>(text: &'a str, options: &Options) -> Cow<'a, str> {
    // Quotes and dashes to unify are all outside ASCII.
    if !options.ignore_case && text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let changes = |c: char| {
        (options.ignore_case && c.is_uppercase())
            || (options.unify_quotes && quote_of(c).is_some())
            || (options.unify_dashes && is_dash(c))
    };
    if !text.chars().any(changes) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if options.unify_quotes
            && let Some(q) = quote_of(c)
        {
            out.push(q);
        } else if options.unify_dashes && is_dash(c) {
            out.push('-');
        } else if options.ignore_case && c.is_uppercase() {
            super::lowercase::push_lowercase(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
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
