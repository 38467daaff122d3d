//! Work email checks, idempotent migrations, refusals, versioned checklists and persistence,
//! through real HTTP.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use assistant_server::Settings;
use assistant_server::clock::Clock;
use common::{Answer, Server, instant_server, serve};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

async fn post(server: &Server, path: &str, headers: &[(&str, &str)], body: Value) -> Answer {
    server
        .call(Method::POST, path, Some("demo-owner"), headers, Some(body))
        .await
}

fn migration(email: &str, mpn: Value) -> Value {
    json!({ "work_email": email, "mpn": mpn })
}

fn keep_on_file() -> Value {
    json!({ "choice": "keep_on_file" })
}

#[tokio::test]
async fn work_email_check_names_the_tenant_on_mismatch() {
    let server = instant_server().await;
    let path = "/v1/accounts/northwind/work-email-check";
    let mismatch = post(
        &server,
        path,
        &[],
        json!({ "work_email": "ops@adatum.example" }),
    )
    .await;
    assert_eq!(mismatch.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(mismatch.problem_code(), "tenant_mismatch");
    assert_eq!(mismatch.body["tenant_name"], "Northwind Traders");

    let consumer = post(
        &server,
        path,
        &[],
        json!({ "work_email": "northwind.publisher@outlook.com" }),
    )
    .await;
    assert_eq!(consumer.problem_code(), "consumer_email");

    let accepted = post(
        &server,
        path,
        &[],
        json!({ "work_email": "ops@northwind.example" }),
    )
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
    let answer = post(&server, "/v1/accounts/adatum/work-email-check", &[], body).await;
    assert_eq!(answer.body["tenant_name"], "Adatum");
}

#[tokio::test]
async fn starting_a_migration_needs_an_idempotency_key() {
    let server = instant_server().await;
    let answer = post(
        &server,
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
    let first = post(
        &server,
        "/v1/accounts/fabrikam/migration",
        &key,
        body.clone(),
    )
    .await;
    assert_eq!(first.status, StatusCode::ACCEPTED);
    assert_eq!(first.body["status"], "in_progress");
    let again = post(&server, "/v1/accounts/fabrikam/migration", &key, body).await;
    assert_eq!(again.status, StatusCode::ACCEPTED);
    assert_eq!(again.body, first.body);

    let other = post(
        &server,
        "/v1/accounts/fabrikam/migration",
        &key,
        migration("other@fabrikam.example", keep_on_file()),
    )
    .await;
    assert_eq!(other.problem_code(), "conflict");

    let second_key = [("idempotency-key", "another-key")];
    let twice = post(
        &server,
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

/// A clock the test moves by hand.
#[derive(Debug)]
struct ManualClock(AtomicI64);

impl ManualClock {
    fn advance(&self, by: Duration) {
        let ms = i64::try_from(by.as_millis()).unwrap();
        self.0.fetch_add(ms, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

#[tokio::test]
async fn a_migration_is_in_progress_then_completed() {
    let clock = Arc::new(ManualClock(AtomicI64::new(1_800_000_000_000)));
    let server = serve(Settings {
        migration_takes: Duration::from_secs(60),
        clock: Arc::clone(&clock) as Arc<dyn Clock>,
        ..Settings::default()
    })
    .await;
    let key = [("idempotency-key", "k1")];
    let started = post(
        &server,
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
    let again = post(
        &server,
        "/v1/accounts/fabrikam/migration",
        &[("idempotency-key", "k2")],
        migration("admin@fabrikam.example", keep_on_file()),
    )
    .await;
    assert_eq!(again.problem_code(), "conflict", "one migration at a time");
    clock.advance(Duration::from_secs(59));
    assert_eq!(
        server.get("/v1/accounts/fabrikam/migration").await.body["status"],
        "in_progress",
        "not before its time"
    );
    clock.advance(Duration::from_secs(1));
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
        let answer = post(
            &server,
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
    let northwind = post(
        &server,
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
    let answer = post(
        &server,
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
        post(
            &server,
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
