//! Where the server reads the time: the system's clock, or one a test moves by hand. Like the
//! core's "today", time is handed to the store, never read by it.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// A source of the current time.
pub trait Clock: Send + Sync + fmt::Debug {
    /// Milliseconds since the Unix epoch.
    fn now_ms(&self) -> i64;
}

/// The system's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_ms(&self) -> i64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
    }
}

/// Another clock moved on by hand: what `--enable-faults` gives the server, so that a test can
/// see a month pass (`PUT /_faults/clock`).
#[derive(Debug)]
pub struct MovedClock {
    base: Arc<dyn Clock>,
    moved_ms: AtomicI64,
}

impl MovedClock {
    /// `base`, not moved yet.
    pub fn new(base: Arc<dyn Clock>) -> Self {
        Self {
            base,
            moved_ms: AtomicI64::new(0),
        }
    }

    /// Moves it on by `ms` more.
    pub fn move_on(&self, ms: i64) {
        self.moved_ms.fetch_add(ms, Ordering::AcqRel);
    }
}

impl Clock for MovedClock {
    fn now_ms(&self) -> i64 {
        self.base
            .now_ms()
            .saturating_add(self.moved_ms.load(Ordering::Acquire))
    }
}
