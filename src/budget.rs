//! The one clock of a comparison.
//!
//! Every phase asks [`Budget::expired`] before costly work and, past the
//! deadline, settles for something coarser but still lossless, recording
//! that with [`Budget::degrade`]. The clock is `similar::Instant`: with the
//! `wasm32_web_time` feature it is `performance.now()` in the browser and
//! `std::time::Instant` natively (std's clock panics on wasm32, so it is
//! never used directly).

use std::cell::Cell;
use std::time::Duration;

use similar::Instant;

pub struct Budget {
    deadline: Instant,
    spent: Cell<bool>,
    degraded: Cell<bool>,
}

impl Budget {
    /// A budget of `ms` milliseconds from now; `0` is already spent.
    pub fn new(ms: u32) -> Self {
        let now = Instant::now();
        Budget {
            deadline: now + Duration::from_millis(u64::from(ms)),
            spent: Cell::new(ms == 0),
            degraded: Cell::new(false),
        }
    }

    /// The deadline, for `similar`'s own checks.
    pub fn deadline(&self) -> Instant {
        self.deadline
    }

    /// True once the deadline has passed (and from then on).
    pub fn expired(&self) -> bool {
        if self.spent.get() {
            return true;
        }
        if Instant::now() >= self.deadline {
            self.spent.set(true);
        }
        self.spent.get()
    }

    /// Records that a phase settled for a coarser result.
    pub fn degrade(&self) {
        self.degraded.set(true);
    }

    /// Some phase settled for a coarser result.
    pub fn degraded(&self) -> bool {
        self.degraded.get()
    }
}

/// Reads the clock only every `EVERY` calls, for tight loops.
pub struct Ticker<'b> {
    budget: &'b Budget,
    count: u32,
}

impl<'b> Ticker<'b> {
    const EVERY: u32 = 64;

    pub fn new(budget: &'b Budget) -> Self {
        Ticker { budget, count: 0 }
    }

    /// True once the budget is spent; reads the clock every 64 calls.
    pub fn expired(&mut self) -> bool {
        self.count += 1;
        if self.count % Self::EVERY == 0 || self.budget.spent.get() {
            self.budget.expired()
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zero_budget_is_spent_at_once() {
        let budget = Budget::new(0);
        assert!(budget.expired());
        assert!(!budget.degraded());
        budget.degrade();
        assert!(budget.degraded());
    }

    #[test]
    fn a_long_budget_is_not_spent_at_once() {
        let budget = Budget::new(60_000);
        assert!(!budget.expired());
        let mut ticker = Ticker::new(&budget);
        assert!((0..1000).all(|_| !ticker.expired()));
    }
}
