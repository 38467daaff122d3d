//! Help and next steps (SPEC §2.6): where to get help, the Microsoft Partner Network, and what to
//! do once everything is moved.

use leptos::html;
use leptos::prelude::*;

use assistant_core::config::HttpsUrl;

use crate::context::Settings;
use crate::i18n::{Locale, text};
use crate::route::Screen;
use crate::ui::external_link::ExternalLink;
use crate::ui::page::{BackLink, use_page};

/// The help page.
#[component]
pub fn HelpPage() -> impl IntoView {
    let settings = expect_context::<Settings>();
    let link = move |pick: fn(&assistant_core::config::Links) -> &HttpsUrl| {
        Signal::derive(move || settings.with(|s| pick(&s.links).clone()))
    };
    let heading = NodeRef::<html::H1>::new();
    use_page(
        |locale| locale.help_title().into(),
        Signal::derive(|| false),
        heading,
    );
    view! {
        <BackLink to=Screen::Overview/>
        <h1 class="pma-heading-xl" node_ref=heading tabindex="-1">{text(Locale::help_title)}</h1>
        <h2 class="pma-heading-m">{text(Locale::help_get_help_heading)}</h2>
        <ul class="pma-list">
            <li>
                <ExternalLink href=link(|l| &l.community_call)>{text(Locale::help_community_call)}</ExternalLink>
                <p class="pma-hint">{text(Locale::help_community_call_hint)}</p>
            </li>
            <li>
                <ExternalLink href=link(|l| &l.support_ticket)>{text(Locale::help_support_ticket)}</ExternalLink>
                <p class="pma-hint">{text(Locale::help_support_ticket_hint)}</p>
            </li>
        </ul>
        <h2 class="pma-heading-m">{text(Locale::help_mpn_heading)}</h2>
        <ul class="pma-list">
            <li><ExternalLink href=link(|l| &l.mpn_signup)>{text(Locale::enrol_step_sign_up)}</ExternalLink></li>
            <li><ExternalLink href=link(|l| &l.mpn_membership)>{text(Locale::enrol_membership_link)}</ExternalLink></li>
            <li><ExternalLink href=link(|l| &l.isv_resource_hub)>{text(Locale::isv_resource_hub_link)}</ExternalLink></li>
        </ul>
        <h2 class="pma-heading-m">{text(Locale::help_next_heading)}</h2>
        <p class="pma-body">{text(Locale::help_next)}</p>
        <p class="pma-body">
            <ExternalLink href=link(|l| &l.marketplace_overview)>{text(Locale::help_manage_marketplace)}</ExternalLink>
        </p>
    }
}

/// An address the assistant does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let heading = NodeRef::<html::H1>::new();
    use_page(
        |locale| locale.not_found_title().into(),
        Signal::derive(|| false),
        heading,
    );
    view! {
        <h1 class="pma-heading-xl" node_ref=heading tabindex="-1">{text(Locale::not_found_title)}</h1>
        <p class="pma-body">{text(Locale::not_found_text)}</p>
        <p class="pma-body">
            <crate::route::ScreenLink to=Screen::Overview>{text(Locale::go_to_accounts)}</crate::route::ScreenLink>
        </p>
    }
}
