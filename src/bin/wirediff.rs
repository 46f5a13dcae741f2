//! `wirediff`: the engine on the command line, for newsroom pipelines.
//!
//! ```text
//! wirediff SOURCE COMPARE [MORE…] [--json | --redline] [options]
//! ```
//!
//! See `wirediff --help`. `--json` prints exactly the result the JS API
//! returns (a `Comparison`, or a `ManyComparison` with two or more
//! versions), serialised by serde; `--redline` (the default) a readable
//! redline, in colour when stdout is a terminal.

/// The CLI is native only (a wasm build of the crate has nothing to run).
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::{IsTerminal, Read, Write};
    use std::process::ExitCode;

    use wirediff::redline::{self, Style};
    use wirediff::{Comparison, Label, Options};

    const HELP: &str = "\
wirediff: how an outlet rewrote a wire story, word by word

Usage: wirediff SOURCE COMPARE [MORE...] [--json | --redline] [options]

SOURCE is the wire story, COMPARE (and MORE) the versions to examine: file
paths, or - for standard input (once).

Output:
  --redline             a readable redline (default): colour on a terminal,
                        plain markers otherwise: [-cut-] {+added+},
                        [moved #1] where a passage stood, <<#1 ... #1>> where
                        it went, [bp-...-] {bp+...+} for boilerplate
  --json                the result as JSON, in the schema of the JS API
                        (a Comparison; a ManyComparison with 2+ versions)
  --plain               plain markers even on a terminal (also: NO_COLOR)
  --hide-boilerplate    leave boilerplate out of the redline

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

An input that is not UTF-8 is compared with U+FFFD for each invalid byte
sequence, and a notice on standard error says so.

Exit status: 0 on success, 1 when an input cannot be read, 2 on a usage error.
";

    enum Output {
        Redline,
        Json,
    }

    struct Args {
        files: Vec<String>,
        output: Output,
        plain: bool,
        hide_boilerplate: bool,
        options: Options,
    }

    enum Failure {
        Usage(String),
        Input(String),
    }

    pub fn main() -> ExitCode {
        match run() {
            Ok(()) => ExitCode::SUCCESS,
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
        let Some(args) = parse(std::env::args().skip(1))? else {
            return Ok(());
        };
        let mut stdin_used = false;
        let texts: Vec<String> = args
            .files
            .iter()
            .map(|f| read(f, &mut stdin_used))
            .collect::<Result<_, _>>()?;
        let source = &texts[0];
        let versions: Vec<&str> = texts[1..].iter().map(String::as_str).collect();
        let mut out = std::io::stdout().lock();
        let failed = |e: std::io::Error| Failure::Input(format!("cannot write the output: {e}"));
        let engine = |e: wirediff::Error| Failure::Input(e.to_string());
        match args.output {
            Output::Json if versions.len() == 1 => {
                let result =
                    wirediff::compare(source, versions[0], &args.options).map_err(engine)?;
                serde_json::to_writer(&mut out, &result).map_err(|e| failed(e.into()))?;
                writeln!(out).map_err(failed)?;
            }
            Output::Json => {
                let many =
                    wirediff::compare_many(source, &versions, &args.options).map_err(engine)?;
                serde_json::to_writer(&mut out, &many).map_err(|e| failed(e.into()))?;
                writeln!(out).map_err(failed)?;
            }
            Output::Redline => {
                let style = Style {
                    colour: !args.plain
                        && std::env::var_os("NO_COLOR").is_none()
                        && std::io::stdout().is_terminal(),
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
                        .map_err(failed)?;
                    }
                    let text = redline::render(source, version, &result, style);
                    write!(out, "{text}").map_err(failed)?;
                    if !text.ends_with('\n') {
                        writeln!(out).map_err(failed)?;
                    }
                    writeln!(out, "\n{}", summary(&result)).map_err(failed)?;
                    if k + 1 < versions.len() {
                        writeln!(out).map_err(failed)?;
                    }
                }
            }
        }
        out.flush().map_err(failed)
    }

    /// One line on what the redline shows.
    fn summary(r: &Comparison) -> String {
        let s = &r.stats;
        let pct = |x: f64| format!("{:.0}%", x * 100.0);
        format!(
            "-- {}: {} verbatim, {} edited, {} paraphrased, {} new of {} words{}; {} of the source reused; \
             {} insertions, {} deletions, {} replacements, {} moves; quotes altered {}, cut {}; credit: {}{}",
            s.verdict.name(),
            pct(s.verbatim_share),
            pct(s.edited_share),
            pct(s.paraphrased_share),
            pct(s.new_share),
            s.right_words,
            if s.estimated { " (estimated)" } else { "" },
            pct(s.source_reused_share),
            s.insertions,
            s.deletions,
            s.replacements,
            s.moves,
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

    /// The arguments, or `None` when help or the version was printed.
    fn parse(args: impl Iterator<Item = String>) -> Result<Option<Args>, Failure> {
        let mut parsed = Args {
            files: Vec::new(),
            output: Output::Redline,
            plain: false,
            hide_boilerplate: false,
            options: Options::default(),
        };
        let mut outputs = 0;
        let mut args = args.peekable();
        let mut only_files = false;
        while let Some(arg) = args.next() {
            if only_files || arg == "-" || !arg.starts_with('-') {
                parsed.files.push(arg);
                continue;
            }
            let o = &mut parsed.options;
            match arg.as_str() {
                "--" => only_files = true,
                "-h" | "--help" => {
                    print!("{HELP}");
                    return Ok(None);
                }
                "-V" | "--version" => {
                    println!("wirediff {}", env!("CARGO_PKG_VERSION"));
                    return Ok(None);
                }
                "--json" => {
                    parsed.output = Output::Json;
                    outputs += 1;
                }
                "--redline" => {
                    parsed.output = Output::Redline;
                    outputs += 1;
                }
                "--plain" => parsed.plain = true,
                "--hide-boilerplate" => parsed.hide_boilerplate = true,
                "--ignore-case" => o.ignore_case = true,
                "--ignore-punctuation" => o.ignore_punctuation = true,
                "--no-unify-quotes" => o.unify_quotes = false,
                "--no-unify-dashes" => o.unify_dashes = false,
                "--no-unify-whitespace" => o.unify_whitespace = false,
                "--budget-ms" => {
                    let value = args
                        .next()
                        .ok_or_else(|| Failure::Usage("--budget-ms needs a number".into()))?;
                    o.time_budget_ms = value.parse().map_err(|_| {
                        Failure::Usage(format!(
                            "--budget-ms needs a whole number of milliseconds, not {value:?}"
                        ))
                    })?;
                }
                _ => return Err(Failure::Usage(format!("unknown option {arg}"))),
            }
        }
        if outputs > 1 {
            return Err(Failure::Usage("choose one of --json and --redline".into()));
        }
        if parsed.files.len() < 2 {
            return Err(Failure::Usage(
                "give a source and at least one version to compare".into(),
            ));
        }
        Ok(Some(parsed))
    }

    /// Reads a file, or standard input for `-`, as UTF-8 text: what is not
    /// UTF-8 becomes U+FFFD, and standard error says so (as the page and the
    /// widget do for a lone UTF-16 surrogate).
    fn read(name: &str, stdin_used: &mut bool) -> Result<String, Failure> {
        let bytes = if name == "-" {
            if std::mem::replace(stdin_used, true) {
                return Err(Failure::Usage(
                    "standard input (-) can be read only once".into(),
                ));
            }
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Failure::Input(format!("cannot read standard input: {e}")))?;
            bytes
        } else {
            std::fs::read(name).map_err(|e| Failure::Input(format!("cannot read {name}: {e}")))?
        };
        let shown = if name == "-" { "standard input" } else { name };
        match String::from_utf8(bytes) {
            Ok(text) => Ok(text),
            Err(e) => {
                let first = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                let bad = bytes
                    .utf8_chunks()
                    .filter(|chunk| !chunk.invalid().is_empty())
                    .count();
                let what = if bad == 1 {
                    "its invalid byte sequence".to_string()
                } else {
                    format!("each of its {bad} invalid byte sequences")
                };
                eprintln!(
                    "wirediff: {shown} is not UTF-8 text (invalid bytes at byte {first}): compared with U+FFFD (\u{FFFD}) for {what}"
                );
                Ok(String::from_utf8_lossy(&bytes).into_owned())
            }
        }
    }
}
