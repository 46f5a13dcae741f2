//! The modules of `src/` depend on each other in one direction only:
//!
//! ```text
//! 0 base     vocab, options, error, budget, order, search, input, hash
//! 1 text     text::*
//! 2 align    align::*
//! 3 report   report::*, reuse::*
//! 4 lib      lib.rs, compare, many
//! 5 binding  wasm::*, python, bin/*
//! ```
//!
//! A module may use its own layer and those below it, never one above, and
//! no two modules (files) may reach each other through their imports,
//! however long the loop. The check reads the source: every path that starts
//! with `crate::`, `super::`, `self::`, the crate's name (in `src/bin`) or a
//! child module's name is resolved to the file that defines it; a path to a
//! name the crate root re-exports (`crate::Options`) counts as a use of the
//! root, so code below the root names the defining module instead. Comments,
//! strings and `mod` declarations are not uses.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const LAYERS: [&str; 6] = ["base", "text", "align", "report", "lib", "binding"];

/// The layer of a module, by its path from the crate root (`[]` is lib.rs).
fn layer(module: &[String]) -> Result<usize, String> {
    let top = module.first().map_or("", String::as_str);
    Ok(match top {
        "vocab" | "options" | "error" | "budget" | "order" | "search" | "input" | "hash" => 0,
        "text" => 1,
        "align" => 2,
        "report" | "reuse" => 3,
        "" | "compare" | "many" => 4,
        "wasm" | "python" | "bin" => 5,
        other => {
            return Err(format!(
                "src/{other}: a new top-level module needs a layer in tests/layers.rs"
            ));
        }
    })
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module a file defines, as its path from the crate root.
fn module_of(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The code of a Rust file with comments, string and char literals blanked
/// out (each replaced by a space, so that tokens stay apart).
fn code_only(text: &str) -> String {
    let b: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !ident_char(&b, i) {
            // A raw string: r"…" or r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == '"' && (0..hashes).all(|h| b.get(j + 1 + h) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            i = j;
            out.push(' ');
        } else if c == '"' {
            i += 1;
            while i < b.len() && b[i] != '"' {
                i += if b[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push(' ');
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{..}') or a lifetime ('a).
            if next == Some('\\') {
                i += 2;
                while i < b.len() && b[i] != '\'' {
                    i += 1;
                }
                i += 1;
                out.push(' ');
            } else if b.get(i + 2) == Some(&'\'') {
                i += 3;
                out.push(' ');
            } else {
                out.push(c);
                i += 1;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_char(b: &[char], i: usize) -> bool {
    i > 0 && (b[i - 1].is_alphanumeric() || b[i - 1] == '_')
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Path, // ::
    Punct(char),
}

fn tokens(code: &str) -> Vec<Tok> {
    let b: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < b.len() && (b[i].is_alphanumeric() || b[i] == '_') {
                i += 1;
            }
            out.push(Tok::Ident(b[start..i].iter().collect()));
        } else if c == ':' && b.get(i + 1) == Some(&':') {
            out.push(Tok::Path);
            i += 2;
        } else if c.is_whitespace() || c.is_numeric() {
            i += 1;
        } else {
            out.push(Tok::Punct(c));
            i += 1;
        }
    }
    out
}

/// Expands a `use` tree starting at `toks[*i]` into whole paths, appended
/// to `prefix`.
fn use_tree(toks: &[Tok], i: &mut usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let mut path = prefix;
    loop {
        match toks.get(*i) {
            Some(Tok::Ident(name)) => {
                path.push(name.clone());
                *i += 1;
                if toks.get(*i) == Some(&Tok::Ident("as".into())) {
                    *i += 2;
                }
                match toks.get(*i) {
                    Some(Tok::Path) => *i += 1,
                    _ => {
                        out.push(path);
                        return;
                    }
                }
            }
            Some(Tok::Punct('*')) => {
                *i += 1;
                out.push(path);
                return;
            }
            Some(Tok::Punct('{')) => {
                *i += 1;
                loop {
                    match toks.get(*i) {
                        Some(Tok::Punct('}')) | None => {
                            *i += 1;
                            return;
                        }
                        Some(Tok::Punct(',')) => *i += 1,
                        _ => use_tree(toks, i, path.clone(), out),
                    }
                }
            }
            _ => {
                out.push(path);
                return;
            }
        }
    }
}

/// Resolves a path written in module `at` to an absolute path from the
/// crate root, or `None` for a path outside the crate (std, similar, …).
fn absolute(
    path: &[String],
    at: &[String],
    children: &BTreeSet<Vec<String>>,
    crate_name: Option<&str>,
) -> Option<Vec<String>> {
    let first = path.first()?.as_str();
    let mut base: Vec<String>;
    let mut rest = path;
    if first == "crate" || Some(first) == crate_name {
        base = Vec::new();
        rest = &path[1..];
    } else if first == "self" {
        base = at.to_vec();
        rest = &path[1..];
    } else if first == "super" {
        base = at.to_vec();
        while rest.first().is_some_and(|s| s == "super") {
            base.pop()?;
            rest = &rest[1..];
        }
    } else {
        let mut child = at.to_vec();
        child.push(first.to_string());
        if !children.contains(&child) {
            return None;
        }
        base = at.to_vec();
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

struct Crate {
    /// Every module (file or inline `mod x {}`), by its path from the root.
    modules: BTreeSet<Vec<String>>,
    /// file → the files its code uses.
    edges: BTreeMap<String, BTreeSet<String>>,
    layer_of: BTreeMap<String, usize>,
}

fn read_crate(src: &Path) -> Crate {
    let mut files = Vec::new();
    sources(src, &mut files);
    files.sort();
    let mut modules = BTreeSet::new();
    let mut file_of = BTreeMap::new();
    let mut parsed = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(src).unwrap();
        let name = format!("src/{}", relative.display());
        let in_bin = relative.starts_with("bin");
        // A binary is a crate of its own that uses the library by name.
        let module = if in_bin {
            vec!["bin".to_string()]
        } else {
            module_of(relative)
        };
        let code = code_only(&fs::read_to_string(file).unwrap());
        let toks = tokens(&code);
        // Inline modules (`mod tests { … }`) and where each token sits.
        let mut at = vec![module.clone(); toks.len()];
        let mut stack: Vec<(Vec<String>, usize)> = Vec::new();
        let mut current = module.clone();
        let mut depth = 0usize;
        let mut i = 0;
        while i < toks.len() {
            match &toks[i] {
                Tok::Ident(m) if m == "mod" => {
                    if let (Some(Tok::Ident(inner)), Some(Tok::Punct('{'))) =
                        (toks.get(i + 1), toks.get(i + 2))
                    {
                        stack.push((current.clone(), depth));
                        current.push(inner.clone());
                        modules.insert(current.clone());
                        file_of.insert(current.clone(), name.clone());
                        at[i] = current.clone();
                        depth += 1;
                        i += 3;
                        continue;
                    }
                }
                Tok::Punct('{') => depth += 1,
                Tok::Punct('}') => {
                    depth -= 1;
                    if stack.last().is_some_and(|s| s.1 == depth) {
                        current = stack.pop().unwrap().0;
                    }
                }
                _ => {}
            }
            at[i] = current.clone();
            i += 1;
        }
        if !in_bin {
            modules.insert(module.clone());
        }
        parsed.push((name, module, in_bin, toks, at));
    }
    for (name, module, in_bin, _, _) in &parsed {
        if !in_bin {
            file_of.insert(module.clone(), name.clone());
        }
    }

    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut layer_of = BTreeMap::new();
    for (name, module, in_bin, toks, at) in &parsed {
        layer_of.insert(
            name.clone(),
            layer(module).unwrap_or_else(|e| panic!("{e}")),
        );
        let crate_name = in_bin.then_some("wirediff");
        let mut paths: Vec<(Vec<String>, Vec<String>)> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let preceded_by_path = i > 0 && toks[i - 1] == Tok::Path;
            match &toks[i] {
                Tok::Ident(word) if word == "use" => {
                    let mut found = Vec::new();
                    let mut j = i + 1;
                    if toks.get(j) == Some(&Tok::Path) {
                        j += 1;
                    }
                    use_tree(toks, &mut j, Vec::new(), &mut found);
                    for p in found {
                        paths.push((p, at[i].clone()));
                    }
                    i = j;
                    continue;
                }
                Tok::Ident(_) if !preceded_by_path && toks.get(i + 1) == Some(&Tok::Path) => {
                    let mut p = Vec::new();
                    let mut j = i;
                    while let Some(Tok::Ident(seg)) = toks.get(j) {
                        p.push(seg.clone());
                        if toks.get(j + 1) != Some(&Tok::Path) {
                            break;
                        }
                        j += 2;
                    }
                    paths.push((p, at[i].clone()));
                    i = j + 1;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        let out = edges.entry(name.clone()).or_default();
        for (path, here) in paths {
            let Some(target) = absolute(&path, &here, &modules, crate_name) else {
                continue;
            };
            // The longest prefix that is a module is the one used.
            let mut prefix = target.clone();
            while !modules.contains(&prefix) && !prefix.is_empty() {
                prefix.pop();
            }
            let file = file_of
                .get(&prefix)
                .cloned()
                .unwrap_or_else(|| "src/lib.rs".into());
            if &file != name {
                out.insert(file);
            }
        }
    }
    Crate {
        modules,
        edges,
        layer_of,
    }
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn no_module_uses_a_higher_layer() {
    let krate = read_crate(&src());
    assert!(krate.modules.len() > 20, "the check found too few modules");
    let mut upward = Vec::new();
    for (from, tos) in &krate.edges {
        for to in tos {
            let (a, b) = (krate.layer_of[from], krate.layer_of[to]);
            if b > a {
                upward.push(format!("{from} ({}) uses {to} ({})", LAYERS[a], LAYERS[b]));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports point upward:\n{}",
        upward.join("\n")
    );
}

#[test]
fn no_import_cycle_between_modules() {
    let krate = read_crate(&src());
    // Tarjan's strongly connected components: any of two or more files is a
    // cycle.
    struct State<'g> {
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        cycles: Vec<Vec<&'g str>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        let graph = s.graph;
        for w in graph.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[w].min(s.low[v]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.index[w].min(s.low[v]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w);
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.cycles.push(component);
            }
        }
    }
    let mut state = State {
        graph: &krate.edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        cycles: Vec::new(),
    };
    for v in krate.edges.keys() {
        if !state.index.contains_key(v.as_str()) {
            visit(&mut state, v);
        }
    }
    // Each tangle with the imports inside it, which are the ones to cut.
    let cycles: Vec<String> = state
        .cycles
        .iter()
        .map(|c| {
            let inside: Vec<String> = c
                .iter()
                .flat_map(|from| {
                    krate.edges[*from]
                        .iter()
                        .filter(|to| c.contains(&to.as_str()))
                        .map(move |to| format!("  {from} uses {to}"))
                })
                .collect();
            format!("{}:\n{}", c.join(", "), inside.join("\n"))
        })
        .collect();
    assert!(
        cycles.is_empty(),
        "modules that import each other:\n{}",
        cycles.join("\n")
    );
}
