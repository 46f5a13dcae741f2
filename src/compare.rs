//! One comparison: the pipeline drawn in the crate's header, step by step.

use crate::align;
use crate::align::sentences::UnitKey;
use crate::budget::Budget;
use crate::error::Error;
use crate::options::Options;
use crate::report;
use crate::report::result::Comparison;
use crate::text::Side;
use crate::text::keys::Keys;

/// Compares `left` (the source, e.g. the wire story) with `right` (the
/// version to examine).
pub fn compare(left: &str, right: &str, options: &Options) -> Result<Comparison, Error> {
    options.check_input("left", left)?;
    options.check_input("right", right)?;
    let budget = Budget::new(options.time_budget_ms);
    let mut keys = Keys::new(options);
    let left = Side::new(left, &mut keys);
    let right = Side::new(right, &mut keys);
    drop(keys);
    fn unit_keys<'s>(side: &'s Side) -> Vec<UnitKey<'s>> {
        side.structure
            .units
            .iter()
            .map(|u| UnitKey::new(u, &side.atoms, side.text))
            .collect()
    }
    let alignment = align::matching::align(&unit_keys(&left), &unit_keys(&right), &budget);
    let built = align::ops::build(&left, &right, &alignment, &budget);
    Ok(report::assemble(&left, &right, &alignment, built, &budget))
}
