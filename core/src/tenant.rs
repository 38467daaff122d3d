//! Microsoft Entra tenants (Azure AD, as SPEC says), and which email addresses belong to one (SPEC §2.3).

use serde::{Deserialize, Serialize};

use crate::email::{EmailAddress, UnicodeTables, normalise_domain};

/// The Microsoft Entra tenant in which an MPN ID is registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tenant {
    /// The tenant's identifier.
    pub id: String,
    /// The tenant's display name, as error messages name it ("Northwind Traders").
    pub name: String,
    /// The domains the tenant has verified, in any form (Unicode or punycode, any case).
    pub verified_domains: Vec<String>,
}

impl Tenant {
    /// Whether `email` belongs to the tenant: its domain is one of the verified domains or a
    /// subdomain of one, compared in lower-case ASCII form.
    ///
    /// ```
    /// use assistant_core::email::{EmailAddress, Uts46};
    /// use assistant_core::tenant::Tenant;
    ///
    /// let fabrikam = Tenant {
    ///     id: "fabrikam".into(),
    ///     name: "Fabrikam".into(),
    ///     verified_domains: vec!["fabrikam.example".into()],
    /// };
    /// let member = EmailAddress::parse("it@eu.Fabrikam.example", &Uts46).unwrap();
    /// let outsider = EmailAddress::parse("it@notfabrikam.example", &Uts46).unwrap();
    /// assert!(fabrikam.contains(&member, &Uts46));
    /// assert!(!fabrikam.contains(&outsider, &Uts46));
    /// ```
    pub fn contains(&self, email: &EmailAddress, idna: &impl UnicodeTables) -> bool {
        let domain = email.domain();
        self.verified_domains
            .iter()
            .filter_map(|verified| normalise_domain(verified.trim(), idna).ok())
            .any(|verified| {
                domain == verified
                    || domain
                        .strip_suffix(verified.as_str())
                        .is_some_and(|sub| sub.ends_with('.'))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::email::Uts46;

    fn tenant(domains: &[&str]) -> Tenant {
        Tenant {
            id: "t".into(),
            name: "Tenant".into(),
            verified_domains: domains.iter().map(|d| d.to_string()).collect(),
        }
    }

    fn email(address: &str) -> EmailAddress {
        EmailAddress::parse(address, &Uts46).unwrap()
    }

    #[test]
    fn a_verified_domain_or_its_subdomain_belongs() {
        let fabrikam = tenant(&["fabrikam.example", "fabrikam.onmicrosoft.example"]);
        assert!(fabrikam.contains(&email("admin@fabrikam.example"), &Uts46));
        assert!(fabrikam.contains(&email("admin@FABRIKAM.onmicrosoft.example"), &Uts46));
        assert!(fabrikam.contains(&email("admin@sales.fabrikam.example"), &Uts46));
    }

    #[test]
    fn a_domain_that_only_ends_with_the_same_letters_does_not_belong() {
        let fabrikam = tenant(&["fabrikam.example"]);
        assert!(!fabrikam.contains(&email("admin@evilfabrikam.example"), &Uts46));
        assert!(!fabrikam.contains(&email("admin@fabrikam.example.evil"), &Uts46));
    }

    #[test]
    fn unicode_and_punycode_forms_of_a_verified_domain_are_equal() {
        let unicode = tenant(&["Bücher.example"]);
        let punycode = tenant(&["xn--bcher-kva.example"]);
        for address in [
            "ops@bücher.example",
            "ops@XN--BCHER-KVA.example",
            "ops@eu.bücher.example",
        ] {
            assert!(unicode.contains(&email(address), &Uts46), "{address}");
            assert!(punycode.contains(&email(address), &Uts46), "{address}");
        }
    }

    #[test]
    fn a_malformed_verified_domain_matches_nothing() {
        let broken = tenant(&["", "..", "bad domain"]);
        assert!(!broken.contains(&email("ops@northwind.example"), &Uts46));
    }
}
