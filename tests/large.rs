//! A large pair built from the samples ([`common::rewrite_pair`]). It checks
//! the result, and prints the time:
//! `cargo test --release --test large -- --nocapture` (1 MB a side;
//! `WIREDIFF_LARGE_MB=4` for 4 MB).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::time::Instant;

use wirediff::{Options, RightLabel, Verdict, compare};

#[test]
fn a_large_rewrite_is_compared_in_full() {
    let mb: usize = std::env::var("WIREDIFF_LARGE_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let (left, right) = common::rewrite_pair(mb * 1_000_000);
    let options = Options {
        time_budget_ms: 600_000,
        ..Options::default()
    };
    let start = Instant::now();
    let result = compare(&left, &right, &options).unwrap();
    eprintln!(
        "{:.1} MB against {:.1} MB: {:?} ({} ops, {} moves)",
        left.len() as f64 / 1e6,
        right.len() as f64 / 1e6,
        start.elapsed(),
        result.ops.len(),
        result.moves.len()
    );
    common::assert_lossless(&left, &right, &result);
    assert!(!result.approximate);
    assert_eq!(result.stats.verdict, Verdict::WhollyDerived);
    assert!(result.moves.len() > 10, "{}", result.moves.len());
    let count = |label| {
        result
            .right
            .sentences
            .iter()
            .filter(|s| s.label == label)
            .count()
    };
    assert!(count(RightLabel::Edited) > 10);
    assert!(count(RightLabel::Boilerplate) > 10);
    assert!(result.stats.verbatim_share > 0.7);
}
