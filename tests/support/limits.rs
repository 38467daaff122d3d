//! How long the end-to-end tests wait for a test, and for a browser to open or close. Past a limit
//! the test fails, saying so, and the run goes on: a browser or a server that stops answering must
//! not hold the whole run until CI gives up on it, with no word of which test it was.

use std::future::Future;
use std::time::Duration;

use fantoccini::Client;
use libtest_mimic::Failed;

/// The longest ChromeDriver may take to open a browser session.
pub const OPEN_LIMIT: Duration = Duration::from_secs(60);

/// The longest a test may take; the slowest takes well under a minute.
pub const TEST_LIMIT: Duration = Duration::from_secs(300);

/// The longest closing a browser may take; a browser that does not close is left to ChromeDriver.
pub const CLOSE_LIMIT: Duration = Duration::from_secs(30);

/// `test`'s outcome, or a failure if it takes longer than [`TEST_LIMIT`].
pub async fn within_limit<T>(test: impl Future<Output = Result<T, Failed>>) -> Result<T, Failed> {
    tokio::time::timeout(TEST_LIMIT, test)
        .await
        .unwrap_or_else(|_| {
            Err(format!(
                "the test did not finish within {} s: a browser or a server stopped answering",
                TEST_LIMIT.as_secs()
            )
            .into())
        })
}

/// Closes `browser`, waiting at most [`CLOSE_LIMIT`].
pub async fn close(browser: Client) {
    let _ = tokio::time::timeout(CLOSE_LIMIT, browser.close()).await;
}
