//! The flow's configuration: the offers deadline and every external link (SPEC §2.5, §2.6).
//! Defaults are the source's; a portal operator may change any of them.

use serde::{Deserialize, Serialize};

use crate::date::Date;

/// Every external link the assistant shows. No link is written anywhere else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Links {
    /// Sign up to the Microsoft Partner Network, to get an MPN ID.
    pub mpn_signup: String,
    /// "Join the Microsoft Partner Network", the membership page.
    pub mpn_membership: String,
    /// The ISV Resource Hub.
    pub isv_resource_hub: String,
    /// Partner Center's home.
    pub partner_center: String,
    /// Manage the account in Partner Center (for migrated accounts).
    pub manage_account: String,
    /// Partner Center's connected partner profile, where a migrated PMC account shows its MPN ID.
    pub pmc_profile: String,
    /// The Partner Membership Center, to start a PMC account migration.
    pub pmc_migration: String,
    /// Support for the PMC account migration.
    pub pmc_support: String,
    /// The Commercial Marketplace overview in Partner Center.
    pub marketplace_overview: String,
    /// Enrolment in the commercial marketplace.
    pub marketplace_enrol: String,
    /// AppSource, to search for the publisher's offers.
    pub appsource_search: String,
    /// Create a new Dynamics 365 Customer Engagement offer.
    pub new_customer_engagement_offer: String,
    /// Create a new Dynamics 365 Operations offer.
    pub new_operations_offer: String,
    /// The Agreements page (ISV addendum for business applications).
    pub agreements: String,
    /// The billing profile in the account settings.
    pub billing_profile: String,
    /// The weekly Dynamics ISV community call.
    pub community_call: String,
    /// A support ticket for publishing, certification or offer management.
    pub support_ticket: String,
}

impl Default for Links {
    fn default() -> Self {
        let pc = "https://partner.microsoft.com";
        Self {
            mpn_signup: "https://signup.microsoft.com/signup?sku=StoreForBusinessIW&origin=partnerdashboard&culture=en-us&ru=https://partner.microsoft.com/dashboard/account/v3/xpu/onboard?ru=/en-us/dashboard/account/v3/enrollment/companyprofile/basicpartnernetwork/new".into(),
            mpn_membership: format!("{pc}/en-US/membership"),
            isv_resource_hub: format!("{pc}/isv-resource-hub"),
            partner_center: format!("{pc}/"),
            manage_account: format!("{pc}/dashboard/account/v3/accountsettings"),
            pmc_profile: format!("{pc}/pcv/accountsettings/connectedpartnerprofile"),
            pmc_migration: "https://partners.microsoft.com/partnerprogram/Welcome.aspx".into(),
            pmc_support: format!("{pc}/support?issueid=100-0077"),
            marketplace_overview: format!("{pc}/dashboard/commercial-marketplace/overview"),
            marketplace_enrol: format!("{pc}/dashboard/account/v3/enrollment/introduction/azureisv"),
            appsource_search: "https://appsource.microsoft.com/".into(),
            new_customer_engagement_offer: "https://docs.microsoft.com/azure/marketplace/partner-center-portal/create-new-customer-engagement-offer".into(),
            new_operations_offer: "https://docs.microsoft.com/azure/marketplace/partner-center-portal/create-new-operations-offer".into(),
            agreements: format!("{pc}/dashboard/account/agreements"),
            billing_profile: format!("{pc}/dashboard/account/v3/accountsettings/billingprofile"),
            community_call: "https://aka.ms/DynamicsISV-CommunityCall".into(),
            support_ticket: "https://aka.ms/MarketplacePublisherSupport".into(),
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
    fn the_defaults_are_the_sources() {
        let config = FlowConfig::default();
        assert_eq!(config.offers_deadline.to_string(), "2019-10-15");
        assert_eq!(
            config.links.community_call,
            "https://aka.ms/DynamicsISV-CommunityCall"
        );
    }

    #[test]
    fn an_operator_overrides_only_what_they_give() {
        let config: FlowConfig =
            serde_json::from_str(r#"{"offers_deadline":"2027-01-31","links":{"support_ticket":"https://help.example/"}}"#)
                .unwrap();
        assert_eq!(config.offers_deadline.to_string(), "2027-01-31");
        assert_eq!(config.links.support_ticket, "https://help.example/");
        assert_eq!(config.links.agreements, Links::default().agreements);
    }
}
