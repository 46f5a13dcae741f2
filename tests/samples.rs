//! The engine on the real samples: what an editor would check first.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{assert_lossless, sample};
use wirediff::internals::STRONG;
use wirediff::{Comparison, LeftLabel, OpKind, Options, RightLabel, Verdict, compare};

fn slice(text: &str, span: wirediff::Span) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[span.start..span.end]).unwrap()
}

/// Labels of the right sentences in the paragraph that starts with `start`.
fn right_paragraph_labels(right: &str, result: &Comparison, start: &str) -> Vec<RightLabel> {
    let p = result
        .right
        .paragraphs
        .iter()
        .position(|p| slice(right, *p).trim_start().starts_with(start))
        .unwrap_or_else(|| panic!("no paragraph starts with {start:?}"));
    result
        .right
        .sentences
        .iter()
        .filter(|s| s.paragraph == p)
        .map(|s| s.label)
        .collect()
}

/// Labels of the left sentences whose text starts with `start`.
fn left_labels_starting(left: &str, result: &Comparison, start: &str) -> Vec<LeftLabel> {
    result
        .left
        .sentences
        .iter()
        .filter(|s| slice(left, s.span).trim_start().starts_with(start))
        .map(|s| s.label)
        .collect()
}

#[test]
fn kompas_against_ap_is_partially_derived_with_the_expected_labels() {
    let (ap, kompas) = (sample("001"), sample("000"));
    let result = compare(&ap, &kompas, &Options::default()).unwrap();
    assert_lossless(&ap, &kompas, &result);

    for start in [
        "He told the workers: “I will never cave in",
        "Lukashenko said the country could have",
        "He told the factory workers",
        "“Some of you might have got",
        "As he spoke, over 5,000",
    ] {
        let labels = right_paragraph_labels(&kompas, &result, start);
        assert!(!labels.is_empty());
        assert!(
            labels.iter().all(|l| *l == RightLabel::Verbatim),
            "{start}: {labels:?}"
        );
    }
    for start in [
        "“There will be no new election until you kill me",
        "He said the demonstrators have been",
    ] {
        assert_eq!(
            right_paragraph_labels(&kompas, &result, start),
            [RightLabel::New],
            "{start}"
        );
    }
    // Linked as before the source map: an edit of AP's sentence.
    for (start, source) in [
        (
            "The strikes follow peaceful post-election demonstrations",
            "The strikes follow a brutal dispersal",
        ),
        (
            "At least 7,000 were detained",
            "At least 7,000 were detained by riot police",
        ),
    ] {
        let s = right_sentence(&kompas, &result, start);
        assert_eq!(s.label, RightLabel::Edited, "{start}");
        let m = s.matched.expect("linked");
        assert!(
            slice(&ap, result.left.sentences[m].span).starts_with(source),
            "{start}"
        );
    }

    // Boilerplate: Kompas's two Read also: lines; AP's Also Read | lines and footer.
    let read_also: Vec<_> = result
        .right
        .sentences
        .iter()
        .filter(|s| slice(&kompas, s.span).starts_with("Read also:"))
        .collect();
    assert_eq!(read_also.len(), 2);
    for s in read_also {
        assert_eq!(s.label, RightLabel::Boilerplate);
        assert_eq!(
            s.boilerplate_rule,
            Some(wirediff::BoilerplateRule::ReadAlso)
        );
    }
    let also_read = left_labels_starting(&ap, &result, "Also Read |");
    assert_eq!(also_read, [LeftLabel::Boilerplate, LeftLabel::Boilerplate]);
    assert_eq!(
        left_labels_starting(
            &ap,
            &result,
            "(This is an unedited and auto-generated story"
        ),
        [LeftLabel::Boilerplate]
    );
    // Their ops carry the flag.
    for op in &result.ops {
        if slice(&ap, op.left).contains("Also Read |") {
            assert!(op.boilerplate, "{op:?}");
        }
    }

    // The verdict.
    assert_eq!(result.stats.verdict, Verdict::PartiallyDerived);
}

/// The right sentence that starts with `start`.
fn right_sentence<'r>(
    right: &str,
    result: &'r Comparison,
    start: &str,
) -> &'r wirediff::Sentence<RightLabel> {
    result
        .right
        .sentences
        .iter()
        .find(|s| slice(right, s.span).trim_start().starts_with(start))
        .unwrap_or_else(|| panic!("no sentence starts with {start:?}"))
}

#[test]
fn kompas_rewritten_lede_is_traced_to_aps_first_two_sentences() {
    let (ap, kompas) = (sample("001"), sample("000"));
    let result = compare(&ap, &kompas, &Options::default()).unwrap();
    // AP's first two sentences (after the dateline)
    let lede: Vec<usize> = ["Workers heckled and jeered", "On the ninth straight day"]
        .iter()
        .map(|start| {
            result
                .left
                .sentences
                .iter()
                .position(|s| slice(&ap, s.span).trim_start().starts_with(start))
                .unwrap()
        })
        .collect();
    for start in [
        "President Alexander Lukashenko is coming under immense pressure",
        "Protestors are calling the results",
        "Alexander Lukashenko flew by helicopter",
        "Angry workers chanting",
        "Factory workers also heckled and jeered",
    ] {
        let s = right_sentence(&kompas, &result, start);
        assert!(
            matches!(s.label, RightLabel::Paraphrased | RightLabel::Edited),
            "{start}: {:?}",
            s.label
        );
        assert!(!s.sources.is_empty(), "{start}");
        assert!(
            lede.contains(&s.sources[0].sentence),
            "{start}: {:?}",
            s.sources
        );
        assert_eq!(s.matched, Some(s.sources[0].sentence));
        // the shared words are AP's lede words
        let words = &s.sources[0].words;
        assert!(!words.is_empty(), "{start}");
        for w in words {
            assert_eq!(
                slice(&ap, w.left).to_lowercase(),
                slice(&kompas, w.right).to_lowercase(),
                "{start}"
            );
        }
    }
    for start in [
        "“There will be no new election until you kill me",
        "He said the demonstrators have been",
    ] {
        assert_eq!(
            right_sentence(&kompas, &result, start).label,
            RightLabel::New,
            "{start}"
        );
    }
    // AP's lede is paraphrased, not cut
    for &i in &lede {
        assert_eq!(result.left.sentences[i].label, LeftLabel::Paraphrased);
    }
}

#[test]
fn independent_reports_are_not_derived_from_ap() {
    let ap = sample("001");
    for prefix in ["002", "003", "004"] {
        let other = sample(prefix);
        let result = compare(&ap, &other, &Options::default()).unwrap();
        assert_lossless(&ap, &other, &result);
        assert_eq!(result.stats.verdict, Verdict::NotDerived, "{prefix}");
        assert_eq!(result.stats.derived_share, 0.0, "{prefix}");
        // a same-story sentence may be listed as a weak link, never above it
        for s in &result.right.sentences {
            assert!(
                matches!(s.label, RightLabel::New | RightLabel::Boilerplate),
                "{prefix}: {:?} {:?}",
                s.label,
                slice(&other, s.span)
            );
            assert!(
                s.sources.iter().all(|x| x.score < STRONG),
                "{prefix}: {:?}",
                s.sources
            );
        }
    }
}

/// Words (letters or digits) in the right text of the ops of these kinds,
/// inside `within` of the right text.
fn added_words(right: &str, result: &Comparison, within: wirediff::Span) -> Vec<String> {
    result
        .ops
        .iter()
        .filter(|op| matches!(op.kind, OpKind::Insert | OpKind::Replace))
        .filter(|op| op.right.start >= within.start && op.right.end <= within.end)
        .flat_map(|op| {
            slice(right, op.right)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn a_one_word_edit_of_a_short_sentence_is_edited() {
    let (left, right) = (
        "The workers jeered the president.",
        "The workers cheered the president.",
    );
    let result = compare(left, right, &Options::default()).unwrap();
    assert_eq!(result.right.sentences[0].label, RightLabel::Edited);
    assert_eq!(result.left.sentences[0].label, LeftLabel::Edited);
    let changed: Vec<_> = result
        .ops
        .iter()
        .filter(|op| op.kind != OpKind::Equal)
        .map(|op| slice(right, op.right))
        .collect();
    assert_eq!(changed, ["cheered"]);
}

#[test]
fn a_merge_of_two_sentences_keeps_their_words_as_equal() {
    let ap = sample("001");
    let merged = ap.replace(
        "joining the strike. The giant Belaruskali",
        "joining the strike, and the giant Belaruskali",
    );
    assert_ne!(merged, ap);
    let result = compare(&ap, &merged, &Options::default()).unwrap();
    assert_lossless(&ap, &merged, &result);
    let s = right_sentence(&merged, &result, "Miners at the huge potash factory");
    assert_eq!(s.label, RightLabel::Paraphrased);
    assert_eq!(s.sources.len(), 2, "{:?}", s.sources);
    // Only the joint is added: no word of either sentence is cut and re-added.
    let added = added_words(&merged, &result, s.span);
    assert!(added.len() <= 2, "{added:?}");
    assert!(
        added.iter().all(|w| ["and", "the"].contains(&w.as_str())),
        "{added:?}"
    );
}

#[test]
fn a_split_sentence_keeps_its_words_as_equal() {
    let ap = sample("001");
    let split = ap.replace(
        "to rally support, but he was met by angry workers",
        "to rally support. But he was met by angry workers",
    );
    assert_ne!(split, ap);
    let result = compare(&ap, &split, &Options::default()).unwrap();
    assert_lossless(&ap, &split, &result);
    let first = right_sentence(&split, &result, "On the ninth straight day");
    let second = right_sentence(&split, &result, "But he was met by angry workers");
    for s in [first, second] {
        assert!(
            matches!(s.label, RightLabel::Paraphrased | RightLabel::Edited),
            "{:?}",
            s.label
        );
    }
    assert_eq!(
        first.matched, second.matched,
        "both halves come from one sentence"
    );
    let within = wirediff::Span {
        start: first.span.start,
        end: second.span.end,
    };
    let added = added_words(&split, &result, within);
    assert!(added.len() <= 1, "{added:?}");
}

#[test]
fn ap_against_itself_is_wholly_derived_and_all_equal() {
    let ap = sample("001");
    let result = compare(&ap, &ap, &Options::default()).unwrap();
    assert_eq!(result.stats.verdict, Verdict::WhollyDerived);
    assert_eq!(result.stats.verbatim_share, 1.0);
    assert!(
        result
            .ops
            .iter()
            .all(|op| op.kind == wirediff::OpKind::Equal)
    );
    assert!(result.facts.is_empty());
}
