//! Byte offsets to UTF-16 offsets, the unit JavaScript strings index by.

const BLOCK: usize = 16;

/// Converts byte offsets of one text (on char boundaries) to UTF-16 offsets,
/// counting at most 15 bytes per lookup, with one counter stored per 16
/// bytes (a quarter of the text's size; the report looks up hundreds of
/// thousands of offsets in a long text).
pub struct Utf16Index<'a> {
    bytes: &'a [u8],
    /// UTF-16 offset at the start of each block; empty for ASCII text,
    /// where the two offsets agree.
    blocks: Vec<u32>,
}

impl<'a> Utf16Index<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let blocks = if text.is_ascii() {
            Vec::new()
        } else {
            let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 2);
            let mut units = 0u32;
            let mut whole = bytes.chunks_exact(BLOCK);
            for block in whole.by_ref() {
                blocks.push(units);
                let (a, b) = block.split_at(8);
                units += word_units(a) + word_units(b);
            }
            // the start of the last, partial block (or the end)
            blocks.push(units);
            blocks
        };
        Utf16Index { bytes, blocks }
    }

    /// The UTF-16 offset of byte offset `at`.
    pub fn at(&self, at: usize) -> usize {
        if self.blocks.is_empty() {
            return at;
        }
        let block = at / BLOCK;
        let start = block * BLOCK;
        let mut units = self.blocks[block];
        // the bytes before `at` in its block, eight at a time
        let (mut from, mut left) = (start, at - start);
        if left >= 8 {
            units += word_units(&self.bytes[from..from + 8]);
            (from, left) = (from + 8, left - 8);
        }
        if left > 0 {
            units += head_units(&self.bytes[from..], left);
        }
        units as usize
    }
}

/// [`count_units`] of the first `n` bytes of `bytes` (1 to 7 of them): a
/// word read whole where the text holds eight bytes, its bytes past `n`
/// cleared (each cleared byte counts one, taken off after).
fn head_units(bytes: &[u8], n: usize) -> u32 {
    debug_assert!((1..8).contains(&n) && n <= bytes.len());
    let mut word = [0u8; 8];
    match bytes.get(..8) {
        Some(eight) => word.copy_from_slice(eight),
        None => word[..n].copy_from_slice(&bytes[..n]),
    }
    let kept = u64::from_le_bytes(word) & (u64::MAX >> (8 * (8 - n)));
    word_units(&kept.to_le_bytes()) - (8 - n as u32)
}

/// UTF-16 units in whole characters: one per lead byte, two for the lead
/// byte of a 4-byte sequence (a surrogate pair). A chunk that ends inside a
/// character still counts that character once, at its lead byte. Eight
/// bytes at a time: each byte counts one, none if it is a continuation byte
/// (`10xxxxxx`), two if it leads four bytes (`11110xxx`). The reference
/// [`head_units`] is tested against.
#[cfg(test)]
fn count_units(bytes: &[u8]) -> u32 {
    let mut words = bytes.chunks_exact(8);
    let units: u32 = words.by_ref().map(word_units).sum();
    units
        + words
            .remainder()
            .iter()
            .map(|&b| match b {
                0x80..=0xBF => 0,
                0xF0..=0xFF => 2,
                _ => 1,
            })
            .sum::<u32>()
}

/// [`count_units`] of eight bytes.
fn word_units(word: &[u8]) -> u32 {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    // Each byte's bits 6, 5 and 4 shifted onto its bit 7 (bits crossing into
    // the next byte land below its bit 7, masked off by HIGH).
    let w = u64::from_le_bytes(word.try_into().expect("eight bytes"));
    let continuation = (w & !(w << 1) & HIGH) >> 7;
    let four = (w & (w << 1) & (w << 2) & (w << 3) & HIGH) >> 7;
    // per byte 0, 1 or 2; the multiplication sums the bytes into the top one
    let counts = ONES - continuation + four;
    (counts.wrapping_mul(ONES) >> 56) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_units_counts_as_count_units() {
        let text = "a—“é”🇧🇾 naïve 日本 x\u{301}".as_bytes();
        for from in 0..text.len() {
            for n in 1..8.min(text.len() - from + 1) {
                let rest = &text[from..];
                assert_eq!(head_units(rest, n), count_units(&rest[..n]), "{from} {n}");
            }
        }
    }

    #[test]
    fn agrees_with_encode_utf16_everywhere() {
        let long = "Tsikhanouskaya — “Go away!” 🇧🇾 naïve 日本 ".repeat(9);
        // every length, so that texts end inside a block and on its edge
        for (end, _) in long.char_indices().rev().take(80) {
            let text = &long[..end];
            let index = Utf16Index::new(text);
            for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
                assert_eq!(
                    index.at(at),
                    text[..at].encode_utf16().count(),
                    "at byte {at} of {}",
                    text.len()
                );
            }
        }
    }
}
