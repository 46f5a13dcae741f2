//! JSON Lines records, read one line at a time and checked field by field;
//! a bad record becomes an error line with its id and line number, never
//! the end of the run.

use std::io::BufRead;

use serde_json::{Map, Value};

/// Why a record was not used: a kind to sort by (`malformed`,
/// `missingField`, `badField`, `badOptions`, `notUtf8`, `emptyText`,
/// `binaryText`, `tooLarge`, `internal`) and a message to read.
pub struct Bad {
    pub kind: &'static str,
    pub message: String,
}

impl Bad {
    pub fn new(kind: &'static str, message: impl Into<String>) -> Self {
        Bad {
            kind,
            message: message.into(),
        }
    }
}

/// The error line of a bad record: its id (null when it has none that can
/// be read), its line number from 1, and why.
pub fn error_line(id: &Value, line: usize, bad: &Bad) -> String {
    let (kind, message) = (Value::from(bad.kind), Value::from(bad.message.as_str()));
    format!("{{\"id\":{id},\"line\":{line},\"error\":{{\"kind\":{kind},\"message\":{message}}}}}")
}

/// The next line of `input` without its line break, or `None` at the end.
/// A last line without a line break is a line; an empty input has none.
pub fn next_line(input: &mut impl BufRead, buffer: &mut Vec<u8>) -> std::io::Result<bool> {
    buffer.clear();
    if input.read_until(b'\n', buffer)? == 0 {
        return Ok(false);
    }
    if buffer.last() == Some(&b'\n') {
        buffer.pop();
        if buffer.last() == Some(&b'\r') {
            buffer.pop();
        }
    }
    Ok(true)
}

/// A record's fields, and its id (null until one is read).
pub struct Record {
    pub id: Value,
    fields: Map<String, Value>,
}

impl Record {
    /// The JSON object on one line, with an id that is a string or a
    /// number.
    pub fn parse(bytes: &[u8]) -> Result<Record, (Value, Bad)> {
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                // the id, if it can be read despite the bad bytes
                let lossy = String::from_utf8_lossy(bytes);
                let id = serde_json::from_str::<Value>(&lossy)
                    .ok()
                    .and_then(|v| v.get("id").filter(|id| is_id(id)).cloned())
                    .unwrap_or(Value::Null);
                let at = e.valid_up_to();
                return Err((
                    id,
                    Bad::new(
                        "notUtf8",
                        format!(
                            "the line is not UTF-8 (an invalid byte at byte {at}): JSON Lines are UTF-8"
                        ),
                    ),
                ));
            }
        };
        if text.trim().is_empty() {
            return Err((
                Value::Null,
                Bad::new(
                    "malformed",
                    "the line is blank: each line must be a JSON object",
                ),
            ));
        }
        let value: Value = serde_json::from_str(text)
            .map_err(|e| (Value::Null, Bad::new("malformed", format!("not JSON: {e}"))))?;
        let Value::Object(fields) = value else {
            return Err((
                Value::Null,
                Bad::new(
                    "malformed",
                    format!("the line is {}, not a JSON object", kind_of(&value)),
                ),
            ));
        };
        let id = match fields.get("id") {
            None | Some(Value::Null) => {
                return Err((
                    Value::Null,
                    Bad::new("missingField", "the record has no `id`"),
                ));
            }
            Some(id) if is_id(id) => id.clone(),
            Some(other) => {
                return Err((
                    Value::Null,
                    Bad::new(
                        "badField",
                        format!("`id` must be a string or a number, not {}", kind_of(other)),
                    ),
                ));
            }
        };
        Ok(Record { id, fields })
    }

    /// The text in the field `name`: present, a string, not blank, not
    /// binary data.
    pub fn text(&self, name: &str) -> Result<&str, Bad> {
        let text = match self.fields.get(name) {
            None | Some(Value::Null) => {
                return Err(Bad::new(
                    "missingField",
                    format!("the record has no `{name}`"),
                ));
            }
            Some(Value::String(text)) => text.as_str(),
            Some(other) => {
                return Err(Bad::new(
                    "badField",
                    format!("`{name}` must be a string, not {}", kind_of(other)),
                ));
            }
        };
        if let Some((kind, why)) = wirediff::input::refusal(text) {
            return Err(Bad::new(kind, format!("`{name}` {why}")));
        }
        Ok(text)
    }

    /// The field `name`, if the record has it (and it is not null).
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.fields.get(name).filter(|v| !v.is_null())
    }
}

/// Refuses a text over the options' size limit, as the engine would, by
/// the field's name.
pub fn within_limit(name: &str, text: &str, options: &wirediff::Options) -> Result<(), Bad> {
    let limit = options.max_input_bytes.min(u32::MAX as usize);
    if text.len() > limit {
        return Err(Bad::new(
            "tooLarge",
            format!(
                "`{name}` is {} bytes, above the limit of {limit} bytes (`maxInputBytes`)",
                text.len()
            ),
        ));
    }
    Ok(())
}

fn is_id(value: &Value) -> bool {
    matches!(value, Value::String(_) | Value::Number(_))
}

/// "an array", "a string", … for messages.
fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
