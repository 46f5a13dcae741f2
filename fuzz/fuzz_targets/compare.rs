//! `compare` on arbitrary texts and options: lossless ops, valid ordered
//! spans, determinism, no panic, the time budget respected.
#![no_main]

#[path = "../../tests/common/mod.rs"]
mod common;
#[path = "../cpu_time.rs"]
mod cpu_time;

use arbitrary::Arbitrary;
use cpu_time::cpu_ms;
use libfuzzer_sys::fuzz_target;
use wirediff::{Options, compare};

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    left: &'a str,
    right: &'a str,
    ignore_case: bool,
    unify_quotes: bool,
    unify_dashes: bool,
    unify_whitespace: bool,
    ignore_punctuation: bool,
    budget_ms: u8,
}

fuzz_target!(|input: Input| {
    let options = Options {
        ignore_case: input.ignore_case,
        unify_quotes: input.unify_quotes,
        unify_dashes: input.unify_dashes,
        unify_whitespace: input.unify_whitespace,
        ignore_punctuation: input.ignore_punctuation,
        time_budget_ms: u32::from(input.budget_ms % 50),
        ..Options::default()
    };
    let started = cpu_ms();
    let result =
        compare(input.left, input.right, &options).expect("inputs are within the size limit");
    let took = cpu_ms() - started;
    // The budget bounds the work after which the engine settles; what is left
    // (ops, stats) is linear. A generous margin keeps the check about runaways.
    assert!(
        took <= u64::from(options.time_budget_ms) + 1000,
        "took {took} ms of CPU"
    );
    common::assert_lossless(input.left, input.right, &result);
    // Where the clock cut the work short, two runs may legitimately differ.
    let again = compare(input.left, input.right, &options).unwrap();
    if !result.approximate && !again.approximate {
        assert_eq!(result, again, "not deterministic");
    }
});
