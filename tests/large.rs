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

/// `text` with one word in `every` replaced.
fn one_word_in(text: &str, every: usize) -> String {
    let mut n = 0;
    text.split(' ')
        .map(|w| {
            n += 1;
            if n % every == 0 && w.chars().all(char::is_alphabetic) && !w.is_empty() {
                "altered"
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_budget_that_runs_out_does_not_flip_the_verdict() {
    // The case is 32 MB; 1 and 2 MB prove the same in a test's time:
    // past the deadline the unreached sentences are estimated, not new.
    for (mb, budget_ms) in [(1, 0), (2, 20)] {
        let (left, _) = common::rewrite_pair(mb * 1_000_000);
        let right = one_word_in(&left, 50);
        let finished = compare(
            &left[..200_000.min(left.len())],
            &right[..200_000.min(right.len())],
            &Options::default(),
        )
        .unwrap();
        assert_eq!(finished.stats.verdict, Verdict::WhollyDerived);
        let options = Options {
            time_budget_ms: budget_ms,
            ..Options::default()
        };
        let result = compare(&left, &right, &options).unwrap();
        common::assert_lossless(&left, &right, &result);
        assert!(result.approximate, "{mb} MB");
        assert!(result.stats.estimated, "{mb} MB");
        assert_eq!(result.stats.verdict, Verdict::WhollyDerived, "{mb} MB");
        assert!(
            result.stats.new_share < 0.1,
            "{mb} MB: {}",
            result.stats.new_share
        );
    }
}

#[test]
fn an_unrelated_text_stays_not_derived_when_the_budget_runs_out() {
    let left = common::sample("001").repeat(20);
    let right = common::sample("002").repeat(20);
    let options = Options {
        time_budget_ms: 0,
        ..Options::default()
    };
    let result = compare(&left, &right, &options).unwrap();
    assert!(result.stats.estimated);
    assert_eq!(result.stats.verdict, Verdict::NotDerived);
}
