//! Streamlit-style duration strings: `"10s"`, `"5m"`, `"1h23m"`, `"1.5 days"`, `"500ms"`,
//! `"90"` (seconds). One parser for the engine's builder forms and, included by path, for
//! the `#[cache_data(ttl = "..")]` macro, which checks the literal at compile time.

/// The duration `text` names, in seconds.
pub fn parse_seconds(text: &str) -> Result<f64, String> {
    let error = || format!("`{text}` is not a duration: write e.g. \"10s\", \"5m\", \"1h30m\" or \"2d\"");
    let mut rest = text.trim();
    if rest.is_empty() {
        return Err(error());
    }
    let mut total = 0.0;
    while !rest.is_empty() {
        let number_end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
        let number: f64 = rest[..number_end].parse().map_err(|_| error())?;
        rest = rest[number_end..].trim_start();
        let unit_end = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
        let unit = &rest[..unit_end];
        let scale = match unit {
            "w" | "week" | "weeks" => 604_800.0,
            "d" | "day" | "days" => 86_400.0,
            "h" | "hr" | "hour" | "hours" => 3_600.0,
            "m" | "min" | "mins" | "minute" | "minutes" => 60.0,
            "s" | "sec" | "secs" | "second" | "seconds" | "" => 1.0,
            "ms" | "milli" | "millis" | "millisecond" | "milliseconds" => 0.001,
            _ => return Err(error()),
        };
        total += number * scale;
        rest = rest[unit_end..].trim_start();
        if unit.is_empty() && !rest.is_empty() {
            return Err(error());
        }
    }
    if total.is_finite() && total >= 0.0 {
        Ok(total)
    } else {
        Err(error())
    }
}
