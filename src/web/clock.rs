//! Real time in the browser: sleeps and `run_every` timers on `setTimeout`
//! and `setInterval`.

use std::time::Duration;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::clock::{Clock, LocalFuture};

/// The page's clock: `ui.sleep` resolves on a `setTimeout`, which also lets
/// the browser paint and deliver input in between.
pub(crate) struct WebClock {
    start: f64,
}

impl WebClock {
    pub fn new() -> Self {
        WebClock { start: js_sys::Date::now() }
    }
}

impl Clock for WebClock {
    fn sleep(&self, duration: Duration) -> LocalFuture<()> {
        let millis = duration.as_millis().min(i32::MAX as u128) as i32;
        let promise = js_sys::Promise::new(&mut |resolve, _reject| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis);
            }
        });
        Box::pin(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        })
    }

    fn now(&self) -> Duration {
        Duration::from_secs_f64(((js_sys::Date::now() - self.start) / 1000.0).max(0.0))
    }
}

/// A `setInterval` that is cleared when dropped.
pub(crate) struct Interval {
    id: i32,
    _callback: Closure<dyn FnMut()>,
}

impl Interval {
    pub fn new(period: Duration, tick: impl FnMut() + 'static) -> Option<Interval> {
        let callback = Closure::<dyn FnMut()>::new(tick);
        let millis = period.as_millis().clamp(1, i32::MAX as u128) as i32;
        let id = web_sys::window()?
            .set_interval_with_callback_and_timeout_and_arguments_0(callback.as_ref().unchecked_ref(), millis)
            .ok()?;
        Some(Interval { id, _callback: callback })
    }
}

impl Drop for Interval {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_interval_with_handle(self.id);
        }
    }
}
