//! A large pair built from the samples, the way the benchmark builds its
//! inputs: copies of the five stories (names and numbers varied per copy)
//! against a rewrite (some paragraphs reworded, moved, cut, "Read also:"
//! lines and footers added). It checks the result, and prints the time:
//! `cargo test --release --test large -- --nocapture` (1 MB a side;
//! `WIREDIFF_LARGE_MB=4` for 4 MB).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::time::Instant;

use wirediff::{Options, RightLabel, Verdict, compare};

/// (source, rewrite), each about `bytes` long.
fn pair(bytes: usize) -> (String, String) {
    let paragraphs: Vec<String> = common::samples()
        .iter()
        .flat_map(|(_, text)| {
            text.lines()
                .map(str::trim)
                .filter(|l| l.len() > 40)
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .collect();
    let (mut left, mut right) = (String::new(), String::new());
    let mut copy = 0;
    while left.len() < bytes {
        let vary = |p: &str| {
            p.replace("Lukashenko", &format!("Lukashenko-{copy}"))
                .replace("5,000", &format!("{},000", 5 + copy % 90))
        };
        let mut moved = Vec::new();
        for (k, p) in paragraphs.iter().enumerate() {
            let p = vary(p);
            left.push_str(&p);
            left.push_str("\n\n");
            match (k + copy) % 17 {
                0 => {}                     // cut
                3 => moved.push(p.clone()), // moved to the end of the copy
                5 => right.push_str(&format!(
                    "{}\n",
                    p.replace("workers", "employees").replace(" the ", " a ")
                )),
                8 => right.push_str(&format!("Read also: Story number {copy}-{k}\n{p}\n")),
                _ => right.push_str(&format!("{p}\n")),
            }
        }
        for p in moved {
            right.push_str(&format!("{p}\n"));
        }
        right
            .push_str("(This is an unedited and auto-generated story from Syndicated News feed)\n");
        copy += 1;
    }
    (left, right)
}

#[test]
fn a_large_rewrite_is_compared_in_full() {
    let mb: usize = std::env::var("WIREDIFF_LARGE_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let (left, right) = pair(mb * 1_000_000);
    let options = Options {
        time_budget_ms: 600_000,
        ..Options::default()
    };
    let start = Instant::now();
    let result = compare(&left, &right, &options).unwrap();
    eprintln!(
        "{:.1} MB against {:.1} MB: {:?} ({} ops, {} moves)",
        left.len() as f64 / 1e6,
        right.len() as f64 / 1e6,
        start.elapsed(),
        result.ops.len(),
        result.moves.len()
    );
    common::assert_lossless(&left, &right, &result);
    assert!(!result.approximate);
    assert_eq!(result.stats.verdict, Verdict::WhollyDerived);
    assert!(result.moves.len() > 10, "{}", result.moves.len());
    let count = |label| {
        result
            .right
            .sentences
            .iter()
            .filter(|s| s.label == label)
            .count()
    };
    assert!(count(RightLabel::Rewritten) > 10);
    assert!(count(RightLabel::Boilerplate) > 10);
    assert!(result.stats.verbatim_share > 0.7);
}
