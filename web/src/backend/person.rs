//! Who a host's token names, as far as the browser's saves need to know: a hash of the identity
//! its claims carry (Microsoft Entra's `tid` + `oid`, else `iss` + `sub`), so that two people who
//! use one portal on one browser never see each other's saves. It only names a shelf: the API
//! checks the token, and decides who it is; nothing here is trusted for anything else.

use assistant_core::identity::Identity;
use assistant_core::sign_in::base64url;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The SHA-256 of `text`, in base64url: a PKCE verifier's S256 challenge, and the name of a
/// person's saves (so that storage holds no identifier of theirs).
pub async fn sha256_base64url(text: &str) -> Option<String> {
    let subtle = web_sys::window()?.crypto().ok()?.subtle();
    let data = js_sys::Uint8Array::from(text.as_bytes());
    let digest = subtle
        .digest_with_str_and_buffer_source("SHA-256", &data)
        .ok()?;
    let digest = JsFuture::from(digest).await.ok()?;
    let bytes = js_sys::Uint8Array::new(digest.dyn_ref::<js_sys::ArrayBuffer>()?).to_vec();
    Some(base64url::encode(&bytes))
}

/// The identity a JWT's claims carry (read by the browser's JSON parser, unverified), if the
/// token is a JWT that names one.
fn identity_of(token: &str) -> Option<Identity> {
    let payload = base64url::decode(token.split('.').nth(1)?)?;
    let claims = js_sys::JSON::parse(std::str::from_utf8(&payload).ok()?).ok()?;
    let claim = |name: &str| {
        js_sys::Reflect::get(&claims, &JsValue::from_str(name))
            .ok()
            .and_then(|value| value.as_string())
    };
    let (iss, sub) = (
        claim("iss").unwrap_or_default(),
        claim("sub").unwrap_or_default(),
    );
    Identity::of(
        &iss,
        &sub,
        claim("tid").as_deref(),
        claim("oid").as_deref(),
        true,
    )
}

/// The name of the saves of the person a host's `token` names; `None` for a token that names no
/// one the browser can read (its saves are then the API's shelf, as before there were people).
pub async fn person_of(token: &str) -> Option<String> {
    sha256_base64url(&identity_of(token)?.key()).await
}
