//! Content-hashed names: every file a page loads, except the entry points a host or a portal
//! names (`index.html`, `404.html`, `widget.js`, `config.json`), moves to `assets/` under a name
//! that changes whenever its content does (`main-1a2b3c4d5e6f7a8b.css`). A host may then keep
//! those for a year (`Cache-Control: public, max-age=31536000, immutable`) and must check only the
//! entry points again.
//!
//! A file names the files it loads, so names are given from the leaves up: the chunks, the wasm
//! and the CSS first, then the scripts that name them. The JS glue and the chunks' loader
//! (`__wasm_split.js`) import each other; they share one hash, of both their contents.

use std::path::Path;

use sha2::{Digest, Sha256};

/// Where the hashed files go, below the page.
pub const ASSETS: &str = "assets";

/// `stem-hash.ext` for `name` with `bytes`: the first 16 hex digits of their SHA-256.
fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}-{hex}.{ext}"),
        None => format!("{name}-{hex}"),
    }
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn read_text(path: &Path) -> Result<String, String> {
    String::from_utf8(read(path)?).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// `text` with each quoted reference to a file renamed: `"./a.wasm"`, `'a.wasm'` and `/a.wasm"`
/// (an absolute address in the page) become the same with the new name. Names are replaced
/// only where a quote or a slash comes before them and a quote after, so `app.js` does not touch
/// `widget-app.js`; and not where a colon follows: `{ "./__wasm_split.js": import1 }` in the JS
/// glue is the name the wasm imports a module by, not an address.
fn rename_references(text: &str, renamed: &[(String, String)], prefix: &str) -> String {
    let mut text = text.to_owned();
    for (old, new) in renamed {
        for quote in ['"', '\''] {
            for before in [format!("{quote}./"), format!("{quote}"), "/".to_owned()] {
                let from = format!("{before}{old}{quote}");
                let to = format!("{before}{prefix}{new}{quote}");
                let mut out = String::with_capacity(text.len());
                let mut rest = text.as_str();
                while let Some(at) = rest.find(&from) {
                    let after = &rest[at + from.len()..];
                    let key = after.trim_start().starts_with(':');
                    out.push_str(&rest[..at]);
                    out.push_str(if key { &from } else { &to });
                    rest = after;
                }
                out.push_str(rest);
                text = out;
            }
        }
    }
    text
}

/// Writes `bytes` as `assets/new` and removes `name` from `dist`.
fn move_to_assets(dist: &Path, name: &str, new: &str, bytes: &[u8]) -> Result<(), String> {
    write(&dist.join(ASSETS).join(new), bytes)?;
    std::fs::remove_file(dist.join(name)).map_err(|e| format!("{name}: {e}"))
}

/// Gives the built app in `dist` its content-hashed names, and rewrites every reference to them.
/// Returns the renames (old name, name under `assets/`).
pub fn rename(dist: &Path) -> Result<Vec<(String, String)>, String> {
    let assets = dist.join(ASSETS);
    let _ = std::fs::remove_dir_all(&assets);
    std::fs::create_dir_all(&assets).map_err(|e| format!("{}: {e}", assets.display()))?;
    let mut renamed: Vec<(String, String)> = Vec::new();
    let mut leaves = vec!["assistant-web_bg.wasm".to_owned(), "main.css".to_owned()];
    for entry in std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))? {
        let name = entry.map_err(|e| e.to_string())?.file_name();
        let name = name.to_string_lossy();
        let chunk = name.starts_with("split_") || name.starts_with("chunk_");
        if chunk && name.ends_with(".wasm") {
            leaves.push(name.into_owned());
        }
    }
    leaves.sort();
    for name in &leaves {
        let bytes = read(&dist.join(name))?;
        let new = hashed_name(name, &bytes);
        move_to_assets(dist, name, &new, &bytes)?;
        renamed.push((name.clone(), new));
    }

    // The glue and the loader: their references to the wasm first, then one hash of both.
    let pair = ["assistant-web.js", "__wasm_split.js"];
    let texts = pair
        .iter()
        .map(|name| {
            Ok(rename_references(
                &read_text(&dist.join(name))?,
                &renamed,
                "",
            ))
        })
        .collect::<Result<Vec<_>, String>>()?;
    let shared = Sha256::digest(texts.concat().as_bytes());
    let pair_renamed: Vec<(String, String)> = pair
        .iter()
        .map(|name| (name.to_string(), hashed_name(name, &shared)))
        .collect();
    for (name, text) in pair.iter().zip(&texts) {
        let text = rename_references(text, &pair_renamed, "");
        let new = &pair_renamed
            .iter()
            .find(|(old, _)| old == name)
            .expect("named")
            .1;
        move_to_assets(dist, name, new, text.as_bytes())?;
    }
    renamed.extend(pair_renamed);

    // The start-up script, which names the glue and the wasm beside itself; the one that asks
    // the first screen's data, which names the demo's chunks; and the one that gives the page's
    // frame its language.
    for script in ["app.js", "start.js"] {
        let text = rename_references(&read_text(&dist.join(script))?, &renamed, "");
        let new = hashed_name(script, text.as_bytes());
        move_to_assets(dist, script, &new, text.as_bytes())?;
        renamed.push((script.into(), new));
    }

    // The entry points keep their names, and name the others in `assets/`.
    let prefixed = format!("{ASSETS}/");
    for entry in ["index.html", "widget.js"] {
        let path = dist.join(entry);
        let text = rename_references(&read_text(&path)?, &renamed, &prefixed);
        write(&path, text.as_bytes())?;
    }
    Ok(renamed)
}

/// The name under `assets/` that `name` was given.
pub fn renamed_as<'a>(renamed: &'a [(String, String)], name: &str) -> Option<&'a str> {
    renamed
        .iter()
        .find(|(old, _)| old == name)
        .map(|(_, new)| new.as_str())
}

/// `name` as it was before the build hashed it, for reports: `assets/main-1a2b….css` is
/// `main.css`.
pub fn unhashed(name: &str) -> String {
    let name = name.rsplit('/').next().unwrap_or(name);
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let stem = match stem.rsplit_once('-') {
        Some((before, hash)) if hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()) => {
            before
        }
        _ => stem,
    };
    if ext.is_empty() {
        stem.to_owned()
    } else {
        format!("{stem}.{ext}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_takes_the_hash_of_its_content_before_its_extension() {
        // `printf abc | sha256sum`: ba7816bf8f01cfea…
        assert_eq!(hashed_name("main.css", b"abc"), "main-ba7816bf8f01cfea.css");
        assert_ne!(
            hashed_name("main.css", b"abd"),
            hashed_name("main.css", b"abc")
        );
        assert_eq!(unhashed("assets/main-ba7816bf8f01cfea.css"), "main.css");
        assert_eq!(unhashed("assistant-web.js"), "assistant-web.js");
    }

    #[test]
    fn only_whole_quoted_names_are_renamed() {
        let renamed = [("app.js".to_owned(), "app-1.js".to_owned())];
        let text = r#"import './app.js'; "app.js"; src="/app.js"; 'widget-app.js'; "app.jsx""#;
        assert_eq!(
            rename_references(text, &renamed, "assets/"),
            r#"import './assets/app-1.js'; "assets/app-1.js"; src="/assets/app-1.js"; 'widget-app.js'; "app.jsx""#
        );
        // The wasm's name for an imported module stays: it is written in the wasm.
        let glue =
            r#"import * as import1 from "./app.js"; const imports = { "./app.js": import1 };"#;
        assert_eq!(
            rename_references(glue, &renamed, ""),
            r#"import * as import1 from "./app-1.js"; const imports = { "./app.js": import1 };"#
        );
    }
}
