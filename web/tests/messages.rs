#![cfg(not(target_arch = "wasm32"))]
//! The translation files against the code: every message is used somewhere (a message missing in
//! a language already fails the build, in `build.rs`).

use std::fs;
use std::path::Path;

/// The message keys of a Fluent file (terms, starting with `-`, are not messages).
fn keys(ftl: &str) -> Vec<String> {
    ftl.lines()
        .filter_map(|line| line.split_once(" = ").or_else(|| line.split_once(" =")))
        .map(|(key, _)| key.trim())
        .filter(|key| key.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter(|key| {
            key.chars()
                .all(|c| matches!(c, 'a'..='z' | '0'..='9' | '-'))
        })
        .map(str::to_owned)
        .collect()
}

fn sources(dir: &Path, into: &mut String) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push_str(&fs::read_to_string(&path).unwrap());
        }
    }
}

/// Whether `code` names `path` whole (as `Locale::x` in an argument or a prop), not as the start
/// of a longer name.
fn names_whole(code: &str, path: &str) -> bool {
    code.match_indices(path).any(|(at, _)| {
        code[at + path.len()..]
            .chars()
            .next()
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_'))
    })
}

#[test]
fn every_message_is_used_by_the_app() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let en = fs::read_to_string(root.join("locales/en.ftl")).unwrap();
    let mut code = String::new();
    sources(&root.join("src"), &mut code);

    let keys = keys(&en);
    assert!(keys.len() > 100, "the file was read: {} keys", keys.len());
    let unused: Vec<&String> = keys
        .iter()
        .filter(|key| {
            let method = key.replace('-', "_");
            !code.contains(&format!(".{method}("))
                && !names_whole(&code, &format!("Locale::{method}"))
        })
        .collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}
