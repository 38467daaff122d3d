//! The frame of a question page: the error summary, the panel of a call that failed (with Retry),
//! the form (the browser's own validation off) with its Continue button, pending while the answer
//! is checked, and the reminder that answers are saved.

use leptos::prelude::*;

use crate::client::ClientError;
use crate::error_summary::{ErrorSummary, FieldError};
use crate::i18n::{Locale, text};
use crate::page::ProblemPanel;

/// A question's form; its fields are the children.
#[component]
pub fn QuestionForm(
    /// The errors of the fields, for the summary.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
    /// The owner's attempts to go on (each one with errors moves focus to the summary).
    #[prop(into)]
    attempts: Signal<u32>,
    /// The call that failed, while it shows.
    #[prop(into)]
    failure: Signal<Option<ClientError>>,
    /// Whether the answer is being checked.
    #[prop(into)]
    pending: Signal<bool>,
    /// Continue, and Retry after a failed call.
    on_submit: Callback<()>,
    children: Children,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    view! {
        <ErrorSummary errors=errors attempts=attempts/>
        {move || {
            failure
                .get()
                .map(|error| view! { <ProblemPanel error=error on_retry=on_submit pending=pending/> })
        }}
        <form
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                on_submit.run(());
            }
        >
            {children()}
            <button type="submit" class="pma-button" disabled=move || pending.get()>
                {move || if pending.get() { locale.get().checking() } else { locale.get().continue_button() }}
            </button>
        </form>
        <p class="pma-body">{text(Locale::progress_is_saved)}</p>
    }
}
