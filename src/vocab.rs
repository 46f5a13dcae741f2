//! The words every layer shares: what happened to a stretch of text
//! ([`OpKind`]), how a sentence is labelled ([`RightLabel`], [`LeftLabel`]),
//! how shares are rounded, and the one way a fixed list of names is written.
//!
//! Each list of names is written once, in a [`names!`] invocation: the
//! macro makes the enum, its [`Label`] (the name in the result, which is
//! also what serde writes) and `ALL`, every value in the order of its
//! number. The wasm binding sends a value as that number, and
//! `src/wasm/result.js` and `src/wasm/types.d.ts` write the same names in
//! the same order (`tests/names.rs` holds them equal).

/// The name a value has in the result, e.g. `"replace"`.
pub trait Label: Copy {
    /// The value's name, as the JSON result and the CLI write it.
    fn name(self) -> &'static str;
}

/// Declares an enum of named values: `Variant = "name"`, numbered from 0 in
/// the order written.
macro_rules! names {
    ($(#[$meta:meta])* pub enum $t:ident { $($(#[$vmeta:meta])* $v:ident = $n:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $t {
            $($(#[$vmeta])* $v,)*
        }

        impl $t {
            /// Every value, in the order of their numbers.
            pub const ALL: &[$t] = &[$($t::$v),*];
        }

        impl $crate::vocab::Label for $t {
            fn name(self) -> &'static str {
                match self {
                    $($t::$v => $n),*
                }
            }
        }

        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str($crate::vocab::Label::name(*self))
            }
        }
    };
}
pub(crate) use names;

names! {
    /// What happened to a stretch of text.
    pub enum OpKind {
        /// In both texts (alike under the matching options).
        Equal = "equal",
        /// Only in the right text.
        Insert = "insert",
        /// Only in the left text.
        Delete = "delete",
        /// The left span became the right span.
        Replace = "replace",
        /// The old place of a moved passage: `left` is the passage, `right` an
        /// empty span where it used to stand; the passage itself appears at its
        /// new place as ops carrying the same `move_id`.
        Move = "move",
    }
}

names! {
    /// How a sentence of the right text came about.
    pub enum RightLabel {
        /// The words are its source's, in order (alike under the matching options).
        Verbatim = "verbatim",
        /// One source sentence with word-level edits: most words kept, in order.
        Edited = "edited",
        /// Its content comes from one or more source sentences, reworded,
        /// merged or split.
        Paraphrased = "paraphrased",
        /// Not derived: no source link above the weak-link threshold.
        New = "new",
        /// Boilerplate: a line one of the rules recognises.
        Boilerplate = "boilerplate",
    }
}

names! {
    /// What became of a sentence of the left text.
    pub enum LeftLabel {
        /// The right text has it word for word.
        Kept = "kept",
        /// One right sentence has it with word-level edits.
        Edited = "edited",
        /// Right sentences draw on it, reworded, merged or split.
        Paraphrased = "paraphrased",
        /// No right sentence draws on it.
        Cut = "cut",
        /// Boilerplate: a line one of the rules recognises.
        Boilerplate = "boilerplate",
    }
}

/// Rounds a share to four decimals, as every share and overlap in the
/// result is.
pub(crate) fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
