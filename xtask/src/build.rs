//! Building the web app (Trunk) and the reference server.

use std::path::{Path, PathBuf};

use crate::command::{cargo, command, root, run};
use crate::{install, integrity};

/// Builds the web app in release mode into `dist/`, and returns that folder.
pub fn app() -> Result<PathBuf, String> {
    let mut trunk = command("trunk");
    trunk
        .args(["build", "--release"])
        .env("TRUNK_SKIP_VERSION_CHECK", "true");
    run(trunk)?;
    let dist = root().join("dist");
    optimise_wasm(&dist.join("assistant-web_bg.wasm"))?;
    // Trunk hashed the wasm before wasm-opt changed it.
    integrity::rewrite(&dist)?;
    for_static_hosts(&dist)?;
    Ok(dist)
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
