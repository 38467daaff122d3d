//! Rate limits per signed-in user on the requests that look something up on their behalf: the
//! MPN registry lookup and the work email check. Over a limit, the answer is `429` with
//! `Retry-After`, so a script with a stolen token cannot walk the registry or the tenants.

use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::Clock;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

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

/// One kind of request's limit, kept per user.
pub struct Limiter(DefaultKeyedRateLimiter<String>);

impl Limiter {
    /// A limiter allowing `limit.requests` at once, and one more each `window / requests`.
    pub fn new(limit: RateLimit) -> Self {
        let every = (limit.window / limit.requests.get()).max(Duration::from_nanos(1));
        let quota = Quota::with_period(every)
            .expect("the period is not zero")
            .allow_burst(limit.requests);
        Self(RateLimiter::keyed(quota))
    }

    /// Counts one request of `user`: `too_many_requests`, with the seconds to wait, when over.
    pub fn check(&self, user: &str) -> Result<(), ApiError> {
        self.0.check_key(&user.to_owned()).map_err(|not_until| {
            let wait = not_until.wait_time_from(self.0.clock().now());
            // Whole seconds, rounded up: trying again after them always succeeds.
            let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            ApiError::too_many_requests(u32::try_from(seconds).unwrap_or(u32::MAX).max(1))
        })
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
}
