use serde::Serialize;

use crate::error::Error;

/// What counts as equal, and how much effort a comparison may take.
///
/// The normalisations change matching only: the text each op points at is
/// always the input as given.
///
/// The binding reads it from JS one option at a time with [`Options::set`]
/// (names in camelCase, any left out taken from the default), and gives
/// the defaults back with serde.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Options {
    /// `Lukashenko` matches `LUKASHENKO`. Default: off.
    pub ignore_case: bool,
    /// Curly, low and prime quotes match their straight forms. Default: on.
    pub unify_quotes: bool,
    /// Em, en and non-breaking hyphens and the minus sign match `-`. Default: on.
    pub unify_dashes: bool,
    /// Any run of whitespace (spaces, tabs, non-breaking spaces, line breaks)
    /// matches any other. Default: on.
    pub unify_whitespace: bool,
    /// Punctuation is left out of matching altogether. Default: off.
    pub ignore_punctuation: bool,
    /// Past this many milliseconds the engine settles for a coarser, still
    /// lossless result flagged `approximate`. Default: 2000.
    pub time_budget_ms: u32,
    /// Inputs longer than this many UTF-8 bytes are refused with a clear
    /// error. Default: 32 MB; at least 1 byte and at most 4 GB (`u32::MAX`
    /// bytes): the engine keeps byte offsets in 32 bits.
    pub max_input_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            ignore_case: false,
            unify_quotes: true,
            unify_dashes: true,
            unify_whitespace: true,
            ignore_punctuation: false,
            time_budget_ms: 2000,
            max_input_bytes: 32_000_000,
        }
    }
}

impl Options {
    /// Refuses a text over `max_input_bytes`, and any over 4 GB: the
    /// engine keeps byte offsets in 32 bits.
    pub(crate) fn check_input(&self, side: &'static str, text: &str) -> Result<(), Error> {
        let limit = self.max_input_bytes.min(u32::MAX as usize);
        if text.len() > limit {
            return Err(Error::InputTooLarge {
                side,
                bytes: text.len(),
                limit,
            });
        }
        Ok(())
    }
}

/// An option's value as a caller that can pass anything (JavaScript) gave it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Given {
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
    /// Neither: a string, a BigInt, null, an object…
    Other,
}

impl Options {
    /// Sets the option `name` (as JavaScript spells it: `ignoreCase`) to
    /// `value`. Refuses a name it does not know, and a value of the wrong
    /// kind or out of range, with a message that names the option and what
    /// it accepts; `shown` is how the caller writes the value (`NaN`,
    /// `1e+300`, `the BigInt 10n`).
    pub fn set(&mut self, name: &str, value: Given, shown: &str) -> Result<(), String> {
        let flag = match name {
            "ignoreCase" => &mut self.ignore_case,
            "unifyQuotes" => &mut self.unify_quotes,
            "unifyDashes" => &mut self.unify_dashes,
            "unifyWhitespace" => &mut self.unify_whitespace,
            "ignorePunctuation" => &mut self.ignore_punctuation,
            "timeBudgetMs" => {
                self.time_budget_ms = whole(value, 0).ok_or_else(|| {
                    format!(
                        "`timeBudgetMs` must be a whole number of milliseconds from 0 to {}, not {shown}",
                        u32::MAX
                    )
                })?;
                return Ok(());
            }
            "maxInputBytes" => {
                self.max_input_bytes = whole(value, 1).ok_or_else(|| {
                    format!(
                        "`maxInputBytes` must be a whole number of bytes from 1 to {} (4 GB), not {shown}",
                        u32::MAX
                    )
                })? as usize;
                return Ok(());
            }
            _ => return Err(format!("unknown option `{name}`")),
        };
        match value {
            Given::Bool(on) => *flag = on,
            _ => return Err(format!("`{name}` must be true or false, not {shown}")),
        }
        Ok(())
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Options {
    /// The options as JSON names them (`{"ignoreCase": true}`), for the
    /// native callers: the CLI's `--options`, `wirediff batch`'s records and
    /// Python's `options=`. Each is set over `base` with [`Options::set`], so
    /// a message names the option at fault as the JS binding's does.
    pub fn from_json(value: &serde_json::Value, base: Options) -> Result<Options, String> {
        let serde_json::Value::Object(fields) = value else {
            return Err(format!("expected an object, not {}", shown(value)));
        };
        let mut options = base;
        for (name, given) in fields {
            let value = match given {
                serde_json::Value::Bool(on) => Given::Bool(*on),
                serde_json::Value::Number(n) => n.as_f64().map_or(Given::Other, Given::Number),
                _ => Given::Other,
            };
            options.set(name, value, &shown(given))?;
        }
        Ok(options)
    }
}

/// A JSON value as a message shows it: `1e300`, `the string "yes"`, `null`.
#[cfg(not(target_arch = "wasm32"))]
fn shown(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(text) => {
            let short: String = text.chars().take(40).collect();
            let cut = if short.len() < text.len() { "…" } else { "" };
            format!("the string {short:?}{cut}")
        }
        serde_json::Value::Array(_) => "a list".into(),
        serde_json::Value::Object(_) => "an object".into(),
        other => other.to_string(),
    }
}

/// `value` as a whole number from `min` to `u32::MAX`, or None.
fn whole(value: Given, min: u32) -> Option<u32> {
    match value {
        Given::Number(n) if n.fract() == 0.0 && n >= f64::from(min) && n <= f64::from(u32::MAX) => {
            Some(n as u32)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_names_the_option_and_what_it_accepts() {
        let mut o = Options::default();
        assert_eq!(o.set("ignoreCase", Given::Bool(true), "true"), Ok(()));
        assert!(o.ignore_case);
        assert_eq!(o.set("timeBudgetMs", Given::Number(0.0), "0"), Ok(()));
        assert_eq!(
            o.set(
                "maxInputBytes",
                Given::Number(4_294_967_295.0),
                "4294967295"
            ),
            Ok(())
        );
        assert_eq!(o.max_input_bytes, u32::MAX as usize);
        let budget =
            "`timeBudgetMs` must be a whole number of milliseconds from 0 to 4294967295, not ";
        for (value, shown) in [
            (f64::NAN, "NaN"),
            (1e300, "1e+300"),
            (-1.0, "-1"),
            (2.5, "2.5"),
            (f64::INFINITY, "Infinity"),
        ] {
            assert_eq!(
                o.set("timeBudgetMs", Given::Number(value), shown),
                Err(format!("{budget}{shown}"))
            );
        }
        assert_eq!(
            o.set("timeBudgetMs", Given::Other, "the BigInt 10n"),
            Err(format!("{budget}the BigInt 10n"))
        );
        let limit =
            "`maxInputBytes` must be a whole number of bytes from 1 to 4294967295 (4 GB), not ";
        for (value, shown) in [
            (-1.0, "-1"),
            (0.0, "0"),
            (10.5, "10.5"),
            (4_294_967_296.0, "4294967296"),
        ] {
            assert_eq!(
                o.set("maxInputBytes", Given::Number(value), shown),
                Err(format!("{limit}{shown}"))
            );
        }
        assert_eq!(
            o.set("unifyQuotes", Given::Other, "the string \"yes\""),
            Err("`unifyQuotes` must be true or false, not the string \"yes\"".into())
        );
        assert_eq!(
            o.set("colour", Given::Bool(true), "true"),
            Err("unknown option `colour`".into())
        );
        // a refused value leaves the option as it was
        assert_eq!(o.time_budget_ms, 0);
        assert!(o.unify_quotes);
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn json_options_are_set_over_the_base_and_named_when_refused() {
        let json = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
        let base = Options {
            time_budget_ms: 7,
            ..Options::default()
        };
        let o = Options::from_json(&json(r#"{"ignoreCase": true}"#), base.clone()).unwrap();
        assert!(o.ignore_case);
        assert_eq!(
            o.time_budget_ms, 7,
            "an option left out keeps the base's value"
        );
        for (given, message) in [
            ("[1]", "expected an object, not a list"),
            ("null", "expected an object, not null"),
            (
                r#"{"ignoreCase": "yes"}"#,
                "`ignoreCase` must be true or false, not the string \"yes\"",
            ),
            (
                r#"{"timeBudgetMs": 1.5}"#,
                "`timeBudgetMs` must be a whole number of milliseconds from 0 to 4294967295, not 1.5",
            ),
            (r#"{"colour": {}}"#, "unknown option `colour`"),
        ] {
            assert_eq!(
                Options::from_json(&json(given), base.clone()),
                Err(message.into()),
                "{given}"
            );
        }
    }
}
