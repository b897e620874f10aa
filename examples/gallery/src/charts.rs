//! The gallery's charts: `line_chart`, `area_chart`, `bar_chart` (stacked and horizontal),
//! `scatter_chart`, `vega_lite_chart` with a selection, `add_rows`, and a million-point line
//! chart. They are drawn once the toggle is on, so the page loads Vega only then.

use std::rc::Rc;

use wasmlit::prelude::*;
use wasmlit::serde_json::json;

/// A deterministic random walk per series (a 64-bit LCG), so every run draws the same data.
fn walks(rows: usize, names: &[&str]) -> DataFrame {
    let mut state = 42_u64;
    let mut next = move || {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1_u64 << 53) as f64 - 0.5
    };
    let columns = names
        .iter()
        .map(|name| {
            let mut y = 0.0;
            let values: Vec<f64> = (0..rows)
                .map(|_| {
                    y += next() * 2.0;
                    (y * 100.0_f64).round() / 100.0
                })
                .collect();
            (*name, Column::from(values))
        })
        .collect();
    DataFrame::new(columns).unwrap_or_default()
}

/// Sales per weekday and region (long data: one row per day and region).
fn sales() -> DataFrame {
    let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    let regions = ["north", "south", "west"];
    let mut day_col = Vec::new();
    let mut region_col = Vec::new();
    let mut amount = Vec::new();
    for (d, day) in days.iter().enumerate() {
        for (r, region) in regions.iter().enumerate() {
            day_col.push(*day);
            region_col.push(*region);
            amount.push(((d * 7 + r * 13) % 20 + 5) as i64);
        }
    }
    DataFrame::new(vec![
        ("day", Column::from(day_col)),
        ("region", Column::from(region_col)),
        ("sales", Column::from(amount)),
    ])
    .unwrap_or_default()
}

/// Forty points of three species, with a weight.
fn flowers() -> DataFrame {
    let species = ["setosa", "versicolor", "virginica"];
    let rows = 40;
    DataFrame::new(vec![
        ("width", Column::from((0..rows).map(|i| (i % 10) as f64 * 0.3 + (i / 10) as f64).collect::<Vec<_>>())),
        ("length", Column::from((0..rows).map(|i| ((i * 7) % 13) as f64 * 0.5 + 1.0).collect::<Vec<_>>())),
        ("species", Column::from((0..rows).map(|i| species[i % 3]).collect::<Vec<_>>())),
        ("weight", Column::from((0..rows).map(|i| (i % 5 + 1) as i64 * 20).collect::<Vec<_>>())),
    ])
    .unwrap_or_default()
}

/// A million points of a noisy sine, made once per tab.
#[cache_resource]
fn million_points() -> Rc<DataFrame> {
    let mut state = 7_u64;
    let values: Vec<f64> = (0..1_000_000)
        .map(|i| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let noise = (state >> 11) as f64 / (1_u64 << 53) as f64 - 0.5;
            (i as f64 / 20_000.0).sin() * 10.0 + noise * 3.0
        })
        .collect();
    DataFrame::new(vec![("signal", Column::from(values))]).unwrap_or_default()
}

pub fn charts(ui: &Ui, index: usize) -> Result {
    super::section(ui, index);
    ui.caption("Vega-Lite charts in Streamlit's look; Vega loads the first time a chart is drawn.");
    // Bound to `?charts=true`, so a link (and `cargo xtask screenshot`) opens the section drawn.
    if !ui.add(Toggle::new("Draw the charts").key("charts").bind(Bind::QueryParams)) {
        return Ok(());
    }
    let walk = walks(100, &["alpha", "beta", "gamma"]);

    ui.subheader("line_chart");
    ui.line_chart(&walk);

    ui.subheader("area_chart");
    ui.area_chart(&walks(50, &["north", "south"]));

    ui.subheader("bar_chart (stacked)");
    ui.add(Chart::bar(&sales()).x("day").y("sales").color("region"));

    ui.subheader("bar_chart (horizontal)");
    ui.add(Chart::bar(&sales()).x("day").y("sales").color("region").horizontal(true).stack(false).height(420));

    ui.subheader("scatter_chart");
    ui.add(Chart::scatter(&flowers()).x("width").y("length").color("species").size("weight"));

    ui.subheader("vega_lite_chart with a selection");
    let selection = ui.add(
        VegaLiteChart::new(json!({
            "mark": {"type": "point", "filled": true, "tooltip": true},
            "params": [{"name": "brush", "select": {"type": "interval"}}],
            "encoding": {
                "x": {"field": "width", "type": "quantitative"},
                "y": {"field": "length", "type": "quantitative"},
                "color": {"condition": {"param": "brush", "field": "species", "type": "nominal"}, "value": "#d5dae5"},
            },
            "height": 300,
        }))
        .data(&flowers())
        .use_container_width(true)
        .on_select()
        .key("gallery_brush"),
    );
    ui.write(match selection.get("brush") {
        Some(brush) => format!("Selected: `{brush}`"),
        None => "Drag over the points to select some.".to_string(),
    });

    ui.subheader("vega_lite_chart with a point selection");
    let picked = ui.add(
        VegaLiteChart::new(json!({
            "mark": {"type": "bar", "tooltip": true},
            "params": [{"name": "pick", "select": {"type": "point", "fields": ["species"]}}],
            "encoding": {
                "x": {"field": "species", "type": "nominal"},
                "y": {"aggregate": "mean", "field": "length", "type": "quantitative"},
                "opacity": {"condition": {"param": "pick", "value": 1}, "value": 0.35},
            },
            "height": 240,
        }))
        .data(&flowers())
        .use_container_width(true)
        .on_select()
        .key("gallery_pick"),
    );
    ui.write(match picked.get("pick") {
        Some(points) => format!("Picked: `{points}`"),
        None => "Click a bar to pick a species.".to_string(),
    });

    ui.subheader("add_rows");
    let state = ui.session_state();
    let added = state.get::<i64>("gallery_added").unwrap_or(0);
    let chart = ui.add(Chart::line(&walks(20, &["value"])).height(250));
    if added > 0 {
        let more = walks(20 + 5 * added as usize, &["value"]).slice(20, 5 * added as usize);
        chart.add_rows(&more)?;
    }
    if ui.button("Add 5 rows") {
        state.set("gallery_added", added + 1)?;
        ui.rerun()?;
    }
    ui.caption(format!("{} rows", 20 + 5 * added));

    ui.subheader("A million points");
    if ui.toggle("Draw a million points") {
        let signal = million_points();
        ui.caption("1,000,000 rows, reduced in Rust to min/max per pixel column; scroll to zoom, drag to pan.");
        ui.line_chart(&signal);
    }
    Ok(())
}
