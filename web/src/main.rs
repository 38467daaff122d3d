//! The assistant's entry points for the browser. `app.js` starts the whole page; `widget.js`
//! mounts widgets in host pages. Nothing starts by itself: the start-up script chooses.

use assistant_web::i18n::Locale;
use assistant_web::i18n::browser_locale;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use assistant_web::shell::{self, App, WidgetMount};
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
    mounted: Rc<RefCell<Option<Box<dyn std::any::Any>>>>,
    wanted: Rc<Cell<bool>>,
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
        if self.wanted.replace(false) {
            drop(self.mounted.borrow_mut().take());
            self.account.dispose();
            self.locale.dispose();
        }
    }
}

/// Mounts a widget into `container`, inside the shadow root `root` of the host's element, once
/// its code is here; if that code cannot be fetched, the widget says the service could not be
/// reached, and gives `unreached` those words (`widget.js` tells the host, as a `flow-error` of
/// kind `network`: the code that sends the widget's other events is what did not come).
#[wasm_bindgen]
pub fn mount_widget(
    root: web_sys::ShadowRoot,
    container: web_sys::HtmlElement,
    api_base: Option<String>,
    account: Option<String>,
    lang: Option<String>,
    get_token: Option<js_sys::Function>,
    unreached: js_sys::Function,
) -> MountedWidget {
    let account = RwSignal::new(account.filter(|a| !a.is_empty()));
    let locale = RwSignal::new(language(lang));
    let mounted = Rc::new(RefCell::new(None));
    let wanted = Rc::new(Cell::new(true));
    let mount = WidgetMount {
        root,
        container: container.clone(),
        api_base,
        get_token,
        account,
        locale,
        wanted: Rc::clone(&wanted),
    };
    let (slot, wanted_now) = (Rc::clone(&mounted), Rc::clone(&wanted));
    // The browser's own queue: Leptos's runs from the first mount, which is this task's.
    wasm_bindgen_futures::spawn_local(async move {
        let mounted = shell::mount_widget(mount).await;
        // Unmounted while its code came: nothing is kept, nothing is said.
        if !wanted_now.get() {
            return;
        }
        match mounted {
            Ok(widget) => *slot.borrow_mut() = Some(widget),
            Err(_) => {
                // The widget's box says so, to everyone, and the host hears it.
                let words = locale
                    .try_get_untracked()
                    .unwrap_or_else(browser_locale)
                    .error_network();
                let _ = container.set_attribute("role", "alert");
                container.set_text_content(Some(words));
                let _ = unreached.call1(&JsValue::NULL, &JsValue::from_str(words));
            }
        }
    });
    MountedWidget {
        mounted,
        wanted,
        account,
        locale,
    }
}
