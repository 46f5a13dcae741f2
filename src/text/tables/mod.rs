//! Unicode tables, each written by `scripts/word-table.py`, never by hand:
//! `tests/tables.rs` fails when `words.rs` or `clusters.rs` is not what the
//! script writes, and the test in `super::lowercase` when `lowercase.rs` is
//! not the standard library's mapping.

pub(crate) mod clusters;
pub(crate) mod lowercase;
pub(crate) mod words;
