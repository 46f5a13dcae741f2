//! The engine on the real samples: what an editor would check first.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{assert_lossless, sample};
use wirediff::{Comparison, LeftLabel, Options, RightLabel, Verdict, compare};

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
    assert_eq!(
        right_paragraph_labels(
            &kompas,
            &result,
            "The strikes follow peaceful post-election demonstrations"
        ),
        [RightLabel::Edited]
    );

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
        assert_eq!(s.boilerplate_rule, Some("read-also"));
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

#[test]
fn independent_reports_are_not_derived_from_ap() {
    let ap = sample("001");
    for prefix in ["002", "003", "004"] {
        let other = sample(prefix);
        let result = compare(&ap, &other, &Options::default()).unwrap();
        assert_lossless(&ap, &other, &result);
        assert_eq!(result.stats.verdict, Verdict::NotDerived, "{prefix}");
    }
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
