//! Sorting by packed `u64` keys. Each element type sorted with its own
//! comparator is one more copy of the sort in the wasm (several kilobytes
//! each); packing keys into `u64`s keeps one.

/// The indices of `keys` in ascending key order, ties by index. A key and
/// an index must fit in 64 bits together (keys below 2^33 and fewer than
/// 2^31 of them, say); a key too large is clamped.
pub fn by_key(keys: impl ExactSizeIterator<Item = u64>) -> Vec<usize> {
    sorted(keys.collect())
}

/// [`by_key`] once in the wasm, whatever iterator the keys came from.
#[inline(never)]
fn sorted(mut packed: Vec<u64>) -> Vec<usize> {
    let index_bits = (usize::BITS - packed.len().leading_zeros()).max(1);
    let max_key = u64::MAX >> index_bits;
    for (i, k) in packed.iter_mut().enumerate() {
        *k = ((*k).min(max_key) << index_bits) | i as u64;
    }
    packed.sort_unstable();
    packed
        .into_iter()
        .map(|p| (p & ((1 << index_bits) - 1)) as usize)
        .collect()
}

/// Reorders `items` by `key` (ascending, ties in their order), through
/// [`by_key`]'s one sort. Only the swaps are done per element type: the
/// order and the swaps that make it are worked out once for all.
pub fn sort_by_key<T>(items: &mut [T], key: impl Fn(&T) -> u64) {
    for (a, b) in swaps(sorted(items.iter().map(key).collect())) {
        items.swap(a as usize, b as usize);
    }
}

/// The swaps, in turn, that put the item at index `order[k]` at `k`.
#[inline(never)]
fn swaps(order: Vec<usize>) -> Vec<(u32, u32)> {
    // at[p]: the item now at place p; place[i]: where item i now is
    let mut at: Vec<u32> = (0..order.len() as u32).collect();
    let mut place = at.clone();
    let mut out = Vec::new();
    for (k, &item) in order.iter().enumerate() {
        let p = place[item];
        if p as usize != k {
            out.push((k as u32, p));
            let moved = at[k];
            at[p as usize] = moved;
            place[moved as usize] = p;
            at[k] = item as u32;
            place[item] = k as u32;
        }
    }
    out
}

/// Sorts `values` ascending through the one `u64` sort.
pub fn sort_u32(values: &mut [u32]) {
    let mut wide: Vec<u64> = values.iter().map(|&v| u64::from(v)).collect();
    wide.sort_unstable();
    for (v, w) in values.iter_mut().zip(wide) {
        *v = w as u32;
    }
}

/// A key that orders scores (0..1) from the highest down.
pub fn descending(score: f64) -> u64 {
    ((1.0 - score.clamp(0.0, 1.0)) * 1_000_000.0) as u64
}

/// Sorts the array `$a` in place in a `const` item, where the slice sorts
/// cannot run: an insertion sort, for the short lists packed at compile time.
macro_rules! const_sort {
    ($a:ident) => {{
        let mut i = 1;
        while i < $a.len() {
            let mut j = i;
            while j > 0 && $a[j - 1] > $a[j] {
                let t = $a[j];
                $a[j] = $a[j - 1];
                $a[j - 1] = t;
                j -= 1;
            }
            i += 1;
        }
    }};
}
pub(crate) use const_sort;

#[cfg(test)]
mod tests {
    #[test]
    fn orders_by_key_then_index() {
        assert_eq!(super::by_key([3, 1, 3, 0].into_iter()), [3, 1, 0, 2]);
        let mut v = vec!["c", "a", "b", "a2"];
        super::sort_by_key(&mut v, |s| u64::from(s.as_bytes()[0]));
        assert_eq!(v, ["a", "a2", "b", "c"]);
        let mut w: Vec<u32> = (0..50).map(|x| (x * 37) % 50).collect();
        super::sort_by_key(&mut w, |&x| u64::from(x / 5));
        let mut expected: Vec<u32> = (0..50).map(|x| (x * 37) % 50).collect();
        expected.sort_by_key(|&x| x / 5);
        assert_eq!(w, expected);
        let mut x = [u32::MAX, 7, 0, 7, 3];
        super::sort_u32(&mut x);
        assert_eq!(x, [0, 3, 7, 7, u32::MAX]);
    }
}
