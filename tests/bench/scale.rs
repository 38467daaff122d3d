//! The app with much more data (`cargo xtask bench --scale`): the reference server adds 200
//! generated accounts, one with 500 offers (`assistant_core::fixtures::scale`). Measured with the
//! CPU throttled 4x: how long the overview and the checklist take to render once their data has
//! come (beside the same with SPEC §4's data), and how long a tick takes to show.

use std::time::Duration;

use assistant_core::fixtures::scale;
use assistant_e2e::devtools;
use assistant_e2e::harness::{FileServer, Harness};
use assistant_e2e::page::Page;
use fantoccini::Client;
use libtest_mimic::Failed;
use serde_json::json;

use crate::{CPU_SLOWDOWN, median};

/// Cold loads per measure: fewer than the first loads', each is long.
const LOADS: usize = 5;

/// Counts, in `window.pmaCount`, the elements matching the selector in `arguments`, and notes
/// when the count last changed (ms since navigation).
const COUNTER: &str = r#"
(() => {
  const seen = { count: 0, at: null };
  window.pmaCount = seen;
  new MutationObserver(() => {
    const count = document.querySelectorAll(SELECTOR).length;
    if (count !== seen.count) {
      seen.count = count;
      seen.at = performance.now();
    }
  }).observe(document, { childList: true, subtree: true });
})();
"#;

/// How many elements `selector` found once the page settled, and the ms from the end of the last
/// API answer before they were all there to the moment they were.
async fn render(
    browser: Client,
    base: &str,
    path: &str,
    selector: &str,
) -> Result<(u64, f64), Failed> {
    browser.goto("about:blank").await?;
    devtools::throttle_cpu(&browser, CPU_SLOWDOWN).await?;
    let counter = COUNTER.replace("SELECTOR", &json!(selector).to_string());
    devtools::run_before_each_document(&browser, &counter).await?;
    let page = Page::new(browser, base.to_owned());
    page.open(path).await?;
    page.until(&format!("{selector} shown"), || async {
        let count = page
            .browser
            .execute("return window.pmaCount.count;", vec![])
            .await
            .ok()?;
        (count.as_u64()? > 0).then_some(())
    })
    .await?;
    // Let it settle: a list shown in parts would change its count again.
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    let read = page
        .browser
        .execute(
            "const seen = window.pmaCount;
             const answers = performance.getEntriesByType('resource')
                 .filter((e) => e.name.includes('/v1/') && e.responseEnd <= seen.at)
                 .map((e) => e.responseEnd);
             return [seen.count, seen.at - Math.max(0, ...answers)];",
            vec![],
        )
        .await?;
    let count = read[0].as_u64().ok_or("no count")?;
    let after_data = read[1].as_f64().ok_or("no time")?;
    Ok((count, after_data))
}

/// On a checklist already shown: the ms from a click on the last tick whose item is not blocked
/// to its item's new state in the page, and to the frame after that.
async fn tick(page: &Page) -> Result<(f64, f64), Failed> {
    let shown = page
        .browser
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const inputs = [...document.querySelectorAll('li[data-item] input[type=checkbox]')]
                 .filter((input) => input.closest('li[data-item]').dataset.state !== 'blocked');
             const input = inputs[inputs.length - 1];
             if (!input) { done(null); return; }
             const item = input.closest('li[data-item]');
             const before = item.dataset.state;
             const start = performance.now();
             new MutationObserver((_, observer) => {
               if (item.dataset.state === before) return;
               observer.disconnect();
               const changed = performance.now() - start;
               requestAnimationFrame(() => setTimeout(() => done([changed, performance.now() - start])));
             }).observe(item, { attributes: true, attributeFilter: ['data-state'] });
             input.click();",
            vec![],
        )
        .await?;
    match (shown[0].as_f64(), shown[1].as_f64()) {
        (Some(changed), Some(painted)) => Ok((changed, painted)),
        _ => Err("no tick to click, or its item never changed".into()),
    }
}

/// The median over [`LOADS`] cold loads of `path`'s render after its data, with the count.
fn median_render(
    harness: &Harness,
    base: &str,
    path: &str,
    selector: &str,
) -> Result<(u64, f64), Failed> {
    let mut count = 0;
    let mut times = Vec::new();
    for _ in 0..LOADS {
        let (base, path, selector) = (base.to_owned(), path.to_owned(), selector.to_owned());
        let (found, ms) = harness.in_browser(|browser, _| async move {
            render(browser, &base, &path, &selector).await
        })?;
        count = found;
        times.push(ms);
    }
    Ok((count, median(times)))
}

/// Prints the overview's and the checklist's render with SPEC §4's data and at scale, and the
/// time for a tick to show at scale.
pub fn measure(harness: &Harness, dist: &std::path::Path) -> Result<(), Failed> {
    let small = harness.in_browser(|_, apps| async move { Ok(apps.api) })?;
    let large = FileServer::start(dist, &["--scale-fixtures"])?;
    println!(
        "\nAt scale (200 more accounts, one with {} offers), CPU {CPU_SLOWDOWN}x, median of {LOADS} \
         cold loads: ms from the last API answer to the whole list shown",
        scale::OFFERS
    );
    println!(
        "| {:<22} | {:>14} | {:>10} | {:>14} | {:>10} | {:>7} |",
        "", "items (SPEC)", "ms", "items (scale)", "ms", "growth"
    );
    println!(
        "|{:-<24}|{:->16}|{:->12}|{:->16}|{:->12}|{:->9}|",
        "", "", "", "", "", ""
    );
    let checklist_of = |id: &str| format!("accounts/{id}/offers-checklist");
    let measures = [
        ("overview", String::new(), String::new(), "li[data-account]"),
        (
            "offers checklist",
            checklist_of("fabrikam"),
            checklist_of(scale::OFFERS_ACCOUNT),
            "li[data-item]",
        ),
    ];
    for (label, small_path, large_path, selector) in &measures {
        let (few, few_ms) = median_render(harness, &small, small_path, selector)?;
        let (many, many_ms) = median_render(harness, &large.url, large_path, selector)?;
        // How much faster the time grew than the data: below 1, slower.
        let growth = (many_ms / few_ms.max(1.0)) / (many as f64 / few.max(1) as f64);
        println!(
            "| {label:<22} | {few:>14} | {few_ms:>10.0} | {many:>14} | {many_ms:>10.0} | {growth:>6.2}x |"
        );
    }
    println!(
        "  growth: the time's growth over the data's (at most 1.00x: no faster than the data)"
    );
    let (mut changes, mut ticks) = (Vec::new(), Vec::new());
    for _ in 0..LOADS {
        let path = checklist_of(scale::OFFERS_ACCOUNT);
        let base = large.url.clone();
        let shown = harness.in_browser(move |browser, _| async move {
            browser.goto("about:blank").await?;
            devtools::throttle_cpu(&browser, CPU_SLOWDOWN).await?;
            let page = Page::new(browser, base);
            page.open(&path).await?;
            page.element("li[data-item] input[type=checkbox]").await?;
            tick(&page).await
        })?;
        changes.push(shown.0);
        ticks.push(shown.1);
    }
    let tick_ms = median(ticks);
    println!(
        "  a tick on the checklist of {} offers: its item changes in {:.0} ms and shows (the \
         frame after) in {tick_ms:.0} ms (medians; aim: shown within 50 ms){}",
        scale::OFFERS,
        median(changes),
        if tick_ms > 50.0 { ", OVER the aim" } else { "" }
    );
    Ok(())
}
