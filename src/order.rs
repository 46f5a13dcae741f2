//! Sorting by packed `u64` keys. Each element type sorted with its own
//! comparator is one more copy of the sort in the wasm (several kilobytes
//! each); packing keys into `u64`s keeps one.

/// The indices of `keys` in ascending key order, ties by index. A key and
/// an index must fit in 64 bits together (keys below 2^33 and fewer than
/// 2^31 of them, say); a key too large is clamped.
pub fn by_key(keys: impl ExactSizeIterator<Item = u64>) -> Vec<usize> {
    let index_bits = (usize::BITS - keys.len().leading_zeros()).max(1);
    let max_key = u64::MAX >> index_bits;
    let mut packed: Vec<u64> = keys
        .enumerate()
        .map(|(i, k)| (k.min(max_key) << index_bits) | i as u64)
        .collect();
    packed.sort_unstable();
    packed
        .into_iter()
        .map(|p| (p & ((1 << index_bits) - 1)) as usize)
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn orders_by_key_then_index() {
        assert_eq!(super::by_key([3, 1, 3, 0].into_iter()), [3, 1, 0, 2]);
    }
}
