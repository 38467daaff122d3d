//! The steps of signing in with OpenID Connect from the browser: the Authorization Code flow with
//! PKCE (S256), `state` and `nonce`. What the sign-in in flight must remember across the redirect
//! (its state, nonce, verifier and the screen to come back to) waits in session storage; the
//! tokens it brings stay in memory.

use assistant_core::issuer::{IssuerRule, secure_endpoint};
use assistant_core::sign_in::{SignInFailure, base64url};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub use crate::backend::config::AuthConfig;
use crate::backend::http;

/// Where the sign-in in flight waits in session storage.
const PENDING_KEY: &str = "pma-sign-in";

/// Where a sign-out is remembered in local storage (a mark, no token): until the person presses
/// Sign in, the app asks the provider nothing, so a provider whose session outlives the app's
/// (one without `end_session_endpoint`) cannot sign them silently back in.
const SIGNED_OUT_KEY: &str = "pma-signed-out";

/// The provider's discovery document, as read.
#[derive(Debug, Deserialize)]
struct Discovery {
    issuer: String,
    authorization_endpoint: String,
    token_endpoint: String,
    end_session_endpoint: Option<String>,
}

/// The provider: whose tokens it issues, and its endpoints, from its discovery document.
#[derive(Debug, Clone)]
pub struct Provider {
    rule: IssuerRule,
    authorization_endpoint: String,
    token_endpoint: String,
    end_session_endpoint: Option<String>,
}

/// What the token endpoint answers.
#[derive(Debug, Deserialize)]
pub struct Tokens {
    /// The API's bearer token.
    pub access_token: String,
    /// Seconds the access token lasts.
    pub expires_in: Option<u32>,
    /// The ID token (who signed in).
    pub id_token: String,
}

/// A sign-in in flight, as it waits for the provider's answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Pending {
    /// The `state` sent: the answer must carry it.
    pub state: String,
    /// The `nonce` sent: the ID token must carry it.
    pub nonce: String,
    /// The PKCE verifier whose S256 challenge was sent.
    pub verifier: String,
    /// The path of the screen to come back to.
    pub return_to: String,
    /// Whether the sign-in asked for no interaction (`prompt=none`).
    pub silent: bool,
    /// Whether it renews a sign-in that was under way (not the first on this page load).
    pub renewal: bool,
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// `n` random bytes from the browser's cryptographic generator, in base64url.
fn random(n: usize) -> Option<String> {
    let mut bytes = vec![0_u8; n];
    web_sys::window()?
        .crypto()
        .ok()?
        .get_random_values_with_u8_array(&mut bytes)
        .ok()?;
    Some(base64url::encode(&bytes))
}

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

/// The app's address at the provider: the root of the app (where the provider's answer lands).
pub fn redirect_uri() -> String {
    let origin = web_sys::window()
        .and_then(|window| window.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}", crate::route::base_path())
}

impl Provider {
    /// The provider's discovery document, read from the issuer.
    pub async fn discover(config: &AuthConfig) -> Result<Provider, SignInFailure> {
        let url = format!(
            "{}/.well-known/openid-configuration",
            config.issuer.trim_end_matches('/')
        );
        let response = http::send(http::Outgoing {
            method: "GET",
            url: &url,
            headers: &[],
            body: None,
            signal: None,
        })
        .await
        .map_err(|_| SignInFailure::Unreachable)?;
        if !(200..300).contains(&response.status) {
            return Err(SignInFailure::Unreachable);
        }
        let discovery: Discovery =
            serde_json::from_str(&response.body).map_err(|_| SignInFailure::Unreachable)?;
        // A document that names another issuer is not this provider's (Discovery §4.3); a
        // multi-tenant authority's names its own template. Every address it gives is https.
        let rule = IssuerRule::of_discovery(&config.issuer, &discovery.issuer, &config.tenants)
            .map_err(|_| SignInFailure::Refused)?;
        let secure = [
            Some(&config.issuer),
            Some(&discovery.authorization_endpoint),
            Some(&discovery.token_endpoint),
            discovery.end_session_endpoint.as_ref(),
        ]
        .into_iter()
        .flatten()
        .all(|url| secure_endpoint(url));
        if !secure {
            return Err(SignInFailure::Refused);
        }
        Ok(Provider {
            rule,
            authorization_endpoint: discovery.authorization_endpoint,
            token_endpoint: discovery.token_endpoint,
            end_session_endpoint: discovery.end_session_endpoint,
        })
    }

    /// Whose tokens this provider issues.
    pub fn issuer(&self) -> &IssuerRule {
        &self.rule
    }

    /// Sends the browser to the provider to sign in, coming back to `return_to`; with `silent`,
    /// the provider answers at once (signed in, or `login_required`) without showing anything.
    pub async fn redirect(
        &self,
        config: &AuthConfig,
        return_to: String,
        silent: bool,
        renewal: bool,
    ) -> Result<(), SignInFailure> {
        let (Some(state), Some(nonce), Some(verifier)) = (random(16), random(16), random(32))
        else {
            return Err(SignInFailure::Refused);
        };
        let challenge = sha256_base64url(&verifier)
            .await
            .ok_or(SignInFailure::Refused)?;
        let url =
            web_sys::Url::new(&self.authorization_endpoint).map_err(|_| SignInFailure::Refused)?;
        let query = url.search_params();
        for (name, value) in [
            ("response_type", "code"),
            ("client_id", config.client_id.as_str()),
            ("redirect_uri", redirect_uri().as_str()),
            ("scope", config.scope.as_str()),
            ("state", state.as_str()),
            ("nonce", nonce.as_str()),
            ("code_challenge", challenge.as_str()),
            ("code_challenge_method", "S256"),
        ] {
            query.append(name, value);
        }
        if silent {
            query.append("prompt", "none");
        }
        url.set_search(&query.to_string().as_string().unwrap_or_default());
        let pending = Pending {
            state,
            nonce,
            verifier,
            return_to,
            silent,
            renewal,
        };
        let stored = serde_json::to_string(&pending)
            .ok()
            .and_then(|text| session_storage()?.set_item(PENDING_KEY, &text).ok());
        // Without somewhere to keep the verifier, the answer could not be taken.
        stored.ok_or(SignInFailure::Refused)?;
        go_to(&url.href());
        Ok(())
    }

    /// Exchanges the code of the provider's answer for tokens, from the browser.
    pub async fn exchange(
        &self,
        config: &AuthConfig,
        code: &str,
        pending: &Pending,
    ) -> Result<Tokens, SignInFailure> {
        let form = web_sys::UrlSearchParams::new().map_err(|_| SignInFailure::Refused)?;
        for (name, value) in [
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", redirect_uri().as_str()),
            ("client_id", config.client_id.as_str()),
            ("code_verifier", pending.verifier.as_str()),
        ] {
            form.append(name, value);
        }
        let body = form.to_string().as_string().unwrap_or_default();
        let response = http::send(http::Outgoing {
            method: "POST",
            url: &self.token_endpoint,
            headers: &[("content-type", "application/x-www-form-urlencoded")],
            body: Some(&body),
            signal: None,
        })
        .await
        .map_err(|_| SignInFailure::Unreachable)?;
        if !(200..300).contains(&response.status) {
            return Err(if response.status >= 500 {
                SignInFailure::Unreachable
            } else {
                SignInFailure::Refused
            });
        }
        serde_json::from_str(&response.body).map_err(|_| SignInFailure::Refused)
    }

    /// Ends the session: here, and at the provider when it has an end-session endpoint (coming
    /// back to the app's start page); without one, straight to the start page. Either way the app
    /// makes no silent sign-in again until the person presses Sign in. The ID token is not sent:
    /// the client id names the app (RP-Initiated Logout §2), so no token goes into an address.
    pub fn sign_out(&self, config: &AuthConfig) {
        remember_sign_out(true);
        let Some(endpoint) = &self.end_session_endpoint else {
            go_to(&redirect_uri());
            return;
        };
        let Ok(url) = web_sys::Url::new(endpoint) else {
            go_to(&redirect_uri());
            return;
        };
        let query = url.search_params();
        query.append("client_id", &config.client_id);
        query.append("post_logout_redirect_uri", &redirect_uri());
        url.set_search(&query.to_string().as_string().unwrap_or_default());
        go_to(&url.href());
    }
}

/// Remembers (or forgets) that the person signed out here.
pub fn remember_sign_out(signed_out: bool) {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return;
    };
    let _ = if signed_out {
        storage.set_item(SIGNED_OUT_KEY, "1")
    } else {
        storage.remove_item(SIGNED_OUT_KEY)
    };
}

/// Whether the person signed out here and has not pressed Sign in since.
pub fn signed_out_here() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|storage| storage.get_item(SIGNED_OUT_KEY).ok().flatten())
        .is_some()
}

fn go_to(url: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(url);
    }
}

/// The sign-in in flight, taken out of storage (it is used once, whatever the answer).
pub fn take_pending() -> Option<Pending> {
    let storage = session_storage()?;
    let text = storage.get_item(PENDING_KEY).ok().flatten();
    let _ = storage.remove_item(PENDING_KEY);
    serde_json::from_str(&text?).ok()
}

/// What the provider answered at the app's address, if this page load is its answer.
pub enum Answer {
    /// A code to exchange, for the sign-in whose `state` is given.
    Code { code: String, state: String },
    /// An error code, for the sign-in whose `state` is given (if any).
    Error {
        error: String,
        state: Option<String>,
    },
}

/// The provider's answer in the page's address, if there is one.
pub fn answer_in_address() -> Option<Answer> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    let state = params.get("state");
    if let Some(error) = params.get("error") {
        return Some(Answer::Error { error, state });
    }
    Some(Answer::Code {
        code: params.get("code")?,
        state: state?,
    })
}
