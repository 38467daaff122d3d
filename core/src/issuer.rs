//! Which issuer a token may come from (SPEC §2.7): one provider's exact issuer, or, for Microsoft
//! Entra ID's multi-tenant authorities (`…/common/v2.0`, `…/organizations/v2.0`), each user's own
//! tenant in the discovery document's `{tenantid}` template. The app and the API both ask this.

use crate::account::MICROSOFT_ACCOUNTS_TENANT;

/// The placeholder of a tenant id in a multi-tenant discovery document's issuer.
pub const TENANT_PLACEHOLDER: &str = "{tenantid}";

/// The last two segments of a multi-tenant authority's path: the tenant segment, then `v2.0`.
const MULTI_TENANT_SEGMENTS: [&str; 2] = ["common", "organizations"];

/// Why a discovery document's issuer is not the configured provider's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssuerError {
    /// It names another issuer (OpenID Connect Discovery §4.3), or a template for an authority
    /// that is not a multi-tenant one.
    Mismatch {
        /// What the configuration names.
        configured: String,
        /// What the discovery document names.
        discovered: String,
    },
}

/// Whose tokens are accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssuerRule {
    /// One provider: `iss` is exactly this.
    Exact(String),
    /// A multi-tenant authority: `iss` is this template with `{tenantid}` replaced by the token's
    /// `tid`, which must be a GUID; with `tenants`, only those tenants.
    PerTenant {
        /// The discovery document's issuer, holding `{tenantid}`.
        template: String,
        /// The tenants allowed; empty allows every tenant.
        tenants: Vec<String>,
        /// Whether personal Microsoft accounts may sign in (`common`), or only organisations'
        /// users (`organizations`).
        personal_accounts: bool,
    },
}

/// Whether `authority` is a Microsoft Entra multi-tenant authority: its path ends in
/// `/common/v2.0` or `/organizations/v2.0`.
pub fn is_multi_tenant(authority: &str) -> bool {
    let mut segments = authority.trim_end_matches('/').rsplit('/');
    let (Some(version), Some(tenant)) = (segments.next(), segments.next()) else {
        return false;
    };
    version == "v2.0" && MULTI_TENANT_SEGMENTS.contains(&tenant)
}

/// The issuer template a multi-tenant `authority` may publish: itself with its tenant segment
/// replaced by `{tenantid}`.
fn template_of(authority: &str) -> Option<String> {
    let authority = authority.trim_end_matches('/');
    let (before, version) = authority.rsplit_once('/')?;
    let (base, _tenant) = before.rsplit_once('/')?;
    Some(format!("{base}/{TENANT_PLACEHOLDER}/{version}"))
}

impl IssuerRule {
    /// The rule for a provider configured as `configured` whose discovery document names
    /// `discovered`, allowing `tenants` (empty: all) where the authority is multi-tenant. A
    /// template is taken only from a multi-tenant authority, and only the one that authority's
    /// own address makes.
    ///
    /// ```
    /// use assistant_core::issuer::IssuerRule;
    ///
    /// let common = "https://login.microsoftonline.com/common/v2.0";
    /// let template = "https://login.microsoftonline.com/{tenantid}/v2.0";
    /// let rule = IssuerRule::of_discovery(common, template, &[]).unwrap();
    /// let tid = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    /// assert!(rule.accepts(&format!("https://login.microsoftonline.com/{tid}/v2.0"), Some(tid)).is_ok());
    /// assert!(IssuerRule::of_discovery("https://id.example", template, &[]).is_err());
    /// ```
    pub fn of_discovery(
        configured: &str,
        discovered: &str,
        tenants: &[String],
    ) -> Result<Self, IssuerError> {
        if discovered == configured {
            return Ok(IssuerRule::Exact(discovered.to_owned()));
        }
        let template = template_of(configured);
        if is_multi_tenant(configured)
            && template
                .as_deref()
                .is_some_and(|template| template == discovered.trim_end_matches('/'))
        {
            let organizations_only = configured
                .trim_end_matches('/')
                .ends_with("/organizations/v2.0");
            return Ok(IssuerRule::PerTenant {
                template: discovered.to_owned(),
                tenants: tenants.iter().map(|t| t.to_ascii_lowercase()).collect(),
                personal_accounts: !organizations_only,
            });
        }
        Err(IssuerError::Mismatch {
            configured: configured.to_owned(),
            discovered: discovered.to_owned(),
        })
    }

    /// Whether a token with `iss` and `tid` is of this issuer.
    pub fn accepts(&self, iss: &str, tid: Option<&str>) -> Result<(), IssuerRefusal> {
        match self {
            IssuerRule::Exact(issuer) if iss == issuer => Ok(()),
            IssuerRule::Exact(_) => Err(IssuerRefusal::OtherIssuer),
            IssuerRule::PerTenant {
                template,
                tenants,
                personal_accounts,
            } => {
                let tid = tid
                    .filter(|tid| is_guid(tid))
                    .ok_or(IssuerRefusal::NoTenant)?;
                if iss != with_tenant(template, tid) {
                    return Err(IssuerRefusal::OtherIssuer);
                }
                let personal = tid.eq_ignore_ascii_case(MICROSOFT_ACCOUNTS_TENANT);
                if (!tenants.is_empty() && !tenants.iter().any(|t| t.eq_ignore_ascii_case(tid)))
                    || (personal && !personal_accounts)
                {
                    return Err(IssuerRefusal::TenantNotAllowed);
                }
                Ok(())
            }
        }
    }

    /// Whether this issuer is Microsoft Entra ID vouching for the token's `tid` (and so for its
    /// `oid` and `idp`): every token of a multi-tenant authority it accepts, or a single tenant's
    /// Entra issuer (`https://login.microsoftonline.com/<tid>/v2.0`) that names the same `tid`.
    /// Another provider's `tid`, `oid` or `idp` claims are data its users may shape, never who
    /// they are.
    pub fn is_entra_for(&self, tid: Option<&str>) -> bool {
        match self {
            IssuerRule::PerTenant { .. } => true,
            IssuerRule::Exact(issuer) => tid.is_some_and(|tid| {
                is_guid(tid)
                    && issuer.trim_end_matches('/')
                        == format!("https://login.microsoftonline.com/{tid}/v2.0")
            }),
        }
    }
}

/// Why a token's issuer is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssuerRefusal {
    /// `iss` is not the issuer (or not the template with the token's own tenant).
    OtherIssuer,
    /// A multi-tenant authority's token without a GUID `tid`.
    NoTenant,
    /// The tenant is not among those allowed.
    TenantNotAllowed,
}

/// `issuer` with `{tenantid}` replaced by `tid`; unchanged when it has no placeholder.
pub fn with_tenant(issuer: &str, tid: &str) -> String {
    issuer.replace(TENANT_PLACEHOLDER, tid)
}

/// Whether a signing key whose published `issuer` is `key_issuer` (Microsoft Entra ID gives each
/// key one: a tenant's issuer, or the template) may sign a token of `iss` and `tid`. A key that
/// names no issuer may sign for any.
pub fn key_may_sign(key_issuer: Option<&str>, iss: &str, tid: Option<&str>) -> bool {
    match key_issuer {
        None => true,
        Some(key_issuer) => match tid {
            Some(tid) => with_tenant(key_issuer, tid) == iss,
            None => key_issuer == iss,
        },
    }
}

/// Whether `text` is a GUID as Microsoft Entra ID writes tenant and object ids: 8-4-4-4-12 hex.
///
/// ```
/// use assistant_core::issuer::is_guid;
///
/// assert!(is_guid("9188040d-6c67-4c5b-b112-36a304b66dad"));
/// assert!(!is_guid("common"));
/// ```
pub fn is_guid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(group, len)| group.len() == len && group.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Whether an issuer or an endpoint of a provider may be used: `https:`, or `http:` on this
/// machine only (`localhost`, `127.0.0.1`, `[::1]`), never with credentials in it.
///
/// ```
/// use assistant_core::issuer::secure_endpoint;
///
/// assert!(secure_endpoint("https://login.microsoftonline.com/common/v2.0"));
/// assert!(secure_endpoint("http://127.0.0.1:8090/common/v2.0"));
/// assert!(!secure_endpoint("http://id.example"));
/// assert!(!secure_endpoint("http://127.0.0.1.evil.example/"));
/// ```
pub fn secure_endpoint(url: &str) -> bool {
    let (scheme, rest) = match url.split_once("://") {
        Some(parts) => parts,
        None => return false,
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.is_empty() || authority.contains('@') {
        return false;
    }
    if scheme.eq_ignore_ascii_case("https") {
        return true;
    }
    if !scheme.eq_ignore_ascii_case("http") {
        return false;
    }
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => authority.split(':').next().unwrap_or_default(),
    };
    ["localhost", "127.0.0.1", "::1"]
        .iter()
        .any(|loopback| host.eq_ignore_ascii_case(loopback))
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMMON: &str = "https://login.microsoftonline.com/common/v2.0";
    const TEMPLATE: &str = "https://login.microsoftonline.com/{tenantid}/v2.0";
    const FABRIKAM: &str = "a5d7c2f0-3b8e-4c1d-9f6a-2e4b8d0c7f13";
    const WOODGROVE: &str = "3c1f6e2a-7d4b-4f0e-8a9c-5b2d1e0f4a67";

    fn issuer_of(tid: &str) -> String {
        format!("https://login.microsoftonline.com/{tid}/v2.0")
    }

    #[test]
    fn a_single_provider_is_its_exact_issuer() {
        let rule =
            IssuerRule::of_discovery("https://id.example", "https://id.example", &[]).unwrap();
        assert_eq!(rule.accepts("https://id.example", None), Ok(()));
        assert_eq!(
            rule.accepts("https://id.example.evil", None),
            Err(IssuerRefusal::OtherIssuer)
        );
        assert!(
            IssuerRule::of_discovery("https://id.example", "https://other.example", &[]).is_err()
        );
    }

    #[test]
    fn a_template_is_taken_only_from_a_multi_tenant_authority_and_only_its_own() {
        for authority in [
            COMMON,
            "https://login.microsoftonline.com/organizations/v2.0/",
        ] {
            assert!(
                matches!(
                    IssuerRule::of_discovery(authority, TEMPLATE, &[]),
                    Ok(IssuerRule::PerTenant { .. })
                ),
                "{authority}"
            );
        }
        for (authority, discovered) in [
            (issuer_of(FABRIKAM).as_str(), TEMPLATE),
            ("https://id.example", TEMPLATE),
            (COMMON, "https://evil.example/{tenantid}/v2.0"),
            (COMMON, "https://login.microsoftonline.com/{tenantid}/v1.0"),
            ("https://login.microsoftonline.com/consumers/v2.0", TEMPLATE),
        ] {
            assert!(
                IssuerRule::of_discovery(authority, discovered, &[]).is_err(),
                "{authority} with {discovered}"
            );
        }
    }

    #[test]
    fn a_multi_tenant_token_names_its_own_tenant() {
        let rule = IssuerRule::of_discovery(COMMON, TEMPLATE, &[]).unwrap();
        assert_eq!(rule.accepts(&issuer_of(FABRIKAM), Some(FABRIKAM)), Ok(()));
        assert_eq!(
            rule.accepts(&issuer_of(FABRIKAM), Some(WOODGROVE)),
            Err(IssuerRefusal::OtherIssuer),
            "an iss of another tenant than its tid"
        );
        assert_eq!(
            rule.accepts(&issuer_of(FABRIKAM), None),
            Err(IssuerRefusal::NoTenant)
        );
        assert_eq!(
            rule.accepts(TEMPLATE, Some("{tenantid}")),
            Err(IssuerRefusal::NoTenant)
        );
        assert_eq!(
            rule.accepts(&issuer_of("common"), Some("common")),
            Err(IssuerRefusal::NoTenant)
        );
    }

    #[test]
    fn organizations_takes_no_personal_account() {
        let personal = MICROSOFT_ACCOUNTS_TENANT;
        let organizations = "https://login.microsoftonline.com/organizations/v2.0";
        let rule = IssuerRule::of_discovery(organizations, TEMPLATE, &[]).unwrap();
        assert_eq!(rule.accepts(&issuer_of(FABRIKAM), Some(FABRIKAM)), Ok(()));
        assert_eq!(
            rule.accepts(&issuer_of(personal), Some(personal)),
            Err(IssuerRefusal::TenantNotAllowed)
        );
        let common = IssuerRule::of_discovery(COMMON, TEMPLATE, &[]).unwrap();
        assert_eq!(common.accepts(&issuer_of(personal), Some(personal)), Ok(()));
    }

    #[test]
    fn only_entra_vouches_for_a_tenant() {
        let common = IssuerRule::of_discovery(COMMON, TEMPLATE, &[]).unwrap();
        assert!(common.is_entra_for(Some(FABRIKAM)));
        let fabrikam = IssuerRule::Exact(issuer_of(FABRIKAM));
        assert!(fabrikam.is_entra_for(Some(FABRIKAM)));
        assert!(!fabrikam.is_entra_for(Some(WOODGROVE)));
        let other = IssuerRule::Exact("https://id.example".into());
        assert!(!other.is_entra_for(Some(FABRIKAM)));
        let lookalike = IssuerRule::Exact(format!("https://id.example/{FABRIKAM}/v2.0"));
        assert!(!lookalike.is_entra_for(Some(FABRIKAM)));
    }

    #[test]
    fn a_tenant_list_restricts_the_tenants() {
        let rule = IssuerRule::of_discovery(COMMON, TEMPLATE, &[FABRIKAM.to_uppercase()]).unwrap();
        assert_eq!(rule.accepts(&issuer_of(FABRIKAM), Some(FABRIKAM)), Ok(()));
        assert_eq!(
            rule.accepts(&issuer_of(WOODGROVE), Some(WOODGROVE)),
            Err(IssuerRefusal::TenantNotAllowed)
        );
    }

    #[test]
    fn a_key_signs_only_for_its_own_issuer() {
        let fabrikam = issuer_of(FABRIKAM);
        assert!(key_may_sign(None, &fabrikam, Some(FABRIKAM)));
        assert!(key_may_sign(Some(TEMPLATE), &fabrikam, Some(FABRIKAM)));
        assert!(key_may_sign(Some(&fabrikam), &fabrikam, Some(FABRIKAM)));
        let woodgrove = issuer_of(WOODGROVE);
        assert!(!key_may_sign(Some(&fabrikam), &woodgrove, Some(WOODGROVE)));
        assert!(!key_may_sign(Some(TEMPLATE), &woodgrove, Some(FABRIKAM)));
    }

    #[test]
    fn endpoints_are_https_but_on_this_machine() {
        for url in [
            "https://id.example/authorize",
            "http://localhost:8090/token",
            "http://[::1]:8090/",
            "HTTP://127.0.0.1/x",
        ] {
            assert!(secure_endpoint(url), "{url}");
        }
        for url in [
            "http://id.example/",
            "http://127.0.0.1@evil.example/",
            "https://user:pw@id.example/",
            "javascript:alert(1)",
            "ftp://127.0.0.1/",
            "http://localhost.evil.example/",
            "",
        ] {
            assert!(!secure_endpoint(url), "{url}");
        }
    }
}
