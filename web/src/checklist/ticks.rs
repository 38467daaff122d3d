//! The publisher's ticks: shown at once, then saved with the version last read (`If-Match`); a
//! conflict (412) reloads the ticks and applies the change again, once; another failure puts the
//! tick back as it was and says why.

use std::collections::BTreeSet;

use assistant_core::account::AccountId;
use assistant_core::api::{ChecklistTicks, ProblemCode};
use assistant_core::checklist::{ItemKey, Ticks};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::backend::client::ClientError;
use crate::context::Api;
use crate::host_event::HostEvent;
use crate::i18n::{Locale, wording};
use crate::placement::Placement;

/// A tick that could not be saved: the item, whether it was ticked or unticked, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedTick {
    /// The item.
    pub item: ItemKey,
    /// Whether the publisher ticked it (or unticked it).
    pub ticked: bool,
    /// Why it was not saved.
    pub error: ClientError,
}

impl FailedTick {
    /// What the publisher reads: that the tick was not saved, and why.
    pub fn words(&self, locale: Locale) -> String {
        format!(
            "{} {}",
            locale.tick_not_saved(),
            wording::client_error(locale, &self.error)
        )
    }
}

/// The ticks of an account's checklist, as saved and as shown (the shown ones may be ahead while a
/// save is on its way).
#[derive(Clone, Copy)]
pub struct TickState {
    account: StoredValue<AccountId>,
    api: Api,
    /// Where to tell the host of a saved tick, or of one that could not be saved.
    placement: Placement,
    locale: RwSignal<Locale>,
    ticks: RwSignal<ChecklistTicks>,
    etag: RwSignal<String>,
    /// The items the publisher ticks (the core's answer for the account's offers and readiness):
    /// a saved tick of any other item (Partner Center tells its state now) is left out of saves.
    tickable: RwSignal<BTreeSet<ItemKey>>,
    /// The save that failed, to say so and to try again.
    pub failure: RwSignal<Option<FailedTick>>,
    /// Whether a save is on its way.
    pub saving: RwSignal<bool>,
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

impl TickState {
    /// The ticks of `account`'s checklist, none until they are loaded.
    pub fn new(account: AccountId) -> Self {
        Self {
            account: StoredValue::new(account),
            api: expect_context(),
            placement: expect_context(),
            locale: expect_context(),
            ticks: RwSignal::new(ChecklistTicks::default()),
            etag: RwSignal::new(String::new()),
            tickable: RwSignal::new(BTreeSet::new()),
            failure: RwSignal::new(None),
            saving: RwSignal::new(false),
        }
    }

    /// The ticks as loaded at version `etag`, of which the items in `tickable` are kept.
    pub fn loaded(&self, etag: String, ticks: ChecklistTicks, tickable: BTreeSet<ItemKey>) {
        self.etag.set(etag);
        self.ticks.set(only_tickable(ticks, &tickable));
        self.tickable.set(tickable);
    }

    /// Reads the ticks as shown.
    pub fn with<T>(&self, read: impl FnOnce(&Ticks) -> T) -> T {
        self.ticks.with(|t| read(&t.ticks))
    }

    /// Reads the ticks as shown, without following them.
    pub fn with_untracked<T>(&self, read: impl FnOnce(&Ticks) -> T) -> T {
        self.ticks.with_untracked(|t| read(&t.ticks))
    }

    /// Saves the tick that failed, again.
    pub fn retry(self) {
        if let Some(failed) = self.failure.get_untracked() {
            self.set(failed.item, failed.ticked);
        }
    }

    /// Ticks or unticks an item: shown at once, then saved.
    pub fn set(self, key: ItemKey, ticked: bool) {
        self.ticks.update(|t| apply(t, &key, ticked));
        self.failure.set(None);
        self.saving.set(true);
        let client = self.api.client();
        let account = self.account.get_value();
        spawn_local(async move {
            let mut etag = self.etag.get_untracked();
            let mut outcome = client
                .save_checklist(&account, &etag, &self.ticks.get_untracked())
                .await;
            if let Err(ClientError::Problem(problem)) = &outcome
                && problem.code == ProblemCode::PreconditionFailed
            {
                outcome = match client.checklist(&account).await {
                    Ok((fresh_etag, fresh)) => {
                        let mut fresh = self.tickable.with_untracked(|t| only_tickable(fresh, t));
                        apply(&mut fresh, &key, ticked);
                        etag = fresh_etag;
                        self.ticks.set(fresh.clone());
                        client.save_checklist(&account, &etag, &fresh).await
                    }
                    Err(error) => Err(error),
                };
            }
            self.saving.set(false);
            match outcome {
                Ok(new_etag) => {
                    self.etag.set(new_etag);
                    self.placement.emit(HostEvent::ChecklistItemChanged {
                        account: &account,
                        item: key.0.as_str(),
                        done: ticked,
                    });
                }
                Err(error) => {
                    self.ticks.update(|t| apply(t, &key, !ticked));
                    let failed = FailedTick {
                        item: key,
                        ticked,
                        error,
                    };
                    self.placement.emit(HostEvent::FlowError {
                        error: &failed.error,
                        message: failed.words(self.locale.get_untracked()),
                    });
                    self.failure.set(Some(failed));
                }
            }
        });
    }
}
