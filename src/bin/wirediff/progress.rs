//! The progress line of a long run, on standard error: rewritten in place
//! on a terminal, a line every few seconds into a log (`--progress`).

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

pub struct Progress {
    on: bool,
    terminal: bool,
    start: Instant,
    /// When the line was last shown (or the run started).
    last: Instant,
    /// What is counted: "records", "texts".
    what: &'static str,
}

impl Progress {
    /// Shown when asked for or when a person watches standard error.
    pub fn new(asked: bool, what: &'static str) -> Self {
        let terminal = std::io::stderr().is_terminal();
        Progress {
            on: asked || terminal,
            terminal,
            start: Instant::now(),
            last: Instant::now(),
            what,
        }
    }

    /// `done` so far; `share` of the input read, when its size is known.
    pub fn update(&mut self, done: usize, errors: usize, share: Option<f64>) {
        let every = if self.terminal {
            Duration::from_millis(200)
        } else {
            Duration::from_secs(5)
        };
        if self.on && self.last.elapsed() >= every {
            self.last = Instant::now();
            self.show(done, errors, share, false);
        }
    }

    /// The last line, always shown when progress is.
    pub fn finish(&mut self, done: usize, errors: usize, share: Option<f64>) {
        if self.on {
            self.show(done, errors, share, true);
        }
    }

    fn show(&self, done: usize, errors: usize, share: Option<f64>, last: bool) {
        let seconds = self.start.elapsed().as_secs_f64();
        let mut line = format!("wirediff: {done} {}", self.what);
        if let Some(share) = share {
            line.push_str(&format!(" ({:.0}% of the input)", share * 100.0));
        }
        if seconds > 0.0 {
            line.push_str(&format!(", {:.0}/s", done as f64 / seconds));
        }
        if errors > 0 {
            line.push_str(&format!(", {errors} with errors"));
        }
        if last {
            line.push_str(&format!(" in {seconds:.1} s"));
        }
        // On a terminal the line is rewritten in place (\r, then erase to
        // the end of the line); in a log each is a line of its own.
        let end = if last || !self.terminal { "\n" } else { "" };
        let start = if self.terminal { "\r\x1b[K" } else { "" };
        let _ = write!(std::io::stderr(), "{start}{line}{end}");
    }
}
