//! Candidate pairs on one machine: an inverted index from band keys to
//! the wires that have them.

use rustc_hash::FxHashMap;

use super::index_options::IndexOptions;
use super::minhash::{band_keys, signature, similarity};
use crate::options::Options;

/// A (wire, article) pair that shares at least one band key, by the
/// positions of the two texts in the lists given to [`candidates`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Candidate {
    /// The wire story's position in `wires`.
    pub wire: usize,
    /// The article's position in `articles`.
    pub article: usize,
    /// The estimated Jaccard similarity of their shingle sets
    /// ([`similarity`]).
    pub similarity: f64,
}

/// Every (wire, article) pair whose signatures share at least one band
/// key and whose estimated similarity is at least
/// [`IndexOptions::min_similarity`], each once, sorted by (wire, article).
/// Texts without content words (or over the size limit) have no signature
/// and are in no pair.
pub fn candidates(
    wires: &[&str],
    articles: &[&str],
    matching: &Options,
    index: &IndexOptions,
) -> Vec<Candidate> {
    let wire_signatures: Vec<Vec<u32>> = wires
        .iter()
        .map(|t| signature(t, matching, index))
        .collect();
    let mut postings: FxHashMap<i64, Vec<usize>> = FxHashMap::default();
    for (w, sig) in wire_signatures.iter().enumerate() {
        for key in band_keys(sig, index) {
            let list = postings.entry(key).or_default();
            // two bands of one wire may hash alike; keep one posting
            if list.last() != Some(&w) {
                list.push(w);
            }
        }
    }
    let mut out = Vec::new();
    let mut found: Vec<usize> = Vec::new();
    for (a, text) in articles.iter().enumerate() {
        let sig = signature(text, matching, index);
        found.clear();
        for key in band_keys(&sig, index) {
            if let Some(list) = postings.get(&key) {
                found.extend_from_slice(list);
            }
        }
        found.sort_unstable();
        found.dedup();
        out.extend(
            found
                .iter()
                .map(|&w| Candidate {
                    wire: w,
                    article: a,
                    similarity: similarity(&wire_signatures[w], &sig),
                })
                // a NaN floor (options not checked) lets every pair through
                .filter(|c| c.similarity >= index.min_similarity || index.min_similarity.is_nan()),
        );
    }
    out.sort_unstable_by_key(|c| (c.wire, c.article));
    out
}
