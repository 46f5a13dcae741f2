//! The source map against hand labels: every outlet sentence of the stories
//! in `tests/fixtures/sourcemap/` (original wire copy and rewrites, labelled
//! as its README says) is looked up in `compare(source, version)` by its
//! first words, and the engine's `label` and `sources` are scored against
//! the hand label, with the document verdict beside them.
//!
//! `cargo test --test sourcemap_labels -- --nocapture` prints the figures;
//! a failure prints them too, with every sentence the engine got wrong.
//!
//! Thresholds, and why:
//! * **derived against new** (verbatim, edited and paraphrased together
//!   against new): precision of "derived" ≥ 0.90 and recall ≥ 0.85, and
//!   recall of "new" ≥ 0.85. A false "derived" tells an editor that an
//!   outlet copied what it reported itself; a false "new" hides a rewrite,
//!   the failure this map exists to fix. The fixtures hold sentences that
//!   share names and numbers with the source but say something else, and
//!   ten independently written accounts (four of them in the source's
//!   order of points), so precision is not free.
//! * **verbatim**: precision and recall ≥ 0.90. Word-for-word identity
//!   under the matching options leaves nothing to judge.
//! * **edited** and **paraphrased**: F1 ≥ 0.60 each. The two grade into each
//!   other (several hand labels sit on the boundary, where a labeller could
//!   choose either), so they are held lower than the coarse classes; but
//!   both must be found: calling every rewrite "paraphrased" scores 0 for
//!   edited.
//! * **source links** (the hand-labelled source sentences against the
//!   `sources` of the sentences the engine calls derived): precision ≥ 0.85,
//!   recall ≥ 0.80. Recall is lower because the weaker half of a merged
//!   sentence may fairly fall under the weak-link threshold.
//! * **verdict**: ≥ 0.80 of the documents right (their hand verdicts are
//!   not near the 0.2 and 0.9 boundaries), and every independently written
//!   account `not derived`.
//! * **baselines**: at sentence level, "derived" found at least as well (F1)
//!   as by unigram overlap with a threshold learnt on the other stories; at
//!   document level, the versions ordered by `derivedShare` at least as
//!   well (Kendall's tau-b against their hand derived share) as by word
//!   n-gram containment or the longest common subsequence. These are the
//!   measures a reuse corpus judges a tool by, and the simple scorings are
//!   what the source map has to be worth its cost against.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::fmt::Write as _;
use std::path::Path;

use common::{assert_lossless, each_source_once};
use serde::Deserialize;
use wirediff::Label as _;
use wirediff::{Comparison, Options, RightLabel, Span, compare};

#[derive(Deserialize)]
struct Case {
    scenario: String,
    source: String,
    versions: Vec<Version>,
}

#[derive(Deserialize)]
struct Version {
    text: String,
    verdict: String,
    sentences: Vec<Labelled>,
}

#[derive(Deserialize)]
struct Labelled {
    /// The first words of the outlet sentence.
    starts: String,
    label: String,
    /// The first words of each source sentence it comes from.
    #[serde(default)]
    sources: Vec<String>,
}

const LABELS: [&str; 4] = ["verbatim", "edited", "paraphrased", "new"];

fn cases() -> Vec<(String, Case)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sourcemap");
    let mut out: Vec<(String, Case)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let path = e.unwrap().path();
            (path.extension()? == "json").then_some(path)
        })
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let case =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (
                path.file_stem().unwrap().to_string_lossy().into_owned(),
                case,
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn slice(units: &[u16], span: Span) -> String {
    String::from_utf16(&units[span.start..span.end]).unwrap()
}

/// The one sentence (by span) that starts with `starts`, or else the one
/// that holds it (a sentence that still carries its dateline).
fn find(text: &str, spans: &[Span], starts: &str, what: &str) -> usize {
    let units: Vec<u16> = text.encode_utf16().collect();
    let texts: Vec<String> = spans.iter().map(|s| slice(&units, *s)).collect();
    let mut hits: Vec<usize> = (0..texts.len())
        .filter(|&i| texts[i].trim_start().starts_with(starts))
        .collect();
    if hits.is_empty() {
        hits = (0..texts.len())
            .filter(|&i| texts[i].contains(starts))
            .collect();
    }
    match hits[..] {
        [i] => i,
        _ => panic!(
            "{what}: {} sentences start with {starts:?} in {texts:#?}",
            hits.len()
        ),
    }
}

/// The engine's label, in the fixtures' words.
fn name(label: RightLabel) -> &'static str {
    match label {
        RightLabel::Verbatim => "verbatim",
        RightLabel::Edited => "edited",
        RightLabel::Paraphrased => "paraphrased",
        RightLabel::New => "new",
        RightLabel::Boilerplate => "boilerplate",
    }
}

fn derived(label: &str) -> bool {
    matches!(label, "verbatim" | "edited" | "paraphrased")
}

/// Precision, recall and F1 from true positives and the two totals.
fn prf(hit: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let (p, r) = (ratio(hit, predicted), ratio(hit, gold));
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

#[derive(Default)]
struct Tally {
    /// (hand label, engine label) of every labelled sentence.
    pairs: Vec<(&'static str, &'static str)>,
    links: (usize, usize, usize),
    verdicts: Vec<(String, String)>,
    wrong: String,
}

fn score(id: &str, case: &Case, tally: &mut Tally) {
    for (v, version) in case.versions.iter().enumerate() {
        let result: Comparison = compare(&case.source, &version.text, &Options::default()).unwrap();
        assert_lossless(&case.source, &version.text, &result);
        let where_ = format!("{id} version {v}");
        // a sentence lists each of its sources once
        for sources in (result.left.sentences.iter().map(|x| &x.sources))
            .chain(result.right.sentences.iter().map(|x| &x.sources))
        {
            assert!(each_source_once(sources), "{where_}: {sources:?}");
        }
        let left: Vec<Span> = result.left.sentences.iter().map(|s| s.span).collect();
        let right: Vec<Span> = result.right.sentences.iter().map(|s| s.span).collect();
        let mut labelled = vec![false; right.len()];
        for sentence in &version.sentences {
            let gold = LABELS
                .into_iter()
                .find(|l| *l == sentence.label)
                .unwrap_or_else(|| panic!("{where_}: unknown label {:?}", sentence.label));
            let i = find(&version.text, &right, &sentence.starts, &where_);
            assert!(
                !labelled[i],
                "{where_}: {:?} labelled twice",
                sentence.starts
            );
            labelled[i] = true;
            let engine = &result.right.sentences[i];
            let got = name(engine.label);
            let mut gold_links: Vec<usize> = sentence
                .sources
                .iter()
                .map(|s| find(&case.source, &left, s, &where_))
                .collect();
            let mut links: Vec<usize> = if derived(got) {
                engine.sources.iter().map(|s| s.sentence).collect()
            } else {
                Vec::new()
            };
            gold_links.sort_unstable();
            links.sort_unstable();
            let hit = links.iter().filter(|l| gold_links.contains(l)).count();
            tally.links.0 += hit;
            tally.links.1 += links.len();
            tally.links.2 += gold_links.len();
            tally.pairs.push((gold, got));
            if gold != got || hit != links.len() || hit != gold_links.len() {
                writeln!(
                    tally.wrong,
                    "  {where_}: {:?}: {gold} {gold_links:?}, engine {got} {links:?}",
                    sentence.starts
                )
                .unwrap();
            }
        }
        // Every sentence is labelled, so that the verdict is the labels' too.
        for (i, sentence) in result.right.sentences.iter().enumerate() {
            assert!(
                labelled[i] || sentence.label == RightLabel::Boilerplate,
                "{where_}: no hand label for {:?} ({})",
                slice(
                    &version.text.encode_utf16().collect::<Vec<_>>(),
                    sentence.span
                ),
                case.scenario
            );
        }
        tally.verdicts.push((
            version.verdict.clone(),
            result.stats.verdict.name().to_string(),
        ));
    }
}

#[test]
fn the_source_map_agrees_with_the_hand_labels() {
    let mut tally = Tally::default();
    let cases = cases();
    assert!(cases.len() >= 8, "the fixtures are there");
    for (id, case) in &cases {
        score(id, case, &mut tally);
    }
    let pairs = &tally.pairs;
    let count = |f: &dyn Fn(&(&str, &str)) -> bool| pairs.iter().filter(|p| f(p)).count();

    let mut report = format!(
        "{} stories, {} documents, {} labelled outlet sentences\n\n{:<12} {:>5} {:>9} {:>6} {:>6}\n",
        cases.len(),
        tally.verdicts.len(),
        pairs.len(),
        "label",
        "hand",
        "precision",
        "recall",
        "F1"
    );
    let mut row = |name: &str, hit: usize, predicted: usize, gold: usize| {
        let (p, r, f) = prf(hit, predicted, gold);
        writeln!(report, "{name:<12} {gold:>5} {p:>9.3} {r:>6.3} {f:>6.3}").unwrap();
        (p, r, f)
    };
    let mut by_label = Vec::new();
    for label in LABELS {
        by_label.push(row(
            label,
            count(&|p| p.0 == label && p.1 == label),
            count(&|p| p.1 == label),
            count(&|p| p.0 == label),
        ));
    }
    let derived_prf = row(
        "derived",
        count(&|p| derived(p.0) && derived(p.1)),
        count(&|p| derived(p.1)),
        count(&|p| derived(p.0)),
    );
    let new_prf = row(
        "not derived",
        count(&|p| !derived(p.0) && !derived(p.1)),
        count(&|p| !derived(p.1)),
        count(&|p| !derived(p.0)),
    );
    let (hit, predicted, gold) = tally.links;
    let links = row("source link", hit, predicted, gold);
    let right_verdicts = tally.verdicts.iter().filter(|(h, e)| h == e).count();
    let verdict_accuracy = right_verdicts as f64 / tally.verdicts.len() as f64;
    writeln!(
        report,
        "\nverdict: {right_verdicts} of {} right ({verdict_accuracy:.3})",
        tally.verdicts.len()
    )
    .unwrap();
    report += "\nconfusion (rows: hand label; columns: engine label)\n";
    let columns = ["verbatim", "edited", "paraphrased", "new", "boilerplate"];
    writeln!(
        report,
        "{:<12} {}",
        "",
        columns.map(|c| format!("{c:>12}")).join("")
    )
    .unwrap();
    for label in LABELS {
        let cells = columns.map(|c| format!("{:>12}", count(&|p| p.0 == label && p.1 == c)));
        writeln!(report, "{label:<12} {}", cells.join("")).unwrap();
    }
    if !tally.wrong.is_empty() {
        report = report + "\nsentences the engine labels or links differently:\n" + &tally.wrong;
    }
    println!("{report}");

    let (verbatim, edited, paraphrased) = (by_label[0], by_label[1], by_label[2]);
    let mut failed = Vec::new();
    let mut check = |ok: bool, what: &str| {
        if !ok {
            failed.push(what.to_string());
        }
    };
    check(derived_prf.0 >= 0.90, "derived precision ≥ 0.90");
    check(derived_prf.1 >= 0.85, "derived recall ≥ 0.85");
    check(new_prf.1 >= 0.85, "new recall ≥ 0.85");
    check(
        verbatim.0 >= 0.90 && verbatim.1 >= 0.90,
        "verbatim precision and recall ≥ 0.90",
    );
    check(edited.2 >= 0.60, "edited F1 ≥ 0.60");
    check(paraphrased.2 >= 0.60, "paraphrased F1 ≥ 0.60");
    check(links.0 >= 0.85, "source-link precision ≥ 0.85");
    check(links.1 >= 0.80, "source-link recall ≥ 0.80");
    check(verdict_accuracy >= 0.80, "verdict accuracy ≥ 0.80");
    check(
        tally
            .verdicts
            .iter()
            .all(|(h, e)| h != "not derived" || e == "not derived"),
        "every independently written account is not derived",
    );
    assert!(failed.is_empty(), "below threshold: {failed:?}\n{report}");
}

/// The lowercased words of `text` (letters and digits), as a set.
fn word_set(text: &str) -> std::collections::BTreeSet<String> {
    word_list(text).into_iter().collect()
}

/// Sentence-level paraphrase detection against the baseline it must beat:
/// unigram overlap (the share of an outlet sentence's words found in its
/// best source sentence) with a threshold learnt the fair way — on the
/// other stories, one story held out at a time — scored on "derived
/// against new" over all labelled sentences, and on the hard part alone:
/// sentences hand labelled `paraphrased` or `new` (a copy or an edit any
/// overlap finds). The engine's F1 must be at least the baseline's on both.
/// The baseline's best threshold on all the labels (an oracle, fitted to
/// the test set) is printed beside them, not asserted.
#[test]
fn the_source_map_beats_unigram_overlap() {
    struct Row {
        story: usize,
        gold: bool,
        hard: bool,
        engine: bool,
        overlap: f64,
    }
    let mut rows: Vec<Row> = Vec::new();
    for (story, (id, case)) in cases().iter().enumerate() {
        for (v, version) in case.versions.iter().enumerate() {
            let result = compare(&case.source, &version.text, &Options::default()).unwrap();
            let where_ = format!("{id} version {v}");
            let (lu, ru): (Vec<u16>, Vec<u16>) = (
                case.source.encode_utf16().collect(),
                version.text.encode_utf16().collect(),
            );
            let sources: Vec<_> = result
                .left
                .sentences
                .iter()
                .map(|s| word_set(&slice(&lu, s.span)))
                .collect();
            let right: Vec<Span> = result.right.sentences.iter().map(|s| s.span).collect();
            for sentence in &version.sentences {
                let i = find(&version.text, &right, &sentence.starts, &where_);
                let words = word_set(&slice(&ru, right[i]));
                let overlap = sources
                    .iter()
                    .map(|s| words.intersection(s).count() as f64 / words.len().max(1) as f64)
                    .fold(0.0, f64::max);
                rows.push(Row {
                    story,
                    gold: derived(&sentence.label),
                    hard: matches!(sentence.label.as_str(), "paraphrased" | "new"),
                    engine: derived(name(result.right.sentences[i].label)),
                    overlap,
                });
            }
        }
    }
    let f1 = |rows: &[&Row], predict: &dyn Fn(&Row) -> bool| {
        let hit = rows.iter().filter(|r| r.gold && predict(r)).count();
        let predicted = rows.iter().filter(|r| predict(r)).count();
        let gold = rows.iter().filter(|r| r.gold).count();
        prf(hit, predicted, gold).2
    };
    let best = |rows: &[&Row]| {
        (1..100)
            .map(|t| f64::from(t) / 100.0)
            .map(|t| (t, f1(rows, &|r| r.overlap >= t)))
            .fold((0.0, -1.0), |best, x| if x.1 > best.1 { x } else { best })
    };
    let stories = rows.iter().map(|r| r.story).max().unwrap_or(0) + 1;
    let mut report = String::from(
        "derived against new, F1    engine   unigram overlap: held-out threshold   (oracle)\n",
    );
    let mut failed = Vec::new();
    for (what, hard_only) in [
        ("all labelled sentences", false),
        ("paraphrased or new only", true),
    ] {
        let part: Vec<&Row> = rows.iter().filter(|r| !hard_only || r.hard).collect();
        // each story's sentences predicted with the threshold best on the others
        let mut held_out = vec![false; part.len()];
        for story in 0..stories {
            let train: Vec<&Row> = part.iter().copied().filter(|r| r.story != story).collect();
            let (t, _) = best(&train);
            for (k, r) in part.iter().enumerate() {
                if r.story == story {
                    held_out[k] = r.overlap >= t;
                }
            }
        }
        let index = |r: &Row| part.iter().position(|p| std::ptr::eq(*p, r)).unwrap();
        let baseline = f1(&part, &|r| held_out[index(r)]);
        let engine = f1(&part, &|r| r.engine);
        let (t, oracle) = best(&part);
        writeln!(
            report,
            "{what:<26} {engine:>6.3}   {baseline:>6.3}   ({oracle:.3} at ≥ {t:.2}), {} sentences",
            part.len()
        )
        .unwrap();
        if engine < baseline {
            failed.push(what);
        }
    }
    println!("{report}");
    assert!(
        failed.is_empty(),
        "unigram overlap does better on {failed:?}:\n{report}"
    );
}

/// The lowercased words of `text` (letters and digits), in order.
fn word_list(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The share of `version`'s word n-grams that `source` has too.
fn containment(source: &[String], version: &[String], n: usize) -> f64 {
    let had: std::collections::HashSet<&[String]> = source.windows(n).collect();
    let grams = version.windows(n);
    let all = grams.len();
    let found = grams.filter(|g| had.contains(g)).count();
    found as f64 / all.max(1) as f64
}

/// The longest common subsequence of the two word lists (the equal part
/// of a minimal diff), as a share of `version`'s words.
fn lcs_share(source: &[String], version: &[String]) -> f64 {
    let common: usize = similar::capture_diff_slices(similar::Algorithm::Myers, source, version)
        .iter()
        .filter_map(|op| match *op {
            similar::DiffOp::Equal { len, .. } => Some(len),
            _ => None,
        })
        .sum();
    common as f64 / version.len().max(1) as f64
}

/// Kendall's tau-b of two scorings of the same items (ties in either do
/// not count for or against).
fn kendall(x: &[f64], y: &[f64]) -> f64 {
    let (mut concordant, mut discordant, mut tied_x, mut tied_y) = (0.0f64, 0.0, 0.0, 0.0);
    for i in 0..x.len() {
        for j in i + 1..x.len() {
            let (a, b) = (x[i].total_cmp(&x[j]) as i8, y[i].total_cmp(&y[j]) as i8);
            match (a, b) {
                (0, 0) => {}
                (0, _) => tied_x += 1.0,
                (_, 0) => tied_y += 1.0,
                _ if a == b => concordant += 1.0,
                _ => discordant += 1.0,
            }
        }
    }
    let pairs = ((concordant + discordant + tied_x) * (concordant + discordant + tied_y)).sqrt();
    (concordant - discordant) / pairs
}

/// Document-level reuse against the baselines it must beat: word n-gram
/// containment (n = 1 to 5) and the longest common word subsequence, each
/// as a share of the version's words. The truth is each version's hand
/// derived share (the share of its words in sentences labelled verbatim,
/// edited or paraphrased); a scoring is judged by how well it *orders* the
/// versions by it (Kendall's tau-b), as a reuse ranking is used: which
/// outlet took most from the wire. None of the scorings has a parameter
/// to fit, so there is no held-out set; the engine's `derivedShare` must
/// order them at least as well as every baseline.
#[test]
fn the_derived_share_ranks_documents_better_than_ngrams_and_lcs() {
    let (mut truth, mut engine) = (Vec::new(), Vec::new());
    let mut baselines: Vec<(String, Vec<f64>)> = (1..=5)
        .map(|n| (format!("{n}-gram containment"), Vec::new()))
        .chain([("longest common subsequence".to_string(), Vec::new())])
        .collect();
    let mut rows = String::new();
    for (id, case) in cases() {
        let source = word_list(&case.source);
        for (v, version) in case.versions.iter().enumerate() {
            let result = compare(&case.source, &version.text, &Options::default()).unwrap();
            let units: Vec<u16> = version.text.encode_utf16().collect();
            let right: Vec<Span> = result.right.sentences.iter().map(|s| s.span).collect();
            let (mut derived_words, mut labelled_words) = (0, 0);
            for sentence in &version.sentences {
                let i = find(&version.text, &right, &sentence.starts, &id);
                let n = word_list(&slice(&units, right[i])).len();
                labelled_words += n;
                if derived(&sentence.label) {
                    derived_words += n;
                }
            }
            let share = derived_words as f64 / labelled_words as f64;
            let words = word_list(&version.text);
            let scores: Vec<f64> = (1..=5)
                .map(|n| containment(&source, &words, n))
                .chain([lcs_share(&source, &words)])
                .collect();
            writeln!(
                rows,
                "  {id} version {v}: hand {share:.2}, engine {:.2}, baselines {}",
                result.stats.derived_share,
                scores
                    .iter()
                    .map(|s| format!("{s:.2}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            )
            .unwrap();
            truth.push(share);
            engine.push(result.stats.derived_share);
            for ((_, column), score) in baselines.iter_mut().zip(scores) {
                column.push(score);
            }
        }
    }
    assert!(truth.len() >= 16, "the fixtures are there");
    let ours = kendall(&engine, &truth);
    let mut report = format!(
        "{} documents ordered by their hand derived share, Kendall's tau-b:\n  engine derivedShare          {ours:.3}\n",
        truth.len()
    );
    let mut better = Vec::new();
    for (name, column) in &baselines {
        let tau = kendall(column, &truth);
        writeln!(report, "  {name:<28} {tau:.3}").unwrap();
        if tau > ours {
            better.push(name.as_str());
        }
    }
    report = report + "documents (baselines: n-gram containment n = 1..5, LCS):\n" + &rows;
    println!("{report}");
    assert!(
        better.is_empty(),
        "{better:?} order the documents better:\n{report}"
    );
}
