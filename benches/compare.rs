//! Native timings of `wirediff::compare` on the benchmark's inputs, which
//! `node scripts/bench/inputs.mjs` generates into `artifacts/bench/inputs/`.
//! `npm run bench` runs this (`cargo bench --bench compare`) and puts the
//! figures beside the browser's in BENCHMARKS.md; `-- --test` runs each once.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::path::Path;
    use std::time::Duration;

    use criterion::{Criterion, SamplingMode};

    pub fn compare(c: &mut Criterion) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts/bench/inputs");
        let Ok(list) = std::fs::read_to_string(dir.join("inputs.txt")) else {
            eprintln!("no benchmark inputs: run `node scripts/bench/inputs.mjs` first");
            return;
        };
        let options = wirediff::Options::default();
        let mut group = c.benchmark_group("compare");
        for line in list.lines() {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let [name, left, right] = fields[..] else {
                panic!("bad line in inputs.txt: {line:?}");
            };
            let read = |file: &str| {
                std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
            };
            let (left, right) = (read(left), read(right));
            // Large pairs: ten single-call samples; small ones: criterion's
            // usual batching, which resolves microseconds.
            if left.len() + right.len() > 150_000 {
                group.sampling_mode(SamplingMode::Flat);
                group.sample_size(10);
                group.warm_up_time(Duration::from_millis(500));
                group.measurement_time(Duration::from_secs(2));
            } else {
                group.sampling_mode(SamplingMode::Auto);
                group.sample_size(30);
                group.warm_up_time(Duration::from_secs(1));
                group.measurement_time(Duration::from_secs(2));
            }
            group.bench_function(name, |b| {
                b.iter(|| wirediff::compare(black_box(&left), black_box(&right), &options))
            });
        }
        group.finish();
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group!(benches, native::compare);
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);

/// Nothing to measure natively on wasm32; the browser benchmark covers it.
#[cfg(target_arch = "wasm32")]
fn main() {}
