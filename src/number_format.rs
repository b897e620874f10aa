//! How numbers are shown: Streamlit's default for floats, and the printf-style or named formats
//! of `column_config`, `slider` and `number_input`.

use serde::{Deserialize, Serialize};

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

/// A number format: a printf-style subset or one of Streamlit's named formats.
///
/// Printf: one conversion among `%d` / `%i` (rounded to an integer), `%f` / `%.Nf`, `%e` /
/// `%.Ne`, with any text around it and `%%` for a percent sign (`"$%.2f"`, `"%.1f%%"`,
/// `"%d ⭐"`). Named: `plain`, `localized` (thousands separators, en-US), `percent` (× 100,
/// two decimals), `dollar`, `euro`, `compact` (`1.2K`, `3.4M`), `scientific`.
///
/// ```
/// use wasmlit::number_format::NumberFormat;
/// assert_eq!(NumberFormat::parse("$%.2f").unwrap().apply(1234.5), "$1234.50");
/// assert_eq!(NumberFormat::parse("%.1f%%").unwrap().apply(12.34), "12.3%");
/// assert_eq!(NumberFormat::parse("dollar").unwrap().apply(1234.5), "$1,234.50");
/// assert_eq!(NumberFormat::parse("compact").unwrap().apply(1520.0), "1.5K");
/// assert!(NumberFormat::parse("%s").is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum NumberFormat {
    Printf { prefix: String, conversion: Conversion, suffix: String },
    Plain,
    Localized,
    Percent,
    Dollar,
    Euro,
    Compact,
    Scientific,
}

/// The conversion of a printf-style format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Conversion {
    /// `%d`: rounded to an integer.
    Integer,
    /// `%f` (6 decimals) or `%.Nf`.
    Fixed(usize),
    /// `%e` (6 decimals) or `%.Ne`.
    Exponent(usize),
}

impl NumberFormat {
    /// Parses a format; an `Err` says what is wrong with it.
    pub fn parse(format: &str) -> Result<NumberFormat, String> {
        match format {
            "plain" => return Ok(NumberFormat::Plain),
            "localized" => return Ok(NumberFormat::Localized),
            "percent" => return Ok(NumberFormat::Percent),
            "dollar" => return Ok(NumberFormat::Dollar),
            "euro" => return Ok(NumberFormat::Euro),
            "compact" => return Ok(NumberFormat::Compact),
            "scientific" => return Ok(NumberFormat::Scientific),
            _ => {}
        }
        let bad = |why: &str| format!("the number format \"{format}\" {why}");
        let mut prefix = String::new();
        let mut suffix = String::new();
        let mut conversion = None;
        let mut chars = format.chars().peekable();
        while let Some(c) = chars.next() {
            let out = if conversion.is_some() { &mut suffix } else { &mut prefix };
            if c != '%' {
                out.push(c);
                continue;
            }
            if chars.peek() == Some(&'%') {
                chars.next();
                out.push('%');
                continue;
            }
            if conversion.is_some() {
                return Err(bad("has more than one conversion (write %% for a percent sign)"));
            }
            let mut precision = None;
            if chars.peek() == Some(&'.') {
                chars.next();
                let mut digits = String::new();
                while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    digits.push(*d);
                    chars.next();
                }
                precision = Some(
                    digits
                        .parse::<usize>()
                        .ok()
                        .filter(|p| *p <= 20)
                        .ok_or_else(|| bad("has a precision that is not a number from 0 to 20 after `%.`"))?,
                );
            }
            conversion = Some(match chars.next() {
                Some('d' | 'i' | 'u') if precision.is_none() => Conversion::Integer,
                Some('f' | 'F') => Conversion::Fixed(precision.unwrap_or(6)),
                Some('e' | 'E') => Conversion::Exponent(precision.unwrap_or(6)),
                Some(other) => {
                    return Err(bad(&format!(
                        "uses `%{other}`; the conversions are %d, %f, %.2f, %e (or a name: plain, localized, \
                         percent, dollar, euro, compact, scientific)"
                    )))
                }
                None => return Err(bad("ends in `%` (write %% for a percent sign)")),
            });
        }
        match conversion {
            Some(conversion) => Ok(NumberFormat::Printf { prefix, conversion, suffix }),
            None => Err(bad("has no conversion such as %d or %.2f, and is not a named format")),
        }
    }

    /// Whether the format shows only a number (a printf conversion with no text around it), as
    /// a number field needs.
    ///
    /// ```
    /// use wasmlit::number_format::NumberFormat;
    /// assert!(NumberFormat::parse("%.2f").unwrap().is_numeric());
    /// assert!(!NumberFormat::parse("$%.2f").unwrap().is_numeric());
    /// assert!(!NumberFormat::parse("dollar").unwrap().is_numeric());
    /// ```
    pub fn is_numeric(&self) -> bool {
        matches!(self, NumberFormat::Printf { prefix, suffix, .. } if prefix.is_empty() && suffix.is_empty())
    }

    /// `value` in this format.
    pub fn apply(&self, value: f64) -> String {
        if !value.is_finite() {
            return format_float(value);
        }
        match self {
            NumberFormat::Printf { prefix, conversion, suffix } => {
                let body = match conversion {
                    Conversion::Integer => format!("{}", value.round()),
                    Conversion::Fixed(precision) => format!("{value:.precision$}"),
                    Conversion::Exponent(precision) => format!("{value:.precision$e}"),
                };
                let body = if body == "-0" { "0".to_string() } else { body };
                format!("{prefix}{body}{suffix}")
            }
            NumberFormat::Plain => format_float(value),
            NumberFormat::Localized => group_thousands(&format_float(value)),
            NumberFormat::Percent => format!("{}%", group_thousands(&format!("{:.2}", value * 100.0))),
            NumberFormat::Dollar => signed_money("$", value),
            NumberFormat::Euro => signed_money("€", value),
            NumberFormat::Compact => compact(value),
            NumberFormat::Scientific => {
                let text = format!("{value:.3e}");
                text.replace('e', "E")
            }
        }
    }
}

fn signed_money(symbol: &str, value: f64) -> String {
    let body = group_thousands(&format!("{:.2}", value.abs()));
    if value < 0.0 {
        format!("-{symbol}{body}")
    } else {
        format!("{symbol}{body}")
    }
}

fn compact(value: f64) -> String {
    let magnitude = value.abs();
    let (scaled, unit) = match magnitude {
        m if m >= 1e12 => (value / 1e12, "T"),
        m if m >= 1e9 => (value / 1e9, "B"),
        m if m >= 1e6 => (value / 1e6, "M"),
        m if m >= 1e3 => (value / 1e3, "K"),
        _ => (value, ""),
    };
    let text = format!("{scaled:.1}");
    let text = text.strip_suffix(".0").unwrap_or(&text);
    format!("{text}{unit}")
}

/// `1234567.5` as `1,234,567.5` (the digits before the decimal point, in threes).
pub fn group_thousands(number: &str) -> String {
    let (sign, rest) = number.strip_prefix('-').map_or(("", number), |rest| ("-", rest));
    let (whole, fraction) = rest.split_once('.').map_or((rest, None), |(w, f)| (w, Some(f)));
    if !whole.bytes().all(|b| b.is_ascii_digit()) {
        return number.to_string();
    }
    let mut out = String::from(sign);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}
