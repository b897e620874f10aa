//! Browser storage (the `persist` feature): persisted caches and session state in
//! IndexedDB, shared by the app's tabs. Development-reload snapshots and the app menu's
//! items are in `web::reload`, linked into every app.
//!
//! The engine never waits for storage (cached calls are synchronous). The driver calls
//! two hooks:
//!
//! - [`restore`] before the first run: reads the persisted cache entries and session keys
//!   of this app (and, after a development reload, the session snapshot) into the session;
//! - [`after_run`] after each run: queues what the run changed and writes it in the
//!   background, one transaction at a time.
//!
//! Storage is best effort. When IndexedDB is missing or refused (private modes throw a
//! `SecurityError`), blocked by another tab, closed, or full, everything keeps working from
//! memory and a warning banner says what will not survive a reload. Nothing the user sees
//! depends on a write. A stored value that cannot be read (damaged, of another type, not
//! bytes) is ignored and deleted or overwritten, with a warning naming its key; the others
//! are restored.
//!
//! One database per origin (`wasmlit`), two object stores (`cache`, `session`); keys are
//! prefixed with the app's path, so apps served from different paths of one origin do not
//! share entries, and "Clear cache" clears only this app's. An embedded app
//! (`Session::embedded`) adds `@<id>|` to its session keys, its reload snapshot and its
//! "stored" flag; the caches are the page's, shared by its apps as they are in memory.
//! The database is opened at whatever version it has; one left by another build without
//! our two stores (or with stores of another shape) is upgraded to one version more,
//! creating them (and dropping the misshapen ones).
//!
//! **Tabs.** Every open tab of an app shares its persisted session keys, kept in step through
//! a `BroadcastChannel` (one per database and app path). The rule:
//!
//! - each write of session keys also bumps a counter stored beside them (`<path>#seq`) in
//!   the same transaction, so writes from all tabs have one order; after it commits, the
//!   tab tells the others the key, its new bytes and that number;
//! - a tab takes a newer value for a key unless its own user changed that key since it last
//!   stored it (its own write, queued or in flight, commits later and so is newer: it wins,
//!   and is told to the others in turn), so all tabs end with the last value written and no
//!   tab's next write loses another's (a counter counts every tab's increments). It takes it
//!   quietly: the page shows it at its next run. Rerunning at once would make two tabs rerun
//!   each other forever when the script changes a persisted key on every run (the gallery's
//!   run counter does);
//! - "Reset session" clears the keys (bumping the counter) and tells the other tabs, which
//!   drop their persisted values and queued writes and rerun from the defaults, so no tab
//!   writes the old state back. (A write already in flight in another tab when it hears of
//!   the reset is a change its user just made: it stays.)

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll};

use indexed_db_futures::database::Database;
use indexed_db_futures::error::OpenDbError;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use indexed_db_futures::KeyRange;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::cache::persist::StorageOp;
use crate::runtime::Runtime;
use crate::session_state::SessionState;
use crate::storage::StoragePort;

pub use super::reload::set_dev_reload;
use super::reload::{app_prefix, dev_snapshot, remove_dev_snapshot, save_dev_snapshot, scope};

const DATABASE: &str = "wasmlit";
const CACHE: &str = "cache";
const SESSION: &str = "session";
/// How long opening the database may take before we give up on it. The first run waits
/// for it, so it is short; a blocked upgrade (which would wait forever) gives up at once.
const OPEN_TIMEOUT_MS: f64 = 2000.0;

/// One write to storage.
#[derive(Debug)]
enum Write {
    Cache(StorageOp),
    /// A persisted session key (with its app's prefix): its new bytes, or `None` to delete
    /// it; told to the other tabs through the channel of the session (a [`Tab`] id) that made it.
    Session {
        key: String,
        bytes: Option<Vec<u8>>,
        from: u64,
    },
    /// A stored session value that could not be read: deleted, no other tab told.
    Discard(String),
    /// Every persisted session key of this app; the other tabs are told.
    ClearSession,
}

/// One session's link to the other tabs of its app.
struct Tab {
    id: u64,
    runtime: Weak<RefCell<Runtime>>,
    /// The app's [`app_prefix`].
    app: String,
    channel: web_sys::BroadcastChannel,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
    /// Reruns the session's page after a reset in another tab.
    rerun: Option<Rc<dyn Fn()>>,
    /// Writes numbered up to this were in storage when the session read it (or reset).
    floor: f64,
    /// The number of the newest write of each key the session holds (its own or taken).
    seen: BTreeMap<String, f64>,
}

impl Drop for Tab {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}

#[derive(Default)]
struct Storage {
    database_name: Option<String>,
    database_version: Option<u32>,
    database: Option<Database>,
    /// Why storage is not used, once we know it is not.
    unavailable: Option<String>,
    queue: VecDeque<Write>,
    writing: bool,
    /// The write being made now.
    in_flight: Option<(u64, String)>,
    /// The sessions listening to other tabs.
    tabs: Vec<Tab>,
    next_tab: u64,
    restored: bool,
    /// The apps (by [`app_prefix`]) whose first run has finished.
    first_run_done: BTreeSet<String>,
    /// Messages the banner shows (each once).
    warnings: BTreeSet<String>,
}

thread_local! {
    static STORAGE: RefCell<Storage> = RefCell::default();
    static BLOCKED: Cell<bool> = const { Cell::new(false) };
}

fn with<R>(f: impl FnOnce(&mut Storage) -> R) -> R {
    STORAGE.with(|storage| f(&mut storage.borrow_mut()))
}

fn scoped(key: &str) -> String {
    format!("{}|{key}", scope())
}

/// Every key starting with `prefix` (within this app).
fn prefix_range(prefix: &str) -> KeyRange<String> {
    KeyRange::Bound(scoped(prefix), false, format!("{}\u{ffff}", scoped(prefix)), false)
}

// ----- the hooks the driver calls -------------------------------------------------

/// Reads what earlier page loads stored into `state`'s session and the caches. Await it
/// before the session's first run.
///
/// Never fails: without storage the app starts from scratch and a banner says why.
pub async fn restore(state: SessionState) {
    restore_app(state, None).await;
}

/// [`restore`] for the app `app` of the page (`None`: the page's own app).
pub async fn restore_app(state: SessionState, app: Option<String>) {
    let app = app_prefix(app.as_deref());
    // Listen before reading, so no write another tab makes after the read is missed.
    let tab = join_tabs(&state, &app);
    let port = StoragePort::new(state);
    let snapshot = dev_snapshot(&app);
    if !has_stored(&app) {
        // Nothing was ever stored by this app in this browser: start at once and open
        // storage in the background (opening IndexedDB costs ~40 ms of cold start).
        wasm_bindgen_futures::spawn_local(open_in_background());
        if let Some(snapshot) = snapshot {
            port.apply_snapshot(snapshot);
        }
        with(|s| s.restored = true);
        return;
    }
    match open_database().await {
        Ok(database) => match read_into(&database, &port, &app).await {
            Ok((counter, deletes)) => {
                with(|s| {
                    s.database = Some(database);
                    if let Some(tab) = s.tabs.iter_mut().find(|t| t.id == tab) {
                        tab.floor = tab.floor.max(counter);
                    }
                });
                enqueue(deletes, &app);
            }
            Err(error) => unavailable(format!("Browser storage could not be read ({}).", describe(&error))),
        },
        Err(reason) => unavailable(reason),
    }
    // A development reload is fresher than storage: apply it last.
    if let Some(snapshot) = snapshot {
        port.apply_snapshot(snapshot);
    }
    with(|s| s.restored = true);
}

/// Queues what the run just finished changed — new persisted cache entries, changed
/// persisted session keys — and writes it in the background; in debug builds, also keeps
/// the development-reload snapshot. Call it after every run.
pub fn after_run(state: &SessionState) {
    after_run_app(state, None);
}

/// [`after_run`] for the app `app` of the page (`None`: the page's own app).
pub fn after_run_app(state: &SessionState, app: Option<&str>) {
    let app = app_prefix(app);
    let port = StoragePort::new(state.clone());
    for message in port.take_warnings() {
        show_warning(message);
    }
    let taken = port.take_writes();
    let from = tab_of(state);
    let mut writes: Vec<Write> = taken.cache.into_iter().map(Write::Cache).collect();
    writes.extend(taken.session.into_iter().map(|(key, bytes)| Write::Session {
        key: format!("{app}{key}"),
        bytes,
        from,
    }));
    let first_run = with(|s| s.first_run_done.insert(app.clone()));
    if first_run {
        port.finish_restore();
    }
    if cfg!(debug_assertions) {
        save_dev_snapshot(&port, &app);
    }
    enqueue(writes, &app);
}

/// Resolves once every queued write has been made (or given up on).
pub async fn flushed() {
    while with(|s| s.writing || !s.queue.is_empty()) {
        let _ = sleep_ms(5).await;
    }
}

/// "Clear cache": clears every cache of the page, in memory and in storage.
pub fn clear_cache() {
    enqueue(StoragePort::clear_caches().into_iter().map(Write::Cache).collect(), "");
}

/// "Reset session": forgets the persisted session keys and the development snapshot of
/// this app, tells its other tabs, then reloads the page (a new session).
pub fn reset_session() {
    wasm_bindgen_futures::spawn_local(async {
        forget_session().await;
        let _ = window().location().reload();
    });
}

/// The stored half of [`reset_session`]: clears this app's persisted session keys and
/// development snapshot and tells every other session of the app (other tabs, and the
/// page's own sessions), which drop their persisted values and rerun.
pub async fn forget_session() {
    remove_dev_snapshot();
    enqueue(vec![Write::ClearSession], "");
    flushed().await;
}

/// Reruns `state`'s page when "Reset session" in another tab made its session drop its
/// persisted values. Call after [`restore_app`].
pub fn on_reset_elsewhere(state: &SessionState, rerun: impl Fn() + 'static) {
    let id = tab_of(state);
    let rerun: Rc<dyn Fn()> = Rc::new(rerun);
    with(|s| {
        if let Some(tab) = s.tabs.iter_mut().find(|t| t.id == id) {
            tab.rerun = Some(rerun);
        }
    });
}

// ----- test hooks -------------------------------------------------------------------

/// Uses another database (name, and a version to open it at, e.g. one above the stored
/// one to simulate an upgrade that another tab blocks; `None`: the version it has). Call
/// before [`restore`].
#[doc(hidden)]
pub fn use_database(name: &str, version: Option<u32>) {
    with(|s| {
        s.database_name = Some(name.to_string());
        s.database_version = version;
    });
}

/// Forgets the connection and every storage state, as a new page load would (the
/// database itself stays).
#[doc(hidden)]
pub fn forget_connection() {
    with(|s| {
        let name = s.database_name.take();
        let version = s.database_version.take();
        *s = Storage { database_name: name, database_version: version, ..Storage::default() };
    });
    BLOCKED.with(|b| b.set(false));
    set_dev_reload(None);
}

/// Closes the connection under the app's feet: later writes fail (a browser may close
/// a connection, e.g. when the user clears site data).
#[doc(hidden)]
pub fn close_database() {
    if let Some(database) = with(|s| s.database.clone()) {
        database.close();
    }
}

/// The storage warnings shown so far.
#[doc(hidden)]
pub fn warnings() -> Vec<String> {
    with(|s| s.warnings.iter().cloned().collect())
}

// ----- IndexedDB -----------------------------------------------------------------------

async fn open_database() -> Result<Database, String> {
    if window().indexed_db().ok().flatten().is_none() {
        return Err("This browser gives the page no IndexedDB (a private window?).".into());
    }
    let (name, version) = with(|s| (s.database_name.clone(), s.database_version));
    let name = name.unwrap_or_else(|| DATABASE.to_string());
    let database = open_at(&name, version, Vec::new()).await?;
    let misshapen = misshapen_stores(&database);
    if misshapen.is_empty() {
        return Ok(database);
    }
    // Another build's layout: one version more, with our stores.
    let next = database.version() as u32 + 1;
    database.close();
    let database = open_at(&name, Some(next), misshapen).await?;
    match misshapen_stores(&database).is_empty() {
        true => Ok(database),
        false => Err("Browser storage holds another layout that could not be upgraded.".into()),
    }
}

/// Opens `name` at `version` (`None`: the version it has, or 1 for a new database),
/// creating missing stores and recreating the `misshapen` ones in an upgrade.
async fn open_at(name: &str, version: Option<u32>, misshapen: Vec<&'static str>) -> Result<Database, String> {
    BLOCKED.with(|b| b.set(false));
    let on_upgrade = move |_event, database: Database| {
        let existing: Vec<String> = database.object_store_names().collect();
        for store in misshapen.into_iter().filter(|store| existing.iter().any(|name| name == store)) {
            database.delete_object_store(store)?;
        }
        let existing: Vec<String> = database.object_store_names().collect();
        for store in [CACHE, SESSION] {
            if !existing.iter().any(|name| name == store) {
                database.create_object_store(store).build()?;
            }
        }
        Ok(())
    };
    let on_blocked = |_event| {
        BLOCKED.with(|b| b.set(true));
        Ok(())
    };
    let owned = name.to_string();
    let mut opening: Pin<Box<dyn Future<Output = Result<Database, OpenDbError>>>> = match version {
        Some(version) => {
            let request = Database::open(name)
                .with_version(version)
                .with_on_blocked(on_blocked)
                .with_on_upgrade_needed(on_upgrade);
            Box::pin(async move { request.await })
        }
        None => {
            let request = Database::open(owned).with_on_blocked(on_blocked).with_on_upgrade_needed(on_upgrade);
            Box::pin(async move { request.await })
        }
    };
    let started = js_sys::Date::now();
    loop {
        // Poll the open request, waking every 20 ms to look for a blocked upgrade.
        match race(Pin::new(&mut opening), 20).await {
            Some(Ok(database)) => return Ok(database),
            // The crate reports every exception `open` throws as "version zero".
            Some(Err(OpenDbError::VersionZero)) => return Err(open_error(&thrown_by_open(name))),
            Some(Err(error)) => return Err(open_error(&error)),
            None if BLOCKED.with(Cell::get) => return Err(
                "Browser storage is blocked by another tab of this app running an older version: close it and reload."
                    .into(),
            ),
            None if js_sys::Date::now() - started > OPEN_TIMEOUT_MS => {
                return Err("Browser storage did not answer.".into())
            }
            None => {}
        }
    }
}

/// The exception `indexedDB.open(name)` throws (a private window's `SecurityError`, ...).
fn thrown_by_open(name: &str) -> OpenDbError {
    let open = || -> Result<JsValue, JsValue> {
        let factory = js_sys::Reflect::get(&window(), &"indexedDB".into())?;
        let open: js_sys::Function = js_sys::Reflect::get(&factory, &"open".into())?.dyn_into()?;
        open.call1(&factory, &name.into())
    };
    match open() {
        Err(exception) => match exception.dyn_into::<web_sys::DomException>() {
            Ok(exception) => indexed_db_futures::error::Error::from(exception).into(),
            Err(_) => OpenDbError::UnsupportedEnvironment,
        },
        Ok(request) => {
            // It opened this time: let go of the connection.
            let close = js_sys::Function::new_with_args("event", "event.target.result.close()");
            let _ = js_sys::Reflect::set(&request, &"onsuccess".into(), &close);
            OpenDbError::UnsupportedEnvironment
        }
    }
}

/// What to say when opening storage failed with `error`.
fn open_error(error: &OpenDbError) -> String {
    let (text, refused) = match error {
        OpenDbError::Base(error) => {
            (describe(error), dom_exception(error).is_some_and(|e| e.name() == "SecurityError"))
        }
        other => (other.to_string(), false),
    };
    if refused {
        format!("Browser storage is not allowed on this page (a private window, or site data blocked): {text}.")
    } else {
        format!("Browser storage could not be opened ({text}).")
    }
}

/// Our stores that are missing or of another shape (keys inside the values, or generated).
fn misshapen_stores(database: &Database) -> Vec<&'static str> {
    let shaped = |store: &str| -> bool {
        let Ok(transaction) = database.transaction(store).build() else { return false };
        let Ok(store) = transaction.object_store(store) else { return false };
        store.key_path().is_none() && !store.auto_increment()
    };
    let existing: Vec<String> = database.object_store_names().collect();
    [CACHE, SESSION]
        .into_iter()
        .filter(|store| existing.iter().any(|name| name == store) && !shaped(store))
        .chain([CACHE, SESSION].into_iter().filter(|store| !existing.iter().any(|name| name == store)))
        .collect()
}

/// Reads this app's cache entries and session keys; returns the write counter (see the
/// module docs) and the deletes of values that are not bytes. `app` is the app's
/// [`app_prefix`] in the session store.
async fn read_into(
    database: &Database,
    port: &StoragePort,
    app: &str,
) -> Result<(f64, Vec<Write>), indexed_db_futures::error::Error> {
    let transaction = database.transaction([CACHE, SESSION]).build()?;
    let mut unreadable = Vec::new();
    for (store_name, is_cache) in [(CACHE, true), (SESSION, false)] {
        let store = transaction.object_store(store_name)?;
        let keys: Vec<JsValue> = store
            .get_all_keys::<JsValue>()
            .with_query::<String, _>(prefix_range(""))
            .primitive()?
            .await?
            .collect::<Result<_, _>>()?;
        let values: Vec<JsValue> = store
            .get_all::<JsValue>()
            .with_query::<String, _>(prefix_range(""))
            .primitive()?
            .await?
            .collect::<Result<_, _>>()?;
        let prefix = if is_cache { scoped("") } else { scoped(app) };
        let mut entries = Vec::new();
        for (key, value) in keys.into_iter().zip(values) {
            let Some(key) = key.as_string().and_then(|key| Some(key.strip_prefix(&prefix)?.to_string())) else {
                continue;
            };
            match value.dyn_into::<js_sys::Uint8Array>() {
                Ok(bytes) => entries.push((key, bytes.to_vec())),
                // Not bytes: another program's, or damaged. Ignored and deleted.
                Err(_) if is_cache => {
                    unreadable.push((format!("a cached value ({key})"), Write::Cache(StorageOp::Delete { key })))
                }
                Err(_) => unreadable.push((format!("`{key}`"), Write::Discard(format!("{app}{key}")))),
            }
        }
        if is_cache {
            port.preload_cache(entries);
        } else {
            for (key, bytes) in entries {
                port.seed_key(&key, bytes);
            }
        }
    }
    let counter = transaction.object_store(SESSION)?.get::<JsValue, String, _>(counter_key()).primitive()?.await?;
    let mut deletes = Vec::new();
    for (what, delete) in unreadable {
        show_warning(format!("The stored value of {what} could not be read: it starts from its default."));
        deletes.push(delete);
    }
    Ok((counter.and_then(|n| n.as_f64()).unwrap_or(0.0), deletes))
}

/// Opens storage after a start that had nothing to restore, then makes the writes
/// that queued up meanwhile.
async fn open_in_background() {
    match open_database().await {
        Ok(database) => {
            let start = with(|s| {
                s.database = Some(database);
                !s.queue.is_empty() && !std::mem::replace(&mut s.writing, true)
            });
            if start {
                write_all().await;
            }
        }
        Err(reason) => unavailable(reason),
    }
}

/// Whether this app ever stored something in this browser: a `localStorage` flag,
/// read synchronously, so apps that persist nothing never wait for IndexedDB.
fn has_stored(app: &str) -> bool {
    // Without localStorage (refused in some private modes) we cannot tell: look.
    let Some(storage) = local_storage() else { return true };
    let stored = |key: String| storage.get_item(&key).ok().flatten().is_some();
    // Caches are the page's: an embedded app reads them if any app of the page stored some.
    stored(stored_flag_key(app)) || (!app.is_empty() && stored(stored_flag_key("")))
}

fn mark_stored(app: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(&stored_flag_key(app), "1");
    }
}

fn stored_flag_key(app: &str) -> String {
    format!("wasmlit:stored:{}{app}", scope())
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Queues `writes` of the app `app` (its [`app_prefix`]).
fn enqueue(writes: Vec<Write>, app: &str) {
    if writes.is_empty() {
        return;
    }
    if writes.iter().any(|write| !matches!(write, Write::ClearSession)) {
        mark_stored(app);
    }
    let start = with(|s| {
        // Storage unavailable: the values live in memory only.
        if s.unavailable.is_some() {
            return false;
        }
        s.queue.extend(writes);
        // Without a database yet, the background opener makes the writes.
        s.database.is_some() && !std::mem::replace(&mut s.writing, true)
    });
    if start {
        wasm_bindgen_futures::spawn_local(write_all());
    }
}

/// Makes the queued writes, in order, until the queue is empty.
async fn write_all() {
    loop {
        let next = with(|s| match (&s.database, s.unavailable.is_some()) {
            (Some(database), false) => {
                let write = s.queue.pop_front()?;
                if let Write::Session { key, from, .. } = &write {
                    s.in_flight = Some((*from, key.clone()));
                }
                Some((database.clone(), write))
            }
            _ => {
                s.queue.clear();
                None
            }
        });
        let Some((database, write)) = next else { break };
        let told = match &write {
            Write::Session { key, bytes, from } => {
                Some(Told::Key { key: key.clone(), bytes: bytes.clone(), from: *from })
            }
            Write::ClearSession => Some(Told::Reset),
            Write::Cache(_) | Write::Discard(_) => None,
        };
        let result = write_one(&database, write).await;
        with(|s| s.in_flight = None);
        match result {
            Ok(seq) => {
                if let (Some(told), Some(seq)) = (told, seq) {
                    tell_other_tabs(told, seq);
                }
            }
            Err(error) => {
                let message = match &error {
                    e if is_quota(e) => {
                        "Browser storage is full: new cached values and session keys are kept in memory only."
                            .to_string()
                    }
                    e => format!("Browser storage failed ({}): changes are kept in memory only.", describe(e)),
                };
                unavailable(message);
            }
        }
    }
    with(|s| s.writing = false);
}

/// Makes one write; for session keys, also bumps the write counter and returns its new value.
async fn write_one(database: &Database, write: Write) -> Result<Option<f64>, indexed_db_futures::error::Error> {
    let store_name = match &write {
        Write::Cache(_) => CACHE,
        Write::Session { .. } | Write::Discard(_) | Write::ClearSession => SESSION,
    };
    let transaction = database.transaction(store_name).with_mode(TransactionMode::Readwrite).build()?;
    let store = transaction.object_store(store_name)?;
    let bytes_value = |bytes: &[u8]| -> JsValue { js_sys::Uint8Array::from(bytes).into() };
    let mut counted = false;
    match write {
        Write::Cache(StorageOp::Put { key, bytes }) => {
            store.put(bytes_value(&bytes)).with_key(scoped(&key)).primitive()?;
        }
        Write::Session { key, bytes: Some(bytes), .. } => {
            store.put(bytes_value(&bytes)).with_key(scoped(&key)).primitive()?;
            counted = true;
        }
        Write::Cache(StorageOp::Delete { key }) | Write::Discard(key) => {
            store.delete(scoped(&key)).primitive()?;
        }
        Write::Session { key, bytes: None, .. } => {
            store.delete(scoped(&key)).primitive()?;
            counted = true;
        }
        Write::Cache(StorageOp::DeletePrefix { prefix }) => {
            store.delete::<String, _>(prefix_range(&prefix)).primitive()?;
        }
        Write::Cache(StorageOp::Clear) => {
            store.delete::<String, _>(prefix_range("")).primitive()?;
        }
        Write::ClearSession => {
            store.delete::<String, _>(prefix_range("")).primitive()?;
            counted = true;
        }
    }
    let mut seq = None;
    if counted {
        let counter = store.get::<JsValue, String, _>(counter_key()).primitive()?.await?;
        let next = counter.and_then(|n| n.as_f64()).unwrap_or(0.0) + 1.0;
        store.put(JsValue::from_f64(next)).with_key(counter_key()).primitive()?;
        seq = Some(next);
    }
    transaction.commit().await?;
    Ok(seq)
}

fn dom_exception(error: &indexed_db_futures::error::Error) -> Option<web_sys::DomException> {
    match error {
        indexed_db_futures::error::Error::DomException(exception) => Some(exception.clone().into()),
        _ => None,
    }
}

fn is_quota(error: &indexed_db_futures::error::Error) -> bool {
    dom_exception(error).is_some_and(|e| e.name() == "QuotaExceededError") || describe(error).contains("quota")
}

fn describe(error: &indexed_db_futures::error::Error) -> String {
    if let Some(exception) = dom_exception(error) {
        return format!("{}: {}", exception.name(), exception.message());
    }
    let text = error.to_string();
    if text.is_empty() {
        format!("{error:?}")
    } else {
        text
    }
}

/// Storage will not be used (again) in this page load: say so once.
fn unavailable(reason: String) {
    with(|s| {
        s.unavailable = Some(reason.clone());
        s.queue.clear();
    });
    show_warning(reason);
}

// ----- other tabs ------------------------------------------------------------------------

/// What a write tells the other tabs.
enum Told {
    Key { key: String, bytes: Option<Vec<u8>>, from: u64 },
    Reset,
}

/// The key of the write counter in the session store, outside every app's key range.
fn counter_key() -> String {
    format!("{}#seq", scope())
}

/// The channel of this app's tabs: one per database and app path.
fn channel_name() -> String {
    let database = with(|s| s.database_name.clone()).unwrap_or_else(|| DATABASE.to_string());
    format!("wasmlit:{database}:{}", scope())
}

/// The [`Tab`] id of `state`'s session, 0 if it does not listen.
fn tab_of(state: &SessionState) -> u64 {
    let runtime = Rc::as_ptr(&state.runtime);
    with(|s| s.tabs.iter().find(|tab| tab.runtime.as_ptr() == runtime).map_or(0, |tab| tab.id))
}

/// Makes `state`'s session listen to the other tabs of the app `app`; returns its id.
fn join_tabs(state: &SessionState, app: &str) -> u64 {
    let existing = tab_of(state);
    if existing != 0 {
        return existing;
    }
    // Sessions that are gone stop listening.
    with(|s| s.tabs.retain(|tab| tab.runtime.strong_count() > 0));
    let Ok(channel) = web_sys::BroadcastChannel::new(&channel_name()) else { return 0 };
    let id = with(|s| {
        s.next_tab += 1;
        s.next_tab
    });
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        heard(id, &event.data());
    });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    let tab = Tab {
        id,
        runtime: Rc::downgrade(&state.runtime),
        app: app.to_string(),
        channel,
        _on_message: on_message,
        rerun: None,
        floor: 0.0,
        seen: BTreeMap::new(),
    };
    with(|s| s.tabs.push(tab));
    id
}

/// Tells the other tabs (and the page's other sessions) about a committed write numbered `seq`.
fn tell_other_tabs(told: Told, seq: f64) {
    let message = js_sys::Object::new();
    let set = |name: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&message, &name.into(), value);
    };
    set("seq", &seq.into());
    let from = match told {
        Told::Key { key, bytes, from } => {
            set("key", &key.as_str().into());
            set("bytes", &bytes.map_or(JsValue::NULL, |bytes| js_sys::Uint8Array::from(&bytes[..]).into()));
            with(|s| {
                if let Some(tab) = s.tabs.iter_mut().find(|tab| tab.id == from) {
                    tab.seen.insert(key, seq);
                }
            });
            from
        }
        Told::Reset => {
            set("reset", &true.into());
            0
        }
    };
    // A session's own channel does not hear its own message; a reset goes through a channel
    // of its own, so every session of this page hears it too.
    let own = with(|s| s.tabs.iter().find(|tab| tab.id == from).map(|tab| tab.channel.clone()));
    match own {
        Some(channel) => {
            let _ = channel.post_message(&message);
        }
        None => {
            if let Ok(channel) = web_sys::BroadcastChannel::new(&channel_name()) {
                let _ = channel.post_message(&message);
                channel.close();
            }
        }
    }
}

/// A message from another tab reached the session of the [`Tab`] `id`.
fn heard(id: u64, message: &JsValue) {
    let get = |name: &str| js_sys::Reflect::get(message, &name.into()).unwrap_or(JsValue::UNDEFINED);
    let Some(seq) = get("seq").as_f64() else { return };
    let reset = get("reset").is_truthy();
    let key = get("key").as_string();
    let bytes = get("bytes").dyn_into::<js_sys::Uint8Array>().ok().map(|bytes| bytes.to_vec());
    // Decide under the storage lock, act on the session after.
    let act = with(|s| {
        let Storage { tabs, queue, in_flight, .. } = s;
        let tab = tabs.iter_mut().find(|tab| tab.id == id)?;
        let runtime = tab.runtime.upgrade()?;
        if seq <= tab.floor {
            return None;
        }
        if reset {
            tab.floor = seq;
            tab.seen.clear();
            // Writes not made yet would bring the old state back.
            queue.retain(|write| !matches!(write, Write::Session { from, .. } if *from == id));
            return Some((runtime, None, tab.rerun.clone()));
        }
        let key = key.as_ref()?.strip_prefix(&tab.app)?.to_string();
        let full = format!("{}{key}", tab.app);
        let newer = tab.seen.get(&key).is_none_or(|known| seq > *known);
        let own_pending =
            queue.iter().any(|write| matches!(write, Write::Session { key: k, from, .. } if *from == id && *k == full))
                || in_flight.as_ref().is_some_and(|(from, k)| *from == id && *k == full);
        if !newer || own_pending {
            return None; // ours commits later: it is the newer one
        }
        tab.seen.insert(key.clone(), seq);
        Some((runtime, Some(key), tab.rerun.clone()))
    });
    let Some((runtime, key, rerun)) = act else { return };
    let port = StoragePort::new(SessionState::new(runtime));
    // A value is taken quietly (see the module docs); a reset reruns the page.
    let dropped = match key {
        Some(key) => {
            port.adopt(&key, bytes);
            false
        }
        None => port.drop_persisted(),
    };
    let rerun = rerun.filter(|_| dropped);
    for message in port.take_warnings() {
        show_warning(message);
    }
    if let Some(rerun) = rerun {
        rerun();
    }
}

// ----- the warning banner -------------------------------------------------------------------

const BANNER: &str = "wl-storage-warning";
const BANNER_STYLE: &str = "\
.wl-storage-warning { position: fixed; right: 1rem; bottom: 1rem; z-index: 1000; max-width: 26rem;
  display: flex; gap: 0.5rem; align-items: flex-start; padding: 0.75rem 1rem; border-radius: 0.5rem;
  background: #fffce7; color: #926c05; border: 1px solid #f5d66c; box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
  font: 0.875rem/1.4 system-ui, sans-serif; }
.wl-storage-warning ul { margin: 0; padding-left: 1rem; }
.wl-storage-warning button { border: none; background: none; color: inherit; font-size: 1.1rem; cursor: pointer; padding: 0 0.25rem; }
@media (prefers-color-scheme: dark) { .wl-storage-warning { background: #3a3208; color: #ffe58f; border-color: #7a6510; } }";

/// Shows `message` in the storage banner (bottom right, dismissible), once.
fn show_warning(message: String) {
    if !with(|s| s.warnings.insert(message.clone())) {
        return;
    }
    web_sys::console::warn_1(&format!("wasmlit: {message}").into());
    let Some(document) = window().document() else { return };
    let Some(body) = document.body() else { return };
    let banner = match document.get_element_by_id(BANNER) {
        Some(banner) => banner,
        None => {
            if document.get_element_by_id("wl-storage-warning-style").is_none() {
                if let Ok(style) = document.create_element("style") {
                    style.set_id("wl-storage-warning-style");
                    style.set_text_content(Some(BANNER_STYLE));
                    if let Some(head) = document.head() {
                        let _ = head.append_child(&style);
                    }
                }
            }
            let Ok(banner) = document.create_element("div") else { return };
            banner.set_id(BANNER);
            banner.set_class_name(BANNER);
            let _ = banner.set_attribute("role", "alert");
            banner.set_inner_html(
                "<span aria-hidden=\"true\">⚠</span><ul></ul><button aria-label=\"Dismiss\">×</button>",
            );
            if let Ok(Some(button)) = banner.query_selector("button") {
                let target = banner.clone();
                let close = Closure::<dyn Fn()>::new(move || target.remove());
                let _ = button.add_event_listener_with_callback("click", close.as_ref().unchecked_ref());
                close.forget();
            }
            let _ = body.append_child(&banner);
            banner
        }
    };
    if let (Ok(Some(list)), Ok(item)) = (banner.query_selector("ul"), document.create_element("li")) {
        item.set_text_content(Some(&message));
        let _ = list.append_child(&item);
    }
}

// ----- small async helpers ----------------------------------------------------------------

fn sleep_ms(ms: i32) -> wasm_bindgen_futures::JsFuture {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    wasm_bindgen_futures::JsFuture::from(promise)
}

/// `future`'s output if it is ready within `ms`, else `None` (the future can be polled again).
async fn race<F: Future>(future: Pin<&mut F>, ms: i32) -> Option<F::Output> {
    struct Race<'a, F> {
        future: Pin<&'a mut F>,
        timer: wasm_bindgen_futures::JsFuture,
    }
    impl<F: Future> Future for Race<'_, F> {
        type Output = Option<F::Output>;
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
            if let Poll::Ready(output) = self.future.as_mut().poll(cx) {
                return Poll::Ready(Some(output));
            }
            match Pin::new(&mut self.timer).poll(cx) {
                Poll::Ready(_) => Poll::Ready(None),
                Poll::Pending => Poll::Pending,
            }
        }
    }
    Race { future, timer: sleep_ms(ms) }.await
}
