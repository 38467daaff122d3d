//! The application shell: skip link, header with the language switcher, and the main region.

use leptos::prelude::*;

use crate::accounts_overview::AccountsOverview;
use crate::client::Client;
use crate::config;
use crate::demo_marker::DemoMarker;
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

    // The configuration says which backend to use; the client then loads the accounts.
    let session = LocalResource::new(|| async {
        let client = config::load().await.client();
        let accounts = client.accounts().await;
        (client, accounts)
    });
    let client = move || session.get().map(|(client, _)| client);
    let accounts = Signal::derive(move || session.get().map(|(_, accounts)| accounts));
    let reload = Callback::new(move |()| session.refetch());
    let reset_demo = Callback::new(move |()| {
        if let Some(client) = client() {
            client.reset_demo();
        }
        session.refetch();
    });
    let is_demo = move || client().as_ref().is_some_and(Client::is_demo);

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
                <Show when=is_demo>
                    <DemoMarker on_reset=reset_demo/>
                </Show>
                <h1 class="pma-heading-xl">{move || locale.get().start_heading()}</h1>
                <p class="pma-body-l">{move || locale.get().start_lead()}</p>
                <AccountsOverview accounts=accounts on_retry=reload/>
            </main>
        </div>
    }
}
