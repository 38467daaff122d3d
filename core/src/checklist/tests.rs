use super::*;
use crate::fixtures;

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

fn fabrikam(ticks: &[&str]) -> Checklist {
    let ticks = Ticks(ticks.iter().map(|t| ItemKey(t.to_string())).collect());
    evaluate(
        &fixtures::offers("fabrikam"),
        &fixtures::readiness("fabrikam"),
        &ticks,
        date("2019-10-15"),
        date("2026-11-24"),
    )
}

fn state(list: &Checklist, key: &str) -> ItemState {
    list.items
        .iter()
        .find(|i| i.key.0 == key)
        .unwrap_or_else(|| panic!("no item {key}"))
        .state
}

#[test]
fn fabrikam_has_three_offers_that_move_and_two_excluded_with_reasons() {
    let list = fabrikam(&[]);
    let reasons: Vec<_> = list
        .excluded
        .iter()
        .map(|e| (e.offer.name.as_str(), e.reason))
        .collect();
    assert_eq!(
        reasons,
        [
            (
                "Fabrikam Ledger Connector",
                ExclusionReason::BusinessCentral
            ),
            (
                "Fabrikam Analytics VM",
                ExclusionReason::NotDynamicsOrPowerApps
            ),
        ]
    );
    let step3: Vec<_> = list
        .items
        .iter()
        .filter(|i| i.step == StepId::OffersInAppSource)
        .collect();
    assert_eq!(step3.len(), 3);
    let step6 = list
        .items
        .iter()
        .filter(|i| i.step == StepId::OffersSubmitted)
        .count();
    assert_eq!(step6, 3);
}

#[test]
fn offers_not_in_appsource_become_new_offers_of_the_right_kind() {
    let list = fabrikam(&[]);
    let tasks: Vec<_> = list
        .items
        .iter()
        .filter(|i| i.step == StepId::OffersInAppSource)
        .map(|i| &i.task)
        .collect();
    assert!(
        matches!(tasks[0], Task::ConfirmListedInAppSource { offer } if offer.name == "Fabrikam Field Service Pack")
    );
    assert!(
        matches!(tasks[1], Task::CreateNewOffer { offer, new_offer_type: NewOfferType::CustomerEngagement }
        if offer.name == "Fabrikam Expense App")
    );
    assert!(
        matches!(tasks[2], Task::CreateNewOffer { offer, new_offer_type: NewOfferType::Operations }
        if offer.name == "Fabrikam Warehouse Optimizer")
    );
}

#[test]
fn verified_and_self_attested_items_are_told_apart() {
    let list = fabrikam(&["offers_in_appsource:fabrikam-expense-app"]);
    assert_eq!(
        state(&list, "pmc_account_migrated"),
        ItemState::DoneVerified
    );
    assert_eq!(
        state(&list, "marketplace_enrolled"),
        ItemState::DoneVerified
    );
    assert_eq!(
        state(&list, "offers_in_appsource:fabrikam-field-service"),
        ItemState::DoneVerified
    );
    assert_eq!(
        state(&list, "offers_in_appsource:fabrikam-expense-app"),
        ItemState::DoneByYou
    );
    assert_eq!(state(&list, "isv_addendum_accepted"), ItemState::ToDo);
    assert_eq!(state(&list, "billing_profile_complete"), ItemState::ToDo);
}

#[test]
fn a_tick_on_a_step_partner_center_reports_changes_nothing() {
    assert_eq!(
        state(
            &fabrikam(&["isv_addendum_accepted"]),
            "isv_addendum_accepted"
        ),
        ItemState::ToDo
    );
}

#[test]
fn submitting_waits_for_the_addendum_billing_and_the_offers_own_step_three() {
    let list = fabrikam(&[]);
    for offer in [
        "fabrikam-field-service",
        "fabrikam-expense-app",
        "fabrikam-warehouse",
    ] {
        assert_eq!(
            state(&list, &format!("offers_submitted:{offer}")),
            ItemState::Blocked,
            "{offer}"
        );
    }
    let mut readiness = fixtures::readiness("fabrikam");
    readiness.isv_addendum_accepted = Some(true);
    readiness.billing_profile_complete = Some(true);
    let list = evaluate(
        &fixtures::offers("fabrikam"),
        &readiness,
        &Ticks::default(),
        date("2019-10-15"),
        date("2019-10-01"),
    );
    assert_eq!(
        state(&list, "offers_submitted:fabrikam-field-service"),
        ItemState::ToDo
    );
    assert_eq!(
        state(&list, "offers_submitted:fabrikam-expense-app"),
        ItemState::Blocked
    );
}

#[test]
fn progress_moves_when_a_step_is_ticked_and_the_next_action_follows() {
    let before = fabrikam(&[]);
    assert_eq!((before.done, before.total), (3, 10));
    assert_eq!(
        before.next_action,
        Some(ItemKey("offers_in_appsource:fabrikam-expense-app".into()))
    );
    let after = fabrikam(&["offers_in_appsource:fabrikam-expense-app"]);
    assert_eq!((after.done, after.total), (4, 10));
    assert_eq!(
        after.next_action,
        Some(ItemKey("offers_in_appsource:fabrikam-warehouse".into()))
    );
}

#[test]
fn the_deadline_is_told_in_days_left_today_or_overdue() {
    let deadline = date("2019-10-15");
    assert_eq!(
        DeadlineStatus::on(deadline, date("2019-10-12")),
        DeadlineStatus::DaysLeft(3)
    );
    assert_eq!(
        DeadlineStatus::on(deadline, date("2019-10-15")),
        DeadlineStatus::DueToday
    );
    assert_eq!(
        DeadlineStatus::on(deadline, date("2019-10-16")),
        DeadlineStatus::Overdue(1)
    );
    assert_eq!(fabrikam(&[]).deadline, DeadlineStatus::Overdue(2597));
}

#[test]
fn without_offers_that_move_the_checklist_does_not_apply() {
    let list = evaluate(
        &[],
        &Readiness::default(),
        &Ticks::default(),
        date("2019-10-15"),
        date("2019-10-01"),
    );
    assert!(!list.applies());
    assert_eq!(list.next_action, None);
}

#[test]
fn offers_in_certification_are_in_progress_and_approved_ones_must_go_live() {
    let mut offers = fixtures::offers("fabrikam");
    offers[0].certification = CertificationStatus::InCertification;
    offers[1].certification = CertificationStatus::Approved;
    offers[2].certification = CertificationStatus::Live;
    let readiness = Readiness {
        isv_addendum_accepted: Some(true),
        billing_profile_complete: Some(true),
        ..fixtures::readiness("fabrikam")
    };
    let ticks = Ticks(
        [
            "offers_in_appsource:fabrikam-expense-app",
            "offers_in_appsource:fabrikam-warehouse",
        ]
        .iter()
        .map(|k| ItemKey(k.to_string()))
        .collect(),
    );
    let list = evaluate(
        &offers,
        &readiness,
        &ticks,
        date("2019-10-15"),
        date("2019-10-01"),
    );
    assert_eq!(
        state(&list, "offers_submitted:fabrikam-field-service"),
        ItemState::InProgress
    );
    assert_eq!(
        state(&list, "offers_submitted:fabrikam-warehouse"),
        ItemState::DoneVerified
    );
    let go_live = list
        .items
        .iter()
        .find(|i| i.key.0 == "offers_submitted:fabrikam-expense-app")
        .unwrap();
    assert!(matches!(go_live.task, Task::GoLive { .. }));
    assert_eq!(list.next_action, Some(go_live.key.clone()));
}

#[test]
fn each_state_has_the_name_it_has_in_json() {
    for state in [
        ItemState::DoneVerified,
        ItemState::DoneByYou,
        ItemState::InProgress,
        ItemState::ToDo,
        ItemState::Blocked,
    ] {
        assert_eq!(serde_json::to_value(state).unwrap(), state.as_str());
    }
}
