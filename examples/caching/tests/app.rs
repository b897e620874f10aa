//! The "Advanced concepts" app, driven headless with `AppTest`.

use caching::{timing_line, COLORS};
use wasmlit::cache::CacheOutcome;
use wasmlit::prelude::*;

fn texts(at: &AppTest, kind: &str) -> Vec<String> {
    at.get(kind).iter().map(|e| e.text()).collect()
}

fn started() -> AppTest {
    let mut at = AppTest::new(caching::app);
    at.run();
    at
}

#[test]
fn every_section_renders_without_errors() {
    let at = started();
    assert!(at.get("exception").is_empty(), "{:?}", texts(&at, "exception"));
    assert_eq!(
        texts(&at, "header"),
        [
            "Caching with cache_data",
            "Caching with cache_resource",
            "Session State",
            "Per-session data",
            "Notes that survive a reload",
        ]
    );
}

/// The timing captions, in order: load_data's, then load_model's.
fn timing(at: &AppTest) -> Vec<String> {
    texts(at, "caption").into_iter().filter(|c| c.starts_with("Computed") || c.starts_with("Served")).collect()
}

#[test]
fn the_data_load_is_computed_once_and_then_served_from_the_cache() {
    caching::load_data::clear(); // caches are per thread: start from an empty one
    let mut at = started();
    assert!(timing(&at)[0].starts_with("Computed in"), "{:?}", timing(&at));
    assert!(texts(&at, "caption").contains(&"Parsed 100000 rows of CSV.".to_string()));
    at.button(label("Rerun")).click().run();
    assert!(timing(&at)[0].starts_with("Served from cache"), "{:?}", timing(&at));
    assert!(
        texts(&at, "caption").contains(&"Parsed 100000 rows of CSV.".to_string()),
        "the caption the load drew is replayed on a hit"
    );
    assert!(texts(&at, "markdown").iter().any(|m| m.starts_with("100000 trips; the busiest hour is")));

    at.selectbox(label("Rows to load")).select("10000 rows").run();
    assert!(texts(&at, "markdown").iter().any(|m| m.starts_with("10000 trips")));

    at.button(label("Clear load_data's cache")).click().run();
    at.selectbox(label("Rows to load")).select("100000 rows").run();
    assert!(timing(&at)[0].starts_with("Computed in"), "cleared: {:?}", timing(&at));
}

#[test]
fn the_model_is_one_shared_instance() {
    let mut at = started();
    let predictions = |at: &AppTest| {
        texts(at, "caption").into_iter().find(|c| c.starts_with("This model instance")).unwrap_or_default()
    };
    let first = predictions(&at);
    at.slider(label("Hour")).set_value(17).run();
    at.run();
    let later = predictions(&at);
    let count = |text: &str| text.split_whitespace().nth(5).and_then(|n| n.parse::<u64>().ok()).unwrap();
    assert_eq!(count(&later), count(&first) + 2, "{first} / {later}");
    assert!(timing(&at)[1].starts_with("Served from cache"));
}

#[test]
fn the_counter_counts_runs_and_the_random_points_stay() {
    let mut at = started();
    assert_eq!(at.subheader(0).text(), "This page has run 1 times.");
    let svg = |at: &AppTest| texts(at, "markdown").into_iter().find(|m| m.starts_with("<svg")).unwrap();
    let first = svg(&at);
    assert!(first.contains(COLORS[0]));
    at.button(label("Run it again")).click().run();
    assert_eq!(at.subheader(0).text(), "This page has run 2 times.");
    at.selectbox(label("Color")).select(COLORS[2]).run();
    let recoloured = svg(&at);
    assert!(recoloured.contains(COLORS[2]) && !recoloured.contains(COLORS[0]));
    assert_eq!(first.replace(COLORS[0], COLORS[2]), recoloured, "the same points, in the new colour");
}

#[test]
fn notes_are_a_persisted_key() {
    let mut at = started();
    assert!(texts(&at, "caption").contains(&"No notes yet.".to_string()));
    at.text_input(key("note_text")).input("Buy milk").run();
    at.button(label("Add note")).click().run();
    assert!(texts(&at, "markdown").contains(&"- Buy milk".to_string()));
    // What the web layer writes to IndexedDB after the run, and restores on the next load.
    let changes = wasmlit::storage::StoragePort::new(at.session_state()).take_writes().session;
    assert_eq!(changes.len(), 1);
    let (key, Some(bytes)) = changes[0].clone() else { panic!("a write") };
    let mut reloaded = AppTest::new(caching::app);
    wasmlit::storage::StoragePort::new(reloaded.session_state()).seed_key(&key, bytes);
    reloaded.run();
    assert!(texts(&reloaded, "markdown").contains(&"- Buy milk".to_string()));
    reloaded.button(label("Clear notes")).click().run();
    assert!(texts(&reloaded, "caption").contains(&"No notes yet.".to_string()));
}

#[test]
fn timing_lines_say_how_a_call_was_answered() {
    assert_eq!(timing_line(Some(CacheOutcome::Miss), 812.4), "Computed in 812 ms.");
    assert_eq!(timing_line(Some(CacheOutcome::Hit), 0.26), "Served from cache in 0.3 ms.");
    assert_eq!(
        timing_line(Some(CacheOutcome::PersistedHit), 41.0),
        "Served from browser storage in 41 ms (computed by an earlier visit)."
    );
}
