//! JWT access tokens of an OpenID provider (`--auth oidc`): the signature against the issuer's
//! published keys, an allow-list of algorithms, the issuer (each user's own tenant at a Microsoft
//! Entra multi-tenant authority, and the signing key's own issuer), the audience, the API's scope
//! and the validity times; and who the token signs in, by identity (`assistant_core::identity`).

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use assistant_core::identity::{Person, PersonClaims};
use assistant_core::issuer::{IssuerRule, key_may_sign, secure_endpoint};
use jsonwebtoken::jwk::{Jwk, PublicKeyUse};
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

/// A key the provider publishes, with the issuer it may sign for (Microsoft Entra ID names one
/// per key; other providers none).
#[derive(Debug, Clone)]
struct PublishedKey {
    jwk: Jwk,
    issuer: Option<String>,
}

/// The provider's keys as fetched, and whose tokens they sign.
#[derive(Debug)]
struct Keys {
    rule: IssuerRule,
    keys: Vec<PublishedKey>,
    fetched_at_ms: i64,
    max_age_ms: i64,
}

impl Keys {
    fn find(&self, kid: &str) -> Option<&PublishedKey> {
        self.keys
            .iter()
            .find(|key| key.jwk.common.key_id.as_deref() == Some(kid))
    }

    fn is_stale(&self, now_ms: i64) -> bool {
        now_ms.saturating_sub(self.fetched_at_ms) >= self.max_age_ms
    }

    /// Past their age and the grace after it (as long again, an hour at most), during which they
    /// serve while a fetch fails: after it a withdrawn key signs nothing, whether or not the
    /// provider can be reached.
    fn is_expired(&self, now_ms: i64) -> bool {
        let grace = self.max_age_ms.min(GRACE_MS);
        now_ms.saturating_sub(self.fetched_at_ms) >= self.max_age_ms.saturating_add(grace)
    }
}

/// The longest keys past their age serve while they cannot be fetched again.
const GRACE_MS: i64 = 60 * 60 * 1000;

/// What to do for a token that names the key `kid`.
#[derive(Debug, PartialEq, Eq)]
enum Lookup {
    /// Check it with the key held.
    Use,
    /// Check it with the key held, and fetch the keys again beside it: they are past their age
    /// (the old ones serve until the new set has come).
    UseAndRefresh,
    /// Fetch the keys now, then look again: there are none yet, they are past their age and its
    /// grace, or the key is unknown; and the last fetch was long enough ago.
    Fetch,
    /// Refuse: an unknown key, and the keys were fetched too recently to fetch them again.
    Refuse,
}

/// The decision for `kid` with `keys` held (if any), at `now_ms`, the last fetch started at
/// `last_fetch_ms`.
fn lookup(
    keys: Option<&Keys>,
    kid: &str,
    now_ms: i64,
    last_fetch_ms: Option<i64>,
    refetch_after: Duration,
) -> Lookup {
    let may_fetch = last_fetch_ms.is_none_or(|then| {
        let interval = i64::try_from(refetch_after.as_millis()).unwrap_or(i64::MAX);
        now_ms.saturating_sub(then) >= interval
    });
    match keys {
        None if may_fetch => Lookup::Fetch,
        None => Lookup::Refuse,
        Some(keys) if keys.is_expired(now_ms) => {
            if may_fetch {
                Lookup::Fetch
            } else {
                Lookup::Refuse
            }
        }
        Some(keys) if keys.find(kid).is_some() => {
            if keys.is_stale(now_ms) && may_fetch {
                Lookup::UseAndRefresh
            } else {
                Lookup::Use
            }
        }
        Some(_) if may_fetch => Lookup::Fetch,
        Some(_) => Lookup::Refuse,
    }
}

/// The keys held, and the one flight that fetches them.
struct KeyCache {
    /// The keys, swapped whole when a fetch brings new ones; a token check holds it only to
    /// take its `Arc`, never across a request to the provider.
    current: RwLock<Option<Arc<Keys>>>,
    /// Held by the one fetch under way, so that the provider is asked once however many tokens
    /// wait.
    flight: Mutex<()>,
    /// When the last fetch started (ms), successful or not; `i64::MIN` before any.
    last_fetch_ms: AtomicI64,
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

/// The `max-age` of a `Cache-Control` value.
fn max_age(cache_control: &str) -> Option<Duration> {
    cache_control.split(',').find_map(|directive| {
        let (name, value) = directive.trim().split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("max-age")
            .then(|| value.trim().trim_matches('"').parse().ok())
            .flatten()
            .map(Duration::from_secs)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(kid: &str, fetched_at_ms: i64, max_age_ms: i64) -> Keys {
        let jwk: Jwk = serde_json::from_value(serde_json::json!({
            "kty": "EC", "crv": "P-256", "kid": kid, "use": "sig", "alg": "ES256",
            "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
            "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
        }))
        .unwrap();
        Keys {
            rule: IssuerRule::Exact("https://id.example".into()),
            keys: vec![PublishedKey { jwk, issuer: None }],
            fetched_at_ms,
            max_age_ms,
        }
    }

    const MINUTE: Duration = REFETCH_AFTER;

    #[test]
    fn keys_are_fetched_at_first_and_for_an_unknown_key_at_most_once_a_minute() {
        assert_eq!(lookup(None, "a", 0, None, MINUTE), Lookup::Fetch);
        let held = keys("a", 1_000, 3_600_000);
        assert_eq!(
            lookup(Some(&held), "a", 2_000, Some(1_000), MINUTE),
            Lookup::Use
        );
        assert_eq!(
            lookup(Some(&held), "b", 60_999, Some(1_000), MINUTE),
            Lookup::Refuse
        );
        assert_eq!(
            lookup(Some(&held), "b", 61_000, Some(1_000), MINUTE),
            Lookup::Fetch
        );
        // A clock that went back does not open the gate.
        assert_eq!(
            lookup(Some(&held), "b", 0, Some(1_000), MINUTE),
            Lookup::Refuse
        );
        // A failed first fetch is not tried again at once.
        assert_eq!(
            lookup(None, "a", 30_000, Some(1_000), MINUTE),
            Lookup::Refuse
        );
    }

    #[test]
    fn keys_past_their_age_serve_while_they_are_fetched_again() {
        let held = keys("a", 0, 120_000);
        assert_eq!(
            lookup(Some(&held), "a", 119_999, Some(0), MINUTE),
            Lookup::Use
        );
        assert_eq!(
            lookup(Some(&held), "a", 120_000, Some(0), MINUTE),
            Lookup::UseAndRefresh
        );
        // A fetch just made (and failed) is not made again at once.
        assert_eq!(
            lookup(Some(&held), "a", 130_000, Some(125_000), MINUTE),
            Lookup::Use
        );
    }

    #[test]
    fn keys_past_their_grace_sign_nothing_until_they_are_fetched_again() {
        // An age of two minutes: two more of grace.
        let held = keys("a", 0, 120_000);
        assert_eq!(
            lookup(Some(&held), "a", 239_999, Some(200_000), MINUTE),
            Lookup::Use
        );
        assert_eq!(
            lookup(Some(&held), "a", 240_000, Some(200_000), MINUTE),
            Lookup::Refuse,
            "the last fetch (failed) was less than a minute ago"
        );
        assert_eq!(
            lookup(Some(&held), "a", 260_000, Some(200_000), MINUTE),
            Lookup::Fetch
        );
        // A day's age has an hour of grace.
        let day = keys("a", 0, 86_400_000);
        assert!(!day.is_expired(86_400_000 + 3_599_999));
        assert!(day.is_expired(86_400_000 + 3_600_000));
    }

    #[test]
    fn the_age_of_the_keys_is_the_providers_when_it_says_one() {
        assert_eq!(
            max_age("public, max-age=3600"),
            Some(Duration::from_secs(3600))
        );
        assert_eq!(
            max_age("max-age=\"60\", must-revalidate"),
            Some(Duration::from_secs(60))
        );
        assert_eq!(max_age("no-cache"), None);
        assert_eq!(max_age("max-age=soon"), None);
    }
}
