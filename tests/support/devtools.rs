//! Chrome DevTools protocol commands, sent through ChromeDriver's `goog/cdp/execute` endpoint to
//! the browser's current tab: CPU throttling, network conditions, scripts run before a page's own;
//! and the requests the tab sent, from ChromeDriver's performance log of the protocol's events.

use fantoccini::Client;
use fantoccini::wd::WebDriverCompatibleCommand;
use libtest_mimic::Failed;
use serde_json::{Value, json};

/// A POST of a JSON body to one of ChromeDriver's own endpoints of the session (`goog/cdp/execute`
/// for a DevTools protocol command, `se/log` to read a log).
#[derive(Debug)]
struct SessionPost {
    endpoint: &'static str,
    body: Value,
}

impl WebDriverCompatibleCommand for SessionPost {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session_id.unwrap_or_default();
        base_url.join(&format!("session/{session}/{}", self.endpoint))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// Sends `method` with `params` to the browser's current tab; its result.
pub async fn send(browser: &Client, method: &'static str, params: Value) -> Result<Value, Failed> {
    let command = SessionPost {
        endpoint: "goog/cdp/execute",
        body: json!({ "cmd": method, "params": params }),
    };
    browser
        .issue_cmd(command)
        .await
        .map_err(|e| format!("DevTools {method}: {e}").into())
}

/// Makes the tab's requests to addresses matching any of `patterns` (`*` for any text) fail, as
/// files a host could not serve.
pub async fn block_urls(browser: &Client, patterns: &[&str]) -> Result<(), Failed> {
    send(browser, "Network.enable", json!({})).await?;
    send(
        browser,
        "Network.setBlockedURLs",
        json!({ "urls": patterns }),
    )
    .await
    .map(drop)
}

/// Slows the tab's CPU down `rate` times (1 is no slowdown).
pub async fn throttle_cpu(browser: &Client, rate: u32) -> Result<(), Failed> {
    send(
        browser,
        "Emulation.setCPUThrottlingRate",
        json!({ "rate": rate }),
    )
    .await
    .map(drop)
}

/// Takes the tab off the network (`true`) or puts it back (`false`), as when a laptop loses its
/// Wi-Fi: requests fail at once and `navigator.onLine` follows.
pub async fn set_offline(browser: &Client, offline: bool) -> Result<(), Failed> {
    send(browser, "Network.enable", json!({})).await?;
    send(
        browser,
        "Network.emulateNetworkConditions",
        json!({
            "offline": offline,
            "latency": 0,
            "downloadThroughput": -1,
            "uploadThroughput": -1,
        }),
    )
    .await
    .map(drop)
}

/// A slow mobile network: each request waits `latency_ms` more, and bytes flow at most at these
/// rates (bytes per second).
#[derive(Debug, Clone, Copy)]
pub struct Network {
    pub latency_ms: u32,
    pub download_bytes_per_second: u32,
    pub upload_bytes_per_second: u32,
}

/// Makes the tab's network as slow as `network`.
pub async fn emulate_network(browser: &Client, network: Network) -> Result<(), Failed> {
    send(browser, "Network.enable", json!({})).await?;
    send(
        browser,
        "Network.emulateNetworkConditions",
        json!({
            "offline": false,
            "latency": network.latency_ms,
            "downloadThroughput": network.download_bytes_per_second,
            "uploadThroughput": network.upload_bytes_per_second,
        }),
    )
    .await
    .map(drop)
}

/// Runs `source` in every document the tab loads from now on, before the page's own scripts
/// (DevTools scripts are not subject to the page's Content Security Policy).
pub async fn run_before_each_document(browser: &Client, source: &str) -> Result<(), Failed> {
    send(
        browser,
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": source }),
    )
    .await
    .map(drop)
}

/// A request the browser sent, as the DevTools protocol reported it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentRequest {
    /// `GET`, `POST`…
    pub method: String,
    /// The address, exactly as sent (its path still percent-encoded).
    pub url: String,
    /// The scripts whose code sent it, when a script did: the addresses of the frames of the
    /// protocol's initiator stack, innermost first.
    pub scripts: Vec<String>,
}

impl SentRequest {
    /// The path of the address, as sent (percent-encoded), when it is of `origin`.
    pub fn path_on<'a>(&'a self, origin: &str) -> Option<&'a str> {
        let path = self.url.strip_prefix(origin)?;
        path.starts_with('/').then_some(path)
    }
}

/// The requests the browser sent since the last call (`Network.requestWillBeSent`), in order.
/// The browser must record them: a test started by `Harness::trial_recording_requests`.
pub async fn requests(browser: &Client) -> Result<Vec<SentRequest>, Failed> {
    let read_log = SessionPost {
        endpoint: "se/log",
        body: json!({ "type": "performance" }),
    };
    let entries = browser
        .issue_cmd(read_log)
        .await
        .map_err(|e| format!("reading the performance log: {e}"))?;
    let mut sent = Vec::new();
    for entry in entries.as_array().into_iter().flatten() {
        let message: Value = entry["message"]
            .as_str()
            .and_then(|text| serde_json::from_str(text).ok())
            .unwrap_or_default();
        let event = &message["message"];
        if event["method"] == "Network.requestWillBeSent" {
            let request = &event["params"]["request"];
            let frames = event["params"]["initiator"]["stack"]["callFrames"].as_array();
            sent.push(SentRequest {
                method: request["method"].as_str().unwrap_or_default().to_owned(),
                url: request["url"].as_str().unwrap_or_default().to_owned(),
                scripts: frames
                    .into_iter()
                    .flatten()
                    .filter_map(|frame| frame["url"].as_str().map(str::to_owned))
                    .collect(),
            });
        }
    }
    Ok(sent)
}
