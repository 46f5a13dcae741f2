use std::fmt;

/// Why a comparison could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// One input is longer than [`crate::Options::max_input_bytes`].
    InputTooLarge {
        side: &'static str,
        bytes: usize,
        limit: usize,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InputTooLarge { side, bytes, limit } => write!(
                f,
                "the {side} text is {:.1} MB, above the limit of {:.1} MB",
                *bytes as f64 / 1e6,
                *limit as f64 / 1e6
            ),
        }
    }
}

impl std::error::Error for Error {}
