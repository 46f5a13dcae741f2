//! Every diff is lossless: the ops rebuild both inputs exactly.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{assert_lossless, samples};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use wirediff::internals::{tokenize, tokenize_unicode};
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
            Just(". ".to_string()),
            Just("Mr. ".to_string()),
            Just("U.S. ".to_string()),
            Just("\r\n".to_string()),
            Just("\n\n".to_string()),
            Just("\n".to_string()),
            Just("“".to_string()),
            Just("”".to_string()),
            Just("\"".to_string()),
            Just("—".to_string()),
            Just("5,000".to_string()),
            Just("👩‍👩‍👧".to_string()),
            Just("🇧🇾".to_string()),
            Just("e\u{301}".to_string()),
            Just("\u{301}".to_string()),
            Just("日本語".to_string()),
            Just("白俄罗斯总统".to_string()),
            Just("שלום עולם".to_string()),
            Just("مرحبا بالعالم".to_string()),
            Just("ภาษาไทย".to_string()),
            Just("Read also: ".to_string()),
            Just("MINSK, KOMPAS.com - ".to_string()),
            Just("(AP) ".to_string()),
            any::<char>().prop_map(String::from),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

/// Sentences, for a source and a version made of some of them, reordered
/// and edited: what exercises matching and moves.
fn story() -> impl Strategy<Value = (String, String)> {
    let sentence = prop_oneof![
        Just("Workers heckled President Lukashenko on Monday. "),
        Just("He told the workers: “I will never cave in to pressure.”\n\n"),
        Just("Over 5,000 workers marched. "),
        Just("Read also: Protests in Belarus\n"),
        Just("The strikes follow peaceful demonstrations last week.\n"),
        Just("“We don't want that,” he said. "),
        Just("Miners in Soligorsk joined the strike.\r\n"),
        Just("白俄罗斯总统卢卡申科。"),
        Just("He said. "),
    ];
    (
        prop::collection::vec(sentence, 0..12),
        prop::collection::vec((0usize..12, 0u8..4), 0..12),
    )
        .prop_map(|(left, picks)| {
            let right: Vec<String> = picks
                .iter()
                .filter(|(i, _)| *i < left.len())
                .map(|&(i, edit)| match edit {
                    0 => left[i].replace("workers", "employees"),
                    1 => left[i].replace("5,000", "6,000").replace('“', "\""),
                    _ => left[i].to_string(),
                })
                .collect();
            (left.concat(), right.concat())
        })
}

/// What every comparison must satisfy.
fn check(left: &str, right: &str, options: &Options) -> Result<(), TestCaseError> {
    let result = compare(left, right, options).unwrap();
    assert_lossless(left, right, &result);
    // Sentences and paragraphs tile both texts.
    for (text, sentences, paragraphs) in [
        (
            left,
            result
                .left
                .sentences
                .iter()
                .map(|s| s.span)
                .collect::<Vec<_>>(),
            &result.left.paragraphs,
        ),
        (
            right,
            result
                .right
                .sentences
                .iter()
                .map(|s| s.span)
                .collect::<Vec<_>>(),
            &result.right.paragraphs,
        ),
    ] {
        let length = text.encode_utf16().count();
        for spans in [&sentences, paragraphs] {
            let mut at = 0;
            for span in spans.iter() {
                prop_assert_eq!(span.start, at);
                prop_assert!(span.end > span.start);
                at = span.end;
            }
            prop_assert_eq!(at, length);
        }
    }
    // Sources point at sentences of the other text, strongest first, and
    // their shared words lie in both sentences, equal up to case, in this
    // sentence's reading order.
    let (l16, r16): (Vec<u16>, Vec<u16>) = (
        left.encode_utf16().collect(),
        right.encode_utf16().collect(),
    );
    let text = |units: &[u16], span: wirediff::Span| {
        String::from_utf16_lossy(&units[span.start..span.end])
    };
    let within = |inner: wirediff::Span, outer: wirediff::Span| {
        inner.start < inner.end && outer.start <= inner.start && inner.end <= outer.end
    };
    for (k, sentence) in result.right.sentences.iter().enumerate() {
        prop_assert_eq!(
            sentence.matched,
            sentence.sources.first().map(|x| x.sentence)
        );
        for pair in sentence.sources.windows(2) {
            prop_assert!(pair[0].score >= pair[1].score);
        }
        prop_assert!(common::each_source_once(&sentence.sources));
        for source in &sentence.sources {
            prop_assert!((0.0..=1.0).contains(&source.score));
            let other = result.left.sentences[source.sentence].span;
            let mut at = sentence.span.start;
            for w in &source.words {
                prop_assert!(
                    within(w.right, sentence.span),
                    "right sentence {}: {:?}",
                    k,
                    w
                );
                prop_assert!(within(w.left, other), "right sentence {}: {:?}", k, w);
                prop_assert!(w.right.start >= at);
                at = w.right.end;
                // the same letters and digits, case aside (whitespace and
                // punctuation may differ as the options allow)
                let letters = |t: String| {
                    t.chars()
                        .filter(|c| c.is_alphanumeric())
                        .flat_map(char::to_lowercase)
                        .collect::<String>()
                };
                if !options.ignore_punctuation {
                    prop_assert_eq!(letters(text(&l16, w.left)), letters(text(&r16, w.right)));
                }
            }
            // the link is listed on the other side too
            prop_assert!(
                result.left.sentences[source.sentence]
                    .sources
                    .iter()
                    .any(|x| x.sentence == k)
            );
        }
    }
    for sentence in &result.left.sentences {
        for source in &sentence.sources {
            let other = result.right.sentences[source.sentence].span;
            let mut at = sentence.span.start;
            for w in &source.words {
                prop_assert!(within(w.left, sentence.span) && within(w.right, other));
                prop_assert!(w.left.start >= at);
                at = w.left.end;
            }
        }
    }
    // Shares are shares.
    let s = &result.stats;
    for share in [
        s.verbatim_share,
        s.edited_share,
        s.paraphrased_share,
        s.derived_share,
        s.new_share,
        s.reused_share,
        s.source_reused_share,
    ] {
        prop_assert!((0.0..=1.0).contains(&share));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn random_texts_rebuild_exactly(left in texty(), right in texty()) {
        check(&left, &right, &Options::default())?;
    }

    #[test]
    fn reordered_and_edited_stories_rebuild_exactly((left, right) in story()) {
        check(&left, &right, &Options::default())?;
    }

    #[test]
    fn merged_and_split_stories_rebuild_exactly((left, right) in story(), flags in 0u8..32, joins in prop::collection::vec(0usize..400, 0..6)) {
        // join some sentences of the version (". X" → ", and x") and split
        // others (", " → ". "): what makes blocks of several sentences
        let mut right = right;
        for at in joins {
            let Some(pos) = right.get(at.min(right.len())..).and_then(|rest| rest.find(". ")).map(|p| p + at.min(right.len())) else { continue };
            if at % 2 == 0 {
                right.replace_range(pos..pos + 2, ", and ");
            } else if let Some(comma) = right[..pos].rfind(", ") {
                right.replace_range(comma..comma + 2, ". ");
            }
        }
        let options = Options {
            ignore_case: flags & 1 != 0,
            ignore_punctuation: flags & 2 != 0,
            unify_quotes: flags & 4 != 0,
            unify_dashes: flags & 8 != 0,
            unify_whitespace: flags & 16 != 0,
            ..Options::default()
        };
        check(&left, &right, &options)?;
    }

    #[test]
    fn a_zero_budget_still_rebuilds_exactly(left in texty(), right in texty(), (l2, r2) in story()) {
        let rushed = Options { time_budget_ms: 0, ..Options::default() };
        check(&left, &right, &rushed)?;
        check(&l2, &r2, &rushed)?;
        prop_assert!(compare(&l2, &r2, &rushed).unwrap().approximate || l2.is_empty() || r2.is_empty());
    }

    #[test]
    fn every_option_keeps_it_exact(left in texty(), right in texty(), flags in 0u8..32) {
        let options = Options {
            ignore_case: flags & 1 != 0,
            ignore_punctuation: flags & 2 != 0,
            unify_quotes: flags & 4 != 0,
            unify_dashes: flags & 8 != 0,
            unify_whitespace: flags & 16 != 0,
            ..Options::default()
        };
        check(&left, &right, &options)?;
    }

    #[test]
    fn the_same_inputs_give_the_same_result((left, right) in story(), a in texty()) {
        let options = Options::default();
        prop_assert_eq!(compare(&left, &right, &options).unwrap(), compare(&left, &right, &options).unwrap());
        prop_assert_eq!(compare(&a, &left, &options).unwrap(), compare(&a, &left, &options).unwrap());
    }

    #[test]
    fn the_ascii_tokenizer_agrees_with_the_unicode_segmenter(
        text in "[a-zA-Z0-9_.,;:'\" \t\r\n$()\\-]{0,60}"
    ) {
        prop_assert_eq!(tokenize(&text), tokenize_unicode(&text));
    }

    #[test]
    fn runs_outside_ascii_agree_with_the_unicode_segmenter(
        text in "[a-z0-9.,:'$ \n\u{a0}é’€—日ไ]{0,40}"
    ) {
        prop_assert_eq!(tokenize(&text), tokenize_unicode(&text));
    }
}
