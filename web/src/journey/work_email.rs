//! The work email question (SPEC §2.3): pre-filled with the sign-in address where it may serve,
//! explained for Microsoft-account sign-ins, checked by the core on Continue and then by the API.

use assistant_core::account::{Account, SignInKind};
use assistant_core::api::WorkEmailCheck;
use assistant_core::email::EmailAddress;
use assistant_core::flow::Question;
use assistant_core::tenant::Tenant;
use assistant_core::work_email::{WorkEmailError, did_you_mean, prefill};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::backend::browser_idna::BrowserIdna;
use crate::backend::client::ClientError;
use crate::context::Shared;
use crate::host_event::HostEvent;
use crate::i18n::{Locale, text, wording};
use crate::journey::question::Attempts;
use crate::journey::state::Journey;
use crate::placement::Placement;
use crate::route::Screen;
use crate::ui::error_summary::{Field, focus_field};
use crate::ui::page::{BackLink, use_page};
use crate::ui::question_form::{FieldInput, QuestionForm};

/// The page's field: its `id`, and those of its hint and its message.
const FIELD: Field = Field {
    id: "work-email",
    hint: "work-email-hint",
    message: "work-email-error",
};

/// An address the API refused, and why: said beside the field while it is what is typed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct RefusedAddress {
    address: String,
    error: WorkEmailError,
}

/// The question as the page holds it: what is typed, the attempts to go on, and the check of the
/// address under way.
#[derive(Clone, Copy)]
struct WorkEmailForm {
    journey: Journey,
    shared: Shared,
    value: RwSignal<String>,
    attempts: Attempts,
    refused: RwSignal<Option<RefusedAddress>>,
}

impl WorkEmailForm {
    /// The question for `account`: the address as last typed, else as answered, else the
    /// sign-in's where it may serve.
    fn new(journey: Journey, account: &Account) -> Self {
        let initial = journey.progress.with_untracked(|p| {
            p.drafts
                .work_email
                .clone()
                .or_else(|| p.answers.work_email.clone())
                .or_else(|| prefill(&account.sign_in).map(str::to_owned))
                .unwrap_or_default()
        });
        // An answer given before and refused now (another MPN ID, of another tenant, was chosen
        // since): the flow sent the owner back here, so say why at once.
        let refused_on_arrival = journey.progress.with_untracked(|p| {
            p.answers.work_email.as_deref().is_some_and(|answer| {
                answer == initial
                    && journey
                        .assess_with(&p.answers)
                        .work_email
                        .is_some_and(|verdict| verdict.is_err())
            })
        });
        Self {
            journey,
            shared: Shared::from_context(),
            value: RwSignal::new(initial),
            attempts: Attempts::new(refused_on_arrival),
            refused: RwSignal::new(None),
        }
    }

    /// The core's verdict on `text` as the work email, with the other answers given.
    fn verdict(&self, text: &str) -> Option<Result<EmailAddress, WorkEmailError>> {
        self.journey
            .progress
            .with(|p| self.journey.assess_with(&p.answers.with_work_email(text)))
            .work_email
    }

    /// What is wrong with what is typed, once Continue was pressed (and from then on as the
    /// input is corrected).
    fn error(&self) -> Option<WorkEmailError> {
        if self.attempts.count.get() == 0 {
            return None;
        }
        let text = self.value.get();
        match self.verdict(&text) {
            Some(Err(error)) => Some(error),
            _ => self
                .refused
                .get()
                .filter(|refused| refused.address == text)
                .map(|refused| refused.error),
        }
    }

    /// Takes what is typed, saving it as a draft.
    fn set_value(&self, text: String) {
        self.value.set(text.clone());
        self.journey
            .update_progress(|p| p.drafts.work_email = Some(text));
    }

    /// Continue: the core's check, then the API's; the next page once the address is taken.
    fn submit(self) {
        if self.attempts.pending.get_untracked() {
            return;
        }
        let text = self.value.get_untracked();
        if !matches!(self.verdict(&text), Some(Ok(_))) {
            self.attempts.refused();
            return;
        }
        if self.attempts.must_wait() {
            return;
        }
        self.attempts.check();
        let Shared {
            api,
            locale,
            announcer,
            navigator,
            placement,
        } = self.shared;
        announcer.say(locale.get_untracked().checking_email());
        let check = WorkEmailCheck {
            work_email: text.clone(),
            mpn: self
                .journey
                .progress
                .with_untracked(|p| p.answers.mpn.clone()),
        };
        let client = api.client();
        let journey = self.journey;
        let id = journey.account_id();
        spawn_local(async move {
            let outcome = client.check_work_email(&id, &check).await;
            self.attempts.checked();
            match outcome {
                Ok(_) => {
                    journey.update_progress(|p| {
                        p.answers.work_email = Some(text);
                        p.drafts.work_email = None;
                    });
                    placement.emit(HostEvent::StepCompleted {
                        question: Question::WorkEmail,
                        account: &id,
                    });
                    navigator.go(journey.next_screen());
                }
                Err(ClientError::Problem(problem)) => match problem.work_email_error() {
                    Some(error) => {
                        self.refused.set(Some(RefusedAddress {
                            address: text,
                            error,
                        }));
                        self.attempts.refused();
                    }
                    None => self.attempts.failed(ClientError::Problem(problem)),
                },
                Err(other) => self.attempts.failed(other),
            }
        });
    }
}

/// The work email page.
#[component]
pub fn WorkEmailPage(
    /// The account's journey.
    journey: Journey,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    let account = journey.detail.with_untracked(|d| d.account.clone());
    let form = WorkEmailForm::new(journey, &account);

    let tenant = Memo::new(move |_| journey.assessment().tenant);
    let error = Memo::new(move |_| form.error());
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
            .or_else(|| form.attempts.cooldown.message(locale))
    });

    let heading = NodeRef::<html::H1>::new();
    use_page(
        |locale| locale.work_email_title().into(),
        Signal::derive(move || message.with(Option::is_some)),
        heading,
    );

    view! {
        <BackLink to=Screen::Overview/>
        <QuestionForm
            errors=FIELD.errors(message)
            attempts=form.attempts.count
            failure=form.attempts.failure
            pending=form.attempts.pending
            on_submit=Callback::new(move |()| form.submit())
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
                    value=form.value
                    message=message
                    on_input=Callback::new(move |text| form.set_value(text))
                >
                    <WorkEmailHint account=account tenant=tenant/>
                </FieldInput>
                <Suggestion form error tenant/>
            </div>
        </QuestionForm>
    }
}

/// What the address is for: the sign-in's for a work account, another for a Microsoft account,
/// of the tenant when it is known.
#[component]
fn WorkEmailHint(
    /// The account.
    account: Account,
    /// The tenant the address must belong to, when known.
    tenant: Memo<Option<Tenant>>,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    let is_microsoft_account = account.sign_in.kind == SignInKind::MicrosoftAccount;
    let sign_in_email = account.sign_in.email;
    move || {
        let locale = locale.get();
        let tenant = tenant.get().map(|t| t.name);
        match (is_microsoft_account, tenant) {
            (true, Some(tenant)) => locale.work_email_microsoft_account(&sign_in_email, &tenant),
            (true, None) => locale.work_email_microsoft_account_no_tenant(&sign_in_email),
            (false, Some(tenant)) => locale.work_email_hint_tenant(&tenant),
            (false, None) => locale.work_email_hint().into(),
        }
    }
}

/// "Did you mean …?" for a refused address one slip away from the tenant's: a button that
/// takes the suggestion (the answer is never changed without the owner).
#[component]
fn Suggestion(
    form: WorkEmailForm,
    /// What is wrong with the address.
    error: Memo<Option<WorkEmailError>>,
    /// The tenant whose domains are suggested.
    tenant: Memo<Option<Tenant>>,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    let placement = expect_context::<Placement>();
    let suggestion = move || {
        error.get()?;
        let email = EmailAddress::parse(&form.value.get(), &BrowserIdna).ok()?;
        let domains = tenant.get().map(|t| t.verified_domains).unwrap_or_default();
        did_you_mean(&email, domains.iter().map(String::as_str))
    };
    move || {
        suggestion().map(|suggested| {
            let use_it = suggested.clone();
            view! {
                <p class="pma-body pma-suggestion">
                    {locale.get().did_you_mean()} " "
                    <button
                        type="button"
                        class="pma-link-button"
                        on:click=move |_| {
                            form.set_value(use_it.clone());
                            focus_field(placement, FIELD.id);
                        }
                    >
                        {suggested}
                    </button>
                    // The question's mark, after the suggestion it asks about.
                    "?"
                </p>
            }
        })
    }
}
