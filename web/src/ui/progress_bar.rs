//! The checklist's progress: a bar with an accessible name and value, and "N of M done" in words.

use leptos::prelude::*;

use crate::i18n::{Locale, text};

/// The share done, as a whole percentage (0 when there is nothing to do).
pub fn percent(done: usize, total: usize) -> usize {
    (done * 100).checked_div(total).unwrap_or(0)
}

/// The bar.
#[component]
pub fn ProgressBar(
    /// Items done.
    #[prop(into)]
    done: Signal<usize>,
    /// Items in all.
    #[prop(into)]
    total: Signal<usize>,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    let summary = move || {
        let locale = locale.get();
        let count = |n: usize| locale.format_number(i64::try_from(n).unwrap_or(i64::MAX));
        locale.progress_done(&count(done.get()), &count(total.get()))
    };
    view! {
        <div class="pma-progress">
            <p class="pma-progress__text" id="pma-progress-text">{summary}</p>
            <div
                class="pma-progress__bar"
                role="progressbar"
                aria-label=text(Locale::progress_label)
                aria-valuemin="0"
                aria-valuemax=move || total.get().to_string()
                aria-valuenow=move || done.get().to_string()
                aria-valuetext=summary
            >
                <div
                    class="pma-progress__fill"
                    style:width=move || format!("{}%", percent(done.get(), total.get()))
                ></div>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::percent;

    #[test]
    fn the_share_is_rounded_down_and_nothing_to_do_is_zero() {
        assert_eq!(percent(3, 10), 30);
        assert_eq!(percent(2, 3), 66);
        assert_eq!(percent(10, 10), 100);
        assert_eq!(percent(0, 0), 0);
    }
}
