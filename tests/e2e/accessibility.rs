//! Accessibility and the second language, in the browser: screens that fit 320 pixels without
//! scrolling sideways, and the checklist in Swedish as a Swede reads it.

use libtest_mimic::{Failed, Trial};

use crate::harness::{Backend, Harness};
use crate::page::Page;

/// Whether the page scrolls sideways: its content is wider than its window.
async fn scrolls_sideways(page: &Page) -> Result<Option<String>, Failed> {
    let widths = page
        .browser
        .execute(
            "const e = document.documentElement; return [e.scrollWidth, e.clientWidth];",
            vec![],
        )
        .await?;
    let (scroll, client) = (
        widths[0].as_u64().unwrap_or(0),
        widths[1].as_u64().unwrap_or(0),
    );
    Ok((scroll > client).then(|| format!("{scroll} px of content in {client} px")))
}

async fn every_screen_fits_320_pixels_without_scrolling_sideways(
    page: Page,
    _: Backend,
) -> Result<(), Failed> {
    page.browser.set_window_size(320, 800).await?;
    let width = page
        .browser
        .execute("return window.innerWidth;", vec![])
        .await?;
    assert!(
        width.as_u64().is_some_and(|w| w <= 320),
        "the window is 320 px wide: {width}"
    );
    let mut wide = Vec::new();
    let mut check = async |name: &str| -> Result<(), Failed> {
        if let Some(overflow) = scrolls_sideways(&page).await? {
            wide.push(format!("{name}: {overflow}"));
        }
        Ok(())
    };

    page.open("").await?;
    page.wait_heading("Move your account to Partner Center")
        .await?;
    page.element("li[data-account=tailspin]").await?;
    check("overview").await?;
    page.open("accounts/northwind/work-email").await?;
    page.wait_heading("What is your work email address?")
        .await?;
    page.fill(
        "#work-email",
        "someone.with.a.long.address@a-very-long-domain-name.example",
    )
    .await?;
    page.press("main form", "Continue").await?;
    page.element(".pma-error-summary").await?;
    check("work email, with an error").await?;
    page.fill("#work-email", "ops@northwind.example").await?;
    page.press("main form", "Continue").await?;
    page.wait_heading("Which MPN ID should Partner Center use?")
        .await?;
    check("MPN ID").await?;
    page.press("main form", "Continue").await?;
    page.wait_heading("Check your answers before you migrate")
        .await?;
    check("check answers").await?;
    page.open("accounts/adatum/work-email").await?;
    page.wait_heading("What is your work email address?")
        .await?;
    page.press("main form", "Continue").await?;
    page.wait_heading("Enrol in the Microsoft Partner Network")
        .await?;
    check("enrolment").await?;
    page.open("accounts/fabrikam/offers-checklist").await?;
    page.element("[role=progressbar]").await?;
    check("offers checklist").await?;
    page.open("help").await?;
    page.wait_heading("Help and next steps").await?;
    check("help").await?;
    page.press("header", "Svenska").await?;
    page.wait_heading("Hjälp och nästa steg").await?;
    check("help, in Swedish").await?;
    assert!(wide.is_empty(), "screens wider than 320 px: {wide:?}");
    Ok(())
}

async fn the_checklist_speaks_swedish_with_swedish_dates_and_plurals(
    page: Page,
    backend: Backend,
) -> Result<(), Failed> {
    page.open("accounts/fabrikam/offers-checklist").await?;
    page.wait_heading("Move your Dynamics 365 and PowerApps offers")
        .await?;
    page.press("header", "Svenska").await?;
    page.wait_heading("Flytta dina erbjudanden för Dynamics 365 och PowerApps")
        .await?;
    let lang = page
        .browser
        .execute("return document.documentElement.lang;", vec![])
        .await?;
    assert_eq!(lang, "sv");
    page.wait_text("[data-deadline]", "15 oktober 2019").await?;
    let overdue = page
        .wait_text("[data-deadline-status]", "dagar sedan")
        .await?;
    // Thousands grouped with a (no-break) space, as Swedish writes them: "2 598".
    assert!(overdue.starts_with("Passerades för "), "{overdue}");
    assert!(
        overdue.chars().any(|c| c == '\u{a0}' || c == ' ') && !overdue.contains(','),
        "{overdue}"
    );
    page.wait_text(".pma-progress__text", "av 10 klara").await?;
    page.wait_text("[data-excluded]", "Dynamics 365 Business Central")
        .await?;
    if backend == Backend::Api {
        page.screenshot("offers-checklist-sv").await?;
    }
    Ok(())
}

pub fn tests(harness: &Harness) -> Vec<Trial> {
    [
        harness.on_backends(
            "accessibility::every_screen_fits_320_pixels_without_scrolling_sideways",
            &[Backend::Demo],
            every_screen_fits_320_pixels_without_scrolling_sideways,
        ),
        harness.on_both_backends(
            "accessibility::the_checklist_speaks_swedish_with_swedish_dates_and_plurals",
            the_checklist_speaks_swedish_with_swedish_dates_and_plurals,
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}
