//! The benchmark's peer: the same first three questions as a SurveyJS form (`tests/bench/peer/`),
//! bundled and minified by esbuild from the npm registry's `survey-core` and `survey-js-ui` (locked
//! in `tests/package-lock.json`), with SurveyJS's default theme, and compressed ahead as the app
//! is, so that the same server sends both the same way.

use std::path::{Path, PathBuf};

use crate::build::target_dir;
use crate::command::{command, root, run};
use crate::{compress, install};

/// The files of the peer's page, in the order it loads them.
pub const FILES: [&str; 3] = ["index.html", "peer.js", "peer.css"];

/// Builds the peer's page into `target/peer/` and returns that folder.
pub fn build() -> Result<PathBuf, String> {
    let source = root().join("tests/bench/peer");
    let out = target_dir().join("peer");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    std::fs::copy(source.join("index.html"), out.join("index.html"))
        .map_err(|e| format!("cannot copy the peer's page: {e}"))?;
    for entry in ["peer.js", "peer.css"] {
        bundle(&source.join(entry), &out)?;
    }
    compress::precompress(&out)?;
    Ok(out)
}

/// Bundles `entry` with what it imports from `tests/node_modules`, minified, into `out`.
fn bundle(entry: &Path, out: &Path) -> Result<(), String> {
    let mut esbuild = command(install::esbuild());
    esbuild
        .arg(entry)
        .args([
            "--bundle",
            "--minify",
            "--format=esm",
            "--log-level=warning",
        ])
        .arg(format!("--outdir={}", out.display()))
        .env("NODE_PATH", root().join("tests/node_modules"));
    run(esbuild)
}
