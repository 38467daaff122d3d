//! One step of the offers checklist: its title, its guidance with links, and its items, each with
//! its state in words and, where the publisher attests it, the question they tick.

use assistant_core::checklist::{Checklist, ItemKey, ItemState, StepId, Task, Ticks};
use assistant_core::config::{HttpsUrl, Links};
use leptos::prelude::*;

use crate::checklist::ticks::TickState;
use crate::context::Settings;
use crate::i18n::{Locale, text, wording};
use crate::ui::external_link::ExternalLink;

/// What a step says: its title, its guidance, and its links (label, address).
#[derive(Debug, Clone, PartialEq)]
struct Guidance {
    title: &'static str,
    paragraphs: Vec<&'static str>,
    links: Vec<(&'static str, HttpsUrl)>,
}

/// The guidance of `step`, with the configured links.
fn guidance(locale: Locale, step: StepId, links: &Links) -> Guidance {
    let (title, paragraphs, links) = match step {
        StepId::PmcAccountMigrated => (
            locale.step_pmc_title(),
            vec![locale.step_pmc_guidance()],
            vec![
                (locale.link_pmc_profile(), links.pmc_profile.clone()),
                (locale.link_pmc_migration(), links.pmc_migration.clone()),
                (locale.link_pmc_support(), links.pmc_support.clone()),
            ],
        ),
        StepId::MarketplaceEnrolled => (
            locale.step_marketplace_title(),
            vec![locale.step_marketplace_guidance()],
            vec![
                (
                    locale.link_marketplace_overview(),
                    links.marketplace_overview.clone(),
                ),
                (
                    locale.link_marketplace_enrol(),
                    links.marketplace_enrol.clone(),
                ),
            ],
        ),
        StepId::OffersInAppSource => (
            locale.step_appsource_title(),
            vec![locale.step_appsource_guidance()],
            vec![
                (locale.link_appsource(), links.appsource_search.clone()),
                (
                    locale.link_new_customer_engagement(),
                    links.new_customer_engagement_offer.clone(),
                ),
                (
                    locale.link_new_operations(),
                    links.new_operations_offer.clone(),
                ),
            ],
        ),
        StepId::IsvAddendumAccepted => (
            locale.step_addendum_title(),
            vec![locale.step_addendum_guidance()],
            vec![(locale.link_agreements(), links.agreements.clone())],
        ),
        StepId::BillingProfileComplete => (
            locale.step_billing_title(),
            vec![locale.step_billing_guidance()],
            vec![(locale.link_billing(), links.billing_profile.clone())],
        ),
        StepId::OffersSubmitted => (
            locale.step_submit_title(),
            vec![
                locale.step_submit_guidance_screens(),
                locale.step_submit_guidance_premium(),
                locale.step_submit_guidance_platform(),
                locale.step_submit_guidance_go_live(),
            ],
            vec![],
        ),
    };
    Guidance {
        title,
        paragraphs,
        links,
    }
}

/// An item of a step: its key and what it asks.
#[derive(Debug, Clone, PartialEq)]
pub struct StepItem {
    /// The key its tick is saved under.
    pub key: ItemKey,
    /// What to do.
    pub task: Task,
}

/// One step with its items.
#[component]
pub fn ChecklistStep(
    /// Its place in the list, from 1.
    number: usize,
    /// Which step.
    step: StepId,
    /// Its items, each with the signal of where it stands.
    items: Vec<(StepItem, Standing)>,
    /// The ticks and their saving.
    state: TickState,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    let settings = expect_context::<Settings>();
    let content = move || {
        let locale = locale.get();
        settings.with(|s| guidance(locale, step, &s.links))
    };
    view! {
        <li class="pma-task-list__step" data-step=step.as_str()>
            <h2 class="pma-heading-m">{number} ". " {move || content().title}</h2>
            {move || {
                let Guidance { paragraphs, links, .. } = content();
                view! {
                    {match paragraphs.as_slice() {
                        [one] => view! { <p class="pma-body">{*one}</p> }.into_any(),
                        many => view! {
                            <ul class="pma-list pma-step-guidance">
                                {many.iter().map(|text| view! { <li>{*text}</li> }).collect_view()}
                            </ul>
                        }
                        .into_any(),
                    }}
                    {(step == StepId::OffersSubmitted).then(|| view! {
                        // What must happen by the deadline, in bold as in the source.
                        <p class="pma-body">
                            <strong data-submit-by="">
                                {move || {
                                    let locale = locale.get();
                                    locale.step_submit_deadline(&settings.offers_deadline(locale))
                                }}
                            </strong>
                        </p>
                    })}
                    {(!links.is_empty()).then(|| view! {
                        <ul class="pma-list pma-step-links">
                            {links.into_iter().map(|(label, href)| view! {
                                <li><ExternalLink href=href>{label}</ExternalLink></li>
                            }).collect_view()}
                        </ul>
                    })}
                }
            }}
            <ul class="pma-task-list__items">
                {items
                    .into_iter()
                    .map(|(item, standing)| view! { <ChecklistEntry item standing state/> })
                    .collect_view()}
            </ul>
        </li>
    }
}

/// How an item stands: its state, whether the publisher attests it, whether it is next, and
/// whether it is ticked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stand {
    state: ItemState,
    attested: bool,
    next: bool,
    ticked: bool,
}

/// Where one item stands, `None` until the checklist is evaluated.
pub type Standing = RwSignal<Option<Stand>>;

/// Where each item stands, a signal per item in the checklist's order: when the checklist is
/// evaluated again (a tick), only the items whose standing changed hear of it. (Each item reading
/// the whole evaluation made a tick on a checklist of 500 offers take 75 ms to reach its item, CPU
/// 4x: every item's code ran again for each tick.)
#[derive(Clone, Copy)]
pub struct Standings(StoredValue<Vec<(ItemKey, Standing)>>);

impl Standings {
    /// A signal for each of `keys` (the checklist's items, in order), set now and whenever
    /// `checklist` is evaluated again.
    pub fn follow(
        keys: impl IntoIterator<Item = ItemKey>,
        checklist: Memo<Option<Checklist>>,
        state: TickState,
    ) -> Self {
        let signals = keys
            .into_iter()
            .map(|key| (key, RwSignal::new(None)))
            .collect();
        let standings = Self(StoredValue::new(signals));
        standings.update(checklist, state, false);
        Effect::new(move |_| standings.update(checklist, state, true));
        standings
    }

    /// Sets each item's signal whose standing changed; `tracked` reads the checklist and the ticks
    /// as an effect's dependencies.
    fn update(self, checklist: Memo<Option<Checklist>>, state: TickState, tracked: bool) {
        let read = |list: &Option<Checklist>, ticks: &Ticks| {
            let Some(list) = list else { return };
            self.0.with_value(|signals| {
                // The same items in the same order (the checklist's shape is unchanged).
                for (item, (key, signal)) in list.items.iter().zip(signals) {
                    if item.key != *key {
                        continue;
                    }
                    let stand = Some(Stand {
                        state: item.state,
                        attested: item.self_attested,
                        next: list.next_action.as_ref() == Some(key),
                        ticked: ticks.contains(key),
                    });
                    if signal.get_untracked() != stand {
                        signal.set(stand);
                    }
                }
            });
        };
        if tracked {
            checklist.with(|list| state.with(|ticks| read(list, ticks)));
        } else {
            checklist.with_untracked(|list| state.with_untracked(|ticks| read(list, ticks)));
        }
    }

    /// The signal of the item at `index` in the checklist's order.
    pub fn at(&self, index: usize) -> Standing {
        self.0
            .with_value(|signals| signals.get(index).map(|(_, signal)| *signal))
            .unwrap_or_else(|| RwSignal::new(None))
    }
}

/// One item: what to do, where it stands, and the tick where the publisher attests it.
#[component]
fn ChecklistEntry(
    /// The item.
    item: StepItem,
    /// Where it stands.
    standing: Standing,
    /// The ticks.
    state: TickState,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    let StepItem { key, task } = item;
    let item_state = move || standing.get().map_or(ItemState::Blocked, |s| s.state);
    let attested = move || standing.get().is_some_and(|s| s.attested);
    let is_next = move || standing.get().is_some_and(|s| s.next);
    let task_text = {
        let task = task.clone();
        move || wording::task(locale.get(), &task)
    };
    let anchor = format!("item-{}", key.0);
    let tick = key.clone();
    view! {
        <li
            class="pma-task"
            class:pma-task--next=is_next
            id=anchor
            tabindex="-1"
            data-item=key.0.clone()
            data-state=move || item_state().as_str()
        >
            <span class="pma-task__name">{task_text}</span>
            <span class="pma-task__status">
                <strong
                    class="pma-tag"
                    class:pma-tag--green=move || item_state().is_done()
                    class:pma-tag--grey=move || item_state() == ItemState::Blocked
                >
                    {move || wording::item_state(locale.get(), item_state())}
                </strong>
                <Show when=is_next>
                    " " <strong class="pma-tag pma-tag--yellow">{text(Locale::next_action)}</strong>
                </Show>
            </span>
            <Show when=attested>
                <TickQuestion key=tick.clone() task=task.clone() standing state/>
            </Show>
        </li>
    }
}

/// The plain question a self-attested item closes with, answered by ticking it.
#[component]
fn TickQuestion(
    /// The item's key.
    key: ItemKey,
    /// What it asks.
    task: Task,
    /// Where it stands: whether it is ticked (as shown).
    standing: Standing,
    /// The ticks, to tick it.
    state: TickState,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    let tick_id = format!("tick-{}", key.0);
    view! {
        <fieldset class="pma-fieldset pma-tick">
            <legend class="pma-tick__question">
                {move || wording::tick_question(locale.get(), &task)}
            </legend>
            <div class="pma-checkboxes__item">
                <input
                    class="pma-checkboxes__input"
                    type="checkbox"
                    id=tick_id.clone()
                    prop:checked=move || standing.get().is_some_and(|s| s.ticked)
                    on:change=move |ev| state.set(key.clone(), event_target_checked(&ev))
                />
                <label class="pma-label pma-checkboxes__label" for=tick_id>
                    {text(Locale::tick_yes)}
                </label>
            </div>
        </fieldset>
    }
}
