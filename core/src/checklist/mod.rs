//! The checklist for moving Dynamics 365 and PowerApps offers to Partner Center (SPEC §2.5).
//!
//! The six steps are data ([`STEPS`]): what each applies to, which earlier steps it needs, and
//! where its evidence comes from. [`evaluate`] turns the offers, the readiness facts the API
//! reports and the publisher's own ticks into items with states, progress and the next action.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::offer::{CertificationStatus, Offer, OfferType, Readiness};

mod steps;

pub use steps::{STEPS, Scope, Step, StepId};

/// The kind of offer to create in Partner Center for an offer not in AppSource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NewOfferType {
    /// A Dynamics 365 Customer Engagement offer (also for PowerApps offers).
    CustomerEngagement,
    /// A Dynamics 365 Operations offer.
    Operations,
}

/// Why an offer is not part of this move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExclusionReason {
    /// Dynamics 365 Business Central offers are not moved this way.
    BusinessCentral,
    /// Only Dynamics 365 Customer Engagement, PowerApps and Dynamics 365 Operations offers move.
    NotDynamicsOrPowerApps,
}

/// Whether an offer of this type moves, and as what kind of new offer.
pub fn applicability(offer_type: OfferType) -> Result<NewOfferType, ExclusionReason> {
    match offer_type {
        OfferType::Dynamics365CustomerEngagement | OfferType::PowerApps => {
            Ok(NewOfferType::CustomerEngagement)
        }
        OfferType::Dynamics365Operations => Ok(NewOfferType::Operations),
        OfferType::Dynamics365BusinessCentral => Err(ExclusionReason::BusinessCentral),
        OfferType::AzureVirtualMachine | OfferType::Other => {
            Err(ExclusionReason::NotDynamicsOrPowerApps)
        }
    }
}

/// Whether any of `offers` moves to Partner Center this way (so the checklist applies).
///
/// ```
/// use assistant_core::{checklist, fixtures};
///
/// assert!(checklist::any_offer_moves(&fixtures::offers("fabrikam")));
/// assert!(!checklist::any_offer_moves(&fixtures::offers("contoso")));
/// ```
pub fn any_offer_moves(offers: &[Offer]) -> bool {
    offers
        .iter()
        .any(|offer| applicability(offer.offer_type).is_ok())
}

/// The offer an item is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferRef {
    /// The offer's identifier.
    pub id: String,
    /// The offer's name.
    pub name: String,
}

/// What an item asks the publisher to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Task {
    /// Confirm the PMC account moved to Partner Center (step 1).
    ConfirmPmcAccountMigrated,
    /// Enrol in the commercial marketplace (step 2).
    EnrolInMarketplace,
    /// The offer is listed in AppSource (step 3).
    ConfirmListedInAppSource {
        /// The offer.
        offer: OfferRef,
    },
    /// Create a new offer in Partner Center for an offer not in AppSource (step 3).
    CreateNewOffer {
        /// The offer.
        offer: OfferRef,
        /// What kind of offer to create.
        new_offer_type: NewOfferType,
    },
    /// Accept the ISV addendum for business applications (step 4).
    AcceptIsvAddendum,
    /// Complete the billing profile (step 5).
    CompleteBillingProfile,
    /// Submit the offer for certification and publishing (step 6).
    SubmitOffer {
        /// The offer.
        offer: OfferRef,
    },
    /// The offer is approved: choose "Go live" so it shows on AppSource (step 6).
    GoLive {
        /// The offer.
        offer: OfferRef,
    },
}

/// Where an item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemState {
    /// Done, as Partner Center reports.
    DoneVerified,
    /// Done, as the publisher has ticked it off (Partner Center cannot tell).
    DoneByYou,
    /// Under way outside the publisher's hands (an offer in certification).
    InProgress,
    /// To do now.
    ToDo,
    /// Cannot start until an earlier step is done.
    Blocked,
}

impl ItemState {
    /// The state's name in JSON and in the app's `data-state` attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemState::DoneVerified => "done_verified",
            ItemState::DoneByYou => "done_by_you",
            ItemState::InProgress => "in_progress",
            ItemState::ToDo => "to_do",
            ItemState::Blocked => "blocked",
        }
    }

    /// Whether the item counts as done.
    pub fn is_done(self) -> bool {
        matches!(self, ItemState::DoneVerified | ItemState::DoneByYou)
    }
}

/// The stable key of an item, under which a tick is saved: `step` or `step:offer-id`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ItemKey(pub String);

/// The items the publisher has ticked off.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Ticks(pub BTreeSet<ItemKey>);

impl Ticks {
    /// Whether the item is ticked.
    pub fn contains(&self, key: &ItemKey) -> bool {
        self.0.contains(key)
    }
}

/// One line of the checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistItem {
    /// The key its tick is saved under.
    pub key: ItemKey,
    /// The step it belongs to.
    pub step: StepId,
    /// What to do.
    pub task: Task,
    /// Where it stands.
    pub state: ItemState,
    /// Whether the publisher may tick it (Partner Center cannot tell, and it is not blocked).
    pub self_attested: bool,
}

/// An offer the move does not apply to, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExcludedOffer {
    /// The offer.
    pub offer: OfferRef,
    /// Why it does not move.
    pub reason: ExclusionReason,
}

/// How the deadline stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", content = "days", rename_all = "snake_case")]
pub enum DeadlineStatus {
    /// The deadline is this many days away.
    DaysLeft(u32),
    /// The deadline is today.
    DueToday,
    /// The deadline passed this many days ago: keep going, availability may be affected.
    Overdue(u32),
}

impl DeadlineStatus {
    /// The status of `deadline` on `today`.
    pub fn on(deadline: Date, today: Date) -> Self {
        let days = today.days_until(deadline);
        let magnitude = u32::try_from(days.unsigned_abs()).unwrap_or(u32::MAX);
        match days {
            0 => DeadlineStatus::DueToday,
            d if d > 0 => DeadlineStatus::DaysLeft(magnitude),
            _ => DeadlineStatus::Overdue(magnitude),
        }
    }
}

/// The evaluated checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checklist {
    /// Every item, in order of step and then of offer.
    pub items: Vec<ChecklistItem>,
    /// Offers the move does not apply to.
    pub excluded: Vec<ExcludedOffer>,
    /// How many items are done.
    pub done: usize,
    /// How many items there are.
    pub total: usize,
    /// The one item to do next, if any is to do now.
    pub next_action: Option<ItemKey>,
    /// How the deadline stands.
    pub deadline: DeadlineStatus,
}

impl Checklist {
    /// Whether the checklist applies at all (the publisher has offers that move).
    pub fn applies(&self) -> bool {
        !self.items.is_empty()
    }
}

/// The item of one step before blocking is decided: its task and its evidence.
struct Draft {
    key: ItemKey,
    step: StepId,
    offer_id: Option<String>,
    task: Task,
    /// `Some` when Partner Center can tell the state.
    verified: Option<ItemState>,
}

fn drafts(step: &Step, moving: &[(&Offer, NewOfferType)], readiness: &Readiness) -> Vec<Draft> {
    let name = step.id.as_str();
    match &step.scope {
        Scope::Account(task, evidence) => {
            let task = task.clone();
            let verified = evidence(readiness).map(|done| {
                if done {
                    ItemState::DoneVerified
                } else {
                    ItemState::ToDo
                }
            });
            vec![Draft {
                key: ItemKey(name.to_owned()),
                step: step.id,
                offer_id: None,
                task,
                verified,
            }]
        }
        Scope::PerOffer => moving
            .iter()
            .map(|(offer, new_offer_type)| {
                let offer_ref = OfferRef {
                    id: offer.id.clone(),
                    name: offer.name.clone(),
                };
                let (task, verified) = match step.id {
                    StepId::OffersInAppSource if offer.listed_in_appsource => (
                        Task::ConfirmListedInAppSource { offer: offer_ref },
                        Some(ItemState::DoneVerified),
                    ),
                    StepId::OffersInAppSource => (
                        Task::CreateNewOffer {
                            offer: offer_ref,
                            new_offer_type: *new_offer_type,
                        },
                        None,
                    ),
                    _ => match offer.certification {
                        CertificationStatus::Live => (
                            Task::SubmitOffer { offer: offer_ref },
                            Some(ItemState::DoneVerified),
                        ),
                        CertificationStatus::Approved => {
                            (Task::GoLive { offer: offer_ref }, Some(ItemState::ToDo))
                        }
                        CertificationStatus::Submitted | CertificationStatus::InCertification => (
                            Task::SubmitOffer { offer: offer_ref },
                            Some(ItemState::InProgress),
                        ),
                        CertificationStatus::NotSubmitted => (
                            Task::SubmitOffer { offer: offer_ref },
                            Some(ItemState::ToDo),
                        ),
                    },
                };
                Draft {
                    key: ItemKey(format!("{name}:{}", offer.id)),
                    step: step.id,
                    offer_id: Some(offer.id.clone()),
                    task,
                    verified,
                }
            })
            .collect(),
    }
}

/// The offers the move applies to (with the type of new offer each needs), and the others.
fn split(offers: &[Offer]) -> (Vec<(&Offer, NewOfferType)>, Vec<ExcludedOffer>) {
    let mut moving = Vec::new();
    let mut excluded = Vec::new();
    for offer in offers {
        match applicability(offer.offer_type) {
            Ok(new_offer_type) => moving.push((offer, new_offer_type)),
            Err(reason) => excluded.push(ExcludedOffer {
                offer: OfferRef {
                    id: offer.id.clone(),
                    name: offer.name.clone(),
                },
                reason,
            }),
        }
    }
    (moving, excluded)
}

/// The keys of the items the publisher ticks on this account: those Partner Center cannot
/// tell, whether or not they are blocked now. A tick under any other key means nothing.
///
/// ```
/// use assistant_core::{checklist, fixtures};
/// use assistant_core::checklist::ItemKey;
///
/// let keys = checklist::tickable(&fixtures::offers("fabrikam"), &fixtures::readiness("fabrikam"));
/// assert!(keys.contains(&ItemKey("offers_in_appsource:fabrikam-expense-app".into())));
/// // Partner Center tells whether the addendum is accepted: nobody ticks it.
/// assert!(!keys.contains(&ItemKey("isv_addendum_accepted".into())));
/// ```
pub fn tickable(offers: &[Offer], readiness: &Readiness) -> BTreeSet<ItemKey> {
    let (moving, _) = split(offers);
    let mut keys = BTreeSet::new();
    if !moving.is_empty() {
        for draft in STEPS
            .iter()
            .flat_map(|step| drafts(step, &moving, readiness))
        {
            if draft.verified.is_none() {
                keys.insert(draft.key);
            }
        }
    }
    keys
}

/// Evaluates the checklist of an account on `today`.
///
/// ```
/// use assistant_core::{checklist, fixtures};
/// use assistant_core::checklist::Ticks;
///
/// let today = "2026-11-24".parse().unwrap();
/// let list = checklist::evaluate(
///     &fixtures::offers("fabrikam"),
///     &fixtures::readiness("fabrikam"),
///     &Ticks::default(),
///     "2019-10-15".parse().unwrap(),
///     today,
/// );
/// assert_eq!(list.excluded.len(), 2);
/// assert_eq!((list.done, list.total), (3, 10));
/// ```
pub fn evaluate(
    offers: &[Offer],
    readiness: &Readiness,
    ticks: &Ticks,
    deadline: Date,
    today: Date,
) -> Checklist {
    let (moving, excluded) = split(offers);

    let mut items: Vec<ChecklistItem> = Vec::new();
    // Whether each item is done, by step and offer (account items have no offer), and whether
    // every item of a step is: what blocking asks, in constant time per requirement.
    let mut item_done: HashMap<(StepId, Option<String>), bool> = HashMap::new();
    let mut step_done: HashMap<StepId, bool> = HashMap::new();
    if !moving.is_empty() {
        for step in &STEPS {
            for draft in drafts(step, &moving, readiness) {
                let blocked = step.requires.iter().any(|required| {
                    let done = item_done
                        .get(&(*required, draft.offer_id.clone()))
                        .or_else(|| step_done.get(required));
                    !done.copied().unwrap_or(true)
                });
                let ticked = ticks.contains(&draft.key);
                let (state, self_attested) = match draft.verified {
                    Some(ItemState::DoneVerified) => (ItemState::DoneVerified, false),
                    Some(_) if blocked => (ItemState::Blocked, false),
                    Some(state) => (state, false),
                    None if ticked => (ItemState::DoneByYou, true),
                    None if blocked => (ItemState::Blocked, false),
                    None => (ItemState::ToDo, true),
                };
                item_done.insert((draft.step, draft.offer_id), state.is_done());
                *step_done.entry(draft.step).or_insert(true) &= state.is_done();
                items.push(ChecklistItem {
                    key: draft.key,
                    step: draft.step,
                    task: draft.task,
                    state,
                    self_attested,
                });
            }
        }
    }

    let done = items.iter().filter(|item| item.state.is_done()).count();
    let next_action = items
        .iter()
        .find(|item| item.state == ItemState::ToDo)
        .map(|item| item.key.clone());
    Checklist {
        total: items.len(),
        done,
        items,
        excluded,
        next_action,
        deadline: DeadlineStatus::on(deadline, today),
    }
}

#[cfg(test)]
mod tests;
