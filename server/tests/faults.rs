//! Fault injection, as the app's reliability tests will use it, through real HTTP.

use std::time::{Duration, Instant};

use assistant_server::{Settings, app};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn serve(enable_faults: bool) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let settings = Settings {
        enable_faults,
        migration_takes: Duration::from_secs(60),
        ..Settings::default()
    };
    let router = app(&settings).unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    base
}

async fn set_faults(base: &str, rules: Value) {
    let response = assistant_server::http_client()
        .put(format!("{base}/_faults"))
        .json(&rules)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
}

fn get(base: &str, path: &str) -> reqwest::RequestBuilder {
    assistant_server::http_client()
        .get(format!("{base}{path}"))
        .bearer_auth("demo-owner")
}

#[tokio::test]
async fn without_the_flag_there_is_no_fault_control() {
    let base = serve(false).await;
    let response = assistant_server::http_client()
        .put(format!("{base}/_faults"))
        .json(&json!([]))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_error_status_applies_as_many_times_as_asked_then_the_route_recovers() {
    let base = serve(true).await;
    set_faults(&base, json!([{ "method": "GET", "path": "/v1/accounts", "fault": { "kind": "status", "status": 500 }, "times": 1 }]))
        .await;
    let failed = get(&base, "/v1/accounts").send().await.unwrap();
    assert_eq!(failed.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(failed.headers()["content-type"], "application/problem+json");
    assert_eq!(
        get(&base, "/v1/accounts").send().await.unwrap().status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn latency_delays_the_answer_without_changing_it() {
    let base = serve(true).await;
    set_faults(
        &base,
        json!([{ "path": "/v1/config", "fault": { "kind": "latency", "ms": 300 } }]),
    )
    .await;
    let started = Instant::now();
    let response = get(&base, "/v1/config").send().await.unwrap();
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_malformed_body_is_not_json() {
    let base = serve(true).await;
    set_faults(
        &base,
        json!([{ "path": "/v1/accounts/fabrikam", "fault": { "kind": "malformed_body" } }]),
    )
    .await;
    let response = get(&base, "/v1/accounts/fabrikam").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.json::<Value>().await.is_err());
}

#[tokio::test]
async fn a_dropped_connection_during_submit_then_a_retry_leaves_exactly_one_migration() {
    let base = serve(true).await;
    let path = "/v1/accounts/fabrikam/migration";
    set_faults(&base, json!([{ "method": "POST", "path": path, "fault": { "kind": "drop_connection" }, "times": 1 }])).await;
    let submit = || {
        assistant_server::http_client()
            .post(format!("{base}{path}"))
            .bearer_auth("demo-owner")
            .header("idempotency-key", "retry-after-drop")
            .json(&json!({ "work_email": "admin@fabrikam.example", "mpn": { "choice": "keep_on_file" } }))
            .send()
    };
    let lost = match submit().await {
        Ok(response) => response.bytes().await.is_err(),
        Err(_) => true,
    };
    assert!(lost, "the first answer never arrives");
    let retry = submit().await.unwrap();
    assert_eq!(retry.status(), StatusCode::ACCEPTED);
    let state: Value = retry.json().await.unwrap();
    assert_eq!(
        (state["status"].as_str(), state["reference"].as_str()),
        (Some("in_progress"), Some("MIG-000001"))
    );
    let status: Value = get(&base, path).send().await.unwrap().json().await.unwrap();
    assert_eq!(status["reference"], "MIG-000001", "one migration, not two");
}
