//! The publisher's checklist ticks, versioned with an ETag; writes need `If-Match`.

use std::sync::Arc;

use assistant_core::api::{self, ChecklistTicks};
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::Response;

use super::{viewer_account, with_etag};
use crate::AppState;
use crate::auth::Viewer;
use crate::problem::{ApiError, Body, PathParam};

pub async fn read(
    State(app): State<Arc<AppState>>,
    viewer: Viewer,
    PathParam(id): PathParam<String>,
) -> Result<Response, ApiError> {
    let store = app.store();
    let account = viewer_account(&store, &viewer, &id)?;
    let (version, ticks) = store.ticks(&account.id)?;
    Ok(with_etag(version, ChecklistTicks { ticks }))
}

pub async fn update(
    State(app): State<Arc<AppState>>,
    viewer: Viewer,
    PathParam(id): PathParam<String>,
    headers: HeaderMap,
    Body(update): Body<ChecklistTicks>,
) -> Result<Response, ApiError> {
    let if_match = headers
        .get(header::IF_MATCH)
        .map(|value| value.to_str().unwrap_or_default());
    // The store is held from the read of the version to the write: no other write comes between.
    let store = app.store();
    let account = viewer_account(&store, &viewer, &id)?;
    let (current, _) = store.ticks(&account.id)?;
    api::if_match_version(if_match, current)?;
    let (offers, readiness) = (store.offers(&account.id)?, store.readiness(&account.id)?);
    api::accept_ticks(&offers, &readiness, &update.ticks)?;
    store.save_ticks(&account.id, current + 1, &update.ticks)?;
    Ok(with_etag(current + 1, update))
}
