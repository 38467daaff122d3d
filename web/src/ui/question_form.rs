//! The frame of a question page: the error summary, the panel of a call that failed (with Retry),
//! the form (the browser's own validation off) with its Continue button, pending while the answer
//! is checked, and the reminder that answers are saved.

use leptos::prelude::*;

use crate::backend::client::ClientError;
use crate::i18n::{Locale, text};
use crate::ui::error_summary::{ErrorMessage, ErrorSummary, Field, FieldError};
use crate::ui::page::ProblemPanel;

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
                .map(|error| view! { <ProblemPanel error=error on_retry=on_submit pending=pending with_answers=true/> })
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

/// A question's text field after its hint and, while there is one, its error message (both
/// describe it); what is typed is saved as it is typed. The children are the hint.
#[component]
pub fn FieldInput(
    /// The field's ids.
    field: Field,
    /// Its `name` attribute.
    name: &'static str,
    /// Its `type` (`email`, `text`).
    input_type: &'static str,
    /// Its `autocomplete` attribute.
    autocomplete: &'static str,
    /// Its `inputmode`, when the keyboard should be a particular one (`numeric`).
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// Extra classes (widths).
    #[prop(optional)]
    class: &'static str,
    /// What it holds.
    #[prop(into)]
    value: Signal<String>,
    /// Its error message, while it is in error.
    #[prop(into)]
    message: Signal<Option<String>>,
    /// Called with what is typed.
    on_input: Callback<String>,
    children: Children,
) -> impl IntoView {
    let in_error = move || message.with(Option::is_some);
    view! {
        <div class="pma-hint" id=field.hint>{children()}</div>
        <ErrorMessage id=field.message message=message/>
        <input
            class=format!("pma-input {class}")
            class:pma-input--error=in_error
            id=field.id
            name=name
            type=input_type
            inputmode=inputmode
            autocomplete=autocomplete
            spellcheck="false"
            aria-describedby=move || field.described_by(in_error())
            aria-invalid=move || in_error().to_string()
            prop:value=move || value.get()
            on:input:target=move |ev| on_input.run(ev.target().value())
        />
    }
}
