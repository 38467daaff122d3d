//! An account's migration journey: the account as the API reports it, the owner's saved
//! progress, and the core's assessment of both, shared by the question pages, the migration page
//! and the confirmation. It shows the page the address names, or sends the owner to the page the
//! core says applies.

use assistant_core::account::{AccountId, MigrationStatus};
use assistant_core::api::AccountDetail;
use assistant_core::flow::{Answers, Assessment, Case, Question, Situation, assess};
use assistant_core::mpn::MpnRecord;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::Api;
use crate::browser_idna::BrowserIdna;
use crate::check_answers_page::CheckAnswersPage;
use crate::client::ClientError;
use crate::confirmation_page::ConfirmationPage;
use crate::i18n::{Locale, text};
use crate::migration_page::MigrationPage;
use crate::mpn_id_page::MpnIdPage;
use crate::page::ProblemPanel;
use crate::progress::{Loaded, Progress, Shelf};
use crate::route::{Navigator, Screen};
use crate::work_email_page::WorkEmailPage;

/// What the journey's pages share.
#[derive(Clone, Copy)]
pub struct Journey {
    account_id: StoredValue<AccountId>,
    /// Where the progress is saved.
    shelf: StoredValue<Shelf>,
    /// The account and its stored MPN ID's state; `Some` once the pages show.
    pub detail: RwSignal<Option<AccountDetail>>,
    /// What the registry said of the new MPN ID the owner typed, once looked up.
    pub new_mpn: RwSignal<Option<MpnRecord>>,
    /// The owner's progress (saved on every change).
    pub progress: RwSignal<Progress>,
    /// Whether the last change could not be saved in the browser (it stays in memory).
    pub unsaved: RwSignal<bool>,
}

impl Journey {
    /// The account's identifier.
    pub fn account_id(&self) -> AccountId {
        self.account_id.get_value()
    }

    /// The account's name, once it is loaded (not tracked: it does not change on a page).
    pub fn account_name(&self) -> String {
        self.detail
            .with_untracked(|d| d.as_ref().map(|d| d.account.name.clone()))
            .unwrap_or_default()
    }

    /// The core's verdict on `answers` in this account's situation.
    pub fn assess_with(&self, answers: &Answers) -> Option<Assessment> {
        let submitted_here = self
            .progress
            .with(|progress| progress.idempotency_key.is_some());
        self.detail.with(|detail| {
            let detail = detail.as_ref()?;
            self.new_mpn.with(|new_mpn| {
                let situation = Situation {
                    account: &detail.account,
                    stored_mpn: detail.stored_mpn.as_ref().map(|record| &record.lookup),
                    new_mpn: new_mpn.as_ref(),
                    submitted_here,
                };
                Some(assess(&situation, answers, &BrowserIdna))
            })
        })
    }

    /// The core's verdict on the answers given.
    pub fn assessment(&self) -> Option<Assessment> {
        self.progress
            .with(|progress| self.assess_with(&progress.answers))
    }

    /// Changes the progress and saves it.
    pub fn update_progress(&self, change: impl FnOnce(&mut Progress)) {
        self.progress.update(change);
        let saved = self.progress.with_untracked(|progress| {
            self.shelf
                .with_value(|shelf| shelf.save(&self.account_id(), progress, js_sys::Date::now()))
        });
        self.unsaved.set(!saved);
    }

    /// The screen of a question of this account.
    pub fn question(&self, question: Question) -> Screen {
        Screen::Question(self.account_id(), question)
    }

    /// The screen the core says comes next for the answers given.
    pub fn next_screen(&self) -> Screen {
        let id = self.account_id();
        match self.assessment().map(|a| (a.case, a.next)) {
            Some((_, Some(question))) => Screen::Question(id, question),
            Some((Case::InProgress, None)) => Screen::Migration(id),
            Some((Case::Completed, None)) => Screen::Confirmation(id),
            _ => Screen::Overview,
        }
    }
}

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

/// The journey of one account: loads it, then shows the page of the current screen.
#[component]
pub fn AccountJourney(
    /// The account.
    account_id: AccountId,
) -> impl IntoView {
    let api = expect_context::<Api>();
    let navigator = expect_context::<Navigator>();

    let shelf = api.client().shelf();
    let (saved, discarded) = match shelf.load(&account_id, js_sys::Date::now()) {
        Loaded::Restored(progress) => (progress, false),
        Loaded::Nothing => (Progress::default(), false),
        Loaded::Discarded => (Progress::default(), true),
    };
    let journey = Journey {
        account_id: StoredValue::new(account_id),
        shelf: StoredValue::new(shelf),
        detail: RwSignal::new(None),
        new_mpn: RwSignal::new(None),
        progress: RwSignal::new(saved),
        unsaved: RwSignal::new(false),
    };
    provide_context(journey);

    let failure = RwSignal::new(None::<ClientError>);
    let load = move || {
        failure.set(None);
        let client = api.client();
        let id = journey.account_id();
        let new_id = journey.progress.with_untracked(|p| {
            p.answers
                .new_mpn_id()
                .and_then(|text| assistant_core::MpnId::parse(text).ok())
        });
        spawn_local(async move {
            let loaded = async {
                let detail = client.account(&id).await?;
                let new_mpn = match new_id {
                    Some(new_id) => Some(client.lookup_mpn(&new_id).await?),
                    None => None,
                };
                Ok::<_, ClientError>((detail, new_mpn))
            }
            .await;
            match loaded {
                Ok((detail, new_mpn)) => {
                    journey.new_mpn.set(new_mpn);
                    journey.detail.set(Some(detail));
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    load();

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
        let migrated = journey.detail.with(|detail| {
            detail
                .as_ref()
                .is_some_and(|d| d.account.migration_status == MigrationStatus::Migrated)
        });
        let typed = journey
            .progress
            .with_untracked(|p| *p != p.without_answers());
        if migrated && typed {
            journey.update_progress(|p| *p = p.without_answers());
        }
    });
    // Pages that do not apply now send the owner where the core says they are.
    Effect::new(move |_| {
        let screen = navigator.screen();
        let target = journey.progress.with(|p| {
            let assessment = journey.assess_with(&p.answers)?;
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

    // Whether the account has loaded, as a memo: the page is drawn once it has, not again each
    // time the account changes (a status read by the migration page would otherwise draw the
    // page anew, which reads the status again at once: a loop as fast as the backend answers).
    let ready = Memo::new(move |_| journey.detail.with(Option::is_some));
    view! {
        <Show when=move || discarded>
            <div class="pma-notice" role="status">
                <p class="pma-body">{text(Locale::progress_discarded)}</p>
            </div>
        </Show>
        <Show when=move || journey.unsaved.get()>
            <div class="pma-notice" role="status">
                <p class="pma-body">{text(Locale::progress_not_saved)}</p>
            </div>
        </Show>
        {move || match (failure.get(), ready.get()) {
            (Some(error), _) => {
                view! { <ProblemPanel error=error on_retry=Callback::new(move |()| load())/> }
                    .into_any()
            }
            (None, false) => {
                view! {
                    <p class="pma-body" role="status">{text(Locale::account_loading)}</p>
                }
                    .into_any()
            }
            (None, true) => {
                match navigator.screen() {
                    Screen::Question(_, Question::WorkEmail) => view! { <WorkEmailPage/> }.into_any(),
                    Screen::Question(_, Question::MpnId) => view! { <MpnIdPage/> }.into_any(),
                    Screen::Question(_, Question::CheckAnswers) => {
                        view! { <CheckAnswersPage/> }.into_any()
                    }
                    Screen::Migration(_) => view! { <MigrationPage/> }.into_any(),
                    Screen::Confirmation(_) => view! { <ConfirmationPage/> }.into_any(),
                    _ => ().into_any(),
                }
            }
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use assistant_core::email::Uts46;
    use assistant_core::fixtures;
    use assistant_core::flow::MpnAnswer;

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
