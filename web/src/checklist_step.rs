//! One step of the offers checklist: its title, its guidance with links, and its items, each with
//! its state in words and, where the publisher attests it, the question they tick.

use assistant_core::account::AccountId;
use assistant_core::checklist::{Checklist, ItemKey, ItemState, StepId, Task};
use assistant_core::config::{HttpsUrl, Links};
use leptos::prelude::*;

use crate::app::{Api, Settings};
use crate::external_link::ExternalLink;
use crate::i18n::{Locale, text};
use crate::offers_checklist::{TickState, set_tick};
use crate::wording;

/// A step's title, guidance and links (label, address).
fn guidance(
    locale: Locale,
    step: StepId,
    links: &Links,
) -> (
    &'static str,
    Vec<&'static str>,
    Vec<(&'static str, HttpsUrl)>,
) {
    match step {
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
    }
}

/// One step with its items.
#[component]
pub fn ChecklistStep(
    /// Its place in the list, from 1.
    number: usize,
    /// Which step.
    step: StepId,
    /// Its items: key and task.
    items: Vec<(ItemKey, Task)>,
    /// The evaluated checklist, for the items' states.
    checklist: Memo<Option<Checklist>>,
    /// The ticks and their saving.
    state: TickState,
    /// The account.
    account_id: AccountId,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    let settings = expect_context::<Settings>();
    let content = move || {
        let locale = locale.get();
        settings.with(|s| guidance(locale, step, &s.links))
    };
    let account_id = StoredValue::new(account_id);
    view! {
        <li class="pma-task-list__step" data-step=step.as_str()>
            <h2 class="pma-heading-m">{number} ". " {move || content().0}</h2>
            {move || {
                let (_, paragraphs, links) = content();
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
                    .map(|(key, task)| view! { <ChecklistEntry key task checklist state account_id=account_id.get_value()/> })
                    .collect_view()}
            </ul>
        </li>
    }
}

/// One item: what to do, where it stands, and the tick where the publisher attests it.
#[component]
fn ChecklistEntry(
    key: ItemKey,
    task: Task,
    checklist: Memo<Option<Checklist>>,
    state: TickState,
    account_id: AccountId,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    let api = expect_context::<Api>();
    let item = {
        let key = key.clone();
        Memo::new(move |_| {
            checklist.with(|list| {
                list.as_ref().and_then(|list| {
                    let item = list.items.iter().find(|i| i.key == key)?;
                    Some((
                        item.state,
                        item.self_attested,
                        list.next_action.as_ref() == Some(&key),
                    ))
                })
            })
        })
    };
    let item_state = move || item.get().map_or(ItemState::Blocked, |(s, _, _)| s);
    let attested = move || item.get().is_some_and(|(_, a, _)| a);
    let is_next = move || item.get().is_some_and(|(_, _, n)| n);
    let anchor = format!("item-{}", key.0);
    let tick_id = format!("tick-{}", key.0);
    let task_text = {
        let task = task.clone();
        move || wording::task(locale.get(), &task)
    };
    let ticked = {
        let key = key.clone();
        move || state.is_ticked(&key)
    };
    let on_change = {
        let key = key.clone();
        move |ev: leptos::ev::Event| {
            let checked = event_target_checked(&ev);
            set_tick(api, account_id.clone(), state, key.clone(), checked);
        }
    };
    let label_id = tick_id.clone();
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
                <fieldset class="pma-fieldset pma-tick">
                    <legend class="pma-tick__question">
                        {
                            let task = task.clone();
                            move || wording::tick_question(locale.get(), &task)
                        }
                    </legend>
                    <div class="pma-checkboxes__item">
                        <input
                            class="pma-checkboxes__input"
                            type="checkbox"
                            id=tick_id.clone()
                            prop:checked=ticked.clone()
                            on:change=on_change.clone()
                        />
                        <label class="pma-label pma-checkboxes__label" for=label_id.clone()>
                            {text(Locale::tick_yes)}
                        </label>
                    </div>
                </fieldset>
            </Show>
        </li>
    }
}
