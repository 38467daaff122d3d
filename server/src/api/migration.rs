//! Checking the work email, starting the migration (idempotent), and its status.

use std::sync::Arc;

use assistant_core::api::{self, MigrationState, WorkEmailAccepted, WorkEmailCheck};
use assistant_core::email::Uts46;
use assistant_core::flow::{MigrationRequest, MpnAnswer};
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};

use super::{Lookups, viewer_account};
use crate::AppState;
use crate::auth::Viewer;
use crate::problem::{ApiError, Body, PathParam};
use crate::store::FirstUse;

fn new_mpn(answer: Option<&MpnAnswer>) -> Option<&str> {
    match answer {
        Some(MpnAnswer::NewId(id)) => Some(id),
        Some(MpnAnswer::KeepOnFile) | None => None,
    }
}

pub async fn check_work_email(
    State(app): State<Arc<AppState>>,
    viewer: Viewer,
    PathParam(id): PathParam<String>,
    Body(check): Body<WorkEmailCheck>,
) -> Result<Json<WorkEmailAccepted>, ApiError> {
    app.email_checks.check(&viewer.id)?;
    let store = app.store();
    let account = viewer_account(&store, &viewer, &id)?;
    let lookups = Lookups::of(&store, &account, new_mpn(check.mpn.as_ref()))?;
    Ok(Json(api::check_work_email(
        &lookups.facts(&account),
        &check,
        &Uts46,
    )?))
}

pub async fn start(
    State(app): State<Arc<AppState>>,
    viewer: Viewer,
    PathParam(id): PathParam<String>,
    headers: HeaderMap,
    Body(request): Body<MigrationRequest>,
) -> Result<(StatusCode, Json<MigrationState>), ApiError> {
    let key = api::idempotency_key(headers.get("idempotency-key").map(|value| value.as_bytes()))?;
    let store = app.store();
    let account = viewer_account(&store, &viewer, &id)?;
    let first = store.idempotency_first_use(&viewer.id, key)?;
    if let Some(answer) = api::replay(first.as_ref().map(FirstUse::as_api), &account.id, &request)?
    {
        return Ok((StatusCode::ACCEPTED, Json(answer.clone())));
    }
    let lookups = Lookups::of(&store, &account, new_mpn(Some(&request.mpn)))?;
    let allowed = api::decide_start(&lookups.facts(&account), &request, &Uts46)?;
    let state = store.start_migration(
        (&viewer.id, key),
        &request,
        &account,
        &allowed,
        app.migration_takes_ms,
    )?;
    Ok((StatusCode::ACCEPTED, Json(state)))
}

pub async fn status(
    State(app): State<Arc<AppState>>,
    viewer: Viewer,
    PathParam(id): PathParam<String>,
) -> Result<Json<MigrationState>, ApiError> {
    let store = app.store();
    let account = viewer_account(&store, &viewer, &id)?;
    Ok(Json(store.migration(&account)?))
}
