//! Rate limits per signed-in user on the requests that look something up on their behalf: the
//! MPN registry lookup and the work email check. Over a limit, the answer is `429` with
//! `Retry-After`, so a script with a stolen token cannot walk the registry or the tenants.

use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock, Reference};
use governor::middleware::NoOpMiddleware;
use governor::nanos::Nanos;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};

use crate::problem::ApiError;

/// How many requests of one kind a user may make in a window of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    /// How many requests.
    pub requests: NonZeroU32,
    /// In how long.
    pub window: Duration,
}

impl Default for RateLimit {
    /// 30 a minute.
    fn default() -> Self {
        Self {
            requests: NonZeroU32::new(30).expect("30 is not zero"),
            window: Duration::from_secs(60),
        }
    }
}

/// One kind of request's limit, kept per user. Users whose state is back to fresh are forgotten
/// once a window, so the state holds the users of the last window, not every user ever seen.
pub struct Limiter<C: Clock = DefaultClock> {
    limiter: RateLimiter<String, DefaultKeyedStateStore<String>, C, NoOpMiddleware<C::Instant>>,
    window: Nanos,
    pruned_at: Mutex<C::Instant>,
}

impl Limiter {
    /// A limiter allowing `limit.requests` at once, and one more each `window / requests`.
    pub fn new(limit: RateLimit) -> Self {
        Self::with_clock(limit, DefaultClock::default())
    }
}

impl<C: Clock> Limiter<C> {
    /// As [`Limiter::new`], on `clock`.
    pub fn with_clock(limit: RateLimit, clock: C) -> Self {
        let every = (limit.window / limit.requests.get()).max(Duration::from_nanos(1));
        let quota = Quota::with_period(every)
            .expect("the period is not zero")
            .allow_burst(limit.requests);
        let pruned_at = Mutex::new(clock.now());
        Self {
            limiter: RateLimiter::dashmap_with_clock(quota, clock),
            window: limit.window.into(),
            pruned_at,
        }
    }

    /// Counts one request of `user`: `too_many_requests`, with the seconds to wait, when over.
    pub fn check(&self, user: &str) -> Result<(), ApiError> {
        self.prune();
        self.limiter
            .check_key(&user.to_owned())
            .map_err(|not_until| {
                let wait = not_until.wait_time_from(self.limiter.clock().now());
                // Whole seconds, rounded up: trying again after them always succeeds.
                let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
                ApiError::too_many_requests(u32::try_from(seconds).unwrap_or(u32::MAX).max(1))
            })
    }

    /// Forgets the users whose state is fresh again, at most once a window.
    fn prune(&self) {
        let now = self.limiter.clock().now();
        let mut pruned_at = self
            .pruned_at
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if now.duration_since(*pruned_at) >= self.window {
            *pruned_at = now;
            drop(pruned_at);
            self.limiter.retain_recent();
            self.limiter.shrink_to_fit();
        }
    }

    /// How many users the state holds.
    pub fn users_held(&self) -> usize {
        self.limiter.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_over_the_limit_is_told_how_long_to_wait_and_others_are_not_held_up() {
        let limiter = Limiter::new(RateLimit {
            requests: NonZeroU32::new(2).unwrap(),
            window: Duration::from_secs(60),
        });
        assert!(limiter.check("demo-owner").is_ok());
        assert!(limiter.check("demo-owner").is_ok());
        let refused = limiter.check("demo-owner").unwrap_err();
        assert_eq!(refused.problem.status, 429);
        let crate::problem::Hint::RetryAfter(wait) = refused.hint else {
            panic!("no time to wait: {:?}", refused.hint);
        };
        assert!((29..=30).contains(&wait), "{wait} seconds");
        assert!(limiter.check("demo-newcomer").is_ok());
    }

    #[test]
    fn users_of_past_windows_are_forgotten() {
        let clock = governor::clock::FakeRelativeClock::default();
        let limiter = Limiter::with_clock(RateLimit::default(), clock.clone());
        for user in 0..500 {
            limiter.check(&format!("user-{user}")).unwrap();
        }
        assert_eq!(limiter.users_held(), 500);
        clock.advance(Duration::from_secs(61));
        limiter.check("one-more").unwrap();
        assert_eq!(limiter.users_held(), 1, "only this window's user is held");
    }
}
