//! The application shell: skip link, header with the language switcher, and the main region.

use leptos::prelude::*;

use crate::i18n::Locale;
use crate::language_switcher::LanguageSwitcher;

/// The language the browser asks for, from `navigator.languages`.
fn browser_locale() -> Locale {
    let languages = web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|list| {
            list.iter()
                .filter_map(|v| v.as_string())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    Locale::negotiate(languages.iter().map(String::as_str))
}

/// The whole assistant.
#[component]
pub fn App() -> impl IntoView {
    let locale = RwSignal::new(browser_locale());
    provide_context(locale);

    Effect::new(move || {
        let locale = locale.get();
        let document = document();
        if let Some(root) = document.document_element() {
            // The page's language follows the chosen one, for screen readers and hyphenation.
            let _ = root.set_attribute("lang", locale.tag());
        }
        document.set_title(locale.app_name());
    });

    view! {
        <a class="pma-skip-link" href="#main-content">{move || locale.get().skip_to_content()}</a>
        <header class="pma-header">
            <div class="pma-width-container pma-header__inner">
                <span class="pma-header__name">{move || locale.get().app_name()}</span>
                <LanguageSwitcher/>
            </div>
        </header>
        <div class="pma-width-container">
            <main id="main-content" class="pma-main" tabindex="-1">
                <h1 class="pma-heading-xl">{move || locale.get().start_heading()}</h1>
                <p class="pma-body-l">{move || locale.get().start_lead()}</p>
            </main>
        </div>
    }
}
