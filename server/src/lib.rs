//! The reference server of the migration assistant: the `/v1` API of `openapi.yaml` on SQLite,
//! and, when asked, the built app's static files. Every domain decision it makes is the core's.

mod api;
mod auth;
pub mod clock;
mod faults;
pub mod limits;
mod problem;
pub mod security;
pub mod store;

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use assistant_core::config::FlowConfig;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, Method, Request, StatusCode, header};
use axum::routing::get;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::auth::Authentication;
use crate::auth::oidc::Verifier;
pub use crate::auth::oidc::{KEYS_MAX_AGE, OidcSettings, REFETCH_AFTER};
use crate::clock::{Clock, MovedClock, SystemClock};
use crate::limits::{Limiter, RateLimit};
use crate::store::{Fixtures, Store, StoreError};

/// The largest request body the API reads (its largest request is a few hundred bytes).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// How the server is set up.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The built app (Trunk's `dist/`), served at `/` when given, with a `/config.json` that
    /// points it at this server's API (signed in as the default demo user).
    pub static_dir: Option<PathBuf>,
    /// Serve the app without that configuration, so it runs on its embedded demo backend.
    pub app_on_demo_backend: bool,
    /// The SQLite file; `None` keeps everything in memory (for tests).
    pub database: Option<PathBuf>,
    /// Put the fixtures back at start, forgetting every change.
    pub reset: bool,
    /// How long a migration takes before it completes.
    pub migration_takes: Duration,
    /// Origins allowed to call the API from a browser (CORS).
    pub allowed_origins: Vec<String>,
    /// Serve `/_faults`, through which tests inject latency, errors, broken bodies and dropped
    /// connections. Never on outside tests.
    pub enable_faults: bool,
    /// How long a request may take before it is answered with a `timeout` problem.
    pub request_timeout: Duration,
    /// Work email checks per user.
    pub email_check_limit: RateLimit,
    /// MPN registry lookups per user.
    pub mpn_lookup_limit: RateLimit,
    /// The deadline and links `GET /v1/config` hands out.
    pub flow_config: FlowConfig,
    /// Where the time comes from.
    pub clock: Arc<dyn Clock>,
    /// A folder of example host pages (such as a portal embedding the widget), served at
    /// `/examples/` under the same security headers as the app.
    pub examples_dir: Option<PathBuf>,
    /// The sources that may frame the app's pages (CSP `frame-ancestors`).
    pub frame_ancestors: String,
    /// The accounts a new (or reset) database starts with.
    pub fixtures: Fixtures,
    /// How the API knows who calls it.
    pub auth: Auth,
}

/// How the API knows who calls it, and how the app it serves signs in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Auth {
    /// The demo users' fixed tokens; the app it serves signs in as the demo owner.
    #[default]
    Demo,
    /// JWT access tokens of an OpenID provider; the app it serves signs in there as `client_id`,
    /// asking for `scope`.
    Oidc {
        /// The issuer and the audience tokens must have.
        oidc: OidcSettings,
        /// The app's client id at the provider.
        client_id: String,
        /// What the app asks for: `openid` and the API's scope, at least.
        scope: String,
    },
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            static_dir: None,
            app_on_demo_backend: false,
            database: None,
            reset: false,
            migration_takes: Duration::from_secs(3),
            allowed_origins: vec![
                "http://127.0.0.1:8080".into(),
                "http://localhost:8080".into(),
            ],
            enable_faults: false,
            request_timeout: Duration::from_secs(30),
            email_check_limit: RateLimit::default(),
            mpn_lookup_limit: RateLimit::default(),
            flow_config: FlowConfig::default(),
            clock: Arc::new(SystemClock),
            examples_dir: None,
            frame_ancestors: "'self'".into(),
            fixtures: Fixtures::Spec,
            auth: Auth::Demo,
        }
    }
}

/// What every handler shares.
pub struct AppState {
    store: Mutex<Store>,
    flow_config: FlowConfig,
    migration_takes_ms: i64,
    email_checks: Limiter,
    mpn_lookups: Limiter,
    authentication: Authentication,
    /// Where the time comes from.
    clock: Arc<dyn Clock>,
}

impl AppState {
    /// The store, for one handler's short use.
    fn store(&self) -> MutexGuard<'_, Store> {
        // A handler that panicked mid-write left no half-written row: SQLite rolled it back.
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Whether `origin` is one of `allowed`; an entry ending in `:*` allows any port
/// (`http://127.0.0.1:*`, for test runners on random ports).
fn origin_allowed(allowed: &[String], origin: &str) -> bool {
    allowed.iter().any(|entry| match entry.strip_suffix(":*") {
        Some(host) => origin
            .strip_prefix(host)
            .and_then(|rest| rest.strip_prefix(':'))
            .is_some_and(|port| port.parse::<u16>().is_ok()),
        None => entry == origin,
    })
}

fn cors(origins: &[String]) -> CorsLayer {
    let origins = origins.to_vec();
    let allow = AllowOrigin::predicate(move |origin: &HeaderValue, _| {
        origin
            .to_str()
            .is_ok_and(|origin| origin_allowed(&origins, origin))
    });
    CorsLayer::new()
        .allow_origin(allow)
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::IF_MATCH,
            HeaderName::from_static("idempotency-key"),
        ])
        .expose_headers([header::ETAG, header::RETRY_AFTER])
}

/// The app's configuration when this server serves it: its API is this server's (`""` is the
/// page's own origin), signed in at the provider, or else as the default demo user.
fn app_config(auth: &Auth) -> serde_json::Value {
    match auth {
        Auth::Demo => {
            serde_json::json!({ "api_base_url": "", "demo_token": store::DEMO_TOKENS[0].0 })
        }
        Auth::Oidc {
            oidc,
            client_id,
            scope,
        } => serde_json::json!({
            "api_base_url": "",
            "auth": {
                "issuer": oidc.issuer, "client_id": client_id, "scope": scope,
                "tenants": oidc.tenants,
            },
        }),
    }
}

/// An HTTP client (TLS through ring), for fetching what a provider publishes and for tests.
pub fn http_client() -> reqwest::Client {
    // One TLS backend for the process; a second install changes nothing.
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_default()
}

/// An issuer identifier the server may trust: an https: URL, or http: on this machine (a
/// provider for tests and trials), without a query or fragment (OpenID Connect Discovery §2).
/// A Microsoft Entra multi-tenant authority (`…/common/v2.0`) is one.
pub fn issuer(text: &str) -> Result<String, String> {
    if assistant_core::issuer::secure_endpoint(text) && !text.contains(['?', '#']) {
        Ok(text.to_owned())
    } else {
        Err(format!(
            "{text:?} is not an issuer: give https://… (or http://127.0.0.1:…)"
        ))
    }
}

/// The longest segment of a path that can name a file (a file name's limit on common file systems).
const LONGEST_FILE_NAME: usize = 255;

/// A path with a segment longer than any file name names a screen of the app, not a file: it is
/// asked as `/`, the app's page (a file system would refuse to look it up, a 500).
async fn no_file_is_named_so<B>(mut request: Request<B>) -> Request<B> {
    let too_long = request
        .uri()
        .path()
        .split('/')
        .any(|segment| segment.len() > LONGEST_FILE_NAME);
    if too_long {
        *request.uri_mut() = axum::http::Uri::from_static("/");
    }
    request
}

/// Where the release build puts the files whose names change with their content.
const HASHED_FILES: &str = "/assets/";

/// How long a browser may keep an app file: a content-hashed one found under `/assets/`, a year
/// without asking again (a new build names its files anew); the entry points (the page,
/// `widget.js`, `config.json`) and anything else, only after checking it is still the same.
async fn cache_control(
    uri: axum::http::Uri,
    mut response: axum::response::Response,
) -> axum::response::Response {
    let hashed = uri.path().starts_with(HASHED_FILES) && response.status().is_success();
    let value = if hashed {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    response
}

/// How often the server removes the drafts that expired.
const PURGE_EVERY: Duration = Duration::from_secs(10 * 60);

/// Removes expired drafts at once, then every [`PURGE_EVERY`], while the application lives (a
/// draft read before is emptied when it is read).
fn purge_drafts_now_and_then(state: &Arc<AppState>) {
    let Ok(runtime) = tokio::runtime::Handle::try_current() else {
        return;
    };
    let state = Arc::downgrade(state);
    runtime.spawn(async move {
        let mut every = tokio::time::interval(PURGE_EVERY);
        loop {
            every.tick().await;
            let Some(state) = state.upgrade() else {
                return;
            };
            match state.store().purge_drafts(state.clock.now_ms()) {
                Ok(0) => {}
                Ok(emptied) => tracing::info!(emptied, "removed expired drafts"),
                Err(error) => tracing::warn!(error = %error.0, "could not remove expired drafts"),
            }
        }
    });
}

/// The whole HTTP application, with its store opened (and migrated, and seeded if new).
pub fn app(settings: &Settings) -> Result<Router, StoreError> {
    // With faults, a test may move the clock on (a month, to see drafts expire).
    let moved = settings
        .enable_faults
        .then(|| Arc::new(MovedClock::new(Arc::clone(&settings.clock))));
    let clock: Arc<dyn Clock> = match &moved {
        Some(moved) => Arc::clone(moved) as Arc<dyn Clock>,
        None => Arc::clone(&settings.clock),
    };
    let store = Store::open(
        settings.database.as_deref(),
        settings.fixtures,
        Arc::clone(&clock),
    )?;
    if settings.reset {
        store.reset()?;
    }
    let state = Arc::new(AppState {
        store: Mutex::new(store),
        flow_config: settings.flow_config.clone(),
        migration_takes_ms: i64::try_from(settings.migration_takes.as_millis()).unwrap_or(i64::MAX),
        email_checks: Limiter::new(settings.email_check_limit),
        mpn_lookups: Limiter::new(settings.mpn_lookup_limit),
        authentication: match &settings.auth {
            Auth::Demo => Authentication::Demo,
            Auth::Oidc { oidc, .. } => Authentication::Oidc(Arc::new(Verifier::new(
                oidc.clone(),
                Arc::clone(&settings.clock),
            ))),
        },
        clock,
    });
    purge_drafts_now_and_then(&state);
    let mut api = api::routes()
        .with_state(state)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES));
    // Injected faults act as the handlers would: inside the time a request is given.
    let faults = settings
        .enable_faults
        .then(|| Arc::new(faults::Faults::default()));
    if let Some(faults) = &faults {
        api = api.layer(axum::middleware::from_fn_with_state(
            Arc::clone(faults),
            faults::inject,
        ));
    }
    let mut router = api
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            settings.request_timeout,
        ))
        .layer(axum::middleware::map_response(
            problem::bare_failures_as_problems,
        ));
    if let (Some(faults), Some(moved)) = (&faults, moved) {
        router = router.merge(faults::control(Arc::clone(faults), moved));
    }
    router = router.layer(cors(&settings.allowed_origins));
    let sign_in_origin = match &settings.auth {
        Auth::Oidc { oidc, .. } => Some(security::origin_of(&oidc.issuer)),
        Auth::Demo => None,
    };
    let (policy, nosniff, referrer) = security::layers(&settings.frame_ancestors, sign_in_origin);
    if let Some(dir) = &settings.examples_dir {
        let examples = Router::new()
            .fallback_service(ServeDir::new(dir))
            .layer(policy.clone())
            .layer(nosniff.clone())
            .layer(referrer.clone());
        router = router.nest_service("/examples", examples);
    }
    if let Some(dir) = &settings.static_dir {
        if !settings.app_on_demo_backend {
            let config = app_config(&settings.auth);
            router = router.route(
                "/config.json",
                get(move || std::future::ready(axum::Json(config.clone()))),
            );
        }
        // Unknown paths get the app's page, so a reload on any screen's URL works. The build's
        // `.br` and `.gz` files are sent to a browser that accepts them (with
        // `Vary: Accept-Encoding`).
        let spa = ServeDir::new(dir)
            .precompressed_br()
            .precompressed_gzip()
            .fallback(
                ServeFile::new(dir.join("index.html"))
                    .precompressed_br()
                    .precompressed_gzip(),
            );
        // A hashed file that is not there is a 404, never the page: a script or a wasm fetched
        // from an old page gets an error it shows, not HTML.
        let hashed = ServeDir::new(dir.join(HASHED_FILES.trim_matches('/')))
            .precompressed_br()
            .precompressed_gzip();
        let spa = Router::new()
            .nest_service(HASHED_FILES.trim_end_matches('/'), hashed)
            .fallback_service(spa)
            .layer(axum::middleware::map_request(no_file_is_named_so))
            .layer(policy)
            .layer(nosniff)
            .layer(referrer)
            .layer(axum::middleware::map_response(cache_control))
            // A portal of an allowed origin loads the widget from here: module scripts and the
            // wasm are fetched in CORS mode.
            .layer(cors(&settings.allowed_origins));
        // Tests also break the app's own files (a chunk of the wasm answered with a 500).
        let spa = match &faults {
            Some(faults) => spa.layer(axum::middleware::from_fn_with_state(
                Arc::clone(faults),
                faults::inject,
            )),
            None => spa,
        };
        router = router.fallback_service(spa);
    }
    let next_id = Arc::new(AtomicU64::new(1));
    Ok(router.layer(TraceLayer::new_for_http().make_span_with(move |request: &Request<_>| {
        // Method and path only: tokens and emails travel in headers and bodies, never logged.
        let id = next_id.fetch_add(1, Ordering::Relaxed);
        tracing::info_span!("request", id, method = %request.method(), path = %request.uri().path())
    })))
}

#[cfg(test)]
mod tests {
    use super::issuer;

    #[test]
    fn issuers_are_https_or_on_this_machine() {
        for good in [
            "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0",
            "https://id.example",
            "http://127.0.0.1:9000",
            "http://localhost",
        ] {
            assert_eq!(issuer(good).as_deref(), Ok(good));
        }
        for bad in [
            "http://id.example",
            "http://127.0.0.1.id.example",
            "http://localhost@id.example",
            "https://",
            "https://id.example/?tenant=x",
            "https://id.example/#x",
            "ftp://id.example",
            "",
        ] {
            assert!(issuer(bad).is_err(), "{bad:?}");
        }
    }
}
