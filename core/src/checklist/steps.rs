//! The six steps of SPEC §2.5 as data: what each applies to, which earlier steps it needs, and
//! where its evidence comes from.

use serde::{Deserialize, Serialize};

use super::Task;
use crate::offer::Readiness;

/// The six steps, in the order the publisher takes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepId {
    /// 1. The Partner Membership Center account has moved to Partner Center.
    PmcAccountMigrated,
    /// 2. Enrolled in the commercial marketplace.
    MarketplaceEnrolled,
    /// 3. Each offer is in AppSource, or a new offer is created for it.
    #[serde(rename = "offers_in_appsource")]
    OffersInAppSource,
    /// 4. The ISV addendum for business applications is accepted.
    IsvAddendumAccepted,
    /// 5. The billing profile is complete.
    BillingProfileComplete,
    /// 6. Each offer is submitted for certification and publishing, and goes live.
    OffersSubmitted,
}

/// What a step is about: the whole account, or each offer the move applies to.
#[derive(Debug, Clone)]
pub enum Scope {
    /// One item for the account: its task, and its evidence from the readiness facts.
    Account(Task, fn(&Readiness) -> Option<bool>),
    /// One item per offer that moves.
    PerOffer,
}

/// One step of the checklist, as data.
#[derive(Debug, Clone)]
pub struct Step {
    /// Which step.
    pub id: StepId,
    /// What it applies to.
    pub scope: Scope,
    /// Steps that must be done first (for a per-offer step needing a per-offer step: the same offer's item).
    pub requires: &'static [StepId],
}

/// The six steps of SPEC §2.5.
pub const STEPS: [Step; 6] = [
    Step {
        id: StepId::PmcAccountMigrated,
        scope: Scope::Account(Task::ConfirmPmcAccountMigrated, |r| r.pmc_account_migrated),
        requires: &[],
    },
    Step {
        id: StepId::MarketplaceEnrolled,
        scope: Scope::Account(Task::EnrolInMarketplace, |r| r.marketplace_enrolled),
        requires: &[StepId::PmcAccountMigrated],
    },
    Step {
        id: StepId::OffersInAppSource,
        scope: Scope::PerOffer,
        requires: &[StepId::MarketplaceEnrolled],
    },
    Step {
        id: StepId::IsvAddendumAccepted,
        scope: Scope::Account(Task::AcceptIsvAddendum, |r| r.isv_addendum_accepted),
        requires: &[StepId::PmcAccountMigrated],
    },
    Step {
        id: StepId::BillingProfileComplete,
        scope: Scope::Account(Task::CompleteBillingProfile, |r| r.billing_profile_complete),
        requires: &[StepId::PmcAccountMigrated],
    },
    Step {
        id: StepId::OffersSubmitted,
        scope: Scope::PerOffer,
        requires: &[
            StepId::OffersInAppSource,
            StepId::IsvAddendumAccepted,
            StepId::BillingProfileComplete,
        ],
    },
];

impl StepId {
    /// The step's name in keys and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            StepId::PmcAccountMigrated => "pmc_account_migrated",
            StepId::MarketplaceEnrolled => "marketplace_enrolled",
            StepId::OffersInAppSource => "offers_in_appsource",
            StepId::IsvAddendumAccepted => "isv_addendum_accepted",
            StepId::BillingProfileComplete => "billing_profile_complete",
            StepId::OffersSubmitted => "offers_submitted",
        }
    }
}
