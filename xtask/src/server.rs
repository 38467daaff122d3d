//! The reference server as a process of a task: started on a free port, stopped when dropped.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// The server, stopped when dropped.
pub struct RunningServer(Child);

impl Drop for RunningServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the server on a free port with nothing persisted and instant migrations, open to
/// browsers on any local port, with `extra` flags.
pub fn start_server(binary: &Path, extra: &[&str]) -> Result<(RunningServer, String), String> {
    let mut child = Command::new(binary)
        .args(["--port", "0", "--in-memory", "--migration-seconds", "0"])
        .args(["--allowed-origins", "http://127.0.0.1:*"])
        .args(extra)
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
