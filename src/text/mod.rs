//! From text to comparable units: tokens, then the keys they are matched by.

pub mod keys;
pub mod tokenize;
pub mod utf16;
