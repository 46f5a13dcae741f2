use serde::{Deserialize, Serialize};

use crate::Error;

/// What counts as equal, and how much effort a comparison may take.
///
/// The normalisations change matching only: the text each op points at is
/// always the input as given.
///
/// The binding reads it from JS with serde (names in camelCase, any left out
/// taken from the default) after refusing names it does not know, which
/// serde-wasm-bindgen would not report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
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
    /// error. Default: 32 MB; at most 4 GB (`u32::MAX` bytes) whatever it
    /// says.
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
