//! `compare_many` on arbitrary texts: every pairwise result lossless, the
//! matrix square with shares in [0, 1] and a diagonal of 1, no panic.
#![no_main]

#[path = "../../tests/common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use wirediff::{Options, compare_many};

fuzz_target!(|texts: Vec<&str>| {
    let Some((source, versions)) = texts.split_first() else { return };
    let versions = &versions[..versions.len().min(4)];
    let options = Options { time_budget_ms: 20, ..Options::default() };
    let many = compare_many(source, versions, &options).expect("inputs are within the size limit");
    assert_eq!(many.results.len(), versions.len());
    for (result, version) in many.results.iter().zip(versions) {
        common::assert_lossless(source, version, result);
    }
    let n = versions.len() + 1;
    assert_eq!(many.matrix.len(), n);
    for (i, row) in many.matrix.iter().enumerate() {
        assert_eq!(row.len(), n);
        assert_eq!(row[i], 1.0);
        assert!(row.iter().all(|s| (0.0..=1.0).contains(s)), "{row:?}");
    }
});
