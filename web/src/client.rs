//! The app's one client of the API: typed calls over either transport, a server over HTTP or the
//! embedded demo backend, so every screen works the same on both. Bodies are the core's types.

use std::cell::RefCell;
use std::rc::Rc;

use assistant_core::account::Account;
use assistant_core::api::{
    AccountDetail, ChecklistTicks, MigrationState, Problem, ProblemCode, WorkEmailAccepted,
    WorkEmailCheck,
};
use assistant_core::config::FlowConfig;
use assistant_core::flow::MigrationRequest;
use assistant_core::mpn::MpnRecord;
use assistant_core::offer::{Offer, Readiness};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use wasm_bindgen_futures::JsFuture;

use crate::demo_backend::{ApiRequest, ApiResponse, DemoBackend};

/// How long a request may take before the app says so and offers to try again.
pub const TIMEOUT_MS: i32 = 10_000;

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
    Demo(Rc<RefCell<DemoBackend>>),
}

/// The API client.
#[derive(Clone)]
pub struct Client {
    transport: Transport,
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Sends a request with `fetch`, aborting it after [`TIMEOUT_MS`].
async fn fetch(
    base_url: &str,
    token: Option<&str>,
    request: &ApiRequest,
) -> Result<ApiResponse, ClientError> {
    let window = web_sys::window().ok_or(ClientError::Network)?;
    let init = web_sys::RequestInit::new();
    init.set_method(&request.method);
    let headers = web_sys::Headers::new().map_err(|_| ClientError::Network)?;
    let set = |name: &str, value: &str| headers.set(name, value).map_err(|_| ClientError::Network);
    if let Some(token) = token {
        set("authorization", &format!("Bearer {token}"))?;
    }
    for (name, value) in &request.headers {
        set(name, value)?;
    }
    if let Some(body) = &request.body {
        set("content-type", "application/json")?;
        init.set_body(&JsValue::from_str(body));
    }
    init.set_headers(&headers);
    let controller = web_sys::AbortController::new().map_err(|_| ClientError::Network)?;
    init.set_signal(Some(&controller.signal()));
    let timed_out = Rc::new(std::cell::Cell::new(false));
    let on_timeout = {
        let (controller, timed_out) = (controller.clone(), Rc::clone(&timed_out));
        Closure::once(move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.as_ref().unchecked_ref(),
            TIMEOUT_MS,
        )
        .map_err(|_| ClientError::Network)?;

    let url = format!("{base_url}{}", request.path);
    let outcome = async {
        let response: web_sys::Response =
            JsFuture::from(window.fetch_with_str_and_init(&url, &init))
                .await
                .map_err(|_| ())?
                .unchecked_into();
        let etag = response.headers().get("etag").ok().flatten();
        let text = JsFuture::from(response.text().map_err(|_| ())?)
            .await
            .map_err(|_| ())?;
        Ok::<_, ()>(ApiResponse {
            status: response.status(),
            etag,
            body: text.as_string().unwrap_or_default(),
        })
    }
    .await;
    window.clear_timeout_with_handle(timer);
    drop(on_timeout);
    outcome.map_err(|()| {
        if timed_out.get() {
            ClientError::Timeout
        } else {
            ClientError::Network
        }
    })
}

fn decode<T: DeserializeOwned>(response: &ApiResponse) -> Result<T, ClientError> {
    match response.status {
        200..=299 => serde_json::from_str(&response.body).map_err(|_| ClientError::Malformed),
        // A sign-in that is no longer valid, whatever answers it (a gateway in front of the API
        // may answer without a problem of the contract).
        401 => Err(ClientError::Problem(Problem::of(ProblemCode::Unauthorized))),
        status => match serde_json::from_str::<Problem>(&response.body) {
            Ok(problem) => Err(ClientError::Problem(problem)),
            Err(_) if status >= 500 => {
                Err(ClientError::Problem(Problem::of(ProblemCode::Internal)))
            }
            Err(_) => Err(ClientError::Malformed),
        },
    }
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
        body: body.map(|body| serde_json::to_string(body).expect("request bodies serialise")),
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

    /// Puts the demo's fixtures back; nothing on a real server.
    pub fn reset_demo(&self) {
        if let Transport::Demo(demo) = &self.transport {
            demo.borrow_mut().reset();
        }
    }

    async fn send(&self, mut request: ApiRequest) -> Result<ApiResponse, ClientError> {
        match &self.transport {
            Transport::Http { base_url, token } => {
                let token = token.current().await?;
                fetch(base_url, token.as_deref(), &request).await
            }
            Transport::Demo(demo) => {
                request.token = Some(crate::demo_backend::DEMO_TOKEN.to_owned());
                Ok(demo.borrow_mut().handle(&request, now_ms()))
            }
        }
    }

    async fn get<T: DeserializeOwned>(&self, path: String) -> Result<T, ClientError> {
        decode(&self.send(request("GET", path, Vec::new(), NO_BODY)).await?)
    }

    /// The flow configuration.
    pub async fn config(&self) -> Result<FlowConfig, ClientError> {
        self.get("/v1/config".into()).await
    }

    /// The viewer's accounts.
    pub async fn accounts(&self) -> Result<Vec<Account>, ClientError> {
        self.get("/v1/accounts".into()).await
    }

    /// One account with its stored MPN ID's state.
    pub async fn account(&self, id: &str) -> Result<AccountDetail, ClientError> {
        self.get(format!("/v1/accounts/{id}")).await
    }

    /// What the registry says of an MPN ID.
    pub async fn lookup_mpn(&self, id: &str) -> Result<MpnRecord, ClientError> {
        self.get(format!("/v1/mpn/{id}")).await
    }

    /// The account's offers.
    pub async fn offers(&self, id: &str) -> Result<Vec<Offer>, ClientError> {
        self.get(format!("/v1/accounts/{id}/offers")).await
    }

    /// The account's readiness facts.
    pub async fn readiness(&self, id: &str) -> Result<Readiness, ClientError> {
        self.get(format!("/v1/accounts/{id}/readiness")).await
    }

    /// Checks a work email for the account.
    pub async fn check_work_email(
        &self,
        id: &str,
        check: &WorkEmailCheck,
    ) -> Result<WorkEmailAccepted, ClientError> {
        let path = format!("/v1/accounts/{id}/work-email-check");
        decode(
            &self
                .send(request("POST", path, Vec::new(), Some(check)))
                .await?,
        )
    }

    /// Starts the migration; the same `idempotency_key` never starts two.
    pub async fn start_migration(
        &self,
        id: &str,
        idempotency_key: &str,
        migration: &MigrationRequest,
    ) -> Result<MigrationState, ClientError> {
        let headers = vec![("idempotency-key".to_owned(), idempotency_key.to_owned())];
        let path = format!("/v1/accounts/{id}/migration");
        decode(
            &self
                .send(request("POST", path, headers, Some(migration)))
                .await?,
        )
    }

    /// Where the account's migration stands.
    pub async fn migration(&self, id: &str) -> Result<MigrationState, ClientError> {
        self.get(format!("/v1/accounts/{id}/migration")).await
    }

    /// The checklist ticks and their version (ETag).
    pub async fn checklist(&self, id: &str) -> Result<(String, ChecklistTicks), ClientError> {
        let response = self
            .send(request(
                "GET",
                format!("/v1/accounts/{id}/checklist"),
                Vec::new(),
                NO_BODY,
            ))
            .await?;
        let ticks = decode(&response)?;
        Ok((response.etag.ok_or(ClientError::Malformed)?, ticks))
    }

    /// Saves the ticks if they are still at version `etag`; the new version.
    pub async fn save_checklist(
        &self,
        id: &str,
        etag: &str,
        ticks: &ChecklistTicks,
    ) -> Result<String, ClientError> {
        let headers = vec![("if-match".to_owned(), etag.to_owned())];
        let path = format!("/v1/accounts/{id}/checklist");
        let response = self
            .send(request("PUT", path, headers, Some(ticks)))
            .await?;
        decode::<ChecklistTicks>(&response)?;
        response.etag.ok_or(ClientError::Malformed)
    }
}
