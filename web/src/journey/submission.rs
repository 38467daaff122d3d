//! Sending the migration: the idempotency key is saved before the request leaves, so a retry
//! after a lost answer never starts a second migration. Shared by the check answers page and the
//! migration page's "send again".

use assistant_core::account::MigrationStatus;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::backend::client::ClientError;
use crate::context::Api;
use crate::host_event::HostEvent;
use crate::journey::progress;
use crate::journey::state::Journey;
use crate::placement::Placement;

/// A submission as a page shows it: under way or not, and the failure it met.
#[derive(Clone, Copy)]
pub struct Submission {
    /// Whether the request is under way (the button waits meanwhile).
    pub pending: RwSignal<bool>,
    /// Why the last attempt failed, while that shows.
    pub failure: RwSignal<Option<ClientError>>,
    api: Api,
    placement: Placement,
}

impl Submission {
    /// A submission of the page being built (it takes the API and the placement from context).
    pub fn new() -> Self {
        Self {
            pending: RwSignal::new(false),
            failure: RwSignal::new(None),
            api: expect_context::<Api>(),
            placement: expect_context::<Placement>(),
        }
    }

    /// Sends the migration request with the saved key (making one first when there is none, or
    /// when the last submission failed and this is a new attempt); `on_started` once the API has
    /// taken it. A second press while one is under way does nothing.
    pub fn send(self, journey: Journey, on_started: impl FnOnce() + 'static) {
        if self.pending.get_untracked() {
            return;
        }
        let Some(request) = journey.assessment().submission else {
            return;
        };
        let failed_before = journey
            .detail
            .with_untracked(|d| d.account.migration_status == MigrationStatus::Failed);
        let key = match journey
            .progress
            .with_untracked(|p| p.idempotency_key.clone())
        {
            Some(key) if !failed_before => key,
            _ => {
                let key = progress::new_idempotency_key();
                journey.update_progress(|p| p.idempotency_key = Some(key.clone()));
                key
            }
        };
        self.pending.set(true);
        self.failure.set(None);
        let client = self.api.client();
        let id = journey.account_id();
        spawn_local(async move {
            let outcome = client.start_migration(&id, &key, &request).await;
            self.pending.set(false);
            match outcome {
                Ok(state) => {
                    journey
                        .detail
                        .update(|d| d.account.migration_status = state.status);
                    self.placement.emit(HostEvent::MigrationSubmitted {
                        account: &id,
                        reference: state.reference.as_deref(),
                    });
                    on_started();
                }
                Err(error) => self.failure.set(Some(error)),
            }
        });
    }
}

impl Default for Submission {
    fn default() -> Self {
        Self::new()
    }
}
