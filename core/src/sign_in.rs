//! Signing in with OpenID Connect from the browser: what the app accepts of an ID token, and what
//! a provider's answer at the app's address means. The protocol's steps (discovery, the redirect,
//! the code exchange) are the app's; what to accept is decided here, and tested natively.

use serde::Deserialize;

use crate::identity::{Person, PersonClaims};
use crate::issuer::{IssuerRefusal, IssuerRule};

/// Seconds an ID token's `exp` may be off, for clocks that differ (the API allows the same).
pub const LEEWAY_SECONDS: i64 = 60;

/// Why an ID token is not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdTokenError {
    /// Not a JWT with a JSON payload of the claims below.
    Malformed,
    /// Issued by another provider, or, at a multi-tenant authority, by another tenant than its
    /// `tid` (or by a tenant not allowed).
    Issuer,
    /// Issued for another client.
    Audience,
    /// Not the answer to this sign-in (a replayed or injected token).
    Nonce,
    /// Expired.
    Expired,
    /// It names no one: neither `tid` and `oid` nor `sub`.
    NoIdentity,
}

/// One audience or several, as `aud` may be.
#[derive(Debug)]
enum Audience {
    One(String),
    Many(Vec<String>),
}

/// Read by hand rather than `#[serde(untagged)]`, whose buffering costs the app's bundle more than
/// the two shapes need.
impl<'de> Deserialize<'de> for Audience {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Shapes;
        impl<'de> serde::de::Visitor<'de> for Shapes {
            type Value = Audience;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string or a list of strings")
            }

            fn visit_str<E: serde::de::Error>(self, one: &str) -> Result<Audience, E> {
                Ok(Audience::One(one.to_owned()))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Audience, A::Error> {
                let mut many = Vec::new();
                while let Some(one) = seq.next_element()? {
                    many.push(one);
                }
                Ok(Audience::Many(many))
            }
        }
        deserializer.deserialize_any(Shapes)
    }
}

impl Audience {
    fn only(&self) -> Option<&str> {
        match self {
            Audience::One(one) => Some(one),
            Audience::Many(many) if many.len() == 1 => Some(&many[0]),
            Audience::Many(_) => None,
        }
    }

    fn contains(&self, client_id: &str) -> bool {
        match self {
            Audience::One(one) => one == client_id,
            Audience::Many(many) => many.iter().any(|aud| aud == client_id),
        }
    }
}

#[derive(Debug, Deserialize)]
struct IdClaims {
    aud: Audience,
    azp: Option<String>,
    nonce: Option<String>,
    exp: i64,
    #[serde(flatten)]
    person: PersonClaims,
}

/// What this sign-in expects of its ID token.
#[derive(Debug, Clone, Copy)]
pub struct Expected<'a> {
    /// Whose tokens are accepted: the provider's issuer, or each tenant's at a multi-tenant
    /// authority.
    pub issuer: &'a IssuerRule,
    /// The app's client id.
    pub client_id: &'a str,
    /// The nonce the app sent with this sign-in.
    pub nonce: &'a str,
    /// Now, in seconds since the Unix epoch.
    pub now_s: i64,
}

/// Checks the claims of an ID token received from the provider's token endpoint over TLS (its
/// signature need not be checked then, OpenID Connect Core §3.1.3.7): the issuer (each user's
/// own tenant at a multi-tenant authority), the audience (and the authorised party when there
/// are several), the nonce and the expiry; and reads who it signs in.
pub fn check_id_token(token: &str, expected: Expected<'_>) -> Result<Person, IdTokenError> {
    let payload = token.split('.').nth(1).ok_or(IdTokenError::Malformed)?;
    let bytes = base64url::decode(payload).ok_or(IdTokenError::Malformed)?;
    // From text, as every other answer is read (one copy of the JSON reader in the bundle).
    let text = std::str::from_utf8(&bytes).map_err(|_| IdTokenError::Malformed)?;
    let claims: IdClaims = serde_json::from_str(text).map_err(|_| IdTokenError::Malformed)?;
    expected
        .issuer
        .accepts(&claims.person.iss, claims.person.tid.as_deref())
        .map_err(|_: IssuerRefusal| IdTokenError::Issuer)?;
    let authorised = match claims.aud.only() {
        Some(only) => only == expected.client_id,
        None => {
            claims.aud.contains(expected.client_id)
                && claims.azp.as_deref() == Some(expected.client_id)
        }
    };
    if !authorised {
        return Err(IdTokenError::Audience);
    }
    if claims.nonce.as_deref() != Some(expected.nonce) {
        return Err(IdTokenError::Nonce);
    }
    if claims.exp.saturating_add(LEEWAY_SECONDS) <= expected.now_s {
        return Err(IdTokenError::Expired);
    }
    let entra = expected.issuer.is_entra_for(claims.person.tid.as_deref());
    claims
        .person
        .person(entra)
        .map_err(|_| IdTokenError::NoIdentity)
}

/// Why signing in did not succeed, as the user is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInFailure {
    /// The user cancelled at the provider (`access_denied`).
    Cancelled,
    /// The provider's session has ended: the user must sign in again (`login_required` and its
    /// kin, the answer to a sign-in that asked for no interaction).
    SessionEnded,
    /// The answer is not to a sign-in this browser started (a `state` that does not match).
    NotStartedHere,
    /// The provider could not be reached, or answered with something that is not its protocol.
    Unreachable,
    /// The provider refused for another reason, or its tokens were not acceptable.
    Refused,
}

impl SignInFailure {
    /// The failure an `error` code of the provider's answer names (RFC 6749 §4.1.2.1, OpenID
    /// Connect Core §3.1.2.6).
    pub fn of_error(code: &str) -> Self {
        match code {
            "access_denied" => SignInFailure::Cancelled,
            "login_required"
            | "interaction_required"
            | "consent_required"
            | "account_selection_required" => SignInFailure::SessionEnded,
            "temporarily_unavailable" | "server_error" => SignInFailure::Unreachable,
            _ => SignInFailure::Refused,
        }
    }
}

/// Base64url without padding (RFC 4648 §5), as JWTs and PKCE write bytes.
pub mod base64url {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// `bytes` in base64url, without padding.
    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0_u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
            for i in 0..=chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            }
        }
        out
    }

    /// The bytes of base64url `text` (padding allowed); `None` if it is not base64url.
    pub fn decode(text: &str) -> Option<Vec<u8>> {
        let text = text.trim_end_matches('=');
        if text.len() % 4 == 1 {
            return None;
        }
        let mut out = Vec::with_capacity(text.len() * 3 / 4);
        for chunk in text.as_bytes().chunks(4) {
            let mut n = 0_u32;
            for (i, c) in chunk.iter().enumerate() {
                let value = ALPHABET.iter().position(|a| a == c)?;
                n |= (value as u32) << (18 - 6 * i);
            }
            let bytes = n.to_be_bytes();
            out.extend_from_slice(&bytes[1..chunk.len()]);
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(claims: &serde_json::Value) -> String {
        format!(
            "{}.{}.signature",
            base64url::encode(br#"{"alg":"RS256"}"#),
            base64url::encode(claims.to_string().as_bytes())
        )
    }

    fn exact() -> IssuerRule {
        IssuerRule::Exact("https://id.example".into())
    }

    fn expected(issuer: &IssuerRule) -> Expected<'_> {
        Expected {
            issuer,
            client_id: "assistant",
            nonce: "n-0S6_WzA2Mj",
            now_s: 1_800_000_000,
        }
    }

    fn claims() -> serde_json::Value {
        serde_json::json!({
            "iss": "https://id.example", "aud": "assistant", "nonce": "n-0S6_WzA2Mj",
            "exp": 1_800_000_600, "sub": "248289761001", "email": "admin@fabrikam.example",
        })
    }

    fn with(key: &str, value: serde_json::Value) -> String {
        let mut claims = claims();
        claims[key] = value;
        token(&claims)
    }

    #[test]
    fn a_token_for_this_sign_in_is_accepted_and_names_the_user() {
        let user = check_id_token(&token(&claims()), expected(&exact())).unwrap();
        assert_eq!(user.display_name, "admin@fabrikam.example");
        assert_eq!(
            user.identity.key(),
            "subject/https:%2F%2Fid.example/248289761001"
        );
        let named = with("name", "Fabrikam Admin".into());
        assert_eq!(
            check_id_token(&named, expected(&exact()))
                .unwrap()
                .display_name,
            "Fabrikam Admin"
        );
    }

    #[test]
    fn tokens_of_other_issuers_clients_sign_ins_or_times_are_refused() {
        use IdTokenError::*;
        for (token, why) in [
            (with("iss", "https://id.example.evil".into()), Issuer),
            (with("aud", "another-app".into()), Audience),
            (
                with("aud", serde_json::json!(["assistant", "another-app"])),
                Audience,
            ),
            (with("nonce", "replayed".into()), Nonce),
            (with("nonce", serde_json::Value::Null), Nonce),
            (
                with("exp", (1_800_000_000 - LEEWAY_SECONDS).into()),
                Expired,
            ),
            ("not a token".to_owned(), Malformed),
            ("a.%%%.c".to_owned(), Malformed),
            (format!("a.{}.c", base64url::encode(b"[1]")), Malformed),
        ] {
            assert_eq!(
                check_id_token(&token, expected(&exact())),
                Err(why),
                "{token}"
            );
        }
        // Several audiences: only with this app as the authorised party.
        let mut several = claims();
        several["aud"] = serde_json::json!(["assistant", "api"]);
        several["azp"] = "assistant".into();
        assert!(check_id_token(&token(&several), expected(&exact())).is_ok());
        // Within the leeway.
        let late = with("exp", (1_800_000_000 - LEEWAY_SECONDS + 1).into());
        assert!(check_id_token(&late, expected(&exact())).is_ok());
    }

    #[test]
    fn at_a_multi_tenant_authority_the_token_names_its_own_tenant() {
        let rule = IssuerRule::of_discovery(
            "https://login.microsoftonline.com/common/v2.0",
            "https://login.microsoftonline.com/{tenantid}/v2.0",
            &[],
        )
        .unwrap();
        let fabrikam = "a5d7c2f0-3b8e-4c1d-9f6a-2e4b8d0c7f13";
        let woodgrove = "3c1f6e2a-7d4b-4f0e-8a9c-5b2d1e0f4a67";
        let oid = "00000000-0000-0000-66f3-3332eca7ea81";
        let of = |iss_tenant: &str, tid: serde_json::Value| {
            let mut claims = claims();
            claims["iss"] = format!("https://login.microsoftonline.com/{iss_tenant}/v2.0").into();
            claims["tid"] = tid;
            claims["oid"] = oid.into();
            check_id_token(&token(&claims), expected(&rule))
        };
        let person = of(fabrikam, fabrikam.into()).unwrap();
        assert_eq!(person.identity.key(), format!("entra/{fabrikam}/{oid}"));
        assert_eq!(
            of(fabrikam, woodgrove.into()),
            Err(IdTokenError::Issuer),
            "iss of another tenant than tid"
        );
        assert_eq!(
            of(fabrikam, serde_json::Value::Null),
            Err(IdTokenError::Issuer)
        );
        assert_eq!(
            of("{tenantid}", "{tenantid}".into()),
            Err(IdTokenError::Issuer)
        );
    }

    #[test]
    fn provider_errors_are_told_as_what_happened() {
        assert_eq!(
            SignInFailure::of_error("access_denied"),
            SignInFailure::Cancelled
        );
        assert_eq!(
            SignInFailure::of_error("login_required"),
            SignInFailure::SessionEnded
        );
        assert_eq!(
            SignInFailure::of_error("server_error"),
            SignInFailure::Unreachable
        );
        assert_eq!(
            SignInFailure::of_error("invalid_request"),
            SignInFailure::Refused
        );
    }

    #[test]
    fn base64url_round_trips_and_refuses_other_alphabets() {
        for bytes in [
            &b""[..],
            b"f",
            b"fo",
            b"foo",
            b"foob",
            b"fooba",
            b"foobar",
            &[0xfb, 0xff, 0xfe],
        ] {
            let text = base64url::encode(bytes);
            assert!(!text.contains(['+', '/', '=']), "{text}");
            assert_eq!(base64url::decode(&text).as_deref(), Some(bytes));
        }
        assert_eq!(base64url::encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64url::encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url::decode("+/8"), None);
        assert_eq!(base64url::decode("Zm9vY"), None);
    }
}
