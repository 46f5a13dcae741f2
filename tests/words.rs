//! The word segmenter of src/text/words.rs gives exactly the boundaries of
//! `unicode-segmentation`, whose tables it re-encodes.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;
use wirediff::internals::word_bounds;

fn same_as_unicode_segmentation(text: &str) -> Result<(), String> {
    if word_bounds(text).eq(text.split_word_bound_indices()) {
        return Ok(());
    }
    let ours: Vec<(usize, &str)> = word_bounds(text).collect();
    let theirs: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
    Err(format!("{text:?}: {ours:?} != {theirs:?}"))
}

/// Every char alone and in contexts that tell each word-break category
/// apart (and Extended_Pictographic from the rest), so that a char in the
/// wrong category shows.
#[test]
fn every_char_breaks_as_unicode_segmentation_has_it() {
    let contexts = [
        "{}",
        "{}{}",
        "{}{}{}",
        "a{}",
        "{}a",
        "a{}a",
        "1{}1",
        "1{}",
        "\u{5D0}{}",
        "\u{5D0}{}\u{5D0}",
        "\u{30A2}{}",
        "{}\u{30A2}",
        "_{}",
        "{}\u{308}",
        "\u{200D}{}",
        "\r{}",
        "{} ",
    ];
    let mut failures = Vec::new();
    let mut text = String::new();
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        for context in contexts {
            text.clear();
            for (i, part) in context.split("{}").enumerate() {
                if i > 0 {
                    text.push(c);
                }
                text.push_str(part);
            }
            if let Err(e) = same_as_unicode_segmentation(&text) {
                failures.push(e);
            }
        }
        assert!(failures.len() < 20, "{failures:#?}");
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// One char of each category and a few that interact, in any order.
fn word_texts() -> impl Strategy<Value = String> {
    let pool: Vec<char> = [
        "aZé\u{5D0}\u{5D1}\u{30A2}\u{30FC}0٣_\u{202F}.,;:'\"’\u{B7}",
        "\u{308}\u{301}\u{200D}\u{200B}\u{AD}\u{FE0F}",
        "🇧🇾👩👧☀✌🏽",
        " \u{3000}\t\r\n\u{85}\u{2028}",
        "-$%()\u{E01}\u{E34}\u{4E2D}\u{65E5}",
    ]
    .concat()
    .chars()
    .collect();
    proptest::collection::vec(proptest::sample::select(pool), 0..24)
        .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn text_breaks_as_unicode_segmentation_has_it(text in word_texts()) {
        same_as_unicode_segmentation(&text).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn any_text_breaks_as_unicode_segmentation_has_it(text in "\\PC{0,40}") {
        same_as_unicode_segmentation(&text).map_err(TestCaseError::fail)?;
    }
}
