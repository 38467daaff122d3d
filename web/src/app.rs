//! The application shell: skip link, header with the language switcher, the main region with the
//! current screen, the footer, and the live region; and the context every screen shares.

use assistant_core::config::FlowConfig;
use leptos::prelude::*;

use crate::accounts_overview::AccountsOverview;
use crate::client::Client;
use crate::config;
use crate::demo_marker::DemoMarker;
use crate::help_page::{HelpPage, NotFoundPage};
use crate::i18n::{Locale, text};
use crate::journey::AccountJourney;
use crate::language_switcher::LanguageSwitcher;
use crate::offers_checklist::OffersChecklist;
use crate::page::{Announcer, LiveRegion};
use crate::progress;
use crate::route::{Navigator, Screen, ScreenLink};

/// The API client, in context for every screen.
#[derive(Clone, Copy)]
pub struct Api(StoredValue<Client, LocalStorage>);

impl Api {
    /// The client.
    pub fn client(&self) -> Client {
        self.0.get_value()
    }
}

/// The flow's configuration (deadline and links) as the API gives it; the source's defaults
/// until it has answered, or if it cannot.
#[derive(Clone, Copy)]
pub struct Settings(Signal<FlowConfig>);

impl Settings {
    /// The configuration.
    pub fn get(&self) -> FlowConfig {
        self.0.get()
    }

    /// Reads the configuration without cloning it.
    pub fn with<T>(&self, read: impl FnOnce(&FlowConfig) -> T) -> T {
        self.0.with(read)
    }
}

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

/// Which part of the app a screen belongs to: changing screens within a part keeps its state.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Overview,
    Help,
    NotFound,
    Journey(String),
    Checklist(String),
}

fn part(screen: &Screen) -> Part {
    match screen {
        Screen::Overview => Part::Overview,
        Screen::Help => Part::Help,
        Screen::NotFound => Part::NotFound,
        Screen::OffersChecklist(id) => Part::Checklist(id.clone()),
        Screen::Question(id, _) | Screen::Migration(id) | Screen::Confirmation(id) => {
            Part::Journey(id.clone())
        }
    }
}

/// The whole assistant.
#[component]
pub fn App() -> impl IntoView {
    let locale = RwSignal::new(browser_locale());
    provide_context(locale);
    let navigator = Navigator::standalone();
    provide_context(navigator);
    let announcer = Announcer::new();
    provide_context(announcer);

    Effect::new(move || {
        if let Some(root) = document().document_element() {
            // The page's language follows the chosen one, for screen readers and hyphenation.
            let _ = root.set_attribute("lang", locale.get().tag());
        }
    });

    let client = LocalResource::new(|| async { config::load().await.client() });
    let skip_to_main = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id("main-content") {
            use wasm_bindgen::JsCast;
            let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };

    view! {
        <a class="pma-skip-link" href="#main-content" on:click=skip_to_main>
            {text(Locale::skip_to_content)}
        </a>
        <header class="pma-header">
            <div class="pma-width-container pma-header__inner">
                <ScreenLink to=Screen::Overview class="pma-header__name">
                    {text(Locale::app_name)}
                </ScreenLink>
                <LanguageSwitcher/>
            </div>
        </header>
        <div class="pma-width-container">
            <main id="main-content" class="pma-main" tabindex="-1">
                {move || match client.get() {
                    Some(client) => view! { <Assistant client/> }.into_any(),
                    None => view! { <p class="pma-body" role="status">{locale.get().loading()}</p> }.into_any(),
                }}
            </main>
        </div>
        <footer class="pma-footer">
            <div class="pma-width-container">
                <ScreenLink to=Screen::Help>{text(Locale::help_title)}</ScreenLink>
            </div>
        </footer>
        <LiveRegion announcer/>
    }
}

/// The screens, once the configuration says which backend to use.
#[component]
fn Assistant(client: Client) -> impl IntoView {
    let navigator = expect_context::<Navigator>();
    let is_demo = client.is_demo();
    let api = Api(StoredValue::new_local(client));
    provide_context(api);
    let flow_config = LocalResource::new(move || {
        let client = api.client();
        async move { client.config().await.ok() }
    });
    provide_context(Settings(Signal::derive(move || {
        flow_config.get().flatten().unwrap_or_default()
    })));

    // A demo reset forgets the saved progress too, and shows every screen afresh.
    let generation = RwSignal::new(0_u32);
    let reset_demo = Callback::new(move |()| {
        api.client().reset_demo();
        progress::clear_all();
        navigator.go(Screen::Overview);
        generation.update(|g| *g += 1);
    });
    let current = Memo::new(move |_| part(&navigator.screen()));

    view! {
        <Show when=move || is_demo>
            <DemoMarker on_reset=reset_demo/>
        </Show>
        {move || {
            generation.track();
            match current.get() {
                Part::Overview => view! { <AccountsOverview/> }.into_any(),
                Part::Help => view! { <HelpPage/> }.into_any(),
                Part::NotFound => view! { <NotFoundPage/> }.into_any(),
                Part::Journey(account_id) => view! { <AccountJourney account_id/> }.into_any(),
                Part::Checklist(account_id) => view! { <OffersChecklist account_id/> }.into_any(),
            }
        }}
    }
}
