//! The migration flow (SPEC §2.1–§2.4): which case applies to an account and viewer, which
//! question comes next, and when the migration may be submitted.
//!
//! The flow is a pure function of the situation (the account and what the registry says of its
//! MPN IDs) and the answers given so far. Answers are data the flow never changes: going back,
//! changing an answer or taking the enrolment detour keeps everything typed.

use serde::{Deserialize, Serialize};

use crate::account::{Account, MigrationStatus, Role};
use crate::email::{EmailAddress, UnicodeTables};
use crate::mpn::{MpnId, MpnIdError, MpnLookup, MpnRecord, MpnStanding};
use crate::tenant::Tenant;
use crate::work_email::{WorkEmailError, check_work_email};

/// The owner's answer on the MPN ID question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "choice", content = "id", rename_all = "snake_case")]
pub enum MpnAnswer {
    /// Use the MPN ID on the account.
    KeepOnFile,
    /// Use this new MPN ID (after enrolling), as typed.
    NewId(String),
}

/// Everything the owner has answered, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Answers {
    /// The work email, as typed.
    pub work_email: Option<String>,
    /// The MPN ID answer.
    pub mpn: Option<MpnAnswer>,
}

impl Answers {
    /// These answers with the work email set to `text`; every other answer kept.
    pub fn with_work_email(&self, text: impl Into<String>) -> Self {
        Self {
            work_email: Some(text.into()),
            ..self.clone()
        }
    }

    /// These answers with the MPN answer set; every other answer kept.
    pub fn with_mpn(&self, answer: MpnAnswer) -> Self {
        Self {
            mpn: Some(answer),
            ..self.clone()
        }
    }

    /// The new MPN ID typed, if the answer is to use one.
    pub fn new_mpn_id(&self) -> Option<&str> {
        match &self.mpn {
            Some(MpnAnswer::NewId(text)) => Some(text),
            Some(MpnAnswer::KeepOnFile) | None => None,
        }
    }
}

/// A question of the migration, in the order they are asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Question {
    /// The work email.
    WorkEmail,
    /// The MPN ID: the one on file, or a new one after enrolling.
    MpnId,
    /// Every answer, to check before submitting.
    CheckAnswers,
}

impl Question {
    /// The question before this one; `None` for the first (its back link leaves the flow).
    pub fn previous(self) -> Option<Question> {
        match self {
            Question::WorkEmail => None,
            Question::MpnId => Some(Question::WorkEmail),
            Question::CheckAnswers => Some(Question::MpnId),
        }
    }
}

/// Which case of the source applies to the account and viewer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Case {
    /// The viewer is not an owner: they see the status; an owner must migrate.
    NotOwner,
    /// The account was migrated before: it is managed in Partner Center.
    AlreadyMigrated,
    /// A work email is needed, or the one given is not accepted.
    NeedsWorkEmail,
    /// The account has no usable MPN ID: the owner must enrol and come back with one.
    NeedsMpnEnrolment,
    /// The MPN ID on file is usable; the owner confirms it.
    ConfirmMpnId,
    /// Every answer is in and accepted: the owner may submit.
    ReadyToSubmit,
    /// Submitted; Partner Center is moving the account.
    InProgress,
    /// Migrated, through this assistant.
    Completed,
    /// The submitted migration failed; the owner may submit again.
    Failed,
}

impl Case {
    /// Whether the account waits for its owner to migrate it: the owner's yellow banner in Cloud
    /// Partner Portal. Not for someone who is not an owner, nor once submitted or migrated.
    pub fn awaits_the_owner(self) -> bool {
        match self {
            Case::NeedsWorkEmail
            | Case::NeedsMpnEnrolment
            | Case::ConfirmMpnId
            | Case::ReadyToSubmit
            | Case::Failed => true,
            Case::NotOwner | Case::AlreadyMigrated | Case::InProgress | Case::Completed => false,
        }
    }
}

/// Why a new MPN ID is not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewMpnError {
    /// Not an MPN ID at all.
    Format(MpnIdError),
    /// Well-formed; the registry's answer for it is not known yet (look it up).
    NotLookedUp,
    /// No membership has this ID.
    NotFound,
    /// The membership has lapsed.
    Inactive,
}

/// What the flow knows of the account.
#[derive(Debug, Clone, Copy)]
pub struct Situation<'a> {
    /// The account, as the viewer sees it.
    pub account: &'a Account,
    /// The registry's answer for the MPN ID stored on the account, if it was looked up.
    pub stored_mpn: Option<&'a MpnLookup>,
    /// The registry's answer for a new MPN ID the owner typed, if it was looked up.
    pub new_mpn: Option<&'a MpnRecord>,
    /// Whether this assistant submitted the migration (tells completed from already migrated).
    pub submitted_here: bool,
}

/// What the server is asked to do when the owner submits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MigrationRequest {
    /// The accepted work email.
    pub work_email: String,
    /// The MPN answer.
    pub mpn: MpnAnswer,
}

impl MigrationRequest {
    /// The answers this request carries, for the server to assess again.
    pub fn answers(&self) -> Answers {
        Answers {
            work_email: Some(self.work_email.clone()),
            mpn: Some(self.mpn.clone()),
        }
    }
}

/// The flow's verdict on a situation and answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    /// The case that applies.
    pub case: Case,
    /// The question to show next; `None` where there is nothing to ask.
    pub next: Option<Question>,
    /// The standing of the MPN ID that would be used.
    pub mpn: MpnStanding,
    /// The tenant the work email must belong to, once known.
    pub tenant: Option<Tenant>,
    /// The verdict on the work email answer, if one was given.
    pub work_email: Option<Result<EmailAddress, WorkEmailError>>,
    /// The verdict on a new MPN ID, if one was given.
    pub new_mpn: Option<Result<MpnId, NewMpnError>>,
    /// The request to submit, when submitting is allowed.
    pub submission: Option<MigrationRequest>,
}

fn new_mpn_verdict(text: &str, record: Option<&MpnRecord>) -> Result<(MpnId, Tenant), NewMpnError> {
    let id = MpnId::parse(text).map_err(NewMpnError::Format)?;
    match record
        .filter(|record| record.id == id)
        .map(|record| &record.lookup)
    {
        Some(MpnLookup::Active { tenant }) => Ok((id, tenant.clone())),
        Some(MpnLookup::Inactive) => Err(NewMpnError::Inactive),
        Some(MpnLookup::NotFound) => Err(NewMpnError::NotFound),
        None => Err(NewMpnError::NotLookedUp),
    }
}

impl Assessment {
    /// Whether the owner may be shown `question` now: one whose earlier questions all have an
    /// answer (accepted or not, so an answer can be changed wherever the refusal came from), and
    /// the check of answers only once every answer is accepted.
    ///
    /// ```
    /// use assistant_core::email::Uts46;
    /// use assistant_core::fixtures;
    /// use assistant_core::flow::{assess, Answers, Question, Situation};
    ///
    /// let fabrikam = fixtures::account("fabrikam").unwrap();
    /// let stored = fixtures::lookup_mpn(&"2345678".parse().unwrap()).lookup;
    /// let situation =
    ///     Situation { account: &fabrikam, stored_mpn: Some(&stored), new_mpn: None, submitted_here: false };
    /// let answers = Answers::default().with_work_email("admin@fabrikam.example");
    /// let assessment = assess(&situation, &answers, &Uts46);
    /// assert!(assessment.may_show(Question::MpnId, &answers));
    /// assert!(!assessment.may_show(Question::CheckAnswers, &answers));
    /// ```
    pub fn may_show(&self, question: Question, answers: &Answers) -> bool {
        match question {
            Question::WorkEmail => true,
            Question::MpnId => answers.work_email.is_some(),
            Question::CheckAnswers => self.next == Some(Question::CheckAnswers),
        }
    }
}

/// Decides the case, the next question and whether the migration may be submitted.
///
/// ```
/// use assistant_core::email::Uts46;
/// use assistant_core::fixtures;
/// use assistant_core::flow::{assess, Answers, Case, MpnAnswer, Question, Situation};
///
/// let fabrikam = fixtures::account("fabrikam").unwrap();
/// let stored = fixtures::lookup_mpn(&"2345678".parse().unwrap()).lookup;
/// let situation =
///     Situation { account: &fabrikam, stored_mpn: Some(&stored), new_mpn: None, submitted_here: false };
///
/// let start = assess(&situation, &Answers::default(), &Uts46);
/// assert_eq!((start.case, start.next), (Case::NeedsWorkEmail, Some(Question::WorkEmail)));
///
/// let answers = Answers::default()
///     .with_work_email("admin@fabrikam.example")
///     .with_mpn(MpnAnswer::KeepOnFile);
/// let ready = assess(&situation, &answers, &Uts46);
/// assert_eq!((ready.case, ready.next), (Case::ReadyToSubmit, Some(Question::CheckAnswers)));
/// assert!(ready.submission.is_some());
/// ```
pub fn assess(situation: &Situation, answers: &Answers, idna: &impl UnicodeTables) -> Assessment {
    let account = situation.account;
    let stored = MpnStanding::of_stored(account.mpn_id.as_deref(), situation.stored_mpn);

    let new_mpn = answers
        .new_mpn_id()
        .map(|text| new_mpn_verdict(text, situation.new_mpn));
    let mpn = match &new_mpn {
        Some(Ok((id, tenant))) => MpnStanding::Usable {
            id: id.clone(),
            tenant: tenant.clone(),
        },
        Some(Err(_)) | None => stored,
    };
    let tenant = match &mpn {
        MpnStanding::Usable { tenant, .. } => Some(tenant.clone()),
        MpnStanding::MustEnrol(_) => None,
    };
    let work_email = answers
        .work_email
        .as_deref()
        .map(|text| check_work_email(text, &account.sign_in, tenant.as_ref(), idna));
    let new_mpn = new_mpn.map(|verdict| verdict.map(|(id, _)| id));

    let terminal = |case| (case, None);
    let (case, next) = match (account.migration_status, account.viewer_role) {
        (MigrationStatus::Migrated, _) if situation.submitted_here => terminal(Case::Completed),
        (MigrationStatus::Migrated, _) => terminal(Case::AlreadyMigrated),
        (_, Role::Manager | Role::Developer) => terminal(Case::NotOwner),
        (MigrationStatus::InProgress, Role::Owner) => terminal(Case::InProgress),
        (MigrationStatus::NotMigrated | MigrationStatus::Failed, Role::Owner) => {
            let email_accepted = matches!(work_email, Some(Ok(_)));
            let mpn_usable = matches!(mpn, MpnStanding::Usable { .. });
            let mpn_answered = match &answers.mpn {
                Some(MpnAnswer::KeepOnFile) => new_mpn.is_none(),
                Some(MpnAnswer::NewId(_)) => matches!(new_mpn, Some(Ok(_))),
                None => false,
            };
            let (case, next) = if !email_accepted {
                (Case::NeedsWorkEmail, Question::WorkEmail)
            } else if !mpn_usable {
                (Case::NeedsMpnEnrolment, Question::MpnId)
            } else if !mpn_answered {
                (Case::ConfirmMpnId, Question::MpnId)
            } else {
                (Case::ReadyToSubmit, Question::CheckAnswers)
            };
            let failed = account.migration_status == MigrationStatus::Failed;
            (
                if failed && case == Case::ReadyToSubmit {
                    Case::Failed
                } else {
                    case
                },
                Some(next),
            )
        }
    };

    let submission = match (case, &work_email, &answers.mpn) {
        (Case::ReadyToSubmit | Case::Failed, Some(Ok(email)), Some(mpn)) => {
            Some(MigrationRequest {
                work_email: email.to_string(),
                mpn: mpn.clone(),
            })
        }
        _ => None,
    };
    Assessment {
        case,
        next,
        mpn,
        tenant,
        work_email,
        new_mpn,
        submission,
    }
}

#[cfg(test)]
mod tests;
