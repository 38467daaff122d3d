//! The edge where the core's typed verdicts and the client's failures become words, in the
//! chosen language. Nothing here decides: it only says what was decided.

use assistant_core::MpnIdError;
use assistant_core::api::ProblemCode;
use assistant_core::checklist::{DeadlineStatus, ExclusionReason, ItemState, NewOfferType, Task};
use assistant_core::date::Date;
use assistant_core::email::EmailError;
use assistant_core::flow::NewMpnError;
use assistant_core::mpn::EnrolReason;
use assistant_core::work_email::WorkEmailError;

use crate::backend::client::ClientError;
use crate::i18n::Locale;

/// The message beside the work email field. `example_domain` shows the right form of address.
pub fn work_email_error(locale: Locale, error: &WorkEmailError, example_domain: &str) -> String {
    match error {
        WorkEmailError::Format(EmailError::Empty) => locale.error_email_empty().into(),
        WorkEmailError::Format(EmailError::TooLong) => locale.error_email_too_long().into(),
        WorkEmailError::Format(EmailError::ContainsWhitespace) => {
            locale.error_email_whitespace().into()
        }
        WorkEmailError::Format(EmailError::ControlCharacter) => {
            locale.error_email_invisible_character().into()
        }
        WorkEmailError::Format(_) => locale.error_email_format(example_domain),
        WorkEmailError::ConsumerDomain { .. } => locale.error_email_consumer(example_domain),
        WorkEmailError::SameAsMicrosoftAccount => locale.error_email_same_as_microsoft().into(),
        WorkEmailError::TenantMismatch { tenant_name } => {
            locale.error_email_tenant_mismatch(tenant_name)
        }
    }
}

/// The message beside the new MPN ID field.
pub fn new_mpn_error(locale: Locale, error: NewMpnError) -> String {
    match error {
        NewMpnError::Format(MpnIdError::Empty) => locale.error_mpn_empty().into(),
        NewMpnError::Format(MpnIdError::NotDigits) => locale.error_mpn_not_digits().into(),
        NewMpnError::Format(MpnIdError::WrongLength { digits }) => {
            locale.error_mpn_wrong_length(i64::try_from(digits).unwrap_or(i64::MAX))
        }
        NewMpnError::Format(MpnIdError::TooLong) => locale.error_mpn_too_long().into(),
        NewMpnError::NotFound | NewMpnError::NotLookedUp => locale.error_mpn_not_found().into(),
        NewMpnError::Inactive => locale.error_mpn_inactive().into(),
    }
}

/// Why the owner must enrol, naming the stored ID where there is one.
pub fn enrol_reason(locale: Locale, reason: EnrolReason, stored: &str) -> String {
    match reason {
        EnrolReason::Missing => locale.enrol_reason_missing().into(),
        EnrolReason::Malformed => locale.enrol_reason_malformed(stored),
        EnrolReason::NotFound => locale.enrol_reason_not_found(stored),
        EnrolReason::Inactive => locale.enrol_reason_inactive(stored),
    }
}

/// What went wrong with a call, in plain words, for a problem panel with a Retry.
pub fn client_error(locale: Locale, error: &ClientError) -> &'static str {
    match error {
        ClientError::Timeout => locale.error_timeout(),
        ClientError::Network => locale.error_network(),
        ClientError::Malformed => locale.error_malformed(),
        ClientError::TooManyRequests { .. } => locale.error_too_many_requests(),
        ClientError::Problem(problem) => match problem.code {
            ProblemCode::Unauthorized => locale.error_unauthorized(),
            ProblemCode::NotFound => locale.error_account_not_found(),
            ProblemCode::NotOwner => locale.error_not_owner(),
            ProblemCode::AlreadyMigrated => locale.error_already_migrated(),
            ProblemCode::Conflict => locale.error_conflict(),
            _ => locale.error_server(),
        },
    }
}

/// What went wrong with a call on a page of answers: its words, then, where the failure was the
/// service's or the network's, that the answers are kept. Not after a refusal (the account is
/// already migrated, say), where it would answer no question the person has.
pub fn client_error_keeping_answers(locale: Locale, error: &ClientError) -> String {
    let kept = match error {
        ClientError::Timeout | ClientError::Network | ClientError::TooManyRequests { .. } => true,
        ClientError::Malformed => false,
        ClientError::Problem(problem) => !matches!(
            problem.code,
            ProblemCode::NotFound
                | ProblemCode::NotOwner
                | ProblemCode::AlreadyMigrated
                | ProblemCode::Conflict
        ),
    };
    let words = client_error(locale, error);
    if kept {
        format!("{words} {}", locale.answers_kept())
    } else {
        words.to_owned()
    }
}

/// What a checklist item asks the publisher to do, starting with a verb.
pub fn task(locale: Locale, task: &Task) -> String {
    match task {
        Task::ConfirmPmcAccountMigrated => locale.task_pmc().into(),
        Task::EnrolInMarketplace => locale.task_marketplace().into(),
        Task::ConfirmListedInAppSource { offer } => locale.task_listed(&offer.name),
        Task::CreateNewOffer {
            offer,
            new_offer_type: NewOfferType::CustomerEngagement,
        } => locale.task_create_customer_engagement(&offer.name),
        Task::CreateNewOffer {
            offer,
            new_offer_type: NewOfferType::Operations,
        } => locale.task_create_operations(&offer.name),
        Task::AcceptIsvAddendum => locale.task_addendum().into(),
        Task::CompleteBillingProfile => locale.task_billing().into(),
        Task::SubmitOffer { offer } => locale.task_submit(&offer.name),
        Task::GoLive { offer } => locale.task_go_live(&offer.name),
    }
}

/// The plain question a self-attested item closes with, answered by ticking it.
pub fn tick_question(locale: Locale, task: &Task) -> &'static str {
    match task {
        Task::ConfirmPmcAccountMigrated => locale.tick_pmc(),
        Task::EnrolInMarketplace => locale.tick_marketplace(),
        Task::CreateNewOffer { .. } => locale.tick_created(),
        Task::AcceptIsvAddendum => locale.tick_addendum(),
        Task::CompleteBillingProfile => locale.tick_billing(),
        Task::ConfirmListedInAppSource { .. } | Task::SubmitOffer { .. } | Task::GoLive { .. } => {
            locale.tick_done()
        }
    }
}

/// An item's state in words (never colour alone).
pub fn item_state(locale: Locale, state: ItemState) -> &'static str {
    match state {
        ItemState::DoneVerified => locale.state_done_verified(),
        ItemState::DoneByYou => locale.state_done_by_you(),
        ItemState::InProgress => locale.state_in_progress(),
        ItemState::ToDo => locale.state_to_do(),
        ItemState::Blocked => locale.state_blocked(),
    }
}

/// Why an offer does not move this way.
pub fn exclusion(locale: Locale, reason: ExclusionReason) -> &'static str {
    match reason {
        ExclusionReason::BusinessCentral => locale.excluded_business_central(),
        ExclusionReason::NotDynamicsOrPowerApps => locale.excluded_other_type(),
    }
}

/// How the deadline stands, in words.
pub fn deadline(locale: Locale, status: DeadlineStatus) -> String {
    let count = |days: u32| i64::from(days);
    match status {
        DeadlineStatus::DaysLeft(days) => locale.deadline_days_left(count(days)),
        DeadlineStatus::DueToday => locale.deadline_today().into(),
        DeadlineStatus::Overdue(days) => locale.deadline_overdue(count(days)),
    }
}

/// A calendar date as the language writes it in full ("15 October 2019", "15 oktober 2019"),
/// by the browser's `Intl`, which carries the month names so the bundle does not.
pub fn date(locale: Locale, date: Date) -> String {
    let utc = js_sys::Date::utc(f64::from(date.year()), f64::from(date.month()) - 1.0)
        + f64::from(date.day() - 1) * 86_400_000.0;
    let options = js_sys::Object::new();
    for (key, value) in [
        ("day", "numeric"),
        ("month", "long"),
        ("year", "numeric"),
        ("timeZone", "UTC"),
    ] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    let region = match locale {
        Locale::En => "en-GB",
        Locale::Sv => "sv-SE",
    };
    js_sys::Date::new(&utc.into())
        .to_locale_date_string(region, &options)
        .into()
}

/// A moment as the language writes it, by the browser's `Intl` in the browser's time zone: its
/// date ("3 December", "3 december") unless it is today at `now_ms`, and its time ("14:05").
pub fn moment(locale: Locale, at_ms: i64, now_ms: f64) -> (Option<String>, String) {
    let region = match locale {
        Locale::En => "en-GB",
        Locale::Sv => "sv-SE",
    };
    let options = |pairs: &[(&str, &str)]| {
        let options = js_sys::Object::new();
        for (key, value) in pairs {
            let _ = js_sys::Reflect::set(&options, &(*key).into(), &(*value).into());
        }
        options
    };
    let at = js_sys::Date::new(&(at_ms as f64).into());
    let now = js_sys::Date::new(&now_ms.into());
    let time = at
        .to_locale_time_string_with_options(
            region,
            &options(&[("hour", "2-digit"), ("minute", "2-digit")]),
        )
        .into();
    let today = at.get_full_year() == now.get_full_year()
        && at.get_month() == now.get_month()
        && at.get_date() == now.get_date();
    let date = (!today).then(|| {
        at.to_locale_date_string(region, &options(&[("day", "numeric"), ("month", "long")]))
            .into()
    });
    (date, time)
}
