//! Persisted cache entries (`#[cache_data(persist)]`): the engine's half.
//!
//! Cached calls are synchronous and browser storage is not, so the engine never waits for
//! it. The web layer (`wasmlit::web::persistence`, wasm only) moves bytes in and out:
//!
//! - before the first run it reads every stored entry and hands them to [`preload`]; a
//!   persisted function that misses in memory looks there before computing;
//! - after each run it takes the writes the run queued ([`take_pending`]) and performs them
//!   in the background.
//!
//! An entry is an envelope — format, version (app crate and version, wasmlit's version, the
//! value's type), creation time, the value's postcard bytes and the elements the function
//! drew — stored under `"<function key>.<argument hash>"`. An entry that does not decode,
//! is from another build or has outlived its `ttl` is ignored, deleted and computed again;
//! a damaged one (not an older format) also gives a warning naming the function.
//!
//! ```
//! use wasmlit::prelude::*;
//! use wasmlit::cache::persist::{self, StorageOp};
//!
//! #[cache_data(persist)]
//! fn total(n: u64) -> u64 { (1..=n).sum() }
//!
//! assert_eq!(total(100), 5050);
//! let writes = persist::take_pending();
//! assert!(matches!(&writes[..], [StorageOp::Put { .. }]));
//! ```

use std::cell::RefCell;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::replay::Replay;
use super::{FunctionKey, ValueKey};

/// A write the web layer should make to browser storage.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageOp {
    /// Store `bytes` (an encoded envelope) under `key`.
    Put { key: String, bytes: Vec<u8> },
    /// Delete the entry under `key`.
    Delete { key: String },
    /// Delete every entry whose key starts with `prefix` (one function's cache).
    DeletePrefix { prefix: String },
    /// Delete every cache entry.
    Clear,
}

const FORMAT: u32 = 1;

/// One stored entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Envelope {
    pub version: u64,
    pub created_ms: f64,
    pub value: Vec<u8>,
    pub replay: Replay,
}

impl Envelope {
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(&(FORMAT, self)).unwrap_or_default()
    }

    /// `None` for bytes that are not an envelope of this format.
    pub fn decode(bytes: &[u8]) -> Option<Envelope> {
        match postcard::from_bytes::<(u32, Envelope)>(bytes) {
            Ok((FORMAT, envelope)) => Some(envelope),
            _ => None,
        }
    }

    /// Whether `bytes` are damaged rather than an envelope of an older format (which an
    /// upgrade leaves behind: ignored without a word).
    pub fn is_damaged(bytes: &[u8]) -> bool {
        match postcard::take_from_bytes::<u32>(bytes) {
            Ok((format, _)) if format < FORMAT => false,
            _ => Envelope::decode(bytes).is_none(),
        }
    }
}

thread_local! {
    static PRELOADED: RefCell<HashMap<String, Vec<u8>>> = RefCell::default();
    static PENDING: RefCell<Vec<StorageOp>> = const { RefCell::new(Vec::new()) };
    static WARNINGS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// The storage key of one entry.
pub(crate) fn storage_key(function: FunctionKey, value: ValueKey) -> String {
    format!("{:032x}.{:032x}", function.0, value.0)
}

fn function_prefix(function: FunctionKey) -> String {
    format!("{:032x}.", function.0)
}

/// Hands the entries read from storage to the engine (before the first run).
pub fn preload(entries: impl IntoIterator<Item = (String, Vec<u8>)>) {
    PRELOADED.with(|preloaded| preloaded.borrow_mut().extend(entries));
}

/// How many preloaded entries no cached call has claimed yet.
pub fn preloaded_len() -> usize {
    PRELOADED.with(|preloaded| preloaded.borrow().len())
}

pub(crate) fn take_preloaded(key: &str) -> Option<Vec<u8>> {
    PRELOADED.with(|preloaded| preloaded.borrow_mut().remove(key))
}

pub(crate) fn queue(op: StorageOp) {
    PENDING.with(|pending| pending.borrow_mut().push(op));
}

/// The writes queued since the last call, in order.
pub fn take_pending() -> Vec<StorageOp> {
    PENDING.with(|pending| std::mem::take(&mut *pending.borrow_mut()))
}

pub(crate) fn warn(message: String) {
    WARNINGS.with(|warnings| warnings.borrow_mut().push(message));
}

/// Problems the engine met while persisting (a value serde could not encode).
pub fn take_warnings() -> Vec<String> {
    WARNINGS.with(|warnings| std::mem::take(&mut *warnings.borrow_mut()))
}

pub(crate) fn forget_function(function: FunctionKey) {
    let prefix = function_prefix(function);
    PRELOADED.with(|preloaded| preloaded.borrow_mut().retain(|key, _| !key.starts_with(&prefix)));
    queue(StorageOp::DeletePrefix { prefix });
}

pub(crate) fn forget_entry(function: FunctionKey, value: ValueKey) {
    let key = storage_key(function, value);
    PRELOADED.with(|preloaded| preloaded.borrow_mut().remove(&key));
    queue(StorageOp::Delete { key });
}

pub(crate) fn forget_all() {
    PRELOADED.with(|preloaded| preloaded.borrow_mut().clear());
    queue(StorageOp::Clear);
}

/// Forgets everything the page holds in memory — every cache, preloaded entries and queued
/// writes — without touching storage or running `on_release`: what a page reload does.
/// Browser tests call it to simulate a reload in one page.
#[doc(hidden)]
pub fn forget_memory() {
    super::DATA.with(|r| std::mem::take(&mut *r.borrow_mut()));
    super::RESOURCES.with(|r| std::mem::take(&mut *r.borrow_mut()));
    PRELOADED.with(|preloaded| preloaded.borrow_mut().clear());
    PENDING.with(|pending| pending.borrow_mut().clear());
    WARNINGS.with(|warnings| warnings.borrow_mut().clear());
}
