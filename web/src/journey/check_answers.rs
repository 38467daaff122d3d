//! Check your answers: every answer with a link to change it, then the one button that starts the
//! migration. The submission's idempotency key is saved before it is sent, so a retry after a
//! lost answer never starts a second migration; the button is disabled while it is pending.

use assistant_core::flow::{MpnAnswer, Question};
use assistant_core::mpn::MpnStanding;
use leptos::html;
use leptos::prelude::*;

use crate::i18n::{Locale, text};
use crate::journey::forget::ForgetAnswers;
use crate::journey::state::Journey;
use crate::journey::submission::Submission;
use crate::route::{Navigator, Screen, ScreenLink};
use crate::ui::page::{Announcer, BackLink, ProblemPanel, use_page};

/// The check answers page.
#[component]
pub fn CheckAnswersPage(
    /// The account's journey.
    journey: Journey,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    let navigator = expect_context::<Navigator>();
    let announcer = expect_context::<Announcer>();
    let account_name = journey.account_name();

    let heading = NodeRef::<html::H1>::new();
    use_page(
        |locale| locale.check_answers_title().into(),
        Signal::derive(|| false),
        heading,
    );

    let submission = Submission::new();
    let pending = submission.pending;
    let work_email = move || {
        journey
            .progress
            .with(|p| p.answers.work_email.clone().unwrap_or_default())
    };
    let mpn = move || {
        let assessment = journey.assessment();
        let tenant = assessment.tenant.map(|t| t.name).unwrap_or_default();
        let id = match (
            journey.progress.with(|p| p.answers.mpn.clone()),
            assessment.mpn,
        ) {
            (Some(MpnAnswer::NewId(text)), _) => text.trim().to_owned(),
            (_, MpnStanding::Usable { id, .. }) => id.as_str().to_owned(),
            _ => String::new(),
        };
        locale.get().mpn_with_tenant(&id, &tenant)
    };
    let submit = move || {
        announcer.say(locale.get_untracked().migration_starting());
        submission.send(journey, move || {
            navigator.go(Screen::Migration(journey.account_id()));
        });
    };

    view! {
        <BackLink to=journey.question(Question::MpnId)/>
        <h1 class="pma-heading-xl" node_ref=heading tabindex="-1">
            {text(Locale::check_answers_title)}
        </h1>
        {move || {
            submission
                .failure
                .get()
                .map(|error| {
                    view! {
                        <ProblemPanel error=error on_retry=Callback::new(move |()| submit()) pending=pending with_answers=true/>
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
        <ForgetAnswers journey/>
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
