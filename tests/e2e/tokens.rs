//! The reference server in `oidc` mode, asked directly: it takes the provider's access tokens
//! and refuses every other token with `401` and `WWW-Authenticate: Bearer error="invalid_token"`;
//! it follows the provider's key rotation without a restart.

use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use libtest_mimic::{Failed, Trial};
use serde_json::{Value, json};

use assistant_core::account::MICROSOFT_ACCOUNTS_TENANT;
use assistant_core::sign_in::base64url;
use assistant_e2e::harness::{Apps, Harness};
use assistant_e2e::sign_in::{AUDIENCE, SignedInApp, get_with_token, private_key, published_keys};

const INVALID_TOKEN: &str = r#"Bearer error="invalid_token""#;

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// The claims of a token of Fabrikam's owner, as the provider issues them.
fn claims(issuer: &str) -> Value {
    json!({
        "iss": issuer, "aud": AUDIENCE, "sub": "admin@fabrikam.example",
        "email": "admin@fabrikam.example", "tid": "a5d7c2f0-3b8e-4c1d-9f6a-2e4b8d0c7f13",
        "iat": now(), "exp": now() + 600, "scope": "api",
    })
}

/// A token signed with the provider's key of algorithm `alg`.
fn signed(keys: &Path, alg: &str, claims: &Value) -> Result<String, Failed> {
    let (kid, _) = published_keys(keys)?
        .into_iter()
        .find(|(_, a)| a == alg)
        .ok_or(format!("the provider has no {alg} key"))?;
    signed_with(keys, &kid, claims)
}

fn signed_with(keys: &Path, kid: &str, claims: &Value) -> Result<String, Failed> {
    let (_, alg) = published_keys(keys)?
        .into_iter()
        .find(|(k, _)| k == kid)
        .ok_or(format!("no key {kid}"))?;
    let pem = private_key(keys, kid)?;
    let (algorithm, key) = match alg.as_str() {
        "RS256" => (Algorithm::RS256, EncodingKey::from_rsa_pem(&pem)?),
        _ => (Algorithm::ES256, EncodingKey::from_ec_pem(&pem)?),
    };
    let mut header = Header::new(algorithm);
    header.kid = Some(kid.to_owned());
    Ok(encode(&header, claims, &key)?)
}

fn accounts(apps: &Apps) -> String {
    format!("{}/v1/accounts", apps.signed_in)
}

/// Asks for the accounts with `token`; fails unless refused as an invalid token.
fn assert_refused(apps: &Apps, token: &str, what: &str) -> Result<(), Failed> {
    let (status, challenge, body) = get_with_token(&accounts(apps), token)?;
    if status != 401 || challenge.as_deref() != Some(INVALID_TOKEN) {
        return Err(format!("{what}: {status}, WWW-Authenticate {challenge:?}: {body}").into());
    }
    assert!(body.contains("unauthorized"), "{what}: a problem: {body}");
    Ok(())
}

async fn the_providers_tokens_are_accepted_with_the_sign_in_they_show(
    apps: Apps,
) -> Result<(), Failed> {
    for alg in ["RS256", "ES256"] {
        let token = signed(&apps.provider_keys, alg, &claims(&apps.issuer))?;
        let (status, _, body) = get_with_token(&accounts(&apps), &token)?;
        assert_eq!(status, 200, "{alg}: {body}");
        assert!(body.contains(r#""id":"fabrikam""#), "{alg}: {body}");
        assert!(
            !body.contains("northwind"),
            "only the viewer's own accounts: {body}"
        );
    }
    // The sign-in kind is the token's: the same user from the personal-accounts tenant signs in
    // with a Microsoft account.
    let mut personal = claims(&apps.issuer);
    personal["tid"] = MICROSOFT_ACCOUNTS_TENANT.into();
    let token = signed(&apps.provider_keys, "RS256", &personal)?;
    let (status, _, body) = get_with_token(&accounts(&apps), &token)?;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains(r#""kind":"microsoft_account""#), "{body}");
    Ok(())
}

async fn tokens_of_another_issuer_audience_or_time_are_refused(apps: Apps) -> Result<(), Failed> {
    let keys = &apps.provider_keys;
    let with = |key: &str, value: Value| {
        let mut claims = claims(&apps.issuer);
        claims[key] = value;
        claims
    };
    for (what, claims) in [
        ("another issuer", with("iss", "http://127.0.0.1:1".into())),
        ("another audience", with("aud", "api://another-api".into())),
        ("expired", with("exp", (now() - 120).into())),
        ("not yet valid", with("nbf", (now() + 600).into())),
        ("no expiry", {
            let mut claims = claims(&apps.issuer);
            claims.as_object_mut().map(|c| c.remove("exp"));
            claims
        }),
    ] {
        assert_refused(&apps, &signed(keys, "RS256", &claims)?, what)?;
    }
    // Within the minute of leeway, an expired token still passes.
    let (status, _, body) = get_with_token(
        &accounts(&apps),
        &signed(keys, "RS256", &with("exp", (now() - 30).into()))?,
    )?;
    assert_eq!(status, 200, "30 seconds late: {body}");
    Ok(())
}

async fn forged_tokens_are_refused(apps: Apps) -> Result<(), Failed> {
    let keys = &apps.provider_keys;
    let claims = claims(&apps.issuer);
    let good = signed(keys, "RS256", &claims)?;
    let (kid, _) = published_keys(keys)?.remove(0);
    let part = |value: &Value| base64url::encode(value.to_string().as_bytes());

    // Another signature on the same header and claims.
    let (message, signature) = good.rsplit_once('.').ok_or("a JWT")?;
    let mut other = base64url::decode(signature).ok_or("base64url")?;
    other[0] ^= 1;
    assert_refused(
        &apps,
        &format!("{message}.{}", base64url::encode(&other)),
        "a bad signature",
    )?;

    // `alg: none`, with and without a signature.
    let none = format!(
        "{}.{}",
        part(&json!({"alg": "none", "kid": kid})),
        part(&claims)
    );
    assert_refused(&apps, &format!("{none}."), "alg none")?;
    assert_refused(&apps, &format!("{none}.{signature}"), "alg none, signed")?;

    // HMAC with the provider's public key as the secret (the key-confusion attack).
    let public = std::fs::read(keys.join(format!("{kid}.pub.pem")))?;
    let mut header = Header::new(Algorithm::HS256);
    header.kid = Some(kid.clone());
    let hmac = encode(&header, &claims, &EncodingKey::from_secret(&public))?;
    assert_refused(&apps, &hmac, "HS256 with the public key")?;

    // A key the provider does not have, and no key at all.
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some("unknown-key".into());
    let pem = private_key(keys, &kid)?;
    let unknown = encode(&header, &claims, &EncodingKey::from_rsa_pem(&pem)?)?;
    assert_refused(&apps, &unknown, "an unknown key")?;
    let unnamed = encode(
        &Header::new(Algorithm::RS256),
        &claims,
        &EncodingKey::from_rsa_pem(&pem)?,
    )?;
    assert_refused(&apps, &unnamed, "no key named")?;
    assert_refused(&apps, "demo-owner", "a demo token")?;
    Ok(())
}

/// The provider rotates its keys: a token with the new key is refused while the keys were fetched
/// less than the refetch interval ago, and accepted after it, without a restart of the server.
async fn a_rotated_key_is_taken_without_a_restart(_: Apps) -> Result<(), Failed> {
    const REFETCH_SECONDS: u64 = 8;
    let mut app = SignedInApp::start_from_env(
        "rotation",
        3600,
        &["--keys-refetch-seconds", &REFETCH_SECONDS.to_string()],
    )?;
    let issuer = app.provider.issuer();
    let url = format!("{}/v1/accounts", app.url);
    let keys = app.provider.keys.clone();
    let (status, _, body) = get_with_token(&url, &signed(&keys, "RS256", &claims(&issuer))?)?;
    assert_eq!(status, 200, "before the rotation: {body}");
    let fetched = std::time::Instant::now();
    let (old_kid, _) = published_keys(&keys)?.remove(0);

    let new_kid = app.provider.rotate_keys()?;
    let rotated = signed_with(&keys, &new_kid, &claims(&issuer))?;
    if fetched.elapsed() < Duration::from_secs(REFETCH_SECONDS - 2) {
        let (status, _, _) = get_with_token(&url, &rotated)?;
        assert_eq!(
            status, 401,
            "the keys are not fetched again within the interval"
        );
    }
    tokio::time::sleep(Duration::from_secs(REFETCH_SECONDS).saturating_sub(fetched.elapsed()))
        .await;
    let (status, _, body) = get_with_token(&url, &rotated)?;
    assert_eq!(status, 200, "the new key, after the interval: {body}");
    // The old key is still published, and still taken.
    let (status, _, body) = get_with_token(&url, &signed_with(&keys, &old_kid, &claims(&issuer))?)?;
    assert_eq!(status, 200, "{body}");
    Ok(())
}

pub fn tests(harness: &Harness) -> Vec<Trial> {
    vec![
        harness.without_browser(
            "tokens: the provider's tokens are accepted with the sign-in they show",
            the_providers_tokens_are_accepted_with_the_sign_in_they_show,
        ),
        harness.without_browser(
            "tokens: tokens of another issuer, audience or time are refused",
            tokens_of_another_issuer_audience_or_time_are_refused,
        ),
        harness.without_browser(
            "tokens: forged tokens are refused",
            forged_tokens_are_refused,
        ),
        harness.without_browser(
            "tokens: a rotated key is taken without a restart",
            a_rotated_key_is_taken_without_a_restart,
        ),
    ]
}
