//! Streamlit's "Advanced concepts" page — caching and session state — ported to wasmlit,
//! plus what a browser adds: a cache and session keys that survive a page reload.
//!
//! <https://docs.streamlit.io/get-started/fundamentals/advanced-concepts>, section by
//! section: `@st.cache_data` on a slow data load, `@st.cache_resource` on a shared model,
//! the "this page has run N times" counter, and per-session random data drawn in a chosen
//! colour. Every cached call says whether it was computed or served from a cache, and how
//! long it took.
//!
//! Run it in the browser with `trunk serve` in this folder.

use std::cell::Cell;
use std::fmt::Write as _;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use wasmlit::cache::{last_outcome, CacheOutcome};
use wasmlit::prelude::*;
use wasmlit::time::Instant;

/// The sizes of the synthetic "Uber pickups" dataset the load can parse.
pub const DATASETS: [usize; 3] = [10_000, 100_000, 1_000_000];

/// The app script: it runs top to bottom on every interaction.
pub fn app(ui: &Ui) -> Result {
    ui.title("Advanced concepts");
    ui.caption(
        "Streamlit's *Advanced concepts* page — caching and session state — ported to Rust. \
         The script reruns on every interaction; caches keep the slow parts from running again.",
    );
    cache_data_section(ui)?;
    cache_resource_section(ui);
    session_state_section(ui)?;
    per_session_data_section(ui)?;
    persisted_state_section(ui)?;
    Ok(())
}

/// How a cached call was answered, as the line under it says.
pub fn timing_line(outcome: Option<CacheOutcome>, elapsed_ms: f64) -> String {
    match outcome {
        Some(CacheOutcome::Miss) | None => format!("Computed in {elapsed_ms:.0} ms."),
        Some(CacheOutcome::Hit) => format!("Served from cache in {elapsed_ms:.1} ms."),
        Some(CacheOutcome::PersistedHit) => {
            format!("Served from browser storage in {elapsed_ms:.0} ms (computed by an earlier visit).")
        }
    }
}

/// Calls `f` and shows how its cached call was answered.
fn timed<T>(ui: &Ui, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let value = f();
    ui.caption(timing_line(last_outcome(), started.elapsed().as_secs_f64() * 1000.0));
    value
}

// ----- cache_data ---------------------------------------------------------------------------

/// One pickup of the synthetic "Uber pickups in NYC" data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Trip {
    pub hour: u8,
    pub lat: f64,
    pub lon: f64,
}

/// The CSV a slow server would send: `rows` pickups, always the same ones.
pub fn csv(rows: usize) -> String {
    let mut text = String::with_capacity(rows * 30 + 16);
    text.push_str("hour,lat,lon\n");
    let mut seed = 42u64;
    for _ in 0..rows {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let hour = (seed >> 59) % 24;
        let lat = 40.6 + ((seed >> 20) & 0xffff) as f64 / 327_680.0;
        let lon = -74.1 + ((seed >> 36) & 0xffff) as f64 / 327_680.0;
        let _ = writeln!(text, "{hour},{lat:.6},{lon:.6}");
    }
    text
}

/// `@st.cache_data def load_data(nrows): return pd.read_csv(DATA_URL, nrows=nrows)`.
///
/// Persisted: a reload reads the parsed rows back from IndexedDB instead of parsing again.
#[cache_data(persist, ttl = "1d", max_entries = 3)]
pub fn load_data(ui: &Ui, rows: usize) -> Result<Vec<Trip>> {
    let text = csv(rows);
    let mut trips = Vec::with_capacity(rows);
    for (number, line) in text.lines().enumerate().skip(1) {
        let mut fields = line.split(',');
        let mut next = |name: &str| fields.next().ok_or_else(|| Error::msg(format!("line {}: no {name}", number + 1)));
        trips.push(Trip { hour: next("hour")?.parse()?, lat: next("lat")?.parse()?, lon: next("lon")?.parse()? });
    }
    ui.caption(format!("Parsed {} rows of CSV.", trips.len()));
    Ok(trips)
}

fn cache_data_section(ui: &Ui) -> Result {
    ui.header("Caching with cache_data");
    ui.markdown(
        "`load_data` parses a CSV. Marked `#[cache_data(persist)]`, it runs once per row count: \
         every rerun after that gets a copy of the parsed rows from the cache — and so does the \
         next visit, from the browser's storage.",
    );
    let rows = ui.add(Selectbox::with_format_func("Rows to load", DATASETS, |n: &usize| format!("{n} rows")).index(1));
    let trips = timed(ui, || load_data(ui, rows))?;
    let mut per_hour = [0usize; 24];
    for trip in &trips {
        per_hour[usize::from(trip.hour)] += 1;
    }
    let (busiest, count) = per_hour.iter().enumerate().max_by_key(|(_, n)| **n).unwrap_or((0, &0));
    ui.write(format!("{} trips; the busiest hour is {busiest}:00 with {count} pickups.", trips.len()));
    let mut table = String::from("| hour | lat | lon |\n|---:|---:|---:|\n");
    for trip in trips.iter().take(5) {
        let _ = writeln!(table, "| {} | {:.4} | {:.4} |", trip.hour, trip.lat, trip.lon);
    }
    ui.markdown(table);
    let [rerun, clear] = ui.columns([1, 1]);
    rerun.button("Rerun");
    if clear.button("Clear load_data's cache") {
        load_data::clear();
        ui.rerun()?;
    }
    Ok(())
}

// ----- cache_resource -----------------------------------------------------------------------

/// A "model": pickups per hour, learnt from the data. One instance is shared by every run.
pub struct Model {
    per_hour: [f64; 24],
    /// Predictions made since the model was loaded: a mutation every caller sees.
    pub predictions: Cell<u64>,
}

impl Model {
    /// Expected pickups at `hour`, per 1,000 trips.
    pub fn predict(&self, hour: u8) -> f64 {
        self.predictions.set(self.predictions.get() + 1);
        self.per_hour[usize::from(hour % 24)]
    }
}

/// `@st.cache_resource def load_model(): return torch.load(...)`.
#[cache_resource]
pub fn load_model(ui: &Ui) -> Rc<Model> {
    let trips = load_data(ui, DATASETS[0]).unwrap_or_default();
    let mut per_hour = [0.0; 24];
    for trip in &trips {
        per_hour[usize::from(trip.hour)] += 1.0;
    }
    let total = trips.len().max(1) as f64;
    Model { per_hour: per_hour.map(|n| n * 1000.0 / total), predictions: Cell::new(0) }
}

fn cache_resource_section(ui: &Ui) {
    ui.header("Caching with cache_resource");
    ui.markdown(
        "`load_model` is marked `#[cache_resource]`: it returns one shared `Rc<Model>`, not a \
         copy. A change to the model (here, its prediction counter) is seen by every rerun.",
    );
    let hour = ui.slider("Hour", 0..=23);
    let model = timed(ui, || load_model(ui));
    let predicted = model.predict(hour);
    ui.write(format!("At {hour}:00 the model expects {predicted:.1} pickups per 1,000 trips."));
    ui.caption(format!(
        "This model instance has answered {} predictions since it was loaded.",
        model.predictions.get()
    ));
}

// ----- session state --------------------------------------------------------------------------

fn session_state_section(ui: &Ui) -> Result {
    ui.header("Session State");
    let state = ui.session_state();
    // if "counter" not in st.session_state: st.session_state.counter = 0
    let counter = state.update_or("counter", 0_u64, |n| *n += 1)?;
    ui.subheader(format!("This page has run {counter} times."));
    ui.button("Run it again");
    Ok(())
}

/// A small xorshift generator: enough for random points.
struct Random(u64);

impl Random {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Roughly normal, like `np.random.randn`.
    fn normal(&mut self) -> f64 {
        (0..6).map(|_| self.next()).sum::<f64>() - 3.0
    }
}

/// The points of an SVG scatter chart of `points` in `color`.
pub fn scatter_svg(points: &[(f64, f64)], color: &str) -> String {
    let (width, height, pad) = (320.0, 220.0, 16.0);
    let bound = points.iter().flat_map(|(x, y)| [x.abs(), y.abs()]).fold(1.0_f64, f64::max);
    let scale_x = |x: f64| pad + (x + bound) / (2.0 * bound) * (width - 2.0 * pad);
    let scale_y = |y: f64| height - pad - (y + bound) / (2.0 * bound) * (height - 2.0 * pad);
    let mut svg = format!(
        "<svg viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"Scatter chart of x and y\">\
         <rect x=\"0.5\" y=\"0.5\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.2\"/>",
        width - 1.0,
        height - 1.0
    );
    for (x, y) in points {
        let _ = write!(svg, "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"{color}\"/>", scale_x(*x), scale_y(*y));
    }
    svg.push_str("</svg>");
    svg
}

/// The colours offered instead of `st.color_picker`.
pub const COLORS: [&str; 4] = ["#FF0000", "#1F77B4", "#2CA02C", "#9467BD"];

fn per_session_data_section(ui: &Ui) -> Result {
    ui.header("Per-session data");
    ui.markdown(
        "Random data made once per session and kept in session state: choosing a colour reruns \
         the script without drawing new points, and another tab gets different ones.",
    );
    let state = ui.session_state();
    let points: Vec<(f64, f64)> = state.get_or_insert_with("df", || {
        let seed = wasmlit::time::now_ms().to_bits() | 1;
        let mut random = Random(seed);
        (0..20).map(|_| (random.normal(), random.normal())).collect()
    })?;
    ui.subheader("Choose a datapoint color");
    let color = ui.add(Selectbox::new("Color", COLORS.to_vec()));
    ui.divider();
    ui.markdown_unsafe_html(scatter_svg(&points, color));
    Ok(())
}

// ----- beyond Streamlit: state that survives a reload ----------------------------------------

fn persisted_state_section(ui: &Ui) -> Result {
    ui.header("Notes that survive a reload");
    ui.markdown(
        "Beyond Streamlit: `session_state().persisted(\"notes\", Vec::new)` declares a key whose \
         value is kept in the browser. Add a note, reload the page: it is still here. The app \
         menu's *Reset session* forgets it, *Clear cache* empties the caches.",
    );
    let state = ui.session_state();
    state.persisted("notes", Vec::<String>::new)?;
    let note = ui.add(TextInput::new("New note").key("note_text").placeholder("Buy milk"));
    let [add, clear] = ui.columns([1, 1]);
    if add.button("Add note") && !note.trim().is_empty() {
        state.update("notes", |notes: &mut Vec<String>| notes.push(note.trim().to_string()))?;
    }
    if clear.button("Clear notes") {
        state.set("notes", Vec::<String>::new())?;
    }
    let notes: Vec<String> = state.get("notes")?;
    if notes.is_empty() {
        ui.caption("No notes yet.");
    } else {
        ui.markdown(notes.iter().map(|n| format!("- {n}")).collect::<Vec<_>>().join("\n"));
    }
    Ok(())
}
