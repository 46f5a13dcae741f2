//! What the comparison tells a reader, in the shape JS and the CLI receive.

pub(crate) mod credits;
pub(crate) mod estimate;
pub(crate) mod facts;
pub(crate) mod provenance;
pub(crate) mod quantities;
pub mod redline;
pub(crate) mod result;
pub(crate) mod scan;
pub(crate) mod speakers;
pub(crate) mod stats;

use std::ops::Range;

use crate::align::ops::{Built, RawOp};
use crate::align::sentences::Alignment;
use crate::budget::Budget;
use crate::text::Side;
use crate::text::utf16::Utf16Index;
use result::{Comparison, Credit, Fact, Move, Op, Span};

/// Puts the result together, converting every byte range to UTF-16 once.
#[inline(never)] // its own function in the wasm: see "Phases" in lib.rs
pub(crate) fn assemble(
    left: &Side,
    right: &Side,
    alignment: &Alignment,
    built: Built,
    budget: &Budget,
) -> Comparison {
    let (l16, r16) = (Utf16Index::new(left.text), Utf16Index::new(right.text));
    let span = |index: &Utf16Index, r: &Range<usize>| Span {
        start: index.at(r.start),
        end: index.at(r.end),
    };
    let estimate = estimate::labels(left, right, alignment);
    let labels = provenance::labels(left, right, alignment, &built, &estimate.labels);
    let scan = scan::read(left, right);
    let found = facts::find(left, right, &scan, &built.ops, budget);
    let stats = stats::compute(
        &stats::Inputs {
            left,
            right,
            alignment,
            built: &built,
            labels: &labels,
            quotes: found.quotes,
            numbers: found.numbers,
            estimated: estimate.used,
        },
        &l16,
        &r16,
    );
    let units = |side: &Side, r: &Range<usize>| {
        let u = &side.structure.units;
        u[r.start].bytes.start..u[r.end - 1].bytes.end
    };
    let moves = alignment
        .moves
        .iter()
        .map(|m| Move {
            id: m.id,
            left: span(&l16, &units(left, &m.left)),
            right: span(&r16, &units(right, &m.right)),
            edited: built.move_edited[m.id as usize - 1],
        })
        .collect();
    let facts = found
        .facts
        .iter()
        .map(|f| Fact {
            kind: f.kind,
            change: f.change,
            left: maybe_span(&l16, &f.left),
            right: maybe_span(&r16, &f.right),
            left_text: maybe_text(left.text, &f.left),
            right_text: maybe_text(right.text, &f.right),
            left_value: f.left_value,
            right_value: f.right_value,
            left_speaker: maybe_span(&l16, &f.left_speaker),
            right_speaker: maybe_span(&r16, &f.right_speaker),
        })
        .collect();
    let credits = credits::check(left, right, &scan)
        .into_iter()
        .map(|c| Credit {
            agency: c.agency,
            status: c.status,
            left: maybe_span(&l16, &c.left),
            right: maybe_span(&r16, &c.right),
        })
        .collect();
    let linked = provenance::sources(
        alignment,
        &built,
        &l16,
        &r16,
        (left.structure.units.len(), right.structure.units.len()),
    );
    let convert = |op: &RawOp| Op {
        kind: op.kind,
        left: span(&l16, &op.left),
        right: span(&r16, &op.right),
        move_id: op.move_id,
        parts: (!op.parts.is_empty()).then(|| {
            op.parts
                .iter()
                .map(|(kind, l, r)| Op {
                    kind: *kind,
                    left: span(&l16, l),
                    right: span(&r16, r),
                    move_id: None,
                    parts: None,
                    boilerplate: false,
                })
                .collect()
        }),
        boilerplate: op.boilerplate,
    };
    Comparison {
        ops: built.ops.iter().map(convert).collect(),
        left: provenance::structure(
            left,
            &l16,
            &labels.left,
            &linked.left_words,
            &alignment.left_move,
            linked.left,
        ),
        right: provenance::structure(
            right,
            &r16,
            &labels.right,
            &linked.right_words,
            &alignment.right_move,
            linked.right,
        ),
        moves,
        facts,
        credits,
        stats,
        approximate: budget.degraded(),
        left_length: l16.at(left.text.len()),
        right_length: r16.at(right.text.len()),
    }
}

/// An optional byte range in UTF-16 (one function for every optional span
/// of facts and credits, rather than one copy per field).
#[inline(never)]
fn maybe_span(index: &Utf16Index, r: &Option<Range<usize>>) -> Option<Span> {
    r.as_ref().map(|r| Span {
        start: index.at(r.start),
        end: index.at(r.end),
    })
}

/// The text of an optional byte range, empty without one.
#[inline(never)]
fn maybe_text(text: &str, r: &Option<Range<usize>>) -> String {
    r.as_ref()
        .map_or(String::new(), |r| text[r.clone()].to_string())
}
