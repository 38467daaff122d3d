//! The offers checklist (SPEC §2.5): the deadline and how it stands, the six steps in order with
//! their guidance and links, an item per offer where a step is per offer, the offers that do not
//! move and why, progress, and the one next action. Ticks save optimistically: a failure rolls
//! the tick back and says why; a conflict (412) reloads the ticks and applies the change again.

use std::collections::BTreeSet;

use assistant_core::account::AccountId;
use assistant_core::api::{ChecklistTicks, ProblemCode};
use assistant_core::checklist::{self, DeadlineStatus, ItemKey, STEPS};
use assistant_core::date::Date;
use assistant_core::offer::{Offer, Readiness};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::{Api, Settings};
use crate::checklist_step::ChecklistStep;
use crate::client::{Client, ClientError};
use crate::i18n::{Locale, text};
use crate::page::{Announcer, BackLink, ProblemPanel, use_page};
use crate::progress_bar::ProgressBar;
use crate::route::Screen;
use crate::wording;

/// Today, in the browser's time zone.
fn today() -> Date {
    let now = js_sys::Date::new_0();
    let part = |value: u32| u8::try_from(value).unwrap_or(1);
    Date::new(
        i32::try_from(now.get_full_year()).unwrap_or(2000),
        part(now.get_month() + 1),
        part(now.get_date()),
    )
    .unwrap_or_else(|_| Date::new(2000, 1, 1).expect("a real day"))
}

/// What the checklist is made from, as the API gave it.
#[derive(Debug, Clone, PartialEq)]
struct Facts {
    offers: Vec<Offer>,
    readiness: Readiness,
}

async fn load_facts(
    client: &Client,
    id: &AccountId,
) -> Result<(Facts, String, ChecklistTicks), ClientError> {
    let offers = client.offers(id).await?;
    let readiness = client.readiness(id).await?;
    let (etag, ticks) = client.checklist(id).await?;
    Ok((Facts { offers, readiness }, etag, ticks))
}

/// The ticks as saved, and as shown (the shown ones may be ahead while a save is on its way).
#[derive(Clone, Copy)]
pub struct TickState {
    ticks: RwSignal<ChecklistTicks>,
    etag: RwSignal<String>,
    /// The save that failed, to say so and to try again.
    failure: RwSignal<Option<(ItemKey, bool, ClientError)>>,
    saving: RwSignal<bool>,
    /// The items the publisher ticks (the core's answer for the account's offers and readiness):
    /// a saved tick of any other item (Partner Center tells its state now) is left out of saves.
    tickable: RwSignal<BTreeSet<ItemKey>>,
    /// Where to tell the host of a saved tick.
    placement: crate::placement::Placement,
}

impl TickState {
    /// Whether an item is ticked (as shown).
    pub fn is_ticked(&self, key: &ItemKey) -> bool {
        self.ticks.with(|t| t.ticks.contains(key))
    }
}

fn apply(ticks: &mut ChecklistTicks, key: &ItemKey, ticked: bool) {
    if ticked {
        ticks.ticks.0.insert(key.clone());
    } else {
        ticks.ticks.0.remove(key);
    }
}

/// The ticks of items the publisher ticks, only.
fn only_tickable(ticks: ChecklistTicks, tickable: &BTreeSet<ItemKey>) -> ChecklistTicks {
    let mut kept = ChecklistTicks::default();
    for key in ticks.ticks.0 {
        if tickable.contains(&key) {
            kept.ticks.0.insert(key);
        }
    }
    kept
}

/// Ticks or unticks an item: shown at once, then saved; a conflict reloads and applies it again
/// (once), another failure puts the tick back as it was and says why.
pub fn set_tick(api: Api, account_id: AccountId, state: TickState, key: ItemKey, ticked: bool) {
    state.ticks.update(|t| apply(t, &key, ticked));
    state.failure.set(None);
    state.saving.set(true);
    let client = api.client();
    spawn_local(async move {
        let mut etag = state.etag.get_untracked();
        let mut outcome = client
            .save_checklist(&account_id, &etag, &state.ticks.get_untracked())
            .await;
        if let Err(ClientError::Problem(problem)) = &outcome
            && problem.code == ProblemCode::PreconditionFailed
        {
            outcome = match client.checklist(&account_id).await {
                Ok((fresh_etag, fresh)) => {
                    let mut fresh = state.tickable.with_untracked(|t| only_tickable(fresh, t));
                    apply(&mut fresh, &key, ticked);
                    etag = fresh_etag;
                    state.ticks.set(fresh.clone());
                    client.save_checklist(&account_id, &etag, &fresh).await
                }
                Err(error) => Err(error),
            };
        }
        state.saving.set(false);
        match outcome {
            Ok(new_etag) => {
                state.etag.set(new_etag);
                state.placement.emit(
                    "checklist-item-changed",
                    &[
                        ("account", account_id.as_str().into()),
                        ("item", key.0.as_str().into()),
                        ("done", ticked.into()),
                    ],
                );
            }
            Err(error) => {
                state.ticks.update(|t| apply(t, &key, !ticked));
                state.failure.set(Some((key, ticked, error)));
            }
        }
    });
}

/// The checklist screen.
#[component]
pub fn OffersChecklist(
    /// The account.
    account_id: AccountId,
) -> impl IntoView {
    let api = expect_context::<Api>();
    let settings = expect_context::<Settings>();
    let locale = expect_context::<RwSignal<Locale>>();
    let announcer = expect_context::<Announcer>();
    let placement = expect_context::<crate::placement::Placement>();

    let facts = RwSignal::new(None::<Facts>);
    let failure = RwSignal::new(None::<ClientError>);
    let state = TickState {
        ticks: RwSignal::new(ChecklistTicks::default()),
        etag: RwSignal::new(String::new()),
        failure: RwSignal::new(None),
        saving: RwSignal::new(false),
        tickable: RwSignal::new(BTreeSet::new()),
        placement,
    };
    let id = StoredValue::new(account_id);
    let load = move || {
        failure.set(None);
        let client = api.client();
        spawn_local(async move {
            match load_facts(&client, &id.get_value()).await {
                Ok((loaded, etag, ticks)) => {
                    let tickable = checklist::tickable(&loaded.offers, &loaded.readiness);
                    state.etag.set(etag);
                    state.ticks.set(only_tickable(ticks, &tickable));
                    state.tickable.set(tickable);
                    facts.set(Some(loaded));
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    load();

    let today = today();
    let checklist = Memo::new(move |_| {
        let deadline = settings.with(|s| s.offers_deadline);
        facts.with(|facts| {
            facts.as_ref().map(|facts| {
                state.ticks.with(|t| {
                    checklist::evaluate(&facts.offers, &facts.readiness, &t.ticks, deadline, today)
                })
            })
        })
    });
    Effect::new(move |was_saving: Option<bool>| {
        let saving = state.saving.get();
        if saving {
            announcer.say(locale.get_untracked().saving());
        } else if was_saving == Some(true) && state.failure.with_untracked(Option::is_none) {
            announcer.say(locale.get_untracked().tick_saved());
        }
        saving
    });

    let heading = NodeRef::<html::H1>::new();
    use_page(
        |locale| locale.checklist_title().into(),
        Signal::derive(|| false),
        heading,
    );

    let retry_tick = move || {
        if let Some((key, ticked, _)) = state.failure.get_untracked() {
            set_tick(api, id.get_value(), state, key, ticked);
        }
    };
    let deadline = move || {
        let locale = locale.get();
        let (date, status) =
            settings.with(|s| (s.offers_deadline, checklist.get().map(|c| c.deadline)));
        (
            wording::date(locale, date),
            status.map(|s| {
                (
                    wording::deadline(locale, s),
                    matches!(s, DeadlineStatus::Overdue(_)),
                )
            }),
        )
    };

    // The list's shape changes only when the items do, not when a tick changes their states: the
    // page is drawn once and each item follows its own state (focus stays on a ticked box).
    let shape = Memo::new(move |_| {
        checklist.with(|list| {
            list.as_ref().map(|list| {
                let items: Vec<_> = list
                    .items
                    .iter()
                    .map(|i| (i.key.clone(), i.step, i.task.clone()))
                    .collect();
                (items, list.excluded.clone())
            })
        })
    });
    let done = Signal::derive(move || checklist.with(|c| c.as_ref().map_or(0, |c| c.done)));
    let total = Signal::derive(move || checklist.with(|c| c.as_ref().map_or(0, |c| c.total)));
    let next_action = move || {
        checklist.with(|list| {
            let list = list.as_ref()?;
            let key = list.next_action.as_ref()?;
            let item = list.items.iter().find(|i| &i.key == key)?;
            Some((key.0.clone(), wording::task(locale.get(), &item.task)))
        })
    };
    let body = move || {
        let Some((items, excluded)) = shape.get() else {
            return view! { <p class="pma-body" role="status">{locale.get().checklist_loading()}</p> }.into_any();
        };
        let applies = !items.is_empty();
        let steps = STEPS
            .iter()
            .enumerate()
            .map(|(index, step)| {
                let items: Vec<_> = items
                    .iter()
                    .filter(|(_, item_step, _)| *item_step == step.id)
                    .map(|(key, _, task)| (key.clone(), task.clone()))
                    .collect();
                view! {
                    <ChecklistStep number=index + 1 step=step.id items checklist state account_id=id.get_value()/>
                }
            })
            .collect_view();
        view! {
            {(!applies).then(|| view! { <p class="pma-body">{text(Locale::checklist_no_offers)}</p> })}
            {applies.then(|| view! {
                <ProgressBar done total/>
                {move || next_action().map(|(anchor, text)| view! {
                    <div class="pma-next-action">
                        <p class="pma-next-action__label">{locale.get().next_action()}</p>
                        <p class="pma-body">
                            <a
                                class="pma-link"
                                href=format!("#item-{anchor}")
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    crate::error_summary::focus_field(placement, &format!("item-{anchor}"));
                                }
                            >
                                {text}
                            </a>
                        </p>
                    </div>
                })}
                <ol class="pma-task-list">{steps}</ol>
            })}
            {(!excluded.is_empty()).then(|| view! {
                <h2 class="pma-heading-m">{text(Locale::excluded_heading)}</h2>
                <ul class="pma-list pma-excluded">
                    {excluded.into_iter().map(|e| {
                        let reason = e.reason;
                        view! {
                            <li data-excluded="">
                                // Isolated: an override in the name cannot reorder the reason.
                                <strong><bdi>{e.offer.name}</bdi></strong>": "
                                {move || wording::exclusion(locale.get(), reason)}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
        }
        .into_any()
    };

    view! {
        <BackLink to=Screen::Overview/>
        <h1 class="pma-heading-xl" node_ref=heading tabindex="-1">{text(Locale::checklist_title)}</h1>
        <div class="pma-deadline">
            <p class="pma-body">
                {text(Locale::deadline_label)} " "
                <strong data-deadline="">{move || deadline().0}</strong>
                {move || deadline().1.map(|(text, overdue)| view! {
                    " " <strong class="pma-tag" class:pma-tag--red=overdue data-deadline-status="">{text}</strong>
                })}
            </p>
            <Show when=move || matches!(deadline().1, Some((_, true)))>
                <p class="pma-body">{text(Locale::deadline_passed_explanation)}</p>
            </Show>
        </div>
        {move || failure.get().map(|error| view! { <ProblemPanel error=error on_retry=Callback::new(move |()| load())/> })}
        {move || state.failure.get().map(|(_, _, error)| view! {
            <div class="pma-problem" role="alert">
                <p class="pma-body">{locale.get().tick_not_saved()}" "{wording::client_error(locale.get(), &error)}</p>
                <button type="button" class="pma-button pma-button--secondary" on:click=move |_| retry_tick()>
                    {locale.get().try_again()}
                </button>
            </div>
        })}
        {body}
        <p class="pma-body pma-no-print">
            <button type="button" class="pma-link-button" on:click=move |_| { let _ = window().print(); }>
                {text(Locale::print_page)}
            </button>
        </p>
    }
}
