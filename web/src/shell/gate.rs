//! The standalone app's door when it signs in for itself: the assistant once signed in, else the
//! start page or the page of what went wrong.

use leptos::prelude::*;
use leptos::task::spawn_local;

use assistant_core::sign_in::SignInFailure;

use crate::backend::client::{Client, ClientError, Token, Transport};
use crate::i18n::{Locale, text};
use crate::parts::{Unavailable, load_sign_in};
use crate::route::Navigator;
use crate::shell::Assistant;
use crate::sign_in::protocol::AuthConfig;
use crate::sign_in::{SignInParts, SignedIn, Start, Step};
use crate::ui::page::ProblemPanel;

/// The assistant behind a sign-in at `auth`'s provider, on the API at `api_base`; `session`
/// holds the signed-in session for the header. The sign-in's code comes as a chunk of its own.
#[component]
pub fn SignInGate(
    auth: AuthConfig,
    api_base: String,
    session: RwSignal<Option<SignedIn>, LocalStorage>,
) -> impl IntoView {
    let navigator = expect_context::<Navigator>();
    let start = RwSignal::new_local(None::<Start>);
    let parts = RwSignal::new_local(None::<SignInParts>);
    let auth = StoredValue::new_local(auth);
    let run = move |step: fn(&SignInParts) -> Step| {
        start.set(None);
        spawn_local(async move {
            let outcome = match load_sign_in().await {
                Ok(loaded) => {
                    parts.set(Some(loaded));
                    step(&loaded)(auth.get_value()).await
                }
                // Its code could not be fetched: the problem panel, whose Try again fetches it.
                Err(Unavailable) => Start::Failed(SignInFailure::Unreachable),
            };
            if let (Start::SignedIn(signed_in), Some(loaded)) = (&outcome, parts.get_untracked()) {
                session.set(Some(SignedIn {
                    session: signed_in.clone(),
                    header: loaded.header,
                }));
                // Back on the screen the sign-in started from.
                navigator.follow_address();
            }
            start.set(Some(outcome));
        });
    };
    run(|parts| parts.resume);
    let on_sign_in = Callback::new(move |()| run(|parts| parts.begin));
    let on_retry = Callback::new(move |()| run(|parts| parts.resume));
    // A session that runs out and cannot be renewed now: its page, with Sign in.
    let on_end = Callback::new(move |failure| {
        session.set(None);
        start.set(Some(Start::Failed(failure)));
    });

    move || match (start.get(), parts.get()) {
        (None | Some(Start::Leaving), _) => {
            view! { <p class="pma-body" role="status">{text(Locale::signing_in)}</p> }.into_any()
        }
        (Some(Start::SignedIn(signed_in)), Some(parts)) => {
            let client = Client::new(Transport::Http {
                base_url: api_base.trim_end_matches('/').to_owned(),
                token: Token::SignedIn((parts.token_source)(signed_in, on_end)),
            });
            view! { <Assistant client/> }.into_any()
        }
        (Some(Start::SignedOut), Some(parts)) => (parts.start_page)(on_sign_in),
        (Some(Start::Failed(failure)), Some(parts)) => {
            (parts.failure_page)(failure, on_sign_in, on_retry)
        }
        (Some(_), None) => view! { <ProblemPanel error=ClientError::Network on_retry/> }.into_any(),
    }
}
