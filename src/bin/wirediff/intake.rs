//! Reading an input as the page and the widget read a file (www/intake.js):
//! bytes that are not text are refused by what they are; UTF-16 is read by
//! its byte-order mark; bytes that are not UTF-8 are read as Windows-1252
//! (what wire and CMS exports then usually are), guessed, unless
//! `--encoding` says otherwise.

use wirediff::input;

/// What `--encoding` accepts: how to read a file that is not UTF-8 (nor
/// UTF-16 with a byte-order mark).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Windows-1252, guessed, and said so.
    Auto,
    /// UTF-8, with U+FFFD for each invalid byte sequence.
    Utf8,
    /// Windows-1252, as asked.
    Windows1252,
}

impl Encoding {
    pub const NAMES: &str = "auto, utf-8 or windows-1252";

    pub fn from_name(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "auto" => Some(Self::Auto),
            "utf-8" | "utf8" => Some(Self::Utf8),
            "windows-1252" | "cp1252" => Some(Self::Windows1252),
            _ => None,
        }
    }
}

/// A text read, and what the reader should be told about how it was read.
pub struct Read {
    pub text: String,
    pub notice: Option<String>,
}

/// The text in `bytes` (named `shown` in messages), or why it is not text.
pub fn read_text(bytes: Vec<u8>, shown: &str, encoding: Encoding) -> Result<Read, String> {
    if let Some(kind) = input::sniff(&bytes) {
        let todo = if kind.document {
            "save it as .txt and give that file"
        } else {
            "give the story as a plain-text file"
        };
        return Err(format!("{shown} {}: {todo}", kind.not_text()));
    }
    if utf16(&bytes).is_some() {
        return Ok(Read {
            text: from_utf16(&bytes),
            notice: None,
        });
    }
    // Valid UTF-8 wins over `encoding`: UTF-8 with accents is next to never
    // valid by accident.
    let e = match String::from_utf8(bytes) {
        Ok(text) => {
            return Ok(Read {
                text: without_bom(text),
                notice: None,
            });
        }
        Err(e) => e,
    };
    Ok(match encoding {
        Encoding::Windows1252 => Read {
            text: windows_1252(e.as_bytes()),
            notice: None,
        },
        Encoding::Auto => Read {
            text: windows_1252(e.as_bytes()),
            notice: Some(format!(
                "{shown} is not UTF-8 text: it was read as Windows-1252 (Western European). \
                 If letters look wrong, give --encoding=utf-8 (or save it as UTF-8)."
            )),
        },
        Encoding::Utf8 => {
            let first = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let bad = bytes
                .utf8_chunks()
                .filter(|chunk| !chunk.invalid().is_empty())
                .count();
            let what = if bad == 1 {
                "its invalid byte sequence".to_string()
            } else {
                format!("each of its {bad} invalid byte sequences")
            };
            Read {
                text: without_bom(String::from_utf8_lossy(&bytes).into_owned()),
                notice: Some(format!(
                    "{shown} is not UTF-8 text (invalid bytes at byte {first}): compared with U+FFFD (\u{FFFD}) for {what}"
                )),
            }
        }
    })
}

/// `Some(true)` for UTF-16 big-endian, `Some(false)` little-endian, by the byte-order mark.
fn utf16(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(false),
        [0xFE, 0xFF, ..] => Some(true),
        _ => None,
    }
}

/// UTF-16 after its byte-order mark, U+FFFD for a lone surrogate or an odd last byte.
fn from_utf16(bytes: &[u8]) -> String {
    let big = utf16(bytes) == Some(true);
    let units = bytes[2..].chunks(2).map(|pair| match pair {
        [a, b] if big => u16::from_be_bytes([*a, *b]),
        [a, b] => u16::from_le_bytes([*a, *b]),
        _ => 0xFFFD,
    });
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// As the browser's TextDecoder, which drops a UTF-8 byte-order mark.
fn without_bom(text: String) -> String {
    match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

// Windows-1252's 0x80..=0x9F, as the WHATWG Encoding Standard maps them
// (the five bytes it leaves unassigned read as the C1 control of that value,
// as browsers read them); the rest is ISO-8859-1.
const HIGH: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}', '\u{178}',
];

fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}
