//! The Python binding (`wirediff._native`, built by maturin with the
//! `python` feature; python/wirediff/ wraps it). No logic lives here: every
//! function forwards to the core.
//!
//! Options cross as JSON text and results go back as JSON text, the very
//! bytes `wirediff --json` prints, so that the Python dicts, the CLI and the
//! JS API share one schema by construction (python/wirediff/__init__.py
//! does the `json.dumps` / `json.loads`). Each comparison runs with the GIL
//! released: a thread pool, or Spark's Python worker threads, compare in
//! parallel.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::Options;
use crate::reuse::{self, IndexOptions};

/// The one way an error reaches Python: a `ValueError` with the message.
fn error(e: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// The options of a JSON object ([`Options::from_json`]).
fn options(json: Option<&str>) -> PyResult<Options> {
    let Some(json) = json else {
        return Ok(Options::default());
    };
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| error(format!("invalid options: {e}")))?;
    Options::from_json(&value, Options::default())
        .map_err(|message| error(format!("invalid options: {message}")))
}

fn json(value: &impl serde::Serialize) -> PyResult<String> {
    serde_json::to_string(value).map_err(error)
}

/// The candidate index's options over its defaults; refuses unknown names
/// and shapes it cannot use, as `wirediff candidates` does.
fn index_options(json: Option<&str>) -> PyResult<IndexOptions> {
    let Some(json) = json else {
        return Ok(IndexOptions::default());
    };
    let index: IndexOptions =
        serde_json::from_str(json).map_err(|e| error(format!("invalid index options: {e}")))?;
    index
        .check()
        .map_err(|message| error(format!("invalid index options: {message}")))?;
    Ok(index)
}

/// `compare(source, compare, options_json)`: the result as `wirediff --json`
/// prints it.
#[pyfunction]
#[pyo3(signature = (source, compare, options=None))]
fn compare(py: Python<'_>, source: &str, compare: &str, options: Option<&str>) -> PyResult<String> {
    let options = self::options(options)?;
    let (source, compare) = (source.to_owned(), compare.to_owned());
    py.detach(move || json(&crate::compare(&source, &compare, &options).map_err(error)?))
}

/// `compare_many(source, versions, options_json)`: the ManyComparison as
/// `wirediff --json` prints it for two or more versions.
#[pyfunction]
#[pyo3(signature = (source, versions, options=None))]
fn compare_many(
    py: Python<'_>,
    source: &str,
    versions: Vec<String>,
    options: Option<&str>,
) -> PyResult<String> {
    let options = self::options(options)?;
    let source = source.to_owned();
    py.detach(move || {
        let refs: Vec<&str> = versions.iter().map(String::as_str).collect();
        json(&crate::compare_many(&source, &refs, &options).map_err(error)?)
    })
}

/// `default_options()`: the options every comparison starts from, as JSON.
#[pyfunction]
fn default_options() -> PyResult<String> {
    json(&Options::default())
}

/// `check_options(options_json)`: the options over the defaults, as a
/// comparison would use them; raises the ValueError a comparison would.
#[pyfunction]
#[pyo3(signature = (options=None))]
fn check_options(options: Option<&str>) -> PyResult<String> {
    json(&self::options(options)?)
}

/// `check_index(index_json)`: the index options over their defaults, as
/// JSON; raises the ValueError `signature` would.
#[pyfunction]
#[pyo3(signature = (index=None))]
fn check_index(index: Option<&str>) -> PyResult<String> {
    json(&index_options(index)?)
}

/// `signature(text, options_json, index_json)`: the text's MinHash
/// signature (empty for a text without content words).
#[pyfunction]
#[pyo3(signature = (text, options=None, index=None))]
fn signature(
    py: Python<'_>,
    text: &str,
    options: Option<&str>,
    index: Option<&str>,
) -> PyResult<Vec<u32>> {
    let (options, index) = (self::options(options)?, index_options(index)?);
    let text = text.to_owned();
    Ok(py.detach(move || reuse::signature(&text, &options, &index)))
}

/// `band_keys(signature, index_json)`: one key per band.
#[pyfunction]
#[pyo3(signature = (signature, index=None))]
fn band_keys(signature: Vec<u32>, index: Option<&str>) -> PyResult<Vec<i64>> {
    Ok(reuse::band_keys(&signature, &index_options(index)?))
}

/// `similarity(a, b)`: the estimated Jaccard similarity of two signatures.
#[pyfunction]
fn similarity(a: Vec<u32>, b: Vec<u32>) -> f64 {
    reuse::similarity(&a, &b)
}

/// `candidates(wires, articles, options_json, index_json)`: every
/// (wire, article, similarity) sharing a band key, by list positions.
#[pyfunction]
#[pyo3(signature = (wires, articles, options=None, index=None))]
fn candidates(
    py: Python<'_>,
    wires: Vec<String>,
    articles: Vec<String>,
    options: Option<&str>,
    index: Option<&str>,
) -> PyResult<Vec<(usize, usize, f64)>> {
    let (options, index) = (self::options(options)?, index_options(index)?);
    Ok(py.detach(move || {
        let wires: Vec<&str> = wires.iter().map(String::as_str).collect();
        let articles: Vec<&str> = articles.iter().map(String::as_str).collect();
        reuse::candidates(&wires, &articles, &options, &index)
            .into_iter()
            .map(|c| (c.wire, c.article, c.similarity))
            .collect()
    }))
}

/// `refusal(text)`: why a text cannot be compared, as `(kind, words)`
/// (`emptyText`/`binaryText`, "is empty"), or `None`: the command line's
/// check of a record's text.
#[pyfunction]
fn refusal(text: &str) -> Option<(&'static str, String)> {
    crate::input::refusal(text)
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    m.add_function(wrap_pyfunction!(compare_many, m)?)?;
    m.add_function(wrap_pyfunction!(default_options, m)?)?;
    m.add_function(wrap_pyfunction!(check_options, m)?)?;
    m.add_function(wrap_pyfunction!(check_index, m)?)?;
    m.add_function(wrap_pyfunction!(signature, m)?)?;
    m.add_function(wrap_pyfunction!(band_keys, m)?)?;
    m.add_function(wrap_pyfunction!(similarity, m)?)?;
    m.add_function(wrap_pyfunction!(candidates, m)?)?;
    m.add_function(wrap_pyfunction!(refusal, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
