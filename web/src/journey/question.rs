//! What every question page keeps besides its answer: the presses of Continue that did not go on
//! (errors show from the first), the check under way, the check that failed, and the wait after
//! "too many attempts".

use leptos::prelude::*;

use crate::backend::client::ClientError;
use crate::journey::cooldown::Cooldown;

/// A question's attempts to go on.
#[derive(Clone, Copy)]
pub struct Attempts {
    /// Each press of Continue that did not go on.
    pub count: RwSignal<u32>,
    /// Whether the answer is being checked (Continue waits meanwhile).
    pub pending: RwSignal<bool>,
    /// The check that failed, while its panel shows.
    pub failure: RwSignal<Option<ClientError>>,
    /// The wait after "too many attempts".
    pub cooldown: Cooldown,
}

impl Attempts {
    /// None yet, or `refused` already (an answer the flow sent the owner back to).
    pub fn new(refused: bool) -> Self {
        Self {
            count: RwSignal::new(u32::from(refused)),
            pending: RwSignal::new(false),
            failure: RwSignal::new(None),
            cooldown: Cooldown::new(),
        }
    }

    /// Continue did not go on: the errors show (again, with focus on their summary).
    pub fn refused(&self) {
        self.count.update(|n| *n += 1);
    }

    /// Whether Continue must wait: a check is under way, or the time of a wait has not passed
    /// (which is said again).
    pub fn must_wait(&self) -> bool {
        if self.pending.get_untracked() {
            return true;
        }
        let waiting = self.cooldown.holds(js_sys::Date::now());
        if waiting {
            self.refused();
        }
        waiting
    }

    /// A check begins.
    pub fn check(&self) {
        self.pending.set(true);
        self.failure.set(None);
    }

    /// The check ended.
    pub fn checked(&self) {
        self.pending.set(false);
    }

    /// The check failed: "too many attempts" is said beside the field (a wait, not a fault of the
    /// answer); anything else in the problem panel, with Retry.
    pub fn failed(&self, error: ClientError) {
        if self.cooldown.start(&error, js_sys::Date::now()) {
            self.refused();
        } else {
            self.failure.set(Some(error));
        }
    }
}
