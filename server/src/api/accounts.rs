//! Accounts, their offers and readiness, MPN lookups and the flow configuration.

use std::sync::Arc;

use assistant_core::account::Account;
use assistant_core::api::{AccountDetail, Problem};
use assistant_core::config::FlowConfig;
use assistant_core::mpn::{MpnId, MpnRecord};
use assistant_core::offer::{Offer, Readiness};
use axum::Json;
use axum::extract::State;

use super::viewer_account;
use crate::AppState;
use crate::auth::Viewer;
use crate::problem::{ApiError, PathParam};

pub async fn config(State(app): State<Arc<AppState>>) -> Json<FlowConfig> {
    Json(app.flow_config.clone())
}

pub async fn list(
    State(app): State<Arc<AppState>>,
    viewer: Viewer,
) -> Result<Json<Vec<Account>>, ApiError> {
    let accounts = app.store().accounts_for(&viewer.id)?;
    Ok(Json(
        accounts
            .into_iter()
            .map(|account| viewer.sees(account))
            .collect(),
    ))
}

pub async fn detail(
    State(app): State<Arc<AppState>>,
    viewer: Viewer,
    PathParam(id): PathParam<String>,
) -> Result<Json<AccountDetail>, ApiError> {
    let store = app.store();
    let account = viewer_account(&store, &viewer, &id)?;
    let stored_mpn = match account.mpn_id.as_deref().map(MpnId::parse) {
        Some(Ok(mpn)) => Some(store.lookup_mpn(&mpn)?),
        _ => None,
    };
    Ok(Json(AccountDetail {
        account,
        stored_mpn,
    }))
}

pub async fn offers(
    State(app): State<Arc<AppState>>,
    viewer: Viewer,
    PathParam(id): PathParam<String>,
) -> Result<Json<Vec<Offer>>, ApiError> {
    let store = app.store();
    let account = viewer_account(&store, &viewer, &id)?;
    Ok(Json(store.offers(&account.id)?))
}

pub async fn readiness(
    State(app): State<Arc<AppState>>,
    viewer: Viewer,
    PathParam(id): PathParam<String>,
) -> Result<Json<Readiness>, ApiError> {
    let store = app.store();
    let account = viewer_account(&store, &viewer, &id)?;
    Ok(Json(store.readiness(&account.id)?))
}

pub async fn lookup_mpn(
    State(app): State<Arc<AppState>>,
    viewer: Viewer,
    PathParam(id): PathParam<String>,
) -> Result<Json<MpnRecord>, ApiError> {
    app.mpn_lookups.check(&viewer.id)?;
    let id = MpnId::parse(&id).map_err(|e| Problem::validation("mpn_id", e.to_string()))?;
    Ok(Json(app.store().lookup_mpn(&id)?))
}
