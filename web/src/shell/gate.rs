//! The standalone app's door when it signs in for itself: the assistant once signed in, else the
//! start page or the page of what went wrong.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::backend::client::{Client, Token, Transport};
use crate::i18n::{Locale, text};
use crate::route::Navigator;
use crate::shell::Assistant;
use crate::sign_in::pages::{SignInFailurePage, StartPage};
use crate::sign_in::protocol::AuthConfig;
use crate::sign_in::{Session, Start, begin, resume};

/// The assistant behind a sign-in at `auth`'s provider, on the API at `api_base`; `session`
/// holds the signed-in session for the header.
#[component]
pub fn SignInGate(
    auth: AuthConfig,
    api_base: String,
    session: RwSignal<Option<Session>, LocalStorage>,
) -> impl IntoView {
    let navigator = expect_context::<Navigator>();
    let start = RwSignal::new_local(None::<Start>);
    let run = move |step: fn(
        AuthConfig,
    )
        -> std::pin::Pin<Box<dyn std::future::Future<Output = Start>>>,
                    auth: AuthConfig| {
        start.set(None);
        spawn_local(async move {
            let outcome = step(auth).await;
            if let Start::SignedIn(signed_in) = &outcome {
                session.set(Some(signed_in.clone()));
                // Back on the screen the sign-in started from.
                navigator.follow_address();
            }
            start.set(Some(outcome));
        });
    };
    let auth = StoredValue::new_local(auth);
    run(|auth| Box::pin(resume(auth)), auth.get_value());
    let on_sign_in = Callback::new(move |()| run(|auth| Box::pin(begin(auth)), auth.get_value()));
    let on_retry = Callback::new(move |()| run(|auth| Box::pin(resume(auth)), auth.get_value()));

    move || match start.get() {
        None | Some(Start::Leaving) => {
            view! { <p class="pma-body" role="status">{text(Locale::signing_in)}</p> }.into_any()
        }
        Some(Start::SignedIn(signed_in)) => {
            let client = Client::new(Transport::Http {
                base_url: api_base.trim_end_matches('/').to_owned(),
                token: Token::SignedIn(Rc::new(signed_in)),
            });
            view! { <Assistant client/> }.into_any()
        }
        Some(Start::SignedOut) => view! { <StartPage on_sign_in/> }.into_any(),
        Some(Start::Failed(failure)) => {
            view! { <SignInFailurePage failure on_sign_in on_retry/> }.into_any()
        }
    }
}
