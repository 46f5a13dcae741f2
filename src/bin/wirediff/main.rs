//! `wirediff`: the engine on the command line, for newsroom pipelines.
//!
//! ```text
//! wirediff SOURCE COMPARE [MORE…] [--json | --redline] [options]
//! wirediff batch [--options JSON] [--threads N] [--progress] < PAIRS.jsonl
//! wirediff candidates --wires W.jsonl --articles A.jsonl [--index JSON]
//! ```
//!
//! See `wirediff --help` and docs/cli.md. `--json` prints exactly the result
//! the JS API returns (a `Comparison`, or a `ManyComparison` with two or more
//! versions), serialised by serde; `--redline` (the default) a readable
//! redline, in colour when stdout is a terminal. Inputs are read and refused
//! as the page and the widget read them (intake.rs), and a reader who closes
//! the pipe early (`| head`) is no error.

/// The CLI is native only (a wasm build of the crate has nothing to run).
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod args;
#[cfg(not(target_arch = "wasm32"))]
mod batch;
#[cfg(not(target_arch = "wasm32"))]
mod candidates;
#[cfg(not(target_arch = "wasm32"))]
mod intake;
#[cfg(not(target_arch = "wasm32"))]
mod progress;
#[cfg(not(target_arch = "wasm32"))]
mod records;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::{ErrorKind, IsTerminal, Read, Write};
    use std::process::ExitCode;

    use wirediff::redline::{self, Style};
    use wirediff::{Comparison, Label};

    use crate::args::{self, Args, BatchArgs, CandidatesArgs, Colour, Output, Request, Usage};
    use crate::batch::{self, Stop};
    use crate::candidates::{self, ReadOrWrite};
    use crate::intake;

    const HELP: &str = r#"wirediff: how an outlet rewrote a wire story, word by word

Usage: wirediff SOURCE COMPARE [MORE...] [--json | --redline] [options]
       wirediff batch [--options JSON] [--threads N] [--progress] < PAIRS.jsonl
       wirediff candidates --wires W.jsonl --articles A.jsonl [--options JSON]
                           [--index JSON] [--progress]

SOURCE is the wire story, COMPARE (and MORE) the versions to examine: file
paths, or - for standard input (once). Options that take a value take it as
--opt VALUE or --opt=VALUE.

Output:
  --redline             a readable redline (default): plain markers
                        [-cut-] {+added+}, [moved #1] where a passage stood,
                        <<#1 ... #1>> where it went, [bp-...-] {bp+...+} for
                        boilerplate; colours instead on a terminal
  --json                the result as JSON, in the schema of the JS API
                        (a Comparison; a ManyComparison with 2+ versions)
  --color[=WHEN]        colours instead of markers: auto (default: on a
                        terminal, unless NO_COLOR is set and not empty or
                        TERM=dumb), always (--color alone), or never
  --hide-boilerplate    leave boilerplate out of the redline

Input:
  --encoding ENC        how to read a file that is neither UTF-8 nor UTF-16
                        with a byte-order mark: auto (default: as
                        Windows-1252, with a notice), windows-1252 (without
                        one), utf-8 (U+FFFD for each invalid byte sequence)

Matching (change what counts as equal, never the text shown):
  --ignore-case         Lukashenko matches LUKASHENKO
  --ignore-punctuation  punctuation is left out of matching
  --no-unify-quotes     curly and straight quotes differ
  --no-unify-dashes     em and en dashes differ from -
  --no-unify-whitespace runs of whitespace must match exactly
  --budget-ms N         time budget per comparison in milliseconds (default
                        2000); past it the result is coarser, still exact,
                        and flagged approximate

  -h, --help            this help
  -V, --version         the version

An image, a PDF, a Word document or other binary data is refused by what it
is, as is an empty text.

Batch: each line of standard input is a JSON object {"id": ID, "source":
TEXT, "compare": TEXT, "options": {...}} (options optional, named as in the
page: {"ignoreCase": true}); each line of output, in the same order, is
{"id": ID, "result": ...} (the result as --json prints it) or, for a record
that cannot be compared, {"id": ID, "line": N, "error": {"kind": ...,
"message": ...}}, and the run goes on.
  --options JSON        default options of every record (a record's own
                        "options" override them one by one)
  --threads N           compare on N threads (default: one per core)
  --progress            a progress line on standard error (shown anyway
                        when standard error is a terminal)

Candidates: records {"id": ID, "text": TEXT} in two JSON Lines files (- for
standard input); prints {"wire": ID, "article": ID, "similarity": S} for
each pair that may be a reuse, to compare with wirediff batch, and error
lines for bad records.
  --wires FILE, --articles FILE   the two sides
  --index JSON          {"shingleWords", "bands", "rows", "seed"}

Exit status: 0 on success (also when the reader closes the pipe early, and
in batch and candidates also when some records are error lines), 1 when an
input cannot be read or compared, 2 on a usage error.
"#;

    enum Failure {
        Usage(String),
        Input(String),
        /// Standard output was closed by its reader (`wirediff … | head`):
        /// what it wanted, it has.
        Closed,
    }

    impl From<Usage> for Failure {
        fn from(Usage(message): Usage) -> Self {
            Failure::Usage(message)
        }
    }

    /// A failed write: the reader gone is no failure of ours.
    fn written(e: std::io::Error) -> Failure {
        if e.kind() == ErrorKind::BrokenPipe {
            Failure::Closed
        } else {
            Failure::Input(format!("cannot write the output: {e}"))
        }
    }

    pub fn main() -> ExitCode {
        match run() {
            Ok(()) | Err(Failure::Closed) => ExitCode::SUCCESS,
            Err(Failure::Usage(message)) => {
                eprintln!("wirediff: {message}\nTry 'wirediff --help'.");
                ExitCode::from(2)
            }
            Err(Failure::Input(message)) => {
                eprintln!("wirediff: {message}");
                ExitCode::from(1)
            }
        }
    }

    fn run() -> Result<(), Failure> {
        let mut out = std::io::stdout().lock();
        let args = match args::parse(std::env::args().skip(1))? {
            Request::Compare(args) => args,
            Request::Batch(args) => return run_batch(&args, &mut out),
            Request::Candidates(args) => return run_candidates(&args, &mut out),
            Request::Help => return out.write_all(HELP.as_bytes()).map_err(written),
            Request::Version => {
                return writeln!(out, "wirediff {}", env!("CARGO_PKG_VERSION")).map_err(written);
            }
        };
        let texts = read_all(&args)?;
        let source = &texts[0];
        let versions: Vec<&str> = texts[1..].iter().map(String::as_str).collect();
        let engine = |e: wirediff::Error| Failure::Input(e.to_string());
        let json = |e: serde_json::Error| written(e.into());
        match args.output {
            Output::Json if versions.len() == 1 => {
                let result =
                    wirediff::compare(source, versions[0], &args.options).map_err(engine)?;
                serde_json::to_writer(&mut out, &result).map_err(json)?;
                writeln!(out).map_err(written)?;
            }
            Output::Json => {
                let many =
                    wirediff::compare_many(source, &versions, &args.options).map_err(engine)?;
                serde_json::to_writer(&mut out, &many).map_err(json)?;
                writeln!(out).map_err(written)?;
            }
            Output::Redline => {
                let style = Style {
                    colour: colour(args.colour),
                    hide_boilerplate: args.hide_boilerplate,
                };
                for (k, version) in versions.iter().enumerate() {
                    let result =
                        wirediff::compare(source, version, &args.options).map_err(engine)?;
                    if versions.len() > 1 {
                        let rule = "=".repeat(8);
                        writeln!(
                            out,
                            "{rule} {} against {} {rule}",
                            args.files[k + 1],
                            args.files[0]
                        )
                        .map_err(written)?;
                    }
                    let text = redline::render(source, version, &result, style);
                    write!(out, "{text}").map_err(written)?;
                    if !text.ends_with('\n') {
                        writeln!(out).map_err(written)?;
                    }
                    writeln!(out, "\n{}", summary(&result)).map_err(written)?;
                    if k + 1 < versions.len() {
                        writeln!(out).map_err(written)?;
                    }
                }
            }
        }
        out.flush().map_err(written)
    }

    /// `wirediff batch`: error lines are results, not failures; only
    /// input or output that fails stops the run.
    fn run_batch(args: &BatchArgs, out: &mut impl Write) -> Result<(), Failure> {
        let stdin = std::io::stdin();
        let size = stdin_size(&stdin);
        let mut buffered = std::io::BufWriter::new(out);
        match batch::run(args, stdin.lock(), &mut buffered, size) {
            Ok(0) => Ok(()),
            Ok(errors) => {
                let (n, were) = records(errors);
                eprintln!("wirediff: {n} could not be compared: see {were} error lines");
                Ok(())
            }
            Err(Stop::Read(e)) => Err(Failure::Input(format!("cannot read standard input: {e}"))),
            Err(Stop::Write(e)) => Err(written(e)),
            Err(Stop::Threads(message)) => Err(Failure::Input(message)),
        }
    }

    /// "1 record", "its"; "2 records", "their".
    fn records(n: usize) -> (String, &'static str) {
        if n == 1 {
            ("1 record".into(), "its")
        } else {
            (format!("{n} records"), "their")
        }
    }

    /// The size of standard input when it is a file (`< pairs.jsonl`).
    fn stdin_size(stdin: &std::io::Stdin) -> Option<u64> {
        #[cfg(unix)]
        {
            use std::os::fd::AsFd;
            let file = std::fs::File::from(stdin.as_fd().try_clone_to_owned().ok()?);
            let meta = file.metadata().ok()?;
            meta.is_file().then_some(meta.len())
        }
        #[cfg(not(unix))]
        {
            let _ = stdin;
            None
        }
    }

    /// `wirediff candidates`: bad records are error lines, as in a batch.
    fn run_candidates(args: &CandidatesArgs, out: &mut impl Write) -> Result<(), Failure> {
        let mut buffered = std::io::BufWriter::new(out);
        let mut errors = 0;
        let mut texts = |name: &str| -> Result<candidates::Texts, Failure> {
            let shown = if name == "-" { "standard input" } else { name };
            let input: Box<dyn std::io::BufRead> = if name == "-" {
                Box::new(std::io::stdin().lock())
            } else {
                let file = std::fs::File::open(name)
                    .map_err(|e| Failure::Input(format!("cannot read {name}: {e}")))?;
                Box::new(std::io::BufReader::new(file))
            };
            candidates::read(input, &args.options, &mut buffered, &mut errors).map_err(
                |e| match e {
                    ReadOrWrite::Read(e) => Failure::Input(format!("cannot read {shown}: {e}")),
                    ReadOrWrite::Write(e) => written(e),
                },
            )
        };
        let wires = texts(&args.wires)?;
        let articles = texts(&args.articles)?;
        candidates::run(args, &wires, &articles, &mut buffered, errors).map_err(written)?;
        if errors > 0 {
            let (n, were) = records(errors);
            eprintln!("wirediff: {n} could not be read: see {were} error lines");
        }
        Ok(())
    }

    /// Colours or markers: `--color`, else what https://no-color.org and
    /// terminfo's `dumb` ask for, else whether a person is watching.
    fn colour(asked: Colour) -> bool {
        match asked {
            Colour::Always => true,
            Colour::Never => false,
            Colour::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
                    && std::io::stdout().is_terminal()
            }
        }
    }

    /// Every input's text, with its notices on standard error; refuses a
    /// blank one as the widget does.
    fn read_all(args: &Args) -> Result<Vec<String>, Failure> {
        let mut stdin_used = false;
        let mut texts = Vec::with_capacity(args.files.len());
        for name in &args.files {
            let shown = if name == "-" { "standard input" } else { name };
            let bytes = read(name, &mut stdin_used)?;
            let read = intake::read_text(bytes, shown, args.encoding).map_err(Failure::Input)?;
            if let Some(notice) = read.notice {
                eprintln!("wirediff: {notice}");
            }
            texts.push(read.text);
        }
        let blanks: Vec<_> = texts.iter().map(|t| wirediff::input::blank(t)).collect();
        if blanks.iter().all(Option::is_some) {
            let (all, plural) = if texts.len() == 2 {
                ("both", "s are")
            } else {
                ("every", " is")
            };
            return Err(Failure::Input(format!(
                "{all} text{plural} empty: give the wire text and the outlet's text"
            )));
        }
        for (k, why) in blanks.iter().enumerate() {
            if let Some(why) = why {
                let name = &args.files[k];
                let shown = if name == "-" { "standard input" } else { name };
                let what = if k == 0 {
                    "the wire text"
                } else {
                    "the outlet's text"
                };
                return Err(Failure::Input(format!(
                    "{shown} {why}: give a file with {what}"
                )));
            }
        }
        Ok(texts)
    }

    /// A file's bytes, or standard input's for `-` (once).
    fn read(name: &str, stdin_used: &mut bool) -> Result<Vec<u8>, Failure> {
        if name != "-" {
            return std::fs::read(name)
                .map_err(|e| Failure::Input(format!("cannot read {name}: {e}")));
        }
        if std::mem::replace(stdin_used, true) {
            return Err(Failure::Usage(
                "standard input (-) can be read only once".into(),
            ));
        }
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::Input(format!("cannot read standard input: {e}")))?;
        Ok(bytes)
    }

    /// "1 insertion", "2 insertions".
    fn count(n: u32, one: &str) -> String {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {one}s")
        }
    }

    /// What became of the agency credits: `AP replaced, AP removed`.
    fn credits(r: &Comparison) -> String {
        if r.credits.is_empty() {
            return "none found".into();
        }
        r.credits
            .iter()
            .map(|c| format!("{} {}", c.agency.name(), c.status.name()))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// One line on what the redline shows.
    fn summary(r: &Comparison) -> String {
        let s = &r.stats;
        let pct = |x: f64| format!("{:.0}%", x * 100.0);
        format!(
            "-- {}: {} verbatim, {} edited, {} paraphrased, {} new of {}{}; {} of the source reused; \
             {}, {}, {}, {}; quotes altered {}, cut {}; credit: {}{}",
            s.verdict.name(),
            pct(s.verbatim_share),
            pct(s.edited_share),
            pct(s.paraphrased_share),
            pct(s.new_share),
            count(s.right_words, "word"),
            if s.estimated { " (estimated)" } else { "" },
            pct(s.source_reused_share),
            count(s.insertions, "insertion"),
            count(s.deletions, "deletion"),
            count(s.replacements, "replacement"),
            count(s.moves, "move"),
            s.quotes.altered,
            s.quotes.cut,
            credits(r),
            if r.approximate {
                " (approximate: the time budget ran out)"
            } else {
                ""
            }
        )
    }
}
