//! The chart renderer's own parts in headless Chromium: the box it draws into, the error in
//! place when the chart library cannot load (the test server has no `wasmlit-vendor/`), and
//! the rest of the app running. The drawn charts are checked end to end (tests/e2e.rs).
//!
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver
//! cargo test --target wasm32-unknown-unknown --test browser_charts`

#![cfg(all(target_arch = "wasm32", feature = "charts"))]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use wasmlit::prelude::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/browser.rs"]
mod support;
use support::*;

fn frame() -> DataFrame {
    DataFrame::new(vec![("a", Column::from(vec![1.0, 3.0, 2.0])), ("b", Column::from(vec![2.0, 1.0, 0.5]))]).unwrap()
}

fn charts(ui: &Ui) -> Result {
    ui.line_chart(&frame());
    ui.add(Chart::bar(&frame()).y("nope"));
    ui.write("after the charts");
    Ok(())
}

#[wasm_bindgen_test]
async fn a_chart_whose_library_cannot_load_shows_an_error_in_place_and_the_app_goes_on() {
    let (root, _unmount) = mount(charts).await;
    let chart = wait_for(&root, ".wl-line_chart .wl-chart-box").await.expect("the chart's box");
    let host: HtmlElement = chart.query_selector(".wl-chart").unwrap().unwrap().unchecked_into();
    assert_eq!(host.style().get_property_value("min-height").unwrap(), "350px", "room for the chart while Vega loads");
    let error = wait_for(&root, ".wl-line_chart .wl-chart-error").await.expect("an error in place");
    let text = error.text_content().unwrap_or_default();
    assert!(text.contains("This chart cannot be drawn") && text.contains("could not load"), "{text}");
    assert_eq!(host.style().get_property_value("display").unwrap(), "none");
    // The bad bar chart is an engine error box; the markdown after both is drawn.
    let exception = wait_for(&root, ".wl-exception").await.expect("the bad chart's error");
    assert!(exception.text_content().unwrap_or_default().contains("\"nope\""));
    assert!(root.text_content().unwrap_or_default().contains("after the charts"));
}
