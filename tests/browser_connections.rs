//! HttpConnection against the browser's real `fetch` and timers: a refused connection is
//! retried with the documented backoff (0.5s, then 1s) before the error names the tries, and a
//! served file comes back as a frame. (A timeout against a slow server, whose request is
//! aborted, is checked end to end: tests/e2e.rs.)
//!
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver
//! cargo test --target wasm32-unknown-unknown --test browser_connections`

#![cfg(all(target_arch = "wasm32", feature = "data"))]

use wasm_bindgen_test::*;
use wasmlit::config::AppConfig;
use wasmlit::connection::http::HttpConnection;
use wasmlit::prelude::*;
use wasmlit::Session;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/browser.rs"]
mod support;
use support::*;

fn now_ms() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

/// Waits (up to 10s) for a markdown element and returns its text.
async fn markdown(root: &web_sys::HtmlElement) -> String {
    for _ in 0..1000 {
        if let Some(text) = all_text(root, ".wl-markdown").into_iter().next() {
            return text;
        }
        sleep_ms(10).await;
    }
    panic!("no markdown element");
}

#[wasm_bindgen_test]
async fn a_refused_connection_is_retried_with_backoff_then_named() {
    let config = "[connections.down]\nbase_url = \"http://127.0.0.1:9\"\nretries = 2\ntimeout = \"5s\"";
    let session = Session::new_async(|ui: Ui| async move {
        let start = now_ms();
        let api = ui.connection::<HttpConnection>("down")?;
        let error = api.get_json(&ui, "cities", None).await.unwrap_err();
        ui.write(format!("{:.0} | {error}", now_ms() - start));
        Ok::<_, Error>(())
    })
    .with_config(AppConfig::parse(config));
    let (root, _mounted) = mount_session(session).await;
    let text = markdown(&root).await;
    let (elapsed, error) = text.split_once(" | ").unwrap();
    let elapsed: f64 = elapsed.parse().unwrap();
    assert!(elapsed >= 1500.0, "two waits, 0.5s and 1s: {elapsed}ms");
    // Markdown shows the backticks as code: the text has none.
    assert!(error.contains("connection down: GET http://127.0.0.1:9/cities failed: network error"), "{error}");
    assert!(error.contains("(after 3 tries)"), "{error}");
}

#[wasm_bindgen_test]
async fn a_served_csv_comes_back_as_a_frame_through_window_fetch() {
    let csv = "city,n\nParis,2\nLyon,1\n";
    let options = web_sys::FilePropertyBag::new();
    options.set_type("text/csv");
    let file =
        web_sys::File::new_with_str_sequence_and_options(&js_sys::Array::of1(&csv.into()), "cities.csv", &options)
            .unwrap();
    let url = web_sys::Url::create_object_url_with_blob(&file).unwrap();
    let config = format!("[connections.local]\nbase_url = \"{url}\"");
    let session = Session::new_async(|ui: Ui| async move {
        let api = ui.connection::<HttpConnection>("local")?;
        let frame = api.get_frame(&ui, "", None).await?;
        ui.write(format!("{:?} {}", frame.column_names(), frame.num_rows()));
        Ok::<_, Error>(())
    })
    .with_config(AppConfig::parse(&config));
    let (root, _mounted) = mount_session(session).await;
    assert_eq!(markdown(&root).await, r#"["city", "n"] 2"#);
}
