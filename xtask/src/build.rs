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
    Ok(dist)
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
