use super::*;
use crate::email::Uts46;
use crate::fixtures;

fn with_facts<T>(id: &str, new_mpn: Option<&str>, decide: impl FnOnce(&AccountFacts) -> T) -> T {
    let account = fixtures::account(id).unwrap();
    let stored = fixtures::lookup_text(account.mpn_id.as_deref()).map(|record| record.lookup);
    let new = fixtures::lookup_text(new_mpn);
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
