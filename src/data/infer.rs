//! Reading types out of text: what the CSV reader (every field) and the JSON readers (strings)
//! share.
//!
//! The rules, tried in this order on a value with its surrounding spaces trimmed:
//!
//! | type | accepted text |
//! | --- | --- |
//! | `Int` | an optional sign and digits that fit an `i64` (`-12`, `+7`, `007`) |
//! | `Float` | what Rust's `f64` parser takes (`1.5`, `.5`, `1e-3`, `inf`, `-Infinity`) |
//! | `Bool` | `true`, `True`, `TRUE`, `false`, `False`, `FALSE` (pandas' words) |
//! | `Date` | `YYYY-MM-DD` |
//! | `Datetime` | `YYYY-MM-DD` then `T` or a space, `HH:MM`, optional `:SS` and a fraction, then an optional `Z` or `±HH:MM` offset (converted to UTC) |
//! | `Text` | anything else |
//!
//! A column's type joins the types of its values: ints and floats make `Float`, dates and
//! datetimes make `Datetime`, any other mix makes `Text`; nulls fit every type, and a column
//! of nulls only is `Float`, as pandas reads it.

use std::sync::Arc;

use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, StringArray, TimestampMillisecondArray,
};

use super::DataType;

/// What the values of a column seen so far have in common.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Only nulls so far.
    Null,
    Of(DataType),
}

impl Kind {
    /// The kind of a column holding values of both kinds.
    pub(crate) fn join(self, other: Kind) -> Kind {
        use DataType::*;
        match (self, other) {
            (Kind::Null, k) | (k, Kind::Null) => k,
            (Kind::Of(a), Kind::Of(b)) if a == b => Kind::Of(a),
            (Kind::Of(Int), Kind::Of(Float)) | (Kind::Of(Float), Kind::Of(Int)) => Kind::Of(Float),
            (Kind::Of(Date), Kind::Of(Datetime)) | (Kind::Of(Datetime), Kind::Of(Date)) => Kind::Of(Datetime),
            _ => Kind::Of(Text),
        }
    }

    /// The column type this kind ends as: a column of nulls only is `Float` (as pandas).
    pub(crate) fn finish(self) -> DataType {
        match self {
            Kind::Null => DataType::Float,
            Kind::Of(t) => t,
        }
    }
}

/// `text` without the spaces around it. Most fields have none, and are returned at once.
pub(crate) fn trim(text: &str) -> &str {
    let bytes = text.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// The type of one non-null text value.
pub(crate) fn kind_of_text(text: &str) -> DataType {
    let trimmed = trim(text);
    if parse_int(trimmed).is_some() {
        DataType::Int
    } else if parse_float(trimmed).is_some() {
        DataType::Float
    } else if parse_bool(trimmed).is_some() {
        DataType::Bool
    } else if parse_date_days(trimmed).is_some() {
        DataType::Date
    } else if parse_datetime_ms(trimmed).is_some() {
        DataType::Datetime
    } else {
        DataType::Text
    }
}

/// Text that reads as a date or a datetime, for the JSON readers (whose numbers and bools come
/// typed): `Date`, `Datetime` or `Text`.
pub(crate) fn kind_of_json_string(text: &str) -> DataType {
    if parse_date_days(text).is_some() {
        DataType::Date
    } else if parse_datetime_ms(text).is_some() {
        DataType::Datetime
    } else {
        DataType::Text
    }
}

/// An optional sign and digits that fit an `i64`.
pub(crate) fn parse_int(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    let (negative, digits) = match bytes.first()? {
        b'-' => (true, &bytes[1..]),
        b'+' => (false, &bytes[1..]),
        _ => (false, bytes),
    };
    if digits.is_empty() {
        return None;
    }
    // Summed as a negative number, so that `i64::MIN` fits.
    let mut value: i64 = 0;
    for &byte in digits {
        let digit = byte.wrapping_sub(b'0');
        if digit > 9 {
            return None;
        }
        value = value.checked_mul(10)?.checked_sub(i64::from(digit))?;
    }
    if negative {
        Some(value)
    } else {
        value.checked_neg()
    }
}

/// A float as Rust reads one (which also takes `inf`, `infinity` and `nan` in any case).
pub(crate) fn parse_float(text: &str) -> Option<f64> {
    text.parse().ok()
}

/// pandas' true and false words.
pub(crate) fn parse_bool(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// One to nine ASCII digits as a number.
fn digits(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || bytes.len() > 9 {
        return None;
    }
    bytes.iter().try_fold(0_u32, |value, &byte| {
        let digit = byte.wrapping_sub(b'0');
        (digit <= 9).then(|| value * 10 + u32::from(digit))
    })
}

/// Days from 1970-01-01 to a day of the proleptic Gregorian calendar, or `None` for a day
/// that does not exist (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: u32, day: u32) -> Option<i64> {
    const DAYS: [u32; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let length = match month {
        2 if !leap => 28,
        1..=12 => DAYS[month as usize - 1],
        _ => return None,
    };
    if day == 0 || day > length {
        return None;
    }
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = i64::from((month + 9) % 12);
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

/// `YYYY-MM-DD` as days since 1970-01-01 (Arrow's `Date32`).
pub(crate) fn parse_date_days(text: &str) -> Option<i32> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let days = days_from_civil(i64::from(digits(&bytes[0..4])?), digits(&bytes[5..7])?, digits(&bytes[8..10])?)?;
    i32::try_from(days).ok()
}

/// `YYYY-MM-DD[T ]HH:MM[:SS[.fff]][Z|±HH:MM|±HHMM|±HH]` as milliseconds since 1970-01-01 UTC
/// (Arrow's `Timestamp(ms)`): an offset is converted to UTC, digits past the millisecond are
/// dropped.
pub(crate) fn parse_datetime_ms(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    if bytes.len() < 16 || !matches!(bytes[10], b'T' | b' ') || bytes[13] != b':' {
        return None;
    }
    let days = i64::from(parse_date_days(text.get(0..10)?)?);
    let rest = &bytes[11..];
    // The zone: a trailing `Z`, or a sign after the clock (the date's dashes are gone).
    let (clock, offset) = match rest.last() {
        Some(b'Z' | b'z') => (&rest[..rest.len() - 1], 0),
        _ => match rest.iter().rposition(|&b| b == b'+' || b == b'-') {
            Some(at) => (&rest[..at], parse_offset(&rest[at..])?),
            None => (rest, 0),
        },
    };
    let (hms, fraction) = match clock.iter().position(|&b| b == b'.') {
        Some(at) => (&clock[..at], Some(&clock[at + 1..])),
        None => (clock, None),
    };
    // `HH:MM`, then `:SS` (two digits) if there are seconds; a fraction needs seconds.
    let hour = digits(hms.get(..2)?)?;
    let (minute, second) = match hms[3..].iter().position(|&b| b == b':') {
        Some(at) => {
            let second = &hms[3 + at + 1..];
            (digits(&hms[3..3 + at])?, if second.len() == 2 { digits(second)? } else { return None })
        }
        None if fraction.is_none() => (digits(&hms[3..])?, 0),
        None => return None,
    };
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let millis = match fraction {
        Some(f) if !f.is_empty() && f.len() <= 9 => digits(f)? * 10_u32.pow(9 - f.len() as u32) / 1_000_000,
        Some(_) => return None,
        None => 0,
    };
    let seconds = days * 86_400 + i64::from(hour * 3600 + minute * 60 + second) - offset;
    Some(seconds * 1000 + i64::from(millis))
}

/// `+HH:MM`, `-HHMM` or `+HH` as seconds east of UTC.
fn parse_offset(text: &[u8]) -> Option<i64> {
    let sign = if text.first() == Some(&b'-') { -1 } else { 1 };
    let (hours, minutes) = match &text[1..] {
        [h1, h2] => (digits(&[*h1, *h2])?, 0),
        [h1, h2, m1, m2] | [h1, h2, b':', m1, m2] => (digits(&[*h1, *h2])?, digits(&[*m1, *m2])?),
        _ => return None,
    };
    if hours > 23 || minutes > 59 {
        return None;
    }
    Some(sign * i64::from(hours * 3600 + minutes * 60))
}

/// A datetime, or a date at midnight, as milliseconds since 1970-01-01 UTC.
pub(crate) fn parse_datetime_or_date_ms(text: &str) -> Option<i64> {
    parse_datetime_ms(text).or_else(|| parse_date_days(text).map(|days| i64::from(days) * 86_400_000))
}

/// Text values as a column of type `to`; `Err(row)` names the first value that does not parse.
pub(crate) fn parse_column(values: &StringArray, to: DataType) -> Result<ArrayRef, usize> {
    fn build<T>(values: &StringArray, parse: impl Fn(&str) -> Option<T>) -> Result<Vec<Option<T>>, usize> {
        values
            .iter()
            .enumerate()
            .map(|(row, value)| match value {
                None => Ok(None),
                Some(text) => parse(trim(text)).map(Some).ok_or(row),
            })
            .collect()
    }
    Ok(match to {
        DataType::Text => Arc::new(values.clone()),
        DataType::Int => Arc::new(Int64Array::from(build(values, parse_int)?)),
        DataType::Float => Arc::new(Float64Array::from(build(values, parse_float)?)),
        DataType::Bool => Arc::new(BooleanArray::from(build(values, parse_bool)?)),
        DataType::Date => Arc::new(Date32Array::from(build(values, parse_date_days)?)),
        DataType::Datetime => Arc::new(TimestampMillisecondArray::from(build(values, parse_datetime_or_date_ms)?)),
    })
}

#[cfg(test)]
mod tests {
    use chrono::{Datelike, NaiveDate, NaiveDateTime};

    use super::*;

    #[test]
    fn each_type_is_read_from_its_text() {
        assert_eq!(kind_of_text("-12"), DataType::Int);
        assert_eq!(kind_of_text(" 7 "), DataType::Int);
        assert_eq!(kind_of_text("99999999999999999999"), DataType::Float, "too big for i64");
        assert_eq!(kind_of_text("1.5e3"), DataType::Float);
        assert_eq!(kind_of_text("-inf"), DataType::Float);
        assert_eq!(kind_of_text("True"), DataType::Bool);
        assert_eq!(kind_of_text("yes"), DataType::Text);
        assert_eq!(kind_of_text("2024-02-29"), DataType::Date);
        assert_eq!(kind_of_text("2023-02-29"), DataType::Text, "not a real day");
        assert_eq!(kind_of_text("2024-02-29T10:30"), DataType::Datetime);
        assert_eq!(kind_of_text("2024-02-29 10:30:05.25"), DataType::Datetime);
        assert_eq!(kind_of_text("2024-02-29 10:30:5"), DataType::Text);
        assert_eq!(kind_of_text("Paris"), DataType::Text);
    }

    #[test]
    fn offsets_are_converted_to_utc() {
        let utc = parse_datetime_ms("2024-01-01T10:00:00Z").unwrap();
        assert_eq!(parse_datetime_ms("2024-01-01T12:00:00+02:00"), Some(utc));
        assert_eq!(parse_datetime_ms("2024-01-01T05:30:00-0430"), Some(utc));
        assert_eq!(parse_datetime_ms("2024-01-01T14:00:00+04"), Some(utc));
        assert_eq!(parse_datetime_ms("2024-01-01T10:00:00.123"), Some(utc + 123));
        assert_eq!(parse_datetime_ms("2024-01-01T10:00:00.1239"), Some(utc + 123), "past the millisecond is dropped");
    }

    #[test]
    fn days_and_clock_times_agree_with_chrono() {
        // Every day from 1600 to 2400 (leap rules of centuries), and the days that do not exist.
        let mut day = NaiveDate::from_ymd_opt(1600, 1, 1).unwrap();
        while day.year() < 2400 {
            let text = day.format("%Y-%m-%d").to_string();
            let expected = day.signed_duration_since(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days();
            assert_eq!(parse_date_days(&text).map(i64::from), Some(expected), "{text}");
            day = day.succ_opt().unwrap();
        }
        for text in ["2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-01-00", "2024-1-01"] {
            assert_eq!(parse_date_days(text), None, "{text}");
        }
        for text in ["1969-12-31 23:59:59.999", "2024-02-29T00:00", "0001-01-01 00:00:00", "9999-12-31T23:59:59.5"] {
            let chrono = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f")
                .or_else(|_| NaiveDateTime::parse_from_str(&text.replace('T', " "), "%Y-%m-%d %H:%M"))
                .or_else(|_| NaiveDateTime::parse_from_str(&text.replace('T', " "), "%Y-%m-%d %H:%M:%S%.f"))
                .unwrap();
            assert_eq!(parse_datetime_ms(text), Some(chrono.and_utc().timestamp_millis()), "{text}");
        }
        for text in [
            "2024-01-01 24:00",
            "2024-01-01 10:60",
            "2024-01-01 10:00:61",
            "2024-01-01 10:00.5",
            "2024-01-01 10:00:00+2400",
        ] {
            assert_eq!(parse_datetime_ms(text), None, "{text}");
        }
    }

    #[test]
    fn kinds_join_as_pandas_widens() {
        let int = Kind::Of(DataType::Int);
        assert_eq!(int.join(Kind::Null), int);
        assert_eq!(parse_int("-9223372036854775808"), Some(i64::MIN));
        assert_eq!(parse_int("9223372036854775808"), None);
        assert_eq!(parse_int("+"), None);
        assert_eq!(int.join(Kind::Of(DataType::Float)), Kind::Of(DataType::Float));
        assert_eq!(int.join(Kind::Of(DataType::Bool)), Kind::Of(DataType::Text));
        assert_eq!(Kind::Of(DataType::Date).join(Kind::Of(DataType::Datetime)), Kind::Of(DataType::Datetime));
        assert_eq!(Kind::Null.finish(), DataType::Float);
    }
}
