//! Browser test of an app that persists, built without wasmlit's `persist` feature: it keeps
//! running with its values in memory, and the page warns once that the feature is missing.
//!
//! By hand (no `--features persist`):
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser_without_persist`.

#![cfg(all(target_arch = "wasm32", not(feature = "persist")))]

use wasm_bindgen_test::*;
use wasmlit::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/browser.rs"]
mod support;
use support::*;

#[wasm_bindgen_test]
async fn an_app_that_persists_without_the_feature_warns_once_and_keeps_running() {
    let (root, _mounted) = mount(|ui: &Ui| -> Result {
        let state = ui.session_state();
        let clicks = state.persisted("clicks", || 0_u64)?;
        if ui.button("Click") {
            state.set("clicks", clicks + 1)?;
        }
        ui.write(format!("Clicks: {}", state.get::<u64>("clicks").unwrap_or_default()));
        Ok(())
    })
    .await;
    let warning = wait_find(&root, ".wl-theme-error[role=alert]").await;
    let text = warning.text_content().unwrap_or_default();
    assert!(text.contains("without its `persist` feature"), "{text}");
    assert!(text.contains("features = [\"persist\"]"), "{text}");
    find(&root, "button.wl-btn").click();
    settle().await;
    find(&root, "button.wl-btn").click();
    settle().await;
    assert!(root.text_content().unwrap_or_default().contains("Clicks: 2"), "the value lives in memory");
    assert_eq!(all(&root, ".wl-theme-error").len(), 1, "the warning is shown once");
}

#[wasm_bindgen_test]
async fn an_app_that_persists_nothing_shows_no_warning() {
    let (root, _mounted) = mount(|ui: &Ui| -> Result {
        ui.session_state().set("clicks", 1_u64)?;
        // Clearing caches (as a SQLite connection does after a write) queues deletes, not values.
        wasmlit::cache::data::clear();
        ui.write("Plain state");
        Ok(())
    })
    .await;
    wait_find(&root, ".wl-md").await;
    settle().await;
    assert!(all(&root, ".wl-theme-error").is_empty());
}
