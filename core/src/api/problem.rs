//! Problems: RFC 9457 problem details with the contract's stable codes, and which of the core's
//! verdicts becomes which problem.

use serde::{Deserialize, Serialize};

use crate::email::EmailError;
use crate::flow::NewMpnError;
use crate::mpn::EnrolReason;
use crate::work_email::WorkEmailError;

/// The field name of the work email in requests and problems.
const WORK_EMAIL: &str = "work_email";

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
    /// The request's body is larger than the server takes.
    PayloadTooLarge,
    /// The draft was removed 30 days after its last change.
    DraftExpired,
    /// Too many requests of this kind from this sign-in: the `Retry-After` header says when to
    /// try again.
    TooManyRequests,
    /// The server did not finish the request in its time; it may be tried again.
    Timeout,
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
            ProblemCode::PayloadTooLarge => 413,
            ProblemCode::DraftExpired => 410,
            ProblemCode::PreconditionRequired => 428,
            ProblemCode::TooManyRequests => 429,
            ProblemCode::Internal => 500,
            ProblemCode::Timeout => 503,
        }
    }

    /// Every code.
    pub const ALL: [ProblemCode; 19] = [
        ProblemCode::Unauthorized,
        ProblemCode::NotFound,
        ProblemCode::NotOwner,
        ProblemCode::AlreadyMigrated,
        ProblemCode::TenantMismatch,
        ProblemCode::ConsumerEmail,
        ProblemCode::SameAsMicrosoftAccount,
        ProblemCode::MpnMissing,
        ProblemCode::MpnNotFound,
        ProblemCode::MpnInactive,
        ProblemCode::ValidationFailed,
        ProblemCode::Conflict,
        ProblemCode::PreconditionFailed,
        ProblemCode::PreconditionRequired,
        ProblemCode::PayloadTooLarge,
        ProblemCode::DraftExpired,
        ProblemCode::TooManyRequests,
        ProblemCode::Timeout,
        ProblemCode::Internal,
    ];

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
            ProblemCode::PayloadTooLarge => "payload_too_large",
            ProblemCode::DraftExpired => "draft_expired",
            ProblemCode::TooManyRequests => "too_many_requests",
            ProblemCode::Timeout => "timeout",
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
    pub problem_type: Box<str>,
    /// A short summary for developers.
    pub title: Box<str>,
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
    /// The checklist item at fault, for `validation_failed` of `ticks`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
}

impl Problem {
    /// A problem with this code and developer-facing title.
    pub fn new(code: ProblemCode, title: impl Into<String>) -> Self {
        Self {
            problem_type: format!("urn:problem:{}", code.as_str()).into(),
            title: title.into().into(),
            status: code.status(),
            code,
            tenant_name: None,
            field: None,
            item: None,
        }
    }

    /// A problem with this code and its standard title.
    pub fn of(code: ProblemCode) -> Self {
        let title = match code {
            ProblemCode::Unauthorized => "sign in with a bearer token",
            ProblemCode::NotFound => "no such resource",
            ProblemCode::PayloadTooLarge => "the request's body is too large",
            ProblemCode::Timeout => "the server took too long; try again",
            ProblemCode::TooManyRequests => "too many requests; try again after Retry-After",
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

    /// A checklist item the account has no tick for: unknown, or one Partner Center tells.
    pub fn unknown_tick(item: &str) -> Self {
        Self {
            item: Some(item.to_owned()),
            ..Self::validation(
                "ticks",
                "no item of this account's checklist can be ticked so",
            )
        }
    }

    /// The work email refusal this problem stands for, as the core's error (so that the app
    /// words it like one it found itself); `None` for problems not about the address.
    ///
    /// ```
    /// use assistant_core::api::{Problem, ProblemCode};
    /// use assistant_core::work_email::WorkEmailError;
    ///
    /// let problem: Problem = serde_json::from_str(
    ///     r#"{"type":"urn:problem:tenant_mismatch","title":"","status":422,
    ///         "code":"tenant_mismatch","tenant_name":"Northwind Traders"}"#,
    /// ).unwrap();
    /// assert_eq!(
    ///     problem.work_email_error(),
    ///     Some(WorkEmailError::TenantMismatch { tenant_name: "Northwind Traders".into() })
    /// );
    /// assert_eq!(Problem::of(ProblemCode::NotFound).work_email_error(), None);
    /// ```
    pub fn work_email_error(&self) -> Option<WorkEmailError> {
        match self.code {
            ProblemCode::TenantMismatch => Some(WorkEmailError::TenantMismatch {
                tenant_name: self.tenant_name.clone().unwrap_or_default(),
            }),
            ProblemCode::ConsumerEmail => Some(WorkEmailError::ConsumerDomain {
                domain: String::new(),
            }),
            ProblemCode::SameAsMicrosoftAccount => Some(WorkEmailError::SameAsMicrosoftAccount),
            ProblemCode::ValidationFailed if self.field.as_deref() == Some(WORK_EMAIL) => {
                Some(WorkEmailError::Format(EmailError::InvalidDomain))
            }
            _ => None,
        }
    }

    pub(super) fn work_email(error: &WorkEmailError) -> Self {
        match error {
            WorkEmailError::Format(e) => {
                Self::validation(WORK_EMAIL, format!("not an email address: {e:?}"))
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
