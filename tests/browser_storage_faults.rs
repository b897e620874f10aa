//! Storage faults in headless Chromium: a write over quota, damaged entries, a database left
//! by another build, storage refused as in a private window, and two tabs of one app writing
//! the same persisted keys. In each, the app goes on from memory with a visible warning and
//! nothing the user did in the running session is lost.
//!
//! As in `tests/browser_persistence.rs`, a reload is simulated in one page, and every test
//! uses a database of its own. "Two tabs" are two sessions of one app in this page: each
//! listens on the app's `BroadcastChannel` with a channel object of its own, as two tabs do.
//!
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver
//! cargo test --target wasm32-unknown-unknown --test browser_storage_faults`

#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use wasmlit::prelude::*;
use wasmlit::web::persistence;
use wasmlit::{RerunRequest, Session};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/persistence.rs"]
mod persistence_support;
#[path = "support/browser.rs"]
mod support;
use persistence_support::{
    banner_text, click, fresh_database, load_and_run, reload, rerun, square, squares, texts, until,
};
use support::{find, mount_session, sleep_ms, wait_find};

/// Runs the JavaScript function body `body` with `args` and awaits the promise it returns.
async fn js(args: &str, body: &str, values: &[JsValue]) -> JsValue {
    let function = js_sys::Function::new_with_args(args, body);
    let array: js_sys::Array = values.iter().collect();
    let result = function.apply(&JsValue::NULL, &array).unwrap_or_else(|e| panic!("{body}: {e:?}"));
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&result))
        .await
        .unwrap_or_else(|e| panic!("{body}: {e:?}"))
}

/// Opens the database `name` at its version, runs `body` (a function of the connection
/// returning a promise) and closes it.
async fn with_database(name: &str, body: &str) -> JsValue {
    js(
        "name, body",
        "return new Promise((resolve, reject) => { \
           const request = indexedDB.open(name); \
           request.onerror = () => reject(request.error); \
           request.onsuccess = () => { const db = request.result; \
             Promise.resolve(new Function('db', body)(db)).then(v => { db.close(); resolve(v); }, e => { db.close(); reject(e); }); }; \
         })",
        &[name.into(), body.into()],
    )
    .await
}

/// The stored keys of `store`, with their values, as `[[key, value], ...]`.
async fn entries(database: &str, store: &str) -> Vec<(String, JsValue)> {
    let body = format!(
        "return new Promise((resolve, reject) => {{ const s = db.transaction('{store}').objectStore('{store}'); \
           const keys = s.getAllKeys(); const values = s.getAll(); \
           values.onsuccess = () => resolve(keys.result.map((k, i) => [k, values.result[i]])); \
           values.onerror = () => reject(values.error); }})"
    );
    let list: js_sys::Array = with_database(database, &body).await.unchecked_into();
    list.iter()
        .map(|pair| {
            let pair: js_sys::Array = pair.unchecked_into();
            (pair.get(0).as_string().unwrap_or_default(), pair.get(1))
        })
        .collect()
}

/// Stores `value` under `key` in `store`.
async fn put(database: &str, store: &str, key: &str, value: JsValue) {
    js(
        "name, store, key, value",
        "return new Promise((resolve, reject) => { const request = indexedDB.open(name); \
           request.onerror = () => reject(request.error); \
           request.onsuccess = () => { const db = request.result; const tx = db.transaction(store, 'readwrite'); \
             tx.objectStore(store).put(value, key); \
             tx.oncomplete = () => { db.close(); resolve(); }; tx.onerror = () => { db.close(); reject(tx.error); }; }; })",
        &[database.into(), store.into(), key.into(), value],
    )
    .await;
}

fn bytes(data: &[u8]) -> JsValue {
    js_sys::Uint8Array::from(data).into()
}

// ----- the apps ----------------------------------------------------------------------------

/// Three persisted keys, two persisted cache entries and a button that changes them.
fn notes_app(ui: &Ui) -> Result {
    let state = ui.session_state();
    state.persisted("notes", Vec::<String>::new)?;
    state.persisted("count", || 0_u32)?;
    state.persisted("label", || String::from("none"))?;
    if ui.button("Add note") {
        let notes = state.update("notes", |n: &mut Vec<String>| n.push(format!("note {}", n.len() + 1)))?;
        state.set("count", notes.len() as u32)?;
        state.set("label", format!("{} notes", notes.len()))?;
    }
    let notes: Vec<String> = state.get("notes")?;
    ui.write(format!(
        "notes: [{}] count: {} label: {} squares: {} {}",
        notes.join(", "),
        state.get::<u32>("count")?,
        state.get::<String>("label")?,
        square(12),
        square(13)
    ));
    Ok(())
}

// ----- over quota ----------------------------------------------------------------------------

/// Makes every `IDBObjectStore.put` throw `QuotaExceededError`, as a full disk does; the
/// returned function undoes it.
async fn fill_the_disk() -> js_sys::Function {
    js(
        "",
        "const original = IDBObjectStore.prototype.put; \
         IDBObjectStore.prototype.put = function () { \
           throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); }; \
         return () => { IDBObjectStore.prototype.put = original; };",
        &[],
    )
    .await
    .unchecked_into()
}

#[wasm_bindgen_test]
async fn a_write_over_quota_keeps_the_session_in_memory_with_a_warning() {
    let database = fresh_database();
    reload(&database);
    let mut session = Session::new(notes_app);
    load_and_run(&mut session).await;
    assert_eq!(banner_text(), None, "the first writes fit");
    let undo = fill_the_disk().await;
    let add = click(&session, "Add note");
    rerun(&mut session, add).await;
    let add = click(&session, "Add note");
    rerun(&mut session, add).await;
    undo.call0(&JsValue::NULL).unwrap();

    let banner = banner_text().expect("a warning banner");
    assert!(banner.contains("Browser storage is full"), "{banner}");
    assert_eq!(
        texts(&session, "markdown"),
        ["notes: [note 1, note 2] count: 2 label: 2 notes squares: 144 169"],
        "what the user did is kept in memory"
    );
    let add = click(&session, "Add note");
    rerun(&mut session, add).await;
    assert_eq!(
        texts(&session, "markdown"),
        ["notes: [note 1, note 2, note 3] count: 3 label: 3 notes squares: 144 169"]
    );
    assert_eq!(persistence::warnings().len(), 1, "said once");
}

// ----- damaged entries ----------------------------------------------------------------------

#[wasm_bindgen_test]
async fn damaged_entries_are_ignored_with_a_warning_naming_them_and_the_others_restored() {
    let database = fresh_database();
    reload(&database);
    let mut first = Session::new(notes_app);
    load_and_run(&mut first).await;
    let add = click(&first, "Add note");
    rerun(&mut first, add).await;
    assert_eq!(texts(&first, "markdown"), ["notes: [note 1] count: 1 label: 1 notes squares: 144 169"]);

    // Truncate one key, make another a string, and break one of the two cached values.
    let session = entries(&database, "session").await;
    let key_of = |name: &str| {
        session
            .iter()
            .find(|(key, _)| key.ends_with(&format!("|{name}")))
            .map(|(key, value)| (key.clone(), value.clone()))
    };
    let (notes_key, notes_bytes) = key_of("notes").expect("notes stored");
    let notes_bytes = notes_bytes.unchecked_into::<js_sys::Uint8Array>().to_vec();
    put(&database, "session", &notes_key, bytes(&notes_bytes[..notes_bytes.len() - 2])).await;
    let (label_key, _) = key_of("label").expect("label stored");
    put(&database, "session", &label_key, "1 notes".into()).await;
    let cache = entries(&database, "cache").await;
    assert_eq!(cache.len(), 2, "two cached values");
    put(&database, "cache", &cache[0].0, bytes(b"\x01\x07random bytes, not an entry")).await;

    reload(&database);
    let before = squares();
    let mut second = Session::new(notes_app);
    load_and_run(&mut second).await;
    assert_eq!(
        texts(&second, "markdown"),
        ["notes: [] count: 1 label: none squares: 144 169"],
        "the damaged keys start from their defaults, the intact one is restored"
    );
    assert_eq!(squares(), before + 1, "the damaged cached value is computed again, the other restored");
    let banner = banner_text().expect("a warning banner");
    for name in ["`notes`", "`label`", "`square`"] {
        assert!(banner.contains(name), "{name} is named: {banner}");
    }

    // They were overwritten or deleted: the next load restores everything without a word.
    let add = click(&second, "Add note");
    rerun(&mut second, add).await;
    reload(&database);
    let before = squares();
    let mut third = Session::new(notes_app);
    load_and_run(&mut third).await;
    assert_eq!(texts(&third, "markdown"), ["notes: [note 1] count: 1 label: 1 notes squares: 144 169"]);
    assert_eq!(squares(), before);
    assert_eq!(banner_text(), None);
}

// ----- a database of another build ------------------------------------------------------------

#[wasm_bindgen_test]
async fn a_database_left_by_another_build_is_upgraded_and_kept_working() {
    let database = fresh_database();
    // Version 3 of another layout: a `cache` store that keeps its keys inside the values,
    // no `session` store, and a store we do not know.
    js(
        "name",
        "return new Promise((resolve, reject) => { const request = indexedDB.open(name, 3); \
           request.onupgradeneeded = () => { const db = request.result; \
             db.createObjectStore('cache', { keyPath: 'id' }).put({ id: 'x', value: 1 }); \
             db.createObjectStore('old').put('kept', 'k'); }; \
           request.onerror = () => reject(request.error); \
           request.onsuccess = () => { request.result.close(); resolve(); }; })",
        &[database.as_str().into()],
    )
    .await;
    reload(&database);
    let mut session = Session::new(notes_app);
    load_and_run(&mut session).await;
    let add = click(&session, "Add note");
    rerun(&mut session, add).await;
    assert_eq!(banner_text(), None, "an upgrade is not a fault: {:?}", banner_text());

    let shape = with_database(
        &database,
        "return { version: db.version, stores: [...db.objectStoreNames], \
           keyPath: db.transaction('cache').objectStore('cache').keyPath }",
    )
    .await;
    let get = |name: &str| js_sys::Reflect::get(&shape, &name.into()).unwrap();
    assert_eq!(get("version").as_f64(), Some(4.0), "one version up");
    let stores: Vec<String> = js_sys::Array::from(&get("stores")).iter().filter_map(|s| s.as_string()).collect();
    assert_eq!(stores, ["cache", "old", "session"], "ours made, the unknown one left alone");
    assert!(get("keyPath").is_null(), "the misshapen store was made again");

    // The upgraded database serves the next page loads (at its new version).
    reload(&database);
    let before = squares();
    let mut again = Session::new(notes_app);
    load_and_run(&mut again).await;
    assert_eq!(texts(&again, "markdown"), ["notes: [note 1] count: 1 label: 1 notes squares: 144 169"]);
    assert_eq!(squares(), before, "the cached values came back");
    assert_eq!(banner_text(), None);
}

// ----- private mode ----------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn storage_refused_as_in_a_private_window_runs_from_memory_with_a_warning() {
    // Opening IndexedDB and touching Web Storage throw SecurityError, as when a browser
    // refuses the page storage.
    let undo: js_sys::Function = js(
        "",
        "const open = IDBFactory.prototype.open; \
         const refuse = () => { throw new DOMException('access to the Indexed Database API is denied in this context.', 'SecurityError'); }; \
         IDBFactory.prototype.open = refuse; \
         const saved = {}; \
         for (const name of ['localStorage', 'sessionStorage']) { \
           saved[name] = Object.getOwnPropertyDescriptor(window, name); \
           Object.defineProperty(window, name, { configurable: true, get: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); } }); } \
         return () => { IDBFactory.prototype.open = open; \
           for (const name in saved) { if (saved[name]) Object.defineProperty(window, name, saved[name]); else delete window[name]; } };",
        &[],
    )
    .await
    .unchecked_into();
    reload(&fresh_database());
    let (root, _unmount) = mount_session(Session::new(notes_app)).await;
    let banner = banner_text();
    let button = wait_find(&root, ".wl-button button").await;
    button.click();
    let mut shown = String::new();
    until("the click's rerun", || {
        shown = root.text_content().unwrap_or_default();
        shown.contains("note 1")
    })
    .await;
    undo.call0(&JsValue::NULL).unwrap();
    assert!(web_sys::window().unwrap().local_storage().is_ok(), "storage is back for the other tests");

    let banner = banner.expect("a warning banner");
    assert!(banner.contains("not allowed"), "{banner}");
    assert!(shown.contains("notes: [note 1] count: 1 label: 1 notes"), "{shown}");
    assert!(find(&root, ".wl-markdown").is_connected(), "the page is not blank");
}

// ----- two tabs --------------------------------------------------------------------------------

/// A session of `notes_app` that counts the reruns a reset in another tab asks for.
async fn tab() -> (Session, Rc<Cell<u32>>) {
    let mut session = Session::new(notes_app);
    load_and_run(&mut session).await;
    let asked = Rc::new(Cell::new(0));
    let count = asked.clone();
    persistence::on_reset_elsewhere(&session.session_state(), move || count.set(count.get() + 1));
    (session, asked)
}

/// Lets another tab's messages arrive, then reruns `session`.
async fn rerun_later(session: &mut Session) {
    sleep_ms(150).await;
    rerun(session, RerunRequest::default()).await;
}

/// The label a text of `notes_app` shows.
fn label(text: &str) -> String {
    let start = text.find("label: ").map_or(0, |i| i + 7);
    let end = text.find(" squares").unwrap_or(text.len());
    text.get(start..end).unwrap_or_default().to_string()
}

/// Presses R in the page (the app menu's "Rerun").
fn press_r() {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("r");
    init.set_bubbles(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    web_sys::window().unwrap().document().unwrap().body().unwrap().dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn two_tabs_keep_persisted_keys_in_step_and_a_reset_is_not_undone() {
    let database = fresh_database();
    reload(&database);
    // Tab A is a page of its own (the real driver); tab B is driven by hand.
    let (root, unmount) = mount_session(Session::new(notes_app)).await;
    let (mut b, asked) = tab().await;
    let shown = |root: &web_sys::HtmlElement| root.text_content().unwrap_or_default();

    // B adds a note; A takes it quietly, and A's user adds one on top of it: nothing lost
    // (before, A wrote its own stale list back and B's note was gone).
    let add = click(&b, "Add note");
    rerun(&mut b, add).await;
    sleep_ms(150).await;
    assert!(shown(&root).contains("notes: [] count: 0"), "A does not rerun for it: {}", shown(&root));
    wait_find(&root, ".wl-button button").await.click();
    until("A shows both notes", || shown(&root).contains("notes: [note 1, note 2] count: 2")).await;
    rerun_later(&mut b).await;
    assert_eq!(texts(&b, "markdown"), ["notes: [note 1, note 2] count: 2 label: 2 notes squares: 144 169"]);

    // Both change the label at once: each keeps its own until the other's write, and both
    // end with the value written last, which is also what storage holds.
    wait_find(&root, ".wl-button button").await.click();
    b.session_state().set("label", String::from("from B")).unwrap();
    rerun(&mut b, RerunRequest::default()).await;
    sleep_ms(300).await;
    persistence::flushed().await;
    rerun_later(&mut b).await;
    press_r();
    sleep_ms(300).await;
    let b_label = label(&texts(&b, "markdown").join(""));
    until("both tabs agree", || label(&shown(&root)) == b_label).await;
    let stored = entries(&database, "session").await;
    let stored = stored.iter().find(|(key, _)| key.ends_with("|label")).map(|(_, v)| v.clone()).unwrap();
    let stored = stored.unchecked_into::<js_sys::Uint8Array>().to_vec();
    assert_eq!(String::from_utf8_lossy(&stored[1..]), b_label, "storage holds the same");
    assert!(shown(&root).contains("count: 3"), "A's note is kept: {}", shown(&root));
    assert!(texts(&b, "markdown").join("").contains("count: 3"), "and B has it");

    // "Reset session" elsewhere: both tabs drop their persisted values and rerun from the
    // defaults, and neither writes the old state back.
    persistence::forget_session().await;
    until("B is asked to rerun", || asked.get() == 1).await;
    rerun_later(&mut b).await;
    assert_eq!(texts(&b, "markdown"), ["notes: [] count: 0 label: none squares: 144 169"]);
    until("A shows the defaults", || shown(&root).contains("notes: [] count: 0 label: none")).await;
    persistence::flushed().await;
    sleep_ms(100).await;
    drop(unmount);
    reload(&database);
    let mut after = Session::new(notes_app);
    load_and_run(&mut after).await;
    assert_eq!(texts(&after, "markdown"), ["notes: [] count: 0 label: none squares: 144 169"]);
}
