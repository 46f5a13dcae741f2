//! What an input is before it is compared: blank, or not text at all (an
//! image, a PDF, a Word file, binary data). The command line's files and
//! JSON Lines records and the Python package's records are refused by
//! these, with the page's words (www/intake.js says the same in the
//! browser, before the engine is loaded).

/// Why `text` has nothing to compare, or `None` (as the widget says it).
pub fn blank(text: &str) -> Option<&'static str> {
    if text.is_empty() {
        Some("is empty")
    } else if text.chars().all(char::is_whitespace) {
        Some("holds only spaces and line breaks")
    } else {
        None
    }
}

/// Why a text given as a record's field cannot be compared, as the kind
/// of error a JSON Lines run reports (`emptyText`, `binaryText`) and the
/// words after the field's name ("is empty", "is a PDF document, not
/// text"); `None` when it can.
pub fn refusal(text: &str) -> Option<(&'static str, String)> {
    if let Some(why) = blank(text) {
        return Some(("emptyText", why.to_string()));
    }
    not_text(text.as_bytes()).map(|what| ("binaryText", what))
}

/// What `bytes` are when they are not text ("is a PNG image, not text",
/// "is not text (it holds binary data)"), or `None` for text.
pub fn not_text(bytes: &[u8]) -> Option<String> {
    sniff(bytes).map(|kind| kind.not_text())
}

/// A kind of bytes that is not text.
pub struct Kind {
    /// "a PNG image"; `None` for binary data of no known kind.
    pub what: Option<&'static str>,
    /// A document that can be saved as text.
    pub document: bool,
}

impl Kind {
    /// "is a PNG image, not text", "is not text (it holds binary data)".
    pub fn not_text(&self) -> String {
        match self.what {
            Some(what) => format!("is {what}, not text"),
            None => "is not text (it holds binary data)".into(),
        }
    }
}

// (what, first bytes, a document to save as text?), as www/intake.js has them
const SIGNATURES: [(&str, &[u8], bool); 6] = [
    ("a PNG image", b"\x89PNG", false),
    ("a JPEG image", b"\xFF\xD8\xFF", false),
    ("a GIF image", b"GIF8", false),
    ("a PDF document", b"%PDF-", true),
    ("an RTF document", b"{\\rtf", true),
    ("a Microsoft Office document", b"\xD0\xCF\x11\xE0", true),
];
// ZIP entry names that tell a document
const ZIPPED: [(&[u8], &str); 4] = [
    (b"word/", "a Word document"),
    (b"xl/", "an Excel workbook"),
    (b"ppt/", "a PowerPoint presentation"),
    (b"opendocument.text", "an OpenDocument text"),
];
const SAMPLE: usize = 65_536;

/// What `bytes` are when they are not text, by their first bytes (images,
/// PDF, RTF, Office and OpenDocument files, ZIP archives) or, failing
/// that, by NUL and control bytes; `None` for text (UTF-16 with a
/// byte-order mark is text).
pub fn sniff(bytes: &[u8]) -> Option<Kind> {
    for (what, signature, document) in SIGNATURES {
        if bytes.starts_with(signature) {
            return Some(Kind {
                what: Some(what),
                document,
            });
        }
    }
    if bytes.starts_with(b"PK\x03\x04") {
        // entry names are in their headers, and in the directory at the end
        let head = &bytes[..bytes.len().min(SAMPLE)];
        let tail = &bytes[bytes.len().saturating_sub(SAMPLE)..];
        let found = ZIPPED.iter().find(|(name, _)| {
            [head, tail]
                .iter()
                .any(|part| part.windows(name.len()).any(|w| w == *name))
        });
        return Some(match found {
            Some((_, what)) => Kind {
                what: Some(what),
                document: true,
            },
            None => Kind {
                what: Some("a ZIP archive"),
                document: false,
            },
        });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return None;
    }
    // Text has no NUL and next to no control characters; random bytes, one in nine.
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    if sample.contains(&0) {
        return Some(Kind {
            what: None,
            document: false,
        });
    }
    let control = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, 0x09 | 0x0a | 0x0c | 0x0d)) || b == 0x7f)
        .count();
    (control * 50 > sample.len()).then_some(Kind {
        what: None,
        document: false,
    })
}
