//! The JavaScript binding: exports, conversions and TypeScript types.
//! No logic lives here; every function forwards to the core.

mod result;

use js_sys::{Array, JsString, Object};
use wasm_bindgen::prelude::*;

use crate::{Given, Options};
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
        &left_js,
        &right_js,
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
    let (texts, versions): (Array, Vec<String>) = list
        .iter()
        .enumerate()
        .map(|(i, v)| text_argument(&format!("versions[{i}]"), &v))
        .collect::<Result<Vec<_>, JsError>>()?
        .into_iter()
        .unzip();
    let options = options_argument(options)?;
    test_hook(&source);
    let refs: Vec<&str> = versions.iter().map(String::as_str).collect();
    let result = crate::compare_many(&source, &refs, &options).map_err(error)?;
    Ok(many_comparison(
        Words::many(&result).as_slice(),
        &source_js,
        &texts,
    ))
}

/// The options every comparison starts from.
#[wasm_bindgen(js_name = defaultOptions, unchecked_return_type = "Options")]
pub fn default_options() -> Result<JsValue, JsError> {
    serde_wasm_bindgen::to_value(&Options::default()).map_err(serde_error)
}

/// `options` over the defaults, as a comparison would use them; throws the
/// Error a comparison would for options it refuses.
#[wasm_bindgen(js_name = checkOptions, unchecked_return_type = "Options")]
pub fn check_options(
    #[wasm_bindgen(unchecked_param_type = "Partial<Options> | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    serde_wasm_bindgen::to_value(&options_argument(options)?).map_err(serde_error)
}

/// Reads a text argument, refusing what is not a string. A lone UTF-16
/// surrogate (half of a pair) has no UTF-8 form: it is read, and given back
/// in the result's texts, as U+FFFD, which is one code unit too, so offsets
/// hold. (engine.js replaces them before the call, and says so.)
fn text_argument(name: &str, value: &JsValue) -> Result<(JsString, String), JsError> {
    let Some(text) = value.dyn_ref::<JsString>() else {
        let kind = value.js_typeof().as_string().unwrap_or_default();
        return Err(error(format!("`{name}` must be a string, not {kind}")));
    };
    let read = String::from(text); // lossy: U+FFFD for each lone surrogate
    if text.is_well_formed() {
        Ok((text.clone(), read))
    } else {
        Ok((JsString::from(read.as_str()), read))
    }
}

/// Reads the options one by one, so that the message names the option at
/// fault and what it accepts.
fn options_argument(value: JsValue) -> Result<Options, JsError> {
    let mut options = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    let Some(object) = value.dyn_ref::<Object>() else {
        return Err(error(format!(
            "invalid options: expected an object, not {}",
            shown(&value)
        )));
    };
    for entry in Object::entries(object).iter() {
        let entry: Array = entry.unchecked_into();
        let given = entry.get(1);
        // An option set to `undefined` is one not given, as `Partial<Options>` has it.
        if given.is_undefined() {
            continue;
        }
        let name = entry.get(0).as_string().unwrap_or_default();
        let value = if let Some(on) = given.as_bool() {
            Given::Bool(on)
        } else if let Some(n) = given.as_f64() {
            Given::Number(n)
        } else {
            Given::Other
        };
        options
            .set(&name, value, &shown(&given))
            .map_err(|message| error(format!("invalid options: {message}")))?;
    }
    Ok(options)
}

/// A JS value as a message shows it: `NaN`, `1e+300`, `the string "yes"`,
/// `the BigInt 10n`, `null`, `an object`.
fn shown(value: &JsValue) -> String {
    if value.is_null() {
        return "null".into();
    }
    if let Some(text) = value.as_string() {
        let short: String = text.chars().take(40).collect();
        let cut = if short.len() < text.len() { "…" } else { "" };
        return format!("the string {short:?}{cut}");
    }
    let kind = value.js_typeof().as_string().unwrap_or_default();
    match kind.as_str() {
        "boolean" => value.as_bool().unwrap_or_default().to_string(),
        // as JavaScript writes it: `1e+300`, `NaN`
        "number" => decimal(
            value
                .unchecked_ref::<js_sys::Number>()
                .to_string_with_radix(10),
        ),
        "bigint" => format!(
            "the BigInt {}n",
            decimal(
                value
                    .unchecked_ref::<js_sys::BigInt>()
                    .to_string(10)
                    .map_err(JsValue::from)
            )
        ),
        "object" => "an object".into(),
        other => format!("a {other}"),
    }
}

fn decimal(written: Result<JsString, JsValue>) -> String {
    written.map(String::from).unwrap_or_default()
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
