//! Offers and the readiness facts the offers checklist works from (SPEC §2.5).

use serde::{Deserialize, Serialize};

/// The kind of an offer in the marketplace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfferType {
    /// Dynamics 365 Customer Engagement: moves to Partner Center.
    Dynamics365CustomerEngagement,
    /// PowerApps: moves to Partner Center as a Customer Engagement offer.
    PowerApps,
    /// Dynamics 365 Operations: moves to Partner Center.
    Dynamics365Operations,
    /// Dynamics 365 Business Central: not part of this move.
    Dynamics365BusinessCentral,
    /// An Azure virtual machine: not part of this move.
    AzureVirtualMachine,
    /// Any other kind: not part of this move.
    #[serde(other)]
    Other,
}

/// Where an offer stands in certification and publishing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CertificationStatus {
    /// Not submitted in Partner Center yet.
    NotSubmitted,
    /// Submitted, waiting for certification to begin.
    Submitted,
    /// Being certified.
    InCertification,
    /// Approved: the publisher must choose "Go live".
    Approved,
    /// Live on AppSource.
    Live,
}

/// A publisher's offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    /// The offer's identifier.
    pub id: String,
    /// The offer's name.
    pub name: String,
    /// The kind of offer.
    pub offer_type: OfferType,
    /// Whether the offer is listed in AppSource.
    pub listed_in_appsource: bool,
    /// Where it stands in certification and publishing.
    pub certification: CertificationStatus,
    /// Whether the premium tier was requested for it.
    pub premium_tier_requested: bool,
}

/// What the API can tell of the account's readiness; `None` where it cannot tell, in which case
/// the publisher ticks the step off themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Readiness {
    /// The Partner Membership Center account has moved to Partner Center.
    pub pmc_account_migrated: Option<bool>,
    /// Enrolled in the commercial marketplace in Partner Center.
    pub marketplace_enrolled: Option<bool>,
    /// The ISV addendum for business applications has been accepted.
    pub isv_addendum_accepted: Option<bool>,
    /// The billing profile in Partner Center is complete.
    pub billing_profile_complete: Option<bool>,
}
