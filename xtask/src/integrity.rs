//! The integrity hashes (subresource integrity) Trunk writes into the built page's `<link>`s.
//! wasm-opt changes the wasm after Trunk hashed it, so the build writes them again, and the tests
//! check that each one matches its file.

use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha384};

use crate::fingerprint;

/// The SRI value of `bytes`: `sha384-` and the digest in base64.
fn sri(bytes: &[u8]) -> String {
    format!("sha384-{}", STANDARD.encode(Sha384::digest(bytes)))
}

/// An `integrity` attribute of a `<link>`: where its value is in the page, and the file it is for.
struct Hashed {
    value: std::ops::Range<usize>,
    file: String,
}

/// The value of the attribute `name` in `tag` (double-quoted), with its place in the tag.
fn attribute(tag: &str, name: &str) -> Option<(std::ops::Range<usize>, String)> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = start + tag[start..].find('"')?;
    Some((start..end, tag[start..end].to_owned()))
}

/// Every `<link>` of `html` with an `integrity` attribute.
fn hashed_links(html: &str) -> Vec<Hashed> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(offset) = html[from..].find("<link ") {
        let start = from + offset;
        let Some(length) = html[start..].find('>') else {
            break;
        };
        let tag = &html[start..start + length];
        if let (Some((value, _)), Some((_, href))) =
            (attribute(tag, "integrity"), attribute(tag, "href"))
        {
            // A file under `assets/` (content-hashed), or beside the page.
            let file = match href.rsplit_once(&format!("/{}/", fingerprint::ASSETS)) {
                Some((_, name)) => format!("{}/{name}", fingerprint::ASSETS),
                None => href.rsplit('/').next().unwrap_or_default().to_owned(),
            };
            found.push(Hashed {
                value: start + value.start..start + value.end,
                file,
            });
        }
        from = start + length;
    }
    found
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes each hashed link's integrity again from its file in `dist`.
pub fn rewrite(dist: &Path) -> Result<(), String> {
    let page = dist.join("index.html");
    let mut html = String::from_utf8(read(&page)?).map_err(|e| e.to_string())?;
    // From the end, so that the places found stay right while values are replaced.
    for link in hashed_links(&html).into_iter().rev() {
        let hash = sri(&read(&dist.join(&link.file))?);
        html.replace_range(link.value, &hash);
    }
    std::fs::write(&page, html).map_err(|e| format!("{}: {e}", page.display()))
}

/// Err naming each hashed link whose integrity does not match its file in `dist`.
pub fn check(dist: &Path) -> Result<(), String> {
    let html = String::from_utf8(read(&dist.join("index.html"))?).map_err(|e| e.to_string())?;
    let links = hashed_links(&html);
    let mut wrong = Vec::new();
    for link in &links {
        if html[link.value.clone()] != sri(&read(&dist.join(&link.file))?) {
            wrong.push(link.file.clone());
        }
    }
    match (links.is_empty(), wrong.is_empty()) {
        (true, _) => Err("index.html has no integrity hashes".into()),
        (false, true) => Ok(()),
        (false, false) => Err(format!(
            "index.html's integrity does not match {}",
            wrong.join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_hashed_link_and_its_file() {
        let html = r#"<link rel="stylesheet" href="/a/main.css" integrity="sha384-A"/>
            <link rel="icon" href="data:,">
            <link rel="preload" href="/a/assets/app_bg-1.wasm" crossorigin="anonymous" integrity="sha384-BB" as="fetch">"#;
        let links = hashed_links(html);
        let found: Vec<(&str, &str)> = links
            .iter()
            .map(|l| (&html[l.value.clone()], l.file.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("sha384-A", "main.css"),
                ("sha384-BB", "assets/app_bg-1.wasm")
            ]
        );
    }

    #[test]
    fn the_hash_is_sha384_in_base64() {
        // `printf abc | openssl dgst -sha384 -binary | openssl base64 -A`
        assert_eq!(
            sri(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }
}
