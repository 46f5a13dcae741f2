//! Finding what the two texts share.

pub mod words;
