//! The parts of the app that load as chunks of the wasm: fetched once the overview has shown (so a
//! step change does not wait on the network), and, when one cannot be fetched, the page's problem
//! panel with Try again, which fetches it again.

use libtest_mimic::{Failed, Trial};
use serde_json::json;

use crate::reliability::set_faults;
use assistant_e2e::devtools;
use assistant_e2e::harness::{Backend, Harness, built_file};
use assistant_e2e::page::Page;

/// Whether the page has fetched a file whose name ends with `name`.
async fn fetched(page: &Page, name: &str) -> Result<bool, Failed> {
    let found = page
        .browser
        .execute(
            "return performance.getEntriesByType('resource').some((e) => e.name.endsWith(arguments[0]));",
            vec![json!(name)],
        )
        .await?;
    Ok(found == json!(true))
}

async fn a_chunk_answered_with_an_error_shows_the_problem_and_try_again_fetches_it(
    page: Page,
    _: Backend,
) -> Result<(), Failed> {
    // Help first: no overview, so nothing is fetched ahead.
    page.open_on("help", "Help and next steps").await?;
    set_faults(
        &page,
        json!([{ "method": "GET", "path": built_file("split_journey.wasm")?, "times": 1,
                 "fault": { "kind": "status", "status": 500 } }]),
    )
    .await?;
    page.open("accounts/fabrikam/work-email").await?;
    page.wait_text(".pma-problem", "could not be reached")
        .await?;
    assert!(
        !page.has("main h1").await,
        "no page of the journey without its code"
    );
    page.press(".pma-problem", "Try again").await?;
    // A page of the journey (which one depends on what other tests did to the account).
    page.element("main h1").await?;
    assert!(!page.has(".pma-problem").await, "the panel is gone");
    Ok(())
}

async fn the_next_pages_code_comes_ahead_and_a_part_fetched_offline_can_be_fetched_again(
    page: Page,
    _: Backend,
) -> Result<(), Failed> {
    page.open_overview().await?;
    page.until("the journey's code fetched ahead", || async {
        fetched(&page, &built_file("split_journey.wasm").ok()?)
            .await
            .ok()?
            .then_some(())
    })
    .await?;
    assert!(
        !fetched(&page, &built_file("split_help.wasm")?).await?,
        "help is fetched only when shown"
    );
    devtools::set_offline(&page.browser, true).await?;
    // The demo backend needs no network, and the journey's code is here already.
    page.press("li[data-account=fabrikam]", "Start migration")
        .await?;
    page.wait_heading("What is your work email address?")
        .await?;
    // Help's code is not: the panel says so, and Try again fetches it once online.
    page.press("footer", "Help and next steps").await?;
    page.wait_text(".pma-problem", "could not be reached")
        .await?;
    devtools::set_offline(&page.browser, false).await?;
    page.press(".pma-problem", "Try again").await?;
    page.wait_heading("Help and next steps").await
}

pub fn tests(harness: &Harness) -> Vec<Trial> {
    [
        harness.on_backends(
            "chunks::a_chunk_answered_with_an_error_shows_the_problem_and_try_again_fetches_it",
            &[Backend::Api],
            a_chunk_answered_with_an_error_shows_the_problem_and_try_again_fetches_it,
        ),
        harness.on_backends(
            "chunks::the_next_pages_code_comes_ahead_and_a_part_fetched_offline_can_be_fetched_again",
            &[Backend::Demo],
            the_next_pages_code_comes_ahead_and_a_part_fetched_offline_can_be_fetched_again,
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}
