//! The JavaScript binding: exports, conversions and TypeScript types.
//! No logic lives here; every function forwards to the core.

mod result;

use js_sys::{Array, JsString, Object};
use wasm_bindgen::prelude::*;

use crate::Options;
use result::Words;

// Builds the result objects from the numbers `result::Words` writes.
#[wasm_bindgen(module = "/src/wasm/result.js")]
extern "C" {
    fn comparison(words: &[u32], left: &JsString, right: &JsString) -> JsValue;
    #[wasm_bindgen(js_name = manyComparison)]
    fn many_comparison(words: &[u32], source: &JsString, versions: &Array) -> JsValue;
}

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(contain));
}

/// A panic is a bug. Instead of trapping with a bare "unreachable", the call
/// throws an `Error` named `EnginePanic` that carries the panic's message
/// (and the console gets it with its stack). Either way the instance is left
/// in an undefined state (no destructor ran: locks stay taken, memory
/// half-written), so the caller must [`restart`] it.
fn contain(info: &std::panic::PanicHookInfo) {
    console_error_panic_hook::hook(info);
    let error = js_sys::Error::new(&info.to_string().replace('\n', " "));
    error.set_name("EnginePanic");
    wasm_bindgen::throw_val(error.into());
}

/// Has wasm-bindgen's glue make a fresh instance from the same module
/// before the next call: after a panic or a trap (running out of memory)
/// this one's state is undefined. It touches none of that state, so it is
/// safe to call on a broken instance.
#[wasm_bindgen]
pub fn restart() {
    // Hidden in wasm-bindgen's docs as experimental: Cargo.toml pins the
    // exact version, and tests/e2e/engine-failure.test.mjs checks the
    // recovery.
    wasm_bindgen::handler::schedule_reinit();
}

/// Test builds only (the `test-hooks` feature in Cargo.toml): a text
/// holding this makes the binding panic…
#[cfg(feature = "test-hooks")]
pub const PANIC_SENTINEL: &str = "wirediff:panic-for-test";

/// …and one holding this makes it trap without a panic, as running out of
/// memory does.
#[cfg(feature = "test-hooks")]
pub const TRAP_SENTINEL: &str = "wirediff:trap-for-test";

/// Fails as the sentinels ask in a test build; does nothing otherwise.
fn test_hook(_text: &str) {
    #[cfg(feature = "test-hooks")]
    {
        if _text.contains(PANIC_SENTINEL) {
            panic!("the test hook was asked to panic");
        }
        if _text.contains(TRAP_SENTINEL) {
            std::process::abort();
        }
    }
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("types.d.ts");

/// Compares `left` (the source) with `right` (the version to examine).
#[wasm_bindgen(unchecked_return_type = "Comparison")]
pub fn compare(
    #[wasm_bindgen(unchecked_param_type = "string")] left: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] right: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Partial<Options> | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let (left_js, left) = text_argument("left", &left)?;
    let (right_js, right) = text_argument("right", &right)?;
    let options = options_argument(options)?;
    test_hook(&left);
    let result = crate::compare(&left, &right, &options).map_err(error)?;
    Ok(comparison(
        Words::comparison(&result).as_slice(),
        left_js,
        right_js,
    ))
}

/// Compares `source` with each of `versions`: each pairwise result and a
/// reuse matrix.
#[wasm_bindgen(js_name = compareMany, unchecked_return_type = "ManyComparison")]
pub fn compare_many(
    #[wasm_bindgen(unchecked_param_type = "string")] source: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string[]")] versions: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Partial<Options> | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let (source_js, source) = text_argument("source", &source)?;
    let Some(list) = versions.dyn_ref::<Array>() else {
        return Err(error("`versions` must be an array of strings"));
    };
    let versions = list
        .iter()
        .enumerate()
        .map(|(i, v)| Ok(text_argument(&format!("versions[{i}]"), &v)?.1))
        .collect::<Result<Vec<String>, JsError>>()?;
    let options = options_argument(options)?;
    test_hook(&source);
    let refs: Vec<&str> = versions.iter().map(String::as_str).collect();
    let result = crate::compare_many(&source, &refs, &options).map_err(error)?;
    Ok(many_comparison(
        Words::many(&result).as_slice(),
        source_js,
        list,
    ))
}

/// The options every comparison starts from.
#[wasm_bindgen(js_name = defaultOptions, unchecked_return_type = "Options")]
pub fn default_options() -> Result<JsValue, JsError> {
    serde_wasm_bindgen::to_value(&Options::default()).map_err(serde_error)
}

/// Reads a text argument, refusing what is not a string and what a UTF-8
/// round trip would silently change (lone surrogates).
fn text_argument<'v>(name: &str, value: &'v JsValue) -> Result<(&'v JsString, String), JsError> {
    let Some(text) = value.dyn_ref::<JsString>() else {
        let kind = value.js_typeof().as_string().unwrap_or_default();
        return Err(error(format!("`{name}` must be a string, not {kind}")));
    };
    if !text.is_well_formed() {
        return Err(error(format!(
            "the {name} text holds a lone UTF-16 surrogate, which cannot be compared faithfully"
        )));
    }
    Ok((text, String::from(text)))
}

/// Reads the options with serde-wasm-bindgen, naming the option at fault.
fn options_argument(value: JsValue) -> Result<Options, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    let Some(object) = value.dyn_ref::<Object>() else {
        return Err(error("invalid options: expected an object"));
    };
    // serde-wasm-bindgen looks up only the names it knows, so a misspelt
    // option would pass unnoticed: refuse it. An option set to `undefined`
    // is one not given, as `Partial<Options>` has it.
    let known = default_options()?;
    let mut given: Vec<Array> = Vec::new();
    for entry in Object::entries(object).iter() {
        let entry: Array = entry.unchecked_into();
        if entry.get(1).is_undefined() {
            continue;
        }
        // own names only: "__proto__" or "toString" is no option of ours
        if !Object::has_own(known.unchecked_ref::<Object>(), &entry.get(0)) {
            let name = entry.get(0).as_string().unwrap_or_default();
            return Err(error(format!("invalid options: unknown option `{name}`")));
        }
        given.push(entry);
    }
    let read = |entries: &[Array]| -> Result<Options, serde_wasm_bindgen::Error> {
        let object = Object::from_entries(&entries.iter().collect::<Array>())?;
        serde_wasm_bindgen::from_value(object.into())
    };
    read(&given).map_err(|e| {
        // serde's message names the type it expected, not the option: read
        // the options one at a time to find the one at fault.
        let culprit = given
            .iter()
            .find(|e| read(std::slice::from_ref(e)).is_err());
        let name = culprit
            .and_then(|e| e.get(0).as_string())
            .unwrap_or_default();
        error(format!(
            "invalid options: `{name}`: {}",
            js_message(e.into())
        ))
    })
}

/// The one way an error reaches JavaScript: as an `Error` with the message.
fn error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

/// A serde-wasm-bindgen error, which already holds a JS `Error`, with its message.
fn serde_error(e: serde_wasm_bindgen::Error) -> JsError {
    error(js_message(e.into()))
}

/// The message of a JS `Error` (its `Display` would add `Error: `).
fn js_message(value: JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default()
}
