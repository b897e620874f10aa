//! The tab's SQLite databases (feature `sqlite`): each `persist`ed database's bytes under its
//! name in the IndexedDB database `wasmlit-sqlite`, shared by the apps of one origin. Writes
//! are queued, the newest bytes of a name replacing older ones not yet written.

use std::cell::RefCell;
use std::collections::HashMap;
use std::time::Duration;

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use wasm_bindgen::JsValue;

use super::clock::WebClock;
use crate::clock::Clock;

const DATABASE: &str = "wasmlit-sqlite";
const STORE: &str = "databases";

#[derive(Default)]
struct Queue {
    /// The bytes to write next, per name.
    pending: HashMap<String, Vec<u8>>,
    /// Names being written now.
    writing: Vec<String>,
    /// The last failed write's reason, per name (cleared by a successful one).
    failed: HashMap<String, String>,
}

thread_local! {
    static QUEUE: RefCell<Queue> = RefCell::new(Queue::default());
}

async fn open() -> Result<Database, String> {
    Database::open(DATABASE)
        .with_version(1_u32)
        .with_on_upgrade_needed(|_event, database: Database| {
            if !database.object_store_names().any(|name| name == STORE) {
                database.create_object_store(STORE).build()?;
            }
            Ok(())
        })
        .await
        .map_err(|e| format!("could not open the tab's storage: {e}"))
}

/// The stored bytes of the database `name`, if the tab has them.
pub(crate) async fn load(name: &str) -> Result<Option<Vec<u8>>, String> {
    let database = open().await?;
    let read = async {
        let transaction = database.transaction(STORE).build()?;
        let value = transaction.object_store(STORE)?.get::<JsValue, String, _>(name.to_string()).primitive()?.await?;
        Ok::<_, indexed_db_futures::error::Error>(value.map(|v| js_sys::Uint8Array::new(&v).to_vec()))
    };
    read.await.map_err(|e| format!("could not read `{name}` from the tab's storage: {e}"))
}

/// Stores `bytes` as the database `name`, after the writes already queued.
pub(crate) fn save(name: &str, bytes: Vec<u8>) {
    let start = QUEUE.with(|queue| {
        let mut queue = queue.borrow_mut();
        queue.pending.insert(name.to_string(), bytes);
        let idle = !queue.writing.iter().any(|n| n == name);
        if idle {
            queue.writing.push(name.to_string());
        }
        idle
    });
    if start {
        wasm_bindgen_futures::spawn_local(write_all(name.to_string()));
    }
}

/// Writes the newest bytes of `name` until none are pending.
async fn write_all(name: String) {
    while let Some(bytes) = QUEUE.with(|queue| queue.borrow_mut().pending.remove(&name)) {
        let result = write(&name, bytes).await;
        QUEUE.with(|queue| {
            let mut queue = queue.borrow_mut();
            match result {
                Ok(()) => queue.failed.remove(&name),
                Err(reason) => {
                    web_sys::console::warn_1(&reason.clone().into());
                    queue.failed.insert(name.clone(), reason)
                }
            };
        });
    }
    QUEUE.with(|queue| queue.borrow_mut().writing.retain(|n| *n != name));
}

async fn write(name: &str, bytes: Vec<u8>) -> Result<(), String> {
    let database = open().await?;
    let write = async {
        let transaction = database.transaction(STORE).with_mode(TransactionMode::Readwrite).build()?;
        let value: JsValue = js_sys::Uint8Array::from(bytes.as_slice()).into();
        transaction.object_store(STORE)?.put(value).with_key(name.to_string()).primitive()?;
        transaction.commit().await?;
        Ok::<_, indexed_db_futures::error::Error>(())
    };
    write.await.map_err(|e| format!("could not store the database `{name}` in the tab: {e}"))
}

/// Resolves when every queued write of `name` is done; `Err` if the last one failed.
pub(crate) async fn saved(name: &str) -> Result<(), String> {
    while QUEUE.with(|queue| queue.borrow().writing.iter().any(|n| n == name)) {
        WebClock::new().sleep(Duration::from_millis(10)).await;
    }
    QUEUE.with(|queue| queue.borrow().failed.get(name).cloned()).map_or(Ok(()), Err)
}
