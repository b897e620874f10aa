//! How numbers are shown in grids and CSV output.

/// A float as Streamlit's grid shows it by default: at most four decimals, trailing zeros
/// dropped, `NaN` and infinities by name.
///
/// ```
/// use wasmlit::data::format_float;
/// assert_eq!(format_float(2.5), "2.5");
/// assert_eq!(format_float(1.0 / 3.0), "0.3333");
/// assert_eq!(format_float(1e6), "1000000");
/// assert_eq!(format_float(f64::NAN), "NaN");
/// ```
pub fn format_float(value: f64) -> String {
    if value.is_nan() {
        return "NaN".to_string();
    }
    if value.is_infinite() {
        return if value > 0.0 { "∞" } else { "-∞" }.to_string();
    }
    let text = format!("{value:.4}");
    let trimmed = text.trim_end_matches('0').trim_end_matches('.');
    if trimmed == "-0" {
        "0".to_string()
    } else {
        trimmed.to_string()
    }
}
