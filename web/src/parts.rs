//! The parts of the app a first screen does not need: an account's journey, the offers checklist,
//! help and the app's own sign-in. Built with the `split` feature (the release build), each is a chunk of the wasm,
//! fetched when first shown, or earlier once the browser is idle; unsplit (`trunk serve`, the
//! in-browser tests), each is a plain call. A chunk that cannot be fetched shows the page's
//! problem panel with Try again, as an API failure does; the next try fetches it again.

use assistant_core::account::AccountId;
use leptos::prelude::*;

use crate::backend::client::ClientError;
use crate::checklist::OffersChecklist;
use crate::help::HelpPage;
use crate::i18n::Locale;
use crate::journey::AccountJourney;
use crate::sign_in::SignInParts;
use crate::ui::loaded::{Loaded, loading};
use crate::ui::page::ProblemPanel;

pub use crate::backend::Unavailable;
use crate::backend::call_split;

/// Shows a part, once its code is here: a plain function, which a chunk hands over.
type Show = fn(LatePart) -> AnyView;

// Each split point hands over the function that shows its part: the function lives in the chunk,
// and the view is made where every other view is, outside any wait.

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        journey,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_journey)
    )
)]
fn journey() -> Result<Show, Unavailable> {
    Ok(|part| match part {
        LatePart::Journey(account_id) => view! { <AccountJourney account_id/> }.into_any(),
        _ => ().into_any(),
    })
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        checklist,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_checklist)
    )
)]
fn checklist() -> Result<Show, Unavailable> {
    Ok(|part| match part {
        LatePart::Checklist(account_id) => view! { <OffersChecklist account_id/> }.into_any(),
        _ => ().into_any(),
    })
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(help, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn help() -> Result<Show, Unavailable> {
    Ok(|_| view! { <HelpPage/> }.into_any())
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(sign_in, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn sign_in() -> Result<SignInParts, Unavailable> {
    Ok(crate::sign_in::parts())
}

/// The app's own sign-in, once its code is here (only a page whose `config.json` names a
/// provider asks for it).
pub async fn load_sign_in() -> Result<SignInParts, Unavailable> {
    call_split!(sign_in())
}

/// A part that loads as a chunk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LatePart {
    /// An account's journey.
    Journey(AccountId),
    /// An account's offers checklist.
    Checklist(AccountId),
    /// Help and next steps.
    Help,
}

/// The function that shows `part`, once its code is here.
async fn load(part: &LatePart) -> Result<Show, Unavailable> {
    match part {
        LatePart::Journey(_) => call_split!(journey()),
        LatePart::Checklist(_) => call_split!(checklist()),
        LatePart::Help => call_split!(help()),
    }
}

/// Fetches the chunks of the parts an owner on the overview is likely to need next (the journey
/// and the checklist), once the browser has nothing else to do: called when the overview's
/// accounts have shown, so the fetch and the compiling never compete with the first screen. A
/// failure is left to the part's own load.
pub fn preload_next() {
    #[cfg(feature = "split")]
    leptos::task::spawn_local(async {
        idle().await;
        let _ = preload_journey().await;
        let _ = preload_checklist().await;
    });
}

/// Resolves when the browser is idle (`requestIdleCallback`, within two seconds).
#[cfg(feature = "split")]
async fn idle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().expect("a window");
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(2_000);
        if window
            .request_idle_callback_with_options(&resolve, &options)
            .is_err()
        {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Shows `part`: "Loading…" while its code is fetched, then the part; or the problem panel, whose
/// Try again fetches it again.
#[component]
pub fn Late(part: LatePart) -> impl IntoView {
    let attempt = RwSignal::new(0_u32);
    let retry = Callback::new(move |()| attempt.update(|n| *n += 1));
    let loaded = {
        let part = part.clone();
        Loaded::new(move || {
            attempt.track();
            let part = part.clone();
            async move { load(&part).await }
        })
    };
    move || match loaded.get() {
        None => loading(Locale::loading),
        Some(Ok(show)) => show(part.clone()),
        Some(Err(Unavailable)) => {
            view! { <ProblemPanel error=ClientError::Network on_retry=retry/> }.into_any()
        }
    }
}
