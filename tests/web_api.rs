//! The JS-facing API in a real browser (wasm-bindgen-test, headless).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Error, JsString, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use wirediff::wasm::{compare, default_options};

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn num(value: &JsValue, key: &str) -> u32 {
    get(value, key)
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is a number")) as u32
}

/// `text.slice(span.start, span.end)`, as JavaScript would do it.
fn slice(text: &JsString, span: &JsValue) -> String {
    String::from(text.slice(num(span, "start"), num(span, "end")))
}

#[wasm_bindgen_test]
fn ops_have_the_documented_shape_and_utf16_spans() {
    let left = "Café 👩‍👩‍👧 said “no” to 5,000 🇧🇾 workers.";
    let right = "Café 👩‍👩‍👧 said “yes” to 5,000 🇧🇾 workers!";
    let result = compare(left.into(), right.into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(
        num(&result, "leftLength") as usize,
        left.encode_utf16().count()
    );
    assert_eq!(
        num(&result, "rightLength") as usize,
        right.encode_utf16().count()
    );
    assert_eq!(get(&result, "approximate"), JsValue::FALSE);

    let (left_js, right_js) = (JsString::from(left), JsString::from(right));
    let ops: Array = get(&result, "ops").dyn_into().unwrap();
    let mut rebuilt = String::new();
    let mut changes = Vec::new();
    for op in ops.iter() {
        let keys: Vec<String> = Object::keys(op.unchecked_ref::<Object>())
            .iter()
            .map(|k| k.as_string().unwrap())
            .collect();
        assert_eq!(keys, ["kind", "left", "right"]);
        let kind = get(&op, "kind").as_string().unwrap();
        let (l, r) = (
            slice(&left_js, &get(&op, "left")),
            slice(&right_js, &get(&op, "right")),
        );
        if kind != "delete" {
            rebuilt.push_str(&r);
        }
        if kind != "equal" {
            changes.push((kind, l, r));
        }
    }
    assert_eq!(rebuilt, right);
    assert_eq!(
        changes,
        [
            ("replace".to_string(), "no".to_string(), "yes".to_string()),
            ("replace".to_string(), ".".to_string(), "!".to_string())
        ]
    );
}

#[wasm_bindgen_test]
fn invalid_arguments_are_js_errors_not_panics() {
    let not_text = compare(JsValue::from_f64(42.0), "b".into(), JsValue::UNDEFINED).unwrap_err();
    let not_text: JsValue = not_text.into();
    assert!(not_text.is_instance_of::<Error>());
    assert!(
        String::from(not_text.unchecked_ref::<Error>().message())
            .contains("`left` must be a string")
    );

    let options = Object::new();
    Reflect::set(&options, &"ignoreCaps".into(), &JsValue::TRUE).unwrap();
    let bad_option: JsValue = compare("a".into(), "b".into(), options.into())
        .unwrap_err()
        .into();
    assert!(bad_option.is_instance_of::<Error>());
    assert!(String::from(bad_option.unchecked_ref::<Error>().message()).contains("ignoreCaps"));

    // The message names the option, what it accepts and what it was given.
    let options = Object::new();
    Reflect::set(&options, &"unifyQuotes".into(), &JsValue::FALSE).unwrap();
    Reflect::set(&options, &"ignoreCase".into(), &"yes".into()).unwrap();
    assert_eq!(
        option_error(options),
        "invalid options: `ignoreCase` must be true or false, not the string \"yes\""
    );
    for (value, shown) in [
        (JsValue::from_f64(-1.0), "-1"),
        (JsValue::from_f64(f64::NAN), "NaN"),
        (JsValue::from_f64(1e300), "1e+300"),
        (JsValue::bigint_from_str("10"), "the BigInt 10n"),
    ] {
        let options = Object::new();
        Reflect::set(&options, &"timeBudgetMs".into(), &value).unwrap();
        assert_eq!(
            option_error(options),
            format!(
                "invalid options: `timeBudgetMs` must be a whole number of milliseconds from 0 to 4294967295, not {shown}"
            )
        );
    }
    let options = Object::new();
    Reflect::set(&options, &"maxInputBytes".into(), &JsValue::from_f64(10.5)).unwrap();
    assert_eq!(
        option_error(options),
        "invalid options: `maxInputBytes` must be a whole number of bytes from 1 to 4294967295 (4 GB), not 10.5"
    );
    let not_object: JsValue = compare("a".into(), "b".into(), JsValue::from_f64(1.0))
        .unwrap_err()
        .into();
    assert_eq!(
        String::from(not_object.unchecked_ref::<Error>().message()),
        "invalid options: expected an object, not 1"
    );

    // A lone surrogate is compared as U+FFFD, which the result's texts show.
    let lone = JsString::from("a ").concat(&JsString::from_char_code1(0xD800));
    let result = compare(lone.into(), "a \u{FFFD}".into(), JsValue::UNDEFINED).unwrap();
    let ops: Array = get(&result, "ops").dyn_into().unwrap();
    assert_eq!(ops.length(), 1);
    assert_eq!(get(&ops.get(0), "kind").as_string().unwrap(), "equal");

    // The module still works after refusing bad input.
    assert!(compare("a".into(), "a".into(), JsValue::UNDEFINED).is_ok());
}

/// The message of the JS `Error` that `compare` throws for these options.
fn option_error(options: Object) -> String {
    let error: JsValue = compare("a".into(), "b".into(), options.into())
        .unwrap_err()
        .into();
    assert!(error.is_instance_of::<Error>());
    String::from(error.unchecked_ref::<Error>().message())
}

#[wasm_bindgen_test]
fn default_options_are_camel_case_and_accepted_back() {
    let options = default_options().unwrap();
    let entries: Vec<(String, JsValue)> = Object::entries(options.unchecked_ref())
        .iter()
        .map(|e| {
            let e: Array = e.unchecked_into();
            (e.get(0).as_string().unwrap(), e.get(1))
        })
        .collect();
    let expected = [
        ("ignoreCase", JsValue::FALSE),
        ("unifyQuotes", JsValue::TRUE),
        ("unifyDashes", JsValue::TRUE),
        ("unifyWhitespace", JsValue::TRUE),
        ("ignorePunctuation", JsValue::FALSE),
        ("timeBudgetMs", JsValue::from_f64(2000.0)),
        ("maxInputBytes", JsValue::from_f64(32_000_000.0)),
    ];
    assert_eq!(entries.len(), expected.len());
    for ((name, value), (expected_name, expected_value)) in entries.iter().zip(&expected) {
        assert_eq!(name, expected_name);
        // `Object.is`: a number stays a number, not a BigInt or a string.
        assert!(Object::is(value, expected_value), "{name}: {value:?}");
    }

    // An option set to `undefined` is one not given.
    let unset = Object::new();
    Reflect::set(&unset, &"ignoreCase".into(), &JsValue::UNDEFINED).unwrap();
    assert!(compare("A".into(), "a".into(), unset.into()).is_ok());

    Reflect::set(&options, &"ignoreCase".into(), &JsValue::TRUE).unwrap();
    let result = compare("GO AWAY".into(), "go away".into(), options).unwrap();
    let ops: Array = get(&result, "ops").dyn_into().unwrap();
    assert_eq!(ops.length(), 1);
    assert_eq!(get(&ops.get(0), "kind").as_string().unwrap(), "equal");
}

#[wasm_bindgen_test]
fn op_text_survives_the_trip_into_the_dom() {
    let document = web_sys::window().unwrap().document().unwrap();
    let left = "a\u{200B}b \u{202E}rtl\u{202C} e\u{301} 🇧🇾\r\nz";
    let right = "a\u{200B}b \u{202E}rtl\u{202C} é 🇧🇾\r\nzz";
    let result = compare(left.into(), right.into(), JsValue::UNDEFINED).unwrap();
    let right_js = JsString::from(right);
    let container = document.create_element("div").unwrap();
    let ops: Array = get(&result, "ops").dyn_into().unwrap();
    for op in ops.iter() {
        if get(&op, "kind").as_string().unwrap() != "delete" {
            let node = document.create_text_node(&slice(&right_js, &get(&op, "right")));
            container.append_child(&node).unwrap();
        }
    }
    assert_eq!(container.text_content().unwrap(), right);
}
