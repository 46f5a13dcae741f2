//! Lossless ops, in the reading order of the right text, with UTF-16 spans.

use std::ops::Range;

use serde::{Deserialize, Serialize};
use similar::DiffOp;

use crate::text::keys::Atom;
use crate::text::utf16::Utf16Index;

/// What happened to a stretch of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum OpKind {
    /// In both texts (alike under the matching options).
    Equal,
    /// Only in the right text.
    Insert,
    /// Only in the left text.
    Delete,
    /// The left span became the right span.
    Replace,
}

/// A half-open range `[start, end)` in UTF-16 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// One change or one unchanged stretch. An `insert` has an empty left span
/// at the place the text went in; a `delete` an empty right span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Op {
    pub kind: OpKind,
    pub left: Span,
    pub right: Span,
}

/// The result of [`crate::compare`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// Lossless ops in the reading order of the right text.
    pub ops: Vec<Op>,
    /// The time budget ran out and the ops are coarser than they could be.
    pub approximate: bool,
    /// Length of the left text in UTF-16 code units.
    pub left_length: usize,
    /// Length of the right text in UTF-16 code units.
    pub right_length: usize,
}

impl Comparison {
    pub(crate) fn new(left: &str, right: &str, ops: Vec<RawOp>, approximate: bool) -> Self {
        let left_index = Utf16Index::new(left);
        let right_index = Utf16Index::new(right);
        let span = |index: &Utf16Index, r: &Range<usize>| Span {
            start: index.at(r.start),
            end: index.at(r.end),
        };
        Comparison {
            ops: ops
                .iter()
                .map(|op| Op {
                    kind: op.kind,
                    left: span(&left_index, &op.left),
                    right: span(&right_index, &op.right),
                })
                .collect(),
            approximate,
            left_length: left_index.at(left.len()),
            right_length: right_index.at(right.len()),
        }
    }
}

/// An op with byte ranges, before the one conversion to UTF-16.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawOp {
    pub kind: OpKind,
    pub left: Range<usize>,
    pub right: Range<usize>,
}

/// Turns a diff over atoms into byte-range ops covering both texts.
pub fn build(left: &[Atom], right: &[Atom], diff: &[DiffOp]) -> Vec<RawOp> {
    let mut out = Builder::default();
    let bytes = |atoms: &[Atom], from: usize, len: usize| {
        if len == 0 {
            return 0..0;
        }
        atoms[from].span().start..atoms[from + len - 1].span().end
    };
    for op in diff {
        match *op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for (a, b) in left[old_index..old_index + len]
                    .iter()
                    .zip(&right[new_index..new_index + len])
                {
                    equal_atoms(&mut out, a, b);
                }
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                out.delete(bytes(left, old_index, old_len));
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                out.insert(bytes(right, new_index, new_len));
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let a = &left[old_index + old_len - 1];
                let b = &right[new_index + new_len - 1];
                let mut before = bytes(left, old_index, old_len);
                let mut after = bytes(right, new_index, new_len);
                // "jeered " → "cheered ": the shared space after the words is
                // no part of the change.
                let shared =
                    a.filler_key == b.filler_key && !a.filler.is_empty() && !b.filler.is_empty();
                if shared {
                    before.end = a.filler.start;
                    after.end = b.filler.start;
                }
                out.delete(before);
                out.insert(after);
                if shared {
                    out.equal(a.filler.clone(), b.filler.clone());
                }
            }
        }
    }
    out.ops
}

/// Two atoms whose tokens match; their filler may still differ.
fn equal_atoms(out: &mut Builder, a: &Atom, b: &Atom) {
    if a.filler_key == b.filler_key {
        out.equal(a.span(), b.span());
        return;
    }
    out.equal(a.token.clone(), b.token.clone());
    if !a.filler.is_empty() {
        out.delete(a.filler.clone());
    }
    if !b.filler.is_empty() {
        out.insert(b.filler.clone());
    }
}

/// Collects ops, merging neighbours: runs of one kind become one op, and a
/// deletion next to an insertion becomes a replacement.
#[derive(Default)]
struct Builder {
    ops: Vec<RawOp>,
    left_at: usize,
    right_at: usize,
}

impl Builder {
    fn equal(&mut self, left: Range<usize>, right: Range<usize>) {
        self.push(OpKind::Equal, left, right);
    }

    fn delete(&mut self, left: Range<usize>) {
        let at = self.right_at;
        self.push(OpKind::Delete, left, at..at);
    }

    fn insert(&mut self, right: Range<usize>) {
        let at = self.left_at;
        self.push(OpKind::Insert, at..at, right);
    }

    fn push(&mut self, kind: OpKind, left: Range<usize>, right: Range<usize>) {
        if left.is_empty() && right.is_empty() {
            return;
        }
        debug_assert_eq!(left.start, self.left_at);
        debug_assert_eq!(right.start, self.right_at);
        self.left_at = left.end;
        self.right_at = right.end;
        if let Some(last) = self.ops.last_mut() {
            let merged = match (last.kind, kind) {
                (a, b) if a == b => Some(a),
                (OpKind::Equal, _) | (_, OpKind::Equal) => None,
                _ => Some(OpKind::Replace),
            };
            if let Some(merged) = merged {
                last.kind = merged;
                last.left.end = left.end;
                last.right.end = right.end;
                return;
            }
        }
        self.ops.push(RawOp { kind, left, right });
    }
}
