//! The command line, read by the usual conventions: `--opt value` and
//! `--opt=value` alike, `--` before file names that start with `-`.

use wirediff::Options;

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

/// What was asked for: a comparison, or the help or the version.
pub enum Request {
    Compare(Args),
    Help,
    Version,
}

/// A usage error, in words for the person who typed the command.
pub struct Usage(pub String);

pub fn parse(args: impl Iterator<Item = String>) -> Result<Request, Usage> {
    let mut parsed = Args {
        files: Vec::new(),
        output: Output::Redline,
        colour: Colour::Auto,
        hide_boilerplate: false,
        encoding: Encoding::Auto,
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
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = |what: &str| match inline.clone() {
            Some(value) => Ok(value),
            None => args
                .next()
                .ok_or_else(|| Usage(format!("{name} needs {what}"))),
        };
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
