#![cfg(target_arch = "wasm32")]
//! The embedded demo backend in a real browser: the contract's shared scenarios (the same list the
//! reference server passes), and progress kept across a reload through local storage.

use assistant_core::api::scenarios::{self, body_matches};
use assistant_web::backend::client::path_segment;
use assistant_web::backend::demo::{ApiRequest, DemoBackend, STORAGE_KEY};
use serde_json::Value;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const MINUTE_MS: f64 = 60_000.0;

fn request(step: &scenarios::Step) -> ApiRequest {
    let request = &step.request;
    ApiRequest {
        method: request.method.as_str().to_owned(),
        path: request.path.clone(),
        token: request.token.map(str::to_owned),
        headers: request
            .headers
            .iter()
            .map(|(n, v)| (n.to_ascii_lowercase(), v.clone()))
            .collect(),
        body: request.body.as_ref().map(Value::to_string),
    }
}

#[wasm_bindgen_test]
fn every_contract_scenario_passes_against_the_demo_backend() {
    let mut failures = Vec::new();
    for scenario in scenarios::all() {
        let mut demo = DemoBackend::in_memory(10.0 * MINUTE_MS);
        for (index, step) in scenario.steps.iter().enumerate() {
            let answer = demo.handle(&request(step), 0.0);
            let body: Value = serde_json::from_str(&answer.body).unwrap_or(Value::Null);
            let expect = &step.expect;
            let etag_ok = expect
                .etag
                .is_none_or(|want| answer.etag.as_deref() == Some(want));
            if answer.status != expect.status || !body_matches(&expect.body, &body) || !etag_ok {
                failures.push(format!(
                    "{} step {index}: expected {} {}, got {} {body} etag {:?}",
                    scenario.name, expect.status, expect.body, answer.status, answer.etag
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn call(
    demo: &mut DemoBackend,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
    now: f64,
) -> (u16, Value) {
    let request = ApiRequest {
        method: method.into(),
        path: path.into(),
        token: Some("demo-owner".into()),
        headers: headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect(),
        body: body.map(str::to_owned),
    };
    let answer = demo.handle(&request, now);
    (
        answer.status,
        serde_json::from_str(&answer.body).unwrap_or(Value::Null),
    )
}

/// The migration answers of the fixture accounts that keep their MPN ID on file.
fn keep_on_file(work_email: &str) -> String {
    format!(r#"{{"work_email":"{work_email}","mpn":{{"choice":"keep_on_file"}}}}"#)
}

/// The path of `account`'s migration, the id as one segment (as the app's client makes it).
fn migration_path(account: &str) -> String {
    format!("/v1/accounts/{}/migration", path_segment(&account))
}

/// Submits `account`'s migration with `body` under the idempotency key `key`; the status.
fn submit(demo: &mut DemoBackend, account: &str, body: &str, key: &str, now: f64) -> u16 {
    let path = migration_path(account);
    call(
        demo,
        "POST",
        &path,
        &[("idempotency-key", key)],
        Some(body),
        now,
    )
    .0
}

/// `account`'s migration as the demo tells it at `now`.
fn migration(demo: &mut DemoBackend, account: &str, now: f64) -> Value {
    let path = migration_path(account);
    call(demo, "GET", &path, &[], None, now).1
}

/// An empty local storage for the demo.
fn fresh_storage() -> web_sys::Storage {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item(STORAGE_KEY).unwrap();
    storage
}

#[wasm_bindgen_test]
fn progress_survives_a_reload_and_the_migration_completes_in_time() {
    fresh_storage();
    let body = keep_on_file("admin@fabrikam.example");
    {
        let mut demo = DemoBackend::in_local_storage(3_000.0);
        assert_eq!(submit(&mut demo, "fabrikam", &body, "k", 1_000.0), 202);
    }
    // A reload: a new backend on the same storage.
    let mut reloaded = DemoBackend::in_local_storage(3_000.0);
    assert_eq!(
        migration(&mut reloaded, "fabrikam", 2_000.0)["status"],
        "in_progress"
    );
    let after = migration(&mut reloaded, "fabrikam", 4_000.0);
    assert_eq!(
        (after["status"].as_str(), after["reference"].as_str()),
        (Some("migrated"), Some("MIG-000001"))
    );

    reloaded.reset();
    let mut fresh = DemoBackend::in_local_storage(3_000.0);
    assert_eq!(
        migration(&mut fresh, "fabrikam", 5_000.0)["status"],
        "not_migrated"
    );
}

#[wasm_bindgen_test]
fn two_tabs_on_the_demo_share_one_state() {
    fresh_storage();
    // Both open before either changes anything, as two tabs or two widgets of one page are.
    let mut first = DemoBackend::in_local_storage(3_000.0);
    let mut second = DemoBackend::in_local_storage(3_000.0);
    let fabrikam = keep_on_file("admin@fabrikam.example");
    assert_eq!(submit(&mut first, "fabrikam", &fabrikam, "a", 1_000.0), 202);
    assert_eq!(
        migration(&mut second, "fabrikam", 1_500.0)["status"],
        "in_progress",
        "the second sees the first's migration"
    );

    // The second's change does not undo the first's.
    assert_eq!(
        submit(&mut second, "fabrikam", &fabrikam, "a", 1_600.0),
        202,
        "the same submission, answered once more"
    );
    let after = migration(&mut first, "fabrikam", 4_000.0);
    assert_eq!(
        (after["status"].as_str(), after["reference"].as_str()),
        (Some("migrated"), Some("MIG-000001")),
        "one migration, not two"
    );
}

/// Fills local storage until it refuses even a few characters more; the keys it used.
fn fill_storage(storage: &web_sys::Storage) -> Vec<String> {
    let mut keys = Vec::new();
    let mut size = 1 << 20;
    while size >= 16 {
        let key = format!("filler-{}", keys.len());
        if storage.set_item(&key, &"x".repeat(size)).is_ok() {
            keys.push(key);
        } else {
            size /= 2;
        }
    }
    keys
}

#[wasm_bindgen_test]
fn when_storage_is_full_the_demo_goes_on_in_memory_without_losing_changes() {
    let storage = fresh_storage();
    let mut demo = DemoBackend::in_local_storage(3_000.0);
    let fabrikam = keep_on_file("admin@fabrikam.example");
    assert_eq!(
        submit(&mut demo, "fabrikam", &fabrikam, "a", 1_000.0),
        202,
        "saved while storage has room"
    );

    let fillers = fill_storage(&storage);
    let northwind = keep_on_file("ops@northwind.example");
    let status = submit(&mut demo, "northwind", &northwind, "b", 1_500.0);
    let seen = migration(&mut demo, "northwind", 2_000.0);
    for key in &fillers {
        storage.remove_item(key).unwrap();
    }
    assert!(!fillers.is_empty(), "storage filled up");
    assert_eq!(status, 202, "accepted in memory");
    assert_eq!(
        seen["status"], "in_progress",
        "the older saved state does not replace the newer one in memory"
    );
}

#[wasm_bindgen_test]
fn a_corrupted_save_is_discarded_for_the_fixtures() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item(STORAGE_KEY, "{not json").unwrap();
    let mut demo = DemoBackend::in_local_storage(3_000.0);
    let (status, accounts) = call(&mut demo, "GET", "/v1/accounts", &[], None, 0.0);
    assert_eq!((status, accounts.as_array().map(Vec::len)), (200, Some(6)));
}
