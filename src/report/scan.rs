//! Both texts' words read once for the report: the atoms that may start a
//! quantity ([`crate::report::quantities`]) and the words that may be
//! capitalised (names in [`crate::report::facts`], agencies in
//! [`crate::report::credits`]), so that each of those reads a few atoms
//! rather than every one.

use crate::report::quantities::{self, NONE};
use crate::text::Side;
use crate::text::tokenize::TokenKind;

/// A key not read yet.
const UNREAD: u8 = NONE - 1;

pub struct Scan {
    /// Every word's position in the quantities' lists
    /// ([`quantities::position`]), by token key: read once for a key the
    /// texts repeat or share.
    pub positions: Vec<u8>,
    pub left: Marks,
    pub right: Marks,
}

/// The atoms of one text that its readers look at.
#[derive(Default)]
pub struct Marks {
    /// Digits, and words with a position: what may start a quantity.
    pub quantities: Vec<u32>,
    /// Words whose first byte is not an ASCII lower-case letter (a capital,
    /// or any non-ASCII character), or is `d` (`dpa`).
    pub capitals: Vec<u32>,
}

#[inline(never)] // its own function in the wasm: see "Phases" in lib.rs
pub fn read(left: &Side, right: &Side) -> Scan {
    // Each atom adds at most two keys (its token's and its filler's) to
    // those the texts were read with; more, and the table grows.
    let keys = 2 * (left.atoms.len() + right.atoms.len()) + 1;
    let mut positions = vec![UNREAD; keys];
    let left = marks_growing(left, &mut positions);
    let right = marks_growing(right, &mut positions);
    Scan {
        positions,
        left,
        right,
    }
}

/// [`marks`], with the table grown (and the text read again) when a key is
/// past its end.
fn marks_growing(side: &Side, positions: &mut Vec<u8>) -> Marks {
    loop {
        match marks(side, positions) {
            Ok(marks) => return marks,
            Err(key) => positions.resize(key + 1 + positions.len(), UNREAD),
        }
    }
}

/// The marks of a text, or a key past the end of `positions`.
fn marks(side: &Side, positions: &mut [u8]) -> Result<Marks, usize> {
    let bytes = side.text.as_bytes();
    let mut out = Marks::default();
    for (k, atom) in side.atoms.iter().enumerate() {
        match atom.kind {
            TokenKind::Number => out.quantities.push(k as u32),
            TokenKind::Word => {
                let token = atom.token();
                let first = bytes[token.start];
                let key = atom.key as usize;
                let Some(position) = positions.get_mut(key) else {
                    return Err(key);
                };
                if *position == UNREAD {
                    *position = quantities::position(&bytes[token]);
                }
                if *position != NONE {
                    out.quantities.push(k as u32);
                }
                if !first.is_ascii_lowercase() || first == b'd' {
                    out.capitals.push(k as u32);
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;
    use crate::text::keys::Keys;

    #[test]
    fn the_marks_are_the_atoms_each_reader_would_pick() {
        let texts = [
            "Over 5,000 workers, about two-thirds, met dpa and AP in Minsk. THREE more; at least a dozen.",
            "Élan: „Zwei“ said Ödön — half a million, 7 000, Über-fast! the AT at at-most i I",
            "",
            " \n ",
        ];
        for ignore_case in [false, true] {
            let options = Options {
                ignore_case,
                ..Options::default()
            };
            let mut keys = Keys::new(&options);
            let sides: Vec<Side> = texts.iter().map(|t| Side::new(t, &mut keys)).collect();
            for left in &sides {
                for right in &sides {
                    let scan = read(left, right);
                    for (side, marks) in [(left, &scan.left), (right, &scan.right)] {
                        let text = side.text.as_bytes();
                        let (mut quantities, mut capitals) = (Vec::new(), Vec::new());
                        for (k, a) in side.atoms.iter().enumerate() {
                            let word = &text[a.token()];
                            if a.kind == TokenKind::Number
                                || a.kind == TokenKind::Word && quantities::position(word) != NONE
                            {
                                quantities.push(k as u32);
                            }
                            if a.kind == TokenKind::Word
                                && (!word[0].is_ascii_lowercase() || word[0] == b'd')
                            {
                                capitals.push(k as u32);
                            }
                            if a.kind == TokenKind::Word {
                                let position = scan.positions[a.key as usize];
                                assert_eq!(position, quantities::position(word));
                            }
                        }
                        assert_eq!(marks.quantities, quantities);
                        assert_eq!(marks.capitals, capitals);
                        // from a table too small for any key
                        let grown = marks_growing(side, &mut Vec::new());
                        assert_eq!(grown.quantities, quantities);
                        assert_eq!(grown.capitals, capitals);
                    }
                }
            }
        }
    }
}
