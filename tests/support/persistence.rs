//! What the persistence browser tests share (`tests/browser_persistence.rs`,
//! `tests/browser_storage_faults.rs`): a simulated page load on a database of the test's own,
//! runs that write and wait for their writes, and reading the session and the warning banner.
//! Included with `#[path = "support/persistence.rs"] mod persistence_support;`, after
//! `support/browser.rs` as `mod support`.

#![allow(dead_code)]

use std::cell::Cell;

use wasmlit::cache::persist;
use wasmlit::prelude::*;
use wasmlit::web::persistence;
use wasmlit::{RerunRequest, Session, WidgetEvent, WidgetValue};

use super::support::{document, sleep_ms};

/// Polls `ready` every 20 ms until it holds, for at most 10 s (a loaded machine renders late).
pub async fn until(what: &str, mut ready: impl FnMut() -> bool) {
    for _ in 0..500 {
        if ready() {
            return;
        }
        sleep_ms(20).await;
    }
    panic!("waited 10 s for {what}");
}

/// A database name no other test uses.
pub fn fresh_database() -> String {
    format!("wasmlit-test-{}-{}", js_sys::Date::now(), (js_sys::Math::random() * 1e9) as u64)
}

/// A new page load: nothing in memory, storage untouched.
pub fn reload(database: &str) {
    persist::forget_memory();
    persistence::forget_connection();
    persistence::use_database(database, None);
    persistence::set_dev_reload(Some(false));
    if let Some(banner) = document().get_element_by_id("wl-storage-warning") {
        banner.remove();
    }
}

/// Restores, runs once, writes what the run changed and waits for the writes.
pub async fn load_and_run(session: &mut Session) {
    persistence::restore(session.session_state()).await;
    rerun(session, RerunRequest::default()).await;
}

/// Runs, writes what the run changed and waits for the writes.
pub async fn rerun(session: &mut Session, request: RerunRequest) {
    session.run(request);
    persistence::after_run(&session.session_state());
    persistence::flushed().await;
}

/// The text of every element of `kind` the session drew.
pub fn texts(session: &Session, kind: &str) -> Vec<String> {
    session.elements().iter().filter(|e| e.kind() == kind).map(|e| e.text()).collect()
}

/// A press of the button `label`.
pub fn click(session: &Session, label: &str) -> RerunRequest {
    let id = session
        .elements()
        .iter()
        .find(|e| e.kind() == "button" && e.text() == label)
        .and_then(|e| e.widget().map(|w| w.id))
        .unwrap_or_else(|| panic!("no button {label}"));
    RerunRequest::from_event(WidgetEvent { id, value: WidgetValue::Trigger(true) })
}

/// What the storage warning banner says, if it is shown.
pub fn banner_text() -> Option<String> {
    document().get_element_by_id("wl-storage-warning").and_then(|b| b.text_content())
}

thread_local! {
    static SQUARES: Cell<u32> = const { Cell::new(0) };
}

/// A persisted cached function that counts its calls ([`squares`]).
#[cache_data(persist)]
pub fn square(x: u64) -> u64 {
    SQUARES.with(|s| s.set(s.get() + 1));
    x * x
}

/// How many times [`square`] computed.
pub fn squares() -> u32 {
    SQUARES.with(Cell::get)
}
