#![cfg(not(target_arch = "wasm32"))]
//! The glossary (`locales/GLOSSARY.md`) against the translation files: no message uses a word the
//! glossary rules out for its language, and every term is used.

use std::fs;
use std::path::Path;

/// One row of the glossary.
struct Term {
    name: String,
    /// The words to use, by language: `[English, Swedish]`.
    words: [String; 2],
    /// The words ruled out, by language.
    not: [Vec<String>; 2],
}

fn words(cell: &str) -> Vec<String> {
    cell.split(';')
        .map(str::trim)
        .filter(|word| !word.is_empty() && *word != "—")
        .map(str::to_owned)
        .collect()
}

fn glossary(root: &Path) -> Vec<Term> {
    let text = fs::read_to_string(root.join("locales/GLOSSARY.md")).unwrap();
    text.lines()
        .filter(|line| line.starts_with("| ") && !line.starts_with("| Term |"))
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
            assert_eq!(cells.len(), 6, "a glossary row has six cells: {line}");
            Term {
                name: cells[0].to_owned(),
                words: [cells[1].to_owned(), cells[2].to_owned()],
                not: [words(cells[4]), words(cells[5])],
            }
        })
        .collect()
}

/// The messages of a Fluent file as (key, text) pairs: each value with its continuation lines,
/// a no-break space written `{"\u00A0"}` read as a space.
fn messages(ftl: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in ftl.lines() {
        if line.starts_with(' ') || line == "}" {
            if let Some((_, text)) = out.last_mut() {
                text.push('\n');
                text.push_str(line);
            }
        } else if let Some((key, value)) = line.split_once(" = ") {
            out.push((key.to_owned(), value.to_owned()));
        }
    }
    out.into_iter()
        .map(|(key, text)| (key, text.replace("{\"\\u00A0\"}", " ")))
        .collect()
}

#[test]
fn no_message_uses_a_word_the_glossary_rules_out_and_every_term_is_used() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let terms = glossary(root);
    assert!(
        terms.len() > 10,
        "the glossary was read: {} terms",
        terms.len()
    );
    let mut faults = Vec::new();
    for (at, tag) in ["en", "sv"].into_iter().enumerate() {
        let ftl = fs::read_to_string(root.join(format!("locales/{tag}.ftl"))).unwrap();
        let messages = messages(&ftl);
        assert!(messages.len() > 100, "{tag}.ftl was read");
        for term in &terms {
            for word in &term.not[at] {
                for (key, text) in &messages {
                    if text.contains(word.as_str()) {
                        faults.push(format!(
                            "{tag}.ftl `{key}` says {word:?}: the glossary's {:?} is {:?}",
                            term.name, term.words[at]
                        ));
                    }
                }
            }
            let used = term.words[at].to_lowercase().replace('\u{a0}', " ");
            if !messages
                .iter()
                .any(|(_, text)| text.to_lowercase().contains(&used))
            {
                faults.push(format!(
                    "{tag}.ftl: no message uses {:?} ({})",
                    term.words[at], term.name
                ));
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}
