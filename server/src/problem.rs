//! Every failure of the API as one type, answered as RFC 9457 problem details.

use assistant_core::api::{Problem, ProblemCode};
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::store::StoreError;

/// What a failure tells beyond its problem, in a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// Nothing more.
    None,
    /// Seconds to wait before trying again (`Retry-After`).
    RetryAfter(u32),
    /// The bearer token given is not valid: the `WWW-Authenticate` challenge says
    /// `error="invalid_token"` (RFC 6750 §3.1).
    InvalidToken,
}

/// A failed request: a problem of the contract, and what its headers say beyond it.
#[derive(Debug)]
pub struct ApiError {
    /// The problem.
    pub problem: Problem,
    /// What a header says beyond the problem.
    pub hint: Hint,
}

impl ApiError {
    /// Too many requests: try again in `seconds`.
    pub fn too_many_requests(seconds: u32) -> Self {
        Self {
            hint: Hint::RetryAfter(seconds),
            ..ProblemCode::TooManyRequests.into()
        }
    }

    /// A bearer token that is not valid (RFC 6750 §3.1): expired, of another issuer or audience,
    /// badly signed, or not known.
    pub fn invalid_token() -> Self {
        Self {
            hint: Hint::InvalidToken,
            ..ProblemCode::Unauthorized.into()
        }
    }
}

impl From<Problem> for ApiError {
    fn from(problem: Problem) -> Self {
        Self {
            problem,
            hint: Hint::None,
        }
    }
}

impl From<ProblemCode> for ApiError {
    fn from(code: ProblemCode) -> Self {
        Problem::of(code).into()
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        tracing::error!(error = %error.0, "store failed");
        ProblemCode::Internal.into()
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            return ProblemCode::PayloadTooLarge.into();
        }
        Problem::validation("body", rejection.body_text()).into()
    }
}

impl From<PathRejection> for ApiError {
    fn from(_: PathRejection) -> Self {
        // A path that cannot even be decoded names no resource.
        ProblemCode::NotFound.into()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let hint = self.hint;
        let mut response = (status, axum::Json(self.problem)).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let Hint::RetryAfter(seconds) = hint {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        if status == StatusCode::UNAUTHORIZED {
            let challenge = match hint {
                Hint::InvalidToken => r#"Bearer error="invalid_token""#,
                Hint::None | Hint::RetryAfter(_) => "Bearer",
            };
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(challenge),
            );
        }
        response
    }
}

/// Answers the bare failures of the layers in front of the handlers (a request that took too
/// long) as problems too.
pub async fn bare_failures_as_problems(response: Response) -> Response {
    let bare = !response.headers().contains_key(header::CONTENT_TYPE);
    if bare && response.status() == StatusCode::SERVICE_UNAVAILABLE {
        return ApiError::from(ProblemCode::Timeout).into_response();
    }
    response
}

/// A JSON body whose rejection is a problem too.
#[derive(axum::extract::FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct Body<T>(pub T);

/// A path parameter whose rejection is a problem too.
#[derive(axum::extract::FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct PathParam<T>(pub T);
