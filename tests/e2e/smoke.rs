//! The app loads, shows its heading, and lists the accounts of whichever backend it runs on.

use std::time::Duration;

use fantoccini::{Client, Locator};
use libtest_mimic::{Failed, Trial};

use assistant_e2e::devtools;
use assistant_e2e::harness::Harness;
use assistant_e2e::page::Page;

const WAIT: Duration = Duration::from_secs(30);

/// The account names the overview lists, once it has loaded them.
async fn listed_accounts(browser: &Client) -> Result<Vec<String>, Failed> {
    browser
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(".pma-account-list__name"))
        .await?;
    let mut names = Vec::new();
    for name in browser
        .find_all(Locator::Css(".pma-account-list__name"))
        .await?
    {
        names.push(name.text().await?);
    }
    Ok(names)
}

const FIXTURE_NAMES: [&str; 6] = [
    "Contoso Ltd",
    "Fabrikam Inc",
    "Northwind Traders",
    "Adatum Corporation",
    "Litware",
    "Tailspin Toys",
];

pub fn tests(harness: &Harness) -> Vec<Trial> {
    vec![
        harness.trial(
            "smoke::the_page_runs_under_its_content_security_policy_without_a_violation",
            |browser, apps| async move {
                // Every violation from the first byte on, heard before any script of the page runs.
                devtools::run_before_each_document(
                    &browser,
                    "window.violations = [];
                     document.addEventListener('securitypolicyviolation',
                         (event) => window.violations.push(event.effectiveDirective + ' ' + event.blockedURI));",
                )
                .await?;
                browser.goto(&apps.api).await?;
                listed_accounts(&browser).await?;
                let inline = browser
                    .execute("return document.querySelectorAll('script:not([src])').length;", vec![])
                    .await?;
                assert_eq!(inline, 0, "no inline script");
                let violations = browser.execute("return window.violations;", vec![]).await?;
                assert_eq!(violations, serde_json::json!([]), "no CSP violation");
                Ok(())
            },
        ),
        harness.trial(
            "smoke::the_app_loads_and_shows_its_heading",
            |browser, apps| async move {
                browser.goto(&apps.api).await?;
                let heading = browser
                    .wait()
                    .at_most(WAIT)
                    .for_element(Locator::Css("main h1"))
                    .await?;
                assert_eq!(heading.text().await?, "Migrate your account to Partner Center");
                assert_eq!(browser.title().await?, "Your accounts – Account migration");
                Ok(())
            },
        ),
        harness.trial(
            "smoke::on_the_reference_server_the_accounts_come_from_its_api",
            |browser, apps| async move {
                browser.goto(&apps.api).await?;
                assert_eq!(listed_accounts(&browser).await?, FIXTURE_NAMES);
                assert!(
                    browser
                        .find(Locator::Css(".pma-demo-marker"))
                        .await
                        .is_err(),
                    "no demo marker on a real API"
                );
                Ok(())
            },
        ),
        harness.trial(
            "smoke::without_an_api_the_app_says_it_runs_on_demo_data",
            |browser, apps| async move {
                browser.goto(&apps.demo).await?;
                assert_eq!(listed_accounts(&browser).await?, FIXTURE_NAMES);
                let marker = browser.find(Locator::Css(".pma-demo-marker")).await?;
                assert!(marker.text().await?.contains("Demo data"));
                Ok(())
            },
        ),
        harness.trial(
            "smoke::resetting_the_demo_data_puts_the_demo_accounts_back_as_they_were",
            |browser, apps| async move {
                let page = Page::new(browser, apps.demo);
                // A change to the demo data and to the saved progress: fabrikam migrated, and
                // litware's work email typed.
                page.open("accounts/fabrikam/work-email").await?;
                crate::migration::answer_every_question(&page, None, None).await?;
                page.press("main", "Migrate account").await?;
                page.wait_heading("Account migrated").await?;
                page.open_work_email("litware").await?;
                page.fill("#work-email", "typed@litware.example").await?;
                page.open_overview().await?;
                page.wait_text("li[data-account=fabrikam] .pma-tag", "Migrated").await?;
                page.wait_text("li[data-account=litware]", "Continue migration").await?;

                page.press(".pma-demo-marker", "Reset demo data").await?;
                page.wait_text("li[data-account=fabrikam] .pma-tag", "Not migrated").await?;
                page.wait_text("li[data-account=fabrikam]", "Start migration").await?;
                page.wait_text("li[data-account=litware]", "Start migration").await?;
                assert_eq!(listed_accounts(&page.browser).await?, FIXTURE_NAMES);
                page.open_work_email("litware").await?;
                assert_eq!(page.value("#work-email").await?, "admin@litware.example");
                Ok(())
            },
        ),
    ]
}
