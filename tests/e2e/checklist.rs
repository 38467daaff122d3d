//! The offers checklist of `fabrikam`, on both backends.

use libtest_mimic::{Failed, Trial};

use assistant_e2e::harness::{Backend, Harness};
use assistant_e2e::page::Page;

async fn fabrikam_sees_its_offers_deadline_and_progress_that_stays(
    page: Page,
    backend: Backend,
) -> Result<(), Failed> {
    page.open_on(
        "accounts/fabrikam/offers-checklist",
        "Move your Dynamics 365 and PowerApps offers",
    )
    .await?;
    page.wait_text("[data-deadline]", "15 October 2019").await?;
    page.wait_text("[data-deadline-status]", "Passed").await?;
    page.wait_text("main", "The deadline has passed, so your offers' availability may be affected. Complete the steps anyway.")
        .await?;

    let step3 = page.element("[data-step=offers_in_appsource]").await?;
    let offers = step3
        .find_all(fantoccini::Locator::Css("[data-item]"))
        .await?;
    assert_eq!(offers.len(), 3, "three offers move");
    let excluded = page
        .browser
        .find_all(fantoccini::Locator::Css("[data-excluded]"))
        .await?;
    assert_eq!(excluded.len(), 2, "two offers do not");
    page.wait_text(
        "[data-excluded]",
        "Fabrikam Ledger Connector: this checklist does not apply to Dynamics 365 Business Central offers.",
    )
    .await?;
    page.wait_text("[data-excluded]", "Fabrikam Analytics VM")
        .await?;

    page.wait_text("[data-item='isv_addendum_accepted']", "Not yet started")
        .await?;
    page.wait_text(
        "[data-item='pmc_account_migrated']",
        "verified by Partner Center",
    )
    .await?;
    page.wait_text(".pma-progress__text", "3 of 10 done")
        .await?;
    page.wait_text(
        ".pma-next-action",
        "Create a Dynamics 365 Customer Engagement offer for Fabrikam Expense App",
    )
    .await?;
    let bar = page.element("[role=progressbar]").await?;
    assert_eq!(bar.attr("aria-valuenow").await?.as_deref(), Some("3"));
    assert_eq!(bar.attr("aria-valuemax").await?.as_deref(), Some("10"));
    if backend == Backend::Api {
        page.screenshot("offers-checklist").await?;
    }

    // On the server, someone else ticks another offer meanwhile: the app's next save is stale
    // (412), so it reloads the ticks and applies its change again, losing neither.
    if backend == Backend::Api {
        tick_behind_the_apps_back(&page, "offers_in_appsource:fabrikam-warehouse").await?;
    }
    let (done, next) = match backend {
        Backend::Api => (
            "5 of 10 done",
            "Accept the ISV addendum for business applications",
        ),
        Backend::Demo => ("4 of 10 done", "Fabrikam Warehouse Optimizer"),
    };

    let tick = "#tick-offers_in_appsource\\:fabrikam-expense-app";
    page.element(tick).await?.click().await?;
    page.wait_text(
        "[data-item='offers_in_appsource:fabrikam-expense-app']",
        "ticked by you",
    )
    .await?;
    assert_eq!(
        page.focused().await?,
        "tick-offers_in_appsource:fabrikam-expense-app",
        "focus stays on the tick"
    );
    page.wait_text("[aria-live=polite]", "Your change is saved")
        .await?;
    page.wait_text(".pma-progress__text", done).await?;

    page.reload().await?;
    page.wait_text(".pma-progress__text", done).await?;
    let ticked = page.element(tick).await?.prop("checked").await?;
    assert_eq!(
        ticked.as_deref(),
        Some("true"),
        "the tick stays after a reload"
    );
    page.wait_text(".pma-next-action", next).await?;
    Ok(())
}

/// Ticks an item on the reference server directly, as another person's browser would.
async fn tick_behind_the_apps_back(page: &Page, key: &str) -> Result<(), Failed> {
    let script = r#"
        const [key, done] = arguments;
        const headers = { authorization: 'Bearer demo-owner', 'content-type': 'application/json' };
        const url = '/v1/accounts/fabrikam/checklist';
        fetch(url, { headers })
            .then(r => r.json().then(body => [r.headers.get('etag'), body]))
            .then(([etag, body]) => fetch(url, {
                method: 'PUT',
                headers: { ...headers, 'if-match': etag },
                body: JSON.stringify({ ticks: [...body.ticks, key] }),
            }))
            .then(r => done(r.status), e => done(String(e)));
    "#;
    let status = page.browser.execute_async(script, vec![key.into()]).await?;
    assert_eq!(status, 200, "the other tick is saved");
    Ok(())
}

pub fn tests(harness: &Harness) -> Vec<Trial> {
    harness.on_both_backends(
        "checklist::fabrikam_sees_its_offers_deadline_and_progress_that_stays",
        fabrikam_sees_its_offers_deadline_and_progress_that_stays,
    )
}
