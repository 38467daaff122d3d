//! Problems: RFC 9457 problem details with the contract's stable codes, and which of the core's
//! verdicts becomes which problem.

use serde::{Deserialize, Serialize};

use crate::flow::NewMpnError;
use crate::mpn::EnrolReason;
use crate::work_email::WorkEmailError;

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

    pub(super) fn work_email(error: &WorkEmailError) -> Self {
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

    pub(super) fn new_mpn(error: NewMpnError) -> Self {
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

    pub(super) fn enrol(reason: EnrolReason) -> Self {
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
