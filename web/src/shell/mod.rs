//! The shells: the whole page (`App`) and the widget in a host page (`Widget`), with the language
//! switcher and the demo marker; both show the same screens. What differs between the two places is
//! `placement.rs`, below the shells, where every screen can ask it.

pub mod demo_marker;
pub mod gate;
pub mod language_switcher;

use assistant_core::account::AccountId;
use leptos::prelude::*;

use crate::backend::client::{Client, HostToken, Token, Transport};
use crate::backend::config;
use crate::context::{Api, NamedAccount, Settings};
use crate::help::NotFoundPage;
use crate::host_event::HostEvent;
use crate::i18n::{Locale, browser_locale, text};
use crate::journey::shelf::Shelf;
use crate::overview::AccountsOverview;
use crate::parts::{Late, LatePart};
use crate::placement::Placement;
use crate::route::{Navigator, Screen, ScreenLink};
use crate::shell::demo_marker::DemoMarker;
use crate::shell::gate::SignInGate;
use crate::shell::language_switcher::LanguageSwitcher;
use crate::sign_in::SignedIn;
use crate::ui::loaded::{Loaded, loading};
use crate::ui::page::{Announcer, LiveRegion};

/// Which part of the app a screen belongs to: changing screens within a part keeps its state.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Overview,
    Help,
    NotFound,
    Journey(AccountId),
    Checklist(AccountId),
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

/// The context both shells provide: language, placement, navigation and the live region.
fn provide_shell(
    locale: RwSignal<Locale>,
    placement: Placement,
    navigator: Navigator,
) -> Announcer {
    provide_context(locale);
    provide_context(placement);
    provide_context(navigator);
    let announcer = Announcer::new();
    provide_context(announcer);
    // The language is marked for screen readers and hyphenation, on the page or the widget.
    Effect::new(move || placement.set_language(locale.get().tag()));
    announcer
}

/// The whole assistant as a page of its own; `config` promises the text of `config.json` (or null).
#[component]
pub fn App(config: js_sys::Promise) -> impl IntoView {
    let locale = RwSignal::new(browser_locale());
    let announcer = provide_shell(locale, Placement::page(), Navigator::standalone());
    provide_context(NamedAccount(Signal::derive(|| None)));

    let loaded = Loaded::new(move || config::read(config.clone()));
    // The operator's language comes before the browser's.
    Effect::new(move |_| {
        if let Some(chosen) = loaded
            .get()
            .and_then(|config| config.lang)
            .and_then(|lang| Locale::from_tag(&lang))
        {
            locale.set(chosen);
        }
    });
    let session = RwSignal::new_local(None::<SignedIn>);
    let placement = expect_context::<Placement>();
    let skip_to_main = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = placement.element_by_id("main-content") {
            let _ = main.focus();
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
                {move || session.get().map(|signed_in| {
                    let api_base = loaded.get().and_then(|config| config.api_base_url);
                    (signed_in.header)(signed_in.session, api_base)
                })}
                <LanguageSwitcher/>
            </div>
        </header>
        <div class="pma-width-container">
            <main id="main-content" class="pma-main" tabindex="-1">
                {move || match loaded.get() {
                    None => loading(Locale::loading),
                    Some(config) => match (config.auth.clone(), config.api_base_url.clone()) {
                        (Some(auth), Some(api_base)) => view! { <SignInGate auth api_base session/> }.into_any(),
                        _ => view! { <Assistant client=config.client()/> }.into_any(),
                    },
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

/// What a host page's `mount()` gives a widget, as it mounts it.
pub struct WidgetMount {
    /// The shadow root the widget lives in, the host's element's.
    pub root: web_sys::ShadowRoot,
    /// The element the widget renders into, inside `root`.
    pub container: web_sys::HtmlElement,
    /// The API's base URL; `None` runs the widget on the embedded demo backend.
    pub api_base: Option<String>,
    /// The host's `getToken`, asked before each API request.
    pub get_token: Option<js_sys::Function>,
    /// The account the host names (follows the element's `account` attribute).
    pub account: RwSignal<Option<String>>,
    /// The language (follows the element's `lang` attribute).
    pub locale: RwSignal<Locale>,
    /// Whether the host still wants it: `unmount()` may come before the widget's code.
    pub wanted: std::rc::Rc<std::cell::Cell<bool>>,
}

/// Mounts a widget, once its code is here (a chunk of its own in the release build, which
/// `widget.js` fetches beside the wasm: a page of its own never loads it). What it returns keeps
/// it mounted; nothing is mounted when the host no longer wants it.
pub async fn mount_widget(
    mount: WidgetMount,
) -> Result<Box<dyn std::any::Any>, crate::backend::Unavailable> {
    crate::backend::call_split!(widget(mount))
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(widget, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn widget(mount: WidgetMount) -> Result<Box<dyn std::any::Any>, crate::backend::Unavailable> {
    if !mount.wanted.get() {
        return Ok(Box::new(()));
    }
    let settings = WidgetSettings {
        api_base: mount.api_base,
        get_token: mount.get_token,
        account: mount.account,
        locale: mount.locale,
        placement: Placement::widget(
            // An element with a shadow root is an HTML element.
            wasm_bindgen::JsCast::unchecked_into(mount.root.host()),
            mount.root,
            mount.container.clone(),
        ),
    };
    Ok(Box::new(leptos::mount::mount_to(
        mount.container,
        move || {
            view! { <Widget settings/> }
        },
    )))
}

/// What a host page gives its widget.
pub struct WidgetSettings {
    /// The API's base URL; `None` runs the widget on the embedded demo backend.
    pub api_base: Option<String>,
    /// The host's `getToken`, asked before each API request.
    pub get_token: Option<js_sys::Function>,
    /// The account the host names (follows the element's `account` attribute).
    pub account: RwSignal<Option<String>>,
    /// The language (follows the element's `lang` attribute).
    pub locale: RwSignal<Locale>,
    /// Where the widget is in the host page.
    pub placement: Placement,
}

/// The assistant as a widget in a host page: its screens change inside it, never the host's
/// address or history.
#[component]
pub fn Widget(settings: WidgetSettings) -> impl IntoView {
    let account = settings.account;
    let navigator = Navigator::embedded(Screen::Overview);
    let announcer = provide_shell(settings.locale, settings.placement, navigator);
    provide_context(NamedAccount(account.into()));
    // Another account named by the host: show it from its start (its progress stays saved).
    Effect::new(move |previous: Option<Option<String>>| {
        let named = account.get();
        if previous.is_some_and(|previous| previous != named) {
            navigator.replace(Screen::Overview);
        }
        named
    });

    if settings.get_token.is_some() {
        // Whom the host's tokens name, for the saves: its code comes before the first request.
        crate::backend::person::preload();
    }
    let client = Client::new(match settings.api_base {
        Some(base_url) => Transport::Http {
            base_url: base_url.trim_end_matches('/').to_owned(),
            token: settings.get_token.map_or(Token::None, |get_token| {
                Token::Host(HostToken::new(get_token))
            }),
        },
        None => config::AppConfig::default().client_transport(),
    });
    view! {
        <div class="pma-widget">
            <div class="pma-widget__bar">
                <span class="pma-widget__name">{text(Locale::app_name)}</span>
                <LanguageSwitcher/>
            </div>
            <div class="pma-widget__content" role="region" aria-label=text(Locale::app_name)>
                <Assistant client/>
            </div>
            <p class="pma-widget__help">
                <ScreenLink to=Screen::Help>{text(Locale::help_title)}</ScreenLink>
            </p>
            <LiveRegion announcer/>
        </div>
    }
}

/// The screens, once the configuration says which backend to use.
#[component]
pub(crate) fn Assistant(client: Client) -> impl IntoView {
    let navigator = expect_context::<Navigator>();
    let placement = expect_context::<Placement>();
    let is_demo = client.is_demo();
    let api = Api::new(client);
    provide_context(api);
    let flow_config = Loaded::new(move || {
        let client = api.client();
        async move { client.config().await.ok() }
    });
    provide_context(Settings::new(Signal::derive(move || {
        flow_config.get().flatten().unwrap_or_default()
    })));

    // The host hears of every screen shown.
    Effect::new(move |_| {
        let screen = navigator.screen();
        placement.emit(HostEvent::StepStarted {
            step: screen.step(),
            account: screen.account(),
        });
    });

    // A demo reset forgets the demo's saved progress too (an API's stays), and shows every
    // screen afresh.
    let generation = RwSignal::new(0_u32);
    let reset_demo = Callback::new(move |()| {
        let client = api.client();
        client.reset_demo();
        Shelf::of(&client).clear();
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
                Part::Help => view! { <Late part=LatePart::Help/> }.into_any(),
                Part::NotFound => view! { <NotFoundPage/> }.into_any(),
                Part::Journey(id) => view! { <Late part=LatePart::Journey(id)/> }.into_any(),
                Part::Checklist(id) => view! { <Late part=LatePart::Checklist(id)/> }.into_any(),
            }
        }}
    }
}
