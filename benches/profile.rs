//! One pair, compared a few times, for a profiler to watch:
//! `scripts/bench/profile.mjs` runs this under callgrind (valgrind) with
//! debug info and splits the cost by the source file it is spent in.
//!
//! `WIREDIFF_PROFILE_PAIR` (default `rewrite-1m`): a pair of
//! `artifacts/bench/inputs/`; `WIREDIFF_PROFILE_RUNS` (default 1).

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
    let options = wirediff::Options::default();
    for _ in 0..runs {
        let start = Instant::now();
        let result = wirediff::compare(&left, &right, &options).expect("the pair compares");
        println!(
            "{pair}: {} ops in {:.1} ms",
            result.ops.len(),
            start.elapsed().as_secs_f64() * 1e3
        );
    }
}

/// Nothing to profile natively on wasm32.
#[cfg(target_arch = "wasm32")]
fn main() {}
