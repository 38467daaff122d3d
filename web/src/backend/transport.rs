//! Where the client's requests go: a server of the contract over HTTP, with the bearer token of
//! the moment and a time limit, or the embedded demo backend, opened at the first request.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use assistant_core::api::{Problem, ProblemCode};
use leptos::prelude::set_timeout_with_handle;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::backend::demo::{self, DemoApi};
use crate::backend::exchange::{ApiRequest, ApiResponse};
use crate::backend::http;

/// How long a request may take before the app says so and offers to try again.
pub const TIMEOUT_MS: u64 = 10_000;

/// Why a call did not give its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientError {
    /// The API answered with a problem of the contract.
    Problem(Problem),
    /// No answer arrived within [`TIMEOUT_MS`].
    Timeout,
    /// The network failed (offline, connection cut, refused).
    Network,
    /// An answer arrived that is not what the contract says.
    Malformed,
    /// Too many attempts of this kind: try again in `retry_after` seconds (when the API said).
    TooManyRequests {
        /// Seconds to wait, from `Retry-After`.
        retry_after: Option<u64>,
    },
}

/// The bearer token of the requests to a server. Tokens are kept in memory only: never in
/// storage, never in an address.
#[derive(Clone)]
pub enum Token {
    /// No token.
    None,
    /// The same token for every request (a demo user of the reference server).
    Fixed(String),
    /// The host page's `getToken`: called before each request, its answer (a token, or a promise
    /// of one) is used for that request; no token (`undefined`, `null`) sends none.
    Host(HostToken),
    /// The app's own sign-in.
    SignedIn(Rc<dyn TokenSource>),
}

/// The last token a host gave, and the name of the saves of the person it names (if any).
type Named = Option<(String, Option<String>)>;

/// A host page's `getToken`, and whom its last token named (for the saves: never trusted).
#[derive(Clone)]
pub struct HostToken {
    get_token: js_sys::Function,
    named: Rc<RefCell<Named>>,
}

impl HostToken {
    /// The host's `getToken`.
    pub fn new(get_token: js_sys::Function) -> Self {
        Self {
            get_token,
            named: Rc::new(RefCell::new(None)),
        }
    }

    /// The name of the saves of the person the last token named.
    pub fn person(&self) -> Option<String> {
        self.named
            .borrow()
            .as_ref()
            .and_then(|(_, person)| person.clone())
    }

    /// Notes whom `token` names, when it is not the last one.
    async fn note(&self, token: &str) -> Result<(), ClientError> {
        let known = matches!(&*self.named.borrow(), Some((last, _)) if last == token);
        if !known {
            let person = crate::backend::person::person_of(token)
                .await
                .map_err(|_| ClientError::Network)?;
            *self.named.borrow_mut() = Some((token.to_owned(), person));
        }
        Ok(())
    }
}

/// Who the app's own sign-in signed in, as far as the app keeps them: saved answers are theirs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedInPerson {
    /// A hash of their identity (never the identity, never an address): the name of their saves.
    pub key: String,
    /// Their address, if their token has one.
    pub address: Option<String>,
    /// Whether their token says the address is theirs for certain.
    pub address_verified: bool,
}

/// Where a signed-in app gets its tokens, and what it does when one runs out or is refused.
pub trait TokenSource {
    /// The access token, until it runs out.
    fn token(&self) -> Option<String>;

    /// Whether the token is about to run out, so that it is renewed before a request carries it.
    fn wants_renewal(&self) -> bool;

    /// Gets a new token by leaving the page for the provider, which brings the user back (the
    /// future then never ends); `false` when it does not leave: a renewal was made less than a
    /// minute ago (every renewal counts, whatever asked for it), so what answers now is shown.
    fn renew(
        &self,
        after_refusal: bool,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = bool>>>;

    /// The session is over and cannot be renewed now: the page that says so, with Sign in.
    fn end(&self);

    /// Who is signed in.
    fn person(&self) -> SignedInPerson;
}

impl Token {
    /// The token for the next request; a host whose `getToken` fails makes it unauthorised.
    pub(crate) async fn current(&self) -> Result<Option<String>, ClientError> {
        let unauthorised = || ClientError::Problem(Problem::of(ProblemCode::Unauthorized));
        match self {
            Token::None => Ok(None),
            Token::Fixed(token) => Ok(Some(token.clone())),
            Token::Host(host) => {
                let answer = host
                    .get_token
                    .call0(&JsValue::NULL)
                    .map_err(|_| unauthorised())?;
                let token = JsFuture::from(js_sys::Promise::resolve(&answer))
                    .await
                    .map_err(|_| unauthorised())?
                    .as_string();
                if let Some(token) = &token {
                    host.note(token).await?;
                }
                Ok(token)
            }
            Token::SignedIn(source) => {
                if source.wants_renewal() && source.renew(false).await {
                    // The page is leaving for the provider: this request is never sent.
                    std::future::pending::<()>().await;
                }
                match source.token() {
                    Some(token) => Ok(Some(token)),
                    None => {
                        // Run out, and not renewed: the session has ended.
                        source.end();
                        std::future::pending().await
                    }
                }
            }
        }
    }

    /// A request with this token was refused (401): renew it if that helps, else end the
    /// session with the page that offers to sign in again.
    pub(crate) async fn refused(&self) {
        if let Token::SignedIn(source) = self {
            if !source.renew(true).await {
                source.end();
            }
            std::future::pending::<()>().await;
        }
    }
}

/// Where requests go.
#[derive(Clone)]
pub enum Transport {
    /// A server of the contract at `base_url` (no trailing slash), with a bearer token.
    Http {
        /// The API's base URL, such as `https://portal.example/api`.
        base_url: String,
        /// Where the bearer token comes from.
        token: Token,
    },
    /// The embedded demo backend.
    Demo(Rc<DemoSlot>),
}

/// Where the embedded demo backend lives: its code (a chunk in the release build) and state come
/// with the first request.
pub struct DemoSlot {
    migration_takes_ms: f64,
    backend: RefCell<Option<Box<dyn DemoApi>>>,
}

impl DemoSlot {
    /// A demo on the browser's local storage, opened at the first request, whose migrations take
    /// `migration_takes_ms`.
    pub fn on_local_storage(migration_takes_ms: f64) -> Self {
        Self {
            migration_takes_ms,
            backend: RefCell::new(None),
        }
    }

    /// A demo already open.
    pub fn with(backend: Box<dyn DemoApi>) -> Self {
        Self {
            migration_takes_ms: 0.0,
            backend: RefCell::new(Some(backend)),
        }
    }

    pub(crate) async fn handle(
        &self,
        request: &ApiRequest,
        now_ms: f64,
    ) -> Result<ApiResponse, ClientError> {
        if self.backend.borrow().is_none() {
            let opened = demo::open(self.migration_takes_ms)
                .await
                .map_err(|_| ClientError::Network)?;
            // Another request may have opened it meanwhile: the first one opened stays.
            self.backend.borrow_mut().get_or_insert(opened);
        }
        let mut backend = self.backend.borrow_mut();
        let backend = backend.as_mut().ok_or(ClientError::Network)?;
        Ok(backend.handle(request, now_ms))
    }

    pub(crate) fn reset(&self) {
        match self.backend.borrow_mut().as_mut() {
            Some(backend) => backend.reset(),
            // Not open yet: what it would open is forgotten, so it opens on the fixtures.
            None => {
                if let Some(storage) =
                    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
                {
                    let _ = storage.remove_item(demo::STORAGE_KEY);
                }
            }
        }
    }
}

pub(crate) fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// An API's base URL as the browser resolves it against the page (`""` is the page's origin),
/// ending in `/`: the same API has the same name however it was written.
pub(crate) fn absolute(base_url: &str) -> String {
    let base = format!("{base_url}/");
    let page = web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default();
    web_sys::Url::new_with_base(&base, &page).map_or(base, |url| url.href())
}

/// Sends a request to the API at `base_url`, aborting it after [`TIMEOUT_MS`].
pub(crate) async fn fetch(
    base_url: &str,
    token: Option<&str>,
    request: &ApiRequest,
) -> Result<ApiResponse, ClientError> {
    let controller = web_sys::AbortController::new().map_err(|_| ClientError::Network)?;
    let bearer = token.map(|token| format!("Bearer {token}"));
    let mut headers: Vec<(&str, &str)> = request
        .headers
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    if let Some(bearer) = &bearer {
        headers.push(("authorization", bearer));
    }
    if request.body.is_some() {
        headers.push(("content-type", "application/json"));
    }
    let url = format!("{base_url}{}", request.path);
    let signal = controller.signal();
    let sent = http::send(http::Outgoing {
        method: &request.method,
        url: &url,
        headers: &headers,
        body: request.body.as_deref(),
        signal: Some(&signal),
    });

    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let timed_out = Rc::clone(&timed_out);
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                controller.abort();
            },
            Duration::from_millis(TIMEOUT_MS),
        )
        .map_err(|_| ClientError::Network)?
    };
    let outcome = sent.await;
    timer.clear();
    outcome.map_err(|_| {
        if timed_out.get() {
            ClientError::Timeout
        } else {
            ClientError::Network
        }
    })
}
