//! The API contract's bodies and decisions, shared by every backend (the reference server and
//! the app's embedded demo backend) and the app's client, so that all three speak one contract.
//!
//! Backends persist and transport; which request is refused, with which problem code, is
//! decided here from the flow's verdict.

pub mod draft;
mod problem;
pub mod scenarios;

pub use problem::{Problem, ProblemCode};

use serde::{Deserialize, Serialize};

use crate::account::{Account, AccountId, MigrationStatus};
use crate::checklist::{self, Ticks};
use crate::email::UnicodeTables;
use crate::flow::{Answers, Assessment, Case, MigrationRequest, MpnAnswer, Situation, assess};
use crate::mpn::{MpnLookup, MpnRecord, MpnStanding};
use crate::offer::{Offer, Readiness};

/// `GET /v1/accounts/{id}`: the account and what the registry says of its stored MPN ID.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountDetail {
    /// The account, as the viewer sees it.
    pub account: Account,
    /// The registry's answer for the stored MPN ID; absent when there is none or it is malformed.
    pub stored_mpn: Option<MpnRecord>,
}

/// `POST /v1/accounts/{id}/work-email-check`: an address to check, with the MPN answer so far
/// (a new MPN ID changes the tenant the address must belong to).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkEmailCheck {
    /// The address, as typed.
    pub work_email: String,
    /// The MPN answer so far, if any.
    #[serde(default)]
    pub mpn: Option<MpnAnswer>,
}

/// The answer to an accepted work email check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkEmailAccepted {
    /// The address in its normal form (domain in lower-case ASCII).
    pub work_email: String,
    /// The tenant it was checked against; absent while no usable MPN ID is known.
    pub tenant_name: Option<String>,
}

/// `GET /v1/accounts/{id}/migration` and the answer to starting one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MigrationState {
    /// Where the move stands.
    pub status: MigrationStatus,
    /// The migration's reference, once submitted.
    pub reference: Option<String>,
    /// What was submitted, once submitted.
    pub request: Option<MigrationRequest>,
}

/// `GET` and `PUT /v1/accounts/{id}/checklist`: the publisher's own ticks (versioned by ETag).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ChecklistTicks {
    /// The ticked items.
    pub ticks: Ticks,
}

/// What a backend knows of an account when it decides a request.
#[derive(Debug, Clone, Copy)]
pub struct AccountFacts<'a> {
    /// The account.
    pub account: &'a Account,
    /// The registry's answer for its stored MPN ID.
    pub stored_mpn: Option<&'a MpnLookup>,
    /// The registry's answer for the new MPN ID of the request, if it has one.
    pub new_mpn: Option<&'a MpnRecord>,
}

impl AccountFacts<'_> {
    fn assess(&self, answers: &Answers, idna: &impl UnicodeTables) -> Assessment {
        let situation = Situation {
            account: self.account,
            stored_mpn: self.stored_mpn,
            new_mpn: self.new_mpn,
            submitted_here: false,
        };
        assess(&situation, answers, idna)
    }
}

/// Checks a work email for an account, as `POST …/work-email-check` answers.
pub fn check_work_email(
    facts: &AccountFacts,
    check: &WorkEmailCheck,
    idna: &impl UnicodeTables,
) -> Result<WorkEmailAccepted, Problem> {
    let answers = Answers {
        work_email: Some(check.work_email.clone()),
        mpn: check.mpn.clone(),
    };
    let assessment = facts.assess(&answers, idna);
    match assessment.work_email {
        Some(Ok(email)) => Ok(WorkEmailAccepted {
            work_email: email.to_string(),
            tenant_name: assessment.tenant.map(|tenant| tenant.name),
        }),
        Some(Err(error)) => Err(Problem::work_email(&error)),
        None => Err(Problem::validation("work_email", "no work email given")),
    }
}

/// Whether a migration may start, as `POST …/migration` decides; the reasons it may not are
/// the first problem the flow finds.
pub fn decide_start(
    facts: &AccountFacts,
    request: &MigrationRequest,
    idna: &impl UnicodeTables,
) -> Result<MigrationRequest, Problem> {
    let assessment = facts.assess(&request.answers(), idna);
    match assessment.case {
        Case::ReadyToSubmit | Case::Failed => {}
        Case::NotOwner => {
            return Err(Problem::new(
                ProblemCode::NotOwner,
                "only an owner may migrate the account",
            ));
        }
        Case::AlreadyMigrated | Case::Completed => {
            return Err(Problem::new(
                ProblemCode::AlreadyMigrated,
                "the account is already migrated",
            ));
        }
        Case::InProgress => {
            return Err(Problem::new(
                ProblemCode::Conflict,
                "a migration is already under way",
            ));
        }
        Case::NeedsWorkEmail | Case::NeedsMpnEnrolment | Case::ConfirmMpnId => {
            if let Some(Err(error)) = &assessment.work_email {
                return Err(Problem::work_email(error));
            }
            if let Some(Err(error)) = assessment.new_mpn {
                return Err(Problem::new_mpn(error));
            }
            if let MpnStanding::MustEnrol(reason) = assessment.mpn {
                return Err(Problem::enrol(reason));
            }
        }
    }
    assessment
        .submission
        .ok_or_else(|| Problem::validation("mpn", "the request is incomplete"))
}

/// Longest idempotency key taken (a UUID is 36 characters).
const MAX_IDEMPOTENCY_KEY_LEN: usize = 200;

/// The `Idempotency-Key` of a request that starts a migration: 1 to 200 visible ASCII
/// characters, taken as sent (keys are compared byte for byte).
pub fn idempotency_key(header: Option<&[u8]>) -> Result<&str, Problem> {
    header
        .filter(|key| !key.is_empty() && key.len() <= MAX_IDEMPOTENCY_KEY_LEN)
        .filter(|key| key.iter().all(u8::is_ascii_graphic))
        .and_then(|key| std::str::from_utf8(key).ok())
        .ok_or_else(|| Problem::validation("Idempotency-Key", "1 to 200 visible ASCII characters"))
}

/// The first use of an idempotency key: the account and request it came with, and its answer.
#[derive(Debug, Clone, Copy)]
pub struct FirstUse<'a> {
    /// The account the key started a migration of.
    pub account: &'a AccountId,
    /// The request as it was sent then.
    pub request: &'a MigrationRequest,
    /// The answer it got.
    pub answer: &'a MigrationState,
}

/// What a request to start a migration gets for its `Idempotency-Key`, given the key's first
/// use: `Ok(None)` for a new key (decide the request), the first answer again for the same
/// request to the same account, and a `conflict` for any other request with that key.
///
/// ```
/// use assistant_core::account::{AccountId, MigrationStatus};
/// use assistant_core::api::{FirstUse, MigrationState, replay};
/// use assistant_core::flow::{MigrationRequest, MpnAnswer};
///
/// let fabrikam = AccountId::parse("fabrikam").unwrap();
/// let sent = MigrationRequest { work_email: "admin@fabrikam.example".into(), mpn: MpnAnswer::KeepOnFile };
/// let answer = MigrationState { status: MigrationStatus::InProgress, reference: None, request: None };
/// let first = FirstUse { account: &fabrikam, request: &sent, answer: &answer };
/// assert_eq!(replay(None, &fabrikam, &sent), Ok(None));
/// assert_eq!(replay(Some(first), &fabrikam, &sent), Ok(Some(&answer)));
/// let other = MigrationRequest { work_email: "ops@fabrikam.example".into(), ..sent.clone() };
/// assert!(replay(Some(first), &fabrikam, &other).is_err());
/// ```
pub fn replay<'a>(
    first: Option<FirstUse<'a>>,
    account: &AccountId,
    sent: &MigrationRequest,
) -> Result<Option<&'a MigrationState>, Problem> {
    match first {
        None => Ok(None),
        Some(first) if first.account == account && first.request == sent => Ok(Some(first.answer)),
        Some(_) => Err(Problem::new(
            ProblemCode::Conflict,
            "this Idempotency-Key was used for another request",
        )),
    }
}

/// Whether the account's checklist takes these ticks, as `PUT …/checklist` decides: every key
/// must be an item of the account's checklist that the publisher ticks (one Partner Center
/// cannot tell); the first other key is refused, named.
pub fn accept_ticks(offers: &[Offer], readiness: &Readiness, ticks: &Ticks) -> Result<(), Problem> {
    let tickable = checklist::tickable(offers, readiness);
    match ticks.0.iter().find(|key| !tickable.contains(*key)) {
        Some(key) => Err(Problem::unknown_tick(&key.0)),
        None => Ok(()),
    }
}

/// The version of the checklist an `If-Match` header names, given the current one: `*` names
/// the current version; a missing header is `precondition_required`, another version
/// `precondition_failed`.
pub fn if_match_version(header: Option<&str>, current: i64) -> Result<i64, Problem> {
    let tag = header
        .ok_or_else(|| {
            Problem::new(
                ProblemCode::PreconditionRequired,
                "an If-Match header is required",
            )
        })?
        .trim();
    let named = if tag == "*" {
        Some(current)
    } else {
        tag.trim_start_matches("W/").trim_matches('"').parse().ok()
    };
    match named {
        Some(version) if version == current => Ok(version),
        _ => Err(Problem::new(
            ProblemCode::PreconditionFailed,
            "the checklist changed since it was read",
        )),
    }
}

/// The ETag of a checklist version.
pub fn etag(version: i64) -> String {
    format!("\"{version}\"")
}

/// The status a migration shows once its time has come: a submitted migration completes.
pub fn status_after_processing(status: MigrationStatus) -> MigrationStatus {
    match status {
        MigrationStatus::InProgress => MigrationStatus::Migrated,
        other => other,
    }
}

#[cfg(test)]
mod tests;
