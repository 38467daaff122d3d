//! The offers checklist (SPEC §2.5): the deadline and how it stands, the six steps in order with
//! their guidance and links, an item per offer where a step is per offer, the offers that do not
//! move and why, progress, and the one next action. The ticks (`ticks`) save optimistically;
//! each step and its items are drawn by `step`.

pub mod step;
pub mod ticks;

use assistant_core::account::AccountId;
use assistant_core::api::ChecklistTicks;
use assistant_core::checklist::{
    self, Checklist, DeadlineStatus, ExcludedOffer, ItemKey, STEPS, StepId, Task,
};
use assistant_core::date::Date;
use assistant_core::offer::{Offer, Readiness};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::backend::client::{Client, ClientError};
use crate::checklist::step::{ChecklistStep, Standings, StepItem};
use crate::checklist::ticks::TickState;
use crate::context::{Api, Settings};
use crate::i18n::{Locale, text, wording};
use crate::placement::Placement;
use crate::route::Screen;
use crate::ui::error_summary::focus_field;
use crate::ui::page::{Announcer, BackLink, ProblemPanel, use_page};
use crate::ui::progress_bar::ProgressBar;

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

/// The list's shape: which items there are in which step, and the offers that do not move. It
/// changes only when the items do, not when a tick changes their states: the page is drawn once
/// and each item follows its own state (focus stays on a ticked box).
#[derive(Debug, Clone, PartialEq)]
struct Shape {
    items: Vec<(StepId, StepItem)>,
    excluded: Vec<ExcludedOffer>,
}

impl Shape {
    fn of(list: &Checklist) -> Self {
        Self {
            items: list
                .items
                .iter()
                .map(|i| {
                    let item = StepItem {
                        key: i.key.clone(),
                        task: i.task.clone(),
                    };
                    (i.step, item)
                })
                .collect(),
            excluded: list.excluded.clone(),
        }
    }
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

    let facts = RwSignal::new(None::<Facts>);
    let failure = RwSignal::new(None::<ClientError>);
    let state = TickState::new(account_id.clone());
    let id = StoredValue::new(account_id);
    let load = move || {
        failure.set(None);
        let client = api.client();
        spawn_local(async move {
            match load_facts(&client, &id.get_value()).await {
                Ok((loaded, etag, ticks)) => {
                    let tickable = checklist::tickable(&loaded.offers, &loaded.readiness);
                    state.loaded(etag, ticks, tickable);
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
            let facts = facts.as_ref()?;
            Some(state.with(|ticks| {
                checklist::evaluate(&facts.offers, &facts.readiness, ticks, deadline, today)
            }))
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
    let shape = Memo::new(move |_| checklist.with(|list| list.as_ref().map(Shape::of)));

    view! {
        <BackLink to=Screen::Overview/>
        <h1 class="pma-heading-xl" node_ref=heading tabindex="-1">{text(Locale::checklist_title)}</h1>
        <p class="pma-body-l">{text(Locale::checklist_lead)}</p>
        <Deadline checklist/>
        {move || failure.get().map(|error| view! { <ProblemPanel error=error on_retry=Callback::new(move |()| load())/> })}
        <TickNotSaved state/>
        {move || match shape.get() {
            None => view! { <p class="pma-body" role="status">{locale.get().checklist_loading()}</p> }.into_any(),
            Some(shape) => view! { <ChecklistBody shape checklist state/> }.into_any(),
        }}
        <p class="pma-body pma-no-print">
            <button type="button" class="pma-link-button" on:click=move |_| { let _ = window().print(); }>
                {text(Locale::print_page)}
            </button>
        </p>
    }
}

/// How the deadline stands, in words.
#[derive(Debug, Clone, PartialEq)]
struct DeadlineStanding {
    /// How it stands ("2,598 days ago").
    text: String,
    /// Whether it has passed.
    overdue: bool,
}

/// The deadline, how it stands, and, once it has passed, what that means.
#[component]
fn Deadline(
    /// The evaluated checklist, for how the deadline stands today.
    checklist: Memo<Option<Checklist>>,
) -> impl IntoView {
    let settings = expect_context::<Settings>();
    let locale = expect_context::<RwSignal<Locale>>();
    let date = move || settings.offers_deadline(locale.get());
    let standing = move || {
        let status = checklist.with(|c| c.as_ref().map(|c| c.deadline))?;
        Some(DeadlineStanding {
            text: wording::deadline(locale.get(), status),
            overdue: matches!(status, DeadlineStatus::Overdue(_)),
        })
    };
    view! {
        <div class="pma-deadline">
            <p class="pma-body">
                {text(Locale::deadline_label)} " "
                <strong data-deadline="">{date}</strong>
                {move || standing().map(|standing| view! {
                    " " <strong class="pma-tag" class:pma-tag--red=standing.overdue data-deadline-status="">{standing.text}</strong>
                })}
            </p>
            <Show when=move || standing().is_some_and(|s| s.overdue)>
                <p class="pma-body">{text(Locale::deadline_passed_explanation)}</p>
            </Show>
        </div>
    }
}

/// A tick that could not be saved (it is back as it was): why, and the way to save it again.
#[component]
fn TickNotSaved(
    /// The ticks.
    state: TickState,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    move || {
        state.failure.get().map(|failed| {
            view! {
                <div class="pma-problem" role="alert">
                    <p class="pma-body">{failed.words(locale.get())}</p>
                    <button type="button" class="pma-button pma-button--secondary" on:click=move |_| state.retry()>
                        {locale.get().try_again()}
                    </button>
                </div>
            }
        })
    }
}

/// The checklist once loaded: progress and the next action, the steps with their items, and the
/// offers that do not move.
#[component]
fn ChecklistBody(
    /// Which items there are, and the offers that do not move.
    shape: Shape,
    /// The evaluated checklist.
    checklist: Memo<Option<Checklist>>,
    /// The ticks.
    state: TickState,
) -> impl IntoView {
    let Shape { items, excluded } = shape;
    let applies = !items.is_empty();
    let done = Signal::derive(move || checklist.with(|c| c.as_ref().map_or(0, |c| c.done)));
    let total = Signal::derive(move || checklist.with(|c| c.as_ref().map_or(0, |c| c.total)));
    let standings = Standings::follow(
        items.iter().map(|(_, item)| item.key.clone()),
        checklist,
        state,
    );
    let steps = STEPS
        .iter()
        .enumerate()
        .map(|(index, step)| {
            let items: Vec<_> = items
                .iter()
                .enumerate()
                .filter(|(_, (item_step, _))| *item_step == step.id)
                .map(|(at, (_, item))| (item.clone(), standings.at(at)))
                .collect();
            view! { <ChecklistStep number=index + 1 step=step.id items state/> }
        })
        .collect_view();
    view! {
        {(!applies).then(|| view! { <p class="pma-body">{text(Locale::checklist_no_offers)}</p> })}
        {applies.then(|| view! {
            <ProgressBar done total/>
            <NextAction checklist/>
            <ol class="pma-task-list">{steps}</ol>
        })}
        {(!excluded.is_empty()).then(|| view! { <ExcludedOffers excluded/> })}
    }
}

/// The one thing to do next, as a link to its item.
#[component]
fn NextAction(
    /// The evaluated checklist.
    checklist: Memo<Option<Checklist>>,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    let placement = expect_context::<Placement>();
    let next = move || {
        checklist.with(|list| {
            let list = list.as_ref()?;
            let key = list.next_action.as_ref()?;
            let item = list.items.iter().find(|i| &i.key == key)?;
            Some((key.clone(), item.task.clone()))
        })
    };
    move || {
        next().map(|(key, task): (ItemKey, Task)| {
            let anchor = format!("item-{}", key.0);
            let target = anchor.clone();
            view! {
                <div class="pma-next-action">
                    <p class="pma-next-action__label">{locale.get().next_action()}</p>
                    <p class="pma-body">
                        <a
                            class="pma-link"
                            href=format!("#{anchor}")
                            on:click=move |ev| {
                                ev.prevent_default();
                                focus_field(placement, &target);
                            }
                        >
                            {wording::task(locale.get(), &task)}
                        </a>
                    </p>
                </div>
            }
        })
    }
}

/// The offers the move does not apply to, each with why.
#[component]
fn ExcludedOffers(
    /// The offers.
    excluded: Vec<ExcludedOffer>,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    view! {
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
    }
}
