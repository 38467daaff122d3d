//! Who a host's token names, as far as the browser's saves need to know: a hash of the identity
//! its claims carry (Microsoft Entra's `tid` + `oid`, else `iss` + `sub`), so that two people who
//! use one portal on one browser never see each other's saves. It only names a shelf: the API
//! checks the token, and decides who it is; nothing here is trusted for anything else. It is in
//! the first screen (the overview's saves are the person's), so it is kept small: the browser
//! parses the claims, and a 64-bit FNV-1a hash names the shelf.

use assistant_core::sign_in::base64url;
use wasm_bindgen::JsValue;

use crate::backend::{Unavailable, call_split};

/// The claims of a JWT, as the browser parses them (unverified).
fn claims_of(token: &str) -> Option<JsValue> {
    let payload = base64url::decode(token.split('.').nth(1)?)?;
    js_sys::JSON::parse(std::str::from_utf8(&payload).ok()?).ok()
}

/// FNV-1a, 64 bits, of `parts` with a separator no claim holds.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in parts.join("\u{0}").bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The name of the saves of the person a host's `token` names, once this code is here: `None` for
/// a token that names no one the browser can read (its saves are then the API's shelf, as before
/// there were people).
pub async fn person_of(token: &str) -> Result<Option<String>, Unavailable> {
    call_split!(person_of_token(token.to_owned()))
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        person,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_person)
    )
)]
fn person_of_token(token: String) -> Result<Option<String>, Unavailable> {
    Ok(named(&token))
}

/// Fetches this code ahead, as a widget whose host gives tokens mounts.
pub fn preload() {
    #[cfg(feature = "split")]
    leptos::task::spawn_local(async {
        let _ = preload_person().await;
    });
}

/// Whom `token` names.
pub fn named(token: &str) -> Option<String> {
    let claims = claims_of(token)?;
    let claim = |name: &str| {
        js_sys::Reflect::get(&claims, &JsValue::from_str(name))
            .ok()
            .and_then(|value| value.as_string())
            .filter(|value| !value.is_empty())
    };
    let hash = match (claim("tid"), claim("oid"), claim("iss"), claim("sub")) {
        (Some(tid), Some(oid), _, _) => fnv1a(&["entra", &tid, &oid]),
        (_, _, Some(iss), Some(sub)) => fnv1a(&["subject", &iss, &sub]),
        _ => return None,
    };
    Some(hash.to_string())
}
