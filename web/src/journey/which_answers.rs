//! The question a person gets when their answers changed both here and on another device: which
//! to keep, in one plain sentence that names when the other changed, with the two choices as
//! buttons. Nothing is merged, and neither copy is lost before they choose.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::wording::moment;
use crate::i18n::{Locale, text};
use crate::journey::state::Journey;

/// Which answers to keep, while the API's differ from the ones here.
#[component]
pub fn WhichAnswers(journey: Journey) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    let heading = NodeRef::<html::H2>::new();
    // The question takes the focus when it comes, so it is read first.
    Effect::new(move |_| {
        if journey.other.with(Option::is_some)
            && let Some(heading) = heading.get()
        {
            let _ = heading.focus();
        }
    });
    move || {
        journey.other.get().map(|other| {
            let changed_at = other.kept.changed_at_ms;
            view! {
                <div class="pma-notice pma-which-answers" role="region" aria-labelledby="pma-which-answers">
                    <h2 class="pma-heading-m" id="pma-which-answers" node_ref=heading tabindex="-1">
                        {text(Locale::which_answers_heading)}
                    </h2>
                    <p class="pma-body">
                        {move || {
                            let (date, time) = moment(locale.get(), changed_at, js_sys::Date::now());
                            match date {
                                Some(date) => locale.get().which_answers_changed_on(&date, &time),
                                None => locale.get().which_answers_changed_today(&time),
                            }
                        }}
                    </p>
                    <p class="pma-body">{text(Locale::which_answers_other_deleted)}</p>
                    <div class="pma-button-group">
                        <button type="button" class="pma-button" on:click=move |_| journey.take_other()>
                            {text(Locale::which_answers_take_other)}
                        </button>
                        <button
                            type="button"
                            class="pma-button pma-button--secondary"
                            on:click=move |_| journey.keep_here()
                        >
                            {text(Locale::which_answers_keep_here)}
                        </button>
                    </div>
                </div>
            }
        })
    }
}
