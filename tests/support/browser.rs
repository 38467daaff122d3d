//! ChromeDriver, and the fresh headless Chromium sessions it opens for the tests, in a temporary
//! folder of the run's own.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use libtest_mimic::Failed;
use serde_json::json;

use crate::harness::free_port;
use crate::limits::OPEN_LIMIT;

/// What a browser records beside the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Recording {
    Nothing,
    /// The DevTools protocol's network events, in ChromeDriver's performance log.
    Requests,
}

/// ChromeDriver, running; stopped when dropped, and its temporary folder removed.
pub(crate) struct Driver {
    process: Child,
    url: String,
    chromium: PathBuf,
    /// The temporary folder of ChromeDriver and of the browsers it starts (each browser's
    /// profile, and the folder of its socket), which they do not always remove themselves.
    temp: PathBuf,
}

impl Driver {
    /// Starts the ChromeDriver at `driver_bin` on a free port, for the Chromium at `chromium`.
    pub(crate) fn start(driver_bin: &Path, chromium: PathBuf) -> Result<Self, String> {
        let temp = std::env::temp_dir().join(format!("assistant-browsers-{}", std::process::id()));
        std::fs::create_dir_all(&temp).map_err(|e| format!("{}: {e}", temp.display()))?;
        let port = free_port()?;
        let process = Command::new(driver_bin)
            .arg(format!("--port={port}"))
            .env("TMPDIR", &temp)
            .stdout(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", driver_bin.display()))?;
        let driver = Self {
            process,
            url: format!("http://127.0.0.1:{port}"),
            chromium,
            temp,
        };
        wait_for_port(port, Duration::from_secs(30))?;
        Ok(driver)
    }

    /// The folder where ChromeDriver and its browsers keep their temporary files.
    pub(crate) fn temp(&self) -> &Path {
        &self.temp
    }

    /// A fresh headless browser, recording what `recording` says.
    pub(crate) async fn open(&self, recording: Recording) -> Result<Client, Failed> {
        let mut capabilities = serde_json::Map::new();
        if recording == Recording::Requests {
            capabilities.insert("goog:loggingPrefs".into(), json!({ "performance": "ALL" }));
        }
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": self.chromium,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic",
                    "--lang=en-US", "--window-size=1280,900",
                ],
            }),
        );
        let mut builder = ClientBuilder::new(HttpConnector::new());
        builder.capabilities(capabilities);
        let opening = builder.connect(&self.url);
        match tokio::time::timeout(OPEN_LIMIT, opening).await {
            Ok(Ok(browser)) => Ok(browser),
            Ok(Err(e)) => Err(format!("cannot open a browser session: {e}").into()),
            Err(_) => Err(format!(
                "ChromeDriver did not open a browser session within {} s",
                OPEN_LIMIT.as_secs()
            )
            .into()),
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
        let _ = std::fs::remove_dir_all(&self.temp);
    }
}

/// Waits until something listens on `port` (ChromeDriver says nothing machine-readable).
fn wait_for_port(port: u16, within: Duration) -> Result<(), String> {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Err(format!("nothing listens on port {port} after {within:?}"))
}
