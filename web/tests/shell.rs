#![cfg(target_arch = "wasm32")]
//! The application shell in a real browser.

use assistant_web::App;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount_app() -> web_sys::HtmlElement {
    let document = document();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    // No config.json: the app runs on its demo backend.
    let config = js_sys::Promise::resolve(&JsValue::NULL);
    leptos::mount::mount_to(host.clone(), move || view! { <App config/> }).forget();
    host
}

fn element(host: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

/// Waits (up to 10 seconds) for an element: screens show once the configuration has loaded.
async fn wait_for(host: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    for _ in 0..200 {
        if let Some(found) = host.query_selector(selector).unwrap() {
            return found.unchecked_into();
        }
        let pause = js_sys::Promise::new(&mut |resolve, _| {
            window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(pause).await.unwrap();
    }
    panic!("no element matches {selector} after 10 seconds")
}

fn page_language() -> Option<String> {
    document().document_element().unwrap().get_attribute("lang")
}

#[wasm_bindgen_test]
async fn switching_language_changes_the_heading_and_the_page_language() {
    let host = mount_app();
    let swedish = element(&host, "button[lang=sv]");
    let english = element(&host, "button[lang=en]");
    wait_for(&host, "h1").await;

    swedish.click();
    tick().await;
    assert_eq!(
        element(&host, "h1").text_content().unwrap(),
        "Migrera ditt konto till Partnercenter"
    );
    assert_eq!(page_language().as_deref(), Some("sv"));
    assert_eq!(
        swedish.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );

    english.click();
    tick().await;
    assert_eq!(
        element(&host, "h1").text_content().unwrap(),
        "Migrate your account to Partner Center"
    );
    assert_eq!(page_language().as_deref(), Some("en"));
    assert_eq!(
        swedish.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
}
