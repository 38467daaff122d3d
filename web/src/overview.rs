//! The accounts overview: the viewer's CPP accounts with their migration status. An owner of an
//! account that must move sees a banner with the way to start (or continue); everyone else sees
//! the status and who can act.

use assistant_core::account::{Account, AccountId, MigrationStatus};
use assistant_core::flow::{Answers, Case, Question, Situation, assess};
use leptos::html;
use leptos::prelude::*;

use crate::backend::browser_idna::BrowserIdna;
use crate::backend::client::path_segment;
use crate::context::{Api, NamedAccount, Settings};
use crate::i18n::{Locale, text};
use crate::journey::shelf::Shelf;
use crate::parts;
use crate::route::{Navigator, Screen, ScreenLink};
use crate::ui::external_link::ExternalLink;
use crate::ui::loaded::Loaded;
use crate::ui::page::{ProblemPanel, use_page};

fn status_text(locale: Locale, status: MigrationStatus) -> &'static str {
    match status {
        MigrationStatus::NotMigrated => locale.status_not_migrated(),
        MigrationStatus::InProgress => locale.status_in_progress(),
        MigrationStatus::Migrated => locale.status_migrated(),
        MigrationStatus::Failed => locale.status_failed(),
    }
}

/// The overview page.
#[component]
pub fn AccountsOverview() -> impl IntoView {
    let api = expect_context::<Api>();
    let locale = expect_context::<RwSignal<Locale>>();
    let named = expect_context::<NamedAccount>().0;
    let accounts = Loaded::new(move || {
        let client = api.client();
        async move { client.accounts().await }
    });
    let heading = NodeRef::<html::H1>::new();
    use_page(
        |locale| locale.overview_title().into(),
        Signal::derive(|| false),
        heading,
    );
    view! {
        <h1 class="pma-heading-xl" node_ref=heading tabindex="-1">
            {text(Locale::start_heading)}
        </h1>
        <p class="pma-body-l">{text(Locale::start_lead)}</p>
        <h2 class="pma-heading-l">{text(Locale::accounts_heading)}</h2>
        {move || match accounts.get() {
            None => {
                view! { <p class="pma-body" role="status">{locale.get().accounts_loading()}</p> }
                    .into_any()
            }
            Some(Err(error)) => {
                view! {
                    <ProblemPanel error=error on_retry=Callback::new(move |()| accounts.reload())/>
                }
                    .into_any()
            }
            Some(Ok(list)) => {
                // The first screen has shown: the next page's code comes while the owner reads it.
                parts::preload_next();
                if list.is_empty() {
                    return view! { <NoAccounts/> }.into_any();
                }
                // One shelf for every card: its name is the API's address, resolved once, and the
                // person's, known once the accounts were asked for.
                let shelf = StoredValue::new(Shelf::of(&api.client()));
                let shown: Vec<Account> = list
                    .into_iter()
                    .filter(|account| named.get().is_none_or(|named| named == account.id.as_str()))
                    .collect();
                view! {
                    <ul class="pma-account-list">
                        {shown
                            .into_iter()
                            .map(|account| view! { <AccountCard account shelf=shelf.get_value()/> })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }
        }}
    }
}

/// No account lists the viewer: why, in one sentence, and, to a person the app signed in, what to
/// do (sign in with the account that CPP knows).
#[component]
fn NoAccounts() -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    let person = expect_context::<Api>().client().person();
    let why = person
        .as_ref()
        .filter(|person| !person.address_verified)
        .and_then(|person| person.address.clone());
    view! {
        <p class="pma-body" data-no-accounts="">
            {move || match &why {
                Some(email) => locale.get().accounts_none_unverified(email),
                None => locale.get().accounts_none().to_owned(),
            }}
        </p>
        {person.is_some().then(|| view! {
            <p class="pma-body">{text(Locale::accounts_none_what_to_do)}</p>
        })}
    }
}

/// One account: its name, status, and what the viewer can do with it.
#[component]
fn AccountCard(
    /// The account.
    account: Account,
    /// Where the saved progress of the API's accounts is.
    shelf: Shelf,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    let settings = expect_context::<Settings>();
    let id = account.id.clone();
    // A look only: a save that cannot be read is the journey's to report when the account opens.
    let saved = shelf.glance(&id, js_sys::Date::now());
    if account.migration_status == MigrationStatus::Migrated
        && let Some(saved) = &saved
        && saved.holds_answers
    {
        // Migrated: what the owner typed for it is of no more use.
        shelf.save(&id, &saved.clone().without_answers(), js_sys::Date::now());
    }
    let situation = Situation {
        account: &account,
        stored_mpn: None,
        new_mpn: None,
        submitted_here: saved.as_ref().is_some_and(|p| p.idempotency_key.is_some()),
    };
    let case = assess(&situation, &Answers::default(), &BrowserIdna).case;
    let status = account.migration_status;
    let name = account.name.clone();

    let detail = match case {
        Case::NotOwner => {
            view! { <p class="pma-body">{move || locale.get().not_owner_explanation(&name)}</p> }
                .into_any()
        }
        Case::AlreadyMigrated | Case::Completed => view! {
            <p class="pma-body">{text(Locale::migrated_explanation)}</p>
            <p class="pma-body">
                <ExternalLink href=Signal::derive(move || settings.get().links.manage_account)>
                    {move || locale.get().manage_in_partner_center(&name)}
                </ExternalLink>
            </p>
        }
        .into_any(),
        Case::InProgress => view! {
            <p class="pma-body">
                <ScreenLink to=Screen::Migration(id.clone())>
                    {text(Locale::see_migration_status)}
                </ScreenLink>
            </p>
        }
        .into_any(),
        Case::NeedsWorkEmail
        | Case::NeedsMpnEnrolment
        | Case::ConfirmMpnId
        | Case::ReadyToSubmit
        | Case::Failed => {
            // Where the owner was, when their saved progress says so.
            let resume = saved
                .as_ref()
                .and_then(|p| p.screen.as_deref().map(Screen::from_path))
                .filter(|screen| screen.account() == Some(&id));
            view! { <MustMoveBanner account=id.clone() resume/> }.into_any()
        }
    };
    let owner = case != Case::NotOwner;
    let link_name = StoredValue::new(account.name.clone());
    let checklist = Screen::OffersChecklist(id.clone());
    view! {
        <li class="pma-account-list__item" data-account=id.to_string()>
            <h3 class="pma-heading-m pma-account-list__name">{account.name}</h3>
            <strong class="pma-tag" class:pma-tag--grey=status == MigrationStatus::NotMigrated>
                {move || status_text(locale.get(), status)}
            </strong>
            {detail}
            <Show when=move || owner>
                <p class="pma-body">
                    <ScreenLink to=checklist.clone()>
                        {text(Locale::offers_checklist_link)}
                        // Each card's link tells its account, for a list of the page's links.
                        <span class="pma-visually-hidden">
                            " "
                            {move || link_name.with_value(|name| locale.get().offers_checklist_link_account(name))}
                        </span>
                    </ScreenLink>
                </p>
            </Show>
        </li>
    }
}

/// The owner's banner of an account that must move, as in Cloud Partner Portal: the way to start,
/// or to continue where they were.
#[component]
fn MustMoveBanner(
    /// The account.
    account: AccountId,
    /// The screen the owner was on, when their progress is saved.
    resume: Option<Screen>,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    let navigator = expect_context::<Navigator>();
    let banner_id = format!("pma-banner-{}", path_segment(&account));
    let labelled_by = banner_id.clone();
    let started = resume.is_some();
    let target = resume.unwrap_or(Screen::Question(account, Question::WorkEmail));
    view! {
        <div class="pma-banner" role="region" aria-labelledby=labelled_by>
            <p class="pma-banner__label">{text(Locale::important)}</p>
            <h4 class="pma-banner__heading" id=banner_id>
                {text(Locale::must_move_banner)}
            </h4>
            <p class="pma-body">{text(Locale::must_move_explanation)}</p>
            <button
                type="button"
                class="pma-button pma-button--start"
                on:click=move |_| navigator.go(target.clone())
            >
                {move || {
                    if started {
                        locale.get().continue_migration()
                    } else {
                        locale.get().start_migration()
                    }
                }}
            </button>
        </div>
    }
}
