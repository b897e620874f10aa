//! Custom components: a JavaScript star rating (a state value), a canvas sketchpad (trigger
//! values), a Leptos colour swatch picker, and a component that throws.
//!
//! The JavaScript components ship as files next to this one (`include_str!`); the Leptos one
//! is `swatch.rs`, registered in `main.rs` before the app runs.

use std::sync::LazyLock;

use wasmlit::prelude::*;
use wasmlit::serde_json::json;

#[cfg(target_arch = "wasm32")]
pub mod swatch;

/// The star rating (`star_rating.{html,css,js}`).
pub static STAR_RATING: LazyLock<Component> = LazyLock::new(|| {
    Component::new("star_rating")
        .html(include_str!("star_rating.html"))
        .css(include_str!("star_rating.css"))
        .js(include_str!("star_rating.js"))
});

/// The sketchpad (`sketchpad.{html,css,js}`).
pub static SKETCHPAD: LazyLock<Component> = LazyLock::new(|| {
    Component::new("sketchpad")
        .html(include_str!("sketchpad.html"))
        .css(include_str!("sketchpad.css"))
        .js(include_str!("sketchpad.js"))
});

/// Broken components: an entry that throws, a module that does not parse, a module without a
/// default export. Each one's error shows in its place; the app goes on.
pub static BROKEN: LazyLock<[Component; 3]> = LazyLock::new(|| {
    [
        Component::new("broken").js("export default () => { throw new Error('this component is broken on purpose'); }"),
        Component::new("unparsable").js("export default ( => {"),
        Component::new("no_default").js("export const entry = () => {};"),
    ]
});

/// The Leptos colour swatch picker's name (`swatch.rs`).
pub const SWATCH: &str = "swatch";

/// The swatch picker's colours.
pub const COLOURS: [&str; 5] = ["#ff4b4b", "#ffa421", "#21c354", "#1c83e1", "#803df5"];

/// A stroke: points in canvas pixels.
pub type Stroke = Vec<[i32; 2]>;

pub fn app(ui: &Ui) -> Result {
    ui.title("Custom components");
    let state = ui.session_state();

    ui.header("A star rating (a state value)");
    let stars = ui.add(Slider::new("Stars", 3..=10).value(5).key("stars"));
    if ui.add(Checkbox::new("Show the rating").value(true)) {
        let rating = ui.add(
            ui.component(&STAR_RATING)
                .key("rating")
                .default("rating", 0)
                .data(json!({ "stars": stars, "rating": 0, "label": "Rate this app" }))
                .on_change("rating", |ui: &Ui| {
                    ui.session_state().update_or("changes", 0, |n: &mut u32| *n += 1).map(drop)
                }),
        );
        let value: u32 = rating.state("rating").unwrap_or(0);
        let changes: u32 = state.get("changes").unwrap_or(0);
        ui.markdown(format!("You rated it **{value} / {stars}** (changed {changes} times)."));
    }

    ui.header("A sketchpad (trigger values)");
    let strokes: Vec<Stroke> = state.get_or_insert_with("strokes", Vec::new)?;
    let pad = ui.add(ui.component(&SKETCHPAD).key("sketchpad").data(json!({ "strokes": strokes })));
    if let Some(stroke) = pad.trigger::<Stroke>("stroke") {
        state.update("strokes", |all: &mut Vec<Stroke>| all.push(stroke))?;
        ui.rerun()?;
    }
    if pad.trigger::<bool>("clear").is_some() {
        state.set("strokes", Vec::<Stroke>::new())?;
        ui.rerun()?;
    }
    let points: usize = strokes.iter().map(Vec::len).sum();
    ui.markdown(format!("**{}** strokes, {points} points.", strokes.len()));

    ui.header("A Leptos component");
    let swatch = ui.add(ui.component(&Component::leptos(SWATCH)).key("swatch").data(json!({ "colours": COLOURS })));
    match swatch.state::<String>("colour") {
        Some(colour) => ui.markdown(format!("You picked `{colour}`.")),
        None => ui.markdown("Pick a colour."),
    };

    ui.header("An HTML embed");
    ui.add(
        IFrame::html(
            "<style>body { margin: 0; font: 15px sans-serif; }</style>
             <p id='clock'>…</p>
             <script>
               const tick = () => clock.textContent = `In a sandboxed frame, its own clock: ${new Date().toLocaleTimeString()}`;
               tick(); setInterval(tick, 1000);
             </script>",
        )
        .height(48)
        .title("A clock in an HTML embed"),
    );
    ui.caption("`components.html`: a whole HTML document with its scripts, in a frame that cannot reach the app.");

    ui.header("Errors stay in place");
    if ui.add(Checkbox::new("Show a broken component").key("broken")) {
        for component in BROKEN.iter() {
            ui.add(ui.component(component).key(format!("broken_{}", component.name)));
        }
    }
    ui.caption("The app goes on below a broken component.");
    Ok(())
}
