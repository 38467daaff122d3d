//! The accounts overview: the viewer's CPP accounts with their migration status. One banner says
//! how many of them wait for the viewer to migrate them; each card shows its status and its one
//! action in the same place (start or continue, follow the migration, manage it in Partner
//! Center), and who can act where the viewer cannot.

use assistant_core::account::{Account, AccountId, MigrationStatus};
use assistant_core::flow::{Answers, Case, Question, Situation, assess};
use leptos::html;
use leptos::prelude::*;

use crate::backend::browser_idna::BrowserIdna;
use crate::context::{Api, NamedAccount, Settings};
use crate::i18n::{Locale, text};
use crate::journey::shelf::Shelf;
use crate::parts;
use crate::route::{Navigator, Screen, ScreenLink};
use crate::ui::external_link::ExternalLink;
use crate::ui::loaded::{Loaded, loading};
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
            None => loading(Locale::accounts_loading),
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
                let shelf = Shelf::of(&api.client());
                let cards: Vec<Card> = list
                    .into_iter()
                    .filter(|account| named.get().is_none_or(|named| named == account.id.as_str()))
                    .map(|account| Card::of(account, &shelf))
                    .collect();
                let total = cards.len();
                let waiting = cards.iter().filter(|card| card.case.awaits_the_owner()).count();
                view! {
                    {(waiting > 0).then(|| view! { <MustMigrateBanner waiting total/> })}
                    <ul class="pma-account-list">
                        {cards.into_iter().map(|card| view! { <AccountCard card/> }).collect_view()}
                    </ul>
                }
                    .into_any()
            }
        }}
    }
}

/// The one banner of the overview, as the source's yellow banner but for every account at once:
/// how many of the viewer's accounts wait for them, and the offers' deadline.
#[component]
fn MustMigrateBanner(
    /// How many accounts wait for the viewer to migrate them.
    waiting: usize,
    /// How many accounts the overview shows.
    total: usize,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    let settings = expect_context::<Settings>();
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    let date = move || settings.offers_deadline(locale.get());
    view! {
        <div class="pma-banner" role="region" aria-labelledby="pma-must-migrate" data-must-migrate="">
            <p class="pma-banner__label">{text(Locale::important)}</p>
            <h3 class="pma-banner__heading" id="pma-must-migrate">
                {move || locale.get().must_migrate_banner(count(waiting), count(total))}
            </h3>
            <p class="pma-body">{text(Locale::must_migrate_explanation)}</p>
            <p class="pma-body">{move || locale.get().must_migrate_offers_deadline(&date())}</p>
        </div>
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

/// One account of the overview, with the case of the source that applies to it for the viewer and
/// the screen its owner was on, when their progress is saved.
struct Card {
    account: Account,
    case: Case,
    resume: Option<Screen>,
}

impl Card {
    fn of(account: Account, shelf: &Shelf) -> Self {
        // A look only: a save that cannot be read is the journey's to report when the account
        // opens.
        let saved = shelf.glance(&account.id, js_sys::Date::now());
        if account.migration_status == MigrationStatus::Migrated
            && let Some(saved) = &saved
            && saved.holds_answers
        {
            // Migrated: what the owner typed for it is of no more use.
            shelf.save(
                &account.id,
                &saved.clone().without_answers(),
                js_sys::Date::now(),
            );
        }
        let situation = Situation {
            account: &account,
            stored_mpn: None,
            new_mpn: None,
            submitted_here: saved.as_ref().is_some_and(|p| p.idempotency_key.is_some()),
        };
        let case = assess(&situation, &Answers::default(), &BrowserIdna).case;
        let resume = saved
            .as_ref()
            .and_then(|p| p.screen.as_deref().map(Screen::from_path))
            .filter(|screen| screen.account() == Some(&account.id));
        Self {
            account,
            case,
            resume,
        }
    }
}

/// One account: its name and status, then its one action, in the same place on every card, then
/// what the viewer needs to know.
#[component]
fn AccountCard(
    /// The account and its case.
    card: Card,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    let settings = expect_context::<Settings>();
    let Card {
        account,
        case,
        resume,
    } = card;
    let id = account.id.clone();
    let status = account.migration_status;
    let name = StoredValue::new(account.name.clone());

    let (action, detail) = match case {
        _ if case.awaits_the_owner() => (
            Some(view! { <StartButton account=id.clone() name resume/> }.into_any()),
            None,
        ),
        Case::NotOwner => (
            None,
            Some(
                view! { <p class="pma-body">{move || name.with_value(|name| locale.get().not_owner_explanation(name))}</p> }
                    .into_any(),
            ),
        ),
        Case::AlreadyMigrated | Case::Completed => (
            Some(
                view! {
                    <ExternalLink href=Signal::derive(move || settings.get().links.manage_account)>
                        {move || name.with_value(|name| locale.get().manage_in_partner_center(name))}
                    </ExternalLink>
                }
                .into_any(),
            ),
            Some(view! { <p class="pma-body">{text(Locale::migrated_explanation)}</p> }.into_any()),
        ),
        Case::InProgress => (
            Some(
                view! {
                    <ScreenLink to=Screen::Migration(id.clone())>
                        {text(Locale::see_migration_status)}
                    </ScreenLink>
                }
                .into_any(),
            ),
            None,
        ),
        // The cases that wait for the owner, above.
        Case::NeedsWorkEmail
        | Case::NeedsMpnEnrolment
        | Case::ConfirmMpnId
        | Case::ReadyToSubmit
        | Case::Failed => (None, None),
    };
    let owner = case != Case::NotOwner;
    let checklist = Screen::OffersChecklist(id.clone());
    view! {
        <li class="pma-account-list__item" data-account=id.to_string()>
            <h3 class="pma-heading-m pma-account-list__name">{account.name}</h3>
            <p class="pma-account-list__status">
                <strong class="pma-tag" class:pma-tag--grey=status == MigrationStatus::NotMigrated>
                    {move || status_text(locale.get(), status)}
                </strong>
            </p>
            {action.map(|action| view! { <p class="pma-body pma-account-list__action" data-action="">{action}</p> })}
            {detail}
            <Show when=move || owner>
                <p class="pma-body">
                    <ScreenLink to=checklist.clone()>
                        {text(Locale::offers_checklist_link)}
                        // Each card's link tells its account, for a list of the page's links.
                        <span class="pma-visually-hidden">
                            " "
                            {move || name.with_value(|name| locale.get().offers_checklist_link_account(name))}
                        </span>
                    </ScreenLink>
                </p>
            </Show>
        </li>
    }
}

/// The owner's way to start the migration of an account, or to continue where they were.
#[component]
fn StartButton(
    /// The account.
    account: AccountId,
    /// Its name, for a screen reader's list of the page's buttons.
    name: StoredValue<String>,
    /// The screen the owner was on, when their progress is saved.
    resume: Option<Screen>,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    let navigator = expect_context::<Navigator>();
    let started = resume.is_some();
    let target = resume.unwrap_or(Screen::Question(account, Question::WorkEmail));
    let label = move || {
        let locale = locale.get();
        if started {
            locale.continue_migration()
        } else {
            locale.start_migration()
        }
    };
    // The name a screen reader gives begins with the visible label, and says which account.
    let accessible_name = move || {
        let of_account = name.with_value(|name| locale.get().migration_of_account(name));
        format!("{} {of_account}", label())
    };
    view! {
        <button
            type="button"
            class="pma-button pma-button--start"
            aria-label=accessible_name
            on:click=move |_| navigator.go(target.clone())
        >
            {label}
        </button>
    }
}
