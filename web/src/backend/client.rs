//! The app's one client of the API: typed calls over either transport, a server over HTTP or the
//! embedded demo backend, so every screen works the same on both. Bodies are the core's types.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use assistant_core::account::{Account, AccountId};
use assistant_core::api::{
    AccountDetail, ChecklistTicks, MigrationState, Problem, ProblemCode, WorkEmailAccepted,
    WorkEmailCheck,
};
use assistant_core::config::FlowConfig;
use assistant_core::flow::MigrationRequest;
use assistant_core::mpn::{MpnId, MpnRecord};
use assistant_core::offer::{Offer, Readiness};
use leptos::prelude::set_timeout_with_handle;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, PercentEncode, utf8_percent_encode};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::backend::browser_json::read_json;
use crate::backend::demo::{self, ApiRequest, ApiResponse, DemoApi};
use crate::backend::{http, json_text};

/// What stays itself in a path segment made from data: RFC 3986's unreserved characters. All
/// else (`/`, `?`, `#`, `%`, spaces, anything not ASCII) is percent-encoded, so data never ends
/// its segment, starts a query or a fragment, or reads as an escape.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Data as one segment of a path: the one place where the app puts data into an address, its
/// API's or its own. An account id is never `.` or `..` (the type says so), which no encoding
/// could keep from being read as a step along the path.
pub fn path_segment(data: &impl AsRef<str>) -> PercentEncode<'_> {
    utf8_percent_encode(data.as_ref(), SEGMENT)
}

/// The path of an account, or of one of its resources (`rest`, such as `/offers`).
fn account_path(id: &AccountId, rest: &str) -> String {
    format!("/v1/accounts/{}{rest}", path_segment(id))
}

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
    Host(js_sys::Function),
    /// The app's own sign-in.
    SignedIn(Rc<dyn TokenSource>),
}

/// Where a signed-in app gets its tokens, and what it does when one runs out or is refused.
pub trait TokenSource {
    /// The access token, while it lasts.
    fn token(&self) -> Option<String>;

    /// Gets a new token by leaving the page for the provider, which brings the user back (the
    /// future then never ends); `false` when it does not leave (it just tried, and what
    /// answers now must be shown).
    fn renew(
        &self,
        after_refusal: bool,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = bool>>>;
}

impl Token {
    /// The token for the next request; a host whose `getToken` fails makes it unauthorised.
    async fn current(&self) -> Result<Option<String>, ClientError> {
        let unauthorised = || ClientError::Problem(Problem::of(ProblemCode::Unauthorized));
        match self {
            Token::None => Ok(None),
            Token::Fixed(token) => Ok(Some(token.clone())),
            Token::Host(get_token) => {
                let answer = get_token
                    .call0(&JsValue::NULL)
                    .map_err(|_| unauthorised())?;
                let token = JsFuture::from(js_sys::Promise::resolve(&answer))
                    .await
                    .map_err(|_| unauthorised())?;
                Ok(token.as_string())
            }
            Token::SignedIn(source) => match source.token() {
                Some(token) => Ok(Some(token)),
                None => {
                    source.renew(false).await;
                    // The page is leaving for the provider: this request is never sent.
                    std::future::pending().await
                }
            },
        }
    }

    /// A request with this token was refused (401): renew it if that helps.
    async fn refused(&self) {
        if let Token::SignedIn(source) = self
            && source.renew(true).await
        {
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

    async fn handle(&self, request: &ApiRequest, now_ms: f64) -> Result<ApiResponse, ClientError> {
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

    fn reset(&self) {
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

/// The API client.
#[derive(Clone)]
pub struct Client {
    transport: Transport,
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// An API's base URL as the browser resolves it against the page (`""` is the page's origin),
/// ending in `/`: the same API has the same name however it was written.
fn absolute(base_url: &str) -> String {
    let base = format!("{base_url}/");
    let page = web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default();
    web_sys::Url::new_with_base(&base, &page).map_or(base, |url| url.href())
}

/// Sends a request to the API at `base_url`, aborting it after [`TIMEOUT_MS`].
async fn fetch(
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

/// The answer's body read with `read` (a success), or the problem it carries.
fn decode<T>(
    response: &ApiResponse,
    read: impl FnOnce(&str) -> Option<T>,
) -> Result<T, ClientError> {
    match response.status {
        200..=299 => read(&response.body).ok_or(ClientError::Malformed),
        // A sign-in that is no longer valid, whatever answers it (a gateway in front of the API
        // may answer without a problem of the contract).
        401 => Err(ClientError::Problem(Problem::of(ProblemCode::Unauthorized))),
        // Too many requests, whatever answers it (the API or a gateway before it): `Retry-After`
        // says how long to wait, in seconds (a date there is not taken).
        429 => Err(ClientError::TooManyRequests {
            retry_after: response.retry_after,
        }),
        status => match read_json::<Problem>(&response.body) {
            Some(problem) => Err(ClientError::Problem(problem)),
            None if status >= 500 => Err(ClientError::Problem(Problem::of(ProblemCode::Internal))),
            None => Err(ClientError::Malformed),
        },
    }
}

/// A body read by serde: what the first screen does not read.
fn by_serde<T: DeserializeOwned>(body: &str) -> Option<T> {
    serde_json::from_str(body).ok()
}

fn request(
    method: &str,
    path: String,
    headers: Vec<(String, String)>,
    body: Option<&impl Serialize>,
) -> ApiRequest {
    ApiRequest {
        method: method.to_owned(),
        path,
        token: None,
        headers,
        body: body.map(|body| json_text(body)),
    }
}

const NO_BODY: Option<&()> = None;

impl Client {
    /// A client on this transport.
    pub fn new(transport: Transport) -> Self {
        Self { transport }
    }

    /// Whether the client runs on the embedded demo backend (the UI says "demo data").
    pub fn is_demo(&self) -> bool {
        matches!(self.transport, Transport::Demo(_))
    }

    /// The API's base URL as the browser resolves it (the same API has the same address however
    /// it was written); `None` on the demo backend.
    pub fn api_address(&self) -> Option<String> {
        match &self.transport {
            Transport::Demo(_) => None,
            Transport::Http { base_url, .. } => Some(absolute(base_url)),
        }
    }

    /// Puts the demo's fixtures back; nothing on a real server.
    pub fn reset_demo(&self) {
        if let Transport::Demo(demo) = &self.transport {
            demo.reset();
        }
    }

    async fn send(&self, mut request: ApiRequest) -> Result<ApiResponse, ClientError> {
        match &self.transport {
            Transport::Http { base_url, token } => {
                let current = token.current().await?;
                let response = fetch(base_url, current.as_deref(), &request).await?;
                if response.status == 401 {
                    token.refused().await;
                }
                Ok(response)
            }
            Transport::Demo(demo) => {
                request.token = Some(crate::backend::demo::DEMO_TOKEN.to_owned());
                demo.handle(&request, now_ms()).await
            }
        }
    }

    /// A GET, its answer read with `read`: the core's hand readers (`read_json`) for what the
    /// first screen reads, serde (`by_serde`) for the rest.
    async fn get<T>(
        &self,
        path: String,
        read: impl FnOnce(&str) -> Option<T>,
    ) -> Result<T, ClientError> {
        let response = self.send(request("GET", path, Vec::new(), NO_BODY)).await?;
        decode(&response, read)
    }

    /// The flow configuration.
    pub async fn config(&self) -> Result<FlowConfig, ClientError> {
        self.get("/v1/config".into(), read_json).await
    }

    /// The viewer's accounts.
    pub async fn accounts(&self) -> Result<Vec<Account>, ClientError> {
        self.get("/v1/accounts".into(), read_json).await
    }

    /// One account with its stored MPN ID's state.
    pub async fn account(&self, id: &AccountId) -> Result<AccountDetail, ClientError> {
        self.get(account_path(id, ""), by_serde).await
    }

    /// What the registry says of an MPN ID.
    pub async fn lookup_mpn(&self, id: &MpnId) -> Result<MpnRecord, ClientError> {
        self.get(format!("/v1/mpn/{}", path_segment(id)), by_serde)
            .await
    }

    /// The account's offers.
    pub async fn offers(&self, id: &AccountId) -> Result<Vec<Offer>, ClientError> {
        self.get(account_path(id, "/offers"), by_serde).await
    }

    /// The account's readiness facts.
    pub async fn readiness(&self, id: &AccountId) -> Result<Readiness, ClientError> {
        self.get(account_path(id, "/readiness"), by_serde).await
    }

    /// Checks a work email for the account.
    pub async fn check_work_email(
        &self,
        id: &AccountId,
        check: &WorkEmailCheck,
    ) -> Result<WorkEmailAccepted, ClientError> {
        let path = account_path(id, "/work-email-check");
        let response = self
            .send(request("POST", path, Vec::new(), Some(check)))
            .await?;
        decode(&response, by_serde)
    }

    /// Starts the migration; the same `idempotency_key` never starts two.
    pub async fn start_migration(
        &self,
        id: &AccountId,
        idempotency_key: &str,
        migration: &MigrationRequest,
    ) -> Result<MigrationState, ClientError> {
        let headers = vec![("idempotency-key".to_owned(), idempotency_key.to_owned())];
        let path = account_path(id, "/migration");
        let response = self
            .send(request("POST", path, headers, Some(migration)))
            .await?;
        decode(&response, by_serde)
    }

    /// Where the account's migration stands.
    pub async fn migration(&self, id: &AccountId) -> Result<MigrationState, ClientError> {
        self.get(account_path(id, "/migration"), by_serde).await
    }

    /// The checklist ticks and their version (ETag).
    pub async fn checklist(&self, id: &AccountId) -> Result<(String, ChecklistTicks), ClientError> {
        let response = self
            .send(request(
                "GET",
                account_path(id, "/checklist"),
                Vec::new(),
                NO_BODY,
            ))
            .await?;
        let ticks = decode(&response, by_serde)?;
        Ok((response.etag.ok_or(ClientError::Malformed)?, ticks))
    }

    /// Saves the ticks if they are still at version `etag`; the new version.
    pub async fn save_checklist(
        &self,
        id: &AccountId,
        etag: &str,
        ticks: &ChecklistTicks,
    ) -> Result<String, ClientError> {
        let headers = vec![("if-match".to_owned(), etag.to_owned())];
        let path = account_path(id, "/checklist");
        let response = self
            .send(request("PUT", path, headers, Some(ticks)))
            .await?;
        decode(&response, by_serde::<ChecklistTicks>)?;
        response.etag.ok_or(ClientError::Malformed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_id_stays_one_segment_of_the_apis_path() {
        for (id, path) in [
            ("fabrikam", "/v1/accounts/fabrikam/offers"),
            (
                "fabrikam/../../mpn/2345678",
                "/v1/accounts/fabrikam%2F..%2F..%2Fmpn%2F2345678/offers",
            ),
            ("a?b#c", "/v1/accounts/a%3Fb%23c/offers"),
            ("%2e%2e", "/v1/accounts/%252e%252e/offers"),
            ("...", "/v1/accounts/.../offers"),
            ("é 😀", "/v1/accounts/%C3%A9%20%F0%9F%98%80/offers"),
        ] {
            assert_eq!(
                account_path(&AccountId::parse(id).unwrap(), "/offers"),
                path
            );
        }
    }
}
