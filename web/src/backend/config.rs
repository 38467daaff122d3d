//! The app's configuration: `config.json` beside `index.html`, which says which API to use.
//! Without one (or with one that cannot be read) the app runs on its embedded demo backend.
//! The API never comes from the page's URL: a link must not be able to point the app, with the
//! user's token, at another server.

use std::rc::Rc;

use assistant_core::json::{FromJson, Json, optional, or_else, required};
use serde::Deserialize;
use wasm_bindgen_futures::JsFuture;

use crate::backend::browser_json::read_json;
use crate::backend::client::{Client, DemoSlot, Token, Transport};

/// How long a demo migration takes, in milliseconds.
const DEMO_MIGRATION_MS: f64 = 3_000.0;

/// What `config.json` may say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct AppConfig {
    /// The API's base URL; `""` is the page's own origin. Absent: the embedded demo backend.
    pub api_base_url: Option<String>,
    /// A bearer token of the reference server's demo users (real deployments give tokens
    /// through the embedding page instead).
    pub demo_token: Option<String>,
    /// The language to start in (`en`, `sv`), before the browser's languages.
    pub lang: Option<String>,
    /// The OpenID provider the app signs in with, for its API's tokens.
    pub auth: Option<AuthConfig>,
}

/// What `config.json` says of the sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct AuthConfig {
    /// The provider's issuer identifier.
    pub issuer: String,
    /// The app's client id at the provider.
    pub client_id: String,
    /// The scopes asked for: `openid` and the API's.
    #[serde(default = "default_scope")]
    pub scope: String,
    /// At a multi-tenant authority (`…/common/v2.0`), the tenants whose users may sign in; empty
    /// (or absent) allows every tenant.
    #[serde(default)]
    pub tenants: Vec<String>,
}

fn default_scope() -> String {
    "openid profile email".into()
}

// Read by hand from the browser's parse, as serde reads it (a test compares them).
impl FromJson for AppConfig {
    fn from_json(value: &impl Json) -> Option<Self> {
        if !value.is_object() {
            return None;
        }
        Some(AppConfig {
            api_base_url: optional(value, "api_base_url")?,
            demo_token: optional(value, "demo_token")?,
            lang: optional(value, "lang")?,
            auth: optional(value, "auth")?,
        })
    }
}

impl FromJson for AuthConfig {
    fn from_json(value: &impl Json) -> Option<Self> {
        Some(AuthConfig {
            issuer: required(value, "issuer")?,
            client_id: required(value, "client_id")?,
            scope: or_else(value, "scope", default_scope())?,
            tenants: or_else(value, "tenants", Vec::new())?,
        })
    }
}

impl AppConfig {
    /// The client this configuration asks for.
    pub fn client(&self) -> Client {
        Client::new(self.client_transport())
    }

    /// Where this configuration sends requests: its API, or the embedded demo backend.
    pub fn client_transport(&self) -> Transport {
        match &self.api_base_url {
            Some(base_url) => Transport::Http {
                base_url: base_url.trim_end_matches('/').to_owned(),
                token: self.demo_token.clone().map_or(Token::None, Token::Fixed),
            },
            None => Transport::Demo(Rc::new(DemoSlot::on_local_storage(DEMO_MIGRATION_MS))),
        }
    }
}

/// Reads `config.json` from the start-up script's fetch (a promise of its text, or of null when
/// there is none); the default (demo) when there is none or it cannot be read.
pub async fn read(text: js_sys::Promise) -> AppConfig {
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|text| text.as_string())
        .and_then(|text| read_json(&text))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use assistant_core::json::agreement::agree;
    use serde_json::json;

    use super::*;

    #[test]
    fn config_json_is_read_by_hand_as_serde_reads_it() {
        for config in [
            json!({}),
            json!({"api_base_url": "https://api.example/", "demo_token": "t", "lang": "sv"}),
            json!({"api_base_url": "", "auth": {"issuer": "https://id.example", "client_id": "c"}}),
            json!({"auth": {"issuer": "https://id.example", "client_id": "c", "scope": "openid"}}),
            json!({"auth": {"issuer": "https://login.microsoftonline.com/common/v2.0",
                "client_id": "c", "tenants": ["a5d7c2f0-3b8e-4c1d-9f6a-2e4b8d0c7f13"]}}),
        ] {
            agree::<AppConfig>(&config);
        }
    }
}
