//! A readable redline of a comparison, for terminals and plain text (the
//! CLI's `--redline` and the fixture tests' expected outputs).
//!
//! | op | plain | colour (ANSI) |
//! | --- | --- | --- |
//! | equal | the text | the text |
//! | delete | `[-cut-]` | red, struck through |
//! | insert | `{+added+}` | green, underlined |
//! | replace | `[-old-]{+new+}` | both |
//! | replace with parts | markers inside the word: `T[-s-]ikhano[-u-]{+v+}skaya` | both |
//! | move, old place | `[moved #1]` | magenta |
//! | move, new place | `<<#1 …the passage, with its own markers… #1>>` | magenta markers |
//! | boilerplate | `[bp-…-]`, `{bp+…+}` (equal boilerplate as is) | dimmed |

use crate::report::result::{Comparison, Op, Span};
use crate::vocab::OpKind;

/// How to draw the redline.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    /// ANSI colours instead of plain markers.
    pub colour: bool,
    /// Leave boilerplate out altogether.
    pub hide_boilerplate: bool,
}

const RESET: &str = "\x1b[0m";
const RED: &str = "\x1b[31;9m";
const GREEN: &str = "\x1b[32;4m";
const MAGENTA: &str = "\x1b[35m";
const DIM_RED: &str = "\x1b[2;31;9m";
const DIM_GREEN: &str = "\x1b[2;32m";

/// Renders `result` (of `left` against `right`) as a redline.
pub fn render(left: &str, right: &str, result: &Comparison, style: Style) -> String {
    let l16: Vec<u16> = left.encode_utf16().collect();
    let r16: Vec<u16> = right.encode_utf16().collect();
    let text = |units: &[u16], span: Span| String::from_utf16_lossy(&units[span.start..span.end]);
    let mut out = String::with_capacity(right.len() * 5 / 4);
    let mut open_move: Option<u32> = None;
    for op in &result.ops {
        if style.hide_boilerplate && op.boilerplate {
            continue;
        }
        let moving = if op.kind == OpKind::Move {
            None
        } else {
            op.move_id
        };
        if open_move != moving {
            if let Some(id) = open_move {
                close_move(&mut out, id, style);
            }
            if let Some(id) = moving {
                paint(&mut out, style, MAGENTA, &format!("<<#{id} "));
            }
            open_move = moving;
        }
        let (l, r) = (text(&l16, op.left), text(&r16, op.right));
        match op.kind {
            OpKind::Equal => out.push_str(&r),
            OpKind::Move => paint(
                &mut out,
                style,
                MAGENTA,
                &format!("[moved #{}]", op.move_id.unwrap_or(0)),
            ),
            OpKind::Delete => cut(&mut out, &l, op.boilerplate, style),
            OpKind::Insert => added(&mut out, &r, op.boilerplate, style),
            OpKind::Replace => match &op.parts {
                Some(parts) => render_parts(&mut out, parts, &l16, &r16, style),
                None => {
                    cut(&mut out, &l, op.boilerplate, style);
                    added(&mut out, &r, op.boilerplate, style);
                }
            },
        }
    }
    if let Some(id) = open_move {
        close_move(&mut out, id, style);
    }
    out
}

fn close_move(out: &mut String, id: u32, style: Style) {
    paint(out, style, MAGENTA, &format!(" #{id}>>"));
}

fn render_parts(out: &mut String, parts: &[Op], l16: &[u16], r16: &[u16], style: Style) {
    for part in parts {
        let l = String::from_utf16_lossy(&l16[part.left.start..part.left.end]);
        let r = String::from_utf16_lossy(&r16[part.right.start..part.right.end]);
        match part.kind {
            OpKind::Equal => out.push_str(&r),
            OpKind::Delete => cut(out, &l, false, style),
            OpKind::Insert => added(out, &r, false, style),
            _ => {
                cut(out, &l, false, style);
                added(out, &r, false, style);
            }
        }
    }
}

fn cut(out: &mut String, text: &str, boilerplate: bool, style: Style) {
    if style.colour {
        paint(out, style, if boilerplate { DIM_RED } else { RED }, text);
    } else {
        out.push_str(if boilerplate { "[bp-" } else { "[-" });
        out.push_str(text);
        out.push_str("-]");
    }
}

fn added(out: &mut String, text: &str, boilerplate: bool, style: Style) {
    if style.colour {
        paint(
            out,
            style,
            if boilerplate { DIM_GREEN } else { GREEN },
            text,
        );
    } else {
        out.push_str(if boilerplate { "{bp+" } else { "{+" });
        out.push_str(text);
        out.push_str("+}");
    }
}

fn paint(out: &mut String, style: Style, colour: &str, text: &str) {
    if style.colour {
        out.push_str(colour);
        out.push_str(text);
        out.push_str(RESET);
    } else {
        out.push_str(text);
    }
}
