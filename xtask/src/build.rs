//! Building the web app (Trunk) and the reference server.

use std::path::PathBuf;

use crate::command::{cargo, command, root, run};

/// Builds the web app in release mode into `dist/`, and returns that folder.
pub fn app() -> Result<PathBuf, String> {
    let mut trunk = command("trunk");
    trunk
        .args(["build", "--release"])
        .env("TRUNK_SKIP_VERSION_CHECK", "true");
    run(trunk)?;
    Ok(root().join("dist"))
}

/// Builds the reference server and returns its binary.
pub fn server() -> Result<PathBuf, String> {
    let mut build = cargo();
    build.args(["build", "--package", "assistant-server"]);
    run(build)?;
    Ok(target_dir().join("debug").join("assistant-server"))
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}
