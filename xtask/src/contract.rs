//! The contract test: schemathesis (from PyPI, in a virtual environment under `target/`) checks
//! the running reference server against `server/openapi.yaml`, with every check on.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::command::{command, output_line, root, run};

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

/// The server, stopped when dropped.
struct RunningServer(Child);

impl Drop for RunningServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the server on a free port with nothing persisted and instant migrations.
fn start_server(binary: &Path) -> Result<(RunningServer, String), String> {
    let mut child = Command::new(binary)
        .args(["--port", "0", "--in-memory", "--migration-seconds", "0"])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
    let mut first_line = String::new();
    BufReader::new(child.stdout.take().expect("piped stdout"))
        .read_line(&mut first_line)
        .map_err(|e| e.to_string())?;
    let server = RunningServer(child);
    let url = first_line
        .trim()
        .strip_prefix("Listening on ")
        .ok_or_else(|| format!("the server said {first_line:?}, not its address"))?
        .to_owned();
    Ok((server, url))
}

/// Runs schemathesis against a fresh server; Err on any failure it finds.
pub fn test(server_binary: &Path) -> Result<(), String> {
    ensure_schemathesis()?;
    let (_server, url) = start_server(server_binary)?;
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
