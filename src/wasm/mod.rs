//! The JavaScript binding: exports, conversions and TypeScript types.
//! No logic lives here; every function forwards to the core.

use js_sys::{Array, JsString, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::Options;

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
    let left = text_argument("left", &left)?;
    let right = text_argument("right", &right)?;
    let options = options_argument(options)?;
    let result = crate::compare(&left, &right, &options).map_err(error)?;
    to_js(&result)
}

/// Compares `source` with each of `versions`: each pairwise result and a
/// reuse matrix.
#[wasm_bindgen(js_name = compareMany, unchecked_return_type = "ManyComparison")]
pub fn compare_many(
    #[wasm_bindgen(unchecked_param_type = "string")] source: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string[]")] versions: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Partial<Options> | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let source = text_argument("source", &source)?;
    let Some(list) = versions.dyn_ref::<Array>() else {
        return Err(error("`versions` must be an array of strings"));
    };
    let versions = list
        .iter()
        .enumerate()
        .map(|(i, v)| text_argument(&format!("versions[{i}]"), &v))
        .collect::<Result<Vec<String>, JsError>>()?;
    let options = options_argument(options)?;
    let refs: Vec<&str> = versions.iter().map(String::as_str).collect();
    let result = crate::compare_many(&source, &refs, &options).map_err(error)?;
    to_js(&result)
}

/// The options every comparison starts from.
#[wasm_bindgen(js_name = defaultOptions, unchecked_return_type = "Options")]
pub fn default_options() -> Result<JsValue, JsError> {
    to_js(&Options::default())
}

/// Reads a text argument, refusing what is not a string and what a UTF-8
/// round trip would silently change (lone surrogates).
fn text_argument(name: &str, value: &JsValue) -> Result<String, JsError> {
    let Some(text) = value.dyn_ref::<JsString>() else {
        let kind = value.js_typeof().as_string().unwrap_or_default();
        return Err(error(format!("`{name}` must be a string, not {kind}")));
    };
    if !text.is_well_formed() {
        return Err(error(format!(
            "the {name} text holds a lone UTF-16 surrogate, which cannot be compared faithfully"
        )));
    }
    Ok(String::from(text))
}

fn options_argument(value: JsValue) -> Result<Options, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    // serde-wasm-bindgen reads only the fields it knows, so a misspelt
    // option would be dropped without a word; refuse it instead.
    let known = to_js(&Options::default())?;
    if let Some(object) = value.dyn_ref::<Object>() {
        for key in Object::keys(object).iter() {
            if !Reflect::has(&known, &key).unwrap_or(false) {
                let name = key.as_string().unwrap_or_default();
                return Err(error(format!("invalid options: unknown option `{name}`")));
            }
        }
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| error(format!("invalid options: {e}")))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    // `null` for an absent value that is not left out (`longestShared`).
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    value.serialize(&serializer).map_err(error)
}

/// The one way an error reaches JavaScript: as an `Error` with the message.
fn error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}
