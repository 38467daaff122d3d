//! A signed-in owner's draft of an account (`/v1/accounts/{id}/draft`): kept for the one who
//! wrote it, versioned with an ETag, changed only with the `If-Match` of its version, removed
//! 30 days after its last change, when the owner forgets it, or when the migration starts.

use std::sync::Arc;

use assistant_core::api::draft::{
    DraftConflict, DraftRefusal, draft_precondition, may_keep_draft, read_draft,
};
use assistant_core::api::{self, Problem, ProblemCode};
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::{viewer_account, with_etag};
use crate::AppState;
use crate::auth::Viewer;
use crate::problem::{ApiError, PathParam};
use crate::store::StoredDraft;

fn header(headers: &HeaderMap, name: header::HeaderName) -> Option<&str> {
    headers
        .get(name)
        .map(|value| value.to_str().unwrap_or_default())
}

pub async fn read(
    State(app): State<Arc<AppState>>,
    viewer: Viewer,
    PathParam(id): PathParam<String>,
) -> Result<Response, ApiError> {
    let now = app.clock.now_ms();
    let store = app.store();
    let account = viewer_account(&store, &viewer, &id)?;
    may_keep_draft(&account)?;
    match store.draft(&viewer.id, &account.id, now)? {
        StoredDraft::Kept { version, kept } => Ok(with_etag(version, kept)),
        StoredDraft::Expired { .. } => Err(ProblemCode::DraftExpired.into()),
        StoredDraft::None | StoredDraft::Gone { .. } => Err(ProblemCode::NotFound.into()),
    }
}

pub async fn write(
    State(app): State<Arc<AppState>>,
    viewer: Viewer,
    PathParam(id): PathParam<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let now = app.clock.now_ms();
    // The store is held from the read of the version to the write: no other write comes between.
    let store = app.store();
    let account = viewer_account(&store, &viewer, &id)?;
    may_keep_draft(&account)?;
    let draft = read_draft(&body)?;
    let (if_match, if_none_match) = (
        header(&headers, header::IF_MATCH),
        header(&headers, header::IF_NONE_MATCH),
    );
    let written = store.put_draft(
        &viewer.id,
        &account.id,
        &draft,
        |current| match draft_precondition(if_match, if_none_match, current) {
            Ok(_) => Ok(()),
            Err(
                DraftRefusal::Required(problem)
                | DraftRefusal::Failed(problem)
                | DraftRefusal::Invalid(problem),
            ) => Err(problem),
        },
        now,
    )?;
    match written {
        Ok((version, kept)) => Ok(with_etag(version, kept)),
        Err((problem, held)) if problem.code == ProblemCode::PreconditionFailed => {
            Ok(conflict(problem, held))
        }
        Err((problem, _)) => Err(problem.into()),
    }
}

/// `412`: the problem with the draft held, so the app can ask which to keep.
fn conflict(problem: Problem, held: StoredDraft) -> Response {
    let (current, etag) = match held {
        StoredDraft::Kept { version, kept } => (Some(kept), Some(api::etag(version))),
        StoredDraft::None | StoredDraft::Expired { .. } | StoredDraft::Gone { .. } => (None, None),
    };
    let body = DraftConflict {
        problem,
        current,
        etag,
    };
    let mut response = (StatusCode::PRECONDITION_FAILED, Json(body)).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    response
}

pub async fn forget(
    State(app): State<Arc<AppState>>,
    viewer: Viewer,
    PathParam(id): PathParam<String>,
) -> Result<StatusCode, ApiError> {
    let store = app.store();
    let account = viewer_account(&store, &viewer, &id)?;
    may_keep_draft(&account)?;
    store.delete_draft(&viewer.id, &account.id)?;
    Ok(StatusCode::NO_CONTENT)
}
