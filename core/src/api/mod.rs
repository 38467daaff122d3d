//! The API contract's bodies and decisions, shared by every backend (the reference server and
//! the app's embedded demo backend) and the app's client, so that all three speak one contract.
//!
//! Backends persist and transport; which request is refused, with which problem code, is
//! decided here from the flow's verdict.

pub mod scenarios;

use serde::{Deserialize, Serialize};

use crate::account::{Account, MigrationStatus};
use crate::checklist::Ticks;
use crate::email::DomainToAscii;
use crate::flow::{
    Answers, Assessment, Case, MigrationRequest, MpnAnswer, NewMpnError, Situation, assess,
};
use crate::mpn::{EnrolReason, MpnLookup, MpnRecord, MpnStanding};
use crate::work_email::WorkEmailError;

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

/// A stable, machine-readable problem code (RFC 9457 problem details carry it as `code`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    /// No bearer token, or one the server does not know.
    Unauthorized,
    /// No such resource for this viewer (including accounts of someone else).
    NotFound,
    /// Only an owner may migrate the account.
    NotOwner,
    /// The account is already migrated.
    AlreadyMigrated,
    /// The work email is not of the MPN ID's tenant; `tenant_name` names it.
    TenantMismatch,
    /// The work email is a consumer mailbox.
    ConsumerEmail,
    /// The work email is the Microsoft account's own sign-in address.
    SameAsMicrosoftAccount,
    /// The account has no MPN ID: enrol first.
    MpnMissing,
    /// No membership has the MPN ID.
    MpnNotFound,
    /// The MPN ID's membership has lapsed.
    MpnInactive,
    /// A field is malformed; `field` names it.
    ValidationFailed,
    /// The request conflicts with the resource's state (a migration already under way, an
    /// idempotency key reused for another request).
    Conflict,
    /// `If-Match` names an older version: reload and apply again.
    PreconditionFailed,
    /// A required `If-Match` or `Idempotency-Key` header is missing.
    PreconditionRequired,
    /// The server failed.
    Internal,
}

impl ProblemCode {
    /// The HTTP status that carries the code.
    pub fn status(self) -> u16 {
        match self {
            ProblemCode::Unauthorized => 401,
            ProblemCode::NotOwner => 403,
            ProblemCode::NotFound => 404,
            ProblemCode::AlreadyMigrated | ProblemCode::Conflict => 409,
            ProblemCode::PreconditionFailed => 412,
            ProblemCode::TenantMismatch
            | ProblemCode::ConsumerEmail
            | ProblemCode::SameAsMicrosoftAccount
            | ProblemCode::MpnMissing
            | ProblemCode::MpnNotFound
            | ProblemCode::MpnInactive
            | ProblemCode::ValidationFailed => 422,
            ProblemCode::PreconditionRequired => 428,
            ProblemCode::Internal => 500,
        }
    }

    /// The code as it is written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemCode::Unauthorized => "unauthorized",
            ProblemCode::NotFound => "not_found",
            ProblemCode::NotOwner => "not_owner",
            ProblemCode::AlreadyMigrated => "already_migrated",
            ProblemCode::TenantMismatch => "tenant_mismatch",
            ProblemCode::ConsumerEmail => "consumer_email",
            ProblemCode::SameAsMicrosoftAccount => "same_as_microsoft_account",
            ProblemCode::MpnMissing => "mpn_missing",
            ProblemCode::MpnNotFound => "mpn_not_found",
            ProblemCode::MpnInactive => "mpn_inactive",
            ProblemCode::ValidationFailed => "validation_failed",
            ProblemCode::Conflict => "conflict",
            ProblemCode::PreconditionFailed => "precondition_failed",
            ProblemCode::PreconditionRequired => "precondition_required",
            ProblemCode::Internal => "internal",
        }
    }
}

/// An RFC 9457 problem: `application/problem+json`, with a stable `code` and the fields a
/// message needs. Its words are for developers; the app words its messages from `code`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// A URI naming the problem type (`urn:problem:<code>`).
    #[serde(rename = "type")]
    pub problem_type: String,
    /// A short summary for developers.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// The stable machine code.
    pub code: ProblemCode,
    /// The tenant's name, for `tenant_mismatch`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_name: Option<String>,
    /// The field at fault, for `validation_failed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl Problem {
    /// A problem with this code and developer-facing title.
    pub fn new(code: ProblemCode, title: impl Into<String>) -> Self {
        Self {
            problem_type: format!("urn:problem:{}", code.as_str()),
            title: title.into(),
            status: code.status(),
            code,
            tenant_name: None,
            field: None,
        }
    }

    /// A problem with this code and its standard title.
    pub fn of(code: ProblemCode) -> Self {
        let title = match code {
            ProblemCode::Unauthorized => "sign in with a bearer token",
            ProblemCode::NotFound => "no such resource",
            ProblemCode::Internal => "the server failed; try again",
            _ => code.as_str(),
        };
        Self::new(code, title)
    }

    /// A malformed field.
    pub fn validation(field: &str, title: impl Into<String>) -> Self {
        Self {
            field: Some(field.to_owned()),
            ..Self::new(ProblemCode::ValidationFailed, title)
        }
    }

    fn work_email(error: &WorkEmailError) -> Self {
        match error {
            WorkEmailError::Format(e) => {
                Self::validation("work_email", format!("not an email address: {e:?}"))
            }
            WorkEmailError::ConsumerDomain { domain } => Self::new(
                ProblemCode::ConsumerEmail,
                format!("{domain} is a consumer mail service"),
            ),
            WorkEmailError::SameAsMicrosoftAccount => Self::new(
                ProblemCode::SameAsMicrosoftAccount,
                "the Microsoft account's own address",
            ),
            WorkEmailError::TenantMismatch { tenant_name } => Self {
                tenant_name: Some(tenant_name.clone()),
                ..Self::new(
                    ProblemCode::TenantMismatch,
                    "the address is not of the MPN ID's tenant",
                )
            },
        }
    }

    fn new_mpn(error: NewMpnError) -> Self {
        match error {
            NewMpnError::Format(e) => Self::validation("mpn_id", format!("not an MPN ID: {e}")),
            NewMpnError::NotFound | NewMpnError::NotLookedUp => {
                Self::new(ProblemCode::MpnNotFound, "no membership has this MPN ID")
            }
            NewMpnError::Inactive => {
                Self::new(ProblemCode::MpnInactive, "the membership has lapsed")
            }
        }
    }

    fn enrol(reason: EnrolReason) -> Self {
        match reason {
            EnrolReason::Missing | EnrolReason::Malformed => Self::new(
                ProblemCode::MpnMissing,
                "the account has no usable MPN ID: enrol first",
            ),
            EnrolReason::NotFound => Self::new(
                ProblemCode::MpnNotFound,
                "no membership has the stored MPN ID",
            ),
            EnrolReason::Inactive => Self::new(
                ProblemCode::MpnInactive,
                "the stored MPN ID's membership has lapsed",
            ),
        }
    }
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
    fn assess(&self, answers: &Answers, idna: &impl DomainToAscii) -> Assessment {
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
    idna: &impl DomainToAscii,
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
    idna: &impl DomainToAscii,
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
mod tests {
    use super::*;
    use crate::email::Uts46;
    use crate::fixtures;
    use crate::mpn::MpnId;

    fn with_facts<T>(
        id: &str,
        new_mpn: Option<&str>,
        decide: impl FnOnce(&AccountFacts) -> T,
    ) -> T {
        let account = fixtures::account(id).unwrap();
        let stored = account
            .mpn_id
            .as_deref()
            .and_then(|s| MpnId::parse(s).ok())
            .map(|id| fixtures::lookup_mpn(&id).lookup);
        let new = new_mpn
            .and_then(|s| MpnId::parse(s).ok())
            .map(|id| fixtures::lookup_mpn(&id));
        decide(&AccountFacts {
            account: &account,
            stored_mpn: stored.as_ref(),
            new_mpn: new.as_ref(),
        })
    }

    fn start(id: &str, email: &str, mpn: MpnAnswer) -> Result<MigrationRequest, Problem> {
        let new = match &mpn {
            MpnAnswer::NewId(text) => Some(text.clone()),
            MpnAnswer::KeepOnFile => None,
        };
        let request = MigrationRequest {
            work_email: email.into(),
            mpn,
        };
        with_facts(id, new.as_deref(), |facts| {
            decide_start(facts, &request, &Uts46)
        })
    }

    fn code(result: Result<MigrationRequest, Problem>) -> ProblemCode {
        result.expect_err("a problem").code
    }

    #[test]
    fn tenant_mismatch_problem_names_the_tenant() {
        let check = WorkEmailCheck {
            work_email: "ops@adatum.example".into(),
            mpn: None,
        };
        let problem = with_facts("northwind", None, |facts| {
            check_work_email(facts, &check, &Uts46)
        })
        .unwrap_err();
        assert_eq!(
            (problem.code, problem.status),
            (ProblemCode::TenantMismatch, 422)
        );
        assert_eq!(problem.tenant_name.as_deref(), Some("Northwind Traders"));
        let json = serde_json::to_value(&problem).unwrap();
        assert_eq!(json["code"], "tenant_mismatch");
        assert_eq!(json["type"], "urn:problem:tenant_mismatch");
    }

    #[test]
    fn an_accepted_check_names_the_tenant_it_was_checked_against() {
        let check = WorkEmailCheck {
            work_email: "Ops@Northwind.example".into(),
            mpn: None,
        };
        let accepted = with_facts("northwind", None, |facts| {
            check_work_email(facts, &check, &Uts46)
        })
        .unwrap();
        assert_eq!(accepted.work_email, "Ops@northwind.example");
        assert_eq!(accepted.tenant_name.as_deref(), Some("Northwind Traders"));
    }

    #[test]
    fn each_refusal_to_start_has_its_code() {
        assert_eq!(
            code(start(
                "tailspin",
                "dev@tailspin.example",
                MpnAnswer::KeepOnFile
            )),
            ProblemCode::NotOwner
        );
        assert_eq!(
            code(start(
                "contoso",
                "owner@contoso.example",
                MpnAnswer::KeepOnFile
            )),
            ProblemCode::AlreadyMigrated
        );
        assert_eq!(
            code(start("fabrikam", "me@gmail.com", MpnAnswer::KeepOnFile)),
            ProblemCode::ConsumerEmail
        );
        assert_eq!(
            code(start(
                "northwind",
                "ops@adatum.example",
                MpnAnswer::KeepOnFile
            )),
            ProblemCode::TenantMismatch
        );
        assert_eq!(
            code(start(
                "adatum",
                "lead@adatum.example",
                MpnAnswer::KeepOnFile
            )),
            ProblemCode::MpnMissing
        );
        assert_eq!(
            code(start(
                "litware",
                "admin@litware.example",
                MpnAnswer::KeepOnFile
            )),
            ProblemCode::MpnNotFound
        );
        assert_eq!(
            code(start(
                "litware",
                "admin@litware.example",
                MpnAnswer::NewId("1111111".into())
            )),
            ProblemCode::MpnInactive
        );
        let malformed = start("fabrikam", "admin@fabrikam", MpnAnswer::KeepOnFile).unwrap_err();
        assert_eq!(
            (malformed.code, malformed.field.as_deref()),
            (ProblemCode::ValidationFailed, Some("work_email"))
        );
    }

    #[test]
    fn a_complete_request_may_start() {
        assert!(start("fabrikam", "admin@fabrikam.example", MpnAnswer::KeepOnFile).is_ok());
        assert!(
            start(
                "adatum",
                "lead@adatum.example",
                MpnAnswer::NewId("4567890".into())
            )
            .is_ok()
        );
        assert!(
            start(
                "litware",
                "admin@litware.example",
                MpnAnswer::NewId("8765432".into())
            )
            .is_ok()
        );
    }

    #[test]
    fn idempotency_keys_are_visible_ascii_up_to_200_characters() {
        assert_eq!(idempotency_key(Some(b"2b1c0c2e-5d0e")), Ok("2b1c0c2e-5d0e"));
        for bad in [
            &b""[..],
            b"with space",
            b"tab\t",
            "åäö".as_bytes(),
            &[b'k'; 201],
        ] {
            assert_eq!(
                idempotency_key(Some(bad)).unwrap_err().code,
                ProblemCode::ValidationFailed
            );
        }
        assert_eq!(
            idempotency_key(None).unwrap_err().field.as_deref(),
            Some("Idempotency-Key")
        );
    }

    #[test]
    fn if_match_names_the_current_version_or_is_refused() {
        assert_eq!(if_match_version(Some("\"3\""), 3), Ok(3));
        assert_eq!(if_match_version(Some("W/\"3\""), 3), Ok(3));
        assert_eq!(if_match_version(Some("*"), 7), Ok(7));
        assert_eq!(
            if_match_version(Some("\"2\""), 3).unwrap_err().code,
            ProblemCode::PreconditionFailed
        );
        assert_eq!(
            if_match_version(Some("abc"), 3).unwrap_err().code,
            ProblemCode::PreconditionFailed
        );
        assert_eq!(
            if_match_version(None, 3).unwrap_err().code,
            ProblemCode::PreconditionRequired
        );
        assert_eq!(etag(3), "\"3\"");
    }

    #[test]
    fn a_submitted_migration_completes() {
        assert_eq!(
            status_after_processing(MigrationStatus::InProgress),
            MigrationStatus::Migrated
        );
        assert_eq!(
            status_after_processing(MigrationStatus::NotMigrated),
            MigrationStatus::NotMigrated
        );
    }
}
