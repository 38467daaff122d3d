//! JWT access tokens of an OpenID provider (`--auth oidc`): the signature against the issuer's
//! published keys, an allow-list of algorithms, the issuer (each user's own tenant at a Microsoft
//! Entra multi-tenant authority, and the signing key's own issuer), the audience, the API's scope
//! and the validity times; and who the token signs in, by identity (`assistant_core::identity`).

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use assistant_core::identity::{Person, PersonClaims};
use assistant_core::issuer::{IssuerRule, key_may_sign, secure_endpoint};
use jsonwebtoken::jwk::PublicKeyUse;
use jsonwebtoken::{Algorithm, DecodingKey, Validation, decode, decode_header};
use serde::Deserialize;
use tokio::sync::Mutex;

use crate::auth::keys::{KeyCache, Keys, Lookup, PublishedKey, lookup, max_age};
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

/// The longest the keys are trusted before they are fetched again (shorter when the provider's
/// `Cache-Control: max-age` says so): a key the provider withdraws stops signing tokens here.
pub const KEYS_MAX_AGE: Duration = Duration::from_secs(24 * 60 * 60);

/// Where tokens come from and whom they are for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OidcSettings {
    /// The provider's issuer identifier as configured: one provider's, or a Microsoft Entra
    /// multi-tenant authority (`…/common/v2.0`).
    pub issuer: String,
    /// The API's identifier, which its tokens' `aud` must hold.
    pub audience: String,
    /// The API's scope, which its tokens' `scp` (or `scope`) must hold.
    pub scope: String,
    /// At a multi-tenant authority, the tenants whose users are accepted; empty accepts all.
    pub tenants: Vec<String>,
    /// The least time between two fetches of the provider's keys ([`REFETCH_AFTER`]).
    pub refetch_after: Duration,
}

/// The claims of an access token the API reads.
#[derive(Debug, Deserialize)]
struct AccessClaims {
    #[serde(flatten)]
    person: PersonClaims,
    /// Microsoft Entra ID's scopes, space-separated.
    scp: Option<String>,
    /// Other providers' scopes, space-separated.
    scope: Option<String>,
    /// Only an ID token carries one: an ID token is never taken as an access token.
    nonce: Option<String>,
}

/// Why a token was refused (logged, never sent: the answer is the same 401 for all).
#[derive(Debug)]
pub struct Refusal(pub String);

impl From<jsonwebtoken::errors::Error> for Refusal {
    fn from(error: jsonwebtoken::errors::Error) -> Self {
        Refusal(error.to_string())
    }
}

#[derive(Deserialize)]
struct Discovery {
    issuer: String,
    jwks_uri: String,
}

/// Checks access tokens of one provider for one audience.
pub struct Verifier {
    settings: OidcSettings,
    http: reqwest::Client,
    cache: KeyCache,
    clock: Arc<dyn Clock>,
}

impl Verifier {
    /// A verifier that fetches the provider's keys when a token first needs them.
    pub fn new(settings: OidcSettings, clock: Arc<dyn Clock>) -> Self {
        Self {
            settings,
            http: crate::http_client(),
            cache: KeyCache {
                current: RwLock::new(None),
                flight: Mutex::new(()),
                last_fetch_ms: AtomicI64::new(i64::MIN),
            },
            clock,
        }
    }

    /// The person `token` signs in, or why it is refused.
    pub async fn verify(self: &Arc<Self>, token: &str) -> Result<Person, Refusal> {
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
        let (keys, key) = self.key(&kid).await?;
        let jwk = &key.jwk;
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
        validation.set_audience(&[&self.settings.audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud"]);
        validation.validate_nbf = true;
        validation.leeway = LEEWAY_SECONDS;
        let claims =
            decode::<AccessClaims>(token, &DecodingKey::from_jwk(jwk)?, &validation)?.claims;
        let (iss, tid) = (&claims.person.iss, claims.person.tid.as_deref());
        keys.rule
            .accepts(iss, tid)
            .map_err(|why| Refusal(format!("issuer {iss} with tenant {tid:?}: {why:?}")))?;
        if !key_may_sign(key.issuer.as_deref(), iss, tid) {
            return Err(Refusal(format!(
                "key {kid} signs for {:?}, not for {iss}",
                key.issuer
            )));
        }
        if claims.nonce.is_some() {
            return Err(Refusal("an ID token is not an access token".into()));
        }
        let scopes = claims.scp.as_deref().or(claims.scope.as_deref());
        if !scopes.is_some_and(|scopes| scopes.split(' ').any(|s| s == self.settings.scope)) {
            return Err(Refusal(format!(
                "the token is not for the scope {}",
                self.settings.scope
            )));
        }
        let entra = keys.rule.is_entra_for(tid);
        claims
            .person
            .person(entra)
            .map_err(|_| Refusal("the token names no one".into()))
    }

    /// The keys held with the key `kid` among them: from the cache, else from the provider if the
    /// last fetch was long enough ago.
    async fn key(self: &Arc<Self>, kid: &str) -> Result<(Arc<Keys>, PublishedKey), Refusal> {
        let held = self.held();
        let last = self.cache.last_fetch_ms.load(Ordering::Acquire);
        let last = (last != i64::MIN).then_some(last);
        let now = self.clock.now_ms();
        match lookup(held.as_deref(), kid, now, last, self.settings.refetch_after) {
            Lookup::Use => {}
            Lookup::UseAndRefresh => {
                let verifier = Arc::clone(self);
                tokio::spawn(async move { verifier.refresh(None).await });
            }
            Lookup::Fetch => self.refresh(Some(kid)).await?,
            Lookup::Refuse => {
                return Err(Refusal(format!(
                    "unknown key {kid}; the keys were fetched less than {:?} ago",
                    self.settings.refetch_after
                )));
            }
        }
        let keys = self
            .held()
            .filter(|keys| !keys.is_expired(self.clock.now_ms()))
            .ok_or_else(|| Refusal("the provider's keys could not be fetched".into()))?;
        let key = keys
            .find(kid)
            .cloned()
            .ok_or_else(|| Refusal(format!("unknown key {kid}")))?;
        Ok((keys, key))
    }

    fn held(&self) -> Option<Arc<Keys>> {
        self.cache
            .current
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Fetches the keys in the one flight: a caller that waited for another's flight, and finds
    /// `kid` (or fresh keys) there, asks the provider nothing more. A failed fetch keeps the keys
    /// held.
    async fn refresh(&self, kid: Option<&str>) -> Result<(), Refusal> {
        let _flight = self.cache.flight.lock().await;
        let now = self.clock.now_ms();
        if let Some(held) = self.held() {
            let done = match kid {
                Some(kid) => held.find(kid).is_some(),
                None => !held.is_stale(now),
            };
            if done {
                return Ok(());
            }
        }
        let last = self.cache.last_fetch_ms.load(Ordering::Acquire);
        if last != i64::MIN
            && now.saturating_sub(last)
                < i64::try_from(self.settings.refetch_after.as_millis()).unwrap_or(i64::MAX)
        {
            return Ok(());
        }
        self.cache.last_fetch_ms.store(now, Ordering::Release);
        match self.fetch_keys(now).await {
            Ok(keys) => {
                tracing::info!(keys = keys.keys.len(), "fetched the provider's keys");
                *self
                    .cache
                    .current
                    .write()
                    .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(Arc::new(keys));
                Ok(())
            }
            Err(why) => {
                tracing::warn!(why = %why.0, "could not fetch the provider's keys");
                Err(why)
            }
        }
    }

    /// The provider's keys, through its discovery document, fetched at `now_ms`.
    async fn fetch_keys(&self, now_ms: i64) -> Result<Keys, Refusal> {
        let url = format!(
            "{}/.well-known/openid-configuration",
            self.settings.issuer.trim_end_matches('/')
        );
        let (discovery, _) = self.get_json::<Discovery>(&url).await?;
        let rule = IssuerRule::of_discovery(
            &self.settings.issuer,
            &discovery.issuer,
            &self.settings.tenants,
        )
        .map_err(|_| {
            Refusal(format!(
                "the discovery document is of another issuer: {}",
                discovery.issuer
            ))
        })?;
        if !secure_endpoint(&discovery.jwks_uri) {
            return Err(Refusal(format!(
                "the keys' address is not https: {}",
                discovery.jwks_uri
            )));
        }
        let (set, max_age) = self
            .get_json::<serde_json::Value>(&discovery.jwks_uri)
            .await?;
        let keys = set["keys"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|key| {
                Some(PublishedKey {
                    jwk: serde_json::from_value(key.clone()).ok()?,
                    issuer: key["issuer"].as_str().map(str::to_owned),
                })
            })
            .collect();
        let max_age = max_age.map_or(KEYS_MAX_AGE, |age| age.min(KEYS_MAX_AGE));
        Ok(Keys {
            rule,
            keys,
            fetched_at_ms: now_ms,
            max_age_ms: i64::try_from(max_age.as_millis()).unwrap_or(i64::MAX),
        })
    }

    /// The JSON document at `url`, from the provider, and its `Cache-Control: max-age`.
    async fn get_json<T: serde::de::DeserializeOwned>(
        &self,
        url: &str,
    ) -> Result<(T, Option<Duration>), Refusal> {
        let unreachable = |e: reqwest::Error| Refusal(format!("cannot fetch {url}: {e}"));
        let response = self
            .http
            .get(url)
            .send()
            .await
            .and_then(reqwest::Response::error_for_status)
            .map_err(unreachable)?;
        let max_age = response
            .headers()
            .get(reqwest::header::CACHE_CONTROL)
            .and_then(|value| value.to_str().ok())
            .and_then(max_age);
        Ok((response.json().await.map_err(unreachable)?, max_age))
    }
}
