//! The gallery's "Maps" section: `map` with Streamlit's defaults, sizes and colours from
//! columns, 100,000 points, and a bad frame drawn as an error in place.
//!
//! The maps are behind a toggle: Leaflet is downloaded only when a page shows a map, and the
//! end-to-end tests check that the gallery does not request it before.

use wasmlit::prelude::*;

/// Five cities, with a size (metres) and a colour each: the map the end-to-end tests read.
pub const CITIES: [(&str, f64, f64, f64, &str); 5] = [
    ("Berlin", 52.52, 13.405, 60_000.0, "#ff4b4b"),
    ("Paris", 48.8566, 2.3522, 50_000.0, "#1c83e1"),
    ("Rome", 41.9028, 12.4964, 40_000.0, "#21c354"),
    ("Madrid", 40.4168, -3.7038, 40_000.0, "#ffbd45c0"),
    ("Warsaw", 52.2297, 21.0122, 30_000.0, "#803df5"),
];

/// A deterministic stream of standard normal numbers (a 64-bit LCG and Box–Muller).
struct Normal(u64);

impl Normal {
    fn uniform(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 11) as f64 + 0.5) / (1_u64 << 53) as f64
    }

    fn next(&mut self) -> f64 {
        let (u, v) = (self.uniform(), self.uniform());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

/// `n` points scattered around Berlin, as in Streamlit's `st.map` example.
pub fn scattered(n: usize, seed: u64) -> Result<DataFrame> {
    let mut normal = Normal(seed);
    let lat: Vec<f64> = (0..n).map(|_| 52.52 + normal.next() * 0.05).collect();
    let lon: Vec<f64> = (0..n).map(|_| 13.405 + normal.next() * 0.08).collect();
    Ok(DataFrame::new(vec![("lat", Column::from(lat)), ("lon", Column::from(lon))])?)
}

/// The section.
pub fn maps(ui: &Ui, index: usize) -> Result {
    super::section(ui, index);
    ui.caption("Leaflet draws the tiles and the zoom buttons and is downloaded only when a map is shown; the points are drawn by Rust on a canvas, so they appear even offline.");
    // Bound to `?maps=true`, so a link (and `cargo xtask screenshot`) opens the section drawn.
    if !ui.add(Toggle::new("Show the maps").key("maps").bind(Bind::QueryParams)) {
        return Ok(());
    }

    ui.subheader("map: 500 points");
    ui.add(Map::new(&scattered(500, 1)?).height(360));

    ui.subheader("Sizes and colours from columns");
    let cities = DataFrame::new(vec![
        ("city", Column::from(CITIES.iter().map(|c| c.0).collect::<Vec<_>>())),
        ("latitude", Column::from(CITIES.iter().map(|c| c.1).collect::<Vec<_>>())),
        ("longitude", Column::from(CITIES.iter().map(|c| c.2).collect::<Vec<_>>())),
        ("metres", Column::from(CITIES.iter().map(|c| c.3).collect::<Vec<_>>())),
        ("colour", Column::from(CITIES.iter().map(|c| c.4).collect::<Vec<_>>())),
    ])?;
    ui.code("ui.add(Map::new(&cities).size(\"metres\").color(\"colour\"));", "rust");
    ui.add(Map::new(&cities).size("metres").color("colour").height(400));

    ui.subheader("100,000 points");
    if ui.checkbox("Draw 100,000 points") {
        ui.caption("Drag and zoom: only the points on the screen are drawn, at every frame.");
        ui.add(Map::new(&scattered(100_000, 2)?).size(20).color("#0068c9a0").zoom(10));
    }

    ui.subheader("Bad input stays in place");
    let wrong = DataFrame::new(vec![("lat", Column::from(vec![52.5, 95.0])), ("lon", Column::from(vec![13.4, 13.4]))])?;
    ui.map(&wrong);
    Ok(())
}
