//! The result as a list of numbers, which `result.js` turns into the JS
//! objects of `types.d.ts`.
//!
//! Why numbers: the result is almost all numbers (spans, indices, counts)
//! and a few names from fixed lists. Written as JSON and handed to
//! `JSON.parse`, the string's decoding and the parse were a large share of
//! a call, small or large; `result.js` reads these numbers from wasm memory,
//! without a copy, much faster than `JSON.parse`, and builds exactly the
//! objects it gave (the browser tests hold them equal to serde's JSON of
//! the same result).
//!
//! The layout, in the order the fields appear in the objects (`result.js`
//! reads it back in the same order):
//!
//! * a span: `start, end`;
//! * a name: its number, the index of its value in the enum's `ALL` (the
//!   lists at the top of `result.js` hold the same names in the same order);
//! * a share or an overlap: ten thousand times it (they are rounded to four
//!   decimals);
//! * a number fact's value: the 64 bits of the `f64`, low word first;
//! * an optional field: a bit in a flags word that comes first, then the
//!   value when the bit is set;
//! * a list: its length, then its items;
//! * texts (a fact's `leftText` and `rightText`) are not sent: they are the
//!   fact's spans of the two texts, which JS slices itself.

use crate::report::result::*;
use crate::vocab::{LeftLabel, RightLabel};

/// The numbers, written in one pass.
pub struct Words(Vec<u32>);

impl Words {
    pub fn comparison(result: &Comparison) -> Self {
        let mut w = Words(Vec::with_capacity(estimate(result)));
        w.write(result);
        w
    }

    pub fn many(result: &ManyComparison) -> Self {
        let size = result.results.iter().map(estimate).sum::<usize>();
        let mut w = Words(Vec::with_capacity(size + result.matrix.len().pow(2) + 2));
        w.0.push(result.results.len() as u32);
        for r in &result.results {
            w.write(r);
        }
        w.0.push(result.matrix.len() as u32);
        for row in &result.matrix {
            for &x in row {
                w.share(x);
            }
        }
        w
    }

    pub fn as_slice(&self) -> &[u32] {
        &self.0
    }

    fn n(&mut self, n: usize) {
        self.0.push(n as u32);
    }

    fn span(&mut self, s: &Span) {
        self.0.extend([s.start as u32, s.end as u32]);
    }

    /// Ten thousand times a share rounded to four decimals, as a JSON
    /// writer would print it (nothing below zero or undefined occurs).
    fn share(&mut self, x: f64) {
        let scaled = (x * 10_000.0).round();
        self.0.push(if scaled.is_finite() && scaled >= 0.0 {
            scaled as u32
        } else {
            0
        });
    }

    /// A value that need not be whole (a number fact's value): its 64
    /// bits, low word first.
    fn float(&mut self, x: f64) {
        let bits = x.to_bits();
        self.0.extend([bits as u32, (bits >> 32) as u32]);
    }

    /// An optional span whose flag went before.
    fn maybe_span(&mut self, s: &Option<Span>) {
        if let Some(s) = s {
            self.span(s);
        }
    }

    fn op(&mut self, op: &Op) {
        self.0.push(op.kind as u32);
        self.span(&op.left);
        self.span(&op.right);
        let flags = u32::from(op.move_id.is_some())
            | u32::from(op.parts.is_some()) << 1
            | u32::from(op.boilerplate) << 2;
        self.0.push(flags);
        if let Some(id) = op.move_id {
            self.0.push(id);
        }
        if let Some(parts) = &op.parts {
            self.n(parts.len());
            parts.iter().for_each(|p| self.op(p));
        }
    }

    fn structure<L: Copy + Into<u32>>(&mut self, s: &Structure<L>) {
        self.n(s.paragraphs.len());
        s.paragraphs.iter().for_each(|p| self.span(p));
        self.n(s.sentences.len());
        for x in &s.sentences {
            self.span(&x.span);
            self.n(x.paragraph);
            self.0.push(x.label.into());
            let flags = u32::from(x.matched.is_some())
                | u32::from(x.move_id.is_some()) << 1
                | u32::from(x.boilerplate_rule.is_some()) << 2;
            self.0.push(flags);
            if let Some(m) = x.matched {
                self.n(m);
            }
            self.share(x.overlap);
            if let Some(id) = x.move_id {
                self.0.push(id);
            }
            if let Some(rule) = x.boilerplate_rule {
                self.0.push(rule as u32);
            }
            // always a length: JS leaves the key out when it is 0
            self.n(x.sources.len());
            for source in &x.sources {
                self.n(source.sentence);
                self.share(source.score);
                self.n(source.words.len());
                for w in &source.words {
                    self.span(&w.left);
                    self.span(&w.right);
                }
            }
        }
    }

    fn tally(&mut self, t: &Tally) {
        self.0.extend([t.unchanged, t.altered, t.cut, t.added]);
    }

    fn write(&mut self, r: &Comparison) {
        self.n(r.ops.len());
        r.ops.iter().for_each(|op| self.op(op));
        self.structure(&r.left);
        self.structure(&r.right);
        self.n(r.moves.len());
        for m in &r.moves {
            self.0.push(m.id);
            self.span(&m.left);
            self.span(&m.right);
            self.0.push(u32::from(m.edited));
        }
        self.n(r.facts.len());
        for f in &r.facts {
            self.0.extend([f.kind as u32, f.change as u32]);
            self.0.push(
                u32::from(f.left.is_some())
                    | u32::from(f.right.is_some()) << 1
                    | u32::from(f.left_value.is_some()) << 2
                    | u32::from(f.right_value.is_some()) << 3
                    | u32::from(f.left_speaker.is_some()) << 4
                    | u32::from(f.right_speaker.is_some()) << 5,
            );
            for s in [&f.left, &f.right] {
                self.maybe_span(s);
            }
            f.left_value.iter().for_each(|&x| self.float(x));
            f.right_value.iter().for_each(|&x| self.float(x));
            for s in [&f.left_speaker, &f.right_speaker] {
                self.maybe_span(s);
            }
        }
        self.n(r.credits.len());
        for c in &r.credits {
            self.0.extend([c.agency as u32, c.status as u32]);
            self.0
                .push(u32::from(c.left.is_some()) | u32::from(c.right.is_some()) << 1);
            for s in [&c.left, &c.right] {
                self.maybe_span(s);
            }
        }
        let s = &r.stats;
        self.0.extend([s.left_words, s.right_words]);
        for share in [
            s.verbatim_share,
            s.edited_share,
            s.paraphrased_share,
            s.new_share,
            s.derived_share,
            s.reused_share,
            s.source_reused_share,
        ] {
            self.share(share);
        }
        match &s.longest_shared {
            None => self.0.push(0),
            Some(l) => {
                self.0.extend([1, l.words]);
                self.span(&l.left);
                self.span(&l.right);
            }
        }
        self.0
            .extend([s.insertions, s.deletions, s.replacements, s.moves]);
        self.tally(&s.quotes);
        self.tally(&s.numbers);
        self.0.push(s.verdict as u32);
        self.0.push(u32::from(s.estimated));
        self.0.push(u32::from(r.approximate));
        self.n(r.left_length);
        self.n(r.right_length);
    }
}

/// About how many numbers `r` takes, to allocate once.
fn estimate(r: &Comparison) -> usize {
    let sentences = r.left.sentences.len() + r.right.sentences.len();
    let words = |x: &[Source]| x.iter().map(|s| 3 + 4 * s.words.len()).sum::<usize>();
    let sources: usize = r
        .left
        .sentences
        .iter()
        .map(|x| words(&x.sources))
        .sum::<usize>()
        + r.right
            .sentences
            .iter()
            .map(|x| words(&x.sources))
            .sum::<usize>();
    let paragraphs = r.left.paragraphs.len() + r.right.paragraphs.len();
    8 * r.ops.len()
        + 10 * sentences
        + sources
        + 2 * paragraphs
        + 17 * r.facts.len()
        + 7 * r.credits.len()
        + 64
}

impl From<LeftLabel> for u32 {
    fn from(l: LeftLabel) -> u32 {
        l as u32
    }
}

impl From<RightLabel> for u32 {
    fn from(l: RightLabel) -> u32 {
        l as u32
    }
}
