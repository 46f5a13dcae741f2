//! Partition points found near a hint.
//!
//! The report looks up atoms and units by byte offset for every op and
//! every quotation, which come almost in text order. A plain binary search
//! over a long text's atoms misses the cache on nearly every step; galloping
//! from the last answer touches a few neighbouring entries instead, and
//! gives exactly what `partition_point` gives.

/// The index of the first item for which `pred` is false, as
/// [`slice::partition_point`] gives it (`pred` true for a prefix of
/// `items`, false after), searched outwards from `hint`.
pub fn partition_near<T>(items: &[T], hint: usize, pred: impl Fn(&T) -> bool) -> usize {
    let at = hint.min(items.len());
    let (mut lo, mut hi);
    if at < items.len() && pred(&items[at]) {
        // the answer is after `at`
        (lo, hi) = (at + 1, items.len());
        let mut step = 1;
        while lo + step <= items.len() {
            let probe = lo + step - 1;
            if !pred(&items[probe]) {
                hi = probe;
                break;
            }
            lo = probe + 1;
            step *= 2;
        }
    } else {
        // the answer is at or before `at`
        (lo, hi) = (0, at);
        let mut step = 1;
        while step <= hi {
            let probe = hi - step;
            if pred(&items[probe]) {
                lo = probe + 1;
                break;
            }
            hi = probe;
            step *= 2;
        }
    }
    lo + items[lo..hi].partition_point(pred)
}

#[cfg(test)]
mod tests {
    use super::partition_near;

    #[test]
    fn agrees_with_partition_point_from_every_hint() {
        let items: Vec<u32> = (0..50).map(|i| i * 3).collect();
        for len in [0, 1, 2, 7, 50] {
            let items = &items[..len];
            for target in 0..160 {
                let expected = items.partition_point(|&x| x < target);
                for hint in 0..len + 3 {
                    assert_eq!(
                        partition_near(items, hint, |&x| x < target),
                        expected,
                        "len {len} target {target} hint {hint}"
                    );
                }
            }
        }
    }
}
