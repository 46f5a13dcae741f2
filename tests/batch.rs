//! `wirediff batch` and `wirediff candidates`: JSON Lines in and out, one
//! output line for each input line, bad records reported and the run
//! going on.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::process::{Command, Output};

use serde_json::{Value, json};
use wirediff::Options;
use wirediff::reuse::{IndexOptions, candidates};

const AP: &str = "www/samples/001_7874be6ffbaae5d6.txt";
const KOMPAS: &str = "www/samples/000_a7be8358ffd46965.txt";

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn jsonl(records: &[Value]) -> Vec<u8> {
    records
        .iter()
        .map(|r| format!("{r}\n"))
        .collect::<String>()
        .into_bytes()
}

fn pair(id: Value) -> Value {
    json!({"id": id, "source": common::sample("001"), "compare": common::sample("000")})
}

/// What `wirediff AP KOMPAS --json [extra]` prints.
fn cli_json(extra: &[&str]) -> Value {
    let mut args = vec![AP, KOMPAS, "--json"];
    args.extend_from_slice(extra);
    let out = common::with_stdin(&args, b"");
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_result_is_what_wirediff_json_prints_for_the_pair() {
    let mut with_options = pair(json!("b"));
    with_options["options"] = json!({"ignoreCase": true, "unifyQuotes": false});
    let out = common::with_stdin(&["batch"], &jsonl(&[pair(json!("a")), with_options]));
    assert!(out.status.success(), "{}", stderr(&out));
    let got = lines(&out);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0]["id"], "a");
    assert_eq!(got[0]["result"], cli_json(&[]));
    assert_eq!(got[1]["id"], "b");
    assert_eq!(
        got[1]["result"],
        cli_json(&["--ignore-case", "--no-unify-quotes"])
    );
    assert_ne!(got[0]["result"], got[1]["result"]);

    // --options are the defaults; a record's own options override them one by one
    let mut own = pair(json!(3));
    own["options"] = json!({"unifyQuotes": false});
    let out = common::with_stdin(
        &["batch", "--options", r#"{"ignoreCase": true}"#],
        &jsonl(&[pair(json!(1)), own]),
    );
    let got = lines(&out);
    assert_eq!(got[0]["id"], 1);
    assert_eq!(got[0]["result"], cli_json(&["--ignore-case"]));
    assert_eq!(got[1]["id"], 3);
    assert_eq!(
        got[1]["result"],
        cli_json(&["--ignore-case", "--no-unify-quotes"])
    );
}

/// Records of the five samples against each other, with bad ones among
/// them: (input, the id of each line).
fn mixed_input() -> (Vec<u8>, Vec<Value>) {
    let samples = common::samples();
    let mut input = Vec::new();
    let mut ids = Vec::new();
    for k in 0..40 {
        let (a, b) = (&samples[k % 5].1, &samples[(k / 5) % 5].1);
        let id = json!(format!("pair-{k}"));
        let record = if k % 7 == 3 {
            json!({"id": id, "source": a})
        } else {
            json!({"id": id, "source": a, "compare": b})
        };
        input.extend(format!("{record}\n").into_bytes());
        ids.push(id);
    }
    (input, ids)
}

#[test]
fn every_line_gives_one_line_in_the_same_order_on_any_number_of_threads() {
    let (input, ids) = mixed_input();
    let one = common::with_stdin(&["batch", "--threads", "1"], &input);
    let two = common::with_stdin(&["batch", "--threads=2"], &input);
    let all = common::with_stdin(&["batch"], &input);
    assert!(one.status.success(), "{}", stderr(&one));
    let got = lines(&one);
    assert_eq!(got.iter().map(|l| l["id"].clone()).collect::<Vec<_>>(), ids);
    for (k, line) in got.iter().enumerate() {
        // the records without `compare` are error lines with their line number
        assert_eq!(line.get("error").is_some(), k % 7 == 3, "{k}");
        assert_eq!(line.get("result").is_some(), k % 7 != 3, "{k}");
    }
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stdout, all.stdout);
}

#[test]
fn bad_records_are_error_lines_and_the_others_still_come_out() {
    let ap = common::sample("001");
    let good = |id: &str| format!("{}\n", pair(json!(id)));
    let mut input = Vec::new();
    let mut expect: Vec<(Value, Option<&str>)> = Vec::new();
    let mut add = |line: String, id: Value, kind: Option<&'static str>| {
        input.extend(line.into_bytes());
        expect.push((id, kind));
    };
    add(good("first"), json!("first"), None);
    add(
        "{\"id\": \"cut\", \"source\": \"Minsk\n".into(),
        Value::Null,
        Some("malformed"),
    );
    add("[1, 2]\n".into(), Value::Null, Some("malformed"));
    add("\n".into(), Value::Null, Some("malformed"));
    add(
        format!("{}\n", json!({"source": ap, "compare": ap})),
        Value::Null,
        Some("missingField"),
    );
    add(
        format!("{}\n", json!({"id": "no-source", "compare": ap})),
        json!("no-source"),
        Some("missingField"),
    );
    add(
        format!("{}\n", json!({"id": [1], "source": ap, "compare": ap})),
        Value::Null,
        Some("badField"),
    );
    add(
        format!("{}\n", json!({"id": 7, "source": ap, "compare": 42})),
        json!(7),
        Some("badField"),
    );
    add(
        format!("{}\n", json!({"id": "empty", "source": ap, "compare": ""})),
        json!("empty"),
        Some("emptyText"),
    );
    add(
        format!(
            "{}\n",
            json!({"id": "blank", "source": " \n\t", "compare": ap})
        ),
        json!("blank"),
        Some("emptyText"),
    );
    add(
        format!(
            "{}\n",
            json!({"id": "binary", "source": ap, "compare": "PK\u{3}\u{4}\u{0}\u{0}\u{14}\u{0}"})
        ),
        json!("binary"),
        Some("binaryText"),
    );
    add(
        format!(
            "{}\n",
            json!({"id": "large", "source": ap, "compare": ap, "options": {"maxInputBytes": 1000}})
        ),
        json!("large"),
        Some("tooLarge"),
    );
    add(
        format!(
            "{}\n",
            json!({"id": "options", "source": ap, "compare": ap, "options": {"ignoreCase": "yes"}})
        ),
        json!("options"),
        Some("badOptions"),
    );
    add(good("middle"), json!("middle"), None);
    let mut latin1 =
        b"{\"id\": \"latin1\", \"source\": \"Lukashenko\", \"compare\": \"Minsk caf\xe9\"}\n"
            .to_vec();
    input.append(&mut latin1);
    expect.push((json!("latin1"), Some("notUtf8")));
    // the last line has no line break
    input.extend(pair(json!("last")).to_string().into_bytes());
    expect.push((json!("last"), None));

    let out = common::with_stdin(&["batch"], &input);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let got = lines(&out);
    assert_eq!(got.len(), expect.len());
    let errors = expect.iter().filter(|e| e.1.is_some()).count();
    for (k, (line, (id, kind))) in got.iter().zip(&expect).enumerate() {
        assert_eq!(&line["id"], id, "line {}", k + 1);
        match kind {
            None => assert!(line["result"]["stats"]["verdict"].is_string(), "{line}"),
            Some(kind) => {
                assert_eq!(line["error"]["kind"], *kind, "{line}");
                assert_eq!(line["line"], k + 1, "{line}");
                assert!(
                    line["error"]["message"].as_str().unwrap().len() > 10,
                    "{line}"
                );
            }
        }
    }
    assert!(
        stderr(&out).contains(&format!("{errors} records could not be compared")),
        "{}",
        stderr(&out)
    );
}

#[test]
fn duplicate_ids_are_each_compared_and_reported() {
    let out = common::with_stdin(
        &["batch"],
        &jsonl(&[pair(json!("same")), pair(json!("same"))]),
    );
    let got = lines(&out);
    assert_eq!(got.len(), 2);
    for line in &got {
        assert_eq!(line["id"], "same");
        assert_eq!(line["result"], cli_json(&[]));
    }
}

#[test]
fn progress_goes_to_standard_error_only_when_asked_for_off_a_terminal() {
    let input = jsonl(&[pair(json!(1)), pair(json!(2))]);
    let quiet = common::with_stdin(&["batch"], &input);
    assert_eq!(stderr(&quiet), "");
    let shown = common::with_stdin(&["batch", "--progress"], &input);
    assert!(
        stderr(&shown).contains("wirediff: 2 records"),
        "{}",
        stderr(&shown)
    );
    assert_eq!(shown.stdout, quiet.stdout);

    // from a file, the line also says how much of the input is read
    let file = write_temp("progress", &[pair(json!(1)), pair(json!(2))], "");
    let out = Command::new(env!("CARGO_BIN_EXE_wirediff"))
        .args(["batch", "--progress"])
        .stdin(std::fs::File::open(&file).unwrap())
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&file);
    assert_eq!(out.stdout, quiet.stdout);
    assert!(
        stderr(&out).contains("wirediff: 2 records (100% of the input)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn usage_errors_exit_with_2_and_unreadable_files_with_1() {
    for args in [
        &["batch", "--threads", "0"][..],
        &["batch", "--threads", "many"],
        &["batch", "pairs.jsonl"],
        &["batch", "--options", "{\"bogus\": true}"],
        &["batch", "--options", "not json"],
        &["batch", "--progress=yes"],
        &["batch", "--wires", "w.jsonl"],
        &["candidates", "--wires", "w.jsonl"],
        &["candidates", "--wires", "-", "--articles", "-"],
        &[
            "candidates",
            "--wires",
            "w",
            "--articles",
            "a",
            "--index",
            "{\"bands\": 0}",
        ],
        &[
            "candidates",
            "--wires",
            "w",
            "--articles",
            "a",
            "--index",
            "{\"band\": 8}",
        ],
    ] {
        let out = common::with_stdin(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("Try 'wirediff --help'"), "{args:?}");
    }
    let missing = common::with_stdin(
        &["candidates", "--wires", "no/such.jsonl", "--articles", "-"],
        b"",
    );
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("cannot read no/such.jsonl"));
    let help = common::with_stdin(&["batch", "--help"], b"");
    assert!(String::from_utf8_lossy(&help.stdout).contains("--threads"));
}

fn write_temp(name: &str, records: &[Value], extra: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("wirediff-batch-{}-{name}", std::process::id()));
    let mut bytes = jsonl(records);
    bytes.extend_from_slice(extra.as_bytes());
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn candidates_are_the_library_pairs_by_id_with_bad_records_reported() {
    let fixture = |name: &str| {
        std::fs::read_to_string(format!(
            "{}/tests/fixtures/reuse/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    };
    let wire_texts = [
        ("ap", common::sample("001")),
        ("football", fixture("unrelated_football.txt")),
    ];
    let article_texts = [
        (json!(10), common::sample("000")),
        (json!(11), fixture("ap_rewritten.txt")),
        (json!(12), common::sample("001")),
        (json!(13), fixture("unrelated_markets.txt")),
    ];
    let wires: Vec<Value> = wire_texts
        .iter()
        .map(|(id, t)| json!({"id": id, "text": t, "outlet": "AP"}))
        .collect();
    let mut articles: Vec<Value> = article_texts
        .iter()
        .map(|(id, t)| json!({"id": id, "text": t}))
        .collect();
    articles.insert(1, json!({"id": 99, "text": ""}));
    let w = write_temp("wires", &wires, "");
    let a = write_temp("articles", &articles, "not a record\n");
    let out = common::with_stdin(
        &[
            "candidates",
            "--wires",
            w.to_str().unwrap(),
            "--articles",
            a.to_str().unwrap(),
        ],
        b"",
    );
    let _ = (std::fs::remove_file(&w), std::fs::remove_file(&a));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let got = lines(&out);
    let (errors, pairs): (Vec<&Value>, Vec<&Value>) =
        got.iter().partition(|l| l.get("error").is_some());
    assert_eq!(errors.len(), 2);
    assert_eq!(
        (&errors[0]["id"], &errors[0]["line"]),
        (&json!(99), &json!(2))
    );
    assert_eq!(errors[0]["error"]["kind"], "emptyText");
    assert_eq!(
        (&errors[1]["id"], &errors[1]["line"]),
        (&Value::Null, &json!(6))
    );

    let wt: Vec<&str> = wire_texts.iter().map(|(_, t)| t.as_str()).collect();
    let at: Vec<&str> = article_texts.iter().map(|(_, t)| t.as_str()).collect();
    let expected: Vec<Value> = candidates(&wt, &at, &Options::default(), &IndexOptions::default())
        .iter()
        .map(|c| {
            json!({
                "wire": wire_texts[c.wire].0,
                "article": article_texts[c.article].0,
                "similarity": c.similarity,
            })
        })
        .collect();
    assert_eq!(pairs.into_iter().cloned().collect::<Vec<_>>(), expected);
    // AP's story and its rewrites are among them
    for article in [10, 11, 12] {
        assert!(
            expected
                .iter()
                .any(|p| p["wire"] == "ap" && p["article"] == article),
            "{article}"
        );
    }
}
