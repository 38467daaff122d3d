//! What every page shares: its document title, focus on arrival, the back link, the panel that
//! says a call failed (with Retry), and the polite live region for what happens in the background.

use leptos::html;
use leptos::prelude::*;

use crate::backend::client::ClientError;
use crate::host_event::HostEvent;
use crate::i18n::wording;
use crate::i18n::{Locale, text};
use crate::placement::Placement;
use crate::route::{Navigator, Screen, ScreenLink};

/// Keeps the document title as `{page} – {service}`, with "Error: " in front while the page shows
/// errors, and moves focus to the page's heading when the page was reached by navigation.
pub fn use_page(
    title: impl Fn(Locale) -> String + Send + Sync + 'static,
    has_errors: Signal<bool>,
    heading: NodeRef<html::H1>,
) {
    let locale = expect_context::<RwSignal<Locale>>();
    let navigator = expect_context::<Navigator>();
    let placement = expect_context::<Placement>();
    Effect::new(move |_| {
        // A widget leaves the host page's title alone.
        if !placement.is_page() {
            return;
        }
        let locale = locale.get();
        let page = title(locale);
        let title = if has_errors.get() {
            locale.title_with_error(&page)
        } else {
            locale.page_title(&page)
        };
        document().set_title(&title);
    });
    Effect::new(move |_| {
        if let Some(heading) = heading.get()
            && navigator.has_moved()
        {
            let _ = heading.focus();
        }
    });
}

/// The link back to the previous page.
#[component]
pub fn BackLink(
    /// Where it goes.
    to: Screen,
) -> impl IntoView {
    view! {
        <ScreenLink to=to class="pma-back-link">{text(Locale::back)}</ScreenLink>
    }
}

/// Says that a call failed, in plain words, with a button to try again. Answers are kept.
#[component]
pub fn ProblemPanel(
    /// What went wrong.
    #[prop(into)]
    error: Signal<ClientError>,
    /// Tries the call again.
    on_retry: Callback<()>,
    /// Whether the retry is under way (the button is disabled meanwhile).
    #[prop(into, optional)]
    pending: Signal<bool>,
    /// Whether the page holds answers the person gave: the panel then says they are kept.
    #[prop(optional)]
    with_answers: bool,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    let placement = expect_context::<Placement>();
    let words = move |locale: Locale, error: &ClientError| {
        if with_answers {
            wording::client_error_keeping_answers(locale, error)
        } else {
            wording::client_error(locale, error).to_owned()
        }
    };
    // The host hears of each problem shown (the kind, the contract's code if any, the words).
    Effect::new(move |_| {
        let error = error.get();
        placement.emit(HostEvent::FlowError {
            error: &error,
            message: words(locale.get_untracked(), &error),
        });
    });
    view! {
        <div class="pma-problem" role="alert">
            <h2 class="pma-heading-m">{text(Locale::problem_heading)}</h2>
            <p class="pma-body">{move || words(locale.get(), &error.get())}</p>
            <button
                type="button"
                class="pma-button pma-button--secondary"
                disabled=move || pending.get()
                on:click=move |_| on_retry.run(())
            >
                {text(Locale::try_again)}
            </button>
        </div>
    }
}

/// The polite live region: what is set here is read out by screen readers without moving focus.
#[derive(Clone, Copy)]
pub struct Announcer(RwSignal<String>);

impl Announcer {
    /// A new, empty announcer.
    pub fn new() -> Self {
        Self(RwSignal::new(String::new()))
    }

    /// Announces `message` (again, even when it is the same as the last one).
    pub fn say(&self, message: impl Into<String>) {
        let message = message.into();
        // A region whose text does not change is not read again: clear it first.
        self.0.set(String::new());
        let region = self.0;
        request_animation_frame(move || region.set(message));
    }
}

impl Default for Announcer {
    fn default() -> Self {
        Self::new()
    }
}

/// The region itself, once in the page.
#[component]
pub fn LiveRegion(announcer: Announcer) -> impl IntoView {
    view! {
        <div class="pma-visually-hidden" role="status" aria-live="polite">
            {move || announcer.0.get()}
        </div>
    }
}
