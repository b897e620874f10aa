//! Browser storage without the `persist` feature: no IndexedDB is linked. An app that
//! declares persisted session state or a persisted cache still runs, its values living in
//! memory, and the page says once that wasmlit was built without the feature.

use std::cell::RefCell;
use std::collections::BTreeSet;

use leptos::prelude::window;

use super::reload::{app_prefix, dev_snapshot, remove_dev_snapshot, save_dev_snapshot};
use crate::cache::persist::StorageOp;
use crate::session_state::SessionState;
use crate::storage::StoragePort;

/// What the page shows once an app asked to persist something.
pub(crate) const NOT_BUILT: &str = "This app persists state but wasmlit was built without its `persist` \
    feature: add `features = [\"persist\"]` to wasmlit in Cargo.toml. Until then nothing is kept \
    across page loads.";

thread_local! {
    /// The apps (by `app_prefix`) whose first run has finished.
    static FIRST_RUN_DONE: RefCell<BTreeSet<String>> = RefCell::default();
}

/// Before the first run: brings back the development-reload snapshot (debug builds).
pub async fn restore_app(state: SessionState, app: Option<String>) {
    if let Some(snapshot) = dev_snapshot(&app_prefix(app.as_deref())) {
        StoragePort::new(state).apply_snapshot(snapshot);
    }
}

/// After each run: drops what the run asked to store and returns whether it asked to keep
/// a value (the app persists state or a cache). Deletes do not count: clearing any cache (a
/// connection's reads after a write, say) queues them whether or not it persists.
pub fn after_run_app(state: &SessionState, app: Option<&str>) -> bool {
    let app = app_prefix(app);
    let port = StoragePort::new(state.clone());
    for message in port.take_warnings() {
        web_sys::console::warn_1(&format!("wasmlit: {message}").into());
    }
    let writes = port.take_writes();
    if FIRST_RUN_DONE.with(|done| done.borrow_mut().insert(app.clone())) {
        port.finish_restore();
    }
    if cfg!(debug_assertions) {
        save_dev_snapshot(&port, &app);
    }
    writes.cache.iter().any(|op| matches!(op, StorageOp::Put { .. })) || !writes.session.is_empty()
}

/// "Clear cache": clears every cache of the page.
pub fn clear_cache() {
    StoragePort::clear_caches();
}

/// "Reset session": forgets the development snapshot and reloads the page (a new session).
pub fn reset_session() {
    remove_dev_snapshot();
    let _ = window().location().reload();
}
