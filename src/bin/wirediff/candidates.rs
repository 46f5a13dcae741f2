//! `wirediff candidates`: which articles may reuse which wire story, by
//! the index of `wirediff::reuse`, for `wirediff batch` (or a cluster) to
//! compare.

use std::io::{BufRead, Write};

use serde_json::Value;
use wirediff::reuse;

use crate::args::CandidatesArgs;
use crate::progress::Progress;
use crate::records::{Record, error_line, next_line, within_limit};

/// Records of one file that have a text: (id, text).
pub struct Texts {
    pub ids: Vec<Value>,
    pub texts: Vec<String>,
}

/// Reads the records of `input` (`{"id", "text", …}`), writing an error
/// line to `out` for each bad one.
pub fn read(
    mut input: impl BufRead,
    options: &wirediff::Options,
    out: &mut impl Write,
    errors: &mut usize,
) -> Result<Texts, ReadOrWrite> {
    let mut texts = Texts {
        ids: Vec::new(),
        texts: Vec::new(),
    };
    let (mut buffer, mut line) = (Vec::new(), 0);
    while next_line(&mut input, &mut buffer).map_err(ReadOrWrite::Read)? {
        line += 1;
        let checked = Record::parse(&buffer).and_then(|record| {
            let text = record
                .text("text")
                .map_err(|bad| (record.id.clone(), bad))?;
            within_limit("text", text, options).map_err(|bad| (record.id.clone(), bad))?;
            Ok((record.id.clone(), text.to_string()))
        });
        match checked {
            Ok((id, text)) => {
                texts.ids.push(id);
                texts.texts.push(text);
            }
            Err((id, bad)) => {
                *errors += 1;
                writeln!(out, "{}", error_line(&id, line, &bad)).map_err(ReadOrWrite::Write)?;
            }
        }
    }
    Ok(texts)
}

pub enum ReadOrWrite {
    Read(std::io::Error),
    Write(std::io::Error),
}

/// Writes a line `{"wire": id, "article": id, "similarity": x}` for each
/// candidate pair, by the wires' order and then the articles'.
pub fn run(
    args: &CandidatesArgs,
    wires: &Texts,
    articles: &Texts,
    out: &mut impl Write,
    errors: usize,
) -> std::io::Result<()> {
    let mut progress = Progress::new(args.progress, "texts indexed");
    let w: Vec<&str> = wires.texts.iter().map(String::as_str).collect();
    let a: Vec<&str> = articles.texts.iter().map(String::as_str).collect();
    let pairs = reuse::candidates(&w, &a, &args.options, &args.index);
    progress.finish(w.len() + a.len(), errors, None);
    for pair in &pairs {
        let (wire, article) = (&wires.ids[pair.wire], &articles.ids[pair.article]);
        let similarity = Value::from(pair.similarity);
        writeln!(
            out,
            "{{\"wire\":{wire},\"article\":{article},\"similarity\":{similarity}}}"
        )?;
    }
    out.flush()
}
