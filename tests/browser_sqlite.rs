//! SQLite in headless Chromium: a `persist`ed database written through a session is stored
//! in IndexedDB and read back after its connection and every cache are dropped (a reload in
//! one page).
//!
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver
//! cargo test --target wasm32-unknown-unknown --features sqlite --test browser_sqlite`

#![cfg(all(target_arch = "wasm32", feature = "sqlite"))]

use wasm_bindgen_test::*;
use wasmlit::connection::sqlite::SqliteConnection;
use wasmlit::connection::ConnectionOptions;
use wasmlit::data::Value;
use wasmlit::prelude::*;
use wasmlit::Session;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/browser.rs"]
mod support;
use support::{mount_session, sleep_ms};

/// Waits (up to `seconds`) until the app's text contains `needle`; panics with the text if not.
async fn wait_text(root: &web_sys::HtmlElement, needle: &str, seconds: u32) {
    for _ in 0..seconds * 100 {
        if root.text_content().unwrap_or_default().contains(needle) {
            return;
        }
        sleep_ms(10).await;
    }
    panic!("waited for {needle:?}, the page says {:?}", root.text_content());
}

fn open(ui: &Ui, name: &str) -> Result<wasmlit::connection::Connected<SqliteConnection>> {
    ConnectionOptions::<SqliteConnection>::new("notes").param("persist", name).open(ui)
}

#[wasm_bindgen_test]
async fn a_persisted_database_survives_dropping_its_connection_and_the_caches() {
    let name = format!("browser-test-{}", js_sys::Date::now());

    let writer = name.clone();
    let session = Session::new_async(move |ui: Ui| {
        let name = writer.clone();
        async move {
            let conn = open(&ui, &name)?;
            conn.ready(&ui).await?;
            conn.session(|tx| {
                tx.execute_batch("CREATE TABLE IF NOT EXISTS note (body TEXT)")?;
                tx.execute("INSERT INTO note VALUES (?1)", &[Value::Text("kept".into())])?;
                Ok(())
            })?;
            conn.saved().await?;
            ui.write("saved");
            Ok::<_, Error>(())
        }
    });
    let (root, unmount) = mount_session(session).await;
    wait_text(&root, "saved", 10).await;
    drop(unmount);

    // What a reload forgets: the connection (its database in memory) and cached queries.
    cache_resource::clear();
    cache_data::clear();

    let reader = name.clone();
    let session = Session::new_async(move |ui: Ui| {
        let name = reader.clone();
        async move {
            let conn = open(&ui, &name)?;
            conn.ready(&ui).await?;
            let df = conn.query("SELECT count(*) AS n, max(body) AS body FROM note", &[], None)?;
            ui.write(format!("{} note: {}", df.cell_text(0, 0), df.cell_text(0, 1)));
            Ok::<_, Error>(())
        }
    });
    let (root, _unmount) = mount_session(session).await;
    wait_text(&root, "1 note: kept", 10).await;
}
