//! Finding what the two texts share: sentences first, then words.

pub(crate) mod cleanup;
pub(crate) mod features;
pub(crate) mod fuzzy;
pub(crate) mod matching;
pub(crate) mod ops;
pub(crate) mod refine;
pub(crate) mod sentences;
pub(crate) mod sourcemap;
pub(crate) mod words;
