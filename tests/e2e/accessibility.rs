//! Accessibility and the second language, in the browser: screens that fit 320 pixels without
//! scrolling sideways, and the checklist in Swedish as a Swede reads it.

use fantoccini::key::Key;
use libtest_mimic::{Failed, Trial};

use assistant_e2e::axe;
use assistant_e2e::harness::{Backend, Harness};
use assistant_e2e::page::Page;

/// Audits the page in English, then in Swedish, then switches back; what axe found, by screen.
async fn audit(
    page: &Page,
    axe: &str,
    screen: &str,
    found: &mut Vec<String>,
) -> Result<(), Failed> {
    for (language, switch_to, heading_lang) in [("en", "Svenska", "sv"), ("sv", "English", "en")] {
        for violation in axe::violations(page, axe, "document").await? {
            found.push(format!("{screen} ({language}): {violation}"));
        }
        page.press("header", switch_to).await?;
        page.until(&format!("the page in {heading_lang}"), || async {
            let lang = page
                .browser
                .execute("return document.documentElement.lang;", vec![])
                .await
                .ok()?;
            (lang == heading_lang).then_some(())
        })
        .await?;
    }
    Ok(())
}

async fn every_screen_passes_axe_in_both_languages(page: Page, _: Backend) -> Result<(), Failed> {
    let axe = axe::source()?;
    let mut found = Vec::new();

    page.open_overview().await?;
    audit(&page, &axe, "overview", &mut found).await?;

    page.open_work_email("northwind").await?;
    audit(&page, &axe, "work email", &mut found).await?;
    page.fill("#work-email", "ops@adatum.example").await?;
    page.press("main form", "Continue").await?;
    page.element(".pma-error-summary").await?;
    audit(&page, &axe, "work email, with an error", &mut found).await?;
    page.fill("#work-email", "ops@northwind.example").await?;
    page.press("main form", "Continue").await?;
    page.wait_heading("Which MPN ID should Partner Center use?")
        .await?;
    audit(&page, &axe, "MPN ID", &mut found).await?;
    page.press("main form", "Continue").await?;
    page.wait_heading("Check your answers before you migrate your account")
        .await?;
    audit(&page, &axe, "check answers", &mut found).await?;
    page.press("main", "Migrate account").await?;
    // Partner Center takes a few seconds (three, on the demo): time enough for both languages.
    page.wait_heading("Migrating your account").await?;
    audit(&page, &axe, "migration under way", &mut found).await?;
    page.wait_heading("Account migrated").await?;
    audit(&page, &axe, "confirmation", &mut found).await?;

    page.open_work_email("adatum").await?;
    page.press("main form", "Continue").await?;
    page.wait_heading("Join the Microsoft Partner Network")
        .await?;
    audit(&page, &axe, "enrolment", &mut found).await?;

    page.open("accounts/fabrikam/offers-checklist").await?;
    page.element("[role=progressbar]").await?;
    audit(&page, &axe, "offers checklist", &mut found).await?;
    page.open_on("help", "Help and next steps").await?;
    audit(&page, &axe, "help", &mut found).await?;
    page.open_on("nowhere/at/all", "Page not found").await?;
    audit(&page, &axe, "page not found", &mut found).await?;

    assert!(found.is_empty(), "axe found:\n{}", found.join("\n"));
    Ok(())
}

/// Presses keys on whatever has focus, as a person at the keyboard does.
async fn press_keys(page: &Page, keys: &str) -> Result<(), Failed> {
    page.browser.active_element().await?.send_keys(keys).await?;
    Ok(())
}

/// What has focus, described for matching: `tag#id "text"`.
async fn focus_description(page: &Page) -> Result<String, Failed> {
    let found = page
        .browser
        .execute(
            "const e = document.activeElement;
             return `${e.tagName.toLowerCase()}#${e.id} \"${e.textContent.trim()}\"`;",
            vec![],
        )
        .await?;
    Ok(found.as_str().unwrap_or_default().to_owned())
}

/// Presses Tab until what has focus contains `wanted` in its description; fails after 40 presses.
async fn tab_to(page: &Page, wanted: &str) -> Result<(), Failed> {
    let mut seen = Vec::new();
    for _ in 0..40 {
        press_keys(page, &Key::Tab).await?;
        let focused = focus_description(page).await?;
        if focused.contains(wanted) {
            return Ok(());
        }
        seen.push(focused);
    }
    Err(format!("Tab never reached {wanted:?}; it went through {seen:?}").into())
}

/// Whether what has focus shows it: the focus yellow as background or outline.
async fn focus_is_visible(page: &Page) -> Result<bool, Failed> {
    let style = page
        .browser
        .execute(
            "const s = getComputedStyle(document.activeElement);
             return [s.backgroundColor, s.outlineColor, s.outlineStyle].join(' ');",
            vec![],
        )
        .await?;
    let style = style.as_str().unwrap_or_default();
    Ok(style.contains("rgb(255, 221, 0)") && !style.ends_with(" none"))
}

async fn the_migration_and_the_checklist_work_with_the_keyboard_alone(
    page: Page,
    _: Backend,
) -> Result<(), Failed> {
    page.open_overview().await?;

    // The skip link comes first and takes the keyboard to the content.
    tab_to(&page, "Skip to main content").await?;
    assert!(
        focus_is_visible(&page).await?,
        "the skip link shows its focus"
    );
    press_keys(&page, &Key::Enter).await?;
    assert!(
        focus_description(&page)
            .await?
            .starts_with("main#main-content")
    );

    tab_to(&page, "\"Start migration\"").await?;
    assert!(
        focus_is_visible(&page).await?,
        "the start button shows its focus"
    );
    press_keys(&page, &Key::Enter).await?;
    page.wait_heading("What is your work email address?")
        .await?;
    assert!(
        page.heading_has_focus().await?,
        "focus moves to the new page's heading"
    );

    tab_to(&page, "input#work-email").await?;
    tab_to(&page, "\"Continue\"").await?;
    press_keys(&page, &Key::Enter).await?;
    page.wait_heading("Which MPN ID should Partner Center use?")
        .await?;
    tab_to(&page, "input#mpn-choice").await?;
    press_keys(&page, &Key::Space).await?;
    tab_to(&page, "\"Continue\"").await?;
    press_keys(&page, &Key::Enter).await?;
    page.wait_heading("Check your answers before you migrate your account")
        .await?;

    // Past the button and back again with Shift+Tab.
    tab_to(&page, "\"Migrate account\"").await?;
    press_keys(&page, &Key::Tab).await?;
    press_keys(&page, &(Key::Shift + &Key::Tab)).await?;
    assert!(
        focus_description(&page).await?.contains("Migrate account"),
        "Shift+Tab goes back"
    );
    press_keys(&page, &Key::Space).await?;
    page.wait_heading("Account migrated").await?;

    tab_to(&page, "Open the offers checklist").await?;
    press_keys(&page, &Key::Enter).await?;
    page.wait_heading("Move your Dynamics 365 and PowerApps offers")
        .await?;
    page.wait_text(".pma-progress__text", "3 of 10 done")
        .await?;
    tab_to(&page, "input#tick-offers_in_appsource:fabrikam-expense-app").await?;
    assert!(focus_is_visible(&page).await?, "the tick shows its focus");
    press_keys(&page, &Key::Space).await?;
    page.wait_text(".pma-progress__text", "4 of 10 done")
        .await?;
    Ok(())
}

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

    page.open_on("", "Migrate your account to Partner Center")
        .await?;
    page.element("li[data-account=tailspin]").await?;
    check("overview").await?;
    page.open_work_email("northwind").await?;
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
    page.wait_heading("Check your answers before you migrate your account")
        .await?;
    check("check answers").await?;
    page.open_work_email("adatum").await?;
    page.press("main form", "Continue").await?;
    page.wait_heading("Join the Microsoft Partner Network")
        .await?;
    check("enrolment").await?;
    page.open("accounts/fabrikam/offers-checklist").await?;
    page.element("[role=progressbar]").await?;
    check("offers checklist").await?;
    page.open_on("help", "Help and next steps").await?;
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
    page.open_on(
        "accounts/fabrikam/offers-checklist",
        "Move your Dynamics 365 and PowerApps offers",
    )
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
    assert!(overdue.starts_with("Passerade för "), "{overdue}");
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

/// A screen reader's list of the overview's links tells each card's checklist link apart: its
/// account's name is in it, visually hidden where the card already shows it.
async fn each_cards_checklist_link_names_its_account(
    page: Page,
    _backend: Backend,
) -> Result<(), Failed> {
    page.open("").await?;
    page.element("li[data-account=fabrikam] a").await?;
    let names = page
        .browser
        .execute(
            "return [...document.querySelectorAll('li[data-account] a')]
                 .map(a => a.textContent.replace(/\\s+/g, ' ').trim())
                 .filter(name => name.startsWith('Move your Dynamics 365 and PowerApps offers'));",
            vec![],
        )
        .await?;
    let names: Vec<String> = serde_json::from_value(names)?;
    assert!(names.len() > 2, "{names:?}");
    let distinct: std::collections::BTreeSet<&String> = names.iter().collect();
    assert_eq!(distinct.len(), names.len(), "{names:?}");
    assert!(
        names
            .iter()
            .any(|name| name.ends_with("offers for \u{2068}Fabrikam Inc\u{2069}")),
        "{names:?}"
    );
    Ok(())
}

pub fn tests(harness: &Harness) -> Vec<Trial> {
    [
        harness.on_backends(
            "accessibility::every_screen_fits_320_pixels_without_scrolling_sideways",
            &[Backend::Demo],
            every_screen_fits_320_pixels_without_scrolling_sideways,
        ),
        harness.on_backends(
            "accessibility::every_screen_passes_axe_in_both_languages",
            &[Backend::Demo],
            every_screen_passes_axe_in_both_languages,
        ),
        harness.on_backends(
            "accessibility::the_migration_and_the_checklist_work_with_the_keyboard_alone",
            &[Backend::Demo],
            the_migration_and_the_checklist_work_with_the_keyboard_alone,
        ),
        harness.on_backends(
            "accessibility::each_cards_checklist_link_names_its_account",
            &[Backend::Demo],
            each_cards_checklist_link_names_its_account,
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
