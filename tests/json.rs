//! One schema: the JSON the binding hands to `JSON.parse` (written by hand
//! in `report::json`) is exactly what serde gives the CLI's `--json`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use wirediff::report::json::ToJson;
use wirediff::{Options, compare, compare_many};

fn assert_same_json(value: &(impl ToJson + serde::Serialize)) {
    let by_hand: serde_json::Value = serde_json::from_str(&value.to_json()).expect("valid JSON");
    let by_serde = serde_json::to_value(value).unwrap();
    assert_eq!(by_hand, by_serde);
}

#[test]
fn every_pair_of_the_samples_serialises_alike() {
    let samples = common::samples();
    for (_, left) in &samples {
        for (_, right) in &samples {
            assert_same_json(&compare(left, right, &Options::default()).unwrap());
        }
    }
}

#[test]
fn compare_many_and_odd_texts_serialise_alike() {
    let ap = common::sample("001");
    let versions: Vec<String> = common::samples().into_iter().map(|(_, t)| t).collect();
    let refs: Vec<&str> = versions.iter().map(String::as_str).collect();
    assert_same_json(&compare_many(&ap, &refs, &Options::default()).unwrap());
    for (a, b) in [
        ("", ""),
        ("\"quoted\\\" \u{1}\t\r\n", "tab\there \u{7f} “x”"),
        ("Svetlana said 5", "Sviatlana said 6"),
    ] {
        assert_same_json(&compare(a, b, &Options::default()).unwrap());
    }
}
