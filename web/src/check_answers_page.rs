//! Check your answers: every answer with a link to change it, then the one button that starts the
//! migration. The submission's idempotency key is saved before it is sent, so a retry after a
//! lost answer never starts a second migration; the button is disabled while it is pending.

use assistant_core::account::MigrationStatus;
use assistant_core::flow::{MpnAnswer, Question};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::Api;
use crate::client::ClientError;
use crate::i18n::{Locale, text};
use crate::journey::Journey;
use crate::page::{Announcer, BackLink, ProblemPanel, use_page};
use crate::placement::{Placement, text_or_null};
use crate::progress;
use crate::route::{Navigator, Screen, ScreenLink};

/// Sends the migration request with the saved key (making one first when there is none, or when
/// the last submission failed and this is a new attempt). Shared with the migration page's retry.
pub fn submit_migration(
    journey: Journey,
    api: Api,
    placement: Placement,
    pending: RwSignal<bool>,
    failure: RwSignal<Option<ClientError>>,
    on_started: impl FnOnce() + 'static,
) {
    if pending.get_untracked() {
        return;
    }
    let Some(request) = journey.assessment().and_then(|a| a.submission) else {
        return;
    };
    let failed_before = journey.detail.with_untracked(|d| {
        d.as_ref()
            .is_some_and(|d| d.account.migration_status == MigrationStatus::Failed)
    });
    let key = match journey
        .progress
        .with_untracked(|p| p.idempotency_key.clone())
    {
        Some(key) if !failed_before => key,
        _ => {
            let key = progress::new_idempotency_key();
            journey.update_progress(|p| p.idempotency_key = Some(key.clone()));
            key
        }
    };
    pending.set(true);
    failure.set(None);
    let client = api.client();
    let id = journey.account_id();
    spawn_local(async move {
        let outcome = client.start_migration(&id, &key, &request).await;
        pending.set(false);
        match outcome {
            Ok(state) => {
                journey.detail.update(|d| {
                    if let Some(d) = d {
                        d.account.migration_status = state.status;
                    }
                });
                placement.emit(
                    "migration-submitted",
                    &[
                        ("account", id.as_str().into()),
                        ("reference", text_or_null(state.reference.as_deref())),
                    ],
                );
                on_started();
            }
            Err(error) => failure.set(Some(error)),
        }
    });
}

/// The check answers page.
#[component]
pub fn CheckAnswersPage() -> impl IntoView {
    let journey = expect_context::<Journey>();
    let api = expect_context::<Api>();
    let locale = expect_context::<RwSignal<Locale>>();
    let navigator = expect_context::<Navigator>();
    let announcer = expect_context::<Announcer>();
    let placement = expect_context::<Placement>();
    let account_name = journey.account_name();

    let heading = NodeRef::<html::H1>::new();
    use_page(
        |locale| locale.check_answers_title().into(),
        Signal::derive(|| false),
        heading,
    );

    let pending = RwSignal::new(false);
    let failure = RwSignal::new(None::<ClientError>);
    let work_email = move || {
        journey
            .progress
            .with(|p| p.answers.work_email.clone().unwrap_or_default())
    };
    let mpn = move || {
        let assessment = journey.assessment()?;
        let tenant = assessment.tenant.map(|t| t.name).unwrap_or_default();
        let id = match (
            journey.progress.with(|p| p.answers.mpn.clone()),
            assessment.mpn,
        ) {
            (Some(MpnAnswer::NewId(text)), _) => text.trim().to_owned(),
            (_, assistant_core::mpn::MpnStanding::Usable { id, .. }) => id.as_str().to_owned(),
            _ => String::new(),
        };
        Some(locale.get().mpn_with_tenant(&id, &tenant))
    };
    let submit = move || {
        announcer.say(locale.get_untracked().migration_starting());
        submit_migration(journey, api, placement, pending, failure, move || {
            navigator.go(Screen::Migration(journey.account_id()));
        });
    };

    view! {
        <BackLink to=journey.question(Question::MpnId)/>
        <h1 class="pma-heading-xl" node_ref=heading tabindex="-1">
            {text(Locale::check_answers_title)}
        </h1>
        {move || {
            failure
                .get()
                .map(|error| {
                    view! {
                        <ProblemPanel error=error on_retry=Callback::new(move |()| submit()) pending=pending/>
                    }
                })
        }}
        <dl class="pma-summary-list">
            <div class="pma-summary-list__row">
                <dt class="pma-summary-list__key">{text(Locale::answer_account)}</dt>
                <dd class="pma-summary-list__value">{account_name}</dd>
                <dd class="pma-summary-list__actions"></dd>
            </div>
            <AnswerRow
                question=Locale::answer_work_email
                change_what=Locale::answer_work_email_lower
                data_answer="work-email"
                change_to=journey.question(Question::WorkEmail)
            >
                {work_email}
            </AnswerRow>
            <AnswerRow
                question=Locale::answer_mpn_id
                change_what=Locale::answer_mpn_id
                data_answer="mpn-id"
                change_to=journey.question(Question::MpnId)
            >
                {mpn}
            </AnswerRow>
        </dl>
        <h2 class="pma-heading-m">{text(Locale::migrate_heading)}</h2>
        <p class="pma-body">{text(Locale::migrate_explanation)}</p>
        <button
            type="button"
            class="pma-button"
            id="migrate-account"
            disabled=move || pending.get()
            on:click=move |_| submit()
        >
            {move || if pending.get() { locale.get().migrating() } else { locale.get().migrate_button() }}
        </button>
    }
}

/// A row of the summary list: the question, the answer (the children), and the link to change it,
/// which names the answer to screen readers ("Change work email").
#[component]
fn AnswerRow(
    /// The question, short.
    question: fn(Locale) -> &'static str,
    /// The answer as the hidden end of "Change …".
    change_what: fn(Locale) -> &'static str,
    /// The row's `data-answer`.
    data_answer: &'static str,
    /// The question's screen.
    change_to: Screen,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="pma-summary-list__row">
            <dt class="pma-summary-list__key">{text(question)}</dt>
            <dd class="pma-summary-list__value" data-answer=data_answer>{children()}</dd>
            <dd class="pma-summary-list__actions">
                <ScreenLink to=change_to>
                    {text(Locale::change)}
                    <span class="pma-visually-hidden">" " {text(change_what)}</span>
                </ScreenLink>
            </dd>
        </div>
    }
}
