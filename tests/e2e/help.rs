//! Help and next steps, and addresses the assistant does not know.

use libtest_mimic::{Failed, Trial};

use assistant_e2e::harness::{Backend, Harness};
use assistant_e2e::page::Page;

async fn help_lists_the_resources_of_the_source(
    page: Page,
    backend: Backend,
) -> Result<(), Failed> {
    page.open("").await?;
    page.press("footer", "Help and next steps").await?;
    page.wait_heading("Help and next steps").await?;
    assert_eq!(page.path().await?, "/help");
    for (text, href) in [
        (
            "Join the weekly Dynamics ISV community call",
            "https://aka.ms/DynamicsISV-CommunityCall",
        ),
        (
            "Open a support ticket",
            "https://aka.ms/MarketplacePublisherSupport",
        ),
        (
            "ISV Resource Hub",
            "https://partner.microsoft.com/isv-resource-hub",
        ),
    ] {
        let link = page.element(&format!("main a[href='{href}']")).await?;
        assert!(link.text().await?.contains(text), "{text}");
        assert_eq!(link.attr("target").await?.as_deref(), Some("_blank"));
    }
    page.wait_text("main", "Manage your commercial marketplace account")
        .await?;
    if backend == Backend::Api {
        page.screenshot("help").await?;
    }
    page.browser.back().await?;
    page.wait_heading("Migrate your account to Partner Center")
        .await
}

async fn an_unknown_address_says_the_page_was_not_found(
    page: Page,
    _: Backend,
) -> Result<(), Failed> {
    page.open_on("accounts/fabrikam/nowhere", "Page not found")
        .await?;
    page.press("main", "Go to your accounts").await?;
    page.wait_heading("Migrate your account to Partner Center")
        .await
}

pub fn tests(harness: &Harness) -> Vec<Trial> {
    [
        harness.on_both_backends(
            "help::help_lists_the_resources_of_the_source",
            help_lists_the_resources_of_the_source,
        ),
        harness.on_both_backends(
            "help::an_unknown_address_says_the_page_was_not_found",
            an_unknown_address_says_the_page_was_not_found,
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}
