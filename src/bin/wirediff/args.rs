//! The command line, read by the usual conventions: `--opt value` and
//! `--opt=value` alike, `--` before file names that start with `-`. A first
//! argument `batch` or `candidates` names a subcommand (`./batch` is a
//! file of that name).

use wirediff::Options;
use wirediff::reuse::IndexOptions;

use crate::intake::Encoding;

pub enum Output {
    Redline,
    Json,
}

/// `--color`: colour on a terminal (`Auto`), always, or never.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Colour {
    Auto,
    Always,
    Never,
}

pub struct Args {
    pub files: Vec<String>,
    pub output: Output,
    pub colour: Colour,
    pub hide_boilerplate: bool,
    pub encoding: Encoding,
    pub options: Options,
}

/// `wirediff batch`: pairs in, results out, as JSON Lines.
pub struct BatchArgs {
    /// The options of a record that gives none (`--options`).
    pub options: Options,
    /// Worker threads; `None`: one per core.
    pub threads: Option<usize>,
    pub progress: bool,
}

/// `wirediff candidates`: which articles may reuse which wire.
pub struct CandidatesArgs {
    pub wires: String,
    pub articles: String,
    pub options: Options,
    pub index: IndexOptions,
    pub progress: bool,
}

/// What was asked for: a comparison, a subcommand, or the help or the version.
pub enum Request {
    Compare(Args),
    Batch(BatchArgs),
    Candidates(CandidatesArgs),
    Help,
    Version,
}

/// A usage error, in words for the person who typed the command.
pub struct Usage(pub String);

pub fn parse(args: impl Iterator<Item = String>) -> Result<Request, Usage> {
    let mut args = args.peekable();
    match args.peek().map(String::as_str) {
        Some("batch") => {
            args.next();
            return subcommand(args, Subcommand::Batch);
        }
        Some("candidates") => {
            args.next();
            return subcommand(args, Subcommand::Candidates);
        }
        _ => {}
    }
    let mut parsed = Args {
        files: Vec::new(),
        output: Output::Redline,
        colour: Colour::Auto,
        hide_boilerplate: false,
        encoding: Encoding::Auto,
        options: Options::default(),
    };
    let mut outputs = 0;
    let mut only_files = false;
    while let Some(arg) = args.next() {
        if only_files || arg == "-" || !arg.starts_with('-') {
            parsed.files.push(arg);
            continue;
        }
        let (name, inline) = split_inline(&arg);
        let mut value = |what: &str| value_of(name, &inline, &mut args, what);
        let o = &mut parsed.options;
        match name {
            "--" => only_files = true,
            "-h" | "--help" => return Ok(Request::Help),
            "-V" | "--version" => return Ok(Request::Version),
            "--json" => {
                parsed.output = Output::Json;
                outputs += 1;
            }
            "--redline" => {
                parsed.output = Output::Redline;
                outputs += 1;
            }
            "--hide-boilerplate" => parsed.hide_boilerplate = true,
            "--ignore-case" => o.ignore_case = true,
            "--ignore-punctuation" => o.ignore_punctuation = true,
            "--no-unify-quotes" => o.unify_quotes = false,
            "--no-unify-dashes" => o.unify_dashes = false,
            "--no-unify-whitespace" => o.unify_whitespace = false,
            "--budget-ms" => {
                let value = value("a number of milliseconds")?;
                o.time_budget_ms = value.parse().map_err(|_| {
                    Usage(format!(
                        "--budget-ms needs a whole number of milliseconds, not {value:?}"
                    ))
                })?;
            }
            "--encoding" => {
                let value = value(Encoding::NAMES)?;
                parsed.encoding = Encoding::from_name(&value).ok_or_else(|| {
                    Usage(format!(
                        "--encoding must be {}, not {value:?}",
                        Encoding::NAMES
                    ))
                })?;
            }
            // Alone it means always (as in ls and grep): a word after it is a file.
            "--color" => {
                parsed.colour = match inline.as_deref() {
                    None | Some("always") => Colour::Always,
                    Some("auto") => Colour::Auto,
                    Some("never") => Colour::Never,
                    Some(other) => {
                        return Err(Usage(format!(
                            "--color must be auto, always or never, not {other:?}"
                        )));
                    }
                }
            }
            _ => return Err(Usage(format!("unknown option {name}"))),
        }
        if inline.is_some() && !matches!(name, "--budget-ms" | "--encoding" | "--color") {
            return Err(Usage(format!("{name} takes no value (in {arg})")));
        }
    }
    if outputs > 1 {
        return Err(Usage("choose one of --json and --redline".into()));
    }
    if parsed.files.len() < 2 {
        return Err(Usage(
            "give a source and at least one version to compare".into(),
        ));
    }
    Ok(Request::Compare(parsed))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Subcommand {
    Batch,
    Candidates,
}

/// The options of `batch` and `candidates`: they take no file operands
/// but `--wires` and `--articles`, and options as JSON, the page's names.
fn subcommand(args: impl Iterator<Item = String>, which: Subcommand) -> Result<Request, Usage> {
    let mut options = Options::default();
    let mut index = IndexOptions::default();
    let (mut threads, mut progress) = (None, false);
    let (mut wires, mut articles) = (None, None);
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let (name, inline) = split_inline(&arg);
        let mut value = |what: &str| value_of(name, &inline, &mut args, what);
        let takes_value = match (name, which) {
            ("-h" | "--help", _) => return Ok(Request::Help),
            ("--progress", _) => {
                progress = true;
                false
            }
            ("--options", _) => {
                let json = value("the options as a JSON object")?;
                options = options_from_json(&json, Options::default())
                    .map_err(|e| Usage(format!("--options: {e}")))?;
                true
            }
            ("--threads", Subcommand::Batch) => {
                let value = value("a number of threads")?;
                let n: usize = value.parse().ok().filter(|&n| n >= 1).ok_or_else(|| {
                    Usage(format!(
                        "--threads needs a whole number of threads from 1, not {value:?}"
                    ))
                })?;
                threads = Some(n);
                true
            }
            ("--index", Subcommand::Candidates) => {
                let json = value("the index options as a JSON object")?;
                index = serde_json::from_str(&json).map_err(|e| Usage(format!("--index: {e}")))?;
                index.check().map_err(|e| Usage(format!("--index: {e}")))?;
                true
            }
            ("--wires", Subcommand::Candidates) => {
                wires = Some(value("a JSON Lines file of wire stories")?);
                true
            }
            ("--articles", Subcommand::Candidates) => {
                articles = Some(value("a JSON Lines file of articles")?);
                true
            }
            _ if !name.starts_with('-') || name == "-" => {
                let what = match which {
                    Subcommand::Batch => "wirediff batch reads its records from standard input",
                    Subcommand::Candidates => "give files with --wires and --articles",
                };
                return Err(Usage(format!("unexpected {arg:?}: {what}")));
            }
            _ => return Err(Usage(format!("unknown option {name}"))),
        };
        if inline.is_some() && !takes_value {
            return Err(Usage(format!("{name} takes no value (in {arg})")));
        }
    }
    Ok(match which {
        Subcommand::Batch => Request::Batch(BatchArgs {
            options,
            threads,
            progress,
        }),
        Subcommand::Candidates => {
            let (Some(wires), Some(articles)) = (wires, articles) else {
                return Err(Usage(
                    "wirediff candidates needs --wires FILE and --articles FILE".into(),
                ));
            };
            if wires == "-" && articles == "-" {
                return Err(Usage("standard input (-) can be read only once".into()));
            }
            Request::Candidates(CandidatesArgs {
                wires,
                articles,
                options,
                index,
                progress,
            })
        }
    })
}

/// `--opt=value` as (`--opt`, the value); any other argument as itself,
/// with no value.
fn split_inline(arg: &str) -> (&str, Option<String>) {
    match arg.split_once('=') {
        Some((name, value)) if name.starts_with("--") => (name, Some(value.to_string())),
        _ => (arg, None),
    }
}

/// The value of option `name`: given inline, or the next argument.
fn value_of(
    name: &str,
    inline: &Option<String>,
    args: &mut impl Iterator<Item = String>,
    what: &str,
) -> Result<String, Usage> {
    match inline {
        Some(value) => Ok(value.clone()),
        None => args
            .next()
            .ok_or_else(|| Usage(format!("{name} needs {what}"))),
    }
}

/// `base` with the options of the JSON object `json` set, named as the
/// page names them (`{"ignoreCase": true}`), each checked as the page
/// checks it.
pub fn options_from_json(json: &str, base: Options) -> Result<Options, String> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| format!("not JSON: {e}"))?;
    Options::from_json(&value, base)
}
