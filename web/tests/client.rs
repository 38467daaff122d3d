#![cfg(target_arch = "wasm32")]
//! The app's client in a real browser, over both transports: the embedded demo backend, and the
//! reference server over HTTP (`cargo xtask test` starts one and names it in `ASSISTANT_TEST_API`
//! when it builds these tests).

use std::rc::Rc;

use assistant_core::account::AccountId;
use assistant_core::api::{ChecklistTicks, ProblemCode, WorkEmailCheck};
use assistant_core::flow::{MigrationRequest, MpnAnswer};
use assistant_web::backend::client::{Client, ClientError, DemoSlot, HostToken, Token, Transport};
use assistant_web::backend::demo::DemoBackend;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn id(text: &str) -> AccountId {
    AccountId::parse(text).unwrap()
}

fn demo() -> Client {
    Client::new(Transport::Demo(Rc::new(DemoSlot::with(Box::new(
        DemoBackend::in_memory(60_000.0),
    )))))
}

fn server_url() -> &'static str {
    match option_env!("ASSISTANT_TEST_API") {
        Some(url) => url,
        None => {
            panic!("ASSISTANT_TEST_API names a running reference server (cargo xtask test sets it)")
        }
    }
}

fn server() -> Client {
    Client::new(Transport::Http {
        base_url: server_url().to_owned(),
        token: Token::Fixed("demo-owner".to_owned()),
    })
}

/// Sets the server's fault rules (it runs with --enable-faults).
async fn set_faults(rules: &str) {
    let init = web_sys::RequestInit::new();
    init.set_method("PUT");
    init.set_body(&JsValue::from_str(rules));
    let headers = web_sys::Headers::new().unwrap();
    headers.set("content-type", "application/json").unwrap();
    init.set_headers(&headers);
    let window = web_sys::window().unwrap();
    JsFuture::from(window.fetch_with_str_and_init(&format!("{}/_faults", server_url()), &init))
        .await
        .unwrap();
}

/// The same calls give the same answers on either transport.
async fn behaves_as_the_contract_says(client: Client) {
    let accounts = client.accounts().await.unwrap();
    assert_eq!(accounts.len(), 6);
    assert_eq!(accounts[1].name, "Fabrikam Inc");

    let check = WorkEmailCheck {
        work_email: "ops@adatum.example".into(),
        mpn: None,
    };
    match client.check_work_email(&id("northwind"), &check).await {
        Err(ClientError::Problem(problem)) => {
            assert_eq!(problem.code, ProblemCode::TenantMismatch);
            assert_eq!(problem.tenant_name.as_deref(), Some("Northwind Traders"));
        }
        other => panic!("expected a tenant mismatch, got {other:?}"),
    }

    let detail = client.account(&id("adatum")).await.unwrap();
    assert_eq!(detail.stored_mpn, None);
    let record = client
        .lookup_mpn(&"4567890".parse().unwrap())
        .await
        .unwrap();
    assert_eq!(record.id.as_str(), "4567890");

    let (etag, ticks) = client.checklist(&id("fabrikam")).await.unwrap();
    assert_eq!(ticks, ChecklistTicks::default());
    let mut ticked = ticks.clone();
    ticked.ticks.0.insert(assistant_core::checklist::ItemKey(
        "offers_in_appsource:fabrikam-expense-app".into(),
    ));
    let saved = client
        .save_checklist(&id("fabrikam"), &etag, &ticked)
        .await
        .unwrap();
    assert_ne!(saved, etag);
    let stale = client.save_checklist(&id("fabrikam"), &etag, &ticks).await;
    assert!(
        matches!(stale, Err(ClientError::Problem(p)) if p.code == ProblemCode::PreconditionFailed)
    );

    let request = MigrationRequest {
        work_email: "lead@adatum.example".into(),
        mpn: MpnAnswer::NewId("4567890".into()),
    };
    let first = client
        .start_migration(&id("adatum"), "client-test-key", &request)
        .await
        .unwrap();
    let again = client
        .start_migration(&id("adatum"), "client-test-key", &request)
        .await
        .unwrap();
    assert_eq!(first.reference, again.reference);
    assert_eq!(client.offers(&id("fabrikam")).await.unwrap().len(), 5);
    assert_eq!(
        client
            .readiness(&id("fabrikam"))
            .await
            .unwrap()
            .isv_addendum_accepted,
        Some(false)
    );
    assert_eq!(
        client.config().await.unwrap().offers_deadline.to_string(),
        "2019-10-15"
    );
}

#[wasm_bindgen_test]
async fn the_client_on_the_demo_backend() {
    let client = demo();
    assert!(client.is_demo());
    behaves_as_the_contract_says(client).await;
}

#[wasm_bindgen_test]
async fn the_client_on_the_reference_server_over_http() {
    let client = server();
    assert!(!client.is_demo());
    behaves_as_the_contract_says(client).await;
}

#[wasm_bindgen_test]
async fn a_malformed_answer_and_a_refused_connection_are_told_apart() {
    set_faults(r#"[{"path": "/v1/accounts", "fault": {"kind": "malformed_body"}, "times": 1}]"#)
        .await;
    assert_eq!(server().accounts().await, Err(ClientError::Malformed));
    assert_eq!(server().accounts().await.map(|a| a.len()), Ok(6));

    let closed = Client::new(Transport::Http {
        base_url: "http://127.0.0.1:9".into(),
        token: Token::Fixed("t".into()),
    });
    assert_eq!(closed.accounts().await, Err(ClientError::Network));
}

/// A host's `getToken`, counting its calls: it answers with a promise of `token`, or of nothing.
fn host_get_token(token: Option<&str>) -> (js_sys::Function, js_sys::Array) {
    let calls = js_sys::Array::new();
    let answer = token.map_or(JsValue::UNDEFINED, JsValue::from_str);
    let get_token = js_sys::Function::new_with_args(
        "calls, answer",
        "return () => { calls.push(1); return Promise.resolve(answer); };",
    )
    .call2(&JsValue::NULL, &calls, &answer)
    .unwrap();
    (get_token.into(), calls)
}

#[wasm_bindgen_test]
async fn the_hosts_get_token_is_asked_before_each_request_and_its_token_is_sent() {
    let (get_token, calls) = host_get_token(Some("demo-owner"));
    let client = Client::new(Transport::Http {
        base_url: server_url().to_owned(),
        token: Token::Host(HostToken::new(get_token)),
    });
    assert_eq!(
        client.accounts().await.unwrap().len(),
        6,
        "the server took the host's token"
    );
    client.account(&id("fabrikam")).await.unwrap();
    assert_eq!(calls.length(), 2, "asked once per request");

    let (refusing, _) = host_get_token(None);
    let client = Client::new(Transport::Http {
        base_url: server_url().to_owned(),
        token: Token::Host(HostToken::new(refusing)),
    });
    match client.accounts().await {
        Err(ClientError::Problem(problem)) => assert_eq!(problem.code, ProblemCode::Unauthorized),
        other => panic!("a host with no token is unauthorised, not {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn an_account_id_that_looks_like_a_path_asks_for_that_account_only() {
    // Read as a path, it would reach `/v1/mpn/2345678`; as one segment, it names no account.
    for client in [server(), demo()] {
        match client.account(&id("fabrikam/../../mpn/2345678")).await {
            Err(ClientError::Problem(problem)) => assert_eq!(problem.code, ProblemCode::NotFound),
            other => panic!("no such account, not {other:?}"),
        }
    }
}
