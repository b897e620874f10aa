//! Persistence in headless Chromium: cached values and session-state keys that survive a
//! reload (IndexedDB), development-reload snapshots (sessionStorage), the fallback when
//! storage fails, and the app menu's "Clear cache".
//!
//! A reload is simulated in one page: the first "page load" runs a session and writes;
//! then memory is forgotten (caches, preloaded entries, the connection) and a fresh
//! session is restored from the same database. Every test uses a database of its own.
//!
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver
//! cargo test --target wasm32-unknown-unknown --test browser_persistence`
//!
//! With `--release` and `-- --include-ignored benchmark`, also prints the numbers of
//! `docs/benchmarks.md` (first load, memory hit, persisted hit after a reload).

#![cfg(target_arch = "wasm32")]

use std::cell::Cell;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use wasmlit::cache::last_outcome;
use wasmlit::prelude::*;
use wasmlit::web::persistence;
use wasmlit::{RerunRequest, Session, WidgetEvent, WidgetValue};
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/persistence.rs"]
mod persistence_support;
#[path = "support/browser.rs"]
mod support;
use persistence_support::{
    banner_text, click, fresh_database, load_and_run, reload, rerun, square, squares, texts, until,
};
use support::document;

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

// ----- a persisted cache entry --------------------------------------------------------

thread_local! {
    static LOADS: Cell<u32> = const { Cell::new(0) };
}

#[cache_data(persist)]
fn load_rows(ui: &Ui, n: u32) -> Vec<(u32, String)> {
    LOADS.with(|l| l.set(l.get() + 1));
    ui.caption(format!("parsed {n} rows"));
    (0..n).map(|i| (i, format!("row {i}"))).collect()
}

fn rows_app(ui: &Ui) {
    let rows = load_rows(ui, 500);
    ui.write(format!("{} rows, last: {}", rows.len(), rows[rows.len() - 1].1));
}

#[wasm_bindgen_test]
async fn a_persisted_cache_entry_survives_a_reload() {
    let database = fresh_database();
    reload(&database);
    let loads = || LOADS.with(Cell::get);
    let before = loads();
    let mut first = Session::new(rows_app);
    load_and_run(&mut first).await;
    assert_eq!(last_outcome(), Some(CacheOutcome::Miss));
    assert_eq!(loads(), before + 1);

    reload(&database);
    let mut second = Session::new(rows_app);
    load_and_run(&mut second).await;
    assert_eq!(last_outcome(), Some(CacheOutcome::PersistedHit), "read back, not computed");
    assert_eq!(loads(), before + 1);
    assert_eq!(texts(&second, "markdown"), ["500 rows, last: row 499"]);
    assert_eq!(texts(&second, "caption"), ["parsed 500 rows"], "its elements came back too");
    assert_eq!(banner_text(), None, "no warning when storage works");

    // Clearing it deletes it from storage: the next page load computes again.
    load_rows::clear();
    persistence::after_run(&second.session_state());
    persistence::flushed().await;
    reload(&database);
    let mut third = Session::new(rows_app);
    load_and_run(&mut third).await;
    assert_eq!(last_outcome(), Some(CacheOutcome::Miss));
    assert_eq!(loads(), before + 2);
}

#[wasm_bindgen_test]
async fn the_restored_page_renders_the_persisted_value() {
    let database = fresh_database();
    reload(&database);
    let mut first = Session::new(rows_app);
    load_and_run(&mut first).await;

    reload(&database);
    let session = Session::new(rows_app);
    persistence::restore(session.session_state()).await;
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = wasmlit::web::mount(root.clone(), session);
    let text = || root.text_content().unwrap_or_default();
    until("the restored page", || text().contains("parsed 500 rows")).await;
    let text = text();
    assert!(text.contains("500 rows, last: row 499"), "{text}");
    assert!(text.contains("parsed 500 rows"), "{text}");
    drop(handle);
    root.remove();
}

// ----- a persisted session-state key ------------------------------------------------------

fn notes_app(ui: &Ui) -> Result {
    let state = ui.session_state();
    let notes: Vec<String> = state.persisted("notes", Vec::new)?;
    if ui.button("Add note") {
        state.update("notes", |n: &mut Vec<String>| n.push(format!("note {}", n.len() + 1)))?;
    }
    ui.write(format!("notes: {}", state.get::<Vec<String>>("notes")?.join(", ")));
    let _ = notes;
    Ok(())
}

#[wasm_bindgen_test]
async fn a_persisted_session_state_key_survives_a_reload() {
    let database = fresh_database();
    reload(&database);
    let mut first = Session::new(notes_app);
    load_and_run(&mut first).await;
    let add = click(&first, "Add note");
    rerun(&mut first, add).await;
    let add = click(&first, "Add note");
    rerun(&mut first, add).await;
    assert_eq!(texts(&first, "markdown"), ["notes: note 1, note 2"]);

    reload(&database);
    let mut second = Session::new(notes_app);
    load_and_run(&mut second).await;
    assert_eq!(texts(&second, "markdown"), ["notes: note 1, note 2"], "restored from IndexedDB");

    // A key that is not declared persisted is not kept: a different app with the same
    // storage starts without it.
    reload(&database);
    let mut other = Session::new(|ui: &Ui| {
        ui.write(ui.session_state().contains("notes"));
    });
    load_and_run(&mut other).await;
    assert_eq!(texts(&other, "markdown"), ["false"]);
}

// ----- development reloads ------------------------------------------------------------------

fn counter_app(ui: &Ui) -> Result {
    let state = ui.session_state();
    state.get_or_insert_with("count", || 0_i64)?;
    if ui.button("Increment") {
        state.update("count", |c: &mut i64| *c += 1)?;
    }
    let hour = ui.slider("Hour", 0..=23);
    ui.write(format!("count {} at hour {hour}", state.get::<i64>("count")?));
    Ok(())
}

#[wasm_bindgen_test]
async fn a_development_reload_reruns_where_the_user_was() {
    let database = fresh_database();
    reload(&database);
    let mut first = Session::new(counter_app);
    load_and_run(&mut first).await;
    let increment = click(&first, "Increment");
    rerun(&mut first, increment).await;
    let slider = first.elements().iter().find(|e| e.kind() == "slider").and_then(|e| e.widget().map(|w| w.id)).unwrap();
    rerun(&mut first, RerunRequest::from_event(WidgetEvent { id: slider, value: WidgetValue::Number(17.0) })).await;
    assert_eq!(texts(&first, "markdown"), ["count 1 at hour 17"]);

    // `trunk serve` rebuilt and reloaded the page.
    reload(&database);
    persistence::set_dev_reload(Some(true));
    let mut second = Session::new(counter_app);
    load_and_run(&mut second).await;
    assert_eq!(texts(&second, "markdown"), ["count 1 at hour 17"]);

    // A first visit (not a reload) starts afresh.
    reload(&database);
    let mut third = Session::new(counter_app);
    load_and_run(&mut third).await;
    assert_eq!(texts(&third, "markdown"), ["count 0 at hour 0"]);
}

// ----- storage failures -----------------------------------------------------------------------

fn square_app(ui: &Ui) -> Result {
    let notes: Vec<String> = ui.session_state().persisted("kept", || vec!["x".into()])?;
    ui.write(format!("{} {}", square(12), notes.len()));
    Ok(())
}

#[wasm_bindgen_test]
async fn a_closed_database_falls_back_to_memory_with_a_warning() {
    let database = fresh_database();
    reload(&database);
    let mut session = Session::new(square_app);
    persistence::restore(session.session_state()).await;
    persistence::close_database();
    session.run(RerunRequest::default());
    persistence::after_run(&session.session_state());
    persistence::flushed().await;
    let banner = banner_text().expect("a warning banner");
    assert!(banner.contains("kept in memory only"), "{banner}");
    assert_eq!(texts(&session, "markdown"), ["144 1"], "the app shows its values");

    let before = squares();
    rerun(&mut session, RerunRequest::default()).await;
    assert_eq!(squares(), before, "the memory cache still answers");
    assert_eq!(texts(&session, "markdown"), ["144 1"]);
    assert_eq!(persistence::warnings().len(), 1, "the warning is shown once");
}

/// Opens `name` at `version` by hand and keeps the connection open, ignoring requests to
/// close it (like another tab running an older build).
async fn hold_database(name: &str, version: u32) -> web_sys::IdbDatabase {
    let factory = window().indexed_db().unwrap().unwrap();
    let request = factory.open_with_u32(name, version).unwrap();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    request.result().unwrap().unchecked_into()
}

#[wasm_bindgen_test]
async fn a_blocked_database_falls_back_to_memory_with_a_warning() {
    let database = fresh_database();
    let _other_tab = hold_database(&database, 1).await;
    reload(&database);
    persistence::use_database(&database, Some(2)); // an upgrade the other tab blocks
    let mut session = Session::new(square_app);
    load_and_run(&mut session).await;
    let banner = banner_text().expect("a warning banner");
    assert!(banner.contains("blocked"), "{banner}");
    assert_eq!(texts(&session, "markdown"), ["144 1"]);
}

#[wasm_bindgen_test]
async fn a_database_that_cannot_be_opened_falls_back_to_memory_with_a_warning() {
    let database = fresh_database();
    hold_database(&database, 5).await.close();
    reload(&database);
    persistence::use_database(&database, Some(1)); // a build that insists on an older version
    let mut session = Session::new(square_app);
    load_and_run(&mut session).await;
    let banner = banner_text().expect("a warning banner");
    assert!(banner.contains("could not be opened"), "{banner}");
    assert_eq!(texts(&session, "markdown"), ["144 1"]);
}

#[wasm_bindgen_test]
async fn a_browser_without_indexeddb_falls_back_to_memory_with_a_warning() {
    // Some private modes give pages no IndexedDB: hide it for this test.
    let original = js_sys::Object::get_own_property_descriptor(&window(), &"indexedDB".into());
    let descriptor = js_sys::Object::new();
    js_sys::Reflect::set(&descriptor, &"value".into(), &wasm_bindgen::JsValue::NULL).unwrap();
    js_sys::Reflect::set(&descriptor, &"configurable".into(), &true.into()).unwrap();
    js_sys::Object::define_property(&window(), &"indexedDB".into(), &descriptor);
    reload(&fresh_database());
    let mut session = Session::new(square_app);
    load_and_run(&mut session).await;
    if original.is_undefined() {
        js_sys::Reflect::delete_property(&window(), &"indexedDB".into()).unwrap();
    } else {
        js_sys::Object::define_property(&window(), &"indexedDB".into(), original.unchecked_ref());
    }
    assert!(window().indexed_db().unwrap().is_some(), "IndexedDB is back for the other tests");
    let banner = banner_text().expect("a warning banner");
    assert!(banner.contains("no IndexedDB"), "{banner}");
    assert_eq!(texts(&session, "markdown"), ["144 1"]);
}

// ----- the app menu ----------------------------------------------------------------------------

thread_local! {
    static MENU_LOADS: Cell<u32> = const { Cell::new(0) };
}

#[cache_data]
fn menu_data() -> u32 {
    MENU_LOADS.with(|l| l.set(l.get() + 1));
    7
}

#[wasm_bindgen_test]
async fn the_menu_clears_the_cache_and_reruns() {
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = wasmlit::web::mount(
        root.clone(),
        Session::new(|ui: &Ui| {
            ui.write(menu_data());
        }),
    );
    until("the first run and the app's menu", || {
        let ran = root.text_content().unwrap_or_default().contains('7');
        ran && root.query_selector("[aria-label='Main menu']").unwrap().is_some()
    })
    .await;
    let before = MENU_LOADS.with(Cell::get);
    let button = |label: &str| -> HtmlElement {
        let list = root.query_selector_all("button").unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().unchecked_into::<HtmlElement>())
            .find(|b| {
                b.text_content().unwrap_or_default().trim() == label
                    || b.get_attribute("aria-label").as_deref() == Some(label)
            })
            .unwrap_or_else(|| panic!("no button {label}"))
    };
    button("Main menu").click();
    until("the open menu", || root.query_selector(".wl-menu-panel").unwrap().is_some()).await;
    button("Clear cache").click();
    until("the rerun after clearing", || MENU_LOADS.with(Cell::get) == before + 1).await;
    assert!(root.query_selector(".wl-menu-panel").unwrap().is_none(), "the menu closed");
    drop(handle);
    root.remove();
}

// ----- the benchmark of docs/benchmarks.md -------------------------------------------------------

/// One trip of a synthetic "Uber pickups" CSV.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
struct Trip {
    hour: u8,
    lat: f64,
    lon: f64,
}

/// The data load: generate and parse a CSV of `rows` trips, then keep every 20th trip
/// (a ~1 s load that returns a few thousand rows, like the Uber example's 10,000).
#[cache_data(persist)]
fn load_trips(rows: usize) -> Vec<Trip> {
    let mut csv = String::with_capacity(rows * 32);
    csv.push_str("hour,lat,lon\n");
    let mut seed = 42u64;
    for _ in 0..rows {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let hour = (seed >> 59) % 24;
        let lat = 40.6 + ((seed >> 20) & 0xffff) as f64 / 327_680.0;
        let lon = -74.1 + ((seed >> 36) & 0xffff) as f64 / 327_680.0;
        csv.push_str(&format!("{hour},{lat:.6},{lon:.6}\n"));
    }
    csv.lines()
        .skip(1)
        .filter_map(|line| {
            let mut fields = line.split(',');
            Some(Trip {
                hour: fields.next()?.parse().ok()?,
                lat: fields.next()?.parse().ok()?,
                lon: fields.next()?.parse().ok()?,
            })
        })
        .step_by(20)
        .collect()
}

fn now_ms() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or_else(js_sys::Date::now)
}

#[wasm_bindgen_test]
#[ignore = "a benchmark: run with --release -- --include-ignored benchmark"]
async fn benchmark_first_load_memory_hit_and_persisted_hit() {
    const ROWS: usize = 3_200_000;
    let app = |ui: &Ui| {
        let trips = load_trips(ROWS);
        ui.write(format!("{} trips", trips.len()));
    };
    let database = fresh_database();
    reload(&database);

    let mut session = Session::new(app);
    persistence::restore(session.session_state()).await;
    let start = now_ms();
    session.run(RerunRequest::default());
    let first = now_ms() - start;
    assert_eq!(last_outcome(), Some(CacheOutcome::Miss));
    let start = now_ms();
    persistence::after_run(&session.session_state());
    persistence::flushed().await;
    let write = now_ms() - start;

    let mut hits = Vec::new();
    for _ in 0..10 {
        let start = now_ms();
        session.run(RerunRequest::default());
        hits.push(now_ms() - start);
        assert_eq!(last_outcome(), Some(CacheOutcome::Hit));
    }
    hits.sort_by(f64::total_cmp);

    let mut restores = Vec::new();
    let mut persisted = Vec::new();
    for _ in 0..5 {
        reload(&database);
        let mut session = Session::new(app);
        let start = now_ms();
        persistence::restore(session.session_state()).await;
        restores.push(now_ms() - start);
        let start = now_ms();
        session.run(RerunRequest::default());
        persisted.push(now_ms() - start);
        assert_eq!(last_outcome(), Some(CacheOutcome::PersistedHit));
    }
    restores.sort_by(f64::total_cmp);
    persisted.sort_by(f64::total_cmp);
    let trips = texts(&session, "markdown").join("");
    console_log!(
        "BENCHMARK caching ({trips} from {ROWS} CSV rows): first load {first:.1} ms (+ {write:.1} ms background write); \
         memory hit median {:.2} ms; after a reload: restore median {:.1} ms + persisted hit median {:.1} ms",
        hits[hits.len() / 2],
        restores[restores.len() / 2],
        persisted[persisted.len() / 2],
    );
}
