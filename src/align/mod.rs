//! Finding what the two texts share: sentences first, then words.

pub mod cleanup;
pub mod features;
pub mod refine;
pub mod sentences;
pub mod sourcemap;
pub mod words;
