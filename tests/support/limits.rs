//! How long the end-to-end tests wait for a test, and for a browser to open or close. Past a limit
//! the test fails, saying so, and the run goes on: a browser or a server that stops answering must
//! not hold the whole run until CI gives up on it, with no word of which test it was.

use std::future::Future;
use std::io::{BufRead, BufReader};
use std::process::Child;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use fantoccini::Client;
use libtest_mimic::Failed;

/// The longest ChromeDriver may take to open a browser session.
pub const OPEN_LIMIT: Duration = Duration::from_secs(60);

/// The longest a server or the OpenID provider may take to print its first line (its address).
pub const START_LIMIT: Duration = Duration::from_secs(60);

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

/// The longest a test may hold its thread, whatever it does there: its own [`TEST_LIMIT`], opening
/// two browsers and closing them (480 s at most), and a margin. Work that blocks the thread
/// (reading from a process that never answers) cannot give way to [`TEST_LIMIT`]; this limit
/// holds all the same.
pub const HOLD_LIMIT: Duration = Duration::from_secs(600);

/// Runs the future `make` gives on a thread of its own, with a runtime of its own: its outcome, or
/// a failure if it has not finished within `limit`, even when it blocks that thread (which is then
/// left to itself: what it started ends with the run). A panic in it is the caller's panic.
pub fn on_own_thread<T, F, Fut>(limit: Duration, make: F) -> Result<T, Failed>
where
    T: Send + 'static,
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future<Output = Result<T, Failed>>,
{
    let (send, outcome) = mpsc::channel();
    let thread = std::thread::Builder::new()
        .name("test".into())
        .spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| Failed::from(e.to_string()));
            let _ = send.send(runtime.and_then(|runtime| runtime.block_on(make())));
        })
        .map_err(|e| format!("cannot start the test's thread: {e}"))?;
    match outcome.recv_timeout(limit) {
        Ok(outcome) => outcome,
        Err(RecvTimeoutError::Timeout) => Err(format!(
            "the test did not finish within {} s, and something in it holds its thread (a \
             process that never answers?): it is left behind",
            limit.as_secs_f64()
        )
        .into()),
        Err(RecvTimeoutError::Disconnected) => match thread.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => Err("the test ended with no outcome".into()),
        },
    }
}

/// The first line `child` prints on its piped standard output (nothing more of it is read), or an
/// error if it prints none within `limit` (it is then stopped) or ends first.
pub fn first_line(child: &mut Child, limit: Duration) -> Result<String, String> {
    let output = child.stdout.take().ok_or("its output is not piped")?;
    let (send, said) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let read = BufReader::new(output).read_line(&mut line);
        let _ = send.send(read.map(|_| line));
    });
    match said.recv_timeout(limit) {
        Ok(Ok(line)) if line.ends_with('\n') => Ok(line),
        Ok(Ok(line)) => Err(format!("it ended, having printed {line:?}")),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => {
            // Stopping it ends its output, and the thread that reads it.
            let _ = child.kill();
            let _ = child.wait();
            Err(format!(
                "it printed nothing within {} s, and was stopped",
                limit.as_secs_f64()
            ))
        }
    }
}

/// Closes `browser`, waiting at most [`CLOSE_LIMIT`].
pub async fn close(browser: Client) {
    let _ = tokio::time::timeout(CLOSE_LIMIT, browser.close()).await;
}
