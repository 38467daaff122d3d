//! Accounts, MPN lookups, offers, readiness, configuration, authorisation and CORS, through real HTTP.

mod common;

use common::{Server, instant_server};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

/// The origin a CORS preflight from `origin` is allowed as, if any.
async fn allowed_origin(server: &Server, origin: &str) -> Option<String> {
    let response = server
        .http
        .request(Method::OPTIONS, format!("{}/v1/accounts", server.base))
        .header("origin", origin)
        .header("access-control-request-method", "GET")
        .header("access-control-request-headers", "authorization")
        .send()
        .await
        .unwrap();
    let allowed = response.headers().get("access-control-allow-origin")?;
    Some(allowed.to_str().unwrap().to_owned())
}

#[tokio::test]
async fn no_token_or_an_unknown_one_is_unauthorized() {
    let server = instant_server().await;
    for token in [None, Some("not-a-demo-token")] {
        let answer = server
            .call(Method::GET, "/v1/accounts", token, &[], None)
            .await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
        assert_eq!(answer.problem_code(), "unauthorized");
    }
}

#[tokio::test]
async fn the_default_demo_user_sees_every_fixture_account_with_its_role() {
    let server = instant_server().await;
    let answer = server.get("/v1/accounts").await;
    assert_eq!(answer.status, StatusCode::OK);
    let accounts = answer.body.as_array().unwrap();
    let seen: Vec<(&str, &str, &str)> = accounts
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap(),
                a["viewer_role"].as_str().unwrap(),
                a["migration_status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("contoso", "owner", "migrated"),
            ("fabrikam", "owner", "not_migrated"),
            ("northwind", "owner", "not_migrated"),
            ("adatum", "owner", "not_migrated"),
            ("litware", "owner", "not_migrated"),
            ("tailspin", "developer", "not_migrated"),
        ]
    );
    assert_eq!(accounts[2]["sign_in"]["kind"], "microsoft_account");
}

#[tokio::test]
async fn a_user_without_accounts_sees_none_and_gets_404_for_someone_elses() {
    let server = instant_server().await;
    let list = server
        .call(
            Method::GET,
            "/v1/accounts",
            Some("demo-newcomer"),
            &[],
            None,
        )
        .await;
    assert_eq!(list.body, json!([]));
    for path in [
        "/v1/accounts/fabrikam",
        "/v1/accounts/fabrikam/offers",
        "/v1/accounts/fabrikam/checklist",
    ] {
        let answer = server
            .call(Method::GET, path, Some("demo-newcomer"), &[], None)
            .await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(answer.problem_code(), "not_found");
    }
    assert_eq!(
        server.get("/v1/accounts/nonexistent").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn an_account_comes_with_its_stored_mpn_ids_state() {
    let server = instant_server().await;
    let fabrikam = server.get("/v1/accounts/fabrikam").await.body;
    assert_eq!(fabrikam["stored_mpn"]["status"], "active");
    assert_eq!(fabrikam["stored_mpn"]["tenant"]["name"], "Fabrikam");
    assert_eq!(
        server.get("/v1/accounts/litware").await.body["stored_mpn"]["status"],
        "not_found"
    );
    assert_eq!(
        server.get("/v1/accounts/adatum").await.body["stored_mpn"],
        Value::Null
    );
}

#[tokio::test]
async fn mpn_lookup_tells_active_inactive_and_not_found_and_refuses_malformed_ids() {
    let server = instant_server().await;
    let adatum = server.get("/v1/mpn/4567890").await;
    assert_eq!(adatum.body["status"], "active");
    assert_eq!(
        adatum.body["tenant"]["verified_domains"],
        json!(["adatum.example"])
    );
    assert_eq!(
        server.get("/v1/mpn/1111111").await.body["status"],
        "inactive"
    );
    assert_eq!(
        server.get("/v1/mpn/7654321").await.body["status"],
        "not_found"
    );
    let malformed = server.get("/v1/mpn/12ab").await;
    assert_eq!(malformed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(malformed.problem_code(), "validation_failed");
    assert_eq!(malformed.body["field"], "mpn_id");
}

#[tokio::test]
async fn malformed_json_is_a_validation_problem() {
    let server = instant_server().await;
    let response = server
        .http
        .post(format!(
            "{}/v1/accounts/northwind/work-email-check",
            server.base
        ))
        .bearer_auth("demo-owner")
        .header("content-type", "application/json")
        .body("{\"work_email\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let body: Value = response.json().await.unwrap();
    assert_eq!(
        (body["code"].as_str(), body["field"].as_str()),
        (Some("validation_failed"), Some("body"))
    );
}

#[tokio::test]
async fn offers_and_readiness_are_the_fixtures() {
    let server = instant_server().await;
    let offers = server.get("/v1/accounts/fabrikam/offers").await.body;
    assert_eq!(offers.as_array().unwrap().len(), 5);
    assert_eq!(offers[1]["offer_type"], "power_apps");
    let readiness = server.get("/v1/accounts/fabrikam/readiness").await.body;
    assert_eq!(
        readiness,
        json!({ "pmc_account_migrated": true, "marketplace_enrolled": true, "isv_addendum_accepted": false, "billing_profile_complete": false })
    );
    assert_eq!(
        server.get("/v1/config").await.body["offers_deadline"],
        "2019-10-15"
    );
}

#[tokio::test]
async fn cors_allows_the_configured_origins_only() {
    let server = instant_server().await;
    let allowed = allowed_origin(&server, "http://127.0.0.1:8080").await;
    assert_eq!(allowed.as_deref(), Some("http://127.0.0.1:8080"));
    assert_eq!(allowed_origin(&server, "https://evil.example").await, None);
}

#[tokio::test]
async fn an_origin_with_any_port_can_be_allowed_for_test_runners() {
    let settings = assistant_server::Settings {
        allowed_origins: vec!["http://127.0.0.1:*".into()],
        ..assistant_server::Settings::default()
    };
    let server = common::serve(settings).await;
    let any_port = allowed_origin(&server, "http://127.0.0.1:41234").await;
    assert_eq!(any_port.as_deref(), Some("http://127.0.0.1:41234"));
    for other in [
        "http://127.0.0.1.evil.example:80",
        "http://127.0.0.1:",
        "http://127.0.0.1:99999",
        "https://127.0.0.1:443",
    ] {
        assert_eq!(allowed_origin(&server, other).await, None, "{other}");
    }
}
