//! The Unicode tables in `src/text/tables/` are generated: regenerating
//! `words.rs` and `clusters.rs` with `scripts/word-table.py` gives the files
//! as committed (the test in `src/text/lowercase.rs` does the same for
//! `lowercase.rs`, which only Rust can make).
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

#[test]
fn the_committed_tables_are_what_the_script_writes() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new("python3")
        .arg(format!("{root}/scripts/word-table.py"))
        .arg("--check")
        .output()
        .expect("python3 runs (Debian 12 has it)");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
