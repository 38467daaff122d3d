//! The app loads, shows its heading, and lists the accounts of whichever backend it runs on.

use std::time::Duration;

use fantoccini::{Client, Locator};
use libtest_mimic::{Failed, Trial};

use assistant_e2e::harness::Harness;

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
                browser.goto(&apps.api).await?;
                listed_accounts(&browser).await?;
                let inline = browser
                    .execute("return document.querySelectorAll('script:not([src])').length;", vec![])
                    .await?;
                assert_eq!(inline, 0, "no inline script");
                // Buffered: the reports of everything since the page started, not only from now.
                let reports = browser
                    .execute_async(
                        "const done = arguments[0];
                         const seen = [];
                         new ReportingObserver((reports) => seen.push(...reports.map((r) => r.body.effectiveDirective)),
                             { types: ['csp-violation'], buffered: true }).observe();
                         setTimeout(() => done(seen), 500);",
                        vec![],
                    )
                    .await?;
                assert_eq!(reports, serde_json::json!([]), "no CSP violation");
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
                assert_eq!(heading.text().await?, "Move your account to Partner Center");
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
                let reset = marker.find(Locator::Css("button")).await?;
                assert_eq!(reset.text().await?, "Reset demo data");
                reset.click().await?;
                assert_eq!(listed_accounts(&browser).await?, FIXTURE_NAMES);
                Ok(())
            },
        ),
    ]
}
