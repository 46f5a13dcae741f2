//! The shape of the fingerprints (shingle length, bands, rows, seed) and the
//! similarity a candidate pair must reach.

use serde::{Deserialize, Serialize};

/// How texts are fingerprinted for candidate search. Read with serde
/// (camelCase names, any left out taken from the default, unknown names
/// refused) and checked: see [`IndexOptions::check`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct IndexOptions {
    /// Content words per shingle.
    pub shingle_words: usize,
    /// LSH bands: a pair is a candidate when its signatures agree on every
    /// row of at least one band.
    pub bands: usize,
    /// MinHash values per band; the signature has `bands * rows`.
    pub rows: usize,
    /// Seeds the hash functions; texts are comparable only under one seed.
    pub seed: u64,
    /// The least estimated similarity ([`similarity`](super::similarity))
    /// of a pair that shares a band key for it to be a candidate: the
    /// bands find pairs by chance far below the S-curve's knee, and this
    /// keeps them from the engine.
    pub min_similarity: f64,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            shingle_words: 1,
            bands: 128,
            rows: 2,
            // "wirediff" in ASCII
            seed: 0x7769_7265_6469_6666,
            min_similarity: 0.08,
        }
    }
}

/// The largest signature [`IndexOptions::check`] accepts: 4096 values (16 KB
/// a text) is already far past where more slots sharpen the estimate.
pub(super) const MAX_SLOTS: usize = 4096;
/// The longest shingle it accepts: past a few words, a rewrite shares
/// next to none.
pub(super) const MAX_SHINGLE_WORDS: usize = 8;

impl IndexOptions {
    /// Refuses options the index cannot work with, with a message that
    /// names the option and what it accepts (the functions of this module
    /// take any options and never fail: they read a 0 as 1 and cut a
    /// signature past 4096 values).
    pub fn check(&self) -> Result<(), String> {
        if !(1..=MAX_SHINGLE_WORDS).contains(&self.shingle_words) {
            return Err(format!(
                "`shingleWords` must be from 1 to {MAX_SHINGLE_WORDS}, not {}",
                self.shingle_words
            ));
        }
        if self.bands == 0 || self.rows == 0 || self.bands.saturating_mul(self.rows) > MAX_SLOTS {
            return Err(format!(
                "`bands` and `rows` must be at least 1 with `bands` × `rows` at most {MAX_SLOTS}, not {} × {}",
                self.bands, self.rows
            ));
        }
        if !(0.0..=1.0).contains(&self.min_similarity) {
            return Err(format!(
                "`minSimilarity` must be from 0 to 1, not {}",
                self.min_similarity
            ));
        }
        Ok(())
    }

    /// (bands, rows), each at least 1, the signature at most [`MAX_SLOTS`].
    pub(super) fn shape(&self) -> (usize, usize) {
        let rows = self.rows.clamp(1, MAX_SLOTS);
        (self.bands.clamp(1, MAX_SLOTS / rows), rows)
    }
}
