//! What the host hears when a widget fails: a `flow-error` with the words the widget shows, when
//! its own code cannot be fetched and when a change it makes cannot be saved.

use libtest_mimic::{Failed, Trial};
use serde_json::{Value, json};

use assistant_e2e::devtools;
use assistant_e2e::harness::{Apps, Harness};
use assistant_e2e::page::Page;
use assistant_e2e::widget::{flow_error_of, in_widget, portal, wait_widget_heading, widget_text};

const PORTAL: &str = "examples/portal.html";

/// The widget's own code cannot be fetched: its box says so, and the host hears a `flow-error`.
async fn a_widget_whose_code_cannot_come_says_so_and_tells_the_host(
    browser: fantoccini::Client,
    apps: Apps,
) -> Result<(), Failed> {
    devtools::block_urls(&browser, &["*split_widget*"]).await?;
    let page = Page::new(browser, apps.portal);
    page.open(PORTAL).await?;
    let said = "The service could not be reached. Check your internet connection, then try again.";
    page.until("the widget to say it cannot reach the service", || async {
        (widget_text(&page, "first", "[role=alert]").await?.trim() == said).then_some(())
    })
    .await?;
    assert_eq!(
        flow_error_of(&page, "first").await?,
        Some(json!({
            "type": "flow-error", "widget": "first",
            "kind": "network", "code": null, "message": said,
        })),
        "{}",
        portal(&page, "events").await?
    );
    Ok(())
}

/// A tick of the offers checklist that cannot be saved (offline) is undone, and the host hears a
/// `flow-error` with the words the publisher reads.
async fn a_tick_the_widget_cannot_save_tells_the_host(page: Page) -> Result<(), Failed> {
    page.open(PORTAL).await?;
    wait_widget_heading(&page, "first", "Migrate your account to Partner Center").await?;
    page.until("the offers checklist's link", || async {
        let pressed = in_widget(
            &page,
            "first",
            "const link = [...root.querySelectorAll('button, a')].find((e) =>
                 e.textContent.trim().startsWith('Move your Dynamics 365 and PowerApps offers'));
             link?.click();
             return Boolean(link);",
            vec![],
        )
        .await
        .ok()?;
        (pressed == json!(true)).then_some(())
    })
    .await?;
    wait_widget_heading(
        &page,
        "first",
        "Move your Dynamics 365 and PowerApps offers",
    )
    .await?;
    page.until("a tick to press", || async {
        widget_text(&page, "first", "input.pma-checkboxes__input:not(:disabled)").await
    })
    .await?;
    devtools::set_offline(&page.browser, true).await?;
    in_widget(
        &page,
        "first",
        "root.querySelector('input.pma-checkboxes__input:not(:disabled)').click();",
        vec![],
    )
    .await?;
    let error = page
        .until("the host to hear the tick was not saved", || async {
            flow_error_of(&page, "first").await.ok()?
        })
        .await?;
    devtools::set_offline(&page.browser, false).await?;
    assert_eq!(error["kind"], "network", "{error}");
    assert_eq!(error["code"], Value::Null, "{error}");
    let shown = widget_text(&page, "first", ".pma-problem .pma-body")
        .await
        .unwrap_or_default();
    assert!(
        shown.starts_with("Your change could not be saved, so we have undone it."),
        "{shown}"
    );
    assert_eq!(
        error["message"],
        shown.trim(),
        "the words the publisher reads"
    );
    Ok(())
}

pub fn tests(harness: &Harness) -> Vec<Trial> {
    vec![
        harness.trial(
            "widget_failures::a_widget_whose_code_cannot_come_says_so_and_tells_the_host",
            a_widget_whose_code_cannot_come_says_so_and_tells_the_host,
        ),
        harness.on_portal(
            "widget_failures::a_tick_the_widget_cannot_save_tells_the_host",
            a_tick_the_widget_cannot_save_tells_the_host,
        ),
    ]
}
