//! Shared helpers of the native tests: the sample corpus, the lossless
//! check, and the adversarial inputs.
#![allow(dead_code)]

pub mod adversarial;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use wirediff::{Comparison, OpKind, Source, Span};

/// The five sample versions shipped with the page: (file name, text).
pub fn samples() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/samples");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("www/samples exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// The sample whose file name starts with `prefix` (`"001"` is AP).
pub fn sample(prefix: &str) -> String {
    samples()
        .into_iter()
        .find(|(name, _)| name.starts_with(prefix))
        .map(|(_, text)| text)
        .unwrap_or_else(|| panic!("no sample {prefix}"))
}

/// A large pair built from the samples, the way the benchmark builds its
/// inputs: copies of the five stories (names and numbers varied per copy)
/// against a rewrite (some paragraphs reworded, moved, cut, "Read also:"
/// lines and footers added): (source, rewrite), each about `bytes` long.
pub fn rewrite_pair(bytes: usize) -> (String, String) {
    let paragraphs: Vec<String> = samples()
        .iter()
        .flat_map(|(_, text)| {
            text.lines()
                .map(str::trim)
                .filter(|l| l.len() > 40)
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .collect();
    let (mut left, mut right) = (String::new(), String::new());
    let mut copy = 0;
    while left.len() < bytes {
        let vary = |p: &str| {
            p.replace("Lukashenko", &format!("Lukashenko-{copy}"))
                .replace("5,000", &format!("{},000", 5 + copy % 90))
        };
        let mut moved = Vec::new();
        for (k, p) in paragraphs.iter().enumerate() {
            let p = vary(p);
            left.push_str(&p);
            left.push_str("\n\n");
            match (k + copy) % 17 {
                0 => {}                     // cut
                3 => moved.push(p.clone()), // moved to the end of the copy
                5 => right.push_str(&format!(
                    "{}\n",
                    p.replace("workers", "employees").replace(" the ", " a ")
                )),
                8 => right.push_str(&format!("Read also: Story number {copy}-{k}\n{p}\n")),
                _ => right.push_str(&format!("{p}\n")),
            }
        }
        for p in moved {
            right.push_str(&format!("{p}\n"));
        }
        right
            .push_str("(This is an unedited and auto-generated story from Syndicated News feed)\n");
        copy += 1;
    }
    (left, right)
}

fn slice(units: &[u16], span: Span) -> String {
    String::from_utf16(&units[span.start..span.end]).expect("spans fall on character boundaries")
}

/// `sources` names each sentence of the other text at most once.
pub fn each_source_once(sources: &[Source]) -> bool {
    sources
        .iter()
        .enumerate()
        .all(|(s, source)| sources[..s].iter().all(|x| x.sentence != source.sentence))
}

/// Asserts that the ops rebuild both texts exactly and that every span is in
/// range, ordered and of the right shape for its kind: right spans of
/// equal/insert/replace tile the right text in list order; left spans of
/// equal/delete/replace tile the left text; a `move` op has an empty right
/// span, its passage's left span, and ops with its id at the new place
/// whose left spans cover the passage; `parts` tile their parent's spans.
pub fn assert_lossless(left: &str, right: &str, result: &Comparison) {
    let left16: Vec<u16> = left.encode_utf16().collect();
    let right16: Vec<u16> = right.encode_utf16().collect();
    assert_eq!(result.left_length, left16.len());
    assert_eq!(result.right_length, right16.len());

    let mut right_rebuilt = String::new();
    let mut right_at = 0;
    let mut left_pieces = Vec::new();
    let mut moved: Vec<(u32, Span)> = Vec::new();
    for op in &result.ops {
        assert!(
            op.left.start <= op.left.end && op.left.end <= left16.len(),
            "{op:?}"
        );
        assert!(
            op.right.start <= op.right.end && op.right.end <= right16.len(),
            "{op:?}"
        );
        match op.kind {
            OpKind::Insert => assert!(op.left.is_empty() && !op.right.is_empty(), "{op:?}"),
            OpKind::Delete => assert!(op.right.is_empty() && !op.left.is_empty(), "{op:?}"),
            OpKind::Equal | OpKind::Replace => {
                assert!(!op.left.is_empty() && !op.right.is_empty(), "{op:?}")
            }
            OpKind::Move => {
                assert!(op.right.is_empty() && !op.left.is_empty(), "{op:?}");
                assert_eq!(
                    op.right.start, right_at,
                    "a move op stands where it is read"
                );
                let id = op.move_id.expect("a move op has an id");
                assert!(id > 0);
                moved.push((id, op.left));
                assert!(op.parts.is_none());
                continue;
            }
        }
        if let Some(parts) = &op.parts {
            assert_eq!(op.kind, OpKind::Replace, "only replacements have parts");
            assert_tiles(
                op.left,
                parts
                    .iter()
                    .filter(|p| p.kind != OpKind::Insert)
                    .map(|p| p.left),
            );
            assert_tiles(
                op.right,
                parts
                    .iter()
                    .filter(|p| p.kind != OpKind::Delete)
                    .map(|p| p.right),
            );
        }
        if op.kind != OpKind::Delete {
            assert_eq!(
                op.right.start, right_at,
                "right spans leave a gap or overlap at {op:?}"
            );
            right_at = op.right.end;
            right_rebuilt.push_str(&slice(&right16, op.right));
        }
        if op.kind != OpKind::Insert {
            left_pieces.push(op.left);
        }
    }
    assert_eq!(
        right_rebuilt, right,
        "equal + insert + replace rebuild the right text"
    );

    left_pieces.sort_by_key(|s| s.start);
    let mut left_at = 0;
    let mut left_rebuilt = String::new();
    for span in &left_pieces {
        assert_eq!(
            span.start, left_at,
            "left spans leave a gap or overlap at {span:?}"
        );
        left_at = span.end;
        left_rebuilt.push_str(&slice(&left16, *span));
    }
    assert_eq!(
        left_rebuilt, left,
        "equal + delete + replace rebuild the left text"
    );

    // Every moved passage is rebuilt, at its new place, by ops with its id.
    for (id, passage) in moved {
        let inside: Vec<Span> = result
            .ops
            .iter()
            .filter(|op| {
                op.move_id == Some(id) && op.kind != OpKind::Move && op.kind != OpKind::Insert
            })
            .map(|op| op.left)
            .collect();
        assert!(!inside.is_empty(), "move #{id} has ops at its new place");
        let mut sorted = inside.clone();
        sorted.sort_by_key(|s| s.start);
        assert_tiles(passage, sorted.into_iter());
        let m = result
            .moves
            .iter()
            .find(|m| m.id == id)
            .expect("listed in moves");
        assert_eq!(m.left, passage);
    }
    assert_facts(&left16, &right16, result);
}

/// Every fact's spans lie in their texts and slice to its texts; a
/// speaker lies outside its quotation; a number carries its values.
fn assert_facts(left16: &[u16], right16: &[u16], result: &Comparison) {
    let within =
        |span: Option<Span>, len: usize| span.is_none_or(|s| s.start <= s.end && s.end <= len);
    for f in &result.facts {
        assert!(
            within(f.left, left16.len()) && within(f.right, right16.len()),
            "{f:?}"
        );
        assert!(within(f.left_speaker, left16.len()), "{f:?}");
        assert!(within(f.right_speaker, right16.len()), "{f:?}");
        assert_eq!(
            f.left.map_or(String::new(), |s| slice(left16, s)),
            f.left_text
        );
        assert_eq!(
            f.right.map_or(String::new(), |s| slice(right16, s)),
            f.right_text
        );
        assert!(f.left.is_some() || f.right.is_some(), "{f:?}");
        for (quote, speaker) in [(f.left, f.left_speaker), (f.right, f.right_speaker)] {
            if let (Some(q), Some(s)) = (quote, speaker) {
                assert!(s.end <= q.start || s.start >= q.end, "{f:?}");
            }
        }
        if f.kind == wirediff::FactKind::Number {
            assert_eq!(f.left.is_some(), f.left_value.is_some(), "{f:?}");
            assert_eq!(f.right.is_some(), f.right_value.is_some(), "{f:?}");
        }
    }
}

/// `pieces` (in order) tile `whole` exactly.
fn assert_tiles(whole: Span, pieces: impl Iterator<Item = Span>) {
    let mut at = whole.start;
    for piece in pieces {
        assert_eq!(piece.start, at, "{piece:?} in {whole:?}");
        at = piece.end;
    }
    assert_eq!(at, whole.end, "pieces end where {whole:?} ends");
}

/// The text of the right side of every op of `kind`.
pub fn right_texts(right: &str, result: &Comparison, kind: OpKind) -> Vec<String> {
    let units: Vec<u16> = right.encode_utf16().collect();
    result
        .ops
        .iter()
        .filter(|op| op.kind == kind)
        .map(|op| slice(&units, op.right))
        .collect()
}

/// The text of the left side of every op of `kind`.
pub fn left_texts(left: &str, result: &Comparison, kind: OpKind) -> Vec<String> {
    let units: Vec<u16> = left.encode_utf16().collect();
    result
        .ops
        .iter()
        .filter(|op| op.kind == kind)
        .map(|op| slice(&units, op.left))
        .collect()
}

/// Runs the `wirediff` binary with `args` and `input` on its standard
/// input, from the repository's root.
pub fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wirediff"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // written from a thread: the child answers while it reads
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}
