//! The reference server in `oidc` mode at the provider's multi-tenant authority, asked directly:
//! it takes the provider's access tokens, each from its own tenant's issuer and signed by a key of
//! that tenant, and refuses every other token (another tenant's issuer, another tenant's key, an
//! ID token, a token without the API's scope) with `401` and
//! `WWW-Authenticate: Bearer error="invalid_token"`; it follows the provider's key rotation
//! without a restart, and stops trusting a withdrawn key once the key set's age has passed.

use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use libtest_mimic::{Failed, Trial};
use serde_json::{Value, json};

use assistant_core::sign_in::base64url;
use assistant_e2e::harness::{Apps, Harness};
use assistant_e2e::sign_in::{
    AUDIENCE, Behaviour, CLIENT_ID, FABRIKAM_ADMIN_OID, FABRIKAM_TENANT, SignedInApp,
    WOODGROVE_TENANT, get_with_token, private_key, published_keys,
};

const INVALID_TOKEN: &str = r#"Bearer error="invalid_token""#;

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// The claims of an access token of Fabrikam's owner, as the provider issues them: its issuer
/// is Fabrikam's tenant's, `issuer`.
fn claims(issuer: &str) -> Value {
    json!({
        "iss": issuer, "aud": AUDIENCE, "sub": "pairwise-subject-of-the-admin",
        "tid": FABRIKAM_TENANT, "oid": FABRIKAM_ADMIN_OID,
        "email": "admin@fabrikam.example", "xms_edov": true,
        "iat": now(), "exp": now() + 600, "scp": "api",
    })
}

/// The issuer of the tenant `tid` at the provider whose Fabrikam issuer is `fabrikam`.
fn issuer_of(fabrikam: &str, tid: &str) -> String {
    fabrikam.replace(FABRIKAM_TENANT, tid)
}

/// The folder of the keys of the tenant `tid`, beside Fabrikam's `fabrikam_keys`.
fn keys_of(fabrikam_keys: &Path, tid: &str) -> std::path::PathBuf {
    fabrikam_keys.with_file_name(tid)
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
    // The sign-in kind is the token's: a guest whose identity provider is personal Microsoft
    // accounts signs in with a Microsoft account.
    let mut personal = claims(&apps.issuer);
    personal["idp"] = "live.com".into();
    let token = signed(&apps.provider_keys, "RS256", &personal)?;
    let (status, _, body) = get_with_token(&accounts(&apps), &token)?;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains(r#""kind":"microsoft_account""#), "{body}");
    Ok(())
}

/// At the multi-tenant authority a token names its own tenant: `iss` is the template with its
/// `tid`, and its key is one its tenant signs with.
async fn a_token_of_another_tenants_issuer_or_key_is_refused(apps: Apps) -> Result<(), Failed> {
    let fabrikam_keys = &apps.provider_keys;
    let woodgrove_keys = keys_of(fabrikam_keys, WOODGROVE_TENANT);
    let woodgrove_issuer = issuer_of(&apps.issuer, WOODGROVE_TENANT);
    let woodgrove = |claims: &mut Value| {
        claims["tid"] = WOODGROVE_TENANT.into();
        claims["oid"] = "b0b0b0b0-0009-4000-8000-00000000b009".into();
        claims["email"] = "someone@woodgrove.example".into();
    };
    // Woodgrove's user, from Woodgrove's issuer with Woodgrove's key: taken (no accounts).
    let mut own = claims(&woodgrove_issuer);
    woodgrove(&mut own);
    let (status, _, body) =
        get_with_token(&accounts(&apps), &signed(&woodgrove_keys, "RS256", &own)?)?;
    assert_eq!(
        (status, body.as_str()),
        (200, "[]"),
        "Woodgrove's own token"
    );

    // Fabrikam's issuer, but Woodgrove's tenant.
    let mut mixed = claims(&apps.issuer);
    woodgrove(&mut mixed);
    assert_refused(
        &apps,
        &signed(fabrikam_keys, "RS256", &mixed)?,
        "an iss of another tenant than its tid",
    )?;
    // Woodgrove's issuer and tenant, signed with Fabrikam's key.
    assert_refused(
        &apps,
        &signed(fabrikam_keys, "RS256", &own)?,
        "a key whose issuer is another tenant's",
    )?;
    // No tenant, or the template itself.
    let mut no_tenant = claims(&apps.issuer);
    no_tenant.as_object_mut().map(|c| c.remove("tid"));
    assert_refused(
        &apps,
        &signed(fabrikam_keys, "RS256", &no_tenant)?,
        "no tid",
    )?;
    let mut template = claims(&issuer_of(&apps.issuer, "{tenantid}"));
    template["tid"] = "{tenantid}".into();
    assert_refused(
        &apps,
        &signed(fabrikam_keys, "RS256", &template)?,
        "the template",
    )?;
    Ok(())
}

/// A user is an identity: another identity whose token carries the owner's address gets nothing,
/// verified or not.
async fn another_identity_with_the_owners_address_gets_nothing(apps: Apps) -> Result<(), Failed> {
    // The owner signs in first: the invitation to their address is theirs.
    let owner = signed(&apps.provider_keys, "RS256", &claims(&apps.issuer))?;
    let (status, _, body) = get_with_token(&accounts(&apps), &owner)?;
    assert!(
        status == 200 && body.contains(r#""id":"fabrikam""#),
        "{status}: {body}"
    );
    let woodgrove_keys = keys_of(&apps.provider_keys, WOODGROVE_TENANT);
    for verified in [false, true] {
        let mut impostor = claims(&issuer_of(&apps.issuer, WOODGROVE_TENANT));
        impostor["tid"] = WOODGROVE_TENANT.into();
        impostor["oid"] = "b0b0b0b0-0003-4000-8000-00000000b003".into();
        impostor["xms_edov"] = verified.into();
        let token = signed(&woodgrove_keys, "RS256", &impostor)?;
        let (status, _, body) = get_with_token(&accounts(&apps), &token)?;
        assert_eq!((status, body.as_str()), (200, "[]"), "verified: {verified}");
    }
    // The owner still has the account.
    let (_, _, body) = get_with_token(&accounts(&apps), &owner)?;
    assert!(body.contains(r#""id":"fabrikam""#), "{body}");
    Ok(())
}

/// A guest's address is its host tenant's to set: a personal account that another tenant invited
/// as a guest under Contoso's owner's address takes no invitation, though it signs in as a
/// Microsoft account; nor does a token of another provider's shape claiming the personal-accounts
/// tenant.
async fn a_guests_address_set_by_its_host_tenant_takes_no_invitation(
    apps: Apps,
) -> Result<(), Failed> {
    let woodgrove_keys = keys_of(&apps.provider_keys, WOODGROVE_TENANT);
    let mut guest = claims(&issuer_of(&apps.issuer, WOODGROVE_TENANT));
    guest["tid"] = WOODGROVE_TENANT.into();
    guest["oid"] = "b0b0b0b0-0005-4000-8000-00000000b005".into();
    guest["idp"] = "live.com".into();
    guest["email"] = "owner@contoso.example".into();
    guest.as_object_mut().map(|c| c.remove("xms_edov"));
    let token = signed(&woodgrove_keys, "RS256", &guest)?;
    let (status, _, body) = get_with_token(&accounts(&apps), &token)?;
    assert_eq!(
        (status, body.as_str()),
        (200, "[]"),
        "a guest's unverified address"
    );
    Ok(())
}

/// An ID token is not an access token, even where the API's audience is the app's client id (as
/// it is when the API is the app's own in Microsoft Entra ID); nor is a token without the API's
/// scope.
async fn an_id_token_as_a_bearer_is_refused(_: Apps) -> Result<(), Failed> {
    let app = SignedInApp::start_from_env(
        "id-token",
        Behaviour {
            audience: Some(CLIENT_ID),
            ..Behaviour::default()
        },
        &[],
    )?;
    let issuer = app.provider.tenant_issuer(FABRIKAM_TENANT);
    let keys = app.provider.keys_of(FABRIKAM_TENANT);
    let url = format!("{}/v1/accounts", app.url);
    let mut access = claims(&issuer);
    access["aud"] = CLIENT_ID.into();
    let (status, _, body) = get_with_token(&url, &signed(&keys, "RS256", &access)?)?;
    assert_eq!(status, 200, "an access token for the client id: {body}");

    // The app's ID token: its nonce, no scope.
    let mut id_token = access.clone();
    id_token.as_object_mut().map(|c| c.remove("scp"));
    id_token["nonce"] = "n-0S6_WzA2Mj".into();
    let (status, _, body) = get_with_token(&url, &signed(&keys, "RS256", &id_token)?)?;
    assert_eq!(status, 401, "an ID token: {body}");
    let mut with_scope = id_token.clone();
    with_scope["scp"] = "api".into();
    let (status, _, body) = get_with_token(&url, &signed(&keys, "RS256", &with_scope)?)?;
    assert_eq!(status, 401, "an ID token with a scope: {body}");
    let mut no_scope = access.clone();
    no_scope["scp"] = "openid profile".into();
    let (status, _, body) = get_with_token(&url, &signed(&keys, "RS256", &no_scope)?)?;
    assert_eq!(status, 401, "without the API's scope: {body}");
    Ok(())
}

/// A key the provider withdraws stops signing tokens here once the key set's age has passed
/// (here the provider's `Cache-Control: max-age` of 2 seconds), without a restart.
async fn a_withdrawn_key_is_no_longer_trusted(_: Apps) -> Result<(), Failed> {
    let mut app = SignedInApp::start_from_env(
        "withdrawn",
        Behaviour {
            keys_max_age_seconds: Some(2),
            ..Behaviour::default()
        },
        &["--keys-refetch-seconds", "1"],
    )?;
    let issuer = app.provider.tenant_issuer(FABRIKAM_TENANT);
    let keys = app.provider.keys_of(FABRIKAM_TENANT);
    let url = format!("{}/v1/accounts", app.url);
    let token = signed(&keys, "RS256", &claims(&issuer))?;
    let (status, _, body) = get_with_token(&url, &token)?;
    assert_eq!(status, 200, "before: {body}");
    let (kid, _) = published_keys(&keys)?
        .into_iter()
        .find(|(_, alg)| alg == "RS256")
        .ok_or("an RSA key")?;
    app.provider.rotate_keys()?;
    app.provider.withdraw_key(&kid)?;
    let started = std::time::Instant::now();
    loop {
        tokio::time::sleep(Duration::from_millis(500)).await;
        let (status, _, _) = get_with_token(&url, &token)?;
        if status == 401 {
            return Ok(());
        }
        if started.elapsed() > Duration::from_secs(15) {
            return Err("the withdrawn key is still trusted after 15 seconds".into());
        }
    }
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
        Behaviour::default(),
        &["--keys-refetch-seconds", &REFETCH_SECONDS.to_string()],
    )?;
    let issuer = app.provider.tenant_issuer(FABRIKAM_TENANT);
    let url = format!("{}/v1/accounts", app.url);
    let keys = app.provider.keys_of(FABRIKAM_TENANT);
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
        harness.without_browser(
            "tokens: a token of another tenant's issuer or key is refused",
            a_token_of_another_tenants_issuer_or_key_is_refused,
        ),
        harness.without_browser(
            "tokens: another identity with the owner's address gets nothing",
            another_identity_with_the_owners_address_gets_nothing,
        ),
        harness.without_browser(
            "tokens: a guest's address set by its host tenant takes no invitation",
            a_guests_address_set_by_its_host_tenant_takes_no_invitation,
        ),
        harness.without_browser(
            "tokens: an ID token as a bearer is refused",
            an_id_token_as_a_bearer_is_refused,
        ),
        harness.without_browser(
            "tokens: a withdrawn key is no longer trusted",
            a_withdrawn_key_is_no_longer_trusted,
        ),
    ]
}
