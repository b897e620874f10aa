//! Time for scripts: `ui.sleep(..)` awaits the session's [`Clock`].
//!
//! In the browser the clock is real (`setTimeout`); natively it is a
//! [`VirtualClock`] that jumps straight to the next deadline, so an async
//! script that sleeps for minutes runs in microseconds under `AppTest`, and a
//! test can stop it half-way to look at what it has drawn so far.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

/// A boxed, single-threaded future: what async scripts and sleeps are.
pub type LocalFuture<T> = Pin<Box<dyn Future<Output = T>>>;

/// Where a session's time comes from.
pub trait Clock {
    /// A future that completes `duration` from now.
    fn sleep(&self, duration: Duration) -> LocalFuture<()>;
    /// Time since the clock started.
    fn now(&self) -> Duration;
}

/// A clock that moves only when told: jumps to the next deadline on demand.
///
/// ```
/// use std::time::Duration;
/// use wasmlit::clock::{Clock, VirtualClock};
/// let clock = std::rc::Rc::new(VirtualClock::default());
/// let _sleep = clock.sleep(Duration::from_secs(5));
/// assert_eq!(clock.advance_to_next(None), true);
/// assert_eq!(clock.now(), Duration::from_secs(5));
/// ```
#[derive(Default)]
pub struct VirtualClock {
    now: Cell<Duration>,
    deadlines: RefCell<Vec<(Duration, Option<Waker>)>>,
}

impl VirtualClock {
    /// Moves time to the earliest pending deadline (not past `limit`) and wakes
    /// the sleeps due; false if there is none before `limit`.
    pub fn advance_to_next(&self, limit: Option<Duration>) -> bool {
        let next = self.deadlines.borrow().iter().map(|(deadline, _)| *deadline).min();
        match (next, limit) {
            (Some(next), Some(limit)) if next > limit => {
                self.advance_to(limit);
                false
            }
            (Some(next), _) => {
                self.advance_to(next);
                true
            }
            (None, Some(limit)) => {
                self.advance_to(limit);
                false
            }
            (None, None) => false,
        }
    }

    /// Moves time to `time` (never backwards) and wakes the sleeps due.
    pub fn advance_to(&self, time: Duration) {
        if time > self.now.get() {
            self.now.set(time);
        }
        let now = self.now.get();
        let due: Vec<Option<Waker>> = {
            let mut deadlines = self.deadlines.borrow_mut();
            let (due, pending) = deadlines.drain(..).partition(|(deadline, _)| *deadline <= now);
            *deadlines = pending;
            due.into_iter().map(|(_, waker)| waker).collect()
        };
        due.into_iter().flatten().for_each(Waker::wake);
    }
}

impl Clock for Rc<VirtualClock> {
    fn sleep(&self, duration: Duration) -> LocalFuture<()> {
        let deadline = self.now.get() + duration;
        self.deadlines.borrow_mut().push((deadline, None));
        Box::pin(VirtualSleep { clock: self.clone(), deadline })
    }

    fn now(&self) -> Duration {
        self.now.get()
    }
}

struct VirtualSleep {
    clock: Rc<VirtualClock>,
    deadline: Duration,
}

impl Future for VirtualSleep {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.clock.now.get() >= self.deadline {
            return Poll::Ready(());
        }
        let mut deadlines = self.clock.deadlines.borrow_mut();
        match deadlines.iter_mut().find(|(deadline, _)| *deadline == self.deadline) {
            Some(entry) => entry.1 = Some(cx.waker().clone()),
            None => deadlines.push((self.deadline, Some(cx.waker().clone()))),
        }
        Poll::Pending
    }
}

/// Polls `future` on virtual time until it completes or the clock would pass
/// `limit`. Returns `None` if it is still running then (or waits on something
/// other than the clock, which natively never completes).
pub(crate) fn drive<T>(future: &mut LocalFuture<T>, clock: &VirtualClock, limit: Option<Duration>) -> Option<T> {
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(value) = future.as_mut().poll(&mut context) {
            return Some(value);
        }
        if !clock.advance_to_next(limit) {
            return None;
        }
    }
}
