//! The `map` renderer in headless Chromium, without Leaflet: the test runner serves no
//! `wasmlit-vendor/` folder, so the page must say in place of the map that Leaflet could not
//! load, keep the rest of the app running, and the points raster must work in wasm32. (The map
//! drawn with Leaflet is checked end to end against a trunk build: tests/e2e.rs.)
//!
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver
//! cargo test --target wasm32-unknown-unknown --test browser_maps`

#![cfg(all(target_arch = "wasm32", feature = "maps"))]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use wasmlit::elements::maps::map::{MapPoints, PointColors, PointSizes};
use wasmlit::elements::maps::mercator::{project, Bounds, View};
use wasmlit::elements::maps::raster::Projected;
use wasmlit::elements::maps::Rgba;
use wasmlit::prelude::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/browser.rs"]
mod support;
use support::*;

fn app(ui: &Ui) -> Result {
    let df = DataFrame::new(vec![
        ("lat", Column::from(vec![52.52, 48.85, 41.9])),
        ("lon", Column::from(vec![13.40, 2.35, 12.5])),
    ])?;
    ui.title("Maps");
    ui.add(Map::new(&df).height(320).width(480));
    let wrong = DataFrame::new(vec![("lat", Column::from(vec!["north"])), ("lon", Column::from(vec![1.0]))])?;
    ui.map(&wrong);
    ui.markdown("after the maps");
    Ok(())
}

#[wasm_bindgen_test]
async fn without_leaflet_the_map_says_so_in_place_and_the_app_runs_on() {
    let (root, _unmount) = mount(app).await;
    let map = root.query_selector(".wl-element.wl-map").unwrap().expect("the map element");
    assert_eq!(map.get_attribute("data-kind").as_deref(), Some("map"));
    let leaflet: HtmlElement = map.query_selector(".wl-map-leaflet").unwrap().expect("the map's box").unchecked_into();
    let style = leaflet.get_attribute("style").unwrap_or_default();
    assert!(style.contains("height: 320px") && style.contains("min(480px, 100%)"), "{style}");
    // The runner serves no wasmlit-vendor/ folder: Leaflet fails to load, and says so.
    let mut message = String::new();
    for _ in 0..300 {
        if let Some(error) = map.query_selector(".wl-exception-box").unwrap() {
            message = error.text_content().unwrap_or_default();
            break;
        }
        sleep_ms(10).await;
    }
    assert!(message.contains("The map could not be shown"), "{message:?}");
    assert!(message.contains("leaflet"), "the message names the file: {message:?}");
    assert!(leaflet.hidden(), "the empty map box is hidden");
    // The bad frame is the engine's error, and the script went on.
    let errors = root.query_selector_all(".wl-exception").unwrap();
    assert_eq!(errors.length(), 1);
    let said = errors.item(0).unwrap().text_content().unwrap_or_default();
    assert!(said.contains("must hold numbers"), "{said}");
    assert!(root.text_content().unwrap_or_default().contains("after the maps"));
}

#[wasm_bindgen_test]
fn a_hundred_thousand_points_rasterize_in_wasm() {
    let n = 100_000;
    let lat: Vec<f64> = (0..n).map(|i| 40.6 + (i % 317) as f64 * 1e-3).collect();
    let lon: Vec<f64> = (0..n).map(|i| -74.1 + (i % 331) as f64 * 1e-3).collect();
    let bounds = Bounds::of(lat.iter().copied().zip(lon.iter().copied()));
    let points = MapPoints {
        lat,
        lon,
        size: PointSizes::All(20.0),
        color: PointColors::All(Rgba::new(0, 104, 201, 160)),
        bounds,
    };
    let projected = Projected::new(&points);
    let view = View::initial(bounds.as_ref(), None, 700.0, 500.0);
    let performance = web_sys::window().unwrap().performance().unwrap();
    let start = performance.now();
    let (raster, drawn) = projected.draw(&view, 1.0);
    let took = performance.now() - start;
    web_sys::console::log_1(&format!("100,000 points drawn in {took:.1} ms (debug build)").into());
    assert_eq!(drawn, n, "the fitted view shows every point");
    let (x, y) = view.to_screen(project(40.6, -74.1).0, project(40.6, -74.1).1);
    assert!(raster.pixel(x as usize, y as usize)[3] > 0);
    assert_eq!(raster.pixel(0, 0), [0, 0, 0, 0], "the padding is empty");
}
