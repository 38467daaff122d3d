//! The viewer: who a request's bearer token signs in as.

use std::sync::Arc;

use assistant_core::api::ProblemCode;
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;

use crate::AppState;
use crate::problem::ApiError;

/// The signed-in user of a request; requests without a known token are refused with 401.
pub struct Viewer(pub String);

impl FromRequestParts<Arc<AppState>> for Viewer {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .map(str::trim)
            .ok_or(ProblemCode::Unauthorized)?;
        let user = state
            .store()
            .user_for_token(token)?
            .ok_or(ProblemCode::Unauthorized)?;
        Ok(Viewer(user))
    }
}
