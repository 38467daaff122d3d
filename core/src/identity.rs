//! Who a signed-in user is (SPEC §2.7): an identity, never an email address. For Microsoft Entra
//! ID, the tenant and the object id (`tid` + `oid`); for any other provider, the issuer and the
//! subject (`iss` + `sub`). An address in a token is data: shown, offered as the work email, and
//! used to accept an invitation only when the token says it is verified.

use serde::Deserialize;

use crate::account::{MICROSOFT_ACCOUNTS_TENANT, SignInKind};
use crate::issuer::is_guid;

/// A signed-in user, as accounts, roles, saved answers and limits are keyed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Identity {
    /// A Microsoft Entra ID user: their tenant and their object id in it (both GUIDs, lower case).
    Entra {
        /// `tid`.
        tenant: String,
        /// `oid`.
        object: String,
    },
    /// A user of any other provider: the issuer and the subject it gives them.
    Subject {
        /// `iss`.
        issuer: String,
        /// `sub`.
        subject: String,
    },
}

impl Identity {
    /// The identity of a token's claims: Entra's when Microsoft Entra ID vouches for the token's
    /// tenant (`entra`) and `tid` and `oid` are both GUIDs, else the issuer's subject; `None`
    /// without a subject.
    pub fn of(
        iss: &str,
        sub: &str,
        tid: Option<&str>,
        oid: Option<&str>,
        entra: bool,
    ) -> Option<Self> {
        match (tid, oid) {
            (Some(tid), Some(oid)) if entra && is_guid(tid) && is_guid(oid) => {
                Some(Identity::Entra {
                    tenant: tid.to_ascii_lowercase(),
                    object: oid.to_ascii_lowercase(),
                })
            }
            _ if !sub.is_empty() && !iss.is_empty() => Some(Identity::Subject {
                issuer: iss.to_owned(),
                subject: sub.to_owned(),
            }),
            _ => None,
        }
    }

    /// The identity as one key: two identities have the same key only when they are the same.
    ///
    /// ```
    /// use assistant_core::identity::Identity;
    ///
    /// let a = Identity::of("https://id.example/t", "x", None, None, false).unwrap();
    /// let b = Identity::of("https://id.example", "t/x", None, None, false).unwrap();
    /// assert_ne!(a.key(), b.key());
    /// ```
    pub fn key(&self) -> String {
        match self {
            Identity::Entra { tenant, object } => format!("entra/{tenant}/{object}"),
            Identity::Subject { issuer, subject } => {
                format!("subject/{}/{}", escape(issuer), escape(subject))
            }
        }
    }
}

/// `%` and `/` escaped, so a part of a key never reads as two.
fn escape(part: &str) -> String {
    part.replace('%', "%25").replace('/', "%2F")
}

/// A claim that says yes or no: a boolean, or the text `"true"`/`"false"` some providers send.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flag(pub bool);

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Either;
        impl serde::de::Visitor<'_> for Either {
            type Value = Flag;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a boolean")
            }

            fn visit_bool<E: serde::de::Error>(self, yes: bool) -> Result<Flag, E> {
                Ok(Flag(yes))
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Flag, E> {
                Ok(Flag(text.eq_ignore_ascii_case("true") || text == "1"))
            }
        }
        deserializer.deserialize_any(Either)
    }
}

/// What a token says of the person it signs in: the claims both the app (of its ID token) and the
/// API (of its access tokens) read.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PersonClaims {
    /// The issuer.
    pub iss: String,
    /// The subject.
    #[serde(default)]
    pub sub: String,
    /// Microsoft Entra ID's tenant id.
    pub tid: Option<String>,
    /// Microsoft Entra ID's object id.
    pub oid: Option<String>,
    /// The identity provider of a guest (`live.com` for a personal Microsoft account).
    pub idp: Option<String>,
    /// The address, as the provider gives it.
    pub email: Option<String>,
    /// The sign-in name, an address at most providers.
    pub preferred_username: Option<String>,
    /// The person's name.
    pub name: Option<String>,
    /// Whether the provider verified the address (OpenID Connect's claim).
    pub email_verified: Option<Flag>,
    /// Whether the address's domain is verified by its owner (Microsoft Entra ID's optional
    /// claim).
    pub xms_edov: Option<Flag>,
}

/// A signed-in person, as the rules need them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Who they are.
    pub identity: Identity,
    /// How they sign in: a personal Microsoft account, or a work account.
    pub kind: SignInKind,
    /// Their address (the sign-in address shown, and the default work email), if the token has
    /// one.
    pub address: Option<String>,
    /// Whether that address is theirs for certain, so an invitation to it may bind to them.
    pub address_verified: bool,
    /// Their name, else their address.
    pub display_name: String,
}

/// Why no person can be read from a token's claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonError {
    /// Neither `tid` and `oid` nor `sub` names them.
    NoIdentity,
}

impl SignInKind {
    /// How the person of a token signs in, the way Microsoft Entra ID says it: a personal
    /// Microsoft account is the personal-accounts tenant, or a guest whose `idp` names personal
    /// accounts (`live.com`, or an issuer address with that tenant); anything else is a work
    /// account.
    ///
    /// ```
    /// use assistant_core::account::{MICROSOFT_ACCOUNTS_TENANT, SignInKind};
    ///
    /// let fabrikam = Some("a5d7c2f0-3b8e-4c1d-9f6a-2e4b8d0c7f13");
    /// assert_eq!(SignInKind::of_token(Some(MICROSOFT_ACCOUNTS_TENANT), None), SignInKind::MicrosoftAccount);
    /// assert_eq!(SignInKind::of_token(fabrikam, Some("live.com")), SignInKind::MicrosoftAccount);
    /// assert_eq!(SignInKind::of_token(fabrikam, None), SignInKind::WorkAccount);
    /// ```
    pub fn of_token(tid: Option<&str>, idp: Option<&str>) -> Self {
        let personal_tenant = tid.is_some_and(is_personal_tenant);
        if personal_tenant || idp.is_some_and(names_personal_accounts) {
            SignInKind::MicrosoftAccount
        } else {
            SignInKind::WorkAccount
        }
    }
}

fn is_personal_tenant(tid: &str) -> bool {
    tid.eq_ignore_ascii_case(MICROSOFT_ACCOUNTS_TENANT)
}

/// Whether a guest's `idp` is Microsoft's personal accounts: `live.com`, or the issuer of the
/// personal-accounts tenant, exactly (another federation's issuer that merely contains the
/// tenant's id is not).
fn names_personal_accounts(idp: &str) -> bool {
    let idp = idp.trim_end_matches('/').to_ascii_lowercase();
    idp == "live.com"
        || idp == format!("https://sts.windows.net/{MICROSOFT_ACCOUNTS_TENANT}")
        || idp == format!("https://login.microsoftonline.com/{MICROSOFT_ACCOUNTS_TENANT}/v2.0")
}

impl PersonClaims {
    /// The person these claims sign in. `entra` says whether Microsoft Entra ID vouches for the
    /// token's tenant (`IssuerRule::is_entra_for`): only then are `tid`, `oid` and `idp` who they
    /// are, and only then is there a personal Microsoft account.
    pub fn person(&self, entra: bool) -> Result<Person, PersonError> {
        let (tid, oid) = (self.tid.as_deref(), self.oid.as_deref());
        let identity =
            Identity::of(&self.iss, &self.sub, tid, oid, entra).ok_or(PersonError::NoIdentity)?;
        let kind = if entra {
            SignInKind::of_token(tid, self.idp.as_deref())
        } else {
            SignInKind::WorkAccount
        };
        let address = [&self.email, &self.preferred_username]
            .into_iter()
            .flatten()
            .map(|address| address.trim())
            .find(|address| address.contains('@'))
            .map(str::to_owned);
        // Only the `email` claim can be verified. At Entra, by `xms_edov` (its `email_verified`
        // can be mapped by any tenant's policy), or by being a personal account's own address in
        // the personal-accounts tenant (a guest's address is its host tenant's to set); elsewhere,
        // by `email_verified`.
        let email_is_the_address = self.email.as_deref().map(str::trim) == address.as_deref();
        let vouched = if entra {
            self.xms_edov == Some(Flag(true)) || tid.is_some_and(is_personal_tenant)
        } else {
            self.email_verified == Some(Flag(true))
        };
        let address_verified = address.is_some() && email_is_the_address && vouched;
        let display_name = [&self.name, &address]
            .into_iter()
            .flatten()
            .find(|name| !name.trim().is_empty())
            .cloned()
            .unwrap_or_default();
        Ok(Person {
            identity,
            kind,
            address,
            address_verified,
            display_name,
        })
    }
}

/// What a signed-in person's token does to an invitation to their address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invitation {
    /// The invitation is theirs now: they are the first to sign in with the address verified.
    Binds,
    /// It was theirs already.
    Theirs,
    /// Another identity took it first: they get nothing (and it is worth a line in the log).
    TakenByAnother,
    /// Their address is not verified: nothing binds until it is.
    Unverified,
}

/// What happens to an invitation bound to `bound_to` (no one yet: `None`) when `person` signs in
/// with its address.
///
/// ```
/// use assistant_core::identity::{Invitation, invitation};
///
/// assert_eq!(invitation(None, "entra/a/b", true), Invitation::Binds);
/// assert_eq!(invitation(Some("entra/a/c"), "entra/a/b", true), Invitation::TakenByAnother);
/// assert_eq!(invitation(None, "entra/a/b", false), Invitation::Unverified);
/// ```
pub fn invitation(bound_to: Option<&str>, person: &str, address_verified: bool) -> Invitation {
    match bound_to {
        Some(bound) if bound == person => Invitation::Theirs,
        Some(_) => Invitation::TakenByAnother,
        None if address_verified => Invitation::Binds,
        None => Invitation::Unverified,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FABRIKAM: &str = "a5d7c2f0-3b8e-4c1d-9f6a-2e4b8d0c7f13";
    const OID: &str = "00000000-0000-0000-66f3-3332eca7ea81";

    fn claims(json: serde_json::Value) -> PersonClaims {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn an_entra_user_is_their_tenant_and_object_not_their_address() {
        let person = claims(serde_json::json!({
            "iss": format!("https://login.microsoftonline.com/{FABRIKAM}/v2.0"),
            "sub": "pairwise-1", "tid": FABRIKAM.to_uppercase(), "oid": OID,
            "email": "admin@fabrikam.example", "xms_edov": true,
        }))
        .person(true)
        .unwrap();
        assert_eq!(
            person.identity,
            Identity::Entra {
                tenant: FABRIKAM.into(),
                object: OID.into()
            }
        );
        assert_eq!(person.identity.key(), format!("entra/{FABRIKAM}/{OID}"));
        assert_eq!(person.kind, SignInKind::WorkAccount);
        assert!(person.address_verified);
        assert_eq!(person.display_name, "admin@fabrikam.example");
    }

    #[test]
    fn another_providers_user_is_its_issuer_and_subject_whatever_claims_it_carries() {
        let person = claims(serde_json::json!({
            "iss": "https://accounts.example", "sub": "248289761001",
            "tid": FABRIKAM, "oid": OID, "idp": "live.com",
            "email": "admin@fabrikam.example", "name": "Fabrikam Admin",
        }))
        .person(false)
        .unwrap();
        assert_eq!(
            person.identity.key(),
            "subject/https:%2F%2Faccounts.example/248289761001",
            "a tid and an oid of another provider are data its users may shape"
        );
        assert_eq!(person.kind, SignInKind::WorkAccount);
        assert!(!person.address_verified, "no claim says it is verified");
        assert_eq!(person.display_name, "Fabrikam Admin");
        assert_eq!(
            claims(serde_json::json!({"iss": "https://accounts.example"})).person(false),
            Err(PersonError::NoIdentity)
        );
    }

    fn verified(entra: bool, extra: serde_json::Value) -> bool {
        let mut json = serde_json::json!({
            "iss": "https://id.example", "sub": "s", "email": "admin@fabrikam.example",
            "tid": FABRIKAM, "oid": OID,
        });
        json.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        claims(json).person(entra).unwrap().address_verified
    }

    #[test]
    fn an_address_is_verified_only_when_the_token_says_so() {
        use serde_json::json;
        // Another provider: OpenID Connect's `email_verified`.
        assert!(verified(false, json!({"email_verified": true})));
        assert!(verified(false, json!({"email_verified": "true"})));
        assert!(!verified(false, json!({"email_verified": false})));
        assert!(!verified(false, json!({"xms_edov": true})));
        assert!(!verified(false, json!({})));
        // Entra: `xms_edov` only (its `email_verified` can be mapped by any tenant's policy).
        assert!(verified(true, json!({"xms_edov": true})));
        assert!(!verified(true, json!({"xms_edov": false})));
        assert!(!verified(true, json!({"email_verified": true})));
        // A personal Microsoft account's own address, in the personal-accounts tenant.
        assert!(verified(true, json!({"tid": MICROSOFT_ACCOUNTS_TENANT})));
        assert!(!verified(false, json!({"tid": MICROSOFT_ACCOUNTS_TENANT})));
        // Only `email` can be verified: a sign-in name is not the address it may look like.
        let unverified_name = claims(serde_json::json!({
            "iss": "https://id.example", "sub": "s",
            "preferred_username": "admin@fabrikam.example", "email_verified": true,
        }))
        .person(false)
        .unwrap();
        assert_eq!(
            unverified_name.address.as_deref(),
            Some("admin@fabrikam.example")
        );
        assert!(!unverified_name.address_verified);
    }

    #[test]
    fn a_guests_address_is_its_host_tenants_to_vouch_for() {
        use serde_json::json;
        // A personal account as a guest signs in as a Microsoft account...
        let guest = claims(json!({
            "iss": "https://id.example", "sub": "s", "tid": FABRIKAM, "oid": OID,
            "idp": "live.com", "email": "owner@contoso.example",
        }))
        .person(true)
        .unwrap();
        assert_eq!(guest.kind, SignInKind::MicrosoftAccount);
        // ...but its address, which the host tenant sets, is verified only by `xms_edov`.
        assert!(!guest.address_verified);
        assert!(verified(true, json!({"idp": "live.com", "xms_edov": true})));
    }

    #[test]
    fn a_guest_from_personal_accounts_is_a_microsoft_account() {
        for idp in [
            "live.com",
            "https://sts.windows.net/9188040d-6c67-4c5b-b112-36a304b66dad/",
            "https://login.microsoftonline.com/9188040D-6C67-4C5B-B112-36A304B66DAD/v2.0",
        ] {
            assert_eq!(
                SignInKind::of_token(Some(FABRIKAM), Some(idp)),
                SignInKind::MicrosoftAccount,
                "{idp}"
            );
        }
        for idp in [
            "https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/",
            "https://evil.example/9188040d-6c67-4c5b-b112-36a304b66dad/",
            "google.com",
            "live.com.evil.example",
        ] {
            assert_eq!(
                SignInKind::of_token(Some(FABRIKAM), Some(idp)),
                SignInKind::WorkAccount,
                "{idp}"
            );
        }
    }

    #[test]
    fn an_invitation_binds_to_the_first_verified_identity_and_to_nobody_after() {
        assert_eq!(invitation(None, "a", true), Invitation::Binds);
        assert_eq!(invitation(Some("a"), "a", true), Invitation::Theirs);
        assert_eq!(invitation(Some("a"), "a", false), Invitation::Theirs);
        assert_eq!(invitation(Some("a"), "b", true), Invitation::TakenByAnother);
        assert_eq!(invitation(None, "b", false), Invitation::Unverified);
    }
}
