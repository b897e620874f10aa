//! Streamlit's chart look: its categorical palettes and the Vega-Lite `config` of its
//! charts, light and dark. The renderer passes [`config`] to vega-embed, so a spec states
//! only what it draws and the theme follows the app's.

use serde_json::{json, Value};

/// Streamlit's categorical colours in the light theme, in order.
pub const CATEGORICAL_LIGHT: [&str; 10] =
    ["#0068c9", "#83c9ff", "#ff2b2b", "#ffabab", "#29b09d", "#7defa1", "#ff8700", "#ffd16a", "#6d3fc0", "#d5dae5"];

/// Streamlit's categorical colours in the dark theme (light and dark tints swapped).
pub const CATEGORICAL_DARK: [&str; 10] =
    ["#83c9ff", "#0068c9", "#ffabab", "#ff2b2b", "#7defa1", "#29b09d", "#ffd16a", "#ff8700", "#9a5dff", "#664d99"];

/// Streamlit's sequential ramp (light to dark blue), for a numeric `color` column.
pub const SEQUENTIAL: [&str; 10] =
    ["#e4f5ff", "#c7ebff", "#a6dcff", "#83c9ff", "#60b4ff", "#3d9df3", "#1c83e1", "#0068c9", "#0054a3", "#004280"];

/// The area of a scatter's point in square CSS pixels (Vega-Lite's `size`), as Streamlit's.
pub const POINT_SIZE: f64 = 60.0;

/// The Vega-Lite `config` of a chart in the light or dark theme: Streamlit's font, grey axis
/// labels without domain lines or ticks, horizontal grid lines only, the legend below.
///
/// ```
/// let dark = wasmlit::charts::palette::config(true);
/// assert_eq!(dark["range"]["category"][0], "#83c9ff");
/// ```
pub fn config(dark: bool) -> Value {
    let (label, grid, category) =
        if dark { ("#bfc5d3", "#31333f", &CATEGORICAL_DARK) } else { ("#808495", "#e6eaf1", &CATEGORICAL_LIGHT) };
    let font = "\"Source Sans Pro\", \"Source Sans 3\", sans-serif";
    json!({
        "background": null,
        "font": font,
        "padding": {"top": 8, "right": 8, "bottom": 8, "left": 0},
        // A transparent fill makes the plot area hit-testable, so the wheel zooms anywhere in it.
        "view": {"stroke": null, "fill": "transparent", "continuousHeight": 350, "continuousWidth": 400},
        "axis": {
            "labelColor": label,
            "titleColor": label,
            "gridColor": grid,
            "domain": false,
            "ticks": false,
            "labelFont": font,
            "titleFont": font,
            "labelFontSize": 12,
            "labelFontWeight": 400,
            "titleFontSize": 12,
            "titleFontWeight": 400,
            "labelPadding": 8,
            "titlePadding": 16,
            "tickCount": 12,
        },
        "axisX": {"grid": false, "labelAngle": 0},
        "axisXBand": {"labelAngle": -90},
        "legend": {
            "orient": "bottom",
            "labelColor": label,
            "titleColor": label,
            "labelFont": font,
            "titleFont": font,
            "labelFontSize": 14,
            "titleFontSize": 14,
            "titleFontWeight": 400,
            "symbolStrokeWidth": 4,
            // Size legends draw plain symbols: grey, not black on a dark page.
            "symbolFillColor": label,
            "symbolSize": 64,
        },
        "title": {"color": label, "font": font, "fontSize": 16},
        "range": {"category": category, "ramp": SEQUENTIAL, "heatmap": SEQUENTIAL},
        "line": {"strokeWidth": 2},
        "area": {"opacity": 0.7, "line": false},
        "point": {"filled": true, "size": POINT_SIZE},
        "circle": {"size": POINT_SIZE},
        "bar": {"discreteBandSize": {"band": 0.75}},
    })
}

/// Whether `text` is a colour Streamlit's `color` takes as a constant: `#rgb`, `#rgba`,
/// `#rrggbb` or `#rrggbbaa`.
pub fn is_hex_colour(text: &str) -> bool {
    text.strip_prefix('#')
        .is_some_and(|hex| matches!(hex.len(), 3 | 4 | 6 | 8) && hex.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colours_are_recognized() {
        for good in ["#fff", "#ffff", "#ff0000", "#ff000080", "#0068C9"] {
            assert!(is_hex_colour(good), "{good}");
        }
        for bad in ["fff", "#ff", "#ggg", "#ff00000", "red", ""] {
            assert!(!is_hex_colour(bad), "{bad}");
        }
    }

    #[test]
    fn light_and_dark_configs_differ_in_colours_only() {
        let (light, dark) = (config(false), config(true));
        assert_eq!(light["range"]["category"][0], "#0068c9");
        assert_ne!(light["axis"]["labelColor"], dark["axis"]["labelColor"]);
        assert_eq!(light["legend"]["orient"], dark["legend"]["orient"]);
        assert_eq!(light["axis"]["domain"], false);
    }
}
