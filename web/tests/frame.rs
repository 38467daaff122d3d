#![cfg(target_arch = "wasm32")]
//! The page's frame in `index.html` is the app's first view: the same elements, attributes and
//! words, in each language, once `start.js` has given it the browser's language. The app takes the
//! frame over with nothing moving only while they are the same.

use assistant_web::App;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PAGE: &str = include_str!("../../index.html");
const START_JS: &str = include_str!("../js/start.js");

/// The markup of `host`'s children, written the same way whoever made it: no comments, no
/// scripts or templates, whitespace between words as one space, classes as a list, attributes in order of name,
/// links as the addresses they go to, and without the frame's own marks (`data-frame`, `data-sv*`).
const CANONICAL: &str = r#"
const canon = (node) => {
  if (node.nodeType === Node.TEXT_NODE) {
    const text = node.textContent.replace(/\s+/g, ' ').trim();
    return text ? JSON.stringify(text) : '';
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return '';
  const tag = node.localName;
  if (tag === 'script' || tag === 'noscript' || tag === 'template') return '';
  const attributes = [...node.attributes]
    .filter(({ name }) => name !== 'data-frame' && !name.startsWith('data-sv'))
    .map(({ name, value }) => {
      if (name === 'href') return `href=${node.href}`;
      if (name === 'class') return `class=${value.split(/\s+/).filter(Boolean).join(' ')}`;
      return `${name}=${value}`;
    })
    .sort();
  return `<${[tag, ...attributes].join(' ')}>${[...node.childNodes].map(canon).join('')}</${tag}>`;
};
return [...host.childNodes].map(canon).filter(Boolean).join('\n');
"#;

fn canonical(host: &web_sys::Element) -> String {
    js_sys::Function::new_with_args("host", CANONICAL)
        .call1(&JsValue::NULL, host)
        .unwrap()
        .as_string()
        .unwrap()
}

/// The browser's languages, as the app and `start.js` read them.
fn browser_languages(tags: &[&str]) {
    let list = tags
        .iter()
        .map(|tag| format!("'{tag}'"))
        .collect::<Vec<_>>()
        .join(", ");
    js_sys::eval(&format!(
        "Object.defineProperty(navigator, 'languages', {{ get: () => [{list}], configurable: true }})"
    ))
    .unwrap();
}

fn new_host() -> web_sys::HtmlElement {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    host
}

/// What `read` reads of the frame as a browser whose languages are `tags` shows it: the body of
/// `index.html` (the project's own static page, not data) in a fresh element, then `start.js` run
/// over it.
fn in_frame<T>(tags: &[&str], read: impl FnOnce(&web_sys::Element) -> T) -> T {
    browser_languages(tags);
    let body = PAGE
        .split_once("<body>")
        .and_then(|(_, rest)| rest.split_once("</body>"))
        .expect("index.html has a body")
        .0;
    let host = new_host();
    host.set_inner_html(body);
    js_sys::eval(START_JS).unwrap();
    let read = read(&host);
    host.remove();
    read
}

/// The frame as a browser whose languages are `tags` shows it: the body of `index.html`, then
/// `start.js` run over it.
fn frame(tags: &[&str]) -> String {
    in_frame(tags, canonical)
}

/// The app's first view as a browser whose languages are `tags` shows it: before `config.json`
/// has come.
fn first_view(tags: &[&str]) -> String {
    browser_languages(tags);
    let host = new_host();
    let config = js_sys::Promise::new(&mut |_, _| {});
    let mounted = leptos::mount::mount_to(host.clone(), move || view! { <App config/> });
    let markup = canonical(&host);
    drop(mounted);
    host.remove();
    markup
}

#[wasm_bindgen_test]
fn the_frame_is_the_apps_first_view_in_english() {
    let tags = ["en-GB", "en"];
    assert_eq!(frame(&tags), first_view(&tags));
    assert!(frame(&tags).contains("\"Loading…\""));
}

#[wasm_bindgen_test]
fn the_frame_is_the_apps_first_view_in_swedish() {
    // Swedish of any region, after a language the app does not speak.
    let tags = ["de-DE", "sv-FI"];
    let frame = frame(&tags);
    assert_eq!(frame, first_view(&tags));
    assert!(frame.contains("\"Läser in…\""), "{frame}");
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("sv")
    );
}

/// The words of what the frame shows if the app cannot start (`#pma-unavailable`), after
/// `start.js`, in a browser whose languages are `tags`.
fn unavailable(tags: &[&str]) -> Vec<String> {
    let words = in_frame(tags, |host| {
        js_sys::Function::new_with_args(
            "host",
            "const template = host.querySelector('#pma-unavailable');
             return [...template.content.querySelectorAll('h2, p, button')].map((e) => e.textContent);",
        )
        .call1(&JsValue::NULL, host)
        .unwrap()
    });
    js_sys::Array::from(&words)
        .iter()
        .filter_map(|word| word.as_string())
        .collect()
}

#[wasm_bindgen_test]
fn the_frames_problem_says_what_the_apps_does_when_the_service_cannot_be_reached() {
    use assistant_web::i18n::Locale;
    for (tags, locale) in [(["en-GB"], Locale::En), (["sv-SE"], Locale::Sv)] {
        assert_eq!(
            unavailable(&tags),
            [
                locale.problem_heading(),
                locale.error_network(),
                locale.try_again()
            ],
            "{tags:?}"
        );
    }
}
