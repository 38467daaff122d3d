//! The first paint: the page's frame shows in the reader's language from the first frame the
//! browser draws, and the first screen's data does not wait for the code (the API's first
//! requests start from the page; on the demo backend its chunks come beside the wasm).

use fantoccini::Client;
use libtest_mimic::{Failed, Trial};
use serde_json::{Value, json};

use assistant_e2e::devtools;
use assistant_e2e::harness::{Apps, Harness, built_file};
use assistant_e2e::page::Page;
use assistant_e2e::widget::wait_widget_heading;

use crate::reliability::set_faults;

/// Before the page's own scripts: a browser that asks for Swedish, and the text the page shows at
/// each frame the browser draws (`window.pmaFrames`, each different from the last), until the
/// overview lists the accounts.
const SWEDISH_FRAMES: &str = r#"
Object.defineProperty(navigator, 'languages', { get: () => ['sv-SE', 'sv'], configurable: true });
window.pmaFrames = [];
const record = () => {
  const text = document.body ? document.body.innerText.trim() : '';
  if (text && window.pmaFrames[window.pmaFrames.length - 1] !== text) window.pmaFrames.push(text);
  if (!document.querySelector('li[data-account]')) requestAnimationFrame(record);
};
requestAnimationFrame(record);
"#;

/// Words of the frame and the overview in English, none of which a Swedish reader may see.
const ENGLISH: [&str; 5] = [
    "Skip to main content",
    "Partner Center migration assistant",
    "Loading",
    "Help and next steps",
    "Migrate your account",
];

async fn a_swedish_browser_shows_swedish_from_the_first_frame(
    browser: Client,
    apps: Apps,
) -> Result<(), Failed> {
    devtools::run_before_each_document(&browser, SWEDISH_FRAMES).await?;
    let page = Page::new(browser, apps.api);
    page.open_overview().await?;
    let frames = page
        .browser
        .execute("return window.pmaFrames;", vec![])
        .await?;
    let frames: Vec<&str> = frames
        .as_array()
        .ok_or("no frames recorded")?
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let first = frames.first().ok_or("no frame had text")?;
    assert!(
        first.contains("Migreringsassistent för Partnercenter"),
        "the first frame with text is in Swedish: {first:?}"
    );
    for frame in &frames {
        for english in ENGLISH {
            assert!(
                !frame.contains(english),
                "a frame shows {english:?}: {frame:?}"
            );
        }
    }
    Ok(())
}

async fn the_frame_shows_without_the_wasm_and_says_when_it_cannot_come(
    browser: Client,
    apps: Apps,
) -> Result<(), Failed> {
    // The wasm never comes.
    devtools::block_urls(&browser, &["*.wasm"]).await?;
    let page = Page::new(browser, apps.api);
    page.open("").await?;
    page.wait_text("header", "Partner Center migration assistant")
        .await?;
    page.wait_text("footer", "Help and next steps").await?;
    // In place of the loading state, the app's own words for a service it cannot reach.
    page.wait_text(
        "main .pma-problem[role=alert]",
        "The service could not be reached. Check your internet connection, then try again.",
    )
    .await?;
    assert!(
        !page.has("main [aria-busy=true]").await,
        "nothing is said to be loading any more"
    );
    Ok(())
}

/// Before the page's own scripts: the layout shift so far (`window.pmaShift`, as the Layout
/// Instability API reports it), and what it was once the app had replaced the page's frame and the
/// browser had drawn that twice (`window.pmaShiftAtTakeover`).
const SHIFTS: &str = r#"
window.pmaShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.pmaShift += entry.value;
}).observe({ type: 'layout-shift', buffered: true });
new MutationObserver((_, observer) => {
  if (document.querySelector('header.pma-header:not([data-frame])')) {
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
      window.pmaShiftAtTakeover = window.pmaShift;
    })));
  }
}).observe(document, { childList: true, subtree: true });
"#;

async fn nothing_moves_as_the_app_takes_over_the_frame_and_shows_the_accounts(
    browser: Client,
    apps: Apps,
) -> Result<(), Failed> {
    // A slower CPU, as the benchmark's: the frame shows for longer before the app takes it over.
    browser.goto("about:blank").await?;
    devtools::throttle_cpu(&browser, 4).await?;
    devtools::run_before_each_document(&browser, SHIFTS).await?;
    let page = Page::new(browser, apps.api);
    page.open_overview().await?;
    let at_takeover = page
        .until("the layout shift at the takeover", || async {
            let shift = page
                .browser
                .execute("return window.pmaShiftAtTakeover ?? null;", vec![])
                .await
                .ok()?;
            shift.as_f64()
        })
        .await?;
    assert_eq!(
        at_takeover, 0.0,
        "the app's first view is the frame, in the same place"
    );
    // Shifts are reported after the frame that made them is drawn.
    page.browser
        .execute_async(
            "requestAnimationFrame(() => requestAnimationFrame(() => arguments[0]()));",
            vec![],
        )
        .await?;
    let shift = page
        .browser
        .execute("return window.pmaShift;", vec![])
        .await?;
    assert_eq!(
        shift.as_f64(),
        Some(0.0),
        "nothing moved as the accounts came either"
    );
    Ok(())
}

/// The resource timings of the requests whose address ends with `end`.
async fn requests_to(page: &Page, end: &str) -> Result<Vec<Value>, Failed> {
    let entries = page
        .browser
        .execute(
            "return performance.getEntriesByType('resource')
                .filter((e) => e.name.endsWith(arguments[0]))
                .map((e) => ({ start: e.startTime, initiator: e.initiatorType }));",
            vec![json!(end)],
        )
        .await?;
    Ok(entries.as_array().cloned().unwrap_or_default())
}

async fn the_first_screens_requests_start_from_the_page_and_the_app_takes_their_answers(
    browser: Client,
    apps: Apps,
) -> Result<(), Failed> {
    let page = Page::new(browser, apps.api.clone());
    page.open_overview().await?;
    let (start_up, glue) = (built_file("start.js")?, built_file("assistant-web.js")?);
    let sent = devtools::requests(&page.browser).await?;
    for path in ["/v1/config", "/v1/accounts"] {
        let asked: Vec<_> = sent
            .iter()
            .filter(|request| request.path_on(&apps.api) == Some(path))
            .collect();
        assert_eq!(
            asked.len(),
            1,
            "one request of {path}, whose answer the app took: {asked:?}"
        );
        let scripts = &asked[0].scripts;
        assert!(
            scripts.iter().any(|script| script.ends_with(&start_up))
                && !scripts.iter().any(|script| script.ends_with(&glue)),
            "{path} was asked by the page's start.js, not by the app: {scripts:?}"
        );
    }
    Ok(())
}

async fn an_early_request_that_fails_is_asked_again_by_the_app(
    browser: Client,
    apps: Apps,
) -> Result<(), Failed> {
    let page = Page::new(browser, apps.api);
    page.open_on("help", "Help and next steps").await?;
    // The next request for the accounts, the page's own at the overview's load, is cut.
    set_faults(
        &page,
        json!([{ "method": "GET", "path": "/v1/accounts", "times": 1,
                 "fault": { "kind": "drop_connection" } }]),
    )
    .await?;
    page.open_overview().await?;
    assert!(
        !page.has(".pma-problem").await,
        "the app asked again itself, and showed no problem"
    );
    Ok(())
}

async fn on_the_demo_backend_its_chunks_come_beside_the_wasm(page: Page) -> Result<(), Failed> {
    page.open_overview().await?;
    for chunk in ["split_demo.wasm"] {
        let name = built_file(chunk)?;
        let requests = requests_to(&page, &name).await?;
        assert_eq!(
            requests.len(),
            1,
            "{chunk} is fetched once, by the page's preload, and the app takes it: {requests:?}"
        );
        assert_eq!(
            requests[0]["initiator"], "link",
            "{chunk} is preloaded by the page"
        );
    }
    Ok(())
}

async fn a_widgets_own_code_comes_beside_the_wasm(page: Page) -> Result<(), Failed> {
    page.open("examples/portal.html").await?;
    wait_widget_heading(&page, "second", "Migrera ditt konto till Partnercenter").await?;
    let name = built_file("split_widget.wasm")?;
    let requests = requests_to(&page, &name).await?;
    assert_eq!(
        requests.len(),
        1,
        "the widget's chunk is fetched once, by widget.js's preload: {requests:?}"
    );
    assert_eq!(requests[0]["initiator"], "link", "widget.js preloads it");
    Ok(())
}

pub fn tests(harness: &Harness) -> Vec<Trial> {
    vec![
        harness.trial(
            "first_paint::a_swedish_browser_shows_swedish_from_the_first_frame [api]",
            a_swedish_browser_shows_swedish_from_the_first_frame,
        ),
        harness.trial(
            "first_paint::the_frame_shows_without_the_wasm_and_says_when_it_cannot_come [api]",
            the_frame_shows_without_the_wasm_and_says_when_it_cannot_come,
        ),
        harness.trial(
            "first_paint::nothing_moves_as_the_app_takes_over_the_frame_and_shows_the_accounts [api]",
            nothing_moves_as_the_app_takes_over_the_frame_and_shows_the_accounts,
        ),
        harness.trial_recording_requests(
            "first_paint::the_first_screens_requests_start_from_the_page_and_the_app_takes_their_answers [api]",
            the_first_screens_requests_start_from_the_page_and_the_app_takes_their_answers,
        ),
        harness.trial(
            "first_paint::an_early_request_that_fails_is_asked_again_by_the_app [api]",
            an_early_request_that_fails_is_asked_again_by_the_app,
        ),
        harness.on_static_host(
            "first_paint::on_the_demo_backend_its_chunks_come_beside_the_wasm [demo]",
            on_the_demo_backend_its_chunks_come_beside_the_wasm,
        ),
        harness.on_portal(
            "first_paint::a_widgets_own_code_comes_beside_the_wasm",
            a_widgets_own_code_comes_beside_the_wasm,
        ),
    ]
}
