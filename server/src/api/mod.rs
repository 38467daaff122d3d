//! The `/v1` API: short handlers that extract typed input, ask the core and the store, and
//! answer typed output or a problem.

mod accounts;
mod checklist;
mod drafts;
mod migration;

use std::sync::Arc;

use assistant_core::account::{Account, AccountId};
use assistant_core::api::{AccountFacts, ProblemCode};
use assistant_core::mpn::{MpnId, MpnLookup, MpnRecord};
use axum::Router;
use axum::routing::{any, get, post};

use crate::AppState;
use crate::auth::Viewer;
use crate::problem::ApiError;
use crate::store::Store;

/// The routes of the contract, under `/v1`.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/v1/config", get(accounts::config))
        .route("/v1/accounts", get(accounts::list))
        .route("/v1/accounts/{id}", get(accounts::detail))
        .route("/v1/accounts/{id}/offers", get(accounts::offers))
        .route("/v1/accounts/{id}/readiness", get(accounts::readiness))
        .route(
            "/v1/accounts/{id}/work-email-check",
            post(migration::check_work_email),
        )
        .route(
            "/v1/accounts/{id}/migration",
            get(migration::status).post(migration::start),
        )
        .route(
            "/v1/accounts/{id}/checklist",
            get(checklist::read).put(checklist::update),
        )
        .route(
            "/v1/accounts/{id}/draft",
            get(drafts::read).put(drafts::write).delete(drafts::forget),
        )
        .route("/v1/mpn/{id}", get(accounts::lookup_mpn))
        .route("/v1", any(not_found))
        .route("/v1/", any(not_found))
        .route("/v1/{*rest}", any(not_found))
}

/// The viewer's account, or 404 (also for an account of someone else, and for an id no account
/// could have).
fn viewer_account(store: &Store, viewer: &Viewer, id: &str) -> Result<Account, ApiError> {
    let id = AccountId::parse(id).map_err(|_| ProblemCode::NotFound)?;
    store
        .account_for(&viewer.id, &id)?
        .map(|account| viewer.sees(account))
        .ok_or_else(|| ProblemCode::NotFound.into())
}

/// `body` as JSON, with the ETag of `version` (the checklist's, a draft's).
fn with_etag(version: i64, body: impl serde::Serialize) -> axum::response::Response {
    use axum::response::IntoResponse;
    let mut response = axum::Json(body).into_response();
    let etag = axum::http::HeaderValue::from_str(&assistant_core::api::etag(version))
        .expect("a quoted number is a valid header");
    response
        .headers_mut()
        .insert(axum::http::header::ETAG, etag);
    response
}

/// Any other path under `/v1`: no such resource.
async fn not_found() -> ApiError {
    ProblemCode::NotFound.into()
}

/// The registry's answers the core needs to decide about an account: for its stored MPN ID
/// and for a new one the request carries.
struct Lookups {
    stored: Option<MpnLookup>,
    new: Option<MpnRecord>,
}

impl Lookups {
    fn of(store: &Store, account: &Account, new_mpn: Option<&str>) -> Result<Self, ApiError> {
        let lookup = |text: Option<&str>| -> Result<Option<MpnRecord>, ApiError> {
            match text.and_then(|text| MpnId::parse(text).ok()) {
                Some(id) => Ok(Some(store.lookup_mpn(&id)?)),
                None => Ok(None),
            }
        };
        Ok(Self {
            stored: lookup(account.mpn_id.as_deref())?.map(|record| record.lookup),
            new: lookup(new_mpn)?,
        })
    }

    fn facts<'a>(&'a self, account: &'a Account) -> AccountFacts<'a> {
        AccountFacts {
            account,
            stored_mpn: self.stored.as_ref(),
            new_mpn: self.new.as_ref(),
        }
    }
}
