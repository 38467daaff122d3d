//! The contract's shared scenarios (`assistant_core::api::scenarios`), against the server over HTTP.
//! The app's demo backend runs the same list in the browser.

use std::time::Duration;

use assistant_core::api::scenarios::{self, Method, Scenario, body_matches};
use assistant_server::{Settings, app};
use serde_json::Value;

async fn run(scenario: &Scenario) -> Vec<String> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let router = app(&Settings {
        migration_takes: Duration::from_secs(600),
        ..Settings::default()
    })
    .unwrap();
    let server = tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    let http = assistant_server::http_client();
    let mut failures = Vec::new();
    for (index, step) in scenario.steps.iter().enumerate() {
        let request = &step.request;
        let method = match request.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Delete => reqwest::Method::DELETE,
        };
        let mut call = http.request(method, format!("{base}{}", request.path));
        if let Some(token) = request.token {
            call = call.bearer_auth(token);
        }
        for (name, value) in &request.headers {
            call = call.header(*name, value);
        }
        if let Some(body) = &request.body {
            call = call.json(body);
        }
        let response = call.send().await.unwrap();
        let status = response.status().as_u16();
        let etag = response
            .headers()
            .get("etag")
            .map(|v| v.to_str().unwrap().to_owned());
        let body: Value = response.json().await.unwrap_or(Value::Null);
        let expect = &step.expect;
        let etag_ok = expect.etag.is_none_or(|want| etag.as_deref() == Some(want));
        if status != expect.status || !body_matches(&expect.body, &body) || !etag_ok {
            failures.push(format!(
                "{} step {index} ({} {}): expected {} {} etag {:?}, got {status} {body} etag {etag:?}",
                scenario.name,
                request.method.as_str(),
                request.path,
                expect.status,
                expect.body,
                expect.etag
            ));
        }
    }
    server.abort();
    failures
}

#[tokio::test]
async fn every_contract_scenario_passes_against_the_server() {
    let mut failures = Vec::new();
    for scenario in scenarios::all() {
        failures.extend(run(&scenario).await);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
