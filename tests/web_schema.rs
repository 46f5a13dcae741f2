//! The JS-facing result against its TypeScript declarations, in a real
//! browser: every key of every object is declared in `src/wasm/types.d.ts`,
//! every required key is there, and every value has the declared type.
#![cfg(target_arch = "wasm32")]

use std::collections::HashMap;

use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use wirediff::wasm::{compare, compare_many, default_options};

wasm_bindgen_test_configure!(run_in_browser);

const TYPES: &str = include_str!("../src/wasm/types.d.ts");

/// A field of an interface: name, optional, TypeScript type.
type Field = (String, bool, String);

/// The declarations: interfaces (with type parameters) and string unions.
struct Decls {
    interfaces: HashMap<String, (Vec<String>, Vec<Field>)>,
    unions: HashMap<String, Vec<String>>,
}

fn strip_comments(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("/*") {
        out.push_str(&rest[..at]);
        let end = rest[at..].find("*/").expect("closed comment") + at + 2;
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.lines()
        .map(|l| l.split("//").next().unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `a: T; b?: U;` → fields (top level `;` only).
fn fields(body: &str) -> Vec<Field> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    let bytes: Vec<char> = body.chars().collect();
    let mut push = |s: &str| {
        let s = s.trim();
        if s.is_empty() {
            return;
        }
        let (name, ty) = s.split_once(':').expect("name: type");
        let optional = name.trim().ends_with('?');
        out.push((
            name.trim().trim_end_matches('?').to_string(),
            optional,
            ty.trim().to_string(),
        ));
    };
    for (i, c) in bytes.iter().enumerate() {
        match c {
            '{' | '<' => depth += 1,
            '}' | '>' => depth -= 1,
            ';' if depth == 0 => {
                push(&bytes[start..i].iter().collect::<String>());
                start = i + 1;
            }
            _ => {}
        }
    }
    push(&bytes[start..].iter().collect::<String>());
    out
}

fn decls() -> Decls {
    let text = strip_comments(TYPES);
    let mut interfaces = HashMap::new();
    let mut unions = HashMap::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("export ") {
        rest = &rest[at + 7..];
        if let Some(r) = rest.strip_prefix("interface ") {
            let open = r.find('{').unwrap();
            let head = r[..open].trim();
            let (name, params) = match head.split_once('<') {
                Some((n, p)) => (n, vec![p.trim_end_matches('>').to_string()]),
                None => (head, vec![]),
            };
            // the matching brace
            let mut depth = 0;
            let mut close = open;
            for (i, c) in r[open..].char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            close = open + i;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            interfaces.insert(name.to_string(), (params, fields(&r[open + 1..close])));
            rest = &r[close..];
        } else if let Some(r) = rest.strip_prefix("type ") {
            let end = r.find(';').unwrap();
            let (name, value) = r[..end].split_once('=').unwrap();
            let values = value
                .split('|')
                .map(|v| v.trim().trim_matches('"').to_string())
                .collect();
            unions.insert(name.trim().to_string(), values);
            rest = &r[end..];
        }
    }
    Decls { interfaces, unions }
}

impl Decls {
    /// Checks `value` against TypeScript type `ty`, with type arguments `args`.
    fn check(&self, value: &JsValue, ty: &str, args: &HashMap<String, String>, path: &str) {
        let ty = ty.trim();
        if let Some(alts) = split_union(ty) {
            if value.is_null() && alts.iter().any(|a| a == "null") {
                return;
            }
            let rest: Vec<&String> = alts.iter().filter(|a| *a != "null").collect();
            assert_eq!(rest.len(), 1, "{path}: union {ty}");
            return self.check(value, rest[0], args, path);
        }
        if let Some(inner) = ty.strip_suffix("[]") {
            let array: &Array = value
                .dyn_ref()
                .unwrap_or_else(|| panic!("{path}: {ty} is an array"));
            for (i, item) in array.iter().enumerate() {
                self.check(&item, inner, args, &format!("{path}[{i}]"));
            }
            return;
        }
        if let Some(arg) = args.get(ty) {
            return self.check(value, &arg.clone(), &HashMap::new(), path);
        }
        match ty {
            "number" => assert!(value.as_f64().is_some_and(f64::is_finite), "{path}: number"),
            "string" => assert!(value.is_string(), "{path}: string"),
            "boolean" => assert!(value.as_bool().is_some(), "{path}: boolean"),
            _ if ty.starts_with('{') => {
                let body = &ty[1..ty.len() - 1];
                self.check_object(value, &fields(body), args, path);
            }
            _ => {
                let (name, arg) = match ty.split_once('<') {
                    Some((n, a)) => (n, Some(a.trim_end_matches('>'))),
                    None => (ty, None),
                };
                if let Some(values) = self.unions.get(name) {
                    let s = value
                        .as_string()
                        .unwrap_or_else(|| panic!("{path}: {ty} is a string"));
                    assert!(values.contains(&s), "{path}: {s:?} is not a {ty}");
                    return;
                }
                let (params, fields) = self
                    .interfaces
                    .get(name)
                    .unwrap_or_else(|| panic!("{path}: undeclared type {ty}"));
                let mut bound = HashMap::new();
                if let (Some(p), Some(a)) = (params.first(), arg) {
                    let a = args.get(a).map_or(a, String::as_str);
                    bound.insert(p.clone(), a.to_string());
                }
                self.check_object(value, fields, &bound, path);
            }
        }
    }

    fn check_object(
        &self,
        value: &JsValue,
        fields: &[Field],
        args: &HashMap<String, String>,
        path: &str,
    ) {
        let object: &Object = value
            .dyn_ref()
            .unwrap_or_else(|| panic!("{path}: an object"));
        assert!(!Array::is_array(value), "{path}: not an array");
        for key in Object::keys(object).iter() {
            let key = key.as_string().unwrap();
            assert!(
                fields.iter().any(|f| f.0 == key),
                "{path}: key `{key}` is not declared"
            );
        }
        for (name, optional, ty) in fields {
            let here = format!("{path}.{name}");
            let present = Reflect::has(object, &JsValue::from_str(name)).unwrap();
            if !present {
                assert!(*optional, "{here}: required but missing");
                continue;
            }
            let v = Reflect::get(object, &JsValue::from_str(name)).unwrap();
            assert!(!v.is_undefined(), "{here}: present but undefined");
            self.check(&v, ty, args, &here);
        }
    }
}

/// `A | B | null` at the top level (not inside braces), or `None`.
fn split_union(ty: &str) -> Option<Vec<String>> {
    let mut depth = 0;
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in ty.char_indices() {
        match c {
            '{' | '<' => depth += 1,
            '}' | '>' => depth -= 1,
            '|' if depth == 0 => {
                parts.push(ty[start..i].trim().to_string());
                start = i + 1;
            }
            _ => {}
        }
    }
    if parts.is_empty() || ty.starts_with('"') {
        return None;
    }
    parts.push(ty[start..].trim().to_string());
    Some(parts)
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

const AP: &str = include_str!("../www/samples/001_7874be6ffbaae5d6.txt");
const KOMPAS: &str = include_str!("../www/samples/000_a7be8358ffd46965.txt");

#[wasm_bindgen_test]
fn the_declarations_parse() {
    let d = decls();
    for name in [
        "Span",
        "Op",
        "Sentence",
        "Source",
        "SharedWords",
        "Structure",
        "Move",
        "Fact",
        "Credit",
        "Tally",
        "Stats",
        "Comparison",
        "ManyComparison",
        "Options",
    ] {
        assert!(d.interfaces.contains_key(name), "{name}");
    }
    assert_eq!(d.unions["OpKind"].len(), 5);
    assert_eq!(d.interfaces["Op"].1.iter().filter(|f| f.1).count(), 3);
}

#[wasm_bindgen_test]
fn a_comparison_matches_its_declaration_key_by_key() {
    let d = decls();
    // A pair that has every kind of field: boilerplate, moves, parts, facts.
    let left = format!(
        "{AP}\n\nThe workers want Lukashenko to give way to Sviatlana Tsikhanouskaya, the leading candidate."
    );
    let right = format!(
        "The workers want Lukashenko to give way to Svetlana Tikhanovskaya, the leading candidate.\n{KOMPAS}"
    );
    let result = compare(
        left.as_str().into(),
        right.as_str().into(),
        JsValue::UNDEFINED,
    )
    .unwrap();
    d.check(&result, "Comparison", &HashMap::new(), "result");

    // The optional fields were exercised, not just allowed.
    let ops: Array = get(&result, "ops").dyn_into().unwrap();
    let has = |key: &str| ops.iter().any(|op| Reflect::has(&op, &key.into()).unwrap());
    assert!(has("moveId") && has("parts") && has("boilerplate"));
    assert!(Array::from(&get(&result, "moves")).length() >= 1);
    assert!(Array::from(&get(&result, "facts")).length() >= 1);
    // AP's two "(AP)" credits, which the Kompas text (after a sentence, so
    // without a dateline of its own) does not keep.
    assert_eq!(Array::from(&get(&result, "credits")).length(), 2);
    for side in ["left", "right"] {
        let sentences = Array::from(&get(&get(&result, side), "sentences"));
        let with_words = sentences.iter().any(|s| {
            let sources = get(&s, "sources");
            !sources.is_undefined()
                && Array::from(&sources)
                    .iter()
                    .any(|x| Array::from(&get(&x, "words")).length() > 0)
        });
        assert!(
            with_words,
            "{side}: some sentence has sources with shared words"
        );
    }
}

#[wasm_bindgen_test]
fn the_result_objects_are_the_clis_json() {
    // The binding hands JS numbers that src/wasm/result.js builds objects
    // from; they must be what JSON.parse gives for the CLI's --json (serde)
    // of the same comparison, keys in the same order.
    let moved_left = format!("{AP}\n\nThe workers want Sviatlana Tsikhanouskaya, the candidate.");
    let moved_right = format!("The workers want Svetlana Tikhanovskaya, the candidate.\n{KOMPAS}");
    let pairs = [
        (AP, KOMPAS),
        (KOMPAS, AP),
        (AP, AP),
        (moved_left.as_str(), moved_right.as_str()),
        ("", ""),
        ("", "new"),
        ("\"quoted\\\" \u{1}\t\r\n", "tab\there \u{7f} “x” 🇧🇾"),
        ("Svetlana said 5,000", "Sviatlana said 6,000"),
    ];
    let stringify = |v: &JsValue| String::from(js_sys::JSON::stringify(v).unwrap());
    let serde = |json: String| stringify(&js_sys::JSON::parse(&json).unwrap());
    for (flags, options) in [
        ("{}", wirediff::Options::default()),
        (
            r#"{"ignoreCase":true,"ignorePunctuation":true}"#,
            wirediff::Options {
                ignore_case: true,
                ignore_punctuation: true,
                ..Default::default()
            },
        ),
        (
            r#"{"timeBudgetMs":0}"#,
            wirediff::Options {
                time_budget_ms: 0,
                ..Default::default()
            },
        ),
    ] {
        // a budget no slow browser runs out of, unless the case is about it
        let budget = if options.time_budget_ms == 0 {
            0
        } else {
            600_000
        };
        let options = wirediff::Options {
            time_budget_ms: budget,
            ..options
        };
        let js_options = js_sys::JSON::parse(flags).unwrap();
        Reflect::set(
            &js_options,
            &"timeBudgetMs".into(),
            &f64::from(options.time_budget_ms).into(),
        )
        .unwrap();
        for (left, right) in pairs {
            let by_js = compare(left.into(), right.into(), js_options.clone()).unwrap();
            let by_serde = wirediff::compare(left, right, &options).unwrap();
            assert_eq!(
                stringify(&by_js),
                serde(serde_json::to_string(&by_serde).unwrap()),
                "{flags}: {:?}…",
                left.get(..20)
            );
        }
        let versions = [KOMPAS, moved_right.as_str(), ""];
        let list = Array::new();
        versions.iter().for_each(|v| {
            list.push(&(*v).into());
        });
        let by_js = compare_many(AP.into(), list.into(), js_options.clone()).unwrap();
        let by_serde = wirediff::compare_many(AP, &versions, &options).unwrap();
        assert_eq!(
            stringify(&by_js),
            serde(serde_json::to_string(&by_serde).unwrap())
        );
    }
}

#[wasm_bindgen_test]
fn an_empty_comparison_has_null_longest_shared() {
    let d = decls();
    let result = compare("".into(), "".into(), JsValue::UNDEFINED).unwrap();
    d.check(&result, "Comparison", &HashMap::new(), "result");
    assert!(get(&get(&result, "stats"), "longestShared").is_null());
}

#[wasm_bindgen_test]
fn compare_many_matches_its_declaration_and_agrees_with_compare() {
    let d = decls();
    let versions = Array::of2(&KOMPAS.into(), &AP.into());
    let many = compare_many(AP.into(), versions.into(), JsValue::UNDEFINED).unwrap();
    d.check(&many, "ManyComparison", &HashMap::new(), "many");
    let results = Array::from(&get(&many, "results"));
    assert_eq!(results.length(), 2);
    let matrix = Array::from(&get(&many, "matrix"));
    assert_eq!(matrix.length(), 3);
    let cell = |i: u32, j: u32| Array::from(&matrix.get(i)).get(j).as_f64().unwrap();
    for i in 0..3 {
        assert_eq!(cell(i, i), 1.0);
    }
    // AP reuses all of itself; Kompas reuses part of AP.
    assert_eq!(cell(2, 0), 1.0);
    assert!(cell(1, 0) > 0.2 && cell(1, 0) < 1.0);
    let single = compare(AP.into(), KOMPAS.into(), JsValue::UNDEFINED).unwrap();
    let reused = get(&get(&single, "stats"), "reusedShare").as_f64().unwrap();
    assert_eq!(cell(1, 0), reused);

    let not_array = compare_many(AP.into(), "x".into(), JsValue::UNDEFINED).unwrap_err();
    let not_array: JsValue = not_array.into();
    assert!(not_array.is_instance_of::<js_sys::Error>());
}

#[wasm_bindgen_test]
fn options_round_trip_and_match_their_declaration() {
    let d = decls();
    let options = default_options().unwrap();
    d.check(&options, "Options", &HashMap::new(), "options");
    // Every option given back as received gives the default result.
    let with = compare(AP.into(), KOMPAS.into(), options.clone()).unwrap();
    let without = compare(AP.into(), KOMPAS.into(), JsValue::UNDEFINED).unwrap();
    let json = |v: &JsValue| String::from(js_sys::JSON::stringify(v).unwrap());
    assert_eq!(json(&with), json(&without));
    // A changed option changes the result.
    Reflect::set(&options, &"timeBudgetMs".into(), &JsValue::from_f64(0.0)).unwrap();
    let rushed = compare(AP.into(), KOMPAS.into(), options).unwrap();
    assert_eq!(get(&rushed, "approximate"), JsValue::TRUE);
}

#[wasm_bindgen_test]
fn sentence_and_fact_spans_slice_the_js_strings() {
    let left = "Café 👩‍👩‍👧 said: “We will win.” Then 🇧🇾 5,000 left.";
    let right = "Café 👩‍👩‍👧 said: “We may win.” Then 🇧🇾 6,000 left.";
    let result = compare(left.into(), right.into(), JsValue::UNDEFINED).unwrap();
    let (l, r) = (JsString::from(left), JsString::from(right));
    let slice = |s: &JsString, span: &JsValue| {
        String::from(s.slice(
            get(span, "start").as_f64().unwrap() as u32,
            get(span, "end").as_f64().unwrap() as u32,
        ))
    };
    let sentences = Array::from(&get(&get(&result, "right"), "sentences"));
    let texts: Vec<String> = sentences
        .iter()
        .map(|s| slice(&r, &get(&s, "span")))
        .collect();
    assert_eq!(
        texts,
        ["Café 👩‍👩‍👧 said: “We may win.” ", "Then 🇧🇾 6,000 left."]
    );
    let facts = Array::from(&get(&result, "facts"));
    let mut seen = Vec::new();
    for fact in facts.iter() {
        let lt = get(&fact, "leftText").as_string().unwrap();
        let rt = get(&fact, "rightText").as_string().unwrap();
        assert_eq!(slice(&l, &get(&fact, "left")), lt);
        assert_eq!(slice(&r, &get(&fact, "right")), rt);
        seen.push((get(&fact, "kind").as_string().unwrap(), lt, rt));
    }
    assert!(seen.contains(&(
        "quote".into(),
        "“We will win.”".into(),
        "“We may win.”".into()
    )));
    assert!(seen.contains(&("number".into(), "5,000".into(), "6,000".into())));
}
