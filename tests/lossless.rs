//! Every diff is lossless: the ops rebuild both inputs exactly.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{assert_lossless, samples};
use proptest::prelude::*;
use wirediff::{Options, compare};

#[test]
fn every_pair_of_the_samples_rebuilds_both_texts() {
    let samples = samples();
    assert_eq!(samples.len(), 5);
    for (left_name, left) in &samples {
        for (right_name, right) in &samples {
            let result = compare(left, right, &Options::default())
                .unwrap_or_else(|e| panic!("{left_name} vs {right_name}: {e}"));
            assert_lossless(left, right, &result);
        }
    }
}

#[test]
fn every_option_keeps_the_diff_lossless() {
    let left = common::sample("001");
    let right = common::sample("000");
    for options in [
        Options {
            ignore_case: true,
            ..Options::default()
        },
        Options {
            ignore_punctuation: true,
            ..Options::default()
        },
        Options {
            unify_quotes: false,
            unify_dashes: false,
            unify_whitespace: false,
            ..Options::default()
        },
    ] {
        assert_lossless(&left, &right, &compare(&left, &right, &options).unwrap());
    }
}

#[test]
fn empty_inputs_give_empty_or_whole_ops() {
    assert!(compare("", "", &Options::default()).unwrap().ops.is_empty());
    assert_lossless(
        "",
        "new text",
        &compare("", "new text", &Options::default()).unwrap(),
    );
    assert_lossless(
        "old text",
        "",
        &compare("old text", "", &Options::default()).unwrap(),
    );
}

#[test]
fn an_input_above_the_limit_is_refused_with_a_clear_message() {
    let options = Options {
        max_input_bytes: 10,
        ..Options::default()
    };
    let error = compare("short", "a text longer than ten bytes", &options).unwrap_err();
    assert!(error.to_string().contains("right text"), "{error}");
}

fn texty() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("the ".to_string()),
            Just("Lukashenko".to_string()),
            Just(" ".to_string()),
            Just("\r\n".to_string()),
            Just("\n\n".to_string()),
            Just("“".to_string()),
            Just("\"".to_string()),
            Just("—".to_string()),
            Just("5,000".to_string()),
            Just("👩‍👩‍👧".to_string()),
            Just("e\u{301}".to_string()),
            Just("日本語".to_string()),
            Just("שלום".to_string()),
            Just("ภาษาไทย".to_string()),
            any::<char>().prop_map(String::from),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn random_texts_rebuild_exactly(left in texty(), right in texty(), budget in 0u32..3) {
        let options = Options { time_budget_ms: budget, ..Options::default() };
        let result = compare(&left, &right, &options).unwrap();
        assert_lossless(&left, &right, &result);
        let again = compare(&left, &right, &Options::default()).unwrap();
        prop_assert_eq!(&again, &compare(&left, &right, &Options::default()).unwrap());
    }
}
