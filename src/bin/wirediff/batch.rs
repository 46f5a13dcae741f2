//! `wirediff batch`: pairs in on standard input, results out on standard
//! output, as JSON Lines, one output line for each input line and in the
//! same order, compared on every core.
//!
//! Lines are read in chunks; each chunk is compared in parallel (rayon
//! keeps the order of a collected parallel iterator) and written before
//! the next is read, so memory holds one chunk however long the input.

use std::io::{BufRead, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};

use rayon::prelude::*;
use serde_json::Value;
use wirediff::Options;

use crate::args::BatchArgs;
use crate::progress::Progress;
use crate::records::{Bad, Record, error_line, next_line, within_limit};

/// Lines per chunk and thread: enough that a slow record (one that runs
/// to its time budget) rarely leaves the other threads waiting long.
const LINES_PER_THREAD: usize = 64;
/// A chunk also ends past this many bytes of input.
const CHUNK_BYTES: usize = 64 << 20;

/// Why a run stopped early: input or output failed, or no thread started.
pub enum Stop {
    Read(std::io::Error),
    Write(std::io::Error),
    Threads(String),
}

/// Runs a batch; the number of error lines written, when it ran to the end.
/// `input_bytes` is the input's size when known (a file on standard
/// input), for the progress line.
pub fn run(
    args: &BatchArgs,
    mut input: impl BufRead,
    out: &mut impl Write,
    input_bytes: Option<u64>,
) -> Result<usize, Stop> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.threads {
        builder = builder.num_threads(n);
    }
    let pool = builder
        .build()
        .map_err(|e| Stop::Threads(format!("cannot start the threads: {e}")))?;
    let mut progress = Progress::new(args.progress, "records");
    let share = |read: u64| {
        input_bytes
            .filter(|&n| n > 0)
            .map(|n| (read as f64 / n as f64).min(1.0))
    };
    let (mut done, mut errors, mut read_bytes) = (0usize, 0usize, 0u64);
    let mut chunk: Vec<(usize, Vec<u8>)> = Vec::new();
    let mut buffer = Vec::new();
    let mut more = true;
    while more {
        chunk.clear();
        let mut bytes = 0;
        while chunk.len() < LINES_PER_THREAD * pool.current_num_threads() && bytes < CHUNK_BYTES {
            if !next_line(&mut input, &mut buffer).map_err(Stop::Read)? {
                more = false;
                break;
            }
            bytes += buffer.len() + 1;
            chunk.push((done + chunk.len() + 1, std::mem::take(&mut buffer)));
        }
        read_bytes += bytes as u64;
        let lines: Vec<(String, bool)> = pool.install(|| {
            chunk
                .par_iter()
                .map(|(line, bytes)| answer(*line, bytes, &args.options))
                .collect()
        });
        for (line, bad) in &lines {
            out.write_all(line.as_bytes()).map_err(Stop::Write)?;
            out.write_all(b"\n").map_err(Stop::Write)?;
            errors += usize::from(*bad);
        }
        out.flush().map_err(Stop::Write)?;
        done += lines.len();
        progress.update(done, errors, share(read_bytes));
    }
    progress.finish(done, errors, share(read_bytes));
    Ok(errors)
}

/// The output line of input line number `line`, and whether it is an
/// error line.
fn answer(line: usize, bytes: &[u8], defaults: &Options) -> (String, bool) {
    // A panic is a bug; it must not lose the other records of the run.
    let answered =
        catch_unwind(AssertUnwindSafe(|| compare(bytes, defaults))).unwrap_or_else(|_| {
            let id = Record::parse(bytes).map_or(Value::Null, |r| r.id);
            let why = "the engine failed on this record: this is a bug, please report it";
            Err((id, Bad::new("internal", why)))
        });
    match answered {
        Ok(result) => (result, false),
        Err((id, bad)) => (error_line(&id, line, &bad), true),
    }
}

/// The result line of one record: `{"id": …, "result": …}` with the result
/// exactly as `wirediff --json` prints it.
fn compare(bytes: &[u8], defaults: &Options) -> Result<String, (Value, Bad)> {
    let record = Record::parse(bytes)?;
    let with_id = |bad: Bad| (record.id.clone(), bad);
    let source = record.text("source").map_err(with_id)?;
    let version = record.text("compare").map_err(with_id)?;
    let options = match record.get("options") {
        None => defaults.clone(),
        Some(given) => Options::from_json(given, defaults.clone())
            .map_err(|e| with_id(Bad::new("badOptions", format!("`options`: {e}"))))?,
    };
    within_limit("source", source, &options).map_err(with_id)?;
    within_limit("compare", version, &options).map_err(with_id)?;
    let result = wirediff::compare(source, version, &options).map_err(|e| {
        let kind = match e {
            wirediff::Error::InputTooLarge { .. } => "tooLarge",
        };
        with_id(Bad::new(kind, e.to_string()))
    })?;
    let result = serde_json::to_string(&result).expect("a result serialises");
    Ok(format!("{{\"id\":{},\"result\":{result}}}", record.id))
}
