//! `compare_many` on arbitrary texts: every pairwise result lossless, the
//! matrix square with shares in [0, 1] and a diagonal of 1, determinism, no
//! panic, the time budget respected.
#![no_main]

#[path = "../../tests/common/mod.rs"]
mod common;
#[path = "../cpu_time.rs"]
mod cpu_time;

use cpu_time::cpu_ms;
use libfuzzer_sys::fuzz_target;
use wirediff::{Options, compare_many};

fuzz_target!(|texts: Vec<&str>| {
    let Some((source, versions)) = texts.split_first() else {
        return;
    };
    let versions = &versions[..versions.len().min(4)];
    let options = Options {
        time_budget_ms: 20,
        ..Options::default()
    };
    let started = cpu_ms();
    let many = compare_many(source, versions, &options).expect("inputs are within the size limit");
    let took = cpu_ms() - started;
    // Each comparison (source with each version, then each pair of versions)
    // has the whole budget; the margin is the same as the `compare` target's.
    let n = versions.len() + 1;
    let comparisons = (n * (n - 1) / 2) as u64;
    assert!(
        took <= comparisons * u64::from(options.time_budget_ms) + 1000,
        "took {took} ms of CPU for {comparisons} comparisons"
    );
    assert_eq!(many.results.len(), versions.len());
    for (result, version) in many.results.iter().zip(versions) {
        common::assert_lossless(source, version, result);
    }
    assert_eq!(many.matrix.len(), n);
    for (i, row) in many.matrix.iter().enumerate() {
        assert_eq!(row.len(), n);
        assert_eq!(row[i], 1.0);
        assert!(row.iter().all(|s| (0.0..=1.0).contains(s)), "{row:?}");
    }
    // Where the clock cut a comparison short, two runs may legitimately differ.
    let again = compare_many(source, versions, &options).unwrap();
    if many
        .results
        .iter()
        .chain(&again.results)
        .all(|r| !r.approximate)
    {
        assert_eq!(many.results, again.results, "not deterministic");
    }
});
