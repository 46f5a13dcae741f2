//! The containment estimate for sentences the source map did not reach.
//!
//! When the time budget runs out before the source map has traced every
//! sentence, an untraced sentence is not `new`: nothing says so. Its label
//! comes instead from a cheap, linear measure of how much of it the left
//! text contains: the share of its word 3-shingles (three consecutive word
//! keys, as the matching options fold them) found among the left text's
//! shingles, or of its words for a sentence under three words. A copy
//! with one word in fifty changed keeps about 94 % of its shingles; an
//! independent text on the same story keeps few. The share grades the
//! label as the map's scores do: all shingles found is `verbatim`, at least
//! [`EDITED`] `edited`, at least the map's [`STRONG`] (the coverage that
//! makes a sentence derived on its own) `paraphrased`, below it `new`; the
//! result's `stats.estimated` says the shares came from here.
//!
//! The left shingles go into a Bloom filter of 16 bits per shingle with two
//! probes (about 1.4 % false positives, 2 bytes per left word), not a hash
//! set: at 32 MB a set of millions of `u64`s would cost far more memory and
//! time than the filter's slight overestimate is worth.

use crate::align::sentences::Alignment;
use crate::align::sourcemap::STRONG;

/// Least share of shingles found for an estimated `edited`: four in five
/// (one word in fifteen changed).
const EDITED: f64 = 0.8;
use crate::text::Side;
use crate::text::keys::{Atom, EMPTY};
use crate::text::tokenize::TokenKind;
use crate::vocab::RightLabel;

pub struct Estimate {
    /// The estimated label of each untraced right unit (empty when none).
    pub labels: Vec<Option<RightLabel>>,
    /// Some label was estimated.
    pub used: bool,
}

fn word_keys(atoms: &[Atom]) -> impl Iterator<Item = u32> + '_ {
    atoms
        .iter()
        .filter(|a| a.key != EMPTY && matches!(a.kind, TokenKind::Word | TokenKind::Number))
        .map(|a| a.key)
}

fn shingle(a: u32, b: u32, c: u32) -> u64 {
    crate::hash::of([a, b, c].map(u64::from))
}

struct Bloom {
    bits: Vec<u64>,
    mask: u64,
}

impl Bloom {
    fn new(items: usize) -> Self {
        let bits = (items * 16).next_power_of_two().max(64);
        Bloom {
            bits: vec![0; bits / 64],
            mask: bits as u64 - 1,
        }
    }

    fn probes(&self, h: u64) -> [usize; 2] {
        [
            (h & self.mask) as usize,
            (h.rotate_left(29) & self.mask) as usize,
        ]
    }

    fn insert(&mut self, h: u64) {
        for p in self.probes(h) {
            self.bits[p / 64] |= 1 << (p % 64);
        }
    }

    fn contains(&self, h: u64) -> bool {
        self.probes(h)
            .iter()
            .all(|&p| self.bits[p / 64] & (1 << (p % 64)) != 0)
    }
}

/// Estimated labels of the right units the source map did not reach.
#[inline(never)] // its own function in the wasm: see "Phases" in lib.rs
pub fn labels(left: &Side, right: &Side, alignment: &Alignment) -> Estimate {
    if alignment.untraced.is_empty() {
        return Estimate {
            labels: Vec::new(),
            used: false,
        };
    }
    let keys: Vec<u32> = word_keys(&left.atoms).collect();
    let mut bloom = Bloom::new(keys.len());
    let mut words = vec![false; keys.iter().max().map_or(0, |&k| k as usize + 1)];
    for &k in &keys {
        words[k as usize] = true;
    }
    for w in keys.windows(3) {
        bloom.insert(shingle(w[0], w[1], w[2]));
    }
    drop(keys);
    let units = &right.structure.units;
    let mut labels = vec![None; units.len()];
    let mut unit_keys = Vec::new();
    for &j in &alignment.untraced {
        unit_keys.clear();
        unit_keys.extend(word_keys(&right.atoms[units[j].atoms.clone()]));
        let (found, all) = if unit_keys.len() < 3 {
            let found = unit_keys
                .iter()
                .filter(|&&k| words.get(k as usize).copied().unwrap_or(false))
                .count();
            (found, unit_keys.len())
        } else {
            let found = unit_keys
                .windows(3)
                .filter(|w| bloom.contains(shingle(w[0], w[1], w[2])))
                .count();
            (found, unit_keys.len() - 2)
        };
        let share = if all == 0 {
            0.0
        } else {
            found as f64 / all as f64
        };
        labels[j] = Some(if found == all && all > 0 {
            RightLabel::Verbatim
        } else if share >= EDITED {
            RightLabel::Edited
        } else if share >= STRONG {
            RightLabel::Paraphrased
        } else {
            RightLabel::New
        });
    }
    Estimate { labels, used: true }
}
