//! One source, several versions: each pairwise result and a reuse matrix.

use crate::compare::compare;
use crate::error::Error;
use crate::options::Options;
use crate::report::result::{Comparison, ManyComparison};

/// Compares `source` with each of `versions`, and every pair of texts with
/// each other for the reuse matrix. Each comparison has the whole time
/// budget of `options`; the versions are compared with each other once per
/// pair (one comparison gives both directions).
pub fn compare_many(
    source: &str,
    versions: &[&str],
    options: &Options,
) -> Result<ManyComparison, Error> {
    options.check_input("source", source)?;
    for v in versions {
        options.check_input("version", v)?;
    }
    let results: Vec<Comparison> = versions
        .iter()
        .map(|v| compare(source, v, options))
        .collect::<Result<_, _>>()?;
    let n = versions.len() + 1;
    let mut matrix = vec![vec![0.0; n]; n];
    for (i, row) in matrix.iter_mut().enumerate() {
        row[i] = 1.0;
    }
    for (k, result) in results.iter().enumerate() {
        matrix[k + 1][0] = result.stats.reused_share;
        matrix[0][k + 1] = result.stats.source_reused_share;
    }
    for a in 0..versions.len() {
        for b in a + 1..versions.len() {
            let r = compare(versions[a], versions[b], options)?;
            matrix[b + 1][a + 1] = r.stats.reused_share;
            matrix[a + 1][b + 1] = r.stats.source_reused_share;
        }
    }
    Ok(ManyComparison { results, matrix })
}
