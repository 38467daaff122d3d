//! What every screen finds in context, whichever shell shows it: the API client, the flow's
//! settings, the one account a host names, and (as `Shared`) what a page's handlers take with
//! them. A leaf: it imports no screen. (The language is in context as an `RwSignal<Locale>`, the
//! navigation as `route::Navigator`, the live region as `ui::page::Announcer`.)

use assistant_core::config::FlowConfig;
use leptos::prelude::*;

use crate::backend::client::Client;
use crate::i18n::Locale;
use crate::placement::Placement;
use crate::route::Navigator;
use crate::ui::page::Announcer;

/// The API client, in context for every screen.
#[derive(Clone, Copy)]
pub struct Api(StoredValue<Client, LocalStorage>);

impl Api {
    /// The handle of `client`.
    pub fn new(client: Client) -> Self {
        Self(StoredValue::new_local(client))
    }

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
    /// The settings `config` gives.
    pub fn new(config: Signal<FlowConfig>) -> Self {
        Self(config)
    }

    /// The configuration.
    pub fn get(&self) -> FlowConfig {
        self.0.get()
    }

    /// Reads the configuration without cloning it.
    pub fn with<T>(&self, read: impl FnOnce(&FlowConfig) -> T) -> T {
        self.0.with(read)
    }

    /// The offers' deadline as `locale` writes a date ("15 October 2019").
    pub fn offers_deadline(&self, locale: crate::i18n::Locale) -> String {
        self.with(|config| crate::i18n::wording::date(locale, config.offers_deadline))
    }
}

/// The one account a host page's widget is about, if it names one (the overview then shows only
/// that account).
#[derive(Clone, Copy)]
pub struct NamedAccount(pub Signal<Option<String>>);

/// What a page's handlers need from context, taken while the page is built (a handler runs
/// outside the component, where context cannot be looked up).
#[derive(Clone, Copy)]
pub struct Shared {
    /// The API client.
    pub api: Api,
    /// The language.
    pub locale: RwSignal<Locale>,
    /// The polite live region.
    pub announcer: Announcer,
    /// Navigation between screens.
    pub navigator: Navigator,
    /// Where the assistant is (the events a widget sends its host).
    pub placement: Placement,
}

impl Shared {
    /// Takes them from the context of the component being built.
    pub fn from_context() -> Self {
        Self {
            api: expect_context(),
            locale: expect_context(),
            announcer: expect_context(),
            navigator: expect_context(),
            placement: expect_context(),
        }
    }
}
