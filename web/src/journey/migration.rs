//! The migration under way: Partner Center moves the account while this page polls its status.
//! It survives a reload (polling resumes from the saved submission), says plainly when the status
//! cannot be read (waiting longer after each failure, and not at all for a refusal that waiting
//! will not change), and offers to send a submission again, with the same key, when it never
//! arrived.

use assistant_core::account::MigrationStatus;
use assistant_core::flow::Question;
use leptos::html;
use leptos::prelude::*;

use crate::backend::client::ClientError;
use crate::context::Api;
use crate::host_event::HostEvent;
use crate::i18n::Locale;
use crate::journey::poll::{Poller, Reading};
use crate::journey::state::Journey;
use crate::journey::submission::Submission;
use crate::placement::Placement;
use crate::route::ScreenLink;
use crate::ui::page::{Announcer, ProblemPanel, use_page};

/// What the page knows of the migration: its status once read, and the read that failed.
#[derive(Clone, Copy)]
struct StatusRead {
    status: RwSignal<Option<MigrationStatus>>,
    failure: RwSignal<Option<ClientError>>,
}

/// Polls the migration's status into `read` for as long as the page shows and the migration
/// runs; the host hears when it completes.
fn poll_status(journey: Journey, read: StatusRead) -> Poller {
    let api = expect_context::<Api>();
    let placement = expect_context::<Placement>();
    Poller::start(move || {
        let client = api.client();
        let id = journey.account_id();
        async move {
            match client.migration(&id).await {
                Ok(state) => {
                    read.failure.set(None);
                    read.status.set(Some(state.status));
                    journey
                        .detail
                        .update(|d| d.account.migration_status = state.status);
                    if state.status == MigrationStatus::Migrated {
                        placement.emit(HostEvent::FlowCompleted {
                            account: &id,
                            reference: state.reference.as_deref(),
                        });
                    }
                    if state.status == MigrationStatus::InProgress {
                        Reading::Changing
                    } else {
                        Reading::Settled
                    }
                }
                Err(error) => {
                    read.failure.set(Some(error.clone()));
                    Reading::Failed(error)
                }
            }
        }
    })
}

/// The migration page.
#[component]
pub fn MigrationPage(
    /// The account's journey.
    journey: Journey,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    let announcer = expect_context::<Announcer>();
    let read = StatusRead {
        status: RwSignal::new(None),
        failure: RwSignal::new(None),
    };
    let poll = poll_status(journey, read);

    Effect::new(move |_| {
        if read.status.get() == Some(MigrationStatus::InProgress) {
            announcer.say(locale.get_untracked().migration_in_progress_announcement());
        }
    });

    let heading = NodeRef::<html::H1>::new();
    let title = move |locale: Locale| match read.status.get() {
        Some(MigrationStatus::Failed) => locale.migration_failed_title().to_owned(),
        Some(MigrationStatus::NotMigrated) => locale.migration_not_started_title().to_owned(),
        _ => locale.migration_title().to_owned(),
    };
    use_page(title, Signal::derive(|| false), heading);

    view! {
        <h1 class="pma-heading-xl" node_ref=heading tabindex="-1">{move || title(locale.get())}</h1>
        {move || {
            read.failure.get().map(|error| {
                view! { <ProblemPanel error=error on_retry=Callback::new(move |()| poll.restart())/> }
            })
        }}
        {move || match read.status.get() {
            None => view! { <p class="pma-body">{locale.get().migration_checking()}</p> }.into_any(),
            Some(MigrationStatus::InProgress) => view! {
                <p class="pma-body-l">{locale.get().migration_in_progress()}</p>
                <progress class="pma-progress-indeterminate" aria-label=locale.get().migration_title()></progress>
                <p class="pma-body">{locale.get().migration_can_leave()}</p>
            }
            .into_any(),
            Some(MigrationStatus::Migrated) => view! {
                <p class="pma-body">{locale.get().migration_done()}</p>
            }
            .into_any(),
            Some(MigrationStatus::Failed) => view! {
                <p class="pma-body">{locale.get().migration_failed()}</p>
                <ScreenLink to=journey.question(Question::CheckAnswers) class="pma-button-link">
                    {locale.get().migration_check_and_retry()}
                </ScreenLink>
            }
            .into_any(),
            Some(MigrationStatus::NotMigrated) => {
                view! { <SendAgain journey on_started=Callback::new(move |()| poll.restart())/> }
                    .into_any()
            }
        }}
    }
}

/// A submission whose answer never arrived, and the server has not started: the way to send it
/// again, with the same key.
#[component]
fn SendAgain(
    /// The account's journey.
    journey: Journey,
    /// Called once the API has taken the submission.
    on_started: Callback<()>,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    let submission = Submission::new();
    let pending = submission.pending;
    let send = move || submission.send(journey, move || on_started.run(()));
    view! {
        <p class="pma-body">{locale.get().migration_not_started()}</p>
        {move || {
            submission.failure.get().map(|error| {
                view! { <ProblemPanel error=error on_retry=Callback::new(move |()| send()) pending=pending with_answers=true/> }
            })
        }}
        <button type="button" class="pma-button" disabled=move || pending.get() on:click=move |_| send()>
            {move || if pending.get() { locale.get().migrating() } else { locale.get().migrate_button() }}
        </button>
    }
}
