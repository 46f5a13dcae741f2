//! Hashes that stand for identity: two keys are taken as equal when their
//! hashes are (a sentence's keys, a word's folded form, a quote's keys), so
//! they must be 64 bits wide on every platform. `rustc_hash::FxHasher`
//! hashes in `usize`s, 32 bits in the wasm, where two of a 4 MB text's tens
//! of thousands of sentences or words would often share a hash by chance;
//! here FxHash's step works on `u64`s everywhere. (Nothing outside a
//! comparison keeps these numbers; the band keys that other machines read
//! have their own hash, fixed for good: `reuse::hash`.)

/// FxHash's multiplier for 64 bits.
const K: u64 = 0xf135_7aea_2e62_a9c5;

/// FxHash's step: folds `x` into `h`, for a hash built up as its parts
/// are read (a name's keys, a quantity's qualifiers); equal sequences fold
/// equal, different ones collide with a chance of about 2⁻⁶⁴.
pub fn fold(h: u64, x: u64) -> u64 {
    // FxHash's own step maps (0, 0) to 0, so that [0] and [0, 0] (a
    // sentence of key 0 and one of that key twice) hash alike; the constant
    // leaves no such fixed point
    (h.rotate_left(5) ^ x ^ 0x9e37_79b9_7f4a_7c15).wrapping_mul(K)
}

/// The folded hash with its best-mixed (high) bits moved down, as
/// `FxHasher::finish` does, for tables and filters indexed by low bits.
fn finish(h: u64) -> u64 {
    h.rotate_left(26)
}

/// A hash of a sequence (of keys, say): equal sequences hash equal;
/// different ones collide with a chance of about 2⁻⁶⁴.
pub fn of(items: impl IntoIterator<Item = u64>) -> u64 {
    finish(items.into_iter().fold(0, fold))
}

/// A hash of `bytes`: their length, then eight bytes at a time.
pub fn bytes(bytes: &[u8]) -> u64 {
    let chunks = bytes.chunks(8).map(|chunk| {
        let mut eight = [0; 8];
        eight[..chunk.len()].copy_from_slice(chunk);
        u64::from_le_bytes(eight)
    });
    of(std::iter::once(bytes.len() as u64).chain(chunks))
}

/// [`bytes`] of `buffer[..n]`, each eight bytes read whole from the buffer
/// (whatever follows `n` masked off) rather than copied into a zeroed word
/// one chunk at a time: the folder hashes every distinct word this way.
pub fn padded<const N: usize>(buffer: &[u8; N], n: usize) -> u64 {
    const { assert!(N % 8 == 0, "whole words only") };
    let mut h = fold(0, n as u64);
    let mut at = 0;
    while at < n {
        let x = u64::from_le_bytes(buffer[at..at + 8].try_into().unwrap());
        h = fold(h, x & (u64::MAX >> (64 - 8 * (n - at).min(8))));
        at += 8;
    }
    finish(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_words_hash_apart() {
        // every word of one to five letters over an alphabet of twelve
        // (271,452 words, more than a long text's vocabulary), the empty
        // word and every number below 300,000: the hash is u64 arithmetic
        // only, so what holds here holds in the wasm (where a 32-bit hash
        // would give some 38 collisions)
        let letters = b"aeinorstlcdu";
        let mut words: Vec<Vec<u8>> = vec![Vec::new()];
        let mut last = words.clone();
        for _ in 0..5 {
            last = last
                .iter()
                .flat_map(|w| letters.iter().map(move |&c| [w.as_slice(), &[c]].concat()))
                .collect();
            words.extend(last.iter().cloned());
        }
        words.extend((0..300_000u32).map(|n| n.to_string().into_bytes()));
        let mut hashes: Vec<u64> = words.iter().map(|w| bytes(w)).collect();
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(hashes.len(), words.len());
    }

    #[test]
    fn padded_hashes_as_bytes() {
        // every length of a buffer whose bytes past the word are not zero
        let mut buffer = [0xA5u8; 32];
        for (at, b) in buffer.iter_mut().enumerate().take(20) {
            *b = b"protesters' rally ok"[at];
        }
        for n in 0..=32 {
            assert_eq!(padded(&buffer, n), bytes(&buffer[..n]), "{n} bytes");
        }
    }

    #[test]
    fn sequences_of_keys_hash_apart() {
        // every sequence of one to three keys below 60, in every order
        let mut hashes = Vec::new();
        for a in 0..60u64 {
            hashes.push(of([a]));
            for b in 0..60u64 {
                hashes.push(of([a, b]));
                for c in 0..60u64 {
                    hashes.push(of([a, b, c]));
                }
            }
        }
        let n = hashes.len();
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(hashes.len(), n);
    }
}
