#![cfg(target_arch = "wasm32")]
//! JSON parsed by the browser and read by the core's hand readers gives what serde_json and
//! serde's derived readers give, on the fixtures and on each of them changed member by member.

use std::fmt::Debug;

use assistant_core::account::Account;
use assistant_core::api::{Problem, ProblemCode};
use assistant_core::config::FlowConfig;
use assistant_core::fixtures;
use assistant_core::json::FromJson;
use assistant_core::json::agreement::mutations;
use assistant_web::backend::browser_json::read_json;
use serde::de::DeserializeOwned;
use serde_json::Value;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn same_as_serde<T: FromJson + DeserializeOwned + PartialEq + Debug>(value: Value) {
    for case in std::iter::once(value.clone()).chain(mutations(&value)) {
        let text = case.to_string();
        assert_eq!(
            read_json::<T>(&text),
            serde_json::from_str::<T>(&text).ok(),
            "{text}"
        );
    }
}

#[wasm_bindgen_test]
fn the_browsers_parse_is_read_as_serde_reads_the_text() {
    same_as_serde::<Vec<Account>>(serde_json::to_value(fixtures::accounts()).unwrap());
    same_as_serde::<Vec<Account>>(serde_json::to_value(fixtures::hostile::accounts()).unwrap());
    same_as_serde::<FlowConfig>(serde_json::to_value(FlowConfig::default()).unwrap());
    let mut problem = Problem::new(ProblemCode::TenantMismatch, "Another tenant");
    problem.tenant_name = Some("Northwind Traders".into());
    same_as_serde::<Problem>(serde_json::to_value(problem).unwrap());
}

#[wasm_bindgen_test]
fn a_member_left_out_is_missing_and_text_that_is_not_json_is_refused() {
    let contoso = r#"{"id":"contoso","viewer_role":"owner","sign_in":{"kind":"work_account","email":"a@contoso.example"},"migration_status":"migrated"}"#;
    // No `name`, and none lent by a `__proto__` member.
    assert_eq!(read_json::<Account>(contoso), None);
    let lent = contoso.replace(r#""id""#, r#""__proto__":{"name":"x"},"id""#);
    assert_eq!(read_json::<Account>(&lent), None);
    for text in ["", "{", "[1,", "undefined", "NaN", "{'id':1}"] {
        assert_eq!(read_json::<Vec<Account>>(text), None, "{text}");
    }
}
