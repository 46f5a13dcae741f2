//! A text's shingles: hashed runs of consecutive content words.

use crate::align::features::content_word;
use crate::options::Options;
use crate::text::keys::normalise_into;
use crate::text::tokenize::{TokenKind, tokenize};

use super::hash::{mix, word_hash};

/// The hashes of the `n`-word shingles of `text`'s content words, sorted
/// and without repeats (a shingle set). A text with fewer than `n` content
/// words is one shingle of all of them, so that a short text still has a
/// fingerprint; a text with none has no shingles.
pub fn shingles(text: &str, matching: &Options, n: usize) -> Vec<u64> {
    let n = n.clamp(1, super::index_options::MAX_SHINGLE_WORDS);
    let mut words: Vec<u64> = Vec::new();
    let (mut key, mut folded) = (String::new(), String::new());
    for token in tokenize(text) {
        if !matches!(token.kind, TokenKind::Word | TokenKind::Number) {
            continue;
        }
        let raw = token.text(text);
        // the engine's key of the token first (the page's folding), then
        // the source map's content-word folding of that key
        let keyed = if normalise_into(raw, matching, &mut key) {
            key.as_str()
        } else {
            raw
        };
        if content_word(keyed, token.kind, &mut folded) {
            words.push(word_hash(folded.as_bytes()));
        }
    }
    if words.is_empty() {
        return Vec::new();
    }
    let n = n.min(words.len());
    let mut out: Vec<u64> = words
        .windows(n)
        .map(|run| run.iter().fold(n as u64, |h, &w| mix(h ^ w)))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}
