//! Time that works in the browser and in tests.
//!
//! `std::time::Instant::now()` panics on `wasm32-unknown-unknown`; [`Instant`] and
//! [`SystemTime`] (from `web-time`) read `performance.now()` / `Date.now()` there and are the
//! std types natively. Cache expiry (`ttl`) reads [`now_ms`], which a test can drive with a
//! [`ManualClock`].
//!
//! ```
//! use wasmlit::time::Instant;
//! let started = Instant::now();
//! let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
//! assert!(elapsed_ms >= 0.0);
//! ```

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

pub use web_time::{Instant, SystemTime, UNIX_EPOCH};

/// Reads the local time zone's offset from UTC at an instant (ms since the epoch), in ms.
type OffsetFn = fn(f64) -> f64;

thread_local! {
    static MANUAL: Cell<Option<f64>> = const { Cell::new(None) };
    static LOCAL_OFFSET: Cell<Option<OffsetFn>> = const { Cell::new(None) };
}

/// Sets how the local time zone's offset is read (the page reads the browser's).
#[cfg(target_arch = "wasm32")]
pub(crate) fn set_local_offset(offset_ms: OffsetFn) {
    LOCAL_OFFSET.with(|o| o.set(Some(offset_ms)));
}

/// The local date and time, to the minute: what `date_input`, `time_input` and
/// `datetime_input` start at.
///
/// In the browser it is the viewer's local time; natively (and while a [`ManualClock`]
/// runs, which reads 2024-01-01 00:00) it is UTC.
///
/// ```
/// use wasmlit::time::{local_now, ManualClock};
/// let _clock = ManualClock::new();
/// assert_eq!(local_now().to_string(), "2024-01-01 00:00:00");
/// ```
pub fn local_now() -> chrono::NaiveDateTime {
    let now = now_ms();
    let offset = match (MANUAL.with(Cell::get), LOCAL_OFFSET.with(Cell::get)) {
        (None, Some(offset_ms)) => offset_ms(now),
        _ => 0.0,
    };
    let minutes = ((now + offset) / 60_000.0).floor() as i64;
    chrono::DateTime::from_timestamp(minutes * 60, 0).unwrap_or_default().naive_utc()
}

/// Today's date, from [`local_now`].
pub fn today() -> chrono::NaiveDate {
    local_now().date()
}

/// Milliseconds since the Unix epoch: the clock of cache expiry.
///
/// Wall-clock time, so the age of an entry persisted by an earlier page load is measured
/// on the same scale as one computed now.
pub fn now_ms() -> f64 {
    if let Some(manual) = MANUAL.with(Cell::get) {
        return manual;
    }
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64() * 1000.0).unwrap_or(0.0)
}

/// A clock that only moves when told to, for testing `ttl`.
///
/// While it lives, [`now_ms`] on this thread reads it; dropping it brings back real time.
///
/// ```
/// use std::time::Duration;
/// use wasmlit::time::{now_ms, ManualClock};
/// let clock = ManualClock::new();
/// let start = now_ms();
/// clock.advance(Duration::from_secs(90));
/// assert_eq!(now_ms() - start, 90_000.0);
/// ```
pub struct ManualClock {
    previous: Option<f64>,
    // Not Send: the clock belongs to the thread it was made on.
    _thread: std::marker::PhantomData<Rc<()>>,
}

impl ManualClock {
    /// Stops the clock at a fixed instant (2024-01-01T00:00:00Z).
    pub fn new() -> Self {
        let previous = MANUAL.with(|m| m.replace(Some(1_704_067_200_000.0)));
        ManualClock { previous, _thread: std::marker::PhantomData }
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: Duration) {
        MANUAL.with(|m| m.set(Some(m.get().unwrap_or(0.0) + by.as_secs_f64() * 1000.0)));
    }

    /// The clock's time in milliseconds since the epoch.
    pub fn now_ms(&self) -> f64 {
        now_ms()
    }
}

impl Default for ManualClock {
    fn default() -> Self {
        ManualClock::new()
    }
}

impl Drop for ManualClock {
    fn drop(&mut self) {
        MANUAL.with(|m| m.set(self.previous));
    }
}
