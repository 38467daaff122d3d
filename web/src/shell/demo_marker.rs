//! The "demo data" marker: tells that this copy runs on demo data kept in the browser, and offers
//! to put the demo data back as it was.

use leptos::prelude::*;

use crate::i18n::{Locale, text};

/// The marker with its reset button.
#[component]
pub fn DemoMarker(
    /// Puts the demo data back.
    on_reset: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="pma-demo-marker" role="note">
            <strong class="pma-tag pma-tag--demo">{text(Locale::demo_marker)}</strong>
            <span class="pma-demo-marker__text">{text(Locale::demo_explanation)}</span>
            <button type="button" class="pma-button pma-button--secondary" on:click=move |_| on_reset.run(())>
                {text(Locale::demo_reset)}
            </button>
        </div>
    }
}
