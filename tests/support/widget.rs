//! Driving a widget inside a host page as a person would: its elements are in the shadow root of
//! its host element; the host page keeps what it heard in `window.portal`.

use libtest_mimic::Failed;
use serde_json::{Value, json};

use crate::page::{Page, as_read};

/// Runs `script` with `root` bound to the shadow root of the widget in `#host`.
pub async fn in_widget(
    page: &Page,
    host: &str,
    script: &str,
    args: Vec<Value>,
) -> Result<Value, Failed> {
    let wrapped = format!(
        "const root = document.getElementById({host:?})?.shadowRoot; if (!root) return null; {script}"
    );
    Ok(page.browser.execute(&wrapped, args).await?)
}

/// The text of the first element matching `css` in the widget, if any.
pub async fn widget_text(page: &Page, host: &str, css: &str) -> Option<String> {
    let found = in_widget(
        page,
        host,
        "return root.querySelector(arguments[0])?.textContent ?? null;",
        vec![css.into()],
    )
    .await
    .ok()?;
    found.as_str().map(|text| as_read(text.to_owned()))
}

/// Waits for the widget's heading to read `expected`.
pub async fn wait_widget_heading(page: &Page, host: &str, expected: &str) -> Result<(), Failed> {
    page.until(&format!("the heading {expected:?} in #{host}"), || async {
        (widget_text(page, host, "h1").await?.trim() == expected).then_some(())
    })
    .await
}

/// Presses the button or link whose text is `label` in the widget.
pub async fn press_in_widget(page: &Page, host: &str, label: &str) -> Result<(), Failed> {
    page.until(&format!("{label:?} in #{host}"), || async {
        let pressed = in_widget(
            page,
            host,
            "const target = [...root.querySelectorAll('button, a')]
                 .find((e) => e.textContent.trim() === arguments[0]);
             if (!target) return false;
             target.click();
             return true;",
            vec![label.into()],
        )
        .await
        .ok()?;
        (pressed == json!(true)).then_some(())
    })
    .await
}

/// The portal's record (`window.portal`): events, violations, token calls, errors.
pub async fn portal(page: &Page, field: &str) -> Result<Value, Failed> {
    Ok(page
        .browser
        .execute(
            &format!("return window.portal ? window.portal.{field} : null;"),
            vec![],
        )
        .await?)
}

/// The first `flow-error` the portal heard from `widget`, as the portal records it (`type`,
/// `widget` and the detail's fields).
pub async fn flow_error_of(page: &Page, widget: &str) -> Result<Option<Value>, Failed> {
    let events = portal(page, "events").await?;
    Ok(events
        .as_array()
        .into_iter()
        .flatten()
        .find(|e| e["type"] == "flow-error" && e["widget"] == widget)
        .cloned())
}

/// The events of one widget, as `type step` (or `type`) lines.
pub async fn events_of(page: &Page, widget: &str) -> Result<Vec<String>, Failed> {
    let events = portal(page, "events").await?;
    Ok(events
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["widget"] == widget)
        .map(|e| match e["step"].as_str() {
            Some(step) => format!("{} {step}", e["type"].as_str().unwrap_or_default()),
            None => e["type"].as_str().unwrap_or_default().to_owned(),
        })
        .collect())
}

pub async fn computed(page: &Page, script: &str) -> Result<Value, Failed> {
    Ok(page.browser.execute(script, vec![]).await?)
}

/// Types `text` into the field `css` of the widget, as a person would (an `input` event).
pub async fn fill_in_widget(page: &Page, host: &str, css: &str, text: &str) -> Result<(), Failed> {
    let filled = in_widget(
        page,
        host,
        "const field = root.querySelector(arguments[0]);
         if (!field) return false;
         field.value = arguments[1];
         field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
         return true;",
        vec![css.into(), text.into()],
    )
    .await?;
    assert_eq!(filled, json!(true), "a field {css} in #{host}");
    Ok(())
}

/// The value of the field `css` in the widget.
pub async fn widget_value(page: &Page, host: &str, css: &str) -> Result<Value, Failed> {
    in_widget(
        page,
        host,
        "return root.querySelector(arguments[0])?.value ?? null;",
        vec![css.into()],
    )
    .await
}

/// The saved progress of every backend and account in the page's storage, by key.
pub async fn saved_progress(page: &Page) -> Result<Value, Failed> {
    computed(
        page,
        "return Object.fromEntries(Object.keys(localStorage)
             .filter((key) => key.startsWith('pma-progress:'))
             .map((key) => [key, localStorage.getItem(key)]));",
    )
    .await
}
