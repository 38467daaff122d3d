//! Drafts through real HTTP and in the store: one person's alone, expired 30 days after their
//! last change (and said so), removed by the server by itself, and gone when the migration
//! starts. The contract's scenarios (`assistant_core::api::scenarios`) cover the preconditions
//! and the size limit.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use assistant_core::account::AccountId;
use assistant_core::api::draft::Draft;
use assistant_core::flow::{Answers, MigrationRequest, MpnAnswer};
use assistant_server::Settings;
use assistant_server::clock::Clock;
use assistant_server::store::{Fixtures, Store, StoredDraft};
use common::{instant_server, serve};
use reqwest::{Method, StatusCode};
use serde_json::json;

const DAY_MS: i64 = 86_400_000;
const DRAFT: &str = "/v1/accounts/fabrikam/draft";

#[derive(Debug)]
struct ManualClock(AtomicI64);

impl ManualClock {
    fn advance(&self, ms: i64) {
        self.0.fetch_add(ms, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

fn fabrikam() -> AccountId {
    AccountId::parse("fabrikam").unwrap()
}

fn draft(email: &str) -> Draft {
    Draft {
        answers: Answers::default().with_work_email(email),
        ..Draft::default()
    }
}

#[tokio::test]
async fn a_draft_expires_thirty_days_after_its_last_change_and_says_so() {
    let clock = Arc::new(ManualClock(AtomicI64::new(1_800_000_000_000)));
    let server = serve(Settings {
        clock: Arc::clone(&clock) as Arc<dyn Clock>,
        ..Settings::default()
    })
    .await;
    let body = json!({ "answers": { "work_email": "it@fabrikam.example" } });
    let put = |headers: &'static [(&'static str, &'static str)]| {
        server.call(
            Method::PUT,
            DRAFT,
            Some("demo-owner"),
            headers,
            Some(body.clone()),
        )
    };
    let written = put(&[]).await;
    assert_eq!(written.status, StatusCode::OK, "{}", written.body);
    assert_eq!(
        written.body["expires_at_ms"].as_i64(),
        Some(1_800_000_000_000 + 30 * DAY_MS)
    );
    clock.advance(29 * DAY_MS);
    let changed = put(&[("If-Match", "\"1\"")]).await;
    assert_eq!(
        changed.status,
        StatusCode::OK,
        "a change keeps it 30 days more"
    );
    clock.advance(29 * DAY_MS);
    assert_eq!(server.get(DRAFT).await.status, StatusCode::OK);
    clock.advance(DAY_MS);
    let expired = server.get(DRAFT).await;
    assert_eq!(expired.status, StatusCode::GONE);
    assert_eq!(expired.problem_code(), "draft_expired");
    // A new draft starts after it, with a version no earlier draft had.
    let again = put(&[("If-None-Match", "*")]).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    assert_eq!(
        again.headers.get("etag").map(|v| v.to_str().unwrap()),
        Some("\"3\"")
    );
}

#[test]
fn the_server_removes_expired_drafts_by_itself() {
    let clock = Arc::new(ManualClock(AtomicI64::new(0)));
    let store = Store::open(None, Fixtures::Spec, Arc::clone(&clock) as Arc<dyn Clock>).unwrap();
    let allow = |_: Option<i64>| Ok(());
    store
        .put_draft(
            "someone",
            &fabrikam(),
            &draft("a@fabrikam.example"),
            allow,
            0,
        )
        .unwrap()
        .unwrap();
    assert_eq!(store.purge_drafts(30 * DAY_MS - 1).unwrap(), 0);
    assert_eq!(
        store.purge_drafts(30 * DAY_MS).unwrap(),
        1,
        "its answers go"
    );
    assert_eq!(
        store.draft("someone", &fabrikam(), 30 * DAY_MS).unwrap(),
        StoredDraft::Expired { version: 1 }
    );
    // A month later still, not even that it expired is kept.
    store.purge_drafts(60 * DAY_MS).unwrap();
    assert_eq!(
        store.draft("someone", &fabrikam(), 60 * DAY_MS).unwrap(),
        StoredDraft::None
    );
}

#[test]
fn no_draft_ever_has_a_version_an_earlier_one_had() {
    let clock = Arc::new(ManualClock(AtomicI64::new(0)));
    let store = Store::open(None, Fixtures::Spec, Arc::clone(&clock) as Arc<dyn Clock>).unwrap();
    let version = |store: &Store| match store.draft("someone", &fabrikam(), 1).unwrap() {
        StoredDraft::Kept { version, .. } => version,
        other => panic!("a draft: {other:?}"),
    };
    let write = |store: &Store| {
        store
            .put_draft(
                "someone",
                &fabrikam(),
                &draft("a@fabrikam.example"),
                |_| Ok(()),
                0,
            )
            .unwrap()
            .unwrap()
    };
    write(&store);
    assert_eq!(version(&store), 1);
    // Forgotten, then written again: a device that still holds version 1 cannot write over it.
    store.delete_draft("someone", &fabrikam()).unwrap();
    assert_eq!(
        store.draft("someone", &fabrikam(), 1).unwrap(),
        StoredDraft::Gone { version: 1 }
    );
    write(&store);
    assert_eq!(version(&store), 2);
}

#[test]
fn a_draft_is_its_writers_alone_and_goes_when_the_migration_starts() {
    let clock = Arc::new(ManualClock(AtomicI64::new(0)));
    let store = Store::open(None, Fixtures::Spec, Arc::clone(&clock) as Arc<dyn Clock>).unwrap();
    let allow = |_: Option<i64>| Ok(());
    for (user, email) in [
        ("owner-a", "a@fabrikam.example"),
        ("owner-b", "b@fabrikam.example"),
    ] {
        store
            .put_draft(user, &fabrikam(), &draft(email), allow, 0)
            .unwrap()
            .unwrap();
    }
    let StoredDraft::Kept { kept, .. } = store.draft("owner-a", &fabrikam(), 1).unwrap() else {
        panic!("owner-a's draft");
    };
    assert_eq!(kept.draft, draft("a@fabrikam.example"), "not owner-b's");

    let account = store
        .account_for("demo-owner", &fabrikam())
        .unwrap()
        .unwrap();
    let request = MigrationRequest {
        work_email: "admin@fabrikam.example".into(),
        mpn: MpnAnswer::KeepOnFile,
    };
    store
        .start_migration(("owner-a", "key"), &request, &account, &request, 60_000)
        .unwrap();
    for user in ["owner-a", "owner-b"] {
        assert_eq!(
            store.draft(user, &fabrikam(), 2).unwrap(),
            StoredDraft::Gone { version: 1 },
            "{user}'s draft goes with the start of the migration"
        );
    }
}

#[tokio::test]
async fn the_clock_of_a_server_with_faults_moves_on_by_hand() {
    let server = serve(Settings {
        enable_faults: true,
        ..Settings::default()
    })
    .await;
    let body = json!({ "answers": { "work_email": "it@fabrikam.example" } });
    let written = server
        .call(Method::PUT, DRAFT, Some("demo-owner"), &[], Some(body))
        .await;
    assert_eq!(written.status, StatusCode::OK);
    let moved = server
        .http
        .put(format!("{}/_faults/clock", server.base))
        .json(&json!({ "by_ms": 30 * DAY_MS }))
        .send()
        .await
        .unwrap();
    assert_eq!(moved.status(), StatusCode::NO_CONTENT);
    tokio::time::sleep(Duration::from_millis(10)).await;
    assert_eq!(server.get(DRAFT).await.status, StatusCode::GONE);
}

#[tokio::test]
async fn a_draft_is_a_signed_in_owners_only() {
    let server = instant_server().await;
    let anonymous = server.call(Method::GET, DRAFT, None, &[], None).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let newcomer = server
        .call(Method::GET, DRAFT, Some("demo-newcomer"), &[], None)
        .await;
    assert_eq!(newcomer.problem_code(), "not_found");
}
