//! An account's migration journey: it loads the account (and the registry's answer for a new
//! MPN ID already given) with the owner's saved progress, then shows the page of the current
//! screen, or sends the owner to the page the core says applies. Its pages, the saved progress,
//! the submission and the status poll live beside it.

pub mod check_answers;
pub mod confirmation;
pub mod cooldown;
pub mod forget;
pub mod migration;
pub mod mpn_id;
pub mod poll;
pub mod progress;
pub mod question;
pub mod shelf;
pub mod state;
pub mod submission;
pub mod sync;
pub mod which_answers;
pub mod work_email;

use assistant_core::account::{AccountId, MigrationStatus};
use assistant_core::flow::{Answers, Assessment, Case, Question};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::backend::client::ClientError;
use crate::context::Api;
use crate::i18n::{Locale, text};
use crate::journey::check_answers::CheckAnswersPage;
use crate::journey::confirmation::ConfirmationPage;
use crate::journey::migration::MigrationPage;
use crate::journey::mpn_id::MpnIdPage;
use crate::journey::progress::Progress;
use crate::journey::shelf::{Loaded, Shelf};
use crate::journey::state::{Journey, LoadedAccount};
use crate::journey::sync::{Notice, Opening};
use crate::journey::which_answers::WhichAnswers;
use crate::journey::work_email::WorkEmailPage;
use crate::route::{Navigator, Screen};
use crate::ui::page::ProblemPanel;

/// Where the owner is sent when the address names a page that does not apply now (to the question
/// the core says is next); `None` when it does. Which questions may be shown is the core's call.
pub fn redirect(
    screen: &Screen,
    assessment: &Assessment,
    answers: &Answers,
    submitted: bool,
) -> Option<Screen> {
    let id = screen.account()?.to_owned();
    let to_question = |question| Screen::Question(id.clone(), question);
    match (assessment.case, screen) {
        (Case::NotOwner | Case::AlreadyMigrated, _) => Some(Screen::Overview),
        (Case::InProgress, Screen::Migration(_)) | (Case::Completed, Screen::Confirmation(_)) => {
            None
        }
        (Case::InProgress, _) => Some(Screen::Migration(id)),
        (Case::Completed, _) => Some(Screen::Confirmation(id)),
        (_, Screen::Question(_, question)) if assessment.may_show(*question, answers) => None,
        // A submission whose answer never arrived: the migration page offers to send it again.
        (_, Screen::Migration(_)) if submitted => None,
        (_, _) => assessment.next.map(to_question),
    }
}

/// An account loaded, with its saves and its draft brought together.
#[derive(Clone)]
struct Opened {
    account: LoadedAccount,
    opening: Opening,
    shelf: Shelf,
}

/// Loads the account, brings the copy of its progress saved here and the API's draft together,
/// and loads the registry's answer for the new MPN ID of the progress that results. The saves are
/// looked for once the account was asked for, when the person a host's token names is known.
async fn load_account(api: Api, id: AccountId) -> Result<(Opened, bool), ClientError> {
    let client = api.client();
    let detail = client.account(&id).await?;
    let shelf = Shelf::of(&client);
    let (saved, discarded) = match shelf.load(&id, js_sys::Date::now()) {
        Loaded::Restored(progress) => (Some(progress), false),
        Loaded::Nothing => (None, false),
        Loaded::Discarded => (None, true),
    };
    let opening = sync::open(&client, &detail.account, saved).await;
    let new_id = opening
        .progress
        .answers
        .new_mpn_id()
        .and_then(|text| assistant_core::MpnId::parse(text).ok());
    let new_mpn = match new_id {
        Some(new_id) => Some(client.lookup_mpn(&new_id).await?),
        None => None,
    };
    let account = LoadedAccount { detail, new_mpn };
    Ok((
        Opened {
            account,
            opening,
            shelf,
        },
        discarded,
    ))
}

/// The journey of one account: loads it, then shows its pages.
#[component]
pub fn AccountJourney(
    /// The account.
    account_id: AccountId,
) -> impl IntoView {
    let api = expect_context::<Api>();
    let account_id = StoredValue::new(account_id);
    let notice = RwSignal::new(None::<Notice>);

    let loaded = RwSignal::new_local(None::<Opened>);
    let failure = RwSignal::new(None::<ClientError>);
    let load = move || {
        failure.set(None);
        let id = account_id.get_value();
        spawn_local(async move {
            match load_account(api, id).await {
                Ok((opened, discarded)) => {
                    let told = opened
                        .opening
                        .notice
                        .or(discarded.then_some(Notice::Discarded));
                    if told.is_some() {
                        notice.set(told);
                    }
                    loaded.set(Some(opened));
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    load();

    view! {
        {move || notice.get().map(|notice| {
            let words = match notice {
                Notice::Discarded => Locale::progress_discarded,
                Notice::Expired => Locale::draft_expired,
                Notice::Removed => Locale::draft_removed,
            };
            view! {
                <div class="pma-notice" role="status">
                    <p class="pma-body">{text(words)}</p>
                </div>
            }
        })}
        {move || match (failure.get(), loaded.get()) {
            (Some(error), _) => {
                view! { <ProblemPanel error=error on_retry=Callback::new(move |()| load()) with_answers=true/> }
                    .into_any()
            }
            (None, None) => {
                view! {
                    <p class="pma-body" role="status">{text(Locale::account_loading)}</p>
                }
                    .into_any()
            }
            (None, Some(Opened { account, opening, shelf })) => {
                let client = api.client();
                let keeps = client.keeps_drafts()
                    && assistant_core::api::draft::may_keep_draft(&account.detail.account).is_ok();
                let journey = Journey::new(
                    account,
                    opening.progress,
                    shelf,
                    keeps.then_some(client),
                    opening.other,
                );
                if opening.send {
                    journey.send_draft();
                }
                view! { <JourneyPages journey/> }.into_any()
            }
        }}
    }
}

/// The pages of a loaded account's journey: the one the address names, or the one the core says
/// applies; the screen shown is saved with the progress, and a migrated account's answers are
/// forgotten.
#[component]
fn JourneyPages(journey: Journey) -> impl IntoView {
    let navigator = expect_context::<Navigator>();
    // The screen is part of the progress, so the overview can offer to continue where they were.
    Effect::new(move |_| {
        let screen = navigator.screen();
        if screen.account().is_some()
            && journey
                .progress
                .with_untracked(|p| p.screen.as_deref() != Some(&screen.path()))
        {
            journey.update_progress(|p| p.screen = Some(screen.path()));
        }
    });
    // Once the account is migrated, what the owner typed is of no more use: forget it.
    Effect::new(move |_| {
        let migrated = journey
            .detail
            .with(|d| d.account.migration_status == MigrationStatus::Migrated);
        let typed = journey.progress.with_untracked(Progress::holds_answers);
        if migrated && typed {
            journey.update_progress(|p| *p = p.without_answers());
        }
    });
    // Pages that do not apply now send the owner where the core says they are.
    Effect::new(move |_| {
        let screen = navigator.screen();
        let target = journey.progress.with(|p| {
            let assessment = journey.assess_with(&p.answers);
            redirect(
                &screen,
                &assessment,
                &p.answers,
                p.idempotency_key.is_some(),
            )
        });
        if let Some(target) = target {
            navigator.replace(target);
        }
    });

    // Changes that could not reach the API go when the network is back.
    let online = window_event_listener(leptos::ev::online, move |_| journey.send_unsent());
    on_cleanup(move || online.remove());

    view! {
        <WhichAnswers journey/>
        <Show when=move || journey.unsaved.get()>
            <div class="pma-notice" role="status">
                <p class="pma-body">{text(Locale::progress_not_saved)}</p>
            </div>
        </Show>
        {move || match navigator.screen() {
            Screen::Question(_, Question::WorkEmail) => view! { <WorkEmailPage journey/> }.into_any(),
            Screen::Question(_, Question::MpnId) => view! { <MpnIdPage journey/> }.into_any(),
            Screen::Question(_, Question::CheckAnswers) => {
                view! { <CheckAnswersPage journey/> }.into_any()
            }
            Screen::Migration(_) => view! { <MigrationPage journey/> }.into_any(),
            Screen::Confirmation(_) => view! { <ConfirmationPage journey/> }.into_any(),
            _ => ().into_any(),
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use assistant_core::email::Uts46;
    use assistant_core::fixtures;
    use assistant_core::flow::{MpnAnswer, Situation, assess};
    use assistant_core::mpn::MpnRecord;

    fn account(id: &str) -> AccountId {
        AccountId::parse(id).unwrap()
    }

    fn assessment_of(id: &str, answers: &Answers) -> Assessment {
        assessment_with(id, answers, None)
    }

    fn assessment_with(id: &str, answers: &Answers, new_mpn: Option<&MpnRecord>) -> Assessment {
        let account = fixtures::account(id).unwrap();
        let stored = fixtures::lookup_text(account.mpn_id.as_deref()).map(|r| r.lookup);
        let situation = Situation {
            account: &account,
            stored_mpn: stored.as_ref(),
            new_mpn,
            submitted_here: false,
        };
        assess(&situation, answers, &Uts46)
    }

    #[test]
    fn questions_ahead_of_the_next_one_send_the_owner_back_to_it() {
        let nothing = assessment_of("fabrikam", &Answers::default());
        let check = Screen::Question(account("fabrikam"), Question::CheckAnswers);
        assert_eq!(
            redirect(&check, &nothing, &Answers::default(), false),
            Some(Screen::Question(account("fabrikam"), Question::WorkEmail))
        );
        let email = Screen::Question(account("fabrikam"), Question::WorkEmail);
        assert_eq!(redirect(&email, &nothing, &Answers::default(), false), None);
    }

    #[test]
    fn a_refused_mpn_id_can_be_changed_where_it_was_given() {
        let adatum_id = fixtures::lookup_mpn(&"4567890".parse().unwrap());
        let answers = Answers::default()
            .with_work_email("admin@litware.example")
            .with_mpn(MpnAnswer::NewId("4567890".into()));
        let assessment = assessment_with("litware", &answers, Some(&adatum_id));
        let mpn = Screen::Question(account("litware"), Question::MpnId);
        assert_eq!(redirect(&mpn, &assessment, &answers, false), None);
        let check = Screen::Question(account("litware"), Question::CheckAnswers);
        assert_eq!(
            redirect(&check, &assessment, &answers, false),
            Some(Screen::Question(account("litware"), Question::WorkEmail))
        );
    }

    #[test]
    fn earlier_questions_stay_open_for_changes() {
        let all = Answers::default()
            .with_work_email("admin@fabrikam.example")
            .with_mpn(MpnAnswer::KeepOnFile);
        let ready = assessment_of("fabrikam", &all);
        for question in [Question::WorkEmail, Question::MpnId, Question::CheckAnswers] {
            let screen = Screen::Question(account("fabrikam"), question);
            assert_eq!(redirect(&screen, &ready, &all, false), None, "{question:?}");
        }
    }

    #[test]
    fn non_owners_and_migrated_accounts_have_no_questions() {
        for id in ["tailspin", "contoso"] {
            let assessment = assessment_of(id, &Answers::default());
            let screen = Screen::Question(account(id), Question::WorkEmail);
            assert_eq!(
                redirect(&screen, &assessment, &Answers::default(), false),
                Some(Screen::Overview)
            );
        }
    }

    #[test]
    fn the_migration_page_needs_a_submission() {
        let nothing = assessment_of("fabrikam", &Answers::default());
        let migration = Screen::Migration(account("fabrikam"));
        assert_eq!(
            redirect(&migration, &nothing, &Answers::default(), true),
            None
        );
        assert_eq!(
            redirect(&migration, &nothing, &Answers::default(), false),
            Some(Screen::Question(account("fabrikam"), Question::WorkEmail))
        );
    }
}
