//! Chrome DevTools protocol commands, sent through ChromeDriver's `goog/cdp/execute` endpoint to
//! the browser's current tab: CPU throttling, network conditions, scripts run before a page's own.

use fantoccini::Client;
use fantoccini::wd::WebDriverCompatibleCommand;
use libtest_mimic::Failed;
use serde_json::{Value, json};

/// One DevTools protocol command with its parameters.
#[derive(Debug)]
struct Command {
    method: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for Command {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session_id.unwrap_or_default();
        base_url.join(&format!("session/{session}/goog/cdp/execute"))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.method, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// Sends `method` with `params` to the browser's current tab; its result.
pub async fn send(browser: &Client, method: &'static str, params: Value) -> Result<Value, Failed> {
    browser
        .issue_cmd(Command { method, params })
        .await
        .map_err(|e| format!("DevTools {method}: {e}").into())
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
