//! A reference server of the benchmark's own, started from the end-to-end harness's parts.

use std::path::Path;
use std::process::Child;

use crate::harness::{env_path, start_server};

/// A reference server of the benchmark's own, in memory: on the benchmark's peer page (served as
/// it serves the app's files: compressed ahead, under the same headers), or on the app with other
/// fixtures. Stopped when dropped.
pub struct FileServer {
    process: Child,
    pub url: String,
}

impl FileServer {
    /// Serves `dir` with the server's `extra` arguments (`--app-on-demo-backend` for a page
    /// that is not the app).
    pub fn start(dir: &Path, extra: &[&str]) -> Result<Self, String> {
        let server_bin = env_path("ASSISTANT_SERVER_BIN", None)?;
        let (process, url) = start_server(&server_bin, dir, extra)?;
        Ok(Self { process, url })
    }
}

impl Drop for FileServer {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}
