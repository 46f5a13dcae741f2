//! Which articles reuse which wire story, without comparing every pair:
//! candidate pairs for the engine, in time near-linear in the texts.
//!
//! 1. **Content words.** A text is tokenized as the engine tokenizes it,
//!    each word keyed as the page's [`Options`](crate::Options)
//!    fold it (case, quotes, dashes), then folded as the source map folds
//!    words to find reworded sentences (`align::features`): lower case,
//!    possessives dropped, a light stemmer, function words and "said"
//!    dropped. A rewrite keeps a story's names, numbers and nouns while it
//!    changes its grammar, so these are what it shares with its wire.
//! 2. **Shingles.** Runs of `shingle_words` consecutive content words,
//!    hashed with fixed constants (the same numbers on every platform and
//!    in every process; no `RandomState`). The set of them is the text's
//!    fingerprint.
//! 3. **MinHash.** For each of `bands * rows` seeded hash functions, the
//!    least hash over the set: two texts agree in a slot with probability
//!    equal to the Jaccard similarity `s` of their sets, and
//!    [`similarity`] estimates `s` as the share of agreeing slots.
//! 4. **LSH bands.** The signature is cut in `bands` bands of `rows`
//!    values, each hashed to one key ([`band_keys`], an `i64` that Spark and
//!    Python carry unchanged). Two texts are a candidate pair when they
//!    share a key, with probability `1 - (1 - s^rows)^bands`: an S-curve in
//!    `s`. [`candidates`] finds them on one machine with an inverted index
//!    from band keys to wires; a cluster does the same with a join on the
//!    keys.
//!
//! ## The defaults, and why
//!
//! What decides them is the Jaccard similarity of a paraphrase. Over
//! content words, AP's story has `s` ≈ 0.37 with Kompas's rewrite, 0.2–0.33
//! with whole-story rewrites written for the tests (`tests/fixtures/reuse/`)
//! and 0.17 with a reworded excerpt of its last quarter; independent
//! reports of the same event (NPR, WSWS, The Militant) have 0.15, and news
//! on other subjects 0.015–0.045. Over *pairs* of content words the
//! rewrites fall to 0.04–0.08, too close to nothing for any band shape to
//! find them cheaply: a rewrite changes word order and the words between
//! names. Hence:
//!
//! * `shingle_words: 1` — single content words: a rewrite that keeps half
//!   to two thirds of a story's content words still has `s` ≥ 0.2.
//! * `bands: 128`, `rows: 2` — recall is 0.99 at `s` = 0.19 (0.995 at 0.2,
//!   0.97 at 0.17, 0.72 at 0.1), so every whole-story rewrite above is
//!   found. Independent reports of the same event are found too: they
//!   share as many words as a paraphrase, and telling the two apart is the
//!   engine's work on the pair, not the index's. News on other subjects
//!   gets through 3–22 % of the time (at `s` = 0.015–0.045).
//!   `rows: 3` is steeper but needs `bands: 512` for about the same floor
//!   (0.99 at 0.21; 0.4 % and 4 % for other subjects): a signature six
//!   times as long and four times the keys to join, worth it only for a run
//!   where pairs on other subjects cost more than the keys. The signature
//!   is 256 values (1 KB); [`similarity`]'s standard error is at most
//!   0.03.
//! * `seed` — any fixed number; texts are comparable under one seed only.
//! * `min_similarity: 0.08` — a pair that shares a key is a candidate only
//!   if its signatures agree on at least 8 % of their slots. The bands let
//!   through a few percent of pairs on other subjects, and those pairs are
//!   what grows with a corpus (the fingerprints grow with the texts, the
//!   pairs with their product). With 256 slots the estimate's standard
//!   error is 0.023 at `s` = 0.17, the least alike derived pair above: the
//!   floor is almost four of them below it, and two to three above news on
//!   other subjects (0.013 at `s` = 0.045), which it keeps out all but a
//!   few times in a thousand. A cluster applies it after its join on the
//!   keys; a large run also bounds the pairs by a date window. BENCHMARKS.md
//!   has the shares on a synthetic corpus.
//!
//! A text without content words has an empty signature and no keys, and is
//! in no pair; so is one over `max_input_bytes`, which the engine refuses.

mod hash;
mod index;
mod index_options;
mod minhash;
mod shingles;

pub use index::{Candidate, candidates};
pub use index_options::IndexOptions;
pub use minhash::{band_keys, signature, similarity};
