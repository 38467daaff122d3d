//! The MPN ID question (SPEC §2.4): the ID on file and its state; when it cannot carry the
//! migration, why, how to enrol (links open in a new tab), and a field for the new ID when the
//! owner comes back, now or later.

use assistant_core::MpnId;
use assistant_core::flow::{MpnAnswer, NewMpnError, Question};
use assistant_core::mpn::{EnrolReason, MpnStanding};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::context::{Settings, Shared};
use crate::host_event::HostEvent;
use crate::i18n::{Locale, text, wording};
use crate::journey::question::Attempts;
use crate::journey::state::Journey;
use crate::ui::error_summary::Field;
use crate::ui::external_link::ExternalLink;
use crate::ui::page::{BackLink, use_page};
use crate::ui::question_form::{FieldInput, QuestionForm};

/// The page's field: its `id`, and those of its hint and its message.
const FIELD: Field = Field {
    id: "mpn-id",
    hint: "mpn-id-hint",
    message: "mpn-id-error",
};
const KEEP: &str = "mpn-choice";

/// The MPN ID on file that can carry the migration, and its tenant's name.
#[derive(Debug, Clone, PartialEq, Eq)]
struct OnFile {
    id: String,
    tenant: String,
}

/// The question as the page holds it: keep the ID on file or give another, the new ID as typed,
/// the attempts to go on, and the registry lookup under way.
#[derive(Clone, Copy)]
struct MpnForm {
    journey: Journey,
    shared: Shared,
    keep: RwSignal<bool>,
    value: RwSignal<String>,
    attempts: Attempts,
}

impl MpnForm {
    /// The question, keeping the ID on file (when there is one) unless a new one was chosen.
    fn new(journey: Journey, has_one_on_file: bool) -> Self {
        let (chose_new, initial) = journey.progress.with_untracked(|p| {
            let typed = p
                .drafts
                .mpn_id
                .clone()
                .or_else(|| p.answers.new_mpn_id().map(str::to_owned));
            (
                matches!(p.answers.mpn, Some(MpnAnswer::NewId(_))),
                typed.unwrap_or_default(),
            )
        });
        Self {
            journey,
            shared: Shared::from_context(),
            keep: RwSignal::new(has_one_on_file && !chose_new),
            value: RwSignal::new(initial),
            attempts: Attempts::new(false),
        }
    }

    /// The core's verdict on `text` as the new MPN ID, with the other answers given.
    fn verdict(&self, text: &str) -> Option<Result<MpnId, NewMpnError>> {
        self.journey
            .progress
            .with(|p| {
                let answers = p.answers.with_mpn(MpnAnswer::NewId(text.to_owned()));
                self.journey.assess_with(&answers)
            })
            .new_mpn
    }

    /// What is wrong with the new ID typed, once Continue was pressed.
    fn error(&self) -> Option<NewMpnError> {
        if self.attempts.count.get() == 0 || self.keep.get() {
            return None;
        }
        match self.verdict(&self.value.get()) {
            // Well-formed and not yet looked up: nothing to say until Continue asks the registry.
            Some(Err(NewMpnError::NotLookedUp)) | Some(Ok(_)) | None => None,
            Some(Err(error)) => Some(error),
        }
    }

    /// Takes what is typed, saving it as a draft.
    fn set_value(&self, text: String) {
        self.value.set(text.clone());
        self.journey
            .update_progress(|p| p.drafts.mpn_id = Some(text));
    }

    /// Gives the answer and goes on to the page the core says is next.
    fn answer(&self, answer: MpnAnswer) {
        self.journey.update_progress(|p| {
            p.answers.mpn = Some(answer);
            p.drafts.mpn_id = None;
        });
        let placement = self.shared.placement;
        placement.emit(HostEvent::StepCompleted {
            question: Question::MpnId,
            account: &self.journey.account_id(),
        });
        self.shared.navigator.go(self.journey.next_screen());
    }

    /// Continue: the ID on file, or a new one once the registry has answered for it.
    fn submit(self) {
        if self.attempts.pending.get_untracked() {
            return;
        }
        if self.keep.get_untracked() {
            self.answer(MpnAnswer::KeepOnFile);
            return;
        }
        let text = self.value.get_untracked();
        let Ok(id) = MpnId::parse(&text) else {
            self.attempts.refused();
            return;
        };
        if let Some(Ok(_)) = self.verdict(&text) {
            self.answer(MpnAnswer::NewId(text));
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
            ..
        } = self.shared;
        announcer.say(locale.get_untracked().checking_mpn());
        let client = api.client();
        spawn_local(async move {
            let outcome = client.lookup_mpn(&id).await;
            self.attempts.checked();
            match outcome {
                Ok(record) => {
                    self.journey.new_mpn.set(Some(record));
                    if let Some(Ok(_)) = self.verdict(&text) {
                        self.answer(MpnAnswer::NewId(text));
                    } else {
                        self.attempts.refused();
                    }
                }
                Err(error) => self.attempts.failed(error),
            }
        });
    }
}

/// The MPN ID page.
#[component]
pub fn MpnIdPage(
    /// The account's journey.
    journey: Journey,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    let (stored_text, stored) = journey.detail.with_untracked(|detail| {
        let stored = MpnStanding::of_stored(
            detail.account.mpn_id.as_deref(),
            detail.stored_mpn.as_ref().map(|record| &record.lookup),
        );
        (detail.account.mpn_id.clone().unwrap_or_default(), stored)
    });
    let must_enrol = matches!(stored, MpnStanding::MustEnrol(_));
    let form = MpnForm::new(journey, !must_enrol);
    let error = Memo::new(move |_| form.error());
    let message = Signal::derive(move || {
        let locale = locale.get();
        error
            .get()
            .map(|error| wording::new_mpn_error(locale, error))
            .or_else(|| form.attempts.cooldown.message(locale))
    });

    let heading = NodeRef::<html::H1>::new();
    use_page(
        move |locale| {
            if must_enrol {
                locale.enrol_title().into()
            } else {
                locale.mpn_title().into()
            }
        },
        Signal::derive(move || message.with(Option::is_some)),
        heading,
    );

    let question = match stored {
        MpnStanding::Usable { id, tenant } => {
            let on_file = OnFile {
                id: id.as_str().to_owned(),
                tenant: tenant.name,
            };
            view! { <KeepOrAnother form on_file message heading/> }.into_any()
        }
        MpnStanding::MustEnrol(reason) => view! {
            <EnrolmentDetour reason stored_text heading/>
            <NewMpnField form message must_enrol=true/>
        }
        .into_any(),
    };
    view! {
        <BackLink to=journey.question(Question::WorkEmail)/>
        <QuestionForm
            errors=FIELD.errors(message)
            attempts=form.attempts.count
            failure=form.attempts.failure
            pending=form.attempts.pending
            on_submit=Callback::new(move |()| form.submit())
        >
            {question}
        </QuestionForm>
    }
}

/// The question when there is an ID on file: keep it, or give another (the field shows then).
#[component]
fn KeepOrAnother(
    form: MpnForm,
    /// The ID on file.
    on_file: OnFile,
    /// The field's error message, while there is one.
    message: Signal<Option<String>>,
    /// The page's heading, focused on arrival.
    heading: NodeRef<html::H1>,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    let keep = form.keep;
    view! {
        <div class="pma-form-group" class:pma-form-group--error=move || message.with(Option::is_some)>
            <fieldset class="pma-fieldset">
                <legend class="pma-fieldset__legend">
                    <h1 class="pma-heading-l" node_ref=heading tabindex="-1">
                        {text(Locale::mpn_question)}
                    </h1>
                </legend>
                <div class="pma-radios">
                    <div class="pma-radios__item">
                        <input
                            class="pma-radios__input"
                            id=KEEP
                            type="radio"
                            name="mpn-choice"
                            prop:checked=move || keep.get()
                            on:change=move |_| keep.set(true)
                        />
                        <label class="pma-label pma-radios__label" for=KEEP>
                            {move || locale.get().mpn_keep(&on_file.id, &on_file.tenant)}
                        </label>
                    </div>
                    <div class="pma-radios__item">
                        <input
                            class="pma-radios__input"
                            id="mpn-choice-new"
                            type="radio"
                            name="mpn-choice"
                            prop:checked=move || !keep.get()
                            on:change=move |_| keep.set(false)
                        />
                        <label class="pma-label pma-radios__label" for="mpn-choice-new">
                            {text(Locale::mpn_use_another)}
                        </label>
                    </div>
                    <Show when=move || !keep.get()>
                        <div class="pma-radios__conditional">
                            <NewMpnField form message must_enrol=false/>
                        </div>
                    </Show>
                </div>
            </fieldset>
        </div>
    }
}

/// Why the owner must enrol in the Microsoft Partner Network, and how (the links open in a new
/// tab, so nothing typed here is lost).
#[component]
fn EnrolmentDetour(
    /// Why the ID on file cannot carry the migration.
    reason: EnrolReason,
    /// The ID on file, as stored.
    stored_text: String,
    /// The page's heading, focused on arrival.
    heading: NodeRef<html::H1>,
) -> impl IntoView {
    let settings = expect_context::<Settings>();
    let locale = expect_context::<RwSignal<Locale>>();
    let links = move || settings.get().links;
    view! {
        <h1 class="pma-heading-xl" node_ref=heading tabindex="-1">
            {text(Locale::enrol_title)}
        </h1>
        <p class="pma-body-l">{move || wording::enrol_reason(locale.get(), reason, &stored_text)}</p>
        <p class="pma-body">{text(Locale::enrol_why)}</p>
        <h2 class="pma-heading-m">{text(Locale::enrol_how_heading)}</h2>
        <ol class="pma-list pma-list--number">
            <li>
                <ExternalLink href=Signal::derive(move || links().mpn_signup)>
                    {text(Locale::enrol_step_sign_up)}
                </ExternalLink>
            </li>
            <li>{text(Locale::enrol_step_wait)}</li>
            <li>{text(Locale::enrol_step_come_back)}</li>
        </ol>
        <p class="pma-body">
            {text(Locale::enrol_more)} " "
            <ExternalLink href=Signal::derive(move || links().mpn_membership)>
                {text(Locale::enrol_membership_link)}
            </ExternalLink>
            " · "
            <ExternalLink href=Signal::derive(move || links().isv_resource_hub)>
                {text(Locale::isv_resource_hub_link)}
            </ExternalLink>
        </p>
    }
}

/// The field of a new MPN ID, with its hint and, once Continue was pressed, its message.
#[component]
fn NewMpnField(
    form: MpnForm,
    /// The field's error message, while there is one.
    message: Signal<Option<String>>,
    /// Whether this is the enrolment page (its label is larger).
    must_enrol: bool,
) -> impl IntoView {
    view! {
        <div class="pma-form-group" class:pma-form-group--error=move || message.with(Option::is_some)>
            <label class="pma-label" class:pma-label--m=must_enrol for=FIELD.id>
                {text(Locale::mpn_new_label)}
            </label>
            <FieldInput
                field=FIELD
                name="mpn-id"
                input_type="text"
                inputmode="numeric"
                autocomplete="off"
                class="pma-input--width-10"
                value=form.value
                message=message
                on_input=Callback::new(move |text| form.set_value(text))
            >
                {text(Locale::mpn_new_hint)}
            </FieldInput>
        </div>
    }
}
