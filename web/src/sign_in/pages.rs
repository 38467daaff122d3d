//! What a visitor who is not signed in sees: the start page, a page for each way signing in can
//! fail (each with the one action that helps), and, once signed in, who they are in the header.

use assistant_core::sign_in::SignInFailure;
use leptos::html;
use leptos::prelude::*;

use crate::i18n::{Locale, text};
use crate::ui::page::use_page;

/// The start page of a signed-out visitor: what the service is for, what they will need, and
/// the green Sign in button.
#[component]
pub fn StartPage(on_sign_in: Callback<()>) -> impl IntoView {
    let heading = NodeRef::<html::H1>::new();
    use_page(
        |locale| locale.app_name().into(),
        Signal::derive(|| false),
        heading,
    );
    view! {
        <h1 class="pma-heading-xl" node_ref=heading tabindex="-1">{text(Locale::app_name)}</h1>
        <p class="pma-body pma-lead">{text(Locale::start_lead)}</p>
        <h2 class="pma-heading-m">{text(Locale::sign_in_start_need)}</h2>
        <ul class="pma-list">
            <li>{text(Locale::sign_in_start_need_account)}</li>
            <li>{text(Locale::sign_in_start_need_mpn)}</li>
        </ul>
        <button
            type="button"
            class="pma-button pma-button--start"
            on:click=move |_| on_sign_in.run(())
        >
            {text(Locale::sign_in_button)}
        </button>
    }
}

/// The words of a failure's page: its title, what to do, and its Sign in button.
fn wording(failure: SignInFailure) -> [fn(Locale) -> &'static str; 3] {
    match failure {
        SignInFailure::Cancelled => [
            Locale::sign_in_cancelled_title,
            Locale::sign_in_cancelled_text,
            Locale::sign_in_button,
        ],
        SignInFailure::SessionEnded => [
            Locale::sign_in_ended_title,
            Locale::sign_in_ended_text,
            Locale::sign_in_again_button,
        ],
        SignInFailure::Unreachable => [
            Locale::sign_in_unreachable_title,
            Locale::sign_in_unreachable_text,
            Locale::sign_in_button,
        ],
        SignInFailure::NotStartedHere => [
            Locale::sign_in_not_started_here_title,
            Locale::sign_in_not_started_here_text,
            Locale::sign_in_button,
        ],
        SignInFailure::Refused => [
            Locale::sign_in_refused_title,
            Locale::sign_in_refused_text,
            Locale::sign_in_button,
        ],
    }
}

/// A page that says how signing in failed, with what helps: signing in at the provider's own
/// page, always; and trying again first when the sign-in service could not be reached, or after
/// it when it refused.
#[component]
pub fn SignInFailurePage(
    failure: SignInFailure,
    on_sign_in: Callback<()>,
    on_retry: Callback<()>,
) -> impl IntoView {
    let [title, what_to_do, sign_in] = wording(failure);
    let heading = NodeRef::<html::H1>::new();
    use_page(
        move |locale| title(locale).into(),
        Signal::derive(|| false),
        heading,
    );
    let try_again = |class: &'static str| {
        view! {
            <button type="button" class=class on:click=move |_| on_retry.run(())>
                {text(Locale::try_again)}
            </button>
        }
    };
    let sign_in_button = |class: &'static str| {
        view! {
            <button type="button" class=class on:click=move |_| on_sign_in.run(())>
                {text(sign_in)}
            </button>
        }
    };
    let buttons = match failure {
        SignInFailure::Unreachable => view! {
            {try_again("pma-button")}
            {sign_in_button("pma-button pma-button--secondary")}
        }
        .into_any(),
        SignInFailure::Refused => view! {
            {sign_in_button("pma-button")}
            {try_again("pma-button pma-button--secondary")}
        }
        .into_any(),
        _ => sign_in_button("pma-button").into_any(),
    };
    view! {
        <h1 class="pma-heading-xl" node_ref=heading tabindex="-1" data-failure=format!("{failure:?}")>
            {text(title)}
        </h1>
        <p class="pma-body">{text(what_to_do)}</p>
        <div class="pma-button-group">{buttons}</div>
    }
}

/// Who is signed in, and Sign out, whose hint says that it leaves nothing of theirs in this
/// browser, for the header.
#[component]
pub fn SignedInAs(name: String, on_sign_out: Callback<()>) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    view! {
        <div class="pma-header__account">
            <span class="pma-header__user">
                {move || locale.get().signed_in_as(&name)}
            </span>
            <button
                type="button"
                class="pma-link-button pma-header__sign-out"
                aria-describedby="pma-sign-out-hint"
                on:click=move |_| on_sign_out.run(())
            >
                {text(Locale::sign_out_button)}
            </button>
            <span id="pma-sign-out-hint" class="pma-header__hint">
                {text(Locale::sign_out_hint)}
            </span>
        </div>
    }
}
