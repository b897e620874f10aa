//! Streamlit's "Create a multipage app" tutorial, ported to wasmlit.
//!
//! <https://docs.streamlit.io/get-started/tutorials/create-a-multipage-app>: a main page and
//! three demos (plotting, mapping, data frames) as pages of one navigation. The tutorial's
//! data comes from the internet; here it is synthetic, made from a seeded generator, so the
//! app runs offline. Charts and maps land in parallel: until they do, the plotting and
//! mapping demos show their data as frames, each at one marked seam (`CHART SEAM`,
//! `MAP SEAM`) where the chart or map call goes.
//!
//! Query params: the plotting demo's "Points" slider and the data-frame demo's countries
//! are bound to the URL, so a link reproduces what the viewer chose.

use wasmlit::prelude::*;

/// The entry script: the frame common to every page, and the router.
pub fn app(ui: &Ui) -> Result {
    let page = ui.navigation(vec![
        Page::new("Main page", intro).icon("🎈").url_path("main"),
        Page::new("Plotting demo", plotting_demo).icon("📈"),
        Page::new("Mapping demo", mapping_demo).icon("🌍"),
        Page::new("DataFrame demo", data_frame_demo).icon("📊"),
    ]);
    page.run(ui)
}

fn intro(ui: &Ui) {
    ui.title("Welcome to wasmlit! 👋");
    ui.sidebar().success("Select a demo above.");
    ui.markdown(
        "wasmlit runs Streamlit's app model in the browser, written in Rust.\n\n\
         **👈 Select a demo from the sidebar** to see some examples of what it can do!\n\n\
         ### Want to learn more?\n\
         - Check out [Streamlit's docs](https://docs.streamlit.io)\n\
         - Read the tutorial this app ports: \
           [Create a multipage app](https://docs.streamlit.io/get-started/tutorials/create-a-multipage-app)",
    );
    ui.header("Pages and links");
    ui.markdown("Every page has its own address: reload, go back and forward, or share a link.");
}

/// A small deterministic generator (xorshift), so the demos need no network and no `rand`.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Roughly normal: the sum of four uniforms, centred.
    fn normal(&mut self) -> f64 {
        (0..4).map(|_| self.next()).sum::<f64>() - 2.0
    }
}

/// The plotting demo's random walk: `points` rows of one column, starting from a random value.
pub fn random_walk(points: usize, seed: u64) -> Result<DataFrame> {
    let mut rng = Rng(seed.max(1));
    let mut value = rng.normal();
    let walk: Vec<Option<f64>> = (0..points)
        .map(|_| {
            value += rng.normal();
            Some((value * 1000.0).round() / 1000.0)
        })
        .collect();
    let step: Vec<Option<i64>> = (0..points as i64).map(Some).collect();
    DataFrame::new(vec![("step", Column::Int(step)), ("value", Column::Float(walk))]).map_err(Error::msg)
}

fn plotting_demo(ui: &Ui) -> Result {
    ui.title("Plotting demo");
    ui.sidebar().header("Plotting demo");
    ui.write(
        "This demo draws a random walk. In Streamlit it animates a line chart; pick how many \
         points to draw, and \"Re-run\" for a new walk.",
    );
    let points = ui.add(Slider::new("Points", 10..=200).value(100).key("points").bind(Bind::QueryParams));
    let seed = ui.session_state().get_or_insert_with("walk_seed", || 1u64)?;
    let walk = random_walk(points, seed)?;
    // CHART SEAM: `ui.line_chart(&walk)` here once charts land; the frame shows the same data.
    ui.dataframe(&walk);
    if ui.button("Re-run") {
        ui.session_state().set("walk_seed", seed.wrapping_mul(6364136223846793005).wrapping_add(1))?;
        ui.rerun()?;
    }
    Ok(())
}

/// The mapping demo's points: bike rentals and bart stops around San Francisco, synthetic.
pub fn map_points(layer: &str, count: usize) -> Result<DataFrame> {
    let seed = layer.bytes().fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
    let mut rng = Rng(seed);
    let lat: Vec<Option<f64>> = (0..count).map(|_| Some(37.76 + rng.normal() * 0.02)).collect();
    let lon: Vec<Option<f64>> = (0..count).map(|_| Some(-122.4 + rng.normal() * 0.02)).collect();
    let size: Vec<Option<i64>> = (0..count).map(|_| Some((rng.next() * 100.0) as i64)).collect();
    DataFrame::new(vec![("lat", Column::Float(lat)), ("lon", Column::Float(lon)), ("size", Column::Int(size))])
        .map_err(Error::msg)
}

fn mapping_demo(ui: &Ui) -> Result {
    ui.title("Mapping demo");
    ui.sidebar().header("Mapping demo");
    ui.write("This demo shows layers of points around San Francisco. Choose which layers to see.");
    let layers = ["Bike rentals", "Bart stop exits", "Bart stop names"];
    let mut shown = 0;
    for (i, layer) in layers.iter().enumerate() {
        if ui.sidebar().add(Checkbox::new(*layer).value(i < 2)) {
            shown += 1;
            ui.subheader(*layer);
            let points = map_points(layer, 25)?;
            // MAP SEAM: one layer of `ui.map(..)` / `pydeck_chart` once maps land.
            ui.dataframe(&points);
        }
    }
    if shown == 0 {
        ui.error("Please choose at least one layer above.");
    }
    Ok(())
}

/// The countries of the data-frame demo, and their synthetic agricultural output by year.
pub const COUNTRIES: [&str; 6] = ["China", "United States of America", "India", "Brazil", "France", "Nigeria"];

/// Gross agricultural production (billions of US$) of `countries`, one row per country and
/// year from 1961 to 2007, synthetic.
pub fn agriculture(countries: &[&str]) -> Result<DataFrame> {
    let (mut country, mut year, mut output) = (Vec::new(), Vec::new(), Vec::new());
    for name in countries {
        let seed = name.bytes().fold(11u64, |h, b| h.wrapping_mul(131).wrapping_add(u64::from(b)));
        let mut rng = Rng(seed);
        let mut value = 20.0 + rng.next() * 80.0;
        for y in (1961..=2007).step_by(2) {
            value *= 1.0 + 0.03 + rng.normal() * 0.02;
            country.push(Some(name.to_string()));
            year.push(Some(y));
            output.push(Some((value * 10.0).round() / 10.0));
        }
    }
    DataFrame::new(vec![
        ("country", Column::Text(country)),
        ("year", Column::Int(year)),
        ("output", Column::Float(output)),
    ])
    .map_err(Error::msg)
}

fn data_frame_demo(ui: &Ui) -> Result {
    ui.title("DataFrame demo");
    ui.sidebar().header("DataFrame demo");
    ui.write("This demo shows agricultural output by country (synthetic, after the UN's data).");
    let countries = ui.add(
        Multiselect::new("Choose countries", COUNTRIES)
            .default(["China", "United States of America"])
            .key("countries")
            .bind(Bind::QueryParams),
    );
    if countries.is_empty() {
        ui.error("Please select at least one country.");
        return Ok(());
    }
    let data = agriculture(&countries)?;
    ui.subheader("Gross agricultural production ($B)");
    ui.dataframe(&data);
    // CHART SEAM: `ui.area_chart(..)` of output by year, one area per country, once charts land.
    Ok(())
}
