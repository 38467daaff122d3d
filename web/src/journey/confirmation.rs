//! The confirmation: the account is migrated, with its reference, what happens next, the way to
//! Partner Center, the offers checklist when the account has offers to move, and a way to print.

use assistant_core::checklist;
use leptos::html;
use leptos::prelude::*;

use crate::context::{Api, Settings};
use crate::i18n::{Locale, text};
use crate::journey::state::Journey;
use crate::route::{Screen, ScreenLink};
use crate::ui::external_link::ExternalLink;
use crate::ui::loaded::Loaded;
use crate::ui::page::use_page;

/// The confirmation page.
#[component]
pub fn ConfirmationPage(
    /// The account's journey.
    journey: Journey,
) -> impl IntoView {
    let api = expect_context::<Api>();
    let settings = expect_context::<Settings>();
    let locale = expect_context::<RwSignal<Locale>>();
    let account_name = journey.account_name();
    let offers_move = Loaded::new(move || {
        let (client, id) = (api.client(), journey.account_id());
        async move {
            client
                .offers(&id)
                .await
                .is_ok_and(|offers| checklist::any_offer_moves(&offers))
        }
    });

    let heading = NodeRef::<html::H1>::new();
    use_page(
        |locale| locale.confirmation_title().into(),
        Signal::derive(|| false),
        heading,
    );
    let name = account_name.clone();
    view! {
        <MigratedPanel journey heading/>
        <h2 class="pma-heading-m">{text(Locale::what_happens_next)}</h2>
        <p class="pma-body">{move || locale.get().confirmation_next(&name)}</p>
        <p class="pma-body">
            <ExternalLink href=Signal::derive(move || settings.get().links.manage_account)>
                {move || locale.get().manage_in_partner_center(&account_name)}
            </ExternalLink>
        </p>
        <Show when=move || offers_move.get() == Some(true)>
            <h2 class="pma-heading-m">{text(Locale::confirmation_offers_heading)}</h2>
            <p class="pma-body">
                {move || {
                    let locale = locale.get();
                    locale.confirmation_offers(&settings.offers_deadline(locale))
                }}
            </p>
            <p class="pma-body">
                <ScreenLink to=Screen::OffersChecklist(journey.account_id())>
                    {text(Locale::open_offers_checklist)}
                </ScreenLink>
            </p>
        </Show>
        <p class="pma-body pma-no-print">
            <button type="button" class="pma-link-button" on:click=move |_| { let _ = window().print(); }>
                {text(Locale::print_page)}
            </button>
        </p>
    }
}

/// The panel that says the account is migrated, with the migration's reference once read.
#[component]
fn MigratedPanel(
    /// The account's journey.
    journey: Journey,
    /// The page's heading, focused on arrival.
    heading: NodeRef<html::H1>,
) -> impl IntoView {
    let api = expect_context::<Api>();
    let locale = expect_context::<RwSignal<Locale>>();
    let reference = Loaded::new(move || {
        let (client, id) = (api.client(), journey.account_id());
        async move {
            client
                .migration(&id)
                .await
                .ok()
                .and_then(|state| state.reference)
        }
    });
    view! {
        <div class="pma-panel">
            <h1 class="pma-panel__title" node_ref=heading tabindex="-1">
                {text(Locale::confirmation_title)}
            </h1>
            <div class="pma-panel__body">
                {move || {
                    reference
                        .get()
                        .flatten()
                        .map(|reference| {
                            view! {
                                {locale.get().confirmation_reference()}
                                <br/>
                                <strong data-reference="">{reference}</strong>
                            }
                        })
                }}
            </div>
        </div>
    }
}
