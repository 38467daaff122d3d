#![cfg(not(target_arch = "wasm32"))]
//! The layout of `src/` as ARCHITECTURE.md promises it: no import circle between files other
//! than a folder's `mod.rs` and the files in it, and no view function longer than 100 lines.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The most lines the body of a view function may have.
const LONGEST_VIEW: usize = 100;

/// Every `.rs` file below `dir`, by its path from `src/` (`journey/state.rs`).
fn sources(src: &Path, dir: &Path, into: &mut BTreeMap<String, String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(src, &path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let name = path
                .strip_prefix(src)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            into.insert(name, fs::read_to_string(&path).unwrap());
        }
    }
}

fn all_sources() -> BTreeMap<String, String> {
    let src = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
    let mut files = BTreeMap::new();
    sources(&src, &src, &mut files);
    files
}

/// The code of a file without its comments (a path named in a comment imports nothing).
fn code(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path a file names below `crate::`, with `crate::{a, b::c}` groups expanded.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    fn expand(prefix: &[String], text: &str, into: &mut Vec<Vec<String>>) {
        let mut path = prefix.to_vec();
        let mut rest = text.trim_start();
        loop {
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            if end > 0 {
                path.push(rest[..end].to_owned());
            }
            rest = &rest[end..];
            let group_follows = end == 0 && rest.starts_with('{');
            if let Some(after) = rest.strip_prefix("::").or(group_follows.then_some(rest)) {
                rest = after;
                if let Some(group) = rest.strip_prefix('{') {
                    let mut depth = 1;
                    let close = group
                        .char_indices()
                        .find(|(_, c)| {
                            depth += match c {
                                '{' => 1,
                                '}' => -1,
                                _ => 0,
                            };
                            depth == 0
                        })
                        .map_or(group.len(), |(at, _)| at);
                    let mut item_start = 0;
                    let mut depth = 0;
                    for (at, c) in group[..close].char_indices() {
                        match c {
                            '{' => depth += 1,
                            '}' => depth -= 1,
                            ',' if depth == 0 => {
                                expand(&path, &group[item_start..at], into);
                                item_start = at + 1;
                            }
                            _ => {}
                        }
                    }
                    expand(&path, &group[item_start..close], into);
                    return;
                }
                continue;
            }
            into.push(path);
            return;
        }
    }
    let mut paths = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        expand(&[], &code[at + "crate::".len()..], &mut paths);
    }
    paths
}

/// The file a path below `crate::` leads to: its longest prefix that names a module.
fn file_of(path: &[String], files: &BTreeMap<String, String>) -> Option<String> {
    (1..=path.len()).rev().find_map(|len| {
        let module = path[..len].join("/");
        [format!("{module}.rs"), format!("{module}/mod.rs")]
            .into_iter()
            .find(|file| files.contains_key(file))
    })
}

/// The folder of a file's module: `journey` for `journey/state.rs` and `journey/mod.rs`.
fn folder(file: &str) -> &str {
    file.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// Whether an import from `from` to `to` is between a folder's `mod.rs` and a file in it.
fn parent_and_child(from: &str, to: &str) -> bool {
    let is_mod = |f: &str| f.ends_with("/mod.rs");
    (is_mod(from) && folder(to) == folder(from)) || (is_mod(to) && folder(from) == folder(to))
}

/// Which files each file imports, but for a folder's `mod.rs` and the files in it.
fn imports(files: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    files
        .iter()
        .map(|(file, text)| {
            let targets = crate_paths(&code(text))
                .iter()
                .filter_map(|path| file_of(path, files))
                .filter(|to| to != file && !parent_and_child(file, to))
                .collect();
            (file.clone(), targets)
        })
        .collect()
}

/// A circle of imports, if there is one.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        file: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|f| f == file) {
            let mut found = path[at..].to_vec();
            found.push(file.to_owned());
            return Some(found);
        }
        if done.contains(file) {
            return None;
        }
        path.push(file.to_owned());
        for next in graph.get(file).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(file.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|file| visit(file, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_file_imports_one_that_imports_it_back() {
    let files = all_sources();
    assert!(files.len() > 20, "the sources are read: {}", files.len());
    let graph = imports(&files);
    assert!(
        graph["journey/work_email.rs"].contains("journey/state.rs"),
        "imports are read: {:?}",
        graph["journey/work_email.rs"]
    );
    if let Some(circle) = circle(&graph) {
        panic!("an import circle: {}", circle.join(" → "));
    }
}

#[test]
fn a_circle_is_found_where_there_is_one() {
    let files: BTreeMap<String, String> = [
        ("a.rs", "use crate::b::B;"),
        ("b.rs", "use crate::{c::C, d};"),
        ("c.rs", "fn f() { crate::a::f() }"),
        ("d.rs", ""),
        ("e/mod.rs", "use crate::e::child::X;"),
        ("e/child.rs", "use crate::e::Y;"),
    ]
    .into_iter()
    .map(|(f, t)| (f.to_owned(), t.to_owned()))
    .collect();
    let graph = imports(&files);
    assert_eq!(
        circle(&graph),
        Some(vec![
            "a.rs".into(),
            "b.rs".into(),
            "c.rs".into(),
            "a.rs".into()
        ])
    );
    assert!(graph["e/mod.rs"].is_empty() && graph["e/child.rs"].is_empty());
}

/// The view functions of a file (components, and functions returning `impl IntoView`), each with
/// the lines of its body.
fn view_functions(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (at, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let is_fn = trimmed.starts_with("pub fn ") || trimmed.starts_with("fn ");
        let component = at > 0 && lines[at - 1].trim() == "#[component]";
        let signature_end = lines[at..]
            .iter()
            .position(|l| l.trim_end().ends_with('{'))
            .map(|n| at + n);
        let Some(signature_end) = signature_end.filter(|_| is_fn) else {
            continue;
        };
        let returns_view = lines[at..=signature_end]
            .iter()
            .any(|l| l.contains("impl IntoView"));
        if !(component || returns_view) {
            continue;
        }
        let indent = line.len() - trimmed.len();
        let closing = format!("{}}}", " ".repeat(indent));
        let Some(end) = lines[signature_end + 1..]
            .iter()
            .position(|l| *l == closing)
            .map(|n| signature_end + 1 + n)
        else {
            continue;
        };
        let name = trimmed
            .trim_start_matches("pub ")
            .trim_start_matches("fn ")
            .split(['(', '<'])
            .next()
            .unwrap_or_default()
            .to_owned();
        found.push((name, end - signature_end - 1));
    }
    found
}

#[test]
fn no_view_function_is_longer_than_a_hundred_lines() {
    let mut longest = Vec::new();
    for (file, text) in all_sources() {
        for (name, lines) in view_functions(&text) {
            longest.push((lines, format!("{file}: {name}")));
        }
    }
    longest.sort();
    assert!(
        longest.len() > 30,
        "view functions are found: {}",
        longest.len()
    );
    let too_long: Vec<_> = longest
        .iter()
        .filter(|(lines, _)| *lines > LONGEST_VIEW)
        .collect();
    assert!(
        too_long.is_empty(),
        "longer than {LONGEST_VIEW} lines: {too_long:?}"
    );
    println!("the longest view function: {:?}", longest.last());
}

#[test]
fn a_long_view_function_is_measured_as_long() {
    let body = "    let x = 1;\n".repeat(120);
    let text = format!("#[component]\npub fn Long(\n    a: u8,\n) -> impl IntoView {{\n{body}}}\n");
    assert_eq!(view_functions(&text), vec![("Long".to_owned(), 120)]);
}

/// The files that may import the shells: the entry points.
const ENTRY_POINTS: [&str; 2] = ["main.rs", "lib.rs"];

#[test]
fn nothing_below_the_shells_imports_them() {
    let files = all_sources();
    let graph = imports(&files);
    let upward: Vec<String> = graph
        .iter()
        .filter(|(file, _)| !file.starts_with("shell/") && !ENTRY_POINTS.contains(&file.as_str()))
        .flat_map(|(file, targets)| {
            targets
                .iter()
                .filter(|to| to.starts_with("shell/"))
                .map(move |to| format!("{file} → {to}"))
        })
        .collect();
    assert!(upward.is_empty(), "imports of the shells: {upward:?}");
}

/// The most lines a file of `src/` may have: past it, a file is usually two concerns.
const LONGEST_FILE: usize = 450;

#[test]
fn no_file_is_longer_than_450_lines() {
    let too_long: Vec<(String, usize)> = all_sources()
        .into_iter()
        .map(|(file, text)| (file, text.lines().count()))
        .filter(|(_, lines)| *lines > LONGEST_FILE)
        .collect();
    assert!(
        too_long.is_empty(),
        "longer than {LONGEST_FILE} lines: {too_long:?}"
    );
}
