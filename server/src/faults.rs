//! Fault injection for tests, only with `--enable-faults`: `PUT /_faults` sets the rules,
//! `DELETE /_faults` clears them, and `PUT /_faults/clock` (`{"by_ms": n}`) moves the server's
//! clock on. A rule matches a method and path and applies to the next
//! `times` requests (every request when absent).
//!
//! Kinds: `latency` (`ms` added before answering), `status` (answer `status` with a problem,
//! without handling the request), `malformed_body` (answer 200 with broken JSON, without
//! handling), `drop_connection` (handle the request, then cut the connection before the answer
//! arrives: the effect happens and the client never hears of it).

use std::future::ready;
use std::io;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use assistant_core::api::{Problem, ProblemCode};
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::put;
use axum::{Json, Router};
use futures_util::stream;
use serde::Deserialize;

use crate::clock::MovedClock;

/// What a matched request suffers.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fault {
    /// Added latency before the request is handled.
    Latency {
        /// Milliseconds to wait.
        ms: u64,
    },
    /// An error status instead of handling the request.
    Status {
        /// The HTTP status to answer.
        status: u16,
    },
    /// A 200 answer whose JSON body is cut short, instead of handling the request.
    MalformedBody,
    /// The request is handled, then the connection is cut before the answer is complete.
    DropConnection,
}

/// One rule: which requests, what fault, how many times.
#[derive(Debug, Clone, Deserialize)]
pub struct FaultRule {
    /// The method to match (any when absent).
    #[serde(default, with = "method_name")]
    pub method: Option<Method>,
    /// The exact path to match.
    pub path: String,
    /// What the request suffers.
    pub fault: Fault,
    /// How many matching requests suffer it (all when absent).
    pub times: Option<u32>,
}

mod method_name {
    use axum::http::Method;
    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Method>, D::Error> {
        Option::<String>::deserialize(deserializer)?
            .map(|name| {
                name.to_ascii_uppercase()
                    .parse()
                    .map_err(serde::de::Error::custom)
            })
            .transpose()
    }
}

/// The rules in force.
#[derive(Default)]
pub struct Faults(Mutex<Vec<FaultRule>>);

impl Faults {
    /// The fault for this request, counting it against the rule's `times`.
    fn take(&self, method: &Method, path: &str) -> Option<Fault> {
        let mut rules = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let index = rules.iter().position(|rule| {
            rule.path == path
                && rule.method.as_ref().is_none_or(|m| m == method)
                && rule.times != Some(0)
        })?;
        let rule = &mut rules[index];
        if let Some(times) = &mut rule.times {
            *times -= 1;
        }
        Some(rule.fault.clone())
    }
}

async fn set_rules(
    State(faults): State<Arc<Faults>>,
    Json(rules): Json<Vec<FaultRule>>,
) -> StatusCode {
    *faults
        .0
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner()) = rules;
    StatusCode::NO_CONTENT
}

async fn clear_rules(State(faults): State<Arc<Faults>>) -> StatusCode {
    faults
        .0
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .clear();
    StatusCode::NO_CONTENT
}

/// How far to move the server's clock on.
#[derive(Debug, Deserialize)]
struct MoveClock {
    /// Milliseconds.
    by_ms: i64,
}

async fn move_clock(
    State(clock): State<Arc<MovedClock>>,
    Json(moved): Json<MoveClock>,
) -> StatusCode {
    clock.move_on(moved.by_ms);
    StatusCode::NO_CONTENT
}

/// The routes that set and clear the rules, and move the server's clock on.
pub fn control(faults: Arc<Faults>, clock: Arc<MovedClock>) -> Router {
    Router::new()
        .route("/_faults", put(set_rules).delete(clear_rules))
        .with_state(faults)
        .merge(
            Router::new()
                .route("/_faults/clock", put(move_clock))
                .with_state(clock),
        )
}

/// The middleware that applies the rules to every request.
pub async fn inject(State(faults): State<Arc<Faults>>, request: Request, next: Next) -> Response {
    let Some(fault) = faults.take(request.method(), request.uri().path()) else {
        return next.run(request).await;
    };
    tracing::warn!(?fault, path = %request.uri().path(), "injecting a fault");
    match fault {
        Fault::Latency { ms } => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            next.run(request).await
        }
        Fault::Status { status } => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let mut problem = Problem::new(ProblemCode::Internal, "an injected fault");
            problem.status = status.as_u16();
            crate::problem::ApiError::from(problem).into_response()
        }
        Fault::MalformedBody => {
            let mut response = (StatusCode::OK, "{\"account\": {\"id\": ").into_response();
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            response
        }
        Fault::DropConnection => {
            // A body that fails at once: the server closes the connection mid-answer.
            let (parts, _) = next.run(request).await.into_parts();
            let cut = stream::once(ready(Err::<Bytes, _>(io::Error::other(
                "injected: connection dropped",
            ))));
            Response::from_parts(parts, Body::from_stream(cut))
        }
    }
}
