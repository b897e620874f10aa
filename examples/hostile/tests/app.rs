//! The hostile app, driven headless with `AppTest`: every page draws without an exception, and
//! each crash button panics with its own message (the browser shows it in the crash panel:
//! `tests/e2e.rs`).

use std::panic::{catch_unwind, AssertUnwindSafe};

use wasmlit::prelude::*;

fn on(page: &str) -> AppTest {
    let mut at = AppTest::new_async(hostile::app);
    at.run();
    at.switch_page(page).run();
    at
}

#[test]
fn every_page_draws_its_hostile_text_without_an_exception() {
    for page in ["text", "widgets", "data", "query", "crashes", "hostile-0"] {
        let at = on(page);
        let exceptions: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
        assert!(exceptions.is_empty(), "{page}: {exceptions:?}");
        assert_eq!(at.current_page().as_deref(), Some(page));
    }
}

#[test]
fn each_crash_button_panics_with_its_own_message() {
    let places = ["a callback", "a cached function", "a fragment", "an async run"];
    for place in places {
        let mut at = on("crashes");
        let button = format!("Panic in {place}");
        let panicked = catch_unwind(AssertUnwindSafe(|| {
            at.button(label(&button)).click().run();
        }));
        let message = panicked.expect_err(&button);
        let message =
            message.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| message.downcast_ref::<String>().cloned());
        assert_eq!(message.as_deref(), Some(format!("a panic in {place}").as_str()));
    }
}
