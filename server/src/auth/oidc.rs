//! JWT access tokens of an OpenID provider (`--auth oidc`): the signature against the issuer's
//! published keys, an allow-list of algorithms, and the issuer, audience and validity times.

use std::sync::Arc;
use std::time::Duration;

use assistant_core::account::{SignIn, SignInKind};
use jsonwebtoken::jwk::{Jwk, JwkSet, PublicKeyUse};
use jsonwebtoken::{Algorithm, DecodingKey, Validation, decode, decode_header};
use serde::Deserialize;
use tokio::sync::Mutex;

use crate::clock::Clock;

/// The algorithms a token may be signed with: never `none`, never HMAC (whose key an API would
/// share with the provider, and which a public key can be passed off as).
const ALGORITHMS: [Algorithm; 2] = [Algorithm::RS256, Algorithm::ES256];

/// Seconds a token's `exp` and `nbf` may be off, for clocks that differ.
const LEEWAY_SECONDS: u64 = 60;

/// The least time between two fetches of the keys, unless set otherwise: a token naming an
/// unknown key makes the server fetch them again, but no more often than this, however many such
/// tokens arrive.
pub const REFETCH_AFTER: Duration = Duration::from_secs(60);

/// Where tokens come from and whom they are for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OidcSettings {
    /// The provider's issuer identifier, exactly as its tokens' `iss` says it.
    pub issuer: String,
    /// The API's identifier, which its tokens' `aud` must hold.
    pub audience: String,
    /// The least time between two fetches of the provider's keys ([`REFETCH_AFTER`]).
    pub refetch_after: Duration,
}

/// The claims of an access token the API reads.
#[derive(Debug, Deserialize)]
struct AccessClaims {
    sub: String,
    email: Option<String>,
    preferred_username: Option<String>,
    tid: Option<String>,
}

/// Who a valid token signs in: the subject, and the sign-in (address and kind) the work email
/// rules turn on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenViewer {
    /// The provider's subject identifier.
    pub subject: String,
    /// The address and the kind of the sign-in.
    pub sign_in: SignIn,
}

/// Why a token was refused (logged, never sent: the answer is the same 401 for all).
#[derive(Debug)]
pub struct Refusal(pub String);

impl From<jsonwebtoken::errors::Error> for Refusal {
    fn from(error: jsonwebtoken::errors::Error) -> Self {
        Refusal(error.to_string())
    }
}

/// The provider's keys as last fetched, and when they were.
#[derive(Default)]
struct KeyCache {
    keys: JwkSet,
    fetched_at_ms: Option<i64>,
}

impl KeyCache {
    /// Whether the keys may be fetched (again) at `now_ms`, `interval` after the last fetch.
    fn may_fetch(&self, now_ms: i64, interval: Duration) -> bool {
        let interval = i64::try_from(interval.as_millis()).unwrap_or(i64::MAX);
        self.fetched_at_ms
            .is_none_or(|then| now_ms.saturating_sub(then) >= interval)
    }
}

#[derive(Deserialize)]
struct Discovery {
    issuer: String,
    jwks_uri: String,
}

/// Checks access tokens of one issuer for one audience.
pub struct Verifier {
    settings: OidcSettings,
    http: reqwest::Client,
    cache: Mutex<KeyCache>,
    clock: Arc<dyn Clock>,
}

impl Verifier {
    /// A verifier that fetches the issuer's keys when a token first needs them.
    pub fn new(settings: OidcSettings, clock: Arc<dyn Clock>) -> Self {
        Self {
            settings,
            http: crate::http_client(),
            cache: Mutex::new(KeyCache::default()),
            clock,
        }
    }

    /// The viewer of `token`, or why it is refused.
    pub async fn verify(&self, token: &str) -> Result<TokenViewer, Refusal> {
        let header = decode_header(token)?;
        if !ALGORITHMS.contains(&header.alg) {
            return Err(Refusal(format!(
                "algorithm {:?} is not allowed",
                header.alg
            )));
        }
        let kid = header
            .kid
            .ok_or_else(|| Refusal("the token names no key".into()))?;
        let jwk = self.key(&kid).await?;
        if jwk
            .common
            .key_algorithm
            .is_some_and(|alg| Algorithm::try_from(alg).ok() != Some(header.alg))
            || jwk
                .common
                .public_key_use
                .as_ref()
                .is_some_and(|key_use| *key_use != PublicKeyUse::Signature)
        {
            return Err(Refusal(format!(
                "key {kid} is not for {:?} signatures",
                header.alg
            )));
        }
        let mut validation = Validation::new(header.alg);
        validation.set_issuer(&[&self.settings.issuer]);
        validation.set_audience(&[&self.settings.audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.validate_nbf = true;
        validation.leeway = LEEWAY_SECONDS;
        let claims =
            decode::<AccessClaims>(token, &DecodingKey::from_jwk(&jwk)?, &validation)?.claims;
        let email = claims
            .email
            .or(claims.preferred_username)
            .filter(|email| !email.trim().is_empty())
            .ok_or_else(|| Refusal("the token has no email".into()))?;
        Ok(TokenViewer {
            subject: claims.sub,
            sign_in: SignIn {
                kind: SignInKind::of_tenant(claims.tid.as_deref()),
                email,
            },
        })
    }

    /// The key `kid`: from the cache, else from the provider if the last fetch was long enough ago.
    async fn key(&self, kid: &str) -> Result<Jwk, Refusal> {
        let mut cache = self.cache.lock().await;
        if let Some(key) = cache.keys.find(kid) {
            return Ok(key.clone());
        }
        let now = self.clock.now_ms();
        if !cache.may_fetch(now, self.settings.refetch_after) {
            return Err(Refusal(format!(
                "unknown key {kid}; the keys were fetched less than {:?} ago",
                self.settings.refetch_after
            )));
        }
        cache.fetched_at_ms = Some(now);
        cache.keys = self.fetch_keys().await?;
        tracing::info!(keys = cache.keys.keys.len(), "fetched the provider's keys");
        cache
            .keys
            .find(kid)
            .cloned()
            .ok_or_else(|| Refusal(format!("unknown key {kid}")))
    }

    /// The provider's keys, through its discovery document.
    async fn fetch_keys(&self) -> Result<JwkSet, Refusal> {
        let url = format!(
            "{}/.well-known/openid-configuration",
            self.settings.issuer.trim_end_matches('/')
        );
        let discovery: Discovery = self.get_json(&url).await?;
        if discovery.issuer != self.settings.issuer {
            return Err(Refusal(format!(
                "the discovery document is of another issuer: {}",
                discovery.issuer
            )));
        }
        self.get_json(&discovery.jwks_uri).await
    }

    /// The JSON document at `url`, from the provider.
    async fn get_json<T: serde::de::DeserializeOwned>(&self, url: &str) -> Result<T, Refusal> {
        let unreachable = |e: reqwest::Error| Refusal(format!("cannot fetch {url}: {e}"));
        self.http
            .get(url)
            .send()
            .await
            .and_then(reqwest::Response::error_for_status)
            .map_err(unreachable)?
            .json()
            .await
            .map_err(unreachable)
    }
}

#[cfg(test)]
mod tests {
    use super::{KeyCache, REFETCH_AFTER};

    #[test]
    fn keys_are_fetched_at_first_and_then_at_most_once_a_minute() {
        let minute = REFETCH_AFTER;
        let mut cache = KeyCache::default();
        assert!(cache.may_fetch(0, minute));
        cache.fetched_at_ms = Some(1_000);
        assert!(!cache.may_fetch(1_000, minute));
        assert!(!cache.may_fetch(60_999, minute));
        assert!(cache.may_fetch(61_000, minute));
        // A clock that went back does not open the gate.
        assert!(!cache.may_fetch(0, minute));
    }
}
