//! Caching through `AppTest`: key formation, copies and shared values, ttl and
//! max_entries on a manual clock, errors, clearing, element replay, persistence.
//!
//! Caches are per thread; every test uses functions of its own (names and bodies differ,
//! so their keys do), so tests never share entries even on one thread.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;

use crate::cache::persist::{self, StorageOp};
use crate::cache::{self as cache, last_outcome, CacheData, CacheResource, Codec, FunctionSpec, KeyHasher, Options};
use crate::element::Element;
use crate::prelude::*;
use crate::time::ManualClock;

thread_local! {
    static CALLS: RefCell<HashMap<&'static str, u32>> = RefCell::default();
}

/// Counts one run of a cached body.
fn ran(name: &'static str) {
    CALLS.with(|calls| *calls.borrow_mut().entry(name).or_default() += 1);
}

/// How often a cached body ran.
fn calls(name: &'static str) -> u32 {
    CALLS.with(|calls| calls.borrow().get(name).copied().unwrap_or(0))
}

fn texts(at: &AppTest, kind: &str) -> Vec<String> {
    at.get(kind).iter().map(Element::text).collect()
}

// ----- keys ------------------------------------------------------------------------

#[cache_data]
fn add_up(ui: &Ui, a: i64, b: i64, _note: &str) -> i64 {
    ran("add_up");
    ui.caption(format!("{a} + {b}"));
    a + b
}

#[test]
fn the_same_arguments_hit_and_other_arguments_miss() {
    let mut at = AppTest::new(|ui: &Ui| {
        let a = ui.add(NumberInput::int("a").value(1));
        let sum = add_up(ui, a, 2, "first");
        ui.write(sum);
    });
    at.run();
    assert_eq!((calls("add_up"), last_outcome()), (1, Some(CacheOutcome::Miss)));
    at.run();
    assert_eq!((calls("add_up"), last_outcome()), (1, Some(CacheOutcome::Hit)));
    at.number_input(0).increment().run();
    assert_eq!(calls("add_up"), 2, "a new argument value misses");
    assert_eq!(at.markdown(0).text(), "4");
    at.number_input(0).decrement().run();
    assert_eq!(calls("add_up"), 2, "the first value is still cached");
    assert_eq!(at.markdown(0).text(), "3");
}

#[test]
fn arguments_named_with_an_underscore_and_the_ui_are_not_part_of_the_key() {
    let mut at = AppTest::new(|ui: &Ui| {
        let note = ui.text_input("note");
        let target = if ui.checkbox("in the sidebar") { ui.sidebar() } else { ui.clone() };
        ui.write(add_up(&target, 10, 20, &note));
    });
    at.run();
    let before = calls("add_up");
    at.text_input(0).input("something else").run();
    at.checkbox(0).check().run();
    assert_eq!(calls("add_up"), before, "`_note` and the `&Ui` do not change the key");
    assert_eq!(at.markdown(0).text(), "30");
    assert_eq!(at.sidebar().caption(0).text(), "10 + 20", "replayed where this call draws");
}

#[test]
fn an_edited_function_starts_with_an_empty_cache() {
    // `#[cache_data]` hashes the function's tokens into its spec; an edit changes `source`.
    let before_edit = FunctionSpec::new(module_path!(), "load", 0x1111, "app@1");
    let after_edit = FunctionSpec::new(module_path!(), "load", 0x2222, "app@1");
    let computed = Cell::new(0);
    let load = |spec: &FunctionSpec| {
        let mut key = KeyHasher::new();
        key.arg("rows", &10);
        cache::data::call_value(spec, &Options::new(), key.finish(), None, Codec::none(), || {
            computed.set(computed.get() + 1);
            computed.get()
        })
    };
    assert_eq!(load(&before_edit), 1);
    assert_eq!(load(&before_edit), 1);
    assert_eq!(load(&after_edit), 2, "a different source misses");
    assert_eq!(load(&before_edit), 1);
}

mod edited {
    pub mod v1 {
        #[crate::cache_data]
        pub fn version() -> &'static str {
            "v1"
        }
    }
    pub mod v2 {
        #[crate::cache_data]
        pub fn version() -> &'static str {
            "v2"
        }
    }
}

#[test]
fn the_macro_hashes_the_source_so_equal_names_do_not_collide() {
    assert_eq!(edited::v1::version(), "v1");
    assert_eq!(edited::v2::version(), "v2");
    assert_eq!(edited::v1::version(), "v1");
}

#[derive(Clone, CacheKey)]
struct Query {
    table: String,
    limit: Option<u32>,
}

#[derive(CacheKey)]
enum Source {
    File(String),
    #[allow(dead_code)]
    Url {
        href: String,
    },
}

#[cache_data]
fn run_query(query: &Query, source: Source) -> String {
    ran("run_query");
    let from = match source {
        Source::File(path) => path,
        Source::Url { href } => href,
    };
    format!("{} rows of {} from {from}", query.limit.unwrap_or(0), query.table)
}

#[test]
fn user_types_derive_their_key() {
    let query = Query { table: "trips".into(), limit: Some(5) };
    run_query(&query, Source::File("a.csv".into()));
    run_query(&query.clone(), Source::File("a.csv".into()));
    assert_eq!(calls("run_query"), 1);
    run_query(&Query { limit: None, ..query.clone() }, Source::File("a.csv".into()));
    run_query(&query, Source::File("b.csv".into()));
    assert_eq!(calls("run_query"), 3);
}

// ----- copies and shared values -----------------------------------------------------------

#[cache_data]
fn numbers() -> Vec<i32> {
    vec![1, 2, 3]
}

#[cache_resource]
fn shared_log() -> Rc<RefCell<Vec<String>>> {
    RefCell::new(Vec::new())
}

#[test]
fn cache_data_hands_out_copies_and_cache_resource_one_shared_value() {
    let mut first = numbers();
    first.push(4);
    assert_eq!(numbers(), [1, 2, 3], "mutating a copy does not change the cache");

    let log = shared_log();
    log.borrow_mut().push("A".into());
    let again = shared_log();
    assert!(Rc::ptr_eq(&log, &again));
    again.borrow_mut().push("B".into());
    assert_eq!(*shared_log().borrow(), ["A", "B"], "a mutation is seen by every caller");
}

// ----- ttl and max_entries --------------------------------------------------------------------

#[cache_data(ttl = "1m")]
fn fresh(x: u32) -> u32 {
    ran("fresh");
    x
}

#[test]
fn ttl_expires_an_entry_when_it_is_next_asked_for() {
    let clock = ManualClock::new();
    fresh(1);
    clock.advance(Duration::from_secs(59));
    fresh(1);
    assert_eq!(calls("fresh"), 1);
    clock.advance(Duration::from_secs(1));
    fresh(1);
    assert_eq!(calls("fresh"), 2, "60 s old: computed again");
    clock.advance(Duration::from_secs(30));
    fresh(1);
    assert_eq!(calls("fresh"), 2, "the new entry's age counts from its computation");
}

#[cache_data(max_entries = 2)]
fn bounded(x: u32) -> u32 {
    ran("bounded");
    x * 10
}

#[test]
fn max_entries_evicts_the_least_recently_used_entry() {
    let _clock = ManualClock::new();
    bounded(1);
    bounded(2);
    bounded(1); // a hit refreshes 1
    assert_eq!(calls("bounded"), 2);
    bounded(3); // full: 2 (used longest ago) goes, not 1 (inserted first)
    assert_eq!(calls("bounded"), 3);
    bounded(1);
    bounded(3);
    assert_eq!(calls("bounded"), 3, "1 and 3 stayed");
    bounded(2);
    assert_eq!(calls("bounded"), 4, "2 was evicted");
    bounded(3);
    assert_eq!(calls("bounded"), 4, "storing 2 evicted 1, used before 3");
    bounded(1);
    assert_eq!(calls("bounded"), 5);
}

thread_local! {
    static CLOSED: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

struct Pooled(&'static str);

#[cache_resource(max_entries = 2, on_release = close_pooled)]
fn pooled(name: &'static str) -> Rc<Pooled> {
    Pooled(name)
}

fn close_pooled(pooled: &Pooled) {
    CLOSED.with(|c| c.borrow_mut().push(pooled.0));
}

#[test]
fn resources_are_evicted_least_recently_used_first() {
    pooled("a");
    pooled("b");
    pooled("a");
    pooled("c");
    assert_eq!(CLOSED.with(|c| c.borrow().clone()), ["b"], "a was used after b");
}

thread_local! {
    static RELEASED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static HEALTHY: Cell<bool> = const { Cell::new(true) };
}

struct Connection {
    name: String,
}

fn healthy(_: &Connection) -> bool {
    HEALTHY.with(Cell::get)
}

fn close(connection: &Connection) {
    RELEASED.with(|r| r.borrow_mut().push(connection.name.clone()));
}

#[cache_resource(ttl = 10, max_entries = 2, validate = healthy, on_release = close)]
fn connect(name: &str) -> Rc<Connection> {
    ran("connect");
    Connection { name: name.to_string() }
}

#[test]
fn resources_are_validated_on_every_access_and_released_when_they_leave() {
    let clock = ManualClock::new();
    let released = || RELEASED.with(|r| r.borrow().clone());
    connect("a");
    connect("a");
    assert_eq!(calls("connect"), 1);

    HEALTHY.with(|h| h.set(false));
    connect("a");
    HEALTHY.with(|h| h.set(true));
    assert_eq!(calls("connect"), 2, "validate said no: built again");
    assert_eq!(released(), ["a"]);

    connect("b");
    connect("c"); // max_entries = 2: "a" goes
    assert_eq!(released(), ["a", "a"]);

    clock.advance(Duration::from_secs(10));
    connect("b"); // expired; storing the new "b" also drops "c", expired too
    assert_eq!(released(), ["a", "a", "b", "c"]);
    assert_eq!(calls("connect"), 5);

    connect::clear();
    assert_eq!(released(), ["a", "a", "b", "c", "b"], "clear releases what is left");
}

thread_local! {
    static STILL_VALID: Cell<bool> = const { Cell::new(true) };
}

fn still_valid(_: &u32) -> bool {
    STILL_VALID.with(Cell::get)
}

#[cache_resource(validate = still_valid)]
fn labelled(ui: &Ui) -> Rc<u32> {
    ran("labelled");
    ui.caption("built");
    42
}

#[test]
fn a_resource_refused_by_validate_draws_its_elements_once() {
    let mut at = AppTest::new(|ui: &Ui| {
        let resource = labelled(ui);
        ui.write(*resource);
    });
    at.run();
    at.run();
    assert_eq!(texts(&at, "caption"), ["built"], "a valid hit replays");
    STILL_VALID.with(|v| v.set(false));
    at.run();
    STILL_VALID.with(|v| v.set(true));
    assert_eq!(calls("labelled"), 2, "validate said no: built again");
    assert_eq!(texts(&at, "caption"), ["built"], "validated before the replay: drawn once");
}

// ----- errors and clearing ---------------------------------------------------------------------

thread_local! {
    static FAIL: Cell<bool> = const { Cell::new(true) };
}

#[cache_data]
fn flaky(x: u32) -> Result<u32> {
    ran("flaky");
    if FAIL.with(Cell::get) {
        return Err(Error::msg("network down"));
    }
    Ok(x)
}

#[test]
fn errors_are_not_cached() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        ui.write(flaky(7)?);
        Ok(())
    });
    at.run();
    assert_eq!(at.exception(0).text(), "Error: network down");
    at.run();
    assert_eq!(calls("flaky"), 2, "the error was not cached");
    FAIL.with(|f| f.set(false));
    at.run();
    at.run();
    assert_eq!(calls("flaky"), 3);
    assert_eq!(at.markdown(0).text(), "7");
}

#[cache_data]
fn doubled(x: u32) -> u32 {
    ran("doubled");
    x * 2
}

#[cache_data]
fn tripled(x: u32) -> u32 {
    ran("tripled");
    x * 3
}

#[test]
fn clear_one_argument_set_one_function_or_everything() {
    doubled(1);
    doubled(2);
    tripled(1);
    doubled::clear_entry(1);
    doubled(1);
    doubled(2);
    assert_eq!(calls("doubled"), 3, "only doubled(1) was cleared");
    doubled::clear();
    doubled(1);
    doubled(2);
    tripled(1);
    assert_eq!((calls("doubled"), calls("tripled")), (5, 1), "only doubled was cleared");
    cache_data::clear();
    tripled(1);
    assert_eq!(calls("tripled"), 2);
}

// ----- element replay -------------------------------------------------------------------------

#[cache_data]
fn report(ui: &Ui, title: &str) -> usize {
    ran("report");
    ui.subheader(title);
    let [left, right] = ui.columns([1, 1]);
    left.write("left");
    right.write("right");
    ui.sidebar().caption(format!("about {title}"));
    title.len()
}

#[test]
fn a_hit_draws_what_the_function_drew_in_the_same_place() {
    let mut at = AppTest::new(|ui: &Ui| {
        ui.title("Top");
        let n = report(ui, "Sales");
        ui.write(format!("{n} letters"));
    });
    at.run();
    let miss = at.tree();
    at.run();
    assert_eq!(calls("report"), 1);
    assert_eq!(at.tree(), miss, "the same tree on a hit, containers and sidebar included");
    assert_eq!(texts(&at, "markdown"), ["left", "right", "5 letters"]);
    assert_eq!(at.sidebar().caption(0).text(), "about Sales");
    assert!(at.get("spinner").is_empty(), "the spinner is gone once the call returns");
}

#[test]
fn a_call_drawing_into_a_placeholder_replays_into_it() {
    let mut at = AppTest::new(|ui: &Ui| {
        let slot = ui.empty();
        ui.write("after");
        report(&slot, "Slot");
    });
    at.run();
    let miss = at.tree();
    at.run();
    assert_eq!(at.tree(), miss);
}

#[cache_data]
fn outer(ui: &Ui) -> u32 {
    ui.header("outer");
    inner(ui) + 1
}

#[cache_data]
fn inner(ui: &Ui) -> u32 {
    ran("inner");
    ui.caption("inner");
    1
}

#[test]
fn nested_cached_functions_replay_as_a_whole() {
    let mut at = AppTest::new(|ui: &Ui| {
        ui.write(outer(ui));
    });
    at.run();
    at.run();
    assert_eq!(texts(&at, "header"), ["outer"]);
    assert_eq!(texts(&at, "caption"), ["inner"]);
    assert_eq!(calls("inner"), 1);
}

#[cache_data]
fn with_a_widget(ui: &Ui) -> bool {
    ui.add(Checkbox::new("inside").value(true))
}

#[cache_resource]
fn resource_with_a_widget(ui: &Ui) -> Rc<bool> {
    ui.add(Toggle::new("resource").value(true))
}

#[test]
fn a_widget_inside_a_cached_function_shows_a_warning_and_still_works() {
    let mut at = AppTest::new(|ui: &Ui| {
        let data = with_a_widget(ui);
        let resource = resource_with_a_widget(ui);
        ui.write(format!("{data} {resource}"));
        ui.checkbox("outside");
    });
    at.run();
    let warnings = texts(&at, "exception");
    assert_eq!(warnings.len(), 2, "one warning per widget: {warnings:?}");
    for warning in &warnings {
        assert!(
            warning.starts_with("CachedWidgetWarning: Your script uses a widget command in a cached function"),
            "{warning}"
        );
    }
    assert!(warnings[0].contains("`with_a_widget()` draws the checkbox \"inside\""), "{warnings:?}");
    let shown_as_warnings =
        at.get("exception").iter().all(|e| matches!(e, crate::Element::Exception(x) if x.is_warning));
    assert!(shown_as_warnings, "in the warning colours, as Streamlit's is_warning");
    assert_eq!(at.get("checkbox").len(), 2, "the widget is created");
    assert_eq!(at.get("toggle").len(), 1, "in cache_resource too");
    assert_eq!(at.markdown(0).text(), "true true", "and returns its value");
    assert!(at.checkbox(0).value::<bool>());
    at.run();
    assert_eq!(texts(&at, "exception").len(), 2, "a hit replays the warnings with the rest");
}

#[test]
fn the_spinner_stands_where_the_function_draws_while_it_runs() {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let probe = seen.clone();
    let mut at = AppTest::new(move |ui: &Ui| {
        let probe = probe.clone();
        let cache = CacheData::new("spinner probe");
        ui.title("before");
        cache.get(ui, &1, || {
            let kinds: Vec<String> =
                ui.runtime.borrow().tree.elements().iter().map(|e| format!("{}:{}", e.kind(), e.text())).collect();
            probe.borrow_mut().push(kinds);
        });
    });
    at.run();
    assert_eq!(seen.borrow()[0], ["title:before", "spinner:Running `spinner probe(...)`."]);
    assert_eq!(texts(&at, "title"), ["before"]);
    assert!(at.get("spinner").is_empty());
    at.run();
    assert_eq!(seen.borrow().len(), 1, "no spinner and no call on a hit");
}

#[cache_data(show_spinner = "Fetching prices…")]
async fn prices(ui: &Ui, symbol: &str) -> Result<f64> {
    ran("prices");
    ui.sleep(Duration::from_secs(2)).await;
    ui.caption(format!("{symbol} fetched"));
    Ok(42.0)
}

#[test]
fn an_async_cached_function_shows_its_spinner_while_it_awaits() {
    let mut at = AppTest::new_async(|ui: Ui| async move {
        let price = prices(&ui, "ACME").await?;
        ui.write(price);
        Ok::<_, Error>(())
    });
    at.run_for(Duration::from_secs(1));
    assert_eq!(texts(&at, "spinner"), ["Fetching prices…"]);
    at.wait();
    assert!(at.get("spinner").is_empty());
    assert_eq!(texts(&at, "caption"), ["ACME fetched"]);
    at.run();
    assert_eq!(calls("prices"), 1);
    assert_eq!(texts(&at, "caption"), ["ACME fetched"], "replayed on the hit");
    assert_eq!(at.markdown(0).text(), "42");
}

#[test]
fn an_interrupted_async_call_caches_nothing_and_leaves_no_spinner() {
    let mut at = AppTest::new_async(|ui: Ui| async move {
        let price = prices(&ui, "INTR").await?;
        ui.write(price);
        Ok::<_, Error>(())
    });
    let before = calls("prices");
    at.run_for(Duration::from_secs(1));
    at.run(); // interrupts the first run at its await
    assert!(at.get("spinner").is_empty());
    assert_eq!(calls("prices"), before + 2, "the cancelled call stored nothing");
    // Widgets work again outside the cancelled call.
    assert!(cache::running_function().is_none());
}

// ----- builder forms ---------------------------------------------------------------------------

#[test]
fn the_builder_form_caches_closures() {
    let cache = CacheData::new("builder squares").max_entries(10).ttl("10m");
    let mut at = AppTest::new(move |ui: &Ui| {
        let n = ui.slider("n", 1..=5);
        let squares: Vec<u64> = cache.get(ui, &n, || {
            ran("builder squares");
            (1..=n as u64).map(|i| i * i).collect()
        });
        ui.write(format!("{squares:?}"));
    });
    at.run().run();
    at.slider(0).set_value(3).run();
    assert_eq!(at.markdown(0).text(), "[1, 4, 9]");
    assert_eq!(calls("builder squares"), 2);

    let bad = CacheData::new("bad ttl").ttl("soon");
    let mut at = AppTest::new(move |ui: &Ui| {
        bad.get(ui, &(), || 1);
    });
    at.run();
    assert!(at.exception(0).text().contains("Invalid ttl"));

    let resource = CacheResource::new("builder resource");
    let mut at = AppTest::new(move |ui: &Ui| {
        let a = resource.get(ui, "k", || Cell::new(0));
        a.set(a.get() + 1);
        ui.write(a.get());
    });
    at.run().run().run();
    assert_eq!(at.markdown(0).text(), "3");
}

// ----- persistence (the engine's half) ---------------------------------------------------------

#[cache_data(persist, ttl = "1h")]
fn persisted_rows(ui: &Ui, n: u32) -> Vec<u32> {
    ran("persisted_rows");
    ui.caption(format!("{n} rows"));
    (0..n).collect()
}

fn pending_puts() -> Vec<(String, Vec<u8>)> {
    persist::take_pending()
        .into_iter()
        .filter_map(|op| match op {
            StorageOp::Put { key, bytes } => Some((key, bytes)),
            _ => None,
        })
        .collect()
}

#[test]
fn a_persisted_value_comes_back_after_a_reload_with_its_elements() {
    let _clock = ManualClock::new();
    let app = |ui: &Ui| {
        let rows = persisted_rows(ui, 3);
        ui.write(format!("{rows:?}"));
    };
    let mut at = AppTest::new(app);
    at.run();
    let stored = pending_puts();
    assert_eq!(stored.len(), 1, "the miss queued one write");

    // A reload: memory is gone, storage is read back before the first run.
    persist::forget_memory();
    persist::preload(stored.clone());
    let mut reloaded = AppTest::new(app);
    let before = calls("persisted_rows");
    reloaded.run();
    assert_eq!(last_outcome(), Some(CacheOutcome::PersistedHit));
    assert_eq!(calls("persisted_rows"), before);
    assert_eq!(reloaded.markdown(0).text(), "[0, 1, 2]");
    assert_eq!(reloaded.caption(0).text(), "3 rows", "its elements come back too");
    reloaded.run();
    assert_eq!(last_outcome(), Some(CacheOutcome::Hit));
    assert!(persist::take_pending().is_empty(), "a persisted hit writes nothing");
}

#[test]
fn corrupt_foreign_or_expired_entries_are_recomputed() {
    let clock = ManualClock::new();
    let app = |ui: &Ui| {
        ui.write(format!("{:?}", persisted_rows(ui, 4)));
    };
    AppTest::new(app).run();
    let (key, bytes) = pending_puts().remove(0);

    let reload_with = |bytes: Vec<u8>| {
        persist::forget_memory();
        persist::preload([(key.clone(), bytes)]);
        let before = calls("persisted_rows");
        let mut at = AppTest::new(app);
        at.run();
        assert_eq!(at.markdown(0).text(), "[0, 1, 2, 3]");
        (calls("persisted_rows") - before, persist::take_pending())
    };

    let warned = || persist::take_warnings().iter().filter(|w| w.contains("`persisted_rows`")).count();
    warned();
    let (computed, writes) = reload_with(b"\x01not an envelope".to_vec());
    assert_eq!(computed, 1, "corrupt bytes are ignored");
    assert_eq!(warned(), 1, "with a warning naming the function");
    assert_eq!(writes[0], StorageOp::Delete { key: key.clone() });
    assert!(matches!(&writes[1], StorageOp::Put { .. }));

    let mut foreign = persist::Envelope::decode(&bytes).unwrap();
    foreign.version ^= 1;
    assert_eq!(reload_with(foreign.encode()).0, 1, "an entry of another build is ignored");
    assert_eq!(warned(), 0, "without a word: a new build is not damage");
    let mut older = bytes[1..].to_vec();
    older.insert(0, 0);
    assert_eq!(reload_with(older).0, 1, "an entry of an older format is ignored");
    assert_eq!(warned(), 0);

    let mut wrong_type = persist::Envelope::decode(&bytes).unwrap();
    wrong_type.value = vec![0xff; 3];
    assert_eq!(reload_with(wrong_type.encode()).0, 1, "a value that does not decode is ignored");
    assert_eq!(warned(), 1);

    clock.advance(Duration::from_secs(3600));
    assert_eq!(reload_with(bytes.clone()).0, 1, "an entry past its ttl is recomputed");
}

#[test]
fn clearing_a_persisted_function_deletes_its_stored_entries() {
    persist::take_pending();
    persisted_rows::clear();
    persisted_rows::clear_entry(9);
    cache_data::clear();
    let ops = persist::take_pending();
    assert!(matches!(&ops[0], StorageOp::DeletePrefix { prefix } if prefix.len() == 33));
    assert!(matches!(&ops[1], StorageOp::Delete { key } if key.starts_with(match &ops[0] {
        StorageOp::DeletePrefix { prefix } => prefix.as_str(),
        _ => unreachable!(),
    })));
    assert_eq!(ops[2], StorageOp::Clear);
}
