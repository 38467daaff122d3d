#![cfg(not(target_arch = "wasm32"))]
//! The glossary (`locales/GLOSSARY.md`) against the translation files: no message uses a word the
//! glossary rules out for its language, every term is used, and the rules beside the table hold
//! (no quotation marks, a number and its unit kept together, error messages end with a full stop).

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
/// a no-break space written `{"\u00A0"}` read as one.
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
        .map(|(key, text)| (key, text.replace("{\"\\u00A0\"}", "\u{a0}")))
        .collect()
}

/// Text as the glossary's words are compared with it: in lower case, a no-break space as a space.
fn plain(text: &str) -> String {
    text.to_lowercase().replace('\u{a0}', " ")
}

/// Each language's messages.
fn both_languages() -> Vec<(&'static str, Vec<(String, String)>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["en", "sv"]
        .into_iter()
        .map(|tag| {
            let ftl = fs::read_to_string(root.join(format!("locales/{tag}.ftl"))).unwrap();
            let messages = messages(&ftl);
            assert!(messages.len() > 100, "{tag}.ftl was read");
            (tag, messages)
        })
        .collect()
}

/// The texts a message can show: the value, or each variant of a select (`[one] …`), with
/// placeables of variables kept.
fn variants(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() == 1 {
        return vec![text.to_owned()];
    }
    lines
        .iter()
        .filter_map(|line| {
            let line = line.trim_start().trim_start_matches('*');
            let (_, rest) = line.strip_prefix('[')?.split_once(']')?;
            Some(rest.trim().to_owned())
        })
        .filter(|text| !text.is_empty() && !text.starts_with('{'))
        .collect()
}

#[test]
fn no_message_holds_a_quotation_mark() {
    let mut faults = Vec::new();
    for (tag, messages) in both_languages() {
        for (key, text) in &messages {
            if let Some(mark) = text.chars().find(|c| "\"“”„«»‘’‚".contains(*c)) {
                faults.push(format!("{tag}.ftl `{key}` quotes with {mark:?}: {text}"));
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn a_number_and_its_unit_are_joined_by_a_no_break_space() {
    const UNITS: &[&str] = &[
        "day",
        "days",
        "second",
        "seconds",
        "minute",
        "minutes",
        "hour",
        "hours",
        "digit",
        "digits",
        "character",
        "characters",
        "dag",
        "dagar",
        "sekund",
        "sekunder",
        "minut",
        "minuter",
        "timme",
        "timmar",
        "siffra",
        "siffror",
        "tecken",
    ];
    let mut faults = Vec::new();
    for (tag, messages) in both_languages() {
        for (key, text) in &messages {
            // A number is digits, or a variable's placeable (`{ $days }`).
            for (at, _) in text.match_indices(' ') {
                let before = text[..at].chars().next_back();
                if !before.is_some_and(|c| c.is_ascii_digit() || c == '}') {
                    continue;
                }
                let word: String = text[at + 1..]
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .collect();
                if UNITS.contains(&word.as_str()) {
                    faults.push(format!("{tag}.ftl `{key}`: a plain space before {word:?}"));
                }
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn every_error_message_ends_with_a_full_stop() {
    let mut faults = Vec::new();
    let mut checked = 0;
    for (tag, messages) in both_languages() {
        for (key, text) in messages.iter().filter(|(key, _)| key.starts_with("error-")) {
            // The prefix of a page title (`Error:`) is no message.
            if key == "error-prefix" {
                continue;
            }
            for variant in variants(text) {
                checked += 1;
                if !variant.ends_with('.') {
                    faults.push(format!("{tag}.ftl `{key}`: {variant}"));
                }
            }
        }
    }
    assert!(checked > 40, "the error messages were read: {checked}");
    assert!(faults.is_empty(), "{}", faults.join("\n"));
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
            let used = plain(&term.words[at]);
            if !messages.iter().any(|(_, text)| plain(text).contains(&used)) {
                faults.push(format!(
                    "{tag}.ftl: no message uses {:?} ({})",
                    term.words[at], term.name
                ));
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}
