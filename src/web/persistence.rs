//! Browser storage: persisted caches and session state in IndexedDB, development-reload
//! snapshots in `sessionStorage`, and the app menu's "Clear cache" and "Reset session".
//!
//! The engine never waits for storage (cached calls are synchronous). The driver calls
//! two hooks:
//!
//! - [`restore`] before the first run: reads the persisted cache entries and session keys
//!   of this app (and, after a development reload, the session snapshot) into the session;
//! - [`after_run`] after each run: queues what the run changed and writes it in the
//!   background, one transaction at a time.
//!
//! Storage is best effort. When IndexedDB is missing (some private modes), blocked by
//! another tab, closed, or full, everything keeps working from memory and a warning banner
//! says what will not survive a reload. Nothing the user sees depends on a write.
//!
//! One database per origin (`wasmlit`), two object stores (`cache`, `session`); keys are
//! prefixed with the app's path, so apps served from different paths of one origin do not
//! share entries, and "Clear cache" clears only this app's. An embedded app
//! (`Session::embedded`) adds `@<id>|` to its session keys, its reload snapshot and its
//! "stored" flag; the caches are the page's, shared by its apps as they are in memory.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeSet, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use indexed_db_futures::KeyRange;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::cache::persist::StorageOp;
use crate::persisted_state::Snapshot;
use crate::session_state::SessionState;
use crate::storage::StoragePort;

const DATABASE: &str = "wasmlit";
const VERSION: u32 = 1;
const CACHE: &str = "cache";
const SESSION: &str = "session";
/// How long opening the database may take before we give up on it. The first run waits
/// for it, so it is short; a blocked upgrade (which would wait forever) gives up at once.
const OPEN_TIMEOUT_MS: f64 = 2000.0;

/// One write to storage.
#[derive(Debug)]
enum Write {
    Cache(StorageOp),
    /// A persisted session key: its new bytes, or `None` to delete it.
    Session(String, Option<Vec<u8>>),
    /// Every persisted session key of this app.
    ClearSession,
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
    restored: bool,
    /// The apps (by [`app_prefix`]) whose first run has finished.
    first_run_done: BTreeSet<String>,
    /// Messages the banner shows (each once).
    warnings: BTreeSet<String>,
    /// Overrides the "was this page load a reload?" test (browser tests).
    dev_reload: Option<bool>,
}

thread_local! {
    static STORAGE: RefCell<Storage> = RefCell::default();
    static BLOCKED: Cell<bool> = const { Cell::new(false) };
}

fn with<R>(f: impl FnOnce(&mut Storage) -> R) -> R {
    STORAGE.with(|storage| f(&mut storage.borrow_mut()))
}

/// The app's path, the prefix of every key it stores: `/`, `/repo/`, ...
fn scope() -> String {
    let path = window().location().pathname().unwrap_or_else(|_| "/".into());
    let path = path.strip_suffix("index.html").unwrap_or(&path);
    if path.ends_with('/') {
        path.to_string()
    } else {
        format!("{path}/")
    }
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

/// The prefix an embedded app's (`Session::embedded`) session keys and flags carry in
/// storage, so apps of one page keep theirs apart: `""` for the page's own app.
fn app_prefix(app: Option<&str>) -> String {
    app.map(|id| format!("@{id}|")).unwrap_or_default()
}

/// [`restore`] for the app `app` of the page (`None`: the page's own app).
pub async fn restore_app(state: SessionState, app: Option<String>) {
    let app = app_prefix(app.as_deref());
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
        Ok(database) => {
            if let Err(error) = read_into(&database, &port, &app).await {
                unavailable(format!("Browser storage could not be read ({}).", describe(&error)));
            } else {
                with(|s| s.database = Some(database));
            }
        }
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
    let mut writes: Vec<Write> = taken.cache.into_iter().map(Write::Cache).collect();
    writes.extend(taken.session.into_iter().map(|(key, bytes)| Write::Session(format!("{app}{key}"), bytes)));
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
/// this app, then reloads the page (a new session).
pub fn reset_session() {
    remove_dev_snapshot();
    enqueue(vec![Write::ClearSession], "");
    wasm_bindgen_futures::spawn_local(async {
        flushed().await;
        let _ = window().location().reload();
    });
}

/// The menu items "Clear cache" and "Reset session", for the app menu. `close` closes
/// the menu; `rerun` reruns the script.
pub(crate) fn menu_items(close: impl Fn() + Copy + 'static, rerun: impl Fn() + Copy + 'static) -> impl IntoView {
    view! {
        <button role="menuitem" on:click=move |_| {
            close();
            clear_cache();
            rerun();
        }>"Clear cache"</button>
        <button role="menuitem" on:click=move |_| {
            close();
            reset_session();
        }>"Reset session"</button>
    }
}

// ----- test hooks -------------------------------------------------------------------

/// Uses another database (name, and a schema version above 1 to simulate an upgrade that
/// another tab blocks). Call before [`restore`].
#[doc(hidden)]
pub fn use_database(name: &str, version: u32) {
    with(|s| {
        s.database_name = Some(name.to_string());
        s.database_version = Some(version);
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
}

/// Closes the connection under the app's feet: later writes fail (a browser may close
/// a connection, e.g. when the user clears site data).
#[doc(hidden)]
pub fn close_database() {
    if let Some(database) = with(|s| s.database.clone()) {
        database.close();
    }
}

/// Treats this page load as a reload (`Some(true)`), a fresh load (`Some(false)`), or
/// asks the browser (`None`).
#[doc(hidden)]
pub fn set_dev_reload(reload: Option<bool>) {
    with(|s| s.dev_reload = reload);
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
    BLOCKED.with(|b| b.set(false));
    let request = Database::open(name.as_str())
        .with_version(version.unwrap_or(VERSION))
        .with_on_blocked(|_event| {
            BLOCKED.with(|b| b.set(true));
            Ok(())
        })
        .with_on_upgrade_needed(|_event, database| {
            let existing: Vec<String> = database.object_store_names().collect();
            for store in [CACHE, SESSION] {
                if !existing.iter().any(|name| name == store) {
                    database.create_object_store(store).build()?;
                }
            }
            Ok(())
        });
    let mut opening = Box::pin(async move { request.await });
    let started = js_sys::Date::now();
    loop {
        // Poll the open request, waking every 20 ms to look for a blocked upgrade.
        match race(opening.as_mut(), 20).await {
            Some(Ok(database)) => return Ok(database),
            Some(Err(error)) => return Err(format!("Browser storage could not be opened ({error}).")),
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

/// Reads this app's cache entries and session keys.
/// `app` is the app's [`app_prefix`] in the session store.
async fn read_into(database: &Database, port: &StoragePort, app: &str) -> Result<(), indexed_db_futures::error::Error> {
    let transaction = database.transaction([CACHE, SESSION]).build()?;
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
        let entries = keys.into_iter().zip(values).filter_map(|(key, value)| {
            let key = key.as_string()?.strip_prefix(&prefix)?.to_string();
            let bytes = value.dyn_into::<js_sys::Uint8Array>().ok()?.to_vec();
            Some((key, bytes))
        });
        if is_cache {
            port.preload_cache(entries);
        } else {
            for (key, bytes) in entries {
                port.seed_key(&key, bytes);
            }
        }
    }
    Ok(())
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
    let stored = |key: String| local_storage().and_then(|storage| storage.get_item(&key).ok().flatten()).is_some();
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
            (Some(database), false) => s.queue.pop_front().map(|write| (database.clone(), write)),
            _ => {
                s.queue.clear();
                None
            }
        });
        let Some((database, write)) = next else { break };
        if let Err(error) = write_one(&database, write).await {
            let message = match &error {
                e if is_quota(e) => {
                    "Browser storage is full: new cached values and session keys are kept in memory only.".to_string()
                }
                e => format!("Browser storage failed ({}): changes are kept in memory only.", describe(e)),
            };
            unavailable(message);
        }
    }
    with(|s| s.writing = false);
}

async fn write_one(database: &Database, write: Write) -> Result<(), indexed_db_futures::error::Error> {
    let store_name = match &write {
        Write::Cache(_) => CACHE,
        Write::Session(..) | Write::ClearSession => SESSION,
    };
    let transaction = database.transaction(store_name).with_mode(TransactionMode::Readwrite).build()?;
    let store = transaction.object_store(store_name)?;
    let bytes_value = |bytes: &[u8]| -> JsValue { js_sys::Uint8Array::from(bytes).into() };
    match write {
        Write::Cache(StorageOp::Put { key, bytes }) | Write::Session(key, Some(bytes)) => {
            store.put(bytes_value(&bytes)).with_key(scoped(&key)).primitive()?;
        }
        Write::Cache(StorageOp::Delete { key }) | Write::Session(key, None) => {
            store.delete(scoped(&key)).primitive()?;
        }
        Write::Cache(StorageOp::DeletePrefix { prefix }) => {
            store.delete::<String, _>(prefix_range(&prefix)).primitive()?;
        }
        Write::Cache(StorageOp::Clear) | Write::ClearSession => {
            store.delete::<String, _>(prefix_range("")).primitive()?;
        }
    }
    transaction.commit().await
}

fn is_quota(error: &indexed_db_futures::error::Error) -> bool {
    let text = format!("{error:?} {error}");
    text.contains("Quota") || text.contains("quota")
}

fn describe(error: &indexed_db_futures::error::Error) -> String {
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

// ----- development reloads ----------------------------------------------------------------

fn snapshot_key(app: &str) -> String {
    format!("wasmlit:dev-snapshot:{}{app}", scope())
}

fn session_storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// Whether the browser says this page load is a reload.
fn is_reload() -> bool {
    if let Some(forced) = with(|s| s.dev_reload) {
        return forced;
    }
    let Ok(performance) = js_sys::Reflect::get(&window(), &"performance".into()) else { return false };
    let entries = js_sys::Reflect::get(&performance, &"getEntriesByType".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&performance, &"navigation".into()).ok());
    let first = entries.map(|list| js_sys::Array::from(&list).get(0));
    first
        .and_then(|entry| js_sys::Reflect::get(&entry, &"type".into()).ok())
        .and_then(|kind| kind.as_string())
        .is_some_and(|kind| kind == "reload")
}

/// The snapshot the last page load left, if this load is a development reload.
fn dev_snapshot(app: &str) -> Option<Snapshot> {
    if !cfg!(debug_assertions) || !is_reload() {
        return None;
    }
    let text = session_storage()?.get_item(&snapshot_key(app)).ok()??;
    Snapshot::decode(&from_hex(&text)?)
}

fn save_dev_snapshot(port: &StoragePort, app: &str) {
    let Some(storage) = session_storage() else { return };
    let bytes = port.snapshot().encode();
    // sessionStorage holds a few MB; a snapshot that does not fit is simply not kept.
    let _ = storage.set_item(&snapshot_key(app), &to_hex(&bytes));
}

/// Removes the snapshots of every app of the page (the page reloads: all of them restart).
fn remove_dev_snapshot() {
    let Some(storage) = session_storage() else { return };
    let page = snapshot_key("");
    let count = storage.length().unwrap_or(0);
    let keys: Vec<String> = (0..count).filter_map(|i| storage.key(i).ok().flatten()).collect();
    for key in keys.into_iter().filter(|key| *key == page || key.starts_with(&format!("{page}@"))) {
        let _ = storage.remove_item(&key);
    }
}

fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(DIGITS[usize::from(byte >> 4)] as char);
        text.push(DIGITS[usize::from(byte & 15)] as char);
    }
    text
}

fn from_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok()).collect()
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
