//! "Delete my answers", at the end of the check answers page: after a confirmation, the owner's
//! answers for the account go from this browser and, where the API keeps a draft, from the API
//! too; then they start again. If the API cannot be reached, nothing is forgotten and the
//! problem says so.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::backend::client::ClientError;
use crate::i18n::{Locale, text};
use crate::journey::state::Journey;
use crate::route::{Navigator, Screen};
use crate::ui::page::ProblemPanel;

/// The button, and the confirmation it opens.
#[component]
pub fn ForgetAnswers(journey: Journey) -> impl IntoView {
    let navigator = expect_context::<Navigator>();
    let asking = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let failure = RwSignal::new(None::<ClientError>);
    let everywhere = journey.drafts_to().is_some();
    let confirmation = NodeRef::<html::P>::new();
    Effect::new(move |_| {
        if asking.get()
            && let Some(confirmation) = confirmation.get()
        {
            let _ = confirmation.focus();
        }
    });
    let forget = move || {
        pending.set(true);
        failure.set(None);
        // Nothing more is sent meanwhile: a send under way must not make the draft again.
        journey.halt_drafts(true);
        spawn_local(async move {
            let forgotten = match journey.drafts_to() {
                Some(client) => client.forget_draft(&journey.account_id()).await,
                None => Ok(()),
            };
            pending.set(false);
            match forgotten {
                Ok(()) => {
                    journey.forget_here();
                    navigator.go(Screen::Overview);
                }
                Err(error) => {
                    journey.halt_drafts(false);
                    failure.set(Some(error));
                }
            }
        });
    };
    view! {
        {move || failure.get().map(|error| view! {
            <ProblemPanel error=error on_retry=Callback::new(move |()| forget()) pending=pending with_answers=true/>
        })}
        <Show
            when=move || asking.get()
            fallback=move || view! {
                <p class="pma-body">
                    <button
                        type="button"
                        class="pma-link-button"
                        id="forget-answers"
                        on:click=move |_| asking.set(true)
                    >
                        {text(Locale::forget_answers_button)}
                    </button>
                </p>
            }
        >
            <div class="pma-notice" role="group" aria-labelledby="pma-forget-confirm">
                <p class="pma-body" id="pma-forget-confirm" node_ref=confirmation tabindex="-1">
                    {text(if everywhere {
                        Locale::forget_answers_confirm_everywhere
                    } else {
                        Locale::forget_answers_confirm_here
                    })}
                </p>
                <div class="pma-button-group">
                    <button
                        type="button"
                        class="pma-button pma-button--warning"
                        disabled=move || pending.get()
                        on:click=move |_| forget()
                    >
                        {text(Locale::forget_answers_yes)}
                    </button>
                    <button
                        type="button"
                        class="pma-button pma-button--secondary"
                        on:click=move |_| asking.set(false)
                    >
                        {text(Locale::forget_answers_cancel)}
                    </button>
                </div>
            </div>
        </Show>
    }
}
