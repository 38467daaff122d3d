use super::*;
use crate::email::Uts46;
use crate::fixtures;
use crate::mpn::EnrolReason;

/// The flow for a fixture account, with the registry answering every lookup.
fn assess_fixture(id: &str, answers: &Answers) -> Assessment {
    let account = fixtures::account(id).unwrap();
    let stored = fixtures::lookup_text(account.mpn_id.as_deref()).map(|record| record.lookup);
    let new = fixtures::lookup_text(answers.new_mpn_id());
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

#[test]
fn an_answer_refused_later_can_still_be_changed_where_it_was_given() {
    // Litware enrols with an ID of Adatum's tenant: its work email no longer fits, so the next
    // question is the work email, yet the MPN ID page stays open to correct the ID instead.
    let litware = fixtures::account("litware").unwrap();
    let stored = fixtures::lookup_text(litware.mpn_id.as_deref()).map(|r| r.lookup);
    let adatum_id = fixtures::lookup_mpn(&"4567890".parse().unwrap());
    let situation = Situation {
        account: &litware,
        stored_mpn: stored.as_ref(),
        new_mpn: Some(&adatum_id),
        submitted_here: false,
    };
    let answers = Answers::default()
        .with_work_email("admin@litware.example")
        .with_mpn(MpnAnswer::NewId("4567890".into()));
    let assessment = assess(&situation, &answers, &Uts46);
    assert_eq!(assessment.next, Some(Question::WorkEmail));
    assert!(assessment.may_show(Question::MpnId, &answers));
    assert!(!assessment.may_show(Question::CheckAnswers, &answers));
    assert!(!assessment.may_show(Question::MpnId, &Answers::default()));
}

#[test]
fn an_account_awaits_its_owner_until_submitted_and_never_someone_else() {
    let accounts = fixtures::accounts();
    let waiting: Vec<&str> = accounts
        .iter()
        .filter(|account| {
            assess_fixture(account.id.as_str(), &Answers::default())
                .case
                .awaits_the_owner()
        })
        .map(|account| account.id.as_str())
        .collect();
    assert_eq!(waiting, ["fabrikam", "northwind", "adatum", "litware"]);
    for case in [
        Case::NotOwner,
        Case::AlreadyMigrated,
        Case::InProgress,
        Case::Completed,
    ] {
        assert!(!case.awaits_the_owner(), "{case:?}");
    }
    assert!(Case::Failed.awaits_the_owner());
}
