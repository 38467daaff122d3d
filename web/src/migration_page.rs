//! The migration under way: Partner Center moves the account while this page polls its status.
//! It survives a reload (polling resumes from the saved submission), says plainly when the status
//! cannot be read (waiting longer after each failure, and not at all for a refusal that waiting
//! will not change), and offers to send a submission again, with the same key, when it never
//! arrived.

use assistant_core::account::MigrationStatus;
use assistant_core::flow::Question;
use leptos::html;
use leptos::prelude::*;

use crate::app::Api;
use crate::check_answers_page::submit_migration;
use crate::client::ClientError;
use crate::i18n::Locale;
use crate::journey::Journey;
use crate::page::{Announcer, ProblemPanel, use_page};
use crate::placement::{Placement, text_or_null};
use crate::poll::{Poller, Reading};
use crate::route::ScreenLink;

/// The migration page.
#[component]
pub fn MigrationPage() -> impl IntoView {
    let journey = expect_context::<Journey>();
    let api = expect_context::<Api>();
    let locale = expect_context::<RwSignal<Locale>>();
    let announcer = expect_context::<Announcer>();
    let placement = expect_context::<Placement>();

    let status = RwSignal::new(None::<MigrationStatus>);
    let read_failure = RwSignal::new(None::<ClientError>);
    let submit_failure = RwSignal::new(None::<ClientError>);
    let pending = RwSignal::new(false);

    // One poll of the status for as long as the page is shown and the migration runs.
    let poll = Poller::start(move || {
        let client = api.client();
        let id = journey.account_id();
        async move {
            match client.migration(&id).await {
                Ok(state) => {
                    read_failure.set(None);
                    status.set(Some(state.status));
                    journey.detail.update(|d| {
                        if let Some(d) = d {
                            d.account.migration_status = state.status;
                        }
                    });
                    if state.status == MigrationStatus::Migrated {
                        placement.emit(
                            "flow-completed",
                            &[
                                ("account", id.as_str().into()),
                                ("reference", text_or_null(state.reference.as_deref())),
                            ],
                        );
                    }
                    if state.status == MigrationStatus::InProgress {
                        Reading::Changing
                    } else {
                        Reading::Settled
                    }
                }
                Err(error) => {
                    read_failure.set(Some(error.clone()));
                    Reading::Failed(error)
                }
            }
        }
    });

    Effect::new(move |_| {
        if status.get() == Some(MigrationStatus::InProgress) {
            announcer.say(locale.get_untracked().migration_in_progress_announcement());
        }
    });

    let heading = NodeRef::<html::H1>::new();
    let title = move |locale: Locale| match status.get() {
        Some(MigrationStatus::Failed) => locale.migration_failed_title().to_owned(),
        Some(MigrationStatus::NotMigrated) => locale.migration_not_started_title().to_owned(),
        _ => locale.migration_title().to_owned(),
    };
    use_page(title, Signal::derive(|| false), heading);

    let send_again = move || {
        submit_migration(
            journey,
            api,
            placement,
            pending,
            submit_failure,
            move || poll.restart(),
        );
    };

    view! {
        <h1 class="pma-heading-xl" node_ref=heading tabindex="-1">{move || title(locale.get())}</h1>
        {move || {
            read_failure
                .get()
                .map(|error| {
                    view! {
                        <ProblemPanel
                            error=error
                            on_retry=Callback::new(move |()| poll.restart())
                        />
                    }
                })
        }}
        {move || match status.get() {
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
            Some(MigrationStatus::NotMigrated) => view! {
                <p class="pma-body">{locale.get().migration_not_started()}</p>
                {move || {
                    submit_failure
                        .get()
                        .map(|error| {
                            view! {
                                <ProblemPanel error=error on_retry=Callback::new(move |()| send_again()) pending=pending/>
                            }
                        })
                }}
                <button type="button" class="pma-button" disabled=move || pending.get() on:click=move |_| send_again()>
                    {move || if pending.get() { locale.get().migrating() } else { locale.get().migrate_button() }}
                </button>
            }
            .into_any(),
        }}
    }
}
