//! One pair, compared a few times, for a profiler to watch:
//! `scripts/bench/profile.mjs` runs this under callgrind (valgrind) with
//! debug info and splits the cost by the source file it is spent in.
//!
//! `WIREDIFF_PROFILE_PAIR` (default `rewrite-1m`): a pair of
//! `artifacts/bench/inputs/`; `WIREDIFF_PROFILE_RUNS` (default 1);
//! `WIREDIFF_PROFILE_BUDGET_MS` (default: the default time budget).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::path::Path;
    use std::time::Instant;

    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts/bench/inputs");
    let pair = std::env::var("WIREDIFF_PROFILE_PAIR").unwrap_or_else(|_| "rewrite-1m".into());
    let runs: usize = std::env::var("WIREDIFF_PROFILE_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1);
    let read = |side: &str| {
        let file = dir.join(format!("{pair}.{side}.txt"));
        std::fs::read_to_string(&file).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (run `node scripts/bench/inputs.mjs`)",
                file.display()
            )
        })
    };
    let (left, right) = (read("left"), read("right"));
    // Under callgrind everything runs ~50× slower: a budget that large keeps
    // the profile on the full path, not the coarser one past the deadline.
    let options = wirediff::Options {
        time_budget_ms: std::env::var("WIREDIFF_PROFILE_BUDGET_MS")
            .ok()
            .and_then(|ms| ms.parse().ok())
            .unwrap_or(wirediff::Options::default().time_budget_ms),
        ..wirediff::Options::default()
    };
    for _ in 0..runs {
        let start = Instant::now();
        let result = wirediff::compare(&left, &right, &options).expect("the pair compares");
        println!(
            "{pair}: {} ops in {:.1} ms{}",
            result.ops.len(),
            start.elapsed().as_secs_f64() * 1e3,
            if result.approximate {
                " (approximate)"
            } else {
                ""
            }
        );
    }
}

/// Nothing to profile natively on wasm32.
#[cfg(target_arch = "wasm32")]
fn main() {}
