//! The JavaScript binding: exports, conversions and TypeScript types.
//! No logic lives here; every function forwards to the core.

mod result;

use js_sys::{Array, JsString, Object, Reflect};
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
    console_error_panic_hook::set_once();
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
    let defaults = Options::default();
    let object = Object::new();
    for (name, value) in option_values(&defaults) {
        Reflect::set(&object, &JsValue::from_str(name), &value)
            .map_err(|_| error("cannot build the options"))?;
    }
    Ok(object.into())
}

/// Every option with its JS name and value, in declaration order.
fn option_values(o: &Options) -> [(&'static str, JsValue); 7] {
    [
        ("ignoreCase", o.ignore_case.into()),
        ("unifyQuotes", o.unify_quotes.into()),
        ("unifyDashes", o.unify_dashes.into()),
        ("unifyWhitespace", o.unify_whitespace.into()),
        ("ignorePunctuation", o.ignore_punctuation.into()),
        ("timeBudgetMs", f64::from(o.time_budget_ms).into()),
        ("maxInputBytes", (o.max_input_bytes as f64).into()),
    ]
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

/// Reads the options by hand (serde's deserializer would add kilobytes to
/// the wasm), refusing unknown names and values of the wrong type.
fn options_argument(value: JsValue) -> Result<Options, JsError> {
    let mut options = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    let Some(object) = value.dyn_ref::<Object>() else {
        return Err(error("invalid options: expected an object"));
    };
    for key in Object::keys(object).iter() {
        let name = key.as_string().unwrap_or_default();
        let v = Reflect::get(object, &key).unwrap_or(JsValue::UNDEFINED);
        if v.is_undefined() {
            continue;
        }
        let flag = || {
            v.as_bool()
                .ok_or_else(|| error(format!("invalid options: `{name}` must be a boolean")))
        };
        let count = |max: u32| {
            v.as_f64()
                .filter(|n| *n >= 0.0 && n.fract() == 0.0 && *n <= f64::from(max))
                .ok_or_else(|| {
                    error(format!(
                        "invalid options: `{name}` must be a whole number from 0 to {max}"
                    ))
                })
        };
        match name.as_str() {
            "ignoreCase" => options.ignore_case = flag()?,
            "unifyQuotes" => options.unify_quotes = flag()?,
            "unifyDashes" => options.unify_dashes = flag()?,
            "unifyWhitespace" => options.unify_whitespace = flag()?,
            "ignorePunctuation" => options.ignore_punctuation = flag()?,
            "timeBudgetMs" => options.time_budget_ms = count(u32::MAX)? as u32,
            "maxInputBytes" => options.max_input_bytes = count(u32::MAX)? as usize,
            _ => return Err(error(format!("invalid options: unknown option `{name}`"))),
        }
    }
    Ok(options)
}

/// The one way an error reaches JavaScript: as an `Error` with the message.
fn error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}
