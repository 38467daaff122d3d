//! The visible language switcher: one button per language, the current one marked.

use leptos::prelude::*;

use crate::i18n::{Locale, text};

/// Buttons that switch the whole assistant to another language, keeping everything else.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    view! {
        <nav class="pma-language-switcher" aria-label=text(Locale::language_switcher_label)>
            <ul class="pma-language-switcher__list">
                {Locale::ALL
                    .into_iter()
                    .map(|option| {
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="pma-language-switcher__button"
                                    lang=option.tag()
                                    aria-pressed=move || (locale.get() == option).to_string()
                                    on:click=move |_| locale.set(option)
                                >
                                    {option.native_name()}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
