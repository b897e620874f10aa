//! The one port between the engine and browser storage.
//!
//! The web layer (`web/persistence.rs`) owns IndexedDB and sessionStorage; everything it
//! reads from or writes to the engine goes through a [`StoragePort`]: stored bytes go in
//! before the first run, and after each run the port hands out what to write.
//!
//! ```
//! use wasmlit::prelude::*;
//! use wasmlit::storage::StoragePort;
//!
//! let mut at = AppTest::new(|ui: &Ui| -> Result {
//!     ui.session_state().persisted("notes", || String::from("hello"))?;
//!     Ok(())
//! });
//! at.run();
//! let port = StoragePort::new(at.session_state());
//! let writes = port.take_writes();
//! assert_eq!(writes.session.len(), 1, "the new persisted key is written once");
//! assert!(port.take_writes().session.is_empty());
//! ```

use crate::cache::{self, persist::StorageOp};
use crate::persisted_state::{self, Snapshot};
use crate::session_state::SessionState;

/// The engine's side of browser storage for one session.
pub struct StoragePort {
    state: SessionState,
}

/// What the engine asks storage to write after a run.
#[derive(Debug, Default)]
pub struct Writes {
    /// Persisted cache entries to put or delete.
    pub cache: Vec<StorageOp>,
    /// Persisted session keys: `(key, Some(bytes))` to write, `(key, None)` to delete.
    pub session: Vec<(String, Option<Vec<u8>>)>,
}

impl StoragePort {
    pub fn new(state: SessionState) -> Self {
        StoragePort { state }
    }

    /// Hands stored cache entries to the caches; a cached function's first call finds them.
    pub fn preload_cache(&self, entries: impl IntoIterator<Item = (String, Vec<u8>)>) {
        cache::persist::preload(entries);
    }

    /// Hands the stored bytes of a persisted session key to the session before its first run.
    pub fn seed_key(&self, key: &str, bytes: Vec<u8>) {
        persisted_state::seed_key(&self.state, key, bytes);
    }

    /// Applies a development-reload snapshot before the first run.
    pub fn apply_snapshot(&self, snapshot: Snapshot) {
        persisted_state::apply_snapshot(&self.state, snapshot);
    }

    /// A snapshot of the session between runs (kept across development reloads).
    pub fn snapshot(&self) -> Snapshot {
        persisted_state::snapshot(&self.state)
    }

    /// What changed since the last call: new or dropped cache entries, changed persisted keys.
    pub fn take_writes(&self) -> Writes {
        Writes { cache: cache::persist::take_pending(), session: persisted_state::changes(&self.state) }
    }

    /// Warnings to show: a value that could not be stored, a stored value that could not
    /// be read (naming its key or function), ...
    pub fn take_warnings(&self) -> Vec<String> {
        let mut warnings = cache::persist::take_warnings();
        warnings.extend(persisted_state::take_warnings(&self.state));
        warnings
    }

    /// Another tab stored `bytes` for the persisted key `key` (`None`: deleted it). The
    /// session takes them unless it changed the key since it last stored it; returns
    /// whether its value changed (the page shows it at its next run).
    pub fn adopt(&self, key: &str, bytes: Option<Vec<u8>>) -> bool {
        persisted_state::adopt(&self.state, key, bytes)
    }

    /// "Reset session" in another tab: forgets every persisted value, so the next run
    /// starts them from their defaults. Returns whether a value was dropped.
    pub fn drop_persisted(&self) -> bool {
        persisted_state::drop_persisted(&self.state)
    }

    /// Drops restored values that no widget or declaration took: call after the first run.
    pub fn finish_restore(&self) {
        persisted_state::finish_restore(&self.state);
    }

    /// Clears every cache, in memory now and in storage through the returned operations.
    pub fn clear_caches() -> Vec<StorageOp> {
        cache::clear_all();
        cache::persist::take_pending()
    }
}
