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
    /// Work done since [`Budget::spend`] last read the clock.
    work: Cell<usize>,
}

/// How much work (atoms compared, say) [`Budget::spend`] lets pass between
/// two reads of the clock. In the browser a read is a call out to
/// `performance.now()`: one for every sentence pair was a noticeable share
/// of a small comparison.
const WORK_PER_READ: usize = 4096;

impl Budget {
    /// A budget of `ms` milliseconds from now; `0` is already spent.
    pub fn new(ms: u32) -> Self {
        let now = Instant::now();
        Budget {
            deadline: now + Duration::from_millis(u64::from(ms)),
            spent: Cell::new(ms == 0),
            degraded: Cell::new(false),
            work: Cell::new(0),
        }
    }

    /// The deadline, for `similar`'s own checks.
    pub fn deadline(&self) -> Instant {
        self.deadline
    }

    /// Known to be spent, without reading the clock.
    pub fn spent(&self) -> bool {
        self.spent.get()
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

    /// True once the budget is spent, like [`Budget::expired`], but reading
    /// the clock only once `work` added up since the last read reaches
    /// [`WORK_PER_READ`]: for many small steps (sentence pairs), where the
    /// deadline can be overrun by that much work at most.
    pub fn spend(&self, work: usize) -> bool {
        if self.spent.get() {
            return true;
        }
        let done = self.work.get() + work;
        if done < WORK_PER_READ {
            self.work.set(done);
            return false;
        }
        self.work.set(0);
        self.expired()
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
    fn spending_reads_the_clock_once_enough_work_is_done() {
        let budget = Budget::new(1);
        std::thread::sleep(Duration::from_millis(5));
        // the deadline has passed, but not enough work to look at the clock
        assert!(!budget.spend(WORK_PER_READ - 1));
        assert!(budget.spend(1));
        assert!(budget.spend(0) && budget.expired());
        assert!(Budget::new(0).spend(0));
    }

    #[test]
    fn a_long_budget_is_not_spent_at_once() {
        let budget = Budget::new(60_000);
        assert!(!budget.expired());
        let mut ticker = Ticker::new(&budget);
        assert!((0..1000).all(|_| !ticker.expired()));
    }
}
