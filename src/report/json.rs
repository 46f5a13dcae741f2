//! The result as JSON text, written by hand: the binding hands it to
//! `JSON.parse`, which is much faster for large results than building JS
//! objects field by field, and keeps serde's serializers out of the wasm.
//!
//! It writes exactly the shape the serde derives on [`crate::report::result`]
//! give `serde_json` (the CLI's `--json`): same names, same optional fields
//! left out; a native test compares the two on many inputs. Floats are the
//! shares and overlaps, which the engine rounds to four decimals
//! ([`round4`]), so integer arithmetic writes them as `serde_json` does.

use super::result::*;

/// Rounds a share to four decimals, as every share and overlap in the
/// result is.
pub fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Serialises a result (a [`Comparison`] or a [`ManyComparison`]).
pub trait ToJson {
    fn write(&self, out: &mut Json);

    fn to_json(&self) -> String {
        let mut out = Json(String::with_capacity(1024));
        self.write(&mut out);
        out.0
    }
}

/// A JSON text being written.
pub struct Json(String);

impl Json {
    #[inline(never)]
    fn raw(&mut self, s: &str) {
        self.0.push_str(s);
    }

    #[inline(never)]
    fn uint(&mut self, n: u64) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut n = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        for &d in &digits[at..] {
            self.0.push(d as char);
        }
    }

    /// A float rounded to four decimals, as `serde_json` writes it (`0.0`,
    /// `1.0`, `0.4851`).
    #[inline(never)]
    fn float(&mut self, x: f64) {
        let scaled = (x * 10_000.0).round();
        if !scaled.is_finite() || scaled < 0.0 {
            self.raw("0.0");
            return;
        }
        let scaled = scaled as u64;
        self.uint(scaled / 10_000);
        self.0.push('.');
        let frac = scaled % 10_000;
        let digits = [frac / 1000, frac / 100 % 10, frac / 10 % 10, frac % 10];
        let used = 4 - digits.iter().rev().take_while(|&&d| d == 0).count();
        for &d in &digits[..used.max(1)] {
            self.0.push((b'0' + d as u8) as char);
        }
    }

    #[inline(never)]
    fn string(&mut self, s: &str) {
        self.0.push('"');
        let mut start = 0;
        for (i, b) in s.bytes().enumerate() {
            let escape = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0..=0x1f => "",
                _ => continue,
            };
            self.0.push_str(&s[start..i]);
            if escape.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.raw("\\u00");
                self.0.push(HEX[(b >> 4) as usize] as char);
                self.0.push(HEX[(b & 15) as usize] as char);
            } else {
                self.raw(escape);
            }
            start = i + 1;
        }
        self.0.push_str(&s[start..]);
        self.0.push('"');
    }

    #[inline(never)]
    fn bool(&mut self, b: bool) {
        self.raw(if b { "true" } else { "false" });
    }

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Json, &T)) {
        self.0.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            each(self, item);
        }
        self.0.push(']');
    }
}

/// Writes `{"a":…,"b":…}`; `field` adds one member.
struct Object<'j> {
    out: &'j mut Json,
    first: bool,
}

impl<'j> Object<'j> {
    fn new(out: &'j mut Json) -> Self {
        out.0.push('{');
        Object { out, first: true }
    }

    #[inline(never)]
    fn field(&mut self, name: &str) -> &mut Json {
        if !self.first {
            self.out.0.push(',');
        }
        self.first = false;
        self.out.0.push('"');
        self.out.raw(name);
        self.out.raw("\":");
        self.out
    }

    fn end(self) {
        self.out.0.push('}');
    }
}

#[inline(never)]
fn span(out: &mut Json, s: &Span) {
    let mut o = Object::new(out);
    o.field("start").uint(s.start as u64);
    o.field("end").uint(s.end as u64);
    o.end();
}

fn op(out: &mut Json, this: &Op) {
    let mut o = Object::new(out);
    o.field("kind").string(this.kind.name());
    span(o.field("left"), &this.left);
    span(o.field("right"), &this.right);
    if let Some(id) = this.move_id {
        o.field("moveId").uint(u64::from(id));
    }
    if let Some(parts) = &this.parts {
        o.field("parts").list(parts, op);
    }
    if this.boilerplate {
        o.field("boilerplate").bool(true);
    }
    o.end();
}

fn structure<L: Label>(out: &mut Json, s: &Structure<L>) {
    let mut o = Object::new(out);
    o.field("paragraphs").list(&s.paragraphs, span);
    o.field("sentences").list(&s.sentences, |out, s| {
        let mut o = Object::new(out);
        span(o.field("span"), &s.span);
        o.field("paragraph").uint(s.paragraph as u64);
        o.field("label").string(s.label.name());
        if let Some(m) = s.matched {
            o.field("match").uint(m as u64);
        }
        o.field("overlap").float(s.overlap);
        if let Some(id) = s.move_id {
            o.field("moveId").uint(u64::from(id));
        }
        if let Some(rule) = s.boilerplate_rule {
            o.field("boilerplateRule").string(rule);
        }
        o.end();
    });
    o.end();
}

#[inline(never)]
fn tally(out: &mut Json, t: &Tally) {
    let mut o = Object::new(out);
    o.field("unchanged").uint(u64::from(t.unchanged));
    o.field("altered").uint(u64::from(t.altered));
    o.field("cut").uint(u64::from(t.cut));
    o.field("added").uint(u64::from(t.added));
    o.end();
}

fn stats(out: &mut Json, s: &Stats) {
    let mut o = Object::new(out);
    o.field("leftWords").uint(u64::from(s.left_words));
    o.field("rightWords").uint(u64::from(s.right_words));
    o.field("verbatimShare").float(s.verbatim_share);
    o.field("rewrittenShare").float(s.rewritten_share);
    o.field("newShare").float(s.new_share);
    o.field("reusedShare").float(s.reused_share);
    o.field("sourceReusedShare").float(s.source_reused_share);
    match &s.longest_shared {
        None => o.field("longestShared").raw("null"),
        Some(l) => {
            let mut inner = Object::new(o.field("longestShared"));
            inner.field("words").uint(u64::from(l.words));
            span(inner.field("left"), &l.left);
            span(inner.field("right"), &l.right);
            inner.end();
        }
    }
    o.field("insertions").uint(u64::from(s.insertions));
    o.field("deletions").uint(u64::from(s.deletions));
    o.field("replacements").uint(u64::from(s.replacements));
    o.field("moves").uint(u64::from(s.moves));
    tally(o.field("quotes"), &s.quotes);
    tally(o.field("numbers"), &s.numbers);
    o.field("verdict").string(s.verdict.name());
    o.end();
}

impl ToJson for Comparison {
    fn write(&self, out: &mut Json) {
        let mut o = Object::new(out);
        o.field("ops").list(&self.ops, op);
        structure(o.field("left"), &self.left);
        structure(o.field("right"), &self.right);
        o.field("moves").list(&self.moves, |out, m| {
            let mut o = Object::new(out);
            o.field("id").uint(u64::from(m.id));
            span(o.field("left"), &m.left);
            span(o.field("right"), &m.right);
            o.field("edited").bool(m.edited);
            o.end();
        });
        o.field("facts").list(&self.facts, |out, f| {
            let mut o = Object::new(out);
            o.field("kind").string(f.kind.name());
            o.field("change").string(f.change.name());
            if let Some(l) = &f.left {
                span(o.field("left"), l);
            }
            if let Some(r) = &f.right {
                span(o.field("right"), r);
            }
            o.field("leftText").string(&f.left_text);
            o.field("rightText").string(&f.right_text);
            o.end();
        });
        stats(o.field("stats"), &self.stats);
        o.field("approximate").bool(self.approximate);
        o.field("leftLength").uint(self.left_length as u64);
        o.field("rightLength").uint(self.right_length as u64);
        o.end();
    }
}

impl ToJson for ManyComparison {
    fn write(&self, out: &mut Json) {
        let mut o = Object::new(out);
        o.field("results")
            .list(&self.results, |out, r| r.write(out));
        o.field("matrix").list(&self.matrix, |out, row| {
            out.list(row, |out, x| out.float(*x))
        });
        o.end();
    }
}
