//! Facts by value: numbers compared by what they say (digits, groupings,
//! English number words, qualifiers), names as whole spans, quotations with
//! the speaker their sentence names.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{assert_lossless, samples};
use wirediff::{Comparison, FactChange, FactKind, Options, Span, compare};

fn run(left: &str, right: &str) -> Comparison {
    let r = compare(left, right, &Options::default()).unwrap();
    assert_lossless(left, right, &r);
    r
}

fn slice(text: &str, span: Span) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[span.start..span.end]).unwrap()
}

type Row = (FactKind, FactChange, String, String);

fn facts(r: &Comparison) -> Vec<Row> {
    r.facts
        .iter()
        .map(|f| (f.kind, f.change, f.left_text.clone(), f.right_text.clone()))
        .collect()
}

fn row(kind: FactKind, change: FactChange, left: &str, right: &str) -> Row {
    (kind, change, left.into(), right.into())
}

/// `sentence` with `{}` replaced by `left` and by `right`.
fn pair(sentence: &str, left: &str, right: &str) -> (String, String) {
    (sentence.replace("{}", left), sentence.replace("{}", right))
}

const CROWD: &str = "Police said {} people were detained in the capital on Sunday night.";

#[test]
fn the_same_number_written_differently_is_no_change() {
    for (l, r) in [
        ("7,000", "7000"),
        ("7,000", "7 000"),
        ("7,000", "7\u{a0}000"),
        ("5,000", "five thousand"),
        ("5,000", "Five thousand"),
        ("12", "a dozen"),
        ("500,000", "half a million"),
        ("1.5 million", "1,500,000"),
        ("25", "twenty-five"),
        ("120", "one hundred and twenty"),
        ("2.5 million", "two and a half million"),
        ("more than 5,000", "over 5,000"),
        ("about 300", "some three hundred"),
    ] {
        let (left, right) = pair(CROWD, l, r);
        let result = run(&left, &right);
        assert_eq!(facts(&result), [], "{l} → {r}");
        assert_eq!(result.stats.numbers.altered, 0, "{l} → {r}");
        assert_eq!(result.stats.numbers.unchanged, 1, "{l} → {r}");
    }
}

#[test]
fn a_number_that_changes_value_is_altered_with_both_values() {
    for (l, r, lv, rv) in [
        ("7,000", "8000", 7000.0, 8000.0),
        ("5,000", "six thousand", 5000.0, 6000.0),
        ("a dozen", "13", 12.0, 13.0),
        ("1.5 million", "1.6 million", 1.5e6, 1.6e6),
        ("twenty-five", "twenty-six", 25.0, 26.0),
    ] {
        let (left, right) = pair(CROWD, l, r);
        let result = run(&left, &right);
        assert_eq!(
            facts(&result),
            [row(FactKind::Number, FactChange::Altered, l, r)],
            "{l} → {r}"
        );
        let f = &result.facts[0];
        assert_eq!((f.left_value, f.right_value), (Some(lv), Some(rv)));
        assert_eq!(result.stats.numbers.altered, 1);
    }
}

#[test]
fn a_qualifier_changes_the_quantity() {
    let sentence = "He has been held in a prison near the border for {} years since the vote.";
    for (l, r) in [
        ("two and a half", "over two"),
        ("5,000", "about 5,000"),
        ("at least 7,000", "nearly 7,000"),
        ("more than 40", "under 40"),
    ] {
        let (left, right) = pair(sentence, l, r);
        assert_eq!(
            facts(&run(&left, &right)),
            [row(FactKind::Number, FactChange::Altered, l, r)],
            "{l} → {r}"
        );
    }
}

#[test]
fn a_number_written_out_is_not_cut() {
    let (left, right) = pair(CROWD, "5,000", "five thousand");
    let result = run(&left, &right);
    assert!(
        result.facts.iter().all(|f| f.change != FactChange::Cut),
        "{:?}",
        facts(&result)
    );
}

#[test]
fn a_changed_name_reports_both_whole_names() {
    let sentence = "The talks were led by Foreign Minister {} in London last week.";
    for (l, r) in [
        ("Jeremy Hunt", "Rishi Sunak"),
        ("Jeremy Hunt", "Rishi"),
        ("Hunt", "Rishi Sunak"),
    ] {
        let (left, right) = pair(sentence, l, r);
        assert_eq!(
            facts(&run(&left, &right)),
            [row(
                FactKind::Name,
                FactChange::Altered,
                &format!("Foreign Minister {l}"),
                &format!("Foreign Minister {r}")
            )],
            "{l} → {r}"
        );
    }
}

/// The speaker of the only quote fact, in the right text.
fn right_speaker(left: &str, right: &str) -> Option<String> {
    let result = run(left, right);
    let quotes: Vec<_> = result
        .facts
        .iter()
        .filter(|f| f.kind == FactKind::Quote)
        .collect();
    assert_eq!(quotes.len(), 1, "{:?}", facts(&result));
    quotes[0].right_speaker.map(|s| slice(right, s))
}

#[test]
fn a_quote_carries_the_speaker_its_sentence_names() {
    let old = "“We will not stop until he goes";
    let new = "“We shall not stop until he goes";
    for (sentence, speaker) in [
        (
            "Protests spread. {},” said Sergei Dylevsky, a strike leader.",
            Some("Sergei Dylevsky"),
        ),
        (
            "Protests spread. {},” Dylevsky said on Monday.",
            Some("Dylevsky"),
        ),
        (
            "Protests spread. {}.” Dylevsky said on Monday.",
            Some("Dylevsky"),
        ),
        (
            "Protests spread. Sergei Dylevsky said: {}.”",
            Some("Sergei Dylevsky"),
        ),
        (
            "Protests spread. Lukashenko told the workers: {}.”",
            Some("Lukashenko"),
        ),
        (
            "Protests spread. {},” according to Reuters.",
            Some("Reuters"),
        ),
        ("Protests spread. {},” he said.", None),
        (
            "Protests spread. {},” the workers chanted at the gates.",
            None,
        ),
    ] {
        let (left, right) = pair(sentence, old, new);
        assert_eq!(
            right_speaker(&left, &right).as_deref(),
            speaker,
            "{sentence}"
        );
    }
}

#[test]
fn a_cut_quote_carries_its_speaker_in_the_left_text() {
    let left = "Strikes grew on Monday.\n\n“We will stay until the end,” said Sergei Dylevsky, a leader of the strike committee at the plant.\n";
    let right = "Strikes grew on Monday.\n";
    let result = run(left, right);
    let cut: Vec<_> = result
        .facts
        .iter()
        .filter(|f| f.kind == FactKind::Quote && f.change == FactChange::Cut)
        .collect();
    assert_eq!(cut.len(), 1);
    assert_eq!(
        cut[0].left_speaker.map(|s| slice(left, s)).as_deref(),
        Some("Sergei Dylevsky")
    );
    assert_eq!(cut[0].right_speaker, None);
}

#[test]
fn facts_of_every_pair_of_the_samples_have_valid_spans() {
    // assert_lossless checks each fact's spans, texts, speakers and values.
    let samples = samples();
    for (_, left) in &samples {
        for (_, right) in &samples {
            run(left, right);
        }
    }
}

#[test]
fn many_quotes_in_one_long_sentence_each_find_their_speaker() {
    let left = format!(
        "{}and that was all.",
        "“we stay,” said Ivan Petrov, and ".repeat(5_000)
    );
    let right = "and that was all.";
    let result = run(&left, right);
    let cut: Vec<_> = result
        .facts
        .iter()
        .filter(|f| f.kind == FactKind::Quote && f.change == FactChange::Cut)
        .collect();
    assert_eq!(cut.len(), 5_000);
    let units: Vec<u16> = left.encode_utf16().collect();
    let name: Vec<u16> = "Ivan Petrov".encode_utf16().collect();
    assert!(cut.iter().all(|f| {
        let s = f.left_speaker.expect("a speaker");
        units[s.start..s.end] == name[..]
    }));
}
