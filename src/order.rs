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

/// Reorders `items` by `key` (ascending, ties in their order), through
/// [`by_key`]'s one sort.
pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let order = by_key(items.iter().map(&key).collect::<Vec<u64>>().into_iter());
    let mut taken: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(
        order
            .into_iter()
            .map(|k| taken[k].take().expect("each index once")),
    );
}

/// A key that orders scores (0..1) from the highest down.
pub fn descending(score: f64) -> u64 {
    ((1.0 - score.clamp(0.0, 1.0)) * 1_000_000.0) as u64
}

#[cfg(test)]
mod tests {
    #[test]
    fn orders_by_key_then_index() {
        assert_eq!(super::by_key([3, 1, 3, 0].into_iter()), [3, 1, 0, 2]);
        let mut v = vec!["c", "a", "b", "a2"];
        super::sort_by_key(&mut v, |s| u64::from(s.as_bytes()[0]));
        assert_eq!(v, ["a", "a2", "b", "c"]);
    }
}
