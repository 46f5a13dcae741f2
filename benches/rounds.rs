//! The native engine timed in the same rounds as the browser's contestants,
//! so that "wasm within 2× of native" compares figures taken under the same
//! load: the machine is shared, and its speed drifts by half for seconds at
//! a time, so criterion's figures (taken minutes apart) cannot decide it.
//!
//! `scripts/bench/run.mjs` starts `cargo bench --bench rounds` and talks to
//! it a line at a time on stdin and stdout:
//!
//! * `load <pair>`: reads `artifacts/bench/inputs/<pair>.{left,right}.txt`,
//!   answers `ok`;
//! * `time <k>`: compares the pair `k` times in a row, answers the mean
//!   wall time per call in milliseconds.
//!
//! Any failure is a line starting with `error`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::hint::black_box;
    use std::io::{BufRead, Write};
    use std::path::Path;
    use std::time::Instant;

    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts/bench/inputs");
    let options = wirediff::Options::default();
    let mut pair: Option<(String, String)> = None;
    let mut out = std::io::stdout().lock();
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        let answer = match line.split_once(' ') {
            Some(("load", name)) => {
                let read =
                    |side: &str| std::fs::read_to_string(dir.join(format!("{name}.{side}.txt")));
                match (read("left"), read("right")) {
                    (Ok(left), Ok(right)) => {
                        pair = Some((left, right));
                        "ok".to_string()
                    }
                    (Err(e), _) | (_, Err(e)) => format!("error {name}: {e}"),
                }
            }
            Some(("time", k)) => match (k.parse::<u32>(), &pair) {
                (Ok(k), Some((left, right))) if k > 0 => {
                    let start = Instant::now();
                    for _ in 0..k {
                        black_box(
                            wirediff::compare(black_box(left), black_box(right), &options).ok(),
                        );
                    }
                    format!("{}", start.elapsed().as_secs_f64() * 1000.0 / f64::from(k))
                }
                (_, None) => "error no pair loaded".to_string(),
                _ => format!("error bad count {k:?}"),
            },
            _ => format!("error unknown command {line:?}"),
        };
        if writeln!(out, "{answer}")
            .and_then(|()| out.flush())
            .is_err()
        {
            break;
        }
    }
}

/// Nothing to measure natively on wasm32; the browser benchmark covers it.
#[cfg(target_arch = "wasm32")]
fn main() {}
