//! The flow's configuration: the offers deadline and every external link (SPEC §2.5, §2.6).
//! Defaults are the source's; a portal operator may change any of them.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::date::Date;

/// An `https:` address: the only kind of link the assistant hands out, so that no configuration
/// can make a link run script (`javascript:`), carry a document (`data:`) or travel in clear.
///
/// ```
/// use assistant_core::config::HttpsUrl;
///
/// assert!(HttpsUrl::parse("https://partner.microsoft.com/").is_ok());
/// assert!(HttpsUrl::parse("http://partner.microsoft.com/").is_err());
/// assert!(HttpsUrl::parse("javascript:alert(1)").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct HttpsUrl(String);

/// Why a text is not an `https:` address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotHttps(pub String);

impl fmt::Display for NotHttps {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not an https: address", self.0)
    }
}

impl HttpsUrl {
    /// Checks `text` as an `https:` address with a host, without spaces or control characters.
    pub fn parse(text: &str) -> Result<Self, NotHttps> {
        let refuse = || NotHttps(text.to_owned());
        let scheme_end = text.find("://").ok_or_else(refuse)?;
        let host = text[scheme_end + 3..]
            .split(['/', '?', '#'])
            .next()
            .unwrap_or_default();
        let clean = !text.chars().any(|c| c.is_whitespace() || c.is_control());
        if text[..scheme_end].eq_ignore_ascii_case("https") && !host.is_empty() && clean {
            Ok(Self(text.to_owned()))
        } else {
            Err(refuse())
        }
    }

    /// A link written in this crate, known to be an `https:` address.
    fn known(text: impl Into<String>) -> Self {
        let text = text.into();
        Self::parse(&text).expect("the source's links are https: addresses")
    }

    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for HttpsUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for HttpsUrl {
    type Error = NotHttps;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<HttpsUrl> for String {
    fn from(url: HttpsUrl) -> Self {
        url.0
    }
}

/// Every external link the assistant shows. No link is written anywhere else.
///
/// Read from a map of field names to addresses: one absent keeps its default, an unknown one is
/// ignored, one given twice is refused. (Read by hand, not derived: the derived reader was the
/// largest function of the app's first screen, 17 KB of wasm.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Links {
    /// Sign up to the Microsoft Partner Network, to get an MPN ID.
    pub mpn_signup: HttpsUrl,
    /// "Join the Microsoft Partner Network", the membership page.
    pub mpn_membership: HttpsUrl,
    /// The ISV Resource Hub.
    pub isv_resource_hub: HttpsUrl,
    /// Partner Center's home.
    pub partner_center: HttpsUrl,
    /// Manage the account in Partner Center (for migrated accounts).
    pub manage_account: HttpsUrl,
    /// Partner Center's connected partner profile, where a migrated PMC account shows its MPN ID.
    pub pmc_profile: HttpsUrl,
    /// The Partner Membership Center, to start a PMC account migration.
    pub pmc_migration: HttpsUrl,
    /// Support for the PMC account migration.
    pub pmc_support: HttpsUrl,
    /// The Commercial Marketplace overview in Partner Center.
    pub marketplace_overview: HttpsUrl,
    /// Enrolment in the commercial marketplace.
    pub marketplace_enrol: HttpsUrl,
    /// AppSource, to search for the publisher's offers.
    pub appsource_search: HttpsUrl,
    /// Create a new Dynamics 365 Customer Engagement offer.
    pub new_customer_engagement_offer: HttpsUrl,
    /// Create a new Dynamics 365 Operations offer.
    pub new_operations_offer: HttpsUrl,
    /// The Agreements page (ISV addendum for business applications).
    pub agreements: HttpsUrl,
    /// The billing profile in the account settings.
    pub billing_profile: HttpsUrl,
    /// The weekly Dynamics ISV community call.
    pub community_call: HttpsUrl,
    /// A support ticket for publishing, certification or offer management.
    pub support_ticket: HttpsUrl,
}

impl Links {
    /// The fields' names, as they are written, in the order of [`Links::slots`].
    pub(crate) const FIELDS: [&'static str; 17] = [
        "mpn_signup",
        "mpn_membership",
        "isv_resource_hub",
        "partner_center",
        "manage_account",
        "pmc_profile",
        "pmc_migration",
        "pmc_support",
        "marketplace_overview",
        "marketplace_enrol",
        "appsource_search",
        "new_customer_engagement_offer",
        "new_operations_offer",
        "agreements",
        "billing_profile",
        "community_call",
        "support_ticket",
    ];

    /// Each field, in the order of [`Links::FIELDS`].
    pub(crate) fn slots(&mut self) -> [&mut HttpsUrl; 17] {
        [
            &mut self.mpn_signup,
            &mut self.mpn_membership,
            &mut self.isv_resource_hub,
            &mut self.partner_center,
            &mut self.manage_account,
            &mut self.pmc_profile,
            &mut self.pmc_migration,
            &mut self.pmc_support,
            &mut self.marketplace_overview,
            &mut self.marketplace_enrol,
            &mut self.appsource_search,
            &mut self.new_customer_engagement_offer,
            &mut self.new_operations_offer,
            &mut self.agreements,
            &mut self.billing_profile,
            &mut self.community_call,
            &mut self.support_ticket,
        ]
    }
}

impl<'de> Deserialize<'de> for Links {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LinksMap;

        impl<'de> serde::de::Visitor<'de> for LinksMap {
            type Value = Links;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of link names to https: addresses")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Links, A::Error> {
                let mut links = Links::default();
                let mut seen = [false; 17];
                while let Some(key) = map.next_key::<String>()? {
                    let Some(at) = Links::FIELDS.iter().position(|name| *name == key) else {
                        map.next_value::<serde::de::IgnoredAny>()?;
                        continue;
                    };
                    if std::mem::replace(&mut seen[at], true) {
                        return Err(serde::de::Error::duplicate_field(Links::FIELDS[at]));
                    }
                    *links.slots()[at] = map.next_value()?;
                }
                Ok(links)
            }
        }

        deserializer.deserialize_map(LinksMap)
    }
}

impl Default for Links {
    fn default() -> Self {
        let pc = "https://partner.microsoft.com";
        Self {
            mpn_signup: HttpsUrl::known(
                "https://signup.microsoft.com/signup?sku=StoreForBusinessIW&origin=partnerdashboard&culture=en-us&ru=https://partner.microsoft.com/dashboard/account/v3/xpu/onboard?ru=/en-us/dashboard/account/v3/enrollment/companyprofile/basicpartnernetwork/new",
            ),
            mpn_membership: HttpsUrl::known(format!("{pc}/en-US/membership")),
            isv_resource_hub: HttpsUrl::known(format!("{pc}/isv-resource-hub")),
            partner_center: HttpsUrl::known(format!("{pc}/")),
            manage_account: HttpsUrl::known(format!("{pc}/dashboard/account/v3/accountsettings")),
            pmc_profile: HttpsUrl::known(format!(
                "{pc}/pcv/accountsettings/connectedpartnerprofile"
            )),
            pmc_migration: HttpsUrl::known(
                "https://partners.microsoft.com/partnerprogram/Welcome.aspx",
            ),
            pmc_support: HttpsUrl::known(format!("{pc}/support?issueid=100-0077")),
            marketplace_overview: HttpsUrl::known(format!(
                "{pc}/dashboard/commercial-marketplace/overview"
            )),
            marketplace_enrol: HttpsUrl::known(format!(
                "{pc}/dashboard/account/v3/enrollment/introduction/azureisv"
            )),
            appsource_search: HttpsUrl::known("https://appsource.microsoft.com/"),
            new_customer_engagement_offer: HttpsUrl::known(
                "https://docs.microsoft.com/azure/marketplace/partner-center-portal/create-new-customer-engagement-offer",
            ),
            new_operations_offer: HttpsUrl::known(
                "https://docs.microsoft.com/azure/marketplace/partner-center-portal/create-new-operations-offer",
            ),
            agreements: HttpsUrl::known(format!("{pc}/dashboard/account/agreements")),
            billing_profile: HttpsUrl::known(format!(
                "{pc}/dashboard/account/v3/accountsettings/billingprofile"
            )),
            community_call: HttpsUrl::known("https://aka.ms/DynamicsISV-CommunityCall"),
            support_ticket: HttpsUrl::known("https://aka.ms/MarketplacePublisherSupport"),
        }
    }
}

/// The flow's configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FlowConfig {
    /// The day by which Dynamics 365 and PowerApps offers must be submitted.
    pub offers_deadline: Date,
    /// Every external link.
    pub links: Links,
}

impl Default for FlowConfig {
    fn default() -> Self {
        Self {
            offers_deadline: Date::new(2019, 10, 15).expect("the source's deadline is a real day"),
            links: Links::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_of_another_kind_are_refused() {
        for text in [
            "http://partner.microsoft.com/",
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "https://",
            "https:///path",
            "//partner.microsoft.com/",
            "https://partner.microsoft.com/a b",
            "https://partner.microsoft.com/\n",
            "",
        ] {
            assert_eq!(
                HttpsUrl::parse(text),
                Err(NotHttps(text.into())),
                "{text:?}"
            );
        }
        assert!(HttpsUrl::parse("HTTPS://Partner.Microsoft.com").is_ok());
    }

    #[test]
    fn a_configuration_with_a_link_of_another_kind_cannot_be_read() {
        let refused = serde_json::from_str::<FlowConfig>(
            r#"{"links":{"support_ticket":"javascript:alert(1)"}}"#,
        );
        assert!(refused.is_err());
    }

    #[test]
    fn the_defaults_are_the_sources() {
        let config = FlowConfig::default();
        assert_eq!(config.offers_deadline.to_string(), "2019-10-15");
        assert_eq!(
            config.links.community_call.as_str(),
            "https://aka.ms/DynamicsISV-CommunityCall"
        );
    }

    #[test]
    fn an_operator_overrides_only_what_they_give() {
        let config: FlowConfig =
            serde_json::from_str(r#"{"offers_deadline":"2027-01-31","links":{"support_ticket":"https://help.example/"}}"#)
                .unwrap();
        assert_eq!(config.offers_deadline.to_string(), "2027-01-31");
        assert_eq!(
            config.links.support_ticket.as_str(),
            "https://help.example/"
        );
        assert_eq!(config.links.agreements, Links::default().agreements);
    }

    /// The reader knows every field by the name the writer gives it: each link written with
    /// another address is read back into its own field.
    #[test]
    fn every_link_is_read_by_the_name_it_is_written_under() {
        let mut links = Links::default();
        for (at, slot) in links.slots().into_iter().enumerate() {
            *slot = HttpsUrl::known(format!("https://link.example/{at}"));
        }
        let written = serde_json::to_value(&links).unwrap();
        let names: Vec<&str> = written
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut fields = Links::FIELDS.to_vec();
        fields.sort_unstable();
        let mut names = names;
        names.sort_unstable();
        assert_eq!(names, fields);
        assert_eq!(serde_json::from_value::<Links>(written).unwrap(), links);
    }

    #[test]
    fn a_link_given_twice_or_not_a_map_is_refused_and_an_unknown_one_ignored() {
        let twice = r#"{"agreements":"https://a.example/","agreements":"https://b.example/"}"#;
        assert!(serde_json::from_str::<Links>(twice).is_err());
        assert!(serde_json::from_str::<Links>(r#"["https://a.example/"]"#).is_err());
        let unknown: Links = serde_json::from_str(
            r#"{"elsewhere":{"deep":[1,2]},"agreements":"https://a.example/"}"#,
        )
        .unwrap();
        assert_eq!(unknown.agreements.as_str(), "https://a.example/");
    }
}
