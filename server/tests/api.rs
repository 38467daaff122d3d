//! Every endpoint and problem code of the contract, through real HTTP.

use std::time::Duration;

use assistant_server::{Settings, app};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

struct Server {
    base: String,
    http: reqwest::Client,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(settings: Settings) -> Server {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let router = app(&settings).unwrap();
    let task = tokio::spawn(async move {
        axum::serve(listener, router).await.unwrap();
    });
    Server {
        base,
        http: reqwest::Client::new(),
        task,
    }
}

async fn instant_server() -> Server {
    serve(Settings {
        migration_takes: Duration::ZERO,
        ..Settings::default()
    })
    .await
}

/// A response's status, headers and JSON body.
struct Answer {
    status: StatusCode,
    headers: reqwest::header::HeaderMap,
    body: Value,
}

impl Answer {
    fn problem_code(&self) -> &str {
        assert_eq!(
            self.headers
                .get("content-type")
                .map(|v| v.to_str().unwrap()),
            Some("application/problem+json"),
            "a problem is problem+json: {}",
            self.body
        );
        self.body["code"].as_str().unwrap_or_default()
    }
}

impl Server {
    async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        headers: &[(&str, &str)],
        body: Option<Value>,
    ) -> Answer {
        let mut request = self.http.request(method, format!("{}{path}", self.base));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let text = response.text().await.unwrap();
        let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
        Answer {
            status,
            headers,
            body,
        }
    }

    async fn get(&self, path: &str) -> Answer {
        self.call(Method::GET, path, Some("demo-owner"), &[], None)
            .await
    }

    async fn post(&self, path: &str, headers: &[(&str, &str)], body: Value) -> Answer {
        self.call(Method::POST, path, Some("demo-owner"), headers, Some(body))
            .await
    }
}

fn migration(email: &str, mpn: Value) -> Value {
    json!({ "work_email": email, "mpn": mpn })
}

fn keep_on_file() -> Value {
    json!({ "choice": "keep_on_file" })
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
async fn work_email_check_names_the_tenant_on_mismatch() {
    let server = instant_server().await;
    let path = "/v1/accounts/northwind/work-email-check";
    let mismatch = server
        .post(path, &[], json!({ "work_email": "ops@adatum.example" }))
        .await;
    assert_eq!(mismatch.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(mismatch.problem_code(), "tenant_mismatch");
    assert_eq!(mismatch.body["tenant_name"], "Northwind Traders");

    let consumer = server
        .post(
            path,
            &[],
            json!({ "work_email": "northwind.publisher@outlook.com" }),
        )
        .await;
    assert_eq!(consumer.problem_code(), "consumer_email");

    let accepted = server
        .post(path, &[], json!({ "work_email": "ops@northwind.example" }))
        .await;
    assert_eq!(accepted.status, StatusCode::OK);
    assert_eq!(
        accepted.body,
        json!({ "work_email": "ops@northwind.example", "tenant_name": "Northwind Traders" })
    );
}

#[tokio::test]
async fn work_email_check_follows_a_new_mpn_ids_tenant() {
    let server = instant_server().await;
    let body = json!({ "work_email": "lead@adatum.example", "mpn": { "choice": "new_id", "id": "4567890" } });
    let answer = server
        .post("/v1/accounts/adatum/work-email-check", &[], body)
        .await;
    assert_eq!(answer.body["tenant_name"], "Adatum");
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
async fn starting_a_migration_needs_an_idempotency_key() {
    let server = instant_server().await;
    let answer = server
        .post(
            "/v1/accounts/fabrikam/migration",
            &[],
            migration("admin@fabrikam.example", keep_on_file()),
        )
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.problem_code(), "validation_failed");
    assert_eq!(answer.body["field"], "Idempotency-Key");
}

#[tokio::test]
async fn the_same_idempotency_key_twice_starts_one_migration_and_returns_the_first_answer() {
    let server = instant_server().await;
    let key = [("idempotency-key", "2b1c0c2e-5d0e-4c8e-9d43-0f3b5f1e7a11")];
    let body = migration("admin@fabrikam.example", keep_on_file());
    let first = server
        .post("/v1/accounts/fabrikam/migration", &key, body.clone())
        .await;
    assert_eq!(first.status, StatusCode::ACCEPTED);
    assert_eq!(first.body["status"], "in_progress");
    let again = server
        .post("/v1/accounts/fabrikam/migration", &key, body)
        .await;
    assert_eq!(again.status, StatusCode::ACCEPTED);
    assert_eq!(again.body, first.body);

    let other = server
        .post(
            "/v1/accounts/fabrikam/migration",
            &key,
            migration("other@fabrikam.example", keep_on_file()),
        )
        .await;
    assert_eq!(other.problem_code(), "conflict");

    let second_key = [("idempotency-key", "another-key")];
    let twice = server
        .post(
            "/v1/accounts/fabrikam/migration",
            &second_key,
            migration("admin@fabrikam.example", keep_on_file()),
        )
        .await;
    assert_eq!(
        twice.problem_code(),
        "already_migrated",
        "completed at once with no delay"
    );
}

#[tokio::test]
async fn a_migration_is_in_progress_then_completed() {
    let server = serve(Settings {
        migration_takes: Duration::from_millis(300),
        ..Settings::default()
    })
    .await;
    let key = [("idempotency-key", "k1")];
    let started = server
        .post(
            "/v1/accounts/fabrikam/migration",
            &key,
            migration("admin@fabrikam.example", keep_on_file()),
        )
        .await;
    let reference = started.body["reference"].clone();
    assert!(reference.as_str().is_some_and(|r| r.starts_with("MIG-")));
    assert_eq!(
        server.get("/v1/accounts/fabrikam/migration").await.body["status"],
        "in_progress"
    );
    let again = server
        .post(
            "/v1/accounts/fabrikam/migration",
            &[("idempotency-key", "k2")],
            migration("admin@fabrikam.example", keep_on_file()),
        )
        .await;
    assert_eq!(again.problem_code(), "conflict", "one migration at a time");
    tokio::time::sleep(Duration::from_millis(400)).await;
    let done = server.get("/v1/accounts/fabrikam/migration").await.body;
    assert_eq!(
        (done["status"].clone(), done["reference"].clone()),
        (json!("migrated"), reference)
    );
    assert_eq!(
        server.get("/v1/accounts/fabrikam").await.body["account"]["migration_status"],
        "migrated"
    );
}

#[tokio::test]
async fn each_refusal_to_migrate_has_its_problem_code() {
    let server = instant_server().await;
    let cases = [
        (
            "tailspin",
            migration("dev@tailspin.example", keep_on_file()),
            StatusCode::FORBIDDEN,
            "not_owner",
        ),
        (
            "contoso",
            migration("owner@contoso.example", keep_on_file()),
            StatusCode::CONFLICT,
            "already_migrated",
        ),
        (
            "northwind",
            migration("ops@adatum.example", keep_on_file()),
            StatusCode::UNPROCESSABLE_ENTITY,
            "tenant_mismatch",
        ),
        (
            "fabrikam",
            migration("me@gmail.com", keep_on_file()),
            StatusCode::UNPROCESSABLE_ENTITY,
            "consumer_email",
        ),
        (
            "adatum",
            migration("lead@adatum.example", keep_on_file()),
            StatusCode::UNPROCESSABLE_ENTITY,
            "mpn_missing",
        ),
        (
            "litware",
            migration("admin@litware.example", keep_on_file()),
            StatusCode::UNPROCESSABLE_ENTITY,
            "mpn_not_found",
        ),
        (
            "litware",
            migration(
                "admin@litware.example",
                json!({ "choice": "new_id", "id": "1111111" }),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
            "mpn_inactive",
        ),
        (
            "fabrikam",
            migration("not an email", keep_on_file()),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        ),
    ];
    for (i, (account, body, status, code)) in cases.into_iter().enumerate() {
        let key = format!("refusal-{i}");
        let answer = server
            .post(
                &format!("/v1/accounts/{account}/migration"),
                &[("idempotency-key", &key)],
                body,
            )
            .await;
        assert_eq!(
            (answer.status, answer.problem_code()),
            (status, code),
            "{account}"
        );
    }
    let northwind = server
        .post(
            "/v1/accounts/northwind/migration",
            &[("idempotency-key", "n")],
            migration("ops@adatum.example", keep_on_file()),
        )
        .await;
    assert_eq!(northwind.body["tenant_name"], "Northwind Traders");
}

#[tokio::test]
async fn adatum_migrates_with_its_new_mpn_id() {
    let server = instant_server().await;
    let body = migration(
        "lead@adatum.example",
        json!({ "choice": "new_id", "id": "4567890" }),
    );
    let answer = server
        .post(
            "/v1/accounts/adatum/migration",
            &[("idempotency-key", "a")],
            body,
        )
        .await;
    assert_eq!(answer.status, StatusCode::ACCEPTED);
    assert_eq!(
        server.get("/v1/accounts/adatum/migration").await.body["status"],
        "migrated"
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
async fn checklist_writes_need_the_current_etag() {
    let server = instant_server().await;
    let path = "/v1/accounts/fabrikam/checklist";
    let read = server.get(path).await;
    assert_eq!(
        (read.body.clone(), read.headers["etag"].to_str().unwrap()),
        (json!({ "ticks": [] }), "\"0\"")
    );

    let ticks = json!({ "ticks": ["offers_in_appsource:fabrikam-expense-app"] });
    let put = |if_match: Option<&'static str>, body: Value| {
        let headers: Vec<(&str, &str)> =
            if_match.map(|tag| ("if-match", tag)).into_iter().collect();
        let server = &server;
        async move {
            server
                .call(Method::PUT, path, Some("demo-owner"), &headers, Some(body))
                .await
        }
    };
    let missing = put(None, ticks.clone()).await;
    assert_eq!(
        (missing.status, missing.problem_code()),
        (StatusCode::PRECONDITION_REQUIRED, "precondition_required")
    );
    let saved = put(Some("\"0\""), ticks.clone()).await;
    assert_eq!(
        (saved.status, saved.headers["etag"].to_str().unwrap()),
        (StatusCode::OK, "\"1\"")
    );
    let stale = put(Some("\"0\""), json!({ "ticks": [] })).await;
    assert_eq!(
        (stale.status, stale.problem_code()),
        (StatusCode::PRECONDITION_FAILED, "precondition_failed")
    );
    assert_eq!(server.get(path).await.body, ticks);
    let whatever = put(Some("*"), json!({ "ticks": [] })).await;
    assert_eq!(
        (whatever.status, whatever.headers["etag"].to_str().unwrap()),
        (StatusCode::OK, "\"2\"")
    );
}

#[tokio::test]
async fn a_restart_keeps_the_data_and_reset_brings_the_fixtures_back() {
    let dir = tempfile::tempdir().unwrap();
    let settings = Settings {
        database: Some(dir.path().join("assistant.sqlite3")),
        migration_takes: Duration::ZERO,
        ..Settings::default()
    };
    {
        let server = serve(settings.clone()).await;
        let key = [("idempotency-key", "restart")];
        server
            .post(
                "/v1/accounts/fabrikam/migration",
                &key,
                migration("admin@fabrikam.example", keep_on_file()),
            )
            .await;
        let ticks = json!({ "ticks": ["offers_in_appsource:fabrikam-warehouse"] });
        server
            .call(
                Method::PUT,
                "/v1/accounts/fabrikam/checklist",
                Some("demo-owner"),
                &[("if-match", "\"0\"")],
                Some(ticks),
            )
            .await;
    }
    let restarted = serve(settings.clone()).await;
    assert_eq!(
        restarted.get("/v1/accounts/fabrikam/migration").await.body["status"],
        "migrated"
    );
    assert_eq!(
        restarted
            .get("/v1/accounts/fabrikam/checklist")
            .await
            .headers["etag"],
        "\"1\""
    );
    drop(restarted);

    let reset = serve(Settings {
        reset: true,
        ..settings
    })
    .await;
    assert_eq!(
        reset.get("/v1/accounts/fabrikam/migration").await.body["status"],
        "not_migrated"
    );
    assert_eq!(
        reset.get("/v1/accounts/fabrikam/checklist").await.body,
        json!({ "ticks": [] })
    );
}

#[tokio::test]
async fn cors_allows_the_configured_origins_only() {
    let server = instant_server().await;
    let preflight = |origin: &'static str| {
        server
            .http
            .request(Method::OPTIONS, format!("{}/v1/accounts", server.base))
            .header("origin", origin)
            .header("access-control-request-method", "GET")
            .header("access-control-request-headers", "authorization")
            .send()
    };
    let allowed = preflight("http://127.0.0.1:8080").await.unwrap();
    assert_eq!(
        allowed.headers()["access-control-allow-origin"],
        "http://127.0.0.1:8080"
    );
    let other = preflight("https://evil.example").await.unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());
}
