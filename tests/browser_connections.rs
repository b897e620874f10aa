//! HttpConnection against the browser's real `fetch` and timers: a refused connection is
//! retried with the documented backoff (0.5s, then 1s) before the error names the tries, and a
//! served file comes back as a frame. ClickHouse's chunked answer, played by a `ReadableStream`,
//! shows its progress as it streams in. (A timeout against a slow server, whose request is
//! aborted, is checked end to end: tests/e2e.rs.)
//!
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver
//! cargo test --target wasm32-unknown-unknown --test browser_connections`

#![cfg(all(target_arch = "wasm32", feature = "data"))]

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_test::*;
use wasmlit::config::AppConfig;

use wasmlit::connection::clickhouse::{ClickHouseConnection, QueryProgress};
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

/// Answers `http://clickhouse.test/` with a body streamed in three chunks, the last one sent
/// only when the test calls `window.finishStream()`; no `Content-Length`, as ClickHouse.
const STREAMED_CLICKHOUSE: &str = "
    window.realFetch = window.realFetch || window.fetch;
    window.fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input.url;
      if (!url.startsWith('http://clickhouse.test/')) return window.realFetch(input, init);
      const text = new TextEncoder();
      let finish;
      window.finishStream = () => finish();
      const body = new ReadableStream({ async start(c) {
        c.enqueue(text.encode('n\\tname\\nUInt32\\tString\\n1\\ta\\n'));
        await new Promise(r => setTimeout(r, 50));
        c.enqueue(text.encode('2\\tb\\n3\\tc\\n'));
        await new Promise(r => { finish = r; });
        c.enqueue(text.encode('4\\td\\n'));
        c.close();
      } });
      return Promise.resolve(new Response(body, { status: 200 }));
    };";

#[wasm_bindgen_test]
async fn a_streamed_clickhouse_answer_shows_rows_and_bytes_before_its_end() {
    js_sys::eval(STREAMED_CLICKHOUSE).unwrap();
    let seen: Rc<RefCell<Vec<QueryProgress>>> = Rc::default();
    let record = seen.clone();
    let config = "[connections.db]\nurl = \"http://clickhouse.test\"";
    let session = Session::new_async(move |ui: Ui| {
        let record = record.clone();
        async move {
            let db = ui.connection::<ClickHouseConnection>("db")?;
            let bar = ui.progress_with_text(0, "waiting");
            let shown = bar.clone();
            let df = db
                .query_with_progress(&ui, "SELECT n, name FROM t", None, move |p| {
                    record.borrow_mut().push(p);
                    shown.progress_with_text(0, format!("{} rows, {} bytes", p.rows, p.bytes));
                })
                .await?;
            ui.write(format!("{} rows in all", df.num_rows()));
            Ok::<_, Error>(())
        }
    })
    .with_config(AppConfig::parse(config));
    let (root, _mounted) = mount_session(session).await;
    // Before the last chunk is sent: two chunks counted, shown in the page, the run not done.
    for _ in 0..500 {
        if all_text(&root, ".wl-progress-text").iter().any(|t| t.contains("3 rows, 33 bytes")) {
            break;
        }
        sleep_ms(10).await;
    }
    assert!(all_text(&root, ".wl-progress-text").iter().any(|t| t.contains("3 rows, 33 bytes")), "{:?}", seen.borrow());
    assert!(all_text(&root, ".wl-markdown").is_empty(), "the answer is not complete yet");
    let bytes: Vec<u64> = seen.borrow().iter().map(|p| p.bytes).collect();
    assert_eq!(bytes, [25, 33], "increasing byte counts, one per chunk");
    assert!(seen.borrow().iter().all(|p| !p.done));
    js_sys::eval("window.finishStream(); window.fetch = window.realFetch;").unwrap();
    assert_eq!(markdown(&root).await, "4 rows in all");
    let last = *seen.borrow().last().unwrap();
    assert_eq!(last, QueryProgress { rows: 4, bytes: 37, done: true });
}
