//! A link out of the assistant: it opens in a new tab (so nothing typed here is lost) and says so.

use assistant_core::config::HttpsUrl;
use leptos::prelude::*;

use crate::i18n::{Locale, text};

/// A link to another site, opening in a new tab.
#[component]
pub fn ExternalLink(
    /// The address (from the configuration's links): an `https:` one, by its type.
    #[prop(into)]
    href: Signal<HttpsUrl>,
    children: Children,
) -> impl IntoView {
    view! {
        <a class="pma-link" href=move || href.with(|url| url.as_str().to_owned()) target="_blank" rel="noopener noreferrer">
            {children()}
            <span class="pma-visually-hidden">" " {text(Locale::opens_in_new_tab)}</span>
        </a>
    }
}
