//! What sentence alignment works on and what it finds: each unit's key
//! ([`UnitKey`]), the links of the source map ([`Link`]), the moves
//! ([`MoveGroup`]) and the whole [`Alignment`], which the word alignment
//! and the report read. How they are found: [`super::matching`].

use std::ops::Range;

use crate::text::keys::{Atom, EMPTY};
use crate::text::structure::Unit;

/// What the aligner knows of a unit.
#[derive(Debug, Clone)]
pub struct UnitKey<'a> {
    pub hash: u64,
    pub boilerplate: bool,
    pub words: u32,
    /// The unit's atoms, for its words ([`super::sourcemap::Words`]).
    pub atoms: &'a [Atom],
    /// The whole text its atoms point into.
    pub text: &'a str,
}

impl<'a> UnitKey<'a> {
    pub fn new(unit: &Unit, atoms: &'a [Atom], text: &'a str) -> Self {
        let atoms = &atoms[unit.atoms.clone()];
        let keys = atoms
            .iter()
            .filter(|a| a.key != EMPTY)
            .map(|a| u64::from(a.key));
        UnitKey {
            hash: crate::hash::of(std::iter::once(u64::from(unit.rule.is_some())).chain(keys)),
            boilerplate: unit.rule.is_some(),
            words: unit.words,
            atoms,
            text,
        }
    }

    /// Steps 3 and 4 consider it.
    pub(crate) fn loose(&self) -> bool {
        !self.boilerplate && self.words > 0
    }
}

/// The keys of every unit of `side`, for tests that align sides directly.
#[cfg(test)]
pub(crate) fn unit_keys<'s>(side: &'s crate::text::Side) -> Vec<UnitKey<'s>> {
    side.structure
        .units
        .iter()
        .map(|u| UnitKey::new(u, &side.atoms, side.text))
        .collect()
}

/// A moved passage: units `left` of the left text stand as units `right`
/// of the right text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoveGroup {
    /// 1-based, so that it is never falsy in JavaScript.
    pub id: u32,
    pub left: Range<usize>,
    pub right: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Alignment {
    pub left_match: Vec<Option<usize>>,
    pub right_match: Vec<Option<usize>>,
    /// In-order blocks (left units, right units), increasing on both: a
    /// matched pair, or a group of units diffed together (whose ranges may
    /// hold unmatched units, which are cut or added inside the block).
    pub backbone: Vec<(Range<usize>, Range<usize>)>,
    pub moves: Vec<MoveGroup>,
    /// Move id of each unit (0: not moved).
    pub left_move: Vec<u32>,
    pub right_move: Vec<u32>,
    /// Every source link, by right unit then strongest first.
    pub links: Vec<Link>,
    /// Right units the source map did not reach before the deadline.
    pub untraced: Vec<usize>,
}

/// Right unit `right` draws on left unit `left`: `score` (0..1) of its
/// content comes from there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub left: usize,
    pub right: usize,
    pub score: f64,
    /// The right unit is derived (not only weakly linked).
    pub derived: bool,
}
