//! The contract test: schemathesis (from PyPI, in a virtual environment under `target/`) checks
//! the running reference server against `server/openapi.yaml`, with every check on.

use std::path::{Path, PathBuf};

use crate::command::{command, output_line, root, run};
use crate::server::start_server;

const SCHEMATHESIS_VERSION: &str = "4.32.5";
/// The time budget of one run, in seconds: fuzzing and stateful testing repeat until it is spent.
const MAX_TIME_SECONDS: &str = "60";

fn venv() -> PathBuf {
    root().join("target").join("contract-venv")
}

fn schemathesis() -> PathBuf {
    venv().join("bin").join("schemathesis")
}

/// Installs schemathesis at its pinned version into the project's virtual environment.
pub fn ensure_schemathesis() -> Result<(), String> {
    let mut version = command(schemathesis());
    version.arg("--version");
    if output_line(version).is_some_and(|line| line.contains(SCHEMATHESIS_VERSION)) {
        return Ok(());
    }
    println!(
        "installing schemathesis {SCHEMATHESIS_VERSION} (the contract tester) into {}",
        venv().display()
    );
    let mut create = command("python3");
    create.args(["-m", "venv"]).arg(venv());
    run(create)?;
    let mut install = command(venv().join("bin").join("pip"));
    install.args([
        "install",
        "--quiet",
        &format!("schemathesis=={SCHEMATHESIS_VERSION}"),
    ]);
    run(install)
}

/// Runs schemathesis against a fresh server; Err on any failure it finds.
pub fn test(server_binary: &Path) -> Result<(), String> {
    ensure_schemathesis()?;
    // Limits high enough for the fuzzing to reach the rules behind them (429 is documented).
    let (_server, url) = start_server(
        server_binary,
        &[
            "--email-checks-per-window",
            "1000000",
            "--mpn-lookups-per-window",
            "1000000",
        ],
    )?;
    let mut check = command(schemathesis());
    check
        .arg("--config-file")
        .arg(root().join("server/schemathesis.toml"))
        .args([
            "run",
            "server/openapi.yaml",
            "--url",
            &url,
            "--checks",
            "all",
        ])
        .args([
            "--header",
            "Authorization: Bearer demo-owner",
            "--max-time",
            MAX_TIME_SECONDS,
        ])
        .env("NO_COLOR", "1");
    run(check)
}
