//! What the comparison tells a reader, in the shape JS and the CLI receive.

pub mod ops;
