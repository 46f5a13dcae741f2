//! Finding what the two texts share: sentences first, then words.

pub mod cleanup;
pub mod refine;
pub mod sentences;
pub mod words;
