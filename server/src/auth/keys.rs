//! The provider's keys as the server holds them: each with the issuer it may sign for, how old
//! they may grow before they are fetched again (and the grace after), and, for a token naming a
//! key, whether to use what is held, fetch again beside it, fetch first, or refuse (`lookup`).

use std::sync::atomic::AtomicI64;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use assistant_core::issuer::IssuerRule;
use jsonwebtoken::jwk::Jwk;
use tokio::sync::Mutex;

/// A key the provider publishes, with the issuer it may sign for (Microsoft Entra ID names one
/// per key; other providers none).
#[derive(Debug, Clone)]
pub(super) struct PublishedKey {
    pub jwk: Jwk,
    pub issuer: Option<String>,
}

/// The provider's keys as fetched, and whose tokens they sign.
#[derive(Debug)]
pub(super) struct Keys {
    pub rule: IssuerRule,
    pub keys: Vec<PublishedKey>,
    pub fetched_at_ms: i64,
    pub max_age_ms: i64,
}

impl Keys {
    pub fn find(&self, kid: &str) -> Option<&PublishedKey> {
        self.keys
            .iter()
            .find(|key| key.jwk.common.key_id.as_deref() == Some(kid))
    }

    pub fn is_stale(&self, now_ms: i64) -> bool {
        now_ms.saturating_sub(self.fetched_at_ms) >= self.max_age_ms
    }

    /// Past their age and the grace after it (as long again, an hour at most), during which they
    /// serve while a fetch fails: after it a withdrawn key signs nothing, whether or not the
    /// provider can be reached.
    pub fn is_expired(&self, now_ms: i64) -> bool {
        let grace = self.max_age_ms.min(GRACE_MS);
        now_ms.saturating_sub(self.fetched_at_ms) >= self.max_age_ms.saturating_add(grace)
    }
}

/// The longest keys past their age serve while they cannot be fetched again.
const GRACE_MS: i64 = 60 * 60 * 1000;

/// What to do for a token that names the key `kid`.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Lookup {
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
pub(super) fn lookup(
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
pub(super) struct KeyCache {
    /// The keys, swapped whole when a fetch brings new ones; a token check holds it only to
    /// take its `Arc`, never across a request to the provider.
    pub current: RwLock<Option<Arc<Keys>>>,
    /// Held by the one fetch under way, so that the provider is asked once however many tokens
    /// wait.
    pub flight: Mutex<()>,
    /// When the last fetch started (ms), successful or not; `i64::MIN` before any.
    pub last_fetch_ms: AtomicI64,
}

/// The `max-age` of a `Cache-Control` value.
pub(super) fn max_age(cache_control: &str) -> Option<Duration> {
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
    use crate::auth::oidc::REFETCH_AFTER;

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
