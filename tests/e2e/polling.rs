//! The migration page reads the status with one poll at most: Retry restarts it and never adds
//! one, failures make it wait longer each time, a hidden page does not read, and an answer that
//! waiting will not change stops it. Counted on the requests the browser sent (DevTools protocol).

use std::time::Duration;

use libtest_mimic::{Failed, Trial};
use serde_json::json;

use crate::reliability::set_faults;
use assistant_e2e::devtools;
use assistant_e2e::harness::Harness;
use assistant_e2e::page::Page;

const STATUS: &str = "/v1/accounts/litware/migration";

/// Litware's migration page, as after a submission whose answer never arrived (its saved
/// progress holds the submission's key), with every read of its status answered by `status`.
async fn open_with_failing_reads(page: &Page, status: u16) -> Result<(), Failed> {
    page.open_overview().await?;
    page.browser
        .execute(
            "localStorage.setItem(
                 'pma-progress:' + encodeURIComponent(location.origin + '/') + '/litware',
                 JSON.stringify({ version: 2, saved_at_ms: Date.now(),
                                  idempotency_key: 'a-submission-never-answered' }));",
            vec![],
        )
        .await?;
    set_faults(
        page,
        json!([{ "method": "GET", "path": STATUS, "times": 200,
                 "fault": { "kind": "status", "status": status } }]),
    )
    .await?;
    page.open("accounts/litware/migration").await?;
    page.element(".pma-problem").await?;
    Ok(())
}

/// How many times the status was read since the last count.
async fn status_reads(page: &Page, origin: &str) -> Result<usize, Failed> {
    let sent = devtools::requests(&page.browser).await?;
    Ok(sent
        .iter()
        .filter(|r| r.method == "GET" && r.path_on(origin) == Some(STATUS))
        .count())
}

async fn clear_faults(page: &Page) -> Result<(), Failed> {
    page.browser
        .execute_async(
            "const done = arguments[0];
             fetch('/_faults', { method: 'DELETE' }).then((r) => done(r.status), (e) => done(String(e)));",
            vec![],
        )
        .await?;
    Ok(())
}

async fn three_retries_leave_one_poll_that_waits_longer_after_each_failure(
    page: Page,
    origin: String,
) -> Result<(), Failed> {
    open_with_failing_reads(&page, 500).await?;
    page.press(".pma-problem", "Try again").await?;
    page.press(".pma-problem", "Try again").await?;
    status_reads(&page, &origin).await?;
    page.press(".pma-problem", "Try again").await?;
    // Measured over 4.5 seconds: one poll reads at once, after 1 second and after 2 more.
    tokio::time::sleep(Duration::from_millis(4_500)).await;
    let reads = status_reads(&page, &origin).await?;
    clear_faults(&page).await?;
    assert!(
        (1..=3).contains(&reads),
        "{reads} reads of the status in 4.5 s"
    );
    Ok(())
}

async fn a_refusal_that_waiting_will_not_change_stops_the_poll(
    page: Page,
    origin: String,
) -> Result<(), Failed> {
    for status in [404, 401] {
        open_with_failing_reads(&page, status).await?;
        status_reads(&page, &origin).await?;
        // Measured over 4 seconds: longer than any wait after a first failure.
        tokio::time::sleep(Duration::from_secs(4)).await;
        let reads = status_reads(&page, &origin).await?;
        clear_faults(&page).await?;
        assert_eq!(reads, 0, "reads after a {status}");
    }
    Ok(())
}

/// Makes the page hidden or shown, as switching tabs does.
async fn set_hidden(page: &Page, hidden: bool) -> Result<(), Failed> {
    page.browser
        .execute(
            "Object.defineProperty(document, 'hidden', { value: arguments[0], configurable: true });
             document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));",
            vec![hidden.into()],
        )
        .await?;
    Ok(())
}

async fn a_hidden_page_does_not_poll_and_reads_at_once_when_shown(
    page: Page,
    origin: String,
) -> Result<(), Failed> {
    open_with_failing_reads(&page, 500).await?;
    set_hidden(&page, true).await?;
    status_reads(&page, &origin).await?;
    tokio::time::sleep(Duration::from_secs(4)).await;
    let while_hidden = status_reads(&page, &origin).await?;
    set_hidden(&page, false).await?;
    let shown = page
        .until("a read once the page shows", || async {
            status_reads(&page, &origin).await.ok().filter(|n| *n > 0)
        })
        .await;
    clear_faults(&page).await?;
    assert_eq!(while_hidden, 0, "reads while hidden");
    shown.map(drop)
}

/// A test on the reference server's API in a browser that records its requests; it gets the
/// page and the server's origin.
fn on_api<F, Fut>(harness: &Harness, name: &str, test: F) -> Trial
where
    F: FnOnce(Page, String) -> Fut + Send + 'static,
    Fut: Future<Output = Result<(), Failed>>,
{
    harness.trial_recording_requests(name, move |browser, apps| {
        let origin = apps.api.clone();
        test(Page::new(browser, apps.api), origin)
    })
}

pub fn tests(harness: &Harness) -> Vec<Trial> {
    vec![
        on_api(
            harness,
            "polling::three_retries_leave_one_poll_that_waits_longer_after_each_failure [api]",
            three_retries_leave_one_poll_that_waits_longer_after_each_failure,
        ),
        on_api(
            harness,
            "polling::a_refusal_that_waiting_will_not_change_stops_the_poll [api]",
            a_refusal_that_waiting_will_not_change_stops_the_poll,
        ),
        on_api(
            harness,
            "polling::a_hidden_page_does_not_poll_and_reads_at_once_when_shown [api]",
            a_hidden_page_does_not_poll_and_reads_at_once_when_shown,
        ),
    ]
}
