//! The command-line tool on the samples.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use wirediff::{Options, compare, compare_many};

const AP: &str = "www/samples/001_7874be6ffbaae5d6.txt";
const KOMPAS: &str = "www/samples/000_a7be8358ffd46965.txt";
const NPR: &str = "www/samples/002_36e125501881ede5.txt";

fn wirediff(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wirediff"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wirediff"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn json_is_exactly_the_library_result() {
    let out = wirediff(&[AP, KOMPAS, "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let printed: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let (ap, kompas) = (common::sample("001"), common::sample("000"));
    let mut expected =
        serde_json::to_value(compare(&ap, &kompas, &Options::default()).unwrap()).unwrap();
    assert_eq!(printed, expected);
    // camelCase, as the JS API
    assert!(printed["stats"]["verbatimShare"].is_number());
    assert_eq!(printed["stats"]["verdict"], "partially derived");

    // Options reach the engine.
    let out = wirediff(&[AP, KOMPAS, "--json", "--ignore-case", "--no-unify-quotes"]);
    let printed: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let options = Options {
        ignore_case: true,
        unify_quotes: false,
        ..Options::default()
    };
    expected = serde_json::to_value(compare(&ap, &kompas, &options).unwrap()).unwrap();
    assert_eq!(printed, expected);
}

#[test]
fn json_with_several_versions_is_the_many_comparison() {
    let out = wirediff(&[AP, KOMPAS, NPR, "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let printed: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let (ap, kompas, npr) = (
        common::sample("001"),
        common::sample("000"),
        common::sample("002"),
    );
    let expected = compare_many(&ap, &[&kompas, &npr], &Options::default()).unwrap();
    assert_eq!(printed, serde_json::to_value(expected).unwrap());
    assert_eq!(printed["results"].as_array().unwrap().len(), 2);
    assert_eq!(printed["matrix"].as_array().unwrap().len(), 3);
}

#[test]
fn the_redline_shows_cuts_additions_and_boilerplate_with_plain_markers() {
    let out = wirediff(&[AP, KOMPAS, "--redline"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    // Not a terminal: no escape codes, plain markers.
    assert!(!text.contains('\x1b'));
    assert!(text.contains(
        "{+“There will be no new election until you kill me,\" Lukashenko proclaimed.\n+}"
    ));
    assert!(text.contains("[-Miners at the huge potash factory"));
    assert!(text.contains("{bp+Read also: Protests in Belarus"));
    assert!(text.contains("[bp-Also Read | Death Valley"));
    assert!(text.contains("The strikes follow [-a brutal dispersal of -]peaceful"));
    assert!(text.contains("partially derived"));
    // AP's dateline credit gave way to Kompas's own; its closing "(AP)" went.
    assert!(text.contains("; credit: AP replaced, AP removed"), "{text}");
    // Verbatim text is shown as is.
    assert!(text.contains("+}He told the workers: “I will never cave in to pressure.”\n"));
}

#[test]
fn stdin_and_hidden_boilerplate() {
    let kompas = std::fs::read(format!("{}/{KOMPAS}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let out = with_stdin(&[AP, "-", "--hide-boilerplate"], &kompas);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(!text.contains("Read also") && !text.contains("Also Read"));
    assert!(text.contains("{+He said the demonstrators have been"));
}

#[test]
fn bad_input_fails_with_a_clear_message() {
    let missing = wirediff(&[AP, "no/such/file.txt"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("cannot read no/such/file.txt"),
        "{}",
        stderr(&missing)
    );

    // Not UTF-8: compared with U+FFFD in place of each bad sequence, and said so.
    let latin = with_stdin(&["-", "--json", AP], b"caf\xe9 au lait, th\xe9 \xff\xfe");
    assert_eq!(latin.status.code(), Some(0));
    assert_eq!(
        stderr(&latin),
        "wirediff: standard input is not UTF-8 text (invalid bytes at byte 3): compared with U+FFFD (\u{FFFD}) for each of its 4 invalid byte sequences\n"
    );
    let printed: serde_json::Value = serde_json::from_str(&stdout(&latin)).unwrap();
    assert_eq!(
        printed["leftLength"],
        "caf\u{FFFD} au lait, th\u{FFFD} \u{FFFD}\u{FFFD}"
            .encode_utf16()
            .count()
    );

    let usage = wirediff(&[AP]);
    assert_eq!(usage.status.code(), Some(2));
    assert!(stderr(&usage).contains("at least one version"));

    let both = wirediff(&[AP, KOMPAS, "--json", "--redline"]);
    assert_eq!(both.status.code(), Some(2));

    let unknown = wirediff(&[AP, KOMPAS, "--colour"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("unknown option --colour"));

    let twice = with_stdin(&["-", "-"], b"x");
    assert_eq!(twice.status.code(), Some(2));
}

#[test]
fn help_lists_the_options() {
    let out = wirediff(&["--help"]);
    assert!(out.status.success());
    for option in [
        "--json",
        "--redline",
        "--ignore-case",
        "--no-unify-quotes",
        "--budget-ms",
    ] {
        assert!(stdout(&out).contains(option), "{option}");
    }
}
