//! The work email of a migration (SPEC §2.3): an address of the MPN ID's tenant, never a
//! consumer mailbox, and for Microsoft-account sign-ins not the sign-in address itself.

use crate::account::{SignIn, SignInKind};
use crate::email::{EmailAddress, EmailError, UnicodeTables};
use crate::tenant::Tenant;

/// Consumer mail services, by exact domain.
const CONSUMER_DOMAINS: &[&str] = &[
    "aol.com",
    "gmail.com",
    "googlemail.com",
    "icloud.com",
    "mac.com",
    "me.com",
    "msn.com",
    "mail.com",
    "pm.me",
    "proton.me",
    "protonmail.com",
    "qq.com",
    "rocketmail.com",
    "web.de",
    "ymail.com",
    "yahoo.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
];

/// Consumer mail services that exist under many country domains (`hotmail.co.uk`, `live.se`).
const CONSUMER_FAMILIES: &[&str] = &["hotmail", "live", "outlook", "yahoo", "gmx", "yandex"];

/// Whether `domain` (lower-case ASCII) is a consumer mail service, never a work domain.
pub fn is_consumer_domain(domain: &str) -> bool {
    if CONSUMER_DOMAINS.contains(&domain) {
        return true;
    }
    // A family name followed by a country or generic suffix of one or two short labels.
    domain.split_once('.').is_some_and(|(name, suffix)| {
        CONSUMER_FAMILIES.contains(&name)
            && suffix.split('.').count() <= 2
            && suffix.split('.').all(|label| {
                (2..=3).contains(&label.len()) && label.bytes().all(|b| b.is_ascii_lowercase())
            })
    })
}

/// Why an address is not accepted as the work email of a migration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkEmailError {
    /// Not an email address at all.
    Format(EmailError),
    /// A consumer mailbox (outlook.com, gmail.com, …), never a work email.
    ConsumerDomain {
        /// The consumer domain given, in lower-case ASCII.
        domain: String,
    },
    /// The account signs in with a Microsoft account and this is that same address.
    SameAsMicrosoftAccount,
    /// The address does not belong to the tenant where the account's MPN ID is registered.
    TenantMismatch {
        /// The tenant's name, which the message must show.
        tenant_name: String,
    },
}

impl From<EmailError> for WorkEmailError {
    fn from(error: EmailError) -> Self {
        Self::Format(error)
    }
}

/// Checks `input` as the work email of a migration.
///
/// `tenant` is the tenant of the MPN ID that will be used; while it is unknown (no usable MPN ID
/// yet), tenant membership is not checked and the address is checked again once it is known.
///
/// ```
/// use assistant_core::fixtures;
/// use assistant_core::email::Uts46;
/// use assistant_core::work_email::{check_work_email, WorkEmailError};
///
/// let northwind = fixtures::account("northwind").unwrap();
/// let tenant = fixtures::tenant_of_mpn("3456789");
/// let refused = check_work_email("ops@adatum.example", &northwind.sign_in, tenant.as_ref(), &Uts46);
/// assert_eq!(
///     refused,
///     Err(WorkEmailError::TenantMismatch { tenant_name: "Northwind Traders".into() })
/// );
/// assert!(check_work_email("ops@northwind.example", &northwind.sign_in, tenant.as_ref(), &Uts46).is_ok());
/// ```
pub fn check_work_email(
    input: &str,
    sign_in: &SignIn,
    tenant: Option<&Tenant>,
    idna: &impl UnicodeTables,
) -> Result<EmailAddress, WorkEmailError> {
    let email = EmailAddress::parse(input, idna)?;
    if is_consumer_domain(email.domain()) {
        return Err(WorkEmailError::ConsumerDomain {
            domain: email.domain().to_owned(),
        });
    }
    if sign_in.kind == SignInKind::MicrosoftAccount
        && EmailAddress::parse(&sign_in.email, idna).is_ok_and(|msa| msa.same_mailbox(&email, idna))
    {
        return Err(WorkEmailError::SameAsMicrosoftAccount);
    }
    if let Some(tenant) = tenant
        && !tenant.contains(&email, idna)
    {
        return Err(WorkEmailError::TenantMismatch {
            tenant_name: tenant.name.clone(),
        });
    }
    Ok(email)
}

/// The address to pre-fill on the work email question: the sign-in address where it may serve
/// as the work email (a work-account sign-in), nothing for a Microsoft account.
pub fn prefill(sign_in: &SignIn) -> Option<&str> {
    match sign_in.kind {
        SignInKind::WorkAccount => Some(&sign_in.email),
        SignInKind::MicrosoftAccount => None,
    }
}

/// A likely intended address when the domain is one or two typing slips away from a known one
/// (`homtail.com` → `hotmail.com`, `nortwind.example` → `northwind.example`). A hint, never a block.
pub fn did_you_mean<'a>(
    email: &EmailAddress,
    known_domains: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let domain = email.domain();
    known_domains
        .into_iter()
        .chain(CONSUMER_DOMAINS.iter().copied())
        .map(|known| known.trim().to_ascii_lowercase())
        .filter(|known| known != domain && known.len().abs_diff(domain.len()) <= 2)
        .map(|known| (typing_distance(domain, &known), known))
        .filter(|(distance, _)| *distance <= 2)
        .min()
        .map(|(_, known)| format!("{}@{known}", email.local_part()))
}

/// Edit distance counting insertions, deletions, substitutions and swaps of neighbours.
fn typing_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut rows: Vec<Vec<usize>> = (0..=a.len())
        .map(|i| {
            (0..=b.len())
                .map(|j| {
                    if i == 0 {
                        j
                    } else if j == 0 {
                        i
                    } else {
                        0
                    }
                })
                .collect()
        })
        .collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::email::Uts46;
    use crate::fixtures;

    fn sign_in(kind: SignInKind, email: &str) -> SignIn {
        SignIn {
            kind,
            email: email.into(),
        }
    }

    fn tenant_of(mpn: &str) -> Tenant {
        fixtures::tenant_of_mpn(mpn).expect("a fixture tenant")
    }

    #[test]
    fn tenant_mismatch_names_the_tenant() {
        let northwind = fixtures::account("northwind").unwrap();
        let result = check_work_email(
            "ops@adatum.example",
            &northwind.sign_in,
            Some(&tenant_of("3456789")),
            &Uts46,
        );
        assert_eq!(
            result,
            Err(WorkEmailError::TenantMismatch {
                tenant_name: "Northwind Traders".into()
            })
        );
    }

    #[test]
    fn an_address_of_the_tenant_passes() {
        let northwind = fixtures::account("northwind").unwrap();
        let email = check_work_email(
            "ops@northwind.example",
            &northwind.sign_in,
            Some(&tenant_of("3456789")),
            &Uts46,
        )
        .unwrap();
        assert_eq!(email.to_string(), "ops@northwind.example");
    }

    #[test]
    fn consumer_domains_are_never_work_email() {
        let work = sign_in(SignInKind::WorkAccount, "admin@fabrikam.example");
        for address in [
            "me@outlook.com",
            "me@hotmail.co.uk",
            "me@Live.se",
            "me@msn.com",
            "me@gmail.com",
            "me@yahoo.fr",
            "me@icloud.com",
            "me@outlook.com.au",
        ] {
            let result = check_work_email(address, &work, None, &Uts46);
            assert!(
                matches!(result, Err(WorkEmailError::ConsumerDomain { .. })),
                "{address}: {result:?}"
            );
        }
    }

    #[test]
    fn a_business_domain_that_starts_like_a_consumer_service_is_not_consumer() {
        assert!(!is_consumer_domain("live.example"));
        assert!(!is_consumer_domain("outlookconsulting.com"));
        assert!(!is_consumer_domain("gmail.com.evil.example"));
    }

    #[test]
    fn a_microsoft_account_sign_in_address_is_not_the_work_email() {
        // A Microsoft account may use a company address; it still cannot stand in for the work email.
        let msa = sign_in(SignInKind::MicrosoftAccount, "Publisher@northwind.example");
        let result = check_work_email(
            "publisher@northwind.example",
            &msa,
            Some(&tenant_of("3456789")),
            &Uts46,
        );
        assert_eq!(result, Err(WorkEmailError::SameAsMicrosoftAccount));
    }

    #[test]
    fn a_work_account_sign_in_address_is_the_default_work_email() {
        let fabrikam = fixtures::account("fabrikam").unwrap();
        assert_eq!(prefill(&fabrikam.sign_in), Some("admin@fabrikam.example"));
        let result = check_work_email(
            "admin@fabrikam.example",
            &fabrikam.sign_in,
            Some(&tenant_of("2345678")),
            &Uts46,
        );
        assert!(result.is_ok());
        let northwind = fixtures::account("northwind").unwrap();
        assert_eq!(prefill(&northwind.sign_in), None);
    }

    #[test]
    fn without_a_known_tenant_membership_is_not_checked_yet() {
        let adatum = fixtures::account("adatum").unwrap();
        assert!(check_work_email("lead@adatum.example", &adatum.sign_in, None, &Uts46).is_ok());
    }

    #[test]
    fn format_errors_come_first() {
        let work = sign_in(SignInKind::WorkAccount, "admin@fabrikam.example");
        assert_eq!(
            check_work_email("admin.fabrikam.example", &work, None, &Uts46),
            Err(WorkEmailError::Format(EmailError::MissingAt))
        );
    }

    #[test]
    fn did_you_mean_offers_the_near_domain() {
        let typo = EmailAddress::parse("me@homtail.com", &Uts46).unwrap();
        assert_eq!(did_you_mean(&typo, []), Some("me@hotmail.com".into()));
        let tenant_typo = EmailAddress::parse("ops@nortwind.example", &Uts46).unwrap();
        assert_eq!(
            did_you_mean(&tenant_typo, ["northwind.example"]),
            Some("ops@northwind.example".into())
        );
        let fine = EmailAddress::parse("ops@northwind.example", &Uts46).unwrap();
        assert_eq!(did_you_mean(&fine, ["northwind.example"]), None);
    }
}
