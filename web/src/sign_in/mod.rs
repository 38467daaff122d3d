//! The standalone app's own sign-in, when `config.json` names a provider: a session whose tokens
//! live in memory only, renewed by going to the provider and back while its session lasts.
//! Widgets (whose host gives tokens) and the demo never start it.

pub mod pages;
pub mod protocol;

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use assistant_core::identity::Person;
use assistant_core::sign_in::{Expected, SignInFailure, check_id_token};

use leptos::prelude::*;

use crate::backend::client::{SignedInPerson, TokenSource, api_address};
use crate::journey::shelf::Shelf;
use crate::sign_in::pages::{SignInFailurePage, SignedInAs, StartPage};
use crate::sign_in::protocol::{Answer, AuthConfig, Pending, Provider, Tokens};

/// One of the sign-in's steps: what it leads to.
pub type Step = fn(AuthConfig) -> Pin<Box<dyn Future<Output = Start>>>;

/// What the sign-in's chunk hands over: its steps and its pages (the release build loads it only
/// when `config.json` names a provider).
#[derive(Clone, Copy)]
pub struct SignInParts {
    /// What a page load does: [`resume`].
    pub resume: Step,
    /// Signing in at the provider's own page: [`begin`].
    pub begin: Step,
    /// The start page, with its Sign in.
    pub start_page: fn(Callback<()>) -> AnyView,
    /// The page of a failure, with Sign in and Try again.
    pub failure_page: fn(SignInFailure, Callback<()>, Callback<()>) -> AnyView,
    /// A session as the client's source of tokens (made here, so that renewing, which goes to
    /// the provider and back, is this chunk's code), and what shows that it has ended.
    pub token_source: fn(Session, Callback<SignInFailure>) -> Rc<dyn TokenSource>,
    /// The header's part: who is signed in, and Sign out, which leaves nothing of theirs in this
    /// browser (their saves on the API at the base URL given are cleared).
    pub header: fn(Session, Option<String>) -> AnyView,
}

/// A signed-in session, with the header's part that shows it (the sign-in chunk's code).
#[derive(Clone)]
pub struct SignedIn {
    /// The session.
    pub session: Session,
    /// [`SignInParts::header`].
    pub header: fn(Session, Option<String>) -> AnyView,
}

/// Who is signed in, and Sign out, for the header.
fn header(signed_in: Session, api_base: Option<String>) -> AnyView {
    let name = signed_in.name();
    let kept = StoredValue::new_local((signed_in, api_base));
    let on_sign_out = Callback::new(move |()| {
        kept.with_value(|(signed_in, api_base)| {
            // Nothing of the person stays in this browser.
            if let Some(api_base) = api_base {
                Shelf::person(&api_address(api_base), &signed_in.person().key).clear();
            }
            signed_in.sign_out();
        });
    });
    view! { <SignedInAs name on_sign_out/> }.into_any()
}

/// The sign-in's parts.
pub fn parts() -> SignInParts {
    SignInParts {
        resume: |config| Box::pin(resume(config)),
        begin: |config| Box::pin(begin(config)),
        start_page: |on_sign_in| view! { <StartPage on_sign_in/> }.into_any(),
        failure_page: |failure, on_sign_in, on_retry| {
            view! { <SignInFailurePage failure on_sign_in on_retry/> }.into_any()
        },
        token_source: |session, on_end| Rc::new(SessionTokens { session, on_end }),
        header,
    }
}

/// Renew a token this long before it runs out, so no request carries one that is about to.
const RENEW_BEFORE_MS: f64 = 10_000.0;

/// Where the time of the last renewal waits (a number, no token): a token that runs out or is
/// refused soon after a renewal ends the session rather than renewing in a loop.
const RENEWED_KEY: &str = "pma-sign-in-renewed";

/// How soon after a renewal another is refused, whatever asks for it.
const RENEW_AGAIN_AFTER_MS: u64 = 60_000;

/// A signed-in user's session.
#[derive(Clone)]
pub struct Session(Rc<SessionState>);

struct SessionState {
    config: AuthConfig,
    provider: Provider,
    access_token: String,
    expires_at_ms: f64,
    user: Person,
    /// A hash of the user's identity, which names their saves.
    key: String,
    /// Ends the session at the provider (this chunk's code, called from the header).
    leave: fn(&SessionState),
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The path of the screen shown (to come back to).
fn current_path() -> String {
    web_sys::window()
        .and_then(|window| window.location().pathname().ok())
        .unwrap_or_else(crate::route::base_path)
}

impl Session {
    /// The signed-in user's name (or email), for the header.
    pub fn name(&self) -> String {
        self.0.user.display_name.clone()
    }

    /// Who is signed in, as the saves know them.
    pub fn person(&self) -> SignedInPerson {
        SignedInPerson {
            key: self.0.key.clone(),
            address: self.0.user.address.clone(),
            address_verified: self.0.user.address_verified,
        }
    }

    /// Ends the session: here, and at the provider when it can.
    pub fn sign_out(&self) {
        (self.0.leave)(&self.0);
    }
}

/// A session as the client's source of tokens, with what shows that it has ended.
struct SessionTokens {
    session: Session,
    on_end: Callback<SignInFailure>,
}

impl TokenSource for SessionTokens {
    fn token(&self) -> Option<String> {
        let state = &self.session.0;
        (now_ms() < state.expires_at_ms).then(|| state.access_token.clone())
    }

    fn wants_renewal(&self) -> bool {
        now_ms() >= self.session.0.expires_at_ms - RENEW_BEFORE_MS
    }

    fn renew(&self, _after_refusal: bool) -> Pin<Box<dyn Future<Output = bool>>> {
        let state = Rc::clone(&self.session.0);
        Box::pin(async move {
            let storage = web_sys::window().and_then(|w| w.session_storage().ok().flatten());
            // Whole milliseconds, written and read as an integer (no float formatting in the
            // bundle for this). Every renewal counts: one a minute at most, whatever asks.
            let now = now_ms() as u64;
            let last = storage
                .as_ref()
                .and_then(|s| s.get_item(RENEWED_KEY).ok().flatten())
                .and_then(|text| text.parse::<u64>().ok());
            if last.is_some_and(|last| now.saturating_sub(last) < RENEW_AGAIN_AFTER_MS) {
                return false;
            }
            if let Some(storage) = &storage {
                let _ = storage.set_item(RENEWED_KEY, &now.to_string());
            }
            state
                .provider
                .redirect(&state.config, current_path(), true, true)
                .await
                .is_ok()
        })
    }

    fn end(&self) {
        self.on_end.run(SignInFailure::SessionEnded);
    }

    fn person(&self) -> SignedInPerson {
        self.session.person()
    }
}

/// Where a page load stands with signing in.
#[derive(Clone)]
pub enum Start {
    /// Signed in.
    SignedIn(Session),
    /// Not signed in: the start page.
    SignedOut,
    /// Signing in failed: a page that says why.
    Failed(SignInFailure),
    /// The page is leaving for the provider.
    Leaving,
}

/// What a page load does to sign in: take the provider's answer if it is one, else ask the
/// provider (without showing anything) whether its session lasts.
pub async fn resume(config: AuthConfig) -> Start {
    let answer = protocol::answer_in_address();
    // Signed out here: nothing is asked of the provider until the person presses Sign in.
    if answer.is_none() && protocol::signed_out_here() {
        return Start::SignedOut;
    }
    let pending = answer.as_ref().and_then(|_| protocol::take_pending());
    let provider = match Provider::discover(&config).await {
        Ok(provider) => provider,
        Err(failure) => {
            if answer.is_some() {
                leave_answer(pending.as_ref());
            }
            return Start::Failed(failure);
        }
    };
    let Some(answer) = answer else {
        return match provider
            .redirect(&config, current_path(), true, false)
            .await
        {
            Ok(()) => Start::Leaving,
            Err(failure) => Start::Failed(failure),
        };
    };
    leave_answer(pending.as_ref());
    let Some(pending) = pending else {
        return Start::Failed(SignInFailure::NotStartedHere);
    };
    let state = match &answer {
        Answer::Error { state, .. } => state.as_deref(),
        Answer::Code { state, .. } => Some(state.as_str()),
    };
    if state != Some(pending.state.as_str()) {
        return Start::Failed(SignInFailure::NotStartedHere);
    }
    match answer {
        Answer::Error { error, .. } => match SignInFailure::of_error(&error) {
            // Asked at page load, "no session" just means signed out.
            SignInFailure::SessionEnded if pending.silent && !pending.renewal => Start::SignedOut,
            failure => Start::Failed(failure),
        },
        Answer::Code { code, .. } => match signed_in(config, provider, &code, &pending).await {
            Ok(session) => Start::SignedIn(session),
            Err(failure) => Start::Failed(failure),
        },
    }
}

async fn signed_in(
    config: AuthConfig,
    provider: Provider,
    code: &str,
    pending: &Pending,
) -> Result<Session, SignInFailure> {
    let Tokens {
        access_token,
        expires_in,
        id_token,
    } = provider.exchange(&config, code, pending).await?;
    let user = check_id_token(
        &id_token,
        Expected {
            issuer: provider.issuer(),
            client_id: &config.client_id,
            nonce: &pending.nonce,
            now_s: (now_ms() / 1000.0) as i64,
        },
    )
    .map_err(|_| SignInFailure::Refused)?;
    // The saves are named by a hash: storage holds no identifier of the person.
    let key = protocol::sha256_base64url(&user.identity.key())
        .await
        .ok_or(SignInFailure::Refused)?;
    Ok(Session(Rc::new(SessionState {
        config,
        provider,
        access_token,
        expires_at_ms: now_ms() + expires_in.unwrap_or(300) as f64 * 1000.0,
        user,
        key,
        leave: |state| state.provider.sign_out(&state.config),
    })))
}

/// Signs in with the provider's own page, coming back to the screen shown.
pub async fn begin(config: AuthConfig) -> Start {
    protocol::remember_sign_out(false);
    let outcome = match Provider::discover(&config).await {
        Ok(provider) => {
            provider
                .redirect(&config, current_path(), false, false)
                .await
        }
        Err(failure) => Err(failure),
    };
    match outcome {
        Ok(()) => Start::Leaving,
        Err(failure) => Start::Failed(failure),
    }
}

/// Takes the provider's answer out of the address: back to the screen the sign-in started on (a
/// path of the app only), or the app's root.
fn leave_answer(pending: Option<&Pending>) {
    let base = crate::route::base_path();
    let path = pending
        .map(|pending| pending.return_to.as_str())
        .filter(|path| path.starts_with(&base) && !path.starts_with("//"))
        .unwrap_or(&base);
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path));
    }
}
