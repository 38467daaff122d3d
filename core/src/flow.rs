//! The migration flow (SPEC §2.1–§2.4): which case applies to an account and viewer, which
//! question comes next, and when the migration may be submitted.
//!
//! The flow is a pure function of the situation (the account and what the registry says of its
//! MPN IDs) and the answers given so far. Answers are data the flow never changes: going back,
//! changing an answer or taking the enrolment detour keeps everything typed.

use serde::{Deserialize, Serialize};

use crate::account::{Account, MigrationStatus, Role};
use crate::email::{DomainToAscii, EmailAddress};
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
pub fn assess(situation: &Situation, answers: &Answers, idna: &impl DomainToAscii) -> Assessment {
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
mod tests {
    use super::*;
    use crate::email::Uts46;
    use crate::fixtures;
    use crate::mpn::EnrolReason;

    /// The flow for a fixture account, with the registry answering every lookup.
    fn assess_fixture(id: &str, answers: &Answers) -> Assessment {
        let account = fixtures::account(id).unwrap();
        let stored = account
            .mpn_id
            .as_deref()
            .and_then(|s| MpnId::parse(s).ok())
            .map(|id| fixtures::lookup_mpn(&id).lookup);
        let new = answers
            .new_mpn_id()
            .and_then(|s| MpnId::parse(s).ok())
            .map(|id| fixtures::lookup_mpn(&id));
        let situation = Situation {
            account: &account,
            stored_mpn: stored.as_ref(),
            new_mpn: new.as_ref(),
            submitted_here: false,
        };
        assess(&situation, answers, &Uts46)
    }

    fn answered(email: &str, mpn: MpnAnswer) -> Answers {
        Answers::default().with_work_email(email).with_mpn(mpn)
    }

    #[test]
    fn contoso_is_already_migrated() {
        let result = assess_fixture("contoso", &Answers::default());
        assert_eq!((result.case, result.next), (Case::AlreadyMigrated, None));
    }

    #[test]
    fn tailspin_developer_cannot_start() {
        let result = assess_fixture(
            "tailspin",
            &answered("dev@tailspin.example", MpnAnswer::KeepOnFile),
        );
        assert_eq!(
            (result.case, result.next, result.submission),
            (Case::NotOwner, None, None)
        );
    }

    #[test]
    fn fabrikam_happy_path_asks_email_then_mpn_then_check_answers() {
        let start = assess_fixture("fabrikam", &Answers::default());
        assert_eq!(start.next, Some(Question::WorkEmail));
        let email = Answers::default().with_work_email("admin@fabrikam.example");
        let after_email = assess_fixture("fabrikam", &email);
        assert_eq!(
            (after_email.case, after_email.next),
            (Case::ConfirmMpnId, Some(Question::MpnId))
        );
        let ready = assess_fixture("fabrikam", &email.with_mpn(MpnAnswer::KeepOnFile));
        assert_eq!(
            (ready.case, ready.next),
            (Case::ReadyToSubmit, Some(Question::CheckAnswers))
        );
        assert_eq!(
            ready.submission,
            Some(MigrationRequest {
                work_email: "admin@fabrikam.example".into(),
                mpn: MpnAnswer::KeepOnFile
            })
        );
    }

    #[test]
    fn northwind_with_an_address_of_another_tenant_is_told_the_tenant() {
        let result = assess_fixture(
            "northwind",
            &Answers::default().with_work_email("ops@adatum.example"),
        );
        assert_eq!(result.case, Case::NeedsWorkEmail);
        assert_eq!(
            result.work_email,
            Some(Err(WorkEmailError::TenantMismatch {
                tenant_name: "Northwind Traders".into()
            }))
        );
        let fixed = assess_fixture(
            "northwind",
            &answered("ops@northwind.example", MpnAnswer::KeepOnFile),
        );
        assert_eq!(fixed.case, Case::ReadyToSubmit);
    }

    #[test]
    fn northwind_cannot_use_its_microsoft_account_address() {
        let result = assess_fixture(
            "northwind",
            &Answers::default().with_work_email("northwind.publisher@outlook.com"),
        );
        assert!(matches!(
            result.work_email,
            Some(Err(WorkEmailError::ConsumerDomain { .. }))
        ));
    }

    #[test]
    fn adatum_is_sent_to_enrolment_and_finishes_with_its_new_id() {
        let email = Answers::default().with_work_email("lead@adatum.example");
        let detour = assess_fixture("adatum", &email);
        assert_eq!(
            (detour.case, detour.next),
            (Case::NeedsMpnEnrolment, Some(Question::MpnId))
        );
        assert_eq!(detour.mpn, MpnStanding::MustEnrol(EnrolReason::Missing));
        let back = assess_fixture(
            "adatum",
            &email.with_mpn(MpnAnswer::NewId(" 4567890 ".into())),
        );
        assert_eq!(back.case, Case::ReadyToSubmit);
        assert_eq!(back.tenant.map(|t| t.name), Some("Adatum".into()));
    }

    #[test]
    fn litware_is_told_its_mpn_id_was_not_found() {
        let result = assess_fixture(
            "litware",
            &Answers::default().with_work_email("admin@litware.example"),
        );
        assert_eq!(result.case, Case::NeedsMpnEnrolment);
        assert_eq!(result.mpn, MpnStanding::MustEnrol(EnrolReason::NotFound));
    }

    #[test]
    fn a_new_id_is_refused_until_the_registry_knows_it_as_active() {
        let email = Answers::default().with_work_email("admin@litware.example");
        let cases = [
            (
                "12",
                NewMpnError::Format(MpnIdError::WrongLength { digits: 2 }),
            ),
            ("1111111", NewMpnError::Inactive),
            ("9999999", NewMpnError::NotFound),
        ];
        for (typed, error) in cases {
            let result = assess_fixture("litware", &email.with_mpn(MpnAnswer::NewId(typed.into())));
            assert_eq!(
                (result.case, result.new_mpn),
                (Case::NeedsMpnEnrolment, Some(Err(error))),
                "{typed}"
            );
        }
        let account = fixtures::account("litware").unwrap();
        let situation = Situation {
            account: &account,
            stored_mpn: None,
            new_mpn: None,
            submitted_here: false,
        };
        let unlooked = assess(
            &situation,
            &email.with_mpn(MpnAnswer::NewId("8765432".into())),
            &Uts46,
        );
        assert_eq!(unlooked.new_mpn, Some(Err(NewMpnError::NotLookedUp)));
    }

    #[test]
    fn an_email_accepted_before_the_tenant_was_known_is_checked_again_after_enrolment() {
        // Adatum's owner gives a Litware address, then enrols with Adatum's new ID.
        let answers = answered("admin@litware.example", MpnAnswer::NewId("4567890".into()));
        let result = assess_fixture("adatum", &answers);
        assert_eq!(
            (result.case, result.next),
            (Case::NeedsWorkEmail, Some(Question::WorkEmail))
        );
        assert_eq!(
            result.work_email,
            Some(Err(WorkEmailError::TenantMismatch {
                tenant_name: "Adatum".into()
            }))
        );
        assert_eq!(result.submission, None);
    }

    #[test]
    fn in_progress_completed_and_failed_are_told_apart() {
        let mut account = fixtures::account("fabrikam").unwrap();
        let stored = fixtures::lookup_mpn(&MpnId::parse("2345678").unwrap()).lookup;
        let answers = answered("admin@fabrikam.example", MpnAnswer::KeepOnFile);
        let mut situation_of = |status, submitted_here| {
            account.migration_status = status;
            let situation = Situation {
                account: &account,
                stored_mpn: Some(&stored),
                new_mpn: None,
                submitted_here,
            };
            let result = assess(&situation, &answers, &Uts46);
            (result.case, result.submission.is_some())
        };
        assert_eq!(
            situation_of(MigrationStatus::InProgress, true),
            (Case::InProgress, false)
        );
        assert_eq!(
            situation_of(MigrationStatus::Migrated, true),
            (Case::Completed, false)
        );
        assert_eq!(
            situation_of(MigrationStatus::Failed, true),
            (Case::Failed, true)
        );
    }

    #[test]
    fn back_links_go_one_question_back() {
        assert_eq!(Question::CheckAnswers.previous(), Some(Question::MpnId));
        assert_eq!(Question::MpnId.previous(), Some(Question::WorkEmail));
        assert_eq!(Question::WorkEmail.previous(), None);
    }
}
