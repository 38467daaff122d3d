//! The wait a question page keeps after the API answered "too many attempts": not a fault of the
//! answer, which is kept. The field says when to try again, and Continue goes on once the time
//! has passed.

use leptos::prelude::*;

use crate::backend::client::ClientError;
use crate::i18n::Locale;

/// Seconds to wait when the API says too many but not for how long.
const UNSAID_WAIT_SECONDS: u64 = 30;

/// The wait under way: until when, and the seconds last said.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Wait {
    until_ms: f64,
    seconds: u64,
}

/// Whole seconds from `now_ms` to `until_ms`, rounded up; 0 once it has passed.
fn seconds_left(until_ms: f64, now_ms: f64) -> u64 {
    let left = ((until_ms - now_ms) / 1000.0).ceil();
    if left > 0.0 { left as u64 } else { 0 }
}

/// A question page's wait after "too many attempts".
#[derive(Clone, Copy)]
pub struct Cooldown(RwSignal<Option<Wait>>);

impl Cooldown {
    /// No wait.
    pub fn new() -> Self {
        Self(RwSignal::new(None))
    }

    /// Starts the wait `error` asks for, from `now_ms`; `false` when it is another failure.
    pub fn start(&self, error: &ClientError, now_ms: f64) -> bool {
        let ClientError::TooManyRequests { retry_after } = error else {
            return false;
        };
        let seconds = retry_after.unwrap_or(UNSAID_WAIT_SECONDS).max(1);
        self.0.set(Some(Wait {
            until_ms: now_ms + seconds as f64 * 1000.0,
            seconds,
        }));
        true
    }

    /// Whether Continue must still wait at `now_ms`: then the seconds are counted again for
    /// the message; once the time has passed, the wait is over.
    pub fn holds(&self, now_ms: f64) -> bool {
        let Some(wait) = self.0.get_untracked() else {
            return false;
        };
        match seconds_left(wait.until_ms, now_ms) {
            0 => {
                self.0.set(None);
                false
            }
            seconds => {
                self.0.set(Some(Wait { seconds, ..wait }));
                true
            }
        }
    }

    /// What the field says while the wait is on.
    pub fn message(&self, locale: Locale) -> Option<String> {
        self.0.with(|wait| {
            wait.map(|wait| {
                locale.error_too_many_attempts(i64::try_from(wait.seconds).unwrap_or(i64::MAX))
            })
        })
    }
}

impl Default for Cooldown {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seconds_left_are_rounded_up_and_none_once_passed() {
        assert_eq!(seconds_left(10_000.0, 0.0), 10);
        assert_eq!(seconds_left(10_000.0, 8_500.0), 2);
        assert_eq!(seconds_left(10_000.0, 9_999.0), 1);
        assert_eq!(seconds_left(10_000.0, 10_000.0), 0);
        assert_eq!(seconds_left(10_000.0, 20_000.0), 0);
    }
}
