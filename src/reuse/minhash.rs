//! MinHash signatures and their LSH band keys.

use super::hash::mix;
use super::index_options::IndexOptions;
use super::shingles::shingles;
use crate::options::Options;

/// A text's MinHash signature: for each of `bands * rows` seeded hash
/// functions, the least hash over the text's shingles (its high 32 bits).
/// Two signatures agree in a slot with probability equal to the Jaccard
/// similarity of the two shingle sets. Empty for a text without content
/// words, and for one over `matching.max_input_bytes` (the engine refuses
/// it, so there is nothing to compare it with).
pub fn signature(text: &str, matching: &Options, index: &IndexOptions) -> Vec<u32> {
    if text.len() > matching.max_input_bytes.min(u32::MAX as usize) {
        return Vec::new();
    }
    let shingles = shingles(text, matching, index.shingle_words);
    if shingles.is_empty() {
        return Vec::new();
    }
    let (bands, rows) = index.shape();
    let seeds: Vec<u64> = (0..bands * rows)
        .map(|slot| mix(index.seed ^ mix(slot as u64)))
        .collect();
    seeds
        .iter()
        .map(|&seed| {
            let least = shingles
                .iter()
                .map(|&s| mix(s ^ seed))
                .min()
                .expect("there are shingles");
            (least >> 32) as u32
        })
        .collect()
}

/// One key per band of `signature`: a hash of the band's number, the seed
/// and its `rows` values, so that two texts share a key exactly when their
/// signatures agree on a whole band. A signature of another length than
/// `index` makes (one made with other options) gives keys for its whole
/// bands only; an empty one, none.
pub fn band_keys(signature: &[u32], index: &IndexOptions) -> Vec<i64> {
    let (bands, rows) = index.shape();
    signature
        .chunks_exact(rows)
        .take(bands)
        .enumerate()
        .map(|(band, values)| {
            let start = mix(index.seed ^ (band as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            let h = values.iter().fold(start, |h, &v| mix(h ^ u64::from(v)));
            h as i64
        })
        .collect()
}

/// The share of slots in which `a` and `b` agree: an estimate of the
/// Jaccard similarity of the two texts' shingle sets, within about
/// `1 / sqrt(bands * rows)`. Signatures of different lengths are compared
/// over the longer, so that they never look alike; an empty signature is
/// like nothing (0).
pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    let slots = a.len().max(b.len());
    if slots == 0 {
        return 0.0;
    }
    let equal = a.iter().zip(b).filter(|(x, y)| x == y).count();
    equal as f64 / slots as f64
}
