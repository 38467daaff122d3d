//! A status read again and again while it may change: one read at a time, however often the
//! owner presses Retry; slower and slower while reads fail; paused while the page is hidden and
//! resumed at once when it shows; stopped by answers that waiting will not change.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use crate::backend::client::ClientError;

/// How often a status that is changing is read.
pub const EVERY: Duration = Duration::from_secs(1);
/// The longest wait between failed reads.
const LONGEST_WAIT: Duration = Duration::from_secs(30);

/// What a read found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// The status may still change: read it again in [`EVERY`].
    Changing,
    /// The status will not change any more: stop.
    Settled,
    /// The read failed.
    Failed(ClientError),
}

/// The wait before the next read after `failures` failed reads in a row: 1 s, 2 s, 4 s… up to 30 s.
pub fn backoff(failures: u32) -> Duration {
    let doublings = failures.saturating_sub(1).min(5);
    (Duration::from_secs(1) * 2_u32.pow(doublings)).min(LONGEST_WAIT)
}

/// Whether reading again later could give another answer: not for a sign-in that is refused,
/// a viewer who may not see it, or something that is not there (401, 403, 404).
pub fn worth_waiting(error: &ClientError) -> bool {
    match error {
        ClientError::Problem(problem) => !matches!(problem.status, 401 | 403 | 404),
        ClientError::Timeout
        | ClientError::Network
        | ClientError::Malformed
        | ClientError::TooManyRequests { .. } => true,
    }
}

type Read = Rc<dyn Fn() -> Pin<Box<dyn Future<Output = Reading>>>>;

struct State {
    read: Read,
    /// Counts restarts: a read or a wait of an older generation does nothing.
    generation: u64,
    failures: u32,
    timer: Option<TimeoutHandle>,
    /// A read fell due while the page was hidden: it happens when the page shows.
    due_while_hidden: bool,
}

/// One poll of a page; it ends with the page.
#[derive(Clone, Copy)]
pub struct Poller(StoredValue<State, LocalStorage>);

fn page_hidden() -> bool {
    document().hidden()
}

impl Poller {
    /// A poll that reads with `read` now, and again as its readings say, until the page is gone.
    pub fn start<F, Fut>(read: F) -> Self
    where
        F: Fn() -> Fut + 'static,
        Fut: Future<Output = Reading> + 'static,
    {
        let poller = Self(StoredValue::new_local(State {
            read: Rc::new(move || Box::pin(read())),
            generation: 0,
            failures: 0,
            timer: None,
            due_while_hidden: false,
        }));
        // `visibilitychange` bubbles from the document to the window.
        let shown = window_event_listener_untyped("visibilitychange", move |_| {
            let due = poller
                .0
                .try_update_value(|state| std::mem::take(&mut state.due_while_hidden));
            if due == Some(true) {
                poller.read_now(poller.generation());
            }
        });
        on_cleanup(move || {
            poller.cancel();
            shown.remove();
        });
        poller.restart();
        poller
    }

    /// Reads now, forgetting the failures so far and whatever read or wait was under way:
    /// Retry never adds a second poll.
    pub fn restart(&self) {
        let generation = self.cancel();
        self.0.try_update_value(|state| state.failures = 0);
        self.read_now(generation);
    }

    fn generation(&self) -> u64 {
        self.0
            .try_with_value(|state| state.generation)
            .unwrap_or_default()
    }

    /// Stops whatever is under way; the new generation.
    fn cancel(&self) -> u64 {
        self.0
            .try_update_value(|state| {
                state.generation += 1;
                state.due_while_hidden = false;
                if let Some(timer) = state.timer.take() {
                    timer.clear();
                }
                state.generation
            })
            .unwrap_or_default()
    }

    fn read_now(&self, generation: u64) {
        if page_hidden() {
            self.0
                .try_update_value(|state| state.due_while_hidden = true);
            return;
        }
        let Some(read) = self.0.try_with_value(|state| Rc::clone(&state.read)) else {
            return;
        };
        let poller = *self;
        leptos::task::spawn_local(async move {
            let reading = read().await;
            poller.after(generation, &reading);
        });
    }

    fn after(&self, generation: u64, reading: &Reading) {
        let delay = self.0.try_update_value(|state| {
            if state.generation != generation {
                return None;
            }
            match reading {
                Reading::Changing => {
                    state.failures = 0;
                    Some(EVERY)
                }
                Reading::Settled => None,
                Reading::Failed(error) if worth_waiting(error) => {
                    state.failures += 1;
                    Some(backoff(state.failures))
                }
                Reading::Failed(_) => None,
            }
        });
        let Some(Some(delay)) = delay else {
            return;
        };
        let poller = *self;
        let timer = set_timeout_with_handle(
            move || {
                if poller.generation() == generation {
                    poller.0.try_update_value(|state| state.timer = None);
                    poller.read_now(generation);
                }
            },
            delay,
        )
        .ok();
        self.0.try_update_value(|state| state.timer = timer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use assistant_core::api::{Problem, ProblemCode};

    #[test]
    fn failed_reads_wait_longer_each_time_up_to_thirty_seconds() {
        let waits: Vec<u64> = (1..=8).map(|n| backoff(n).as_secs()).collect();
        assert_eq!(waits, [1, 2, 4, 8, 16, 30, 30, 30]);
        assert_eq!(backoff(u32::MAX), LONGEST_WAIT);
    }

    #[test]
    fn refusals_that_waiting_will_not_change_stop_the_poll() {
        for code in [
            ProblemCode::Unauthorized,
            ProblemCode::NotOwner,
            ProblemCode::NotFound,
        ] {
            assert!(
                !worth_waiting(&ClientError::Problem(Problem::of(code))),
                "{code:?}"
            );
        }
        for error in [
            ClientError::Timeout,
            ClientError::Network,
            ClientError::Malformed,
            ClientError::Problem(Problem::of(ProblemCode::Internal)),
            ClientError::TooManyRequests {
                retry_after: Some(5),
            },
        ] {
            assert!(worth_waiting(&error), "{error:?}");
        }
    }
}
