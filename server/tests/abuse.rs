//! The server under abuse: slow requests, large bodies, floods of lookups, odd `Authorization`
//! headers, and settings that must not be reachable in a deployment. Through real HTTP.

mod common;

use std::num::NonZeroU32;
use std::process::{Command, Stdio};
use std::time::Duration;

use assistant_server::Settings;
use assistant_server::limits::RateLimit;
use common::{Server, instant_server, serve};
use reqwest::header::{AUTHORIZATION, HeaderValue};
use reqwest::{Method, StatusCode};
use serde_json::json;

fn limit(requests: u32) -> RateLimit {
    RateLimit {
        requests: NonZeroU32::new(requests).unwrap(),
        window: Duration::from_secs(60),
    }
}

async fn check_email(server: &Server, token: &str) -> common::Answer {
    server
        .call(
            Method::POST,
            "/v1/accounts/fabrikam/work-email-check",
            Some(token),
            &[],
            Some(json!({ "work_email": "admin@fabrikam.example" })),
        )
        .await
}

#[tokio::test]
async fn too_many_email_checks_are_refused_with_the_time_to_wait() {
    let server = serve(Settings {
        email_check_limit: limit(2),
        ..Settings::default()
    })
    .await;
    for _ in 0..2 {
        assert_eq!(
            check_email(&server, "demo-owner").await.status,
            StatusCode::OK
        );
    }
    let refused = check_email(&server, "demo-owner").await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(refused.problem_code(), "too_many_requests");
    let wait: u64 = refused.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=30).contains(&wait), "Retry-After: {wait}");
    // Another user is not held up by this one.
    let other = check_email(&server, "demo-newcomer").await;
    assert_eq!(other.problem_code(), "not_found");
}

#[tokio::test]
async fn too_many_mpn_lookups_are_refused_and_the_email_checks_keep_their_own_count() {
    let server = serve(Settings {
        mpn_lookup_limit: limit(1),
        ..Settings::default()
    })
    .await;
    assert_eq!(server.get("/v1/mpn/4567890").await.status, StatusCode::OK);
    let refused = server.get("/v1/mpn/4567890").await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(refused.problem_code(), "too_many_requests");
    assert!(refused.headers.contains_key("retry-after"));
    assert_eq!(
        check_email(&server, "demo-owner").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_default_limit_is_thirty_a_minute() {
    let server = serve(Settings::default()).await;
    for attempt in 1..=30 {
        let answer = server.get("/v1/mpn/4567890").await;
        assert_eq!(answer.status, StatusCode::OK, "lookup {attempt}");
    }
    assert_eq!(
        server.get("/v1/mpn/4567890").await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn a_request_that_takes_too_long_is_answered_with_a_problem() {
    let server = serve(Settings {
        enable_faults: true,
        request_timeout: Duration::from_millis(300),
        ..Settings::default()
    })
    .await;
    let rules = json!([{ "path": "/v1/accounts", "fault": { "kind": "latency", "ms": 5000 } }]);
    let set = server
        .http
        .put(format!("{}/_faults", server.base))
        .json(&rules);
    assert_eq!(set.send().await.unwrap().status(), StatusCode::NO_CONTENT);
    let answer = server.get("/v1/accounts").await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(answer.problem_code(), "timeout");
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_with_a_problem() {
    let server = serve(Settings::default()).await;
    let padding = "x".repeat(assistant_server::MAX_BODY_BYTES);
    let answer = server
        .call(
            Method::POST,
            "/v1/accounts/fabrikam/work-email-check",
            Some("demo-owner"),
            &[],
            Some(json!({ "work_email": "admin@fabrikam.example", "padding": padding })),
        )
        .await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(answer.problem_code(), "payload_too_large");
}

/// The status and problem code of `GET /v1/accounts` with this `Authorization` header.
async fn accounts_with(server: &Server, authorization: HeaderValue) -> (StatusCode, String) {
    let response = server
        .http
        .get(format!("{}/v1/accounts", server.base))
        .header(AUTHORIZATION, authorization)
        .send()
        .await
        .unwrap();
    let status = response.status();
    let body: serde_json::Value = response.json().await.unwrap_or_default();
    (status, body["code"].as_str().unwrap_or_default().to_owned())
}

#[tokio::test]
async fn the_bearer_scheme_is_case_insensitive() {
    let server = instant_server().await;
    for header in [
        "bearer demo-owner",
        "BEARER demo-owner",
        "Bearer  demo-owner",
    ] {
        let (status, _) = accounts_with(&server, HeaderValue::from_static(header)).await;
        assert_eq!(status, StatusCode::OK, "{header}");
    }
}

#[tokio::test]
async fn a_malformed_authorization_header_is_an_unauthorized_problem() {
    let server = instant_server().await;
    for header in [
        &b"Bearer"[..],
        b"Basic ZGVtby1vd25lcjo=",
        b"Bearer demo-owner extra",
        b"Bearer \xc3\xa9\xff",
        b"Bearer\tdemo-owner",
        b"demo-owner",
    ] {
        let (status, code) = accounts_with(&server, HeaderValue::from_bytes(header).unwrap()).await;
        assert_eq!(
            (status, code.as_str()),
            (StatusCode::UNAUTHORIZED, "unauthorized"),
            "{header:?}"
        );
    }
}

/// The reference server's binary, started with `args` and `envs` on a free port; its address,
/// or what it said on stderr when it stopped.
fn start_binary(
    args: &[&str],
    envs: &[(&str, &str)],
) -> Result<(std::process::Child, String), String> {
    use std::io::{BufRead, BufReader, Read};
    let mut child = Command::new(env!("CARGO_BIN_EXE_assistant-server"))
        .args(["--port", "0", "--in-memory"])
        .args(args)
        .envs(envs.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first_line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first_line)
        .unwrap();
    match first_line.trim().strip_prefix("Listening on ") {
        Some(url) => Ok((child, url.to_owned())),
        None => {
            let mut said = String::new();
            child
                .stderr
                .take()
                .unwrap()
                .read_to_string(&mut said)
                .unwrap();
            let status = child.wait().unwrap();
            Err(format!("{status}: {said}"))
        }
    }
}

#[tokio::test]
async fn fault_injection_is_not_switched_on_by_the_environment_alone() {
    let (mut server, url) = start_binary(&[], &[("ASSISTANT_ENABLE_FAULTS", "true")]).unwrap();
    let status = assistant_server::http_client()
        .put(format!("{url}/_faults"))
        .json(&json!([]))
        .send()
        .await
        .unwrap()
        .status();
    server.kill().unwrap();
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_link_that_is_not_https_stops_the_server_naming_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("flow.json");
    std::fs::write(
        &config,
        r#"{ "links": { "partner_center": "https://partner.example/", "support_ticket": "http://help.example/" } }"#,
    )
    .unwrap();
    let refused = start_binary(&["--flow-config", config.to_str().unwrap()], &[]).unwrap_err();
    assert!(refused.contains("links.support_ticket"), "{refused}");
    assert!(refused.contains("http://help.example/"), "{refused}");
}

#[tokio::test]
async fn the_links_of_a_flow_configuration_are_handed_out() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("flow.json");
    std::fs::write(
        &config,
        r#"{ "links": { "support_ticket": "https://help.example/" } }"#,
    )
    .unwrap();
    let (mut server, url) =
        start_binary(&["--flow-config", config.to_str().unwrap()], &[]).unwrap();
    let body: serde_json::Value = assistant_server::http_client()
        .get(format!("{url}/v1/config"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    server.kill().unwrap();
    assert_eq!(body["links"]["support_ticket"], "https://help.example/");
    assert_eq!(
        body["links"]["partner_center"],
        "https://partner.microsoft.com/"
    );
}
