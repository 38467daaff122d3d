//! The work email question (SPEC §2.3): pre-filled with the sign-in address where it may serve,
//! explained for Microsoft-account sign-ins, checked by the core on Continue and then by the API.

use assistant_core::account::SignInKind;
use assistant_core::api::WorkEmailCheck;
use assistant_core::work_email::{WorkEmailError, did_you_mean, prefill};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::Api;
use crate::client::ClientError;
use crate::cooldown::Cooldown;
use crate::error_summary::{Field, focus_field};
use crate::i18n::{Locale, text};
use crate::journey::Journey;
use crate::page::{Announcer, BackLink, use_page};
use crate::placement::Placement;
use crate::question_form::{FieldInput, QuestionForm};
use crate::route::{Navigator, Screen};
use crate::wording;

/// The page's field: its `id`, and those of its hint and its message.
const FIELD: Field = Field {
    id: "work-email",
    hint: "work-email-hint",
    message: "work-email-error",
};

/// The work email page.
#[component]
pub fn WorkEmailPage() -> impl IntoView {
    let journey = expect_context::<Journey>();
    let api = expect_context::<Api>();
    let locale = expect_context::<RwSignal<Locale>>();
    let navigator = expect_context::<Navigator>();
    let announcer = expect_context::<Announcer>();
    let placement = expect_context::<Placement>();
    let account = journey
        .detail
        .get_untracked()
        .expect("the journey shows pages once the account is loaded")
        .account;

    let initial = journey.progress.with_untracked(|p| {
        p.drafts
            .work_email
            .clone()
            .or_else(|| p.answers.work_email.clone())
            .or_else(|| prefill(&account.sign_in).map(str::to_owned))
            .unwrap_or_default()
    });
    let value = RwSignal::new(initial);
    let refused_on_arrival = journey.progress.with_untracked(|p| {
        p.answers.work_email.as_deref().is_some_and(|answer| {
            journey
                .assess_with(&p.answers)
                .and_then(|a| a.work_email)
                .is_some_and(|verdict| verdict.is_err() && answer == value.get_untracked())
        })
    });
    // An answer given before and refused now (another MPN ID, of another tenant, was chosen
    // since): the flow sent the owner back here, so say why at once.
    let attempts = RwSignal::new(u32::from(refused_on_arrival));
    let refused_by_api = RwSignal::new(None::<(String, WorkEmailError)>);
    let failure = RwSignal::new(None::<ClientError>);
    let pending = RwSignal::new(false);
    let cooldown = Cooldown::new();

    let tenant = Memo::new(move |_| journey.assessment().and_then(|a| a.tenant));
    let verdict = move |text: &str| {
        journey
            .progress
            .with(|p| journey.assess_with(&p.answers.with_work_email(text)))
            .and_then(|a| a.work_email)
    };
    // Errors show once Continue was pressed, and from then on follow the input as it is corrected.
    let error = Memo::new(move |_| {
        if attempts.get() == 0 {
            return None;
        }
        let text = value.get();
        match verdict(&text) {
            Some(Err(error)) => Some(error),
            _ => refused_by_api
                .get()
                .filter(|(refused, _)| *refused == text)
                .map(|(_, error)| error),
        }
    });
    let example_domain = move || {
        tenant
            .get()
            .and_then(|t| t.verified_domains.first().cloned())
            .unwrap_or_else(|| "example.com".into())
    };
    let message = Signal::derive(move || {
        let locale = locale.get();
        error
            .get()
            .map(|error| wording::work_email_error(locale, &error, &example_domain()))
            .or_else(|| cooldown.message(locale))
    });
    let errors = FIELD.errors(message);
    let suggestion = move || {
        error.get()?;
        let email = assistant_core::email::EmailAddress::parse(
            &value.get(),
            &crate::browser_idna::BrowserIdna,
        )
        .ok()?;
        let domains = tenant.get().map(|t| t.verified_domains).unwrap_or_default();
        did_you_mean(&email, domains.iter().map(String::as_str))
    };

    let heading = NodeRef::<html::H1>::new();
    use_page(
        |locale| locale.work_email_title().into(),
        Signal::derive(move || message.with(Option::is_some)),
        heading,
    );

    let set_value = move |text: String| {
        value.set(text.clone());
        journey.update_progress(|p| p.drafts.work_email = Some(text));
    };
    let submit = move || {
        if pending.get_untracked() {
            return;
        }
        let text = value.get_untracked();
        if !matches!(verdict(&text), Some(Ok(_))) || cooldown.holds(js_sys::Date::now()) {
            attempts.update(|n| *n += 1);
            return;
        }
        pending.set(true);
        failure.set(None);
        announcer.say(locale.get_untracked().checking_email());
        let check = WorkEmailCheck {
            work_email: text.clone(),
            mpn: journey.progress.with_untracked(|p| p.answers.mpn.clone()),
        };
        let client = api.client();
        let id = journey.account_id();
        spawn_local(async move {
            let outcome = client.check_work_email(&id, &check).await;
            pending.set(false);
            match outcome {
                Ok(_) => {
                    journey.update_progress(|p| {
                        p.answers.work_email = Some(text);
                        p.drafts.work_email = None;
                    });
                    placement.emit_step_completed("work-email", &id);
                    navigator.go(journey.next_screen());
                }
                Err(ClientError::Problem(problem)) => match problem.work_email_error() {
                    Some(error) => {
                        refused_by_api.set(Some((text, error)));
                        attempts.update(|n| *n += 1);
                    }
                    None => failure.set(Some(ClientError::Problem(problem))),
                },
                Err(other) if cooldown.start(&other, js_sys::Date::now()) => {
                    attempts.update(|n| *n += 1);
                }
                Err(other) => failure.set(Some(other)),
            }
        });
    };

    let is_microsoft_account = account.sign_in.kind == SignInKind::MicrosoftAccount;
    let sign_in_email = account.sign_in.email.clone();
    let explanation = move || {
        let locale = locale.get();
        let tenant = tenant.get().map(|t| t.name);
        match (is_microsoft_account, tenant) {
            (true, Some(tenant)) => locale.work_email_microsoft_account(&sign_in_email, &tenant),
            (true, None) => locale.work_email_microsoft_account_no_tenant(&sign_in_email),
            (false, Some(tenant)) => locale.work_email_hint_tenant(&tenant),
            (false, None) => locale.work_email_hint().into(),
        }
    };

    view! {
        <BackLink to=Screen::Overview/>
        <QuestionForm
            errors=errors
            attempts=attempts
            failure=failure
            pending=pending
            on_submit=Callback::new(move |()| submit())
        >
            <div class="pma-form-group" class:pma-form-group--error=move || message.with(Option::is_some)>
                <h1 class="pma-label-wrapper" node_ref=heading tabindex="-1">
                    <label class="pma-label pma-label--l" for=FIELD.id>
                        {text(Locale::work_email_question)}
                    </label>
                </h1>
                <FieldInput
                    field=FIELD
                    name="work-email"
                    input_type="email"
                    autocomplete="email"
                    value=value
                    message=message
                    on_input=Callback::new(set_value)
                >
                    {explanation}
                </FieldInput>
                {move || {
                    suggestion()
                        .map(|suggested| {
                            let use_it = suggested.clone();
                            view! {
                                <p class="pma-body pma-suggestion">
                                    {locale.get().did_you_mean()} " "
                                    <button
                                        type="button"
                                        class="pma-link-button"
                                        on:click=move |_| {
                                            set_value(use_it.clone());
                                            focus_field(placement, FIELD.id);
                                        }
                                    >
                                        {suggested}
                                    </button>
                                </p>
                            }
                        })
                }}
            </div>
        </QuestionForm>
    }
}
