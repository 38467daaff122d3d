//! The MPN ID question (SPEC §2.4): the ID on file and its state; when it cannot carry the
//! migration, why, how to enrol (links open in a new tab), and a field for the new ID when the
//! owner comes back, now or later.

use assistant_core::MpnId;
use assistant_core::flow::{MpnAnswer, NewMpnError, Question};
use assistant_core::mpn::MpnStanding;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::{Api, Settings};
use crate::client::ClientError;
use crate::cooldown::Cooldown;
use crate::error_summary::Field;
use crate::external_link::ExternalLink;
use crate::i18n::{Locale, text};
use crate::journey::Journey;
use crate::page::{Announcer, BackLink, use_page};
use crate::placement::Placement;
use crate::question_form::{FieldInput, QuestionForm};
use crate::route::Navigator;
use crate::wording;

/// The page's field: its `id`, and those of its hint and its message.
const FIELD: Field = Field {
    id: "mpn-id",
    hint: "mpn-id-hint",
    message: "mpn-id-error",
};
const KEEP: &str = "mpn-choice";

/// The MPN ID page.
#[component]
pub fn MpnIdPage() -> impl IntoView {
    let journey = expect_context::<Journey>();
    let api = expect_context::<Api>();
    let settings = expect_context::<Settings>();
    let locale = expect_context::<RwSignal<Locale>>();
    let navigator = expect_context::<Navigator>();
    let announcer = expect_context::<Announcer>();
    let placement = expect_context::<Placement>();
    let detail = journey
        .detail
        .get_untracked()
        .expect("the journey shows pages once the account is loaded");
    let stored_text = detail.account.mpn_id.clone().unwrap_or_default();
    let stored = MpnStanding::of_stored(
        detail.account.mpn_id.as_deref(),
        detail.stored_mpn.as_ref().map(|record| &record.lookup),
    );
    let on_file = match &stored {
        MpnStanding::Usable { id, tenant } => Some((id.as_str().to_owned(), tenant.name.clone())),
        MpnStanding::MustEnrol(_) => None,
    };

    let answered = journey.progress.with_untracked(|p| p.answers.mpn.clone());
    // Keep the ID on file unless the owner chose a new one (or there is none to keep).
    let keep = RwSignal::new(on_file.is_some() && !matches!(answered, Some(MpnAnswer::NewId(_))));
    let initial = journey.progress.with_untracked(|p| {
        p.drafts
            .mpn_id
            .clone()
            .or_else(|| p.answers.new_mpn_id().map(str::to_owned))
            .unwrap_or_default()
    });
    let value = RwSignal::new(initial);
    let attempts = RwSignal::new(0_u32);
    let failure = RwSignal::new(None::<ClientError>);
    let pending = RwSignal::new(false);
    let cooldown = Cooldown::new();

    let verdict = move |text: &str| {
        journey
            .progress
            .with(|p| journey.assess_with(&p.answers.with_mpn(MpnAnswer::NewId(text.to_owned()))))
            .and_then(|a| a.new_mpn)
    };
    let error = Memo::new(move |_| {
        if attempts.get() == 0 || keep.get() {
            return None;
        }
        match verdict(&value.get()) {
            // Well-formed and not yet looked up: nothing to say until Continue asks the registry.
            Some(Err(NewMpnError::NotLookedUp)) | Some(Ok(_)) | None => None,
            Some(Err(error)) => Some(error),
        }
    });
    let message = Signal::derive(move || {
        let locale = locale.get();
        error
            .get()
            .map(|error| wording::new_mpn_error(locale, error))
            .or_else(|| cooldown.message(locale))
    });
    let errors = FIELD.errors(message);

    let heading = NodeRef::<html::H1>::new();
    let must_enrol = on_file.is_none();
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

    let answer = move |answer: MpnAnswer| {
        journey.update_progress(|p| {
            p.answers.mpn = Some(answer);
            p.drafts.mpn_id = None;
        });
        placement.emit_step_completed("mpn-id", &journey.account_id());
        navigator.go(journey.next_screen());
    };
    let submit = move || {
        if pending.get_untracked() {
            return;
        }
        if keep.get_untracked() {
            answer(MpnAnswer::KeepOnFile);
            return;
        }
        let text = value.get_untracked();
        let Ok(id) = MpnId::parse(&text) else {
            attempts.update(|n| *n += 1);
            return;
        };
        if let Some(Ok(_)) = verdict(&text) {
            answer(MpnAnswer::NewId(text));
            return;
        }
        if cooldown.holds(js_sys::Date::now()) {
            attempts.update(|n| *n += 1);
            return;
        }
        pending.set(true);
        failure.set(None);
        announcer.say(locale.get_untracked().checking_mpn());
        let client = api.client();
        spawn_local(async move {
            let outcome = client.lookup_mpn(&id).await;
            pending.set(false);
            match outcome {
                Ok(record) => {
                    journey.new_mpn.set(Some(record));
                    if let Some(Ok(_)) = verdict(&text) {
                        answer(MpnAnswer::NewId(text));
                    } else {
                        attempts.update(|n| *n += 1);
                    }
                }
                Err(error) if cooldown.start(&error, js_sys::Date::now()) => {
                    attempts.update(|n| *n += 1);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let set_value = move |text: String| {
        value.set(text.clone());
        journey.update_progress(|p| p.drafts.mpn_id = Some(text));
    };

    let links = move || settings.get().links;
    let enrolment = match &stored {
        MpnStanding::MustEnrol(reason) => {
            let reason = *reason;
            let stored_text = stored_text.clone();
            Some(view! {
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
            })
        }
        MpnStanding::Usable { .. } => None,
    };

    let new_id_field = move || {
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
                    value=value
                    message=message
                    on_input=Callback::new(set_value)
                >
                    {text(Locale::mpn_new_hint)}
                </FieldInput>
            </div>
        }
    };

    let question = match on_file {
        Some((id, tenant)) => view! {
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
                                {move || locale.get().mpn_keep(&id, &tenant)}
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
                            <div class="pma-radios__conditional">{new_id_field}</div>
                        </Show>
                    </div>
                </fieldset>
            </div>
        }
        .into_any(),
        None => view! {
            <h1 class="pma-heading-xl" node_ref=heading tabindex="-1">
                {text(Locale::enrol_title)}
            </h1>
            {enrolment}
            {new_id_field}
        }
        .into_any(),
    };

    view! {
        <BackLink to=journey.question(Question::WorkEmail)/>
        <QuestionForm
            errors=errors
            attempts=attempts
            failure=failure
            pending=pending
            on_submit=Callback::new(move |()| submit())
        >
            {question}
        </QuestionForm>
    }
}
