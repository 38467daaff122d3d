//! Building the web app (Trunk) and the reference server.

use std::path::{Path, PathBuf};

use crate::command::{cargo, command, root, run};
use crate::{compress, fingerprint, install, integrity, package};

/// Builds the web app in release mode into `dist/`, split into the part every page loads and the
/// chunks loaded later, and returns that folder.
///
/// Trunk builds it with the split points (`--features split`) and the relocations the splitter
/// reads, and writes the page; `wasm-split-cli` then cuts the wasm, wasm-bindgen makes the JS glue
/// of its first part again (keeping the exports the chunks link to), and wasm-opt shrinks every
/// piece. Trunk cannot split (its issue 1022), so this is the project's own step.
pub fn app() -> Result<PathBuf, String> {
    let mut trunk = command("trunk");
    trunk
        .args(["build", "--release", "--features", "split"])
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        // Setting the flags replaces `.cargo/config.toml`'s flags for the target: repeat them.
        // The crates' sources are named from Cargo's home, not from this machine's, in the
        // panic messages the wasm carries (one flag per item: a path may hold a space).
        .env("CARGO_ENCODED_RUSTFLAGS", wasm_flags().join("\u{1f}"));
    run(trunk)?;
    let dist = root().join("dist");
    split(&dist)?;
    name_early_chunks(&dist)?;
    for entry in std::fs::read_dir(&dist).map_err(|e| format!("{}: {e}", dist.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|ext| ext == "wasm") {
            optimise_wasm(&path)?;
        }
    }
    for file in [
        "assistant-web.js",
        "__wasm_split.js",
        "app.js",
        "start.js",
        "main.css",
    ] {
        minify(&dist.join(file))?;
    }
    let renamed = fingerprint::rename(&dist)?;
    preload_loader(&dist, &renamed)?;
    // Trunk hashed the wasm and the glue before they were split and shrunk.
    integrity::rewrite(&dist)?;
    tidy_page(&dist.join("index.html"))?;
    for_static_hosts(&dist)?;
    compress::precompress(&dist)?;
    package::write(&dist)?;
    Ok(dist)
}

/// The rustc flags of the release wasm: the relocations the splitter reads, Leptos's erased
/// components, and the crates' paths remapped from this machine's Cargo home to `cargo`.
fn wasm_flags() -> Vec<String> {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")));
    let mut flags: Vec<String> = ["-C", "link-args=--emit-relocs", "--cfg", "erase_components"]
        .map(str::to_owned)
        .into();
    if let Some(home) = cargo_home {
        flags.push(format!("--remap-path-prefix={}=cargo", home.display()));
    }
    flags
}

/// Cuts the wasm Trunk built into its first part and its chunks, in `dist` under the names the
/// page and `widget.js` load (`assistant-web.js`, `assistant-web_bg.wasm`), beside
/// `__wasm_split.js` (which fetches each chunk relative to itself) and the chunks.
fn split(dist: &Path) -> Result<(), String> {
    let built = target_dir()
        .join(crate::toolchain::WASM_TARGET)
        .join("wasm-release/assistant-web.wasm");
    let work = target_dir().join("wasm-split");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    let mut cut = command("wasm-split-cli");
    cut.args(["--target", "web", "--out-name", "assistant-web"])
        .arg(&built)
        .arg(&work);
    run(cut)?;
    let glue = work.join("glue");
    let mut bindgen = command("wasm-bindgen");
    bindgen
        .args(["--target", "web", "--keep-lld-exports", "--no-typescript"])
        .args(["--out-name", "assistant-web", "--out-dir"])
        .arg(&glue)
        .arg(work.join("assistant-web.wasm"));
    run(bindgen)?;
    let copy = |from: PathBuf, to: PathBuf| {
        std::fs::copy(&from, &to)
            .map(drop)
            .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
    };
    for name in ["assistant-web.js", "assistant-web_bg.wasm"] {
        copy(glue.join(name), dist.join(name))?;
    }
    for entry in std::fs::read_dir(&work).map_err(|e| format!("{}: {e}", work.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let chunk = name.ends_with(".wasm") && name != "assistant-web.wasm";
        if chunk || name == "__wasm_split.js" {
            copy(path.clone(), dist.join(name))?;
        }
    }
    Ok(())
}

/// The chunks a part loads: its own (`split_<part>.wasm`) and those it shares with other parts,
/// which the loader marks with the parts that use them (`/* checklist, demo */` before
/// `const __chunk_6`).
fn chunks_of(part: &str, loader: &str) -> Vec<String> {
    let mut chunks = vec![format!("split_{part}.wasm")];
    let mut users = "";
    for line in loader.lines() {
        let line = line.trim();
        if let Some(comment) = line.strip_prefix("/*").and_then(|c| c.strip_suffix("*/")) {
            users = comment;
        } else if let Some(chunk) = line
            .strip_prefix("const __")
            .and_then(|rest| rest.split_once(" = makeLoad("))
            .map(|(chunk, _)| chunk)
        {
            if users.split(',').any(|user| user.trim() == part) {
                chunks.push(format!("{chunk}.wasm"));
            }
            users = "";
        }
    }
    chunks
}

/// Names the chunks that start-up scripts fetch beside the wasm, where each marks the place:
/// `start.js` the demo backend's (its data and code then wait for no other request), `widget.js`
/// the widget's (which a page of its own never loads).
fn name_early_chunks(dist: &Path) -> Result<(), String> {
    let loader = std::fs::read_to_string(dist.join("__wasm_split.js"))
        .map_err(|e| format!("__wasm_split.js: {e}"))?;
    for (script, part) in [("start.js", "demo"), ("widget.js", "widget")] {
        let mark = format!("/* the build names the {part}'s chunks here */");
        let chunks = chunks_of(part, &loader);
        for chunk in &chunks {
            if !dist.join(chunk).is_file() {
                return Err(format!("the {part}'s chunk {chunk} was not built"));
            }
        }
        let path = dist.join(script);
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{script}: {e}"))?;
        if !text.contains(&mark) {
            return Err(format!("{script} has no {mark:?} for the {part}'s chunks"));
        }
        let names: Vec<String> = chunks.iter().map(|chunk| format!("'{chunk}'")).collect();
        std::fs::write(&path, text.replace(&mark, &names.join(", ")))
            .map_err(|e| format!("{script}: {e}"))?;
    }
    Ok(())
}

/// The page fetches the chunks' loader with the JS glue rather than after it (the glue imports
/// it): a `modulepreload` of it beside the glue's.
fn preload_loader(dist: &Path, renamed: &[(String, String)]) -> Result<(), String> {
    let name = |old: &str| {
        fingerprint::renamed_as(renamed, old).ok_or_else(|| format!("{old} was not renamed"))
    };
    let (glue, loader) = (name("assistant-web.js")?, name("__wasm_split.js")?);
    let page = dist.join("index.html");
    let html = std::fs::read_to_string(&page).map_err(|e| format!("{}: {e}", page.display()))?;
    let start = html
        .find("<link rel=\"modulepreload\"")
        .filter(|start| {
            html[*start..]
                .find('>')
                .is_some_and(|end| html[*start..*start + end].contains(glue))
        })
        .ok_or("index.html has no modulepreload of the JS glue")?;
    let end = start + html[start..].find('>').expect("found above") + 1;
    let preload = html[start..end].replace(glue, loader);
    let html = format!("{}{preload}{}", &html[..end], &html[end..]);
    std::fs::write(&page, html).map_err(|e| format!("{}: {e}", page.display()))
}

/// The page as every reader downloads it: without the comments its source explains itself with,
/// and without the indentation of its lines.
fn tidy_page(page: &Path) -> Result<(), String> {
    let html = std::fs::read_to_string(page).map_err(|e| format!("{}: {e}", page.display()))?;
    std::fs::write(page, tidy(&html)).map_err(|e| format!("{}: {e}", page.display()))
}

fn tidy(html: &str) -> String {
    let mut rest = html;
    let mut out = String::with_capacity(html.len());
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("-->")
            .map_or("", |end| &rest[start + end + 3..]);
    }
    out.push_str(rest);
    out.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// What a static host needs beside the app: `404.html`, the app's page again, which hosts such as
/// GitHub Pages answer unknown paths with (the app starts at whatever address was asked), and
/// the configurations of the common hosts (`web/host/`: navigation fallback, security headers,
/// the wasm's type).
fn for_static_hosts(dist: &Path) -> Result<(), String> {
    let copy = |from: &Path, to: &Path| {
        std::fs::copy(from, to)
            .map(drop)
            .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
    };
    copy(&dist.join("index.html"), &dist.join("404.html"))?;
    let hosts = root().join("web/host");
    let entries = std::fs::read_dir(&hosts).map_err(|e| format!("{}: {e}", hosts.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        copy(&entry.path(), &dist.join(entry.file_name()))?;
    }
    Ok(())
}

/// Shrinks the wasm with Binaryen's `wasm-opt -Oz` (Trunk's own call is off: it would download
/// a wasm-opt). The features are those rustc's wasm32 target enables.
fn optimise_wasm(wasm: &Path) -> Result<(), String> {
    let mut wasm_opt = command("node");
    wasm_opt
        .arg(install::wasm_opt())
        .args([
            "-Oz",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
        ])
        .arg(wasm)
        .arg("-o")
        .arg(wasm);
    run(wasm_opt)
}

/// Minifies a module script or a stylesheet in place with esbuild: the JS glue is 57 KB as
/// wasm-bindgen writes it. `widget.js` stays as written: portal developers read it.
fn minify(file: &Path) -> Result<(), String> {
    let mut esbuild = command(install::esbuild());
    esbuild
        .arg(file)
        .args(["--minify", "--log-level=error", "--allow-overwrite"])
        .arg(format!("--outfile={}", file.display()));
    // `start.js` is a classic script, the others modules.
    if file.ends_with("start.js") {
        esbuild.arg("--format=iife");
    } else if file.extension().is_some_and(|ext| ext == "js") {
        esbuild.arg("--format=esm");
    }
    run(esbuild)
}

/// Builds the reference server and returns its binary.
pub fn server() -> Result<PathBuf, String> {
    let mut build = cargo();
    build.args(["build", "--package", "assistant-server"]);
    run(build)?;
    Ok(target_dir().join("debug").join("assistant-server"))
}

pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_goes_out_without_comments_or_indentation() {
        let page = "<!DOCTYPE html>\n<html>\n  <!-- Why:\n       because. -->\n  <body>\n    <p>A  b</p><!---->\n  </body>\n</html>\n";
        assert_eq!(
            tidy(page),
            "<!DOCTYPE html>\n<html>\n<body>\n<p>A  b</p>\n</body>\n</html>"
        );
    }

    #[test]
    fn a_part_loads_its_own_chunk_and_those_the_loader_marks_as_its() {
        let loader = r#"
/* checklist, demo */
const __chunk_6 = makeLoad(() => {
    const src = fetch(new URL("./chunk_6.wasm", import.meta.url));
}
, []);
/* checklist, journey */
const __chunk_9 = makeLoad(() => {
}
, []);
/* demo, sign_in */
const __chunk_14 = makeLoad(() => {
}
, []);
export const __wasm_split_load_demo = wrapAsyncCb(makeLoad(() => {
}
, [__chunk_6, __chunk_14]));
"#;
        assert_eq!(
            chunks_of("demo", loader),
            ["split_demo.wasm", "chunk_6.wasm", "chunk_14.wasm"]
        );
    }
}
