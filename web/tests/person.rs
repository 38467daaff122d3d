#![cfg(target_arch = "wasm32")]
//! Whom a host's token names, for the saves: in a real browser (its JSON parser),
//! two people's tokens name two shelves, one person's tokens one, and a token that is no JWT none.

use assistant_core::sign_in::base64url;
use assistant_web::backend::person::named as person_of;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn token(claims: &str) -> String {
    format!(
        "{}.{}.signature",
        base64url::encode(br#"{"alg":"RS256"}"#),
        base64url::encode(claims.as_bytes())
    )
}

const FABRIKAM: &str = "a5d7c2f0-3b8e-4c1d-9f6a-2e4b8d0c7f13";

#[wasm_bindgen_test]
fn two_peoples_tokens_name_two_shelves_and_one_persons_one() {
    let admin = |exp: u32| {
        token(&format!(
            r#"{{"iss":"https://login.microsoftonline.com/{FABRIKAM}/v2.0","sub":"s-{exp}","tid":"{FABRIKAM}","oid":"f1a2b3c4-0001-4000-8000-00000000a001","exp":{exp}}}"#
        ))
    };
    let guest = token(&format!(
        r#"{{"iss":"https://login.microsoftonline.com/{FABRIKAM}/v2.0","sub":"s","tid":"{FABRIKAM}","oid":"f1a2b3c4-0002-4000-8000-00000000a002"}}"#
    ));
    let first = person_of(&admin(1)).expect("a person");
    assert_eq!(person_of(&admin(2)).as_deref(), Some(first.as_str()));
    let other = person_of(&guest).expect("a person");
    assert_ne!(first, other);
    assert!(
        !first.contains(FABRIKAM),
        "a hash, not the identity: {first}"
    );

    let subject = person_of(&token(
        r#"{"iss":"https://id.example","sub":"248289761001"}"#,
    ));
    assert!(subject.is_some());
    assert_ne!(subject.as_deref(), Some(first.as_str()));
}

#[wasm_bindgen_test]
fn a_token_that_names_no_one_names_no_shelf() {
    for opaque in [
        "demo-owner",
        "a.b.c",
        &token("[1,2]"),
        &token(r#"{"iss":"https://id.example"}"#),
    ] {
        assert_eq!(person_of(opaque), None, "{opaque}");
    }
}
