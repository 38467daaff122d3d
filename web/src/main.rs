//! The assistant's entry points for the browser. `app.js` starts the whole page; `widget.js`
//! mounts widgets in host pages. Nothing starts by itself: the start-up script chooses.

use assistant_web::i18n::Locale;
use assistant_web::i18n::browser_locale;
use assistant_web::placement::Placement;
use assistant_web::shell::{App, Widget, WidgetSettings};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

fn main() {}

/// Starts the assistant as the whole page. `config` is the start-up script's fetch of
/// `config.json`, begun while the wasm downloaded: a promise of its text, or of null.
#[wasm_bindgen]
pub fn start_standalone(config: js_sys::Promise) {
    leptos::mount::mount_to_body(move || view! { <App config/> });
}

/// A widget mounted in a host page.
#[wasm_bindgen]
pub struct MountedWidget {
    mounted: Option<Box<dyn std::any::Any>>,
    account: RwSignal<Option<String>>,
    locale: RwSignal<Locale>,
}

fn language(lang: Option<String>) -> Locale {
    lang.as_deref()
        .and_then(Locale::from_tag)
        .unwrap_or_else(browser_locale)
}

#[wasm_bindgen]
impl MountedWidget {
    /// Shows another account (the element's `account` attribute changed); saved progress stays.
    pub fn set_account(&self, account: Option<String>) {
        self.account.try_set(account.filter(|a| !a.is_empty()));
    }

    /// Speaks another language (the element's `lang` attribute changed); answers stay.
    pub fn set_lang(&self, lang: Option<String>) {
        self.locale.try_set(language(lang));
    }

    /// Removes the widget, its listeners and timers.
    pub fn unmount(&mut self) {
        if self.mounted.take().is_some() {
            self.account.dispose();
            self.locale.dispose();
        }
    }
}

/// Mounts a widget into `container`, inside the shadow root `root` of the host's `element`.
#[wasm_bindgen]
pub fn mount_widget(
    element: web_sys::HtmlElement,
    root: web_sys::ShadowRoot,
    container: web_sys::HtmlElement,
    api_base: Option<String>,
    account: Option<String>,
    lang: Option<String>,
    get_token: Option<js_sys::Function>,
) -> MountedWidget {
    let account = RwSignal::new(account.filter(|a| !a.is_empty()));
    let locale = RwSignal::new(language(lang));
    let settings = WidgetSettings {
        api_base,
        get_token,
        account,
        locale,
        placement: Placement::widget(element, root, container.clone()),
    };
    let mounted = leptos::mount::mount_to(container, move || view! { <Widget settings/> });
    MountedWidget {
        mounted: Some(Box::new(mounted)),
        account,
        locale,
    }
}
