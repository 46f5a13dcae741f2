//! The time budget holds on adversarial pairs (issue 7): every phase either
//! checks the clock or is linear, so a comparison given a budget of B
//! milliseconds returns after B plus the work no budget can skip (reading
//! the texts and reporting on them), and its result is still lossless.
//!
//! Timing on a shared machine is noisy, so this measures the comparing
//! thread's CPU time, which the load does not inflate: the budget is wall
//! time, during which the thread can spend at most as much CPU time. Each
//! pair is compared twice:
//!
//! 1. with a budget of 0, which shows the unskippable work: it must be
//!    linear, at most [`floor_per_byte`] of CPU time per input byte;
//! 2. with a budget of that run's wall time plus 300 ms, so that the
//!    deadline falls inside the costly phases: its CPU time must stay within
//!    the budget + 20%, plus twice the floor, plus 100 ms.
//!
//! A phase that ignored the budget fails the second check by far: before
//! the refinement of near-variant spellings took the deadline, the respelt
//! 2 MB word alone took 40 s (release build) with a budget of 200 ms; and
//! until such words were left unrefined, interning their clusters overran
//! a 450 ms budget by 450 ms (debug build).
#![cfg(unix)]

mod common;

use std::time::{Duration, Instant};

use common::adversarial;

use wirediff::{Comparison, Options, compare};

/// The CPU time this thread has used so far.
fn thread_cpu_time() -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec to the pointer it is given.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    assert_eq!(status, 0, "the thread's CPU clock is readable");
    Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}

/// The most CPU time a budget-0 comparison may take per input byte: what
/// linear work costs with room to spare (measured at most 1.6 µs in a debug
/// build and 0.08 µs in a release build, on the project's machine).
fn floor_per_byte() -> Duration {
    if cfg!(debug_assertions) {
        Duration::from_nanos(5_000)
    } else {
        Duration::from_nanos(500)
    }
}

/// The result, its CPU time and its wall time.
fn timed(left: &str, right: &str, budget_ms: u32) -> (Comparison, Duration, Duration) {
    let options = Options {
        time_budget_ms: budget_ms,
        ..Options::default()
    };
    let (cpu, wall) = (thread_cpu_time(), Instant::now());
    let result = compare(left, right, &options).expect("the inputs are within the size limit");
    (result, thread_cpu_time() - cpu, wall.elapsed())
}

fn holds_the_budget(name: &str, left: &str, right: &str) -> Comparison {
    let bytes = left.len() + right.len();
    let (coarsest, floor, floor_wall) = timed(left, right, 0);
    common::assert_lossless(left, right, &coarsest);
    assert!(
        floor <= floor_per_byte() * bytes as u32,
        "{name}: with a budget of 0, {floor:?} of CPU time for {bytes} bytes"
    );
    // The deadline is wall time: 300 ms past what the unskippable work took
    // just now, under the machine's present load, puts it inside the
    // costly phases.
    let budget = floor_wall + Duration::from_millis(300);
    let (result, spent, _) = timed(left, right, budget.as_millis() as u32);
    common::assert_lossless(left, right, &result);
    let allowed = budget.mul_f64(1.2) + floor * 2 + Duration::from_millis(100);
    eprintln!(
        "{name}: {bytes} bytes; budget 0: {floor:?} CPU, {floor_wall:?} wall; budget {budget:?}: {spent:?} CPU (allowed {allowed:?}), approximate: {}",
        result.approximate
    );
    assert!(
        spent <= allowed,
        "{name}: {spent:?} of CPU time with a budget of {budget:?} (allowed {allowed:?})"
    );
    result
}

#[test]
fn two_unrelated_200_kb_texts() {
    let (left, right) = adversarial::unrelated();
    holds_the_budget("two unrelated 200 KB texts", &left, &right);
}

#[test]
fn a_single_5_mb_line() {
    let (left, right) = adversarial::one_line();
    holds_the_budget("a single 5 MB line", &left, &right);
}

#[test]
fn a_million_identical_tokens() {
    let (left, right) = adversarial::identical_tokens();
    holds_the_budget("1,000,000 identical tokens", &left, &right);
}

#[test]
fn two_mb_of_one_character() {
    let (left, right) = adversarial::one_character();
    holds_the_budget("2 MB of one character", &left, &right);
}

#[test]
fn two_mb_without_a_space() {
    let (left, right) = adversarial::no_spaces();
    let result = holds_the_budget("2 MB without a space", &left, &right);
    // far too long for a spelling: the 2 MB word is not refined letter by letter
    assert!(result.ops.iter().all(|op| op.parts.is_none()));
}

#[test]
fn many_tiny_sentences() {
    let (left, right) = adversarial::tiny_sentences();
    holds_the_budget("2 MB of one-word sentences", &left, &right);
}

#[test]
fn many_duplicate_sentences() {
    let (left, right) = adversarial::duplicate_sentences();
    holds_the_budget("2 MB of one sentence repeated", &left, &right);
}
