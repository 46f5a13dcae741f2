//! The command-line tool on the samples.
#![cfg(not(target_arch = "wasm32"))]

mod common;

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
    let out = common::with_stdin(&[AP, "-", "--hide-boilerplate"], &kompas);
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

    let usage = wirediff(&[AP]);
    assert_eq!(usage.status.code(), Some(2));
    assert!(stderr(&usage).contains("at least one version"));

    let both = wirediff(&[AP, KOMPAS, "--json", "--redline"]);
    assert_eq!(both.status.code(), Some(2));

    let unknown = wirediff(&[AP, KOMPAS, "--colour"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("unknown option --colour"));

    let twice = common::with_stdin(&["-", "-"], b"x");
    assert_eq!(twice.status.code(), Some(2));
}

/// A file in the system's temporary directory, removed when dropped.
struct TempFile(std::path::PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> Self {
        let path = std::env::temp_dir().join(format!("wirediff-cli-{}-{name}", std::process::id()));
        std::fs::write(&path, bytes).unwrap();
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn a_reader_that_closes_the_pipe_early_is_no_error() {
    // Far more than a pipe holds, so that the writer meets the closed end.
    let long = "The strikes follow a brutal dispersal of peaceful protesters.\n".repeat(20_000);
    let file = TempFile::new("long.txt", long.as_bytes());
    for args in [
        vec![file.path(), file.path()],
        vec![file.path(), file.path(), "--json"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_wirediff"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 10];
        std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
        drop(child.stdout.take()); // as `| head -c 10` does
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}");
    }
}

#[test]
fn every_option_with_a_value_takes_it_after_an_equals_sign() {
    let apart = wirediff(&[AP, KOMPAS, "--json", "--budget-ms", "0"]);
    let joined = wirediff(&[AP, KOMPAS, "--json", "--budget-ms=0"]);
    assert!(joined.status.success(), "{}", stderr(&joined));
    assert_eq!(stdout(&joined), stdout(&apart));
    let printed: serde_json::Value = serde_json::from_str(&stdout(&joined)).unwrap();
    assert_eq!(printed["approximate"], true, "a budget of 0 ms runs out");

    let latin = TempFile::new("eq-latin.txt", b"Caf\xe9 society, \x93quoted\x94.");
    for encoding in [["--encoding=utf-8"], ["--encoding=windows-1252"]] {
        let joined = wirediff(&[AP, latin.path(), "--json", encoding[0]]);
        let (name, value) = encoding[0].split_once('=').unwrap();
        let apart = wirediff(&[AP, latin.path(), "--json", name, value]);
        assert!(joined.status.success(), "{}", stderr(&joined));
        assert_eq!(stdout(&joined), stdout(&apart));
        assert_eq!(stderr(&joined), stderr(&apart));
    }

    let coloured = wirediff(&[AP, KOMPAS, "--color=always"]);
    assert!(stdout(&coloured).contains('\x1b'));

    for (args, says) in [
        (["--json=yes"], "--json takes no value"),
        (
            ["--budget-ms=soon"],
            "--budget-ms needs a whole number of milliseconds",
        ),
        (
            ["--color=sometimes"],
            "--color must be auto, always or never",
        ),
        (
            ["--encoding=latin-9"],
            "--encoding must be auto, utf-8 or windows-1252",
        ),
        (["--colour=always"], "unknown option --colour"),
    ] {
        let out = wirediff(&[AP, KOMPAS, args[0]]);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn an_empty_text_is_refused_as_the_widget_refuses_it() {
    let empty = TempFile::new("empty.txt", b"");
    let spaces = TempFile::new("spaces.txt", b"  \n\t\r\n");
    let out = wirediff(&[AP, empty.path()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "wirediff: {} is empty: give a file with the outlet's text\n",
            empty.path()
        )
    );
    assert_eq!(stdout(&out), "", "no verdict on nothing");

    let out = wirediff(&[spaces.path(), KOMPAS]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "wirediff: {} holds only spaces and line breaks: give a file with the wire text\n",
            spaces.path()
        )
    );

    let out = common::with_stdin(&[empty.path(), "-"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "wirediff: both texts are empty: give the wire text and the outlet's text\n"
    );
}

/// A ZIP archive holding one stored entry named `name`.
fn zip_with(name: &str) -> Vec<u8> {
    let mut bytes = b"PK\x03\x04\x14\x00\x00\x00\x00\x00".to_vec();
    bytes.extend([0; 16]);
    bytes.extend((name.len() as u16).to_le_bytes());
    bytes.extend([0, 0]);
    bytes.extend(name.as_bytes());
    bytes.extend(b"PK\x05\x06");
    bytes.extend([0; 18]);
    bytes
}

#[test]
fn binary_files_are_named_as_the_widget_names_them() {
    let cases: [(&str, Vec<u8>, &str); 7] = [
        (
            "shot.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            "is a PNG image, not text: give the story as a plain-text file",
        ),
        (
            "story.pdf",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec(),
            "is a PDF document, not text: save it as .txt and give that file",
        ),
        (
            "story.docx",
            zip_with("word/document.xml"),
            "is a Word document, not text: save it as .txt and give that file",
        ),
        (
            "story.odt",
            zip_with("mimetypeapplication/vnd.oasis.opendocument.text"),
            "is an OpenDocument text, not text: save it as .txt and give that file",
        ),
        (
            "stories.zip",
            zip_with("story.txt"),
            "is a ZIP archive, not text: give the story as a plain-text file",
        ),
        (
            "photo.jpg",
            b"\xFF\xD8\xFF\xE0\0\x10JFIF".to_vec(),
            "is a JPEG image, not text: give the story as a plain-text file",
        ),
        (
            "data.bin",
            b"wire\0story\0".to_vec(),
            "is not text (it holds binary data): give the story as a plain-text file",
        ),
    ];
    for (name, bytes, says) in cases {
        let file = TempFile::new(name, &bytes);
        let out = wirediff(&[AP, file.path()]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert_eq!(
            stderr(&out),
            format!("wirediff: {} {says}\n", file.path()),
            "{name}"
        );
        assert_eq!(stdout(&out), "");
    }
}

#[test]
fn text_that_is_not_utf8_is_read_as_windows_1252_as_the_page_reads_it() {
    let latin: &[u8] = b"caf\xe9 au lait, \x93th\xe9\x94 \x96 \x80";
    // As the page: guessed, and said so in the page's words.
    let guessed = common::with_stdin(&["-", "--json", AP], latin);
    assert_eq!(guessed.status.code(), Some(0));
    assert_eq!(
        stderr(&guessed),
        "wirediff: standard input is not UTF-8 text: it was read as Windows-1252 (Western European). \
         If letters look wrong, give --encoding=utf-8 (or save it as UTF-8).\n"
    );
    let as_1252 = "café au lait, “thé” – €";
    let printed: serde_json::Value = serde_json::from_str(&stdout(&guessed)).unwrap();
    let expected = compare(as_1252, &common::sample("001"), &Options::default()).unwrap();
    assert_eq!(printed, serde_json::to_value(expected).unwrap());

    // Named: read so, quietly; a UTF-8 file (AP) is still read as UTF-8.
    let named = common::with_stdin(&["-", "--json", AP, "--encoding", "windows-1252"], latin);
    assert_eq!(stderr(&named), "");
    assert_eq!(stdout(&named), stdout(&guessed));

    // UTF-8 named: U+FFFD in place of each bad sequence (\xe9\x94 is one:
    // a lead byte and its continuation, cut short), and said so.
    let utf8 = common::with_stdin(&["-", "--json", AP, "--encoding=utf-8"], latin);
    assert_eq!(utf8.status.code(), Some(0));
    assert_eq!(
        stderr(&utf8),
        "wirediff: standard input is not UTF-8 text (invalid bytes at byte 3): compared with U+FFFD (\u{FFFD}) for each of its 5 invalid byte sequences\n"
    );
    let printed: serde_json::Value = serde_json::from_str(&stdout(&utf8)).unwrap();
    assert_eq!(
        printed["leftLength"],
        "caf\u{FFFD} au lait, \u{FFFD}th\u{FFFD} \u{FFFD} \u{FFFD}"
            .encode_utf16()
            .count()
    );

    // UTF-16 by its byte-order mark, and a UTF-8 one dropped, as the page's TextDecoder does.
    let text = "Lukashenko: “I will never cave in.”";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let bom8 = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    let plain = common::with_stdin(&["-", "--json", AP], text.as_bytes());
    for bytes in [le, be, bom8] {
        let out = common::with_stdin(&["-", "--json", AP], &bytes);
        assert_eq!(stderr(&out), "");
        assert_eq!(stdout(&out), stdout(&plain));
    }
}

#[test]
fn counts_agree_with_their_number() {
    let one = TempFile::new("one.txt", b"Miners struck on Monday.");
    let out = common::with_stdin(
        &[one.path(), "-"],
        b"Miners struck on Monday, workers said.",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let summary = stdout(&out);
    assert!(
        summary.contains("1 insertion, 0 deletions, 0 replacements, 0 moves"),
        "{summary}"
    );
    let out = common::with_stdin(&[one.path(), "-"], b"Struck.");
    assert!(stdout(&out).contains("of 1 word;"), "{}", stdout(&out));
}

/// Runs the binary with standard output on a pseudo-terminal, as a person
/// at a terminal would, with `env` set; what it printed.
fn on_a_terminal(args: &[&str], env: &[(&str, &str)]) -> String {
    use std::os::fd::{FromRawFd, OwnedFd};
    let (mut master, mut slave) = (0, 0);
    // SAFETY: openpty writes two new descriptors, which we then own.
    let made = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(made, 0, "a pseudo-terminal");
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let mut command = Command::new(env!("CARGO_BIN_EXE_wirediff"));
    command
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env("TERM", "xterm")
        .envs(env.iter().copied())
        .stdout(Stdio::from(slave))
        .stderr(Stdio::null());
    let mut child = command.spawn().unwrap();
    drop(command); // its copy of the terminal's end, so that reading ends with the child
    let mut printed = Vec::new();
    let mut master = std::fs::File::from(master);
    // Read until the child has gone (EIO), or it would block on a full terminal.
    let _ = std::io::Read::read_to_end(&mut master, &mut printed);
    child.wait().unwrap();
    String::from_utf8_lossy(&printed).into_owned()
}

#[test]
fn colour_follows_the_color_option_no_color_and_the_terminal() {
    let args = [AP, KOMPAS];
    let coloured = |s: &str| s.contains("\x1b[");
    assert!(
        coloured(&on_a_terminal(&args, &[])),
        "a terminal gets colour"
    );
    assert!(!coloured(&on_a_terminal(&args, &[("NO_COLOR", "1")])));
    assert!(
        coloured(&on_a_terminal(&args, &[("NO_COLOR", "")])),
        "an empty NO_COLOR asks for nothing"
    );
    assert!(!coloured(&on_a_terminal(&args, &[("TERM", "dumb")])));
    assert!(!coloured(&on_a_terminal(
        &[AP, KOMPAS, "--color=never"],
        &[]
    )));
    assert!(coloured(&on_a_terminal(
        &[AP, KOMPAS, "--color=always"],
        &[("NO_COLOR", "1")]
    )));
    assert!(coloured(&on_a_terminal(
        &[AP, KOMPAS, "--color"],
        &[("TERM", "dumb")]
    )));
    // Not a terminal: markers, unless asked.
    assert!(!coloured(&stdout(&wirediff(&args))));
    assert!(coloured(&stdout(&wirediff(&[
        AP,
        KOMPAS,
        "--color=always"
    ]))));
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
        "--encoding",
        "--color",
    ] {
        assert!(stdout(&out).contains(option), "{option}");
    }
}
