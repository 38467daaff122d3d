#![cfg(target_arch = "wasm32")]
//! Components with logic of their own, in a real browser: the error summary and the progress bar.

use assistant_web::i18n::Locale;
use assistant_web::placement::Placement;
use assistant_web::ui::error_summary::{ErrorSummary, FieldError};
use assistant_web::ui::progress_bar::ProgressBar;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a view in a fresh element of the page, in `locale`.
fn mount<V: IntoView + 'static>(
    locale: RwSignal<Locale>,
    view: impl FnOnce() -> V + 'static,
) -> web_sys::HtmlElement {
    let document = document();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), move || {
        provide_context(locale);
        provide_context(Placement::page());
        view()
    })
    .forget();
    host
}

fn find(host: &web_sys::HtmlElement, selector: &str) -> Option<web_sys::HtmlElement> {
    host.query_selector(selector)
        .unwrap()
        .map(JsCast::unchecked_into)
}

/// Waits for the browser to draw a frame (focus moves after drawing).
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn active_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_error_summary_links_each_error_to_its_field_and_takes_focus_on_each_attempt() {
    let locale = RwSignal::new(Locale::En);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let attempts = RwSignal::new(0_u32);
    let host = mount(locale, move || {
        view! {
            <ErrorSummary errors=errors attempts=attempts/>
            <input id="summary-test-field"/>
        }
    });
    tick().await;
    assert!(
        find(&host, ".pma-error-summary").is_none(),
        "no errors, no summary"
    );

    errors.set(vec![FieldError {
        field_id: "summary-test-field",
        message: "Enter your work email address".into(),
    }]);
    attempts.set(1);
    tick().await;
    next_frame().await;
    let summary = find(&host, ".pma-error-summary").expect("a summary");
    assert_eq!(
        find(&host, "h2").unwrap().text_content().unwrap(),
        "There is a problem"
    );
    let link = find(&host, ".pma-error-summary a").unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("#summary-test-field")
    );
    assert_eq!(
        link.text_content().unwrap(),
        "Enter your work email address"
    );
    assert_eq!(
        document().active_element().unwrap(),
        summary.clone().into(),
        "focus on the summary"
    );

    link.click();
    assert_eq!(
        active_id(),
        "summary-test-field",
        "the link moves focus to the field"
    );

    // Errors changing as the owner types do not take focus from the field.
    errors.set(Vec::new());
    tick().await;
    errors.set(vec![FieldError {
        field_id: "summary-test-field",
        message: "Enter an email address in the correct format, like name@example.com".into(),
    }]);
    tick().await;
    next_frame().await;
    assert_eq!(active_id(), "summary-test-field");

    locale.set(Locale::Sv);
    tick().await;
    assert_eq!(
        find(&host, "h2").unwrap().text_content().unwrap(),
        "Det finns ett problem"
    );
}

#[wasm_bindgen_test]
async fn the_progress_bar_says_how_much_is_done_in_words_and_to_assistive_technology() {
    let locale = RwSignal::new(Locale::En);
    let done = RwSignal::new(3_usize);
    let host = mount(
        locale,
        move || view! { <ProgressBar done=done total=10_usize/> },
    );
    tick().await;
    let bar = find(&host, "[role=progressbar]").unwrap();
    assert_eq!(
        find(&host, ".pma-progress__text")
            .unwrap()
            .text_content()
            .unwrap(),
        "3 of 10 done"
    );
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("3"));
    assert_eq!(bar.get_attribute("aria-valuemax").as_deref(), Some("10"));
    assert_eq!(
        bar.get_attribute("aria-valuetext").as_deref(),
        Some("3 of 10 done")
    );
    assert_eq!(
        bar.get_attribute("aria-label").as_deref(),
        Some("Checklist progress")
    );
    let fill = find(&host, ".pma-progress__fill").unwrap();
    assert_eq!(fill.style().get_property_value("width").unwrap(), "30%");

    done.set(4);
    locale.set(Locale::Sv);
    tick().await;
    assert_eq!(
        find(&host, ".pma-progress__text")
            .unwrap()
            .text_content()
            .unwrap(),
        "4 av 10 klara"
    );
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("4"));
    assert_eq!(fill.style().get_property_value("width").unwrap(), "40%");
}
