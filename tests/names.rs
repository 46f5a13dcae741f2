//! Each fixed list of names is written once in Rust (an enum declared with
//! `names!`), sent to JavaScript as numbers, and turned back into names by
//! the lists at the top of `src/wasm/result.js`; `src/wasm/types.d.ts`
//! declares them as unions. Both must hold the same names in the same order
//! as the enum's `ALL`, or a number would decode as another name.
#![cfg(not(target_arch = "wasm32"))]

use wirediff::{
    Agency, BoilerplateRule, CreditStatus, FactChange, FactKind, Label, LeftLabel, OpKind,
    RightLabel, Verdict,
};

const RESULT_JS: &str = include_str!("../src/wasm/result.js");
const TYPES: &str = include_str!("../src/wasm/types.d.ts");

fn names<T: Label>(all: &[T]) -> Vec<String> {
    all.iter().map(|v| v.name().to_string()).collect()
}

/// The quoted strings of `text` up to `end`.
fn quoted(text: &str, end: char) -> Vec<String> {
    let body = &text[..text.find(end).expect("the list ends")];
    body.split('"')
        .skip(1)
        .step_by(2)
        .map(String::from)
        .collect()
}

/// `const NAME = ["a", "b"];` in result.js.
fn js_list(name: &str) -> Vec<String> {
    let head = format!("const {name} = [");
    let at = RESULT_JS
        .find(&head)
        .unwrap_or_else(|| panic!("result.js has no `{head}`"));
    quoted(&RESULT_JS[at + head.len()..], ']')
}

/// `export type NAME = "a" | "b";` in types.d.ts.
fn ts_union(name: &str) -> Vec<String> {
    let head = format!("export type {name} = ");
    let at = TYPES
        .find(&head)
        .unwrap_or_else(|| panic!("types.d.ts has no `{head}`"));
    quoted(&TYPES[at + head.len()..], ';')
}

#[test]
fn result_js_and_types_d_ts_name_every_value_in_the_rust_order() {
    let lists = [
        ("OPS", "OpKind", names(OpKind::ALL)),
        ("RIGHT", "RightLabel", names(RightLabel::ALL)),
        ("LEFT", "LeftLabel", names(LeftLabel::ALL)),
        ("FACT_KINDS", "FactKind", names(FactKind::ALL)),
        ("CHANGES", "FactChange", names(FactChange::ALL)),
        ("AGENCIES", "Agency", names(Agency::ALL)),
        ("CREDIT_STATUSES", "CreditStatus", names(CreditStatus::ALL)),
        ("VERDICTS", "Verdict", names(Verdict::ALL)),
        ("RULES", "BoilerplateRule", names(BoilerplateRule::ALL)),
    ];
    for (js, ts, rust) in lists {
        assert!(!rust.is_empty(), "{ts} has values");
        assert_eq!(js_list(js), rust, "result.js {js} against Rust's {ts}");
        assert_eq!(ts_union(ts), rust, "types.d.ts {ts} against Rust's {ts}");
    }
}
