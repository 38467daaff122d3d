//! The error summary: "There is a problem" at the top of the page, one link per field in error
//! with the same words as beside the field. It takes focus each time the owner presses Continue
//! and errors remain, so a screen reader reads them at once.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::{Locale, text};
use crate::placement::Placement;

/// An error of one field: the field's `id`, and the message shown beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The `id` of the field (the link goes there).
    pub field_id: &'static str,
    /// The message.
    pub message: String,
}

/// A question page's one field, for the summary and the field's description.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The field's `id`.
    pub id: &'static str,
    /// The `id` of its hint.
    pub hint: &'static str,
    /// The `id` of the message beside it.
    pub message: &'static str,
}

impl Field {
    /// The summary's list: this field's message, while there is one.
    pub fn errors(self, message: Signal<Option<String>>) -> Signal<Vec<FieldError>> {
        Signal::derive(move || {
            message
                .get()
                .map(|message| {
                    vec![FieldError {
                        field_id: self.id,
                        message,
                    }]
                })
                .unwrap_or_default()
        })
    }

    /// What the field's `aria-describedby` names: its hint, and its message while it shows.
    pub fn described_by(self, in_error: bool) -> String {
        if in_error {
            format!("{} {}", self.hint, self.message)
        } else {
            self.hint.to_owned()
        }
    }
}

/// Moves focus to an element of the assistant (and brings it into view), as the summary's links do.
pub fn focus_field(placement: Placement, field_id: &str) {
    if let Some(field) = placement.element_by_id(field_id) {
        let _ = field.focus();
        field.scroll_into_view_with_bool(false);
    }
}

/// The summary, shown while `errors` is not empty.
#[component]
pub fn ErrorSummary(
    /// The errors, in the order of the fields.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
    /// Counts the owner's attempts to go on: each change moves focus to the summary.
    #[prop(into)]
    attempts: Signal<u32>,
) -> impl IntoView {
    let summary = NodeRef::<html::Div>::new();
    let placement = expect_context::<Placement>();
    Effect::new(move |_| {
        if attempts.get() > 0 {
            // After the page has drawn this attempt's errors; not when they change as the owner
            // types, so focus never leaves the field being corrected.
            request_animation_frame(move || {
                if let Some(summary) = summary.get_untracked() {
                    let _ = summary.focus();
                }
            });
        }
    });
    view! {
        <Show when=move || !errors.with(Vec::is_empty)>
            <div
                class="pma-error-summary"
                node_ref=summary
                tabindex="-1"
                role="alert"
                aria-labelledby="pma-error-summary-title"
            >
                <h2 class="pma-error-summary__title" id="pma-error-summary-title">
                    {text(Locale::problem_heading)}
                </h2>
                <ul class="pma-error-summary__list">
                    {move || {
                        errors
                            .get()
                            .into_iter()
                            .map(|error| {
                                let field_id = error.field_id;
                                view! {
                                    <li>
                                        <a
                                            href=format!("#{field_id}")
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                focus_field(placement, field_id);
                                            }
                                        >
                                            {error.message}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

/// The message beside a field in error, with its visually hidden "Error:" prefix; its `id` is what
/// the field's `aria-describedby` names.
#[component]
pub fn ErrorMessage(
    /// The `id` of the message.
    id: &'static str,
    /// The message, while there is one.
    #[prop(into)]
    message: Signal<Option<String>>,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    view! {
        {move || {
            message
                .get()
                .map(|message| {
                    view! {
                        <p class="pma-error-message" id=id>
                            <span class="pma-visually-hidden">{locale.get().error_prefix()}</span>
                            {message}
                        </p>
                    }
                })
        }}
    }
}
