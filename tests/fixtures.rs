//! Fixture pairs, one per behaviour: `tests/fixtures/caseNN.01.before_<scenario>.txt`
//! against `caseNN.02.after_<scenario>.txt`, with the expected readable
//! output in `caseNN.03.expected_<scenario>.txt` (the CLI's plain redline,
//! then the sentences with their labels, the facts and the statistics).
//! Each expected file was reviewed by hand; `UPDATE_FIXTURES=1 cargo test
//! --test fixtures` rewrites them after a deliberate change, for review.
//! Beside the snapshots, each scenario has assertions a reader would check.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::{Path, PathBuf};

use common::assert_lossless;
use wirediff::Label;
use wirediff::redline::{self, Style};
use wirediff::{
    Comparison, FactChange, FactKind, LeftLabel, OpKind, Options, RightLabel, Span, compare,
};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// (number, scenario) of every fixture pair.
fn cases() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir())
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            let rest = name.strip_suffix(".txt")?;
            let (case, scenario) = rest.split_once(".01.before_")?;
            Some((case.to_string(), scenario.to_string()))
        })
        .collect();
    out.sort();
    out
}

fn read(case: &str, part: &str, scenario: &str) -> String {
    let path = dir().join(format!("{case}.{part}_{scenario}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn pair(case: &str) -> (String, String, Comparison) {
    let (_, scenario) = cases()
        .into_iter()
        .find(|c| c.0 == case)
        .expect("the case exists");
    let before = read(case, "01.before", &scenario);
    let after = read(case, "02.after", &scenario);
    let result = compare(&before, &after, &Options::default()).unwrap();
    assert_lossless(&before, &after, &result);
    (before, after, result)
}

fn slice(text: &str, span: Span) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[span.start..span.end]).unwrap()
}

/// The readable output a reviewer checks.
fn snapshot(before: &str, after: &str, r: &Comparison) -> String {
    let mut out = String::from("=== redline\n");
    out += &redline::render(before, after, r, Style::default());
    if !out.ends_with('\n') {
        out.push('\n');
    }
    let sentence = |label: &str,
                    text: String,
                    overlap: f64,
                    m: Option<usize>,
                    mv: Option<u32>,
                    rule: Option<&str>| {
        let mut line = format!("{label:<11} {overlap:.2}");
        if let Some(m) = m {
            line += &format!(" ~{m}");
        }
        if let Some(id) = mv {
            line += &format!(" #{id}");
        }
        if let Some(rule) = rule {
            line += &format!(" ({rule})");
        }
        format!("{line} {text:?}\n")
    };
    out += "=== right sentences: label, overlap, ~match, #move, (rule)\n";
    for (k, s) in r.right.sentences.iter().enumerate() {
        out += &format!("{k:>2} ");
        out += &sentence(
            s.label.name(),
            slice(after, s.span),
            s.overlap,
            s.matched,
            s.move_id,
            s.boilerplate_rule.map(Label::name),
        );
    }
    out += "=== left sentences\n";
    for (k, s) in r.left.sentences.iter().enumerate() {
        out += &format!("{k:>2} ");
        out += &sentence(
            s.label.name(),
            slice(before, s.span),
            s.overlap,
            s.matched,
            s.move_id,
            s.boilerplate_rule.map(Label::name),
        );
    }
    out += "=== facts\n";
    for f in &r.facts {
        out += &format!(
            "{} {}: {:?} -> {:?}\n",
            f.kind.name(),
            f.change.name(),
            f.left_text,
            f.right_text
        );
    }
    let s = &r.stats;
    out += &format!(
        "=== stats\n{}; words {} -> {}; verbatim {:.2}, edited {:.2}, paraphrased {:.2}, new {:.2}; reused {:.2}, source reused {:.2}; \
         longest shared {} words; {} insertions, {} deletions, {} replacements, {} moves; \
         quotes {}/{}/{}/{}, numbers {}/{}/{}/{} (unchanged/altered/cut/added){}\n",
        s.verdict.name(),
        s.left_words,
        s.right_words,
        s.verbatim_share,
        s.edited_share,
        s.paraphrased_share,
        s.new_share,
        s.reused_share,
        s.source_reused_share,
        s.longest_shared.map_or(0, |l| l.words),
        s.insertions,
        s.deletions,
        s.replacements,
        s.moves,
        s.quotes.unchanged,
        s.quotes.altered,
        s.quotes.cut,
        s.quotes.added,
        s.numbers.unchanged,
        s.numbers.altered,
        s.numbers.cut,
        s.numbers.added,
        if r.approximate { "; approximate" } else { "" }
    );
    out
}

#[test]
fn every_fixture_gives_its_reviewed_output() {
    let cases = cases();
    assert!(cases.len() >= 10, "{cases:?}");
    let update = std::env::var_os("UPDATE_FIXTURES").is_some();
    let mut stale = Vec::new();
    for (case, scenario) in &cases {
        let (before, after, result) = pair(case);
        let got = snapshot(&before, &after, &result);
        let path = dir().join(format!("{case}.03.expected_{scenario}.txt"));
        if update {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{} is missing", path.display()));
        if expected != got {
            stale.push(format!(
                "--- {case} {scenario}: expected\n{expected}--- got\n{got}"
            ));
        }
    }
    assert!(stale.is_empty(), "{}", stale.join("\n"));
}

fn changes(before: &str, after: &str, r: &Comparison) -> Vec<(OpKind, String, String)> {
    r.ops
        .iter()
        .filter(|op| op.kind != OpKind::Equal && !op.boilerplate)
        .map(|op| (op.kind, slice(before, op.left), slice(after, op.right)))
        .collect()
}

#[test]
fn case01_curly_and_straight_quotes_and_dashes_are_equal() {
    let (_, _, r) = pair("case01");
    assert!(
        r.ops.iter().all(|op| op.kind == OpKind::Equal),
        "{:?}",
        r.ops
    );
    assert!(
        r.right
            .sentences
            .iter()
            .all(|s| s.label == RightLabel::Verbatim)
    );
}

#[test]
fn case02_whitespace_only_changes_are_equal() {
    let (_, _, r) = pair("case02");
    assert!(
        r.ops.iter().all(|op| op.kind == OpKind::Equal),
        "{:?}",
        r.ops
    );
    let strict = Options {
        unify_whitespace: false,
        ..Options::default()
    };
    let (before, after) = (
        read("case02", "01.before", "whitespace"),
        read("case02", "02.after", "whitespace"),
    );
    let r = compare(&before, &after, &strict).unwrap();
    assert_lossless(&before, &after, &r);
    assert!(r.ops.iter().any(|op| op.kind != OpKind::Equal));
    assert!(
        changes(&before, &after, &r)
            .iter()
            .all(|(_, l, r)| l.trim().is_empty() && r.trim().is_empty())
    );
}

#[test]
fn case03_a_reworded_phrase_is_one_replacement_not_confetti() {
    let (before, after, r) = pair("case03");
    let changes = changes(&before, &after, &r);
    assert!(
        changes.contains(&(
            OpKind::Replace,
            "detained by riot police".to_string(),
            "held by security forces".to_string()
        )),
        "{changes:?}"
    );
    // No change is a lone space or a lone function word.
    for (_, l, r) in &changes {
        for side in [l, r] {
            let t = side.trim();
            assert!(
                t.is_empty() || t.len() > 3 || t == ",",
                "confetti: {changes:?}"
            );
        }
    }
}

#[test]
fn case04_near_variant_spellings_show_the_changed_letters() {
    let (before, after, r) = pair("case04");
    let refined: Vec<_> = r.ops.iter().filter(|op| op.parts.is_some()).collect();
    assert_eq!(refined.len(), 2);
    let parts = |op: &wirediff::Op| -> Vec<(OpKind, String, String)> {
        op.parts
            .as_ref()
            .unwrap()
            .iter()
            .map(|p| (p.kind, slice(&before, p.left), slice(&after, p.right)))
            .collect()
    };
    let second = parts(refined[1]);
    assert_eq!(slice(&before, refined[1].left), "Tsikhanouskaya");
    assert!(
        second.contains(&(OpKind::Delete, "s".into(), "".into())),
        "{second:?}"
    );
    assert!(
        second.contains(&(OpKind::Replace, "u".into(), "v".into())),
        "{second:?}"
    );
    let first = parts(refined[0]);
    assert!(
        first.contains(&(OpKind::Replace, "ia".into(), "e".into())),
        "{first:?}"
    );
    // Respelt names are facts, also at the start of a sentence.
    let names: Vec<(&str, &str)> = r
        .facts
        .iter()
        .filter(|f| f.kind == FactKind::Name && f.change == FactChange::Altered)
        .map(|f| (f.left_text.as_str(), f.right_text.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("Sviatlana Tsikhanouskaya", "Svetlana Tikhanovskaya"),
            ("Tsikhanouskaya", "Tikhanovskaya")
        ]
    );
}

#[test]
fn case05_a_moved_paragraph_is_a_move_with_its_edit_inside() {
    let (before, after, r) = pair("case05");
    assert_eq!(r.moves.len(), 1);
    let m = &r.moves[0];
    assert!(m.edited);
    assert!(slice(&before, m.left).starts_with("Miners at the huge potash factory"));
    assert!(slice(&after, m.right).starts_with("Miners at the huge potash mine"));
    // The old place: one move op; the new place: a word change with the move's id.
    let move_ops: Vec<_> = r.ops.iter().filter(|op| op.kind == OpKind::Move).collect();
    assert_eq!(move_ops.len(), 1);
    assert_eq!(move_ops[0].move_id, Some(m.id));
    let inside: Vec<_> = r
        .ops
        .iter()
        .filter(|op| op.move_id == Some(m.id) && op.kind == OpKind::Replace)
        .map(|op| (slice(&before, op.left), slice(&after, op.right)))
        .collect();
    assert_eq!(inside, [("factory".to_string(), "mine".to_string())]);
    assert!(
        r.right
            .sentences
            .iter()
            .filter(|s| s.move_id == Some(m.id))
            .count()
            == 2
    );
    assert_eq!(r.stats.moves, 1);
}

#[test]
fn case06_boilerplate_is_labelled_by_its_rule() {
    let (before, after, r) = pair("case06");
    let rules = |sentences: Vec<(Option<&'static str>, String)>| -> Vec<(&'static str, String)> {
        sentences
            .into_iter()
            .filter_map(|(rule, text)| rule.map(|r| (r, text.trim().to_string())))
            .collect()
    };
    let right = rules(
        r.right
            .sentences
            .iter()
            .map(|s| (s.boilerplate_rule.map(Label::name), slice(&after, s.span)))
            .collect(),
    );
    assert_eq!(
        right,
        [
            ("radio-chrome", "Play Live Radio".to_string()),
            ("radio-chrome", "Next Up:".to_string()),
            ("radio-chrome", "0:00 0:00".to_string()),
            ("radio-chrome", "Available On Air Stations".to_string()),
            ("dateline", "MINSK, KOMPAS.com -".to_string()),
            (
                "read-also",
                "Read also: Protests in Belarus Following Disputed Presidential Election Results"
                    .to_string()
            ),
        ]
    );
    let left = rules(
        r.left
            .sentences
            .iter()
            .map(|s| (s.boilerplate_rule.map(Label::name), slice(&before, s.span)))
            .collect(),
    );
    assert_eq!(left.len(), 3);
    assert_eq!(
        left[0],
        ("dateline", "date 2020-08-17 Minsk, Aug 17 (AP)".to_string())
    );
    assert_eq!(left[1].0, "read-also");
    assert_eq!(left[2].0, "syndication-footer");
    // The story itself is verbatim, and boilerplate counts in no statistic.
    assert!(
        r.right
            .sentences
            .iter()
            .all(|s| s.label == RightLabel::Verbatim || s.label == RightLabel::Boilerplate)
    );
    assert_eq!(r.stats.verbatim_share, 1.0);
    assert_eq!((r.stats.insertions, r.stats.deletions), (0, 0));
}

#[test]
fn case07_abbreviations_and_initials_do_not_split_sentences() {
    let (before, _, r) = pair("case07");
    let left: Vec<String> = r
        .left
        .sentences
        .iter()
        .map(|s| slice(&before, s.span).trim().to_string())
        .collect();
    assert_eq!(
        left,
        [
            "Over 100,000 people rallied in Minsk on Sept. 13 to demand the resignation of Mr. Lukashenko.",
            "The U.S. and the U.K. condemned the arrests.",
            "Sen. Jim Risch and Alexander G. Lukashenko traded words on Aug. 9.",
            "Protests continued.",
        ]
    );
    assert_eq!(r.moves.len(), 1);
    assert_eq!(r.left.sentences[2].label, LeftLabel::Cut);
}

#[test]
fn case08_cjk_and_thai_change_by_character() {
    let (before, after, r) = pair("case08");
    let changes = changes(&before, &after, &r);
    assert!(
        changes.contains(&(OpKind::Replace, "一".into(), "二".into())),
        "{changes:?}"
    );
    assert!(
        changes
            .iter()
            .any(|(_, l, r)| l.contains("โห่") && r.contains("ตะโกน")),
        "{changes:?}"
    );
    assert!(
        changes
            .iter()
            .all(|(_, l, r)| l.chars().count() <= 4 && r.chars().count() <= 6),
        "{changes:?}"
    );
}

#[test]
fn case09_changed_numbers_are_facts() {
    let (_, _, r) = pair("case09");
    let numbers: Vec<(FactChange, &str, &str)> = r
        .facts
        .iter()
        .filter(|f| f.kind == FactKind::Number)
        .map(|f| (f.change, f.left_text.as_str(), f.right_text.as_str()))
        .collect();
    assert_eq!(
        numbers,
        [
            (FactChange::Altered, "over 5,000", "over 6,000"),
            (FactChange::Altered, "9.5 million", "9.4 million"),
            (FactChange::Altered, "one", "two")
        ]
    );
    let values: Vec<(Option<f64>, Option<f64>)> = r
        .facts
        .iter()
        .map(|f| (f.left_value, f.right_value))
        .collect();
    assert_eq!(
        values,
        [
            (Some(5000.0), Some(6000.0)),
            (Some(9.5e6), Some(9.4e6)),
            (Some(1.0), Some(2.0))
        ]
    );
    assert_eq!(r.stats.numbers.altered, 3);
    assert!(r.stats.numbers.unchanged >= 2, "7,000 and 10 are unchanged");
}

#[test]
fn case10_an_altered_quote_and_a_cut_quote_are_facts() {
    let (_, _, r) = pair("case10");
    let quotes: Vec<(FactChange, &str, &str)> = r
        .facts
        .iter()
        .filter(|f| f.kind == FactKind::Quote)
        .map(|f| (f.change, f.left_text.as_str(), f.right_text.as_str()))
        .collect();
    assert_eq!(
        quotes,
        [
            (
                FactChange::Altered,
                "“I will never cave in to pressure.”",
                "“I will never give in to pressure.”"
            ),
            (
                FactChange::Cut,
                "“We don't want that, and we won't let that happen,”",
                ""
            ),
        ]
    );
    assert_eq!(
        (
            r.stats.quotes.unchanged,
            r.stats.quotes.altered,
            r.stats.quotes.cut
        ),
        (1, 1, 1)
    );
    let altered = r
        .facts
        .iter()
        .find(|f| f.change == FactChange::Altered)
        .unwrap();
    assert!(altered.left.is_some() && altered.right.is_some());
}
