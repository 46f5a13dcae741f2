//! From text to comparable units: tokens, the keys they are matched by,
//! paragraphs, sentences and boilerplate.

pub(crate) mod boilerplate;
pub(crate) mod clusters;
pub(crate) mod keys;
pub(crate) mod lowercase;
pub(crate) mod structure;
pub(crate) mod tables;
pub(crate) mod tokenize;
pub(crate) mod utf16;
pub(crate) mod words;

use keys::{Atom, Keys};
use structure::Structure;

/// One text, analysed.
pub struct Side<'a> {
    pub text: &'a str,
    pub atoms: Vec<Atom>,
    pub structure: Structure,
}

impl<'a> Side<'a> {
    pub fn new(text: &'a str, keys: &mut Keys) -> Self {
        let tokens = tokenize::tokenize(text);
        let atoms = keys.atoms(text, &tokens);
        let structure = structure::analyse(text, &tokens, &atoms);
        Side {
            text,
            atoms,
            structure,
        }
    }
}
