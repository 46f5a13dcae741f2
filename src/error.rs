use std::fmt;

/// Why a comparison could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// One input is longer than [`crate::Options::max_input_bytes`].
    InputTooLarge {
        /// Which input: `"left"`, `"right"`, `"source"` or `"version"`.
        side: &'static str,
        /// Its length in bytes (UTF-8).
        bytes: usize,
        /// The limit it is above.
        limit: usize,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InputTooLarge { side, bytes, limit } => write!(
                f,
                "the {side} text is {} MB, above the limit of {} MB",
                Megabytes(*bytes),
                Megabytes(*limit)
            ),
        }
    }
}

impl std::error::Error for Error {}

/// Bytes as megabytes with one decimal, in integer arithmetic (float
/// formatting would add kilobytes to the wasm).
struct Megabytes(usize);

impl fmt::Display for Megabytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tenths = (self.0 + 50_000) / 100_000;
        write!(f, "{}.{}", tenths / 10, tenths % 10)
    }
}
