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

use arrow_array::types::Date32Type;
use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, StringArray, TimestampMillisecondArray,
};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

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

/// The type of one non-null text value.
pub(crate) fn kind_of_text(text: &str) -> DataType {
    let trimmed = text.trim();
    if parse_int(trimmed).is_some() {
        DataType::Int
    } else if parse_float(trimmed).is_some() {
        DataType::Float
    } else if parse_bool(trimmed).is_some() {
        DataType::Bool
    } else if parse_date(trimmed).is_some() {
        DataType::Date
    } else if parse_datetime(trimmed).is_some() {
        DataType::Datetime
    } else {
        DataType::Text
    }
}

/// Text that reads as a date or a datetime, for the JSON readers (whose numbers and bools come
/// typed): `Date`, `Datetime` or `Text`.
pub(crate) fn kind_of_json_string(text: &str) -> DataType {
    if parse_date(text).is_some() {
        DataType::Date
    } else if parse_datetime(text).is_some() {
        DataType::Datetime
    } else {
        DataType::Text
    }
}

/// An optional sign and digits that fit an `i64`.
pub(crate) fn parse_int(text: &str) -> Option<i64> {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.strip_prefix('+').unwrap_or(text).parse().ok()
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

fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// `YYYY-MM-DD`.
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = digits(text.get(0..4)?)?;
    NaiveDate::from_ymd_opt(year as i32, digits(text.get(5..7)?)?, digits(text.get(8..10)?)?)
}

/// `YYYY-MM-DD[T ]HH:MM[:SS[.fff]][Z|±HH:MM|±HHMM]`, as UTC wall time.
pub(crate) fn parse_datetime(text: &str) -> Option<NaiveDateTime> {
    let bytes = text.as_bytes();
    if bytes.len() < 16 || !matches!(bytes[10], b'T' | b' ') || bytes[13] != b':' {
        return None;
    }
    let date = parse_date(text.get(0..10)?)?;
    let rest = text.get(11..)?;
    // The zone: a trailing `Z`, or a sign after the seconds (the date's dashes are gone).
    let (clock, offset) = if let Some(clock) = rest.strip_suffix(['Z', 'z']) {
        (clock, 0)
    } else if let Some(at) = rest.rfind(['+', '-']) {
        (&rest[..at], parse_offset(&rest[at..])?)
    } else {
        (rest, 0)
    };
    let (hms, fraction) = match clock.split_once('.') {
        Some((hms, fraction)) => (hms, Some(fraction)),
        None => (clock, None),
    };
    let mut parts = hms.split(':');
    let hour = digits(parts.next()?)?;
    let minute = digits(parts.next()?)?;
    let second = match parts.next() {
        Some(s) if s.len() == 2 => digits(s)?,
        Some(_) => return None,
        None if fraction.is_none() => 0,
        None => return None,
    };
    if parts.next().is_some() {
        return None;
    }
    let nanos = match fraction {
        Some(f) if !f.is_empty() && f.len() <= 9 => digits(f)? * 10_u32.pow(9 - f.len() as u32),
        Some(_) => return None,
        None => 0,
    };
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    date.and_time(time).checked_sub_signed(TimeDelta::seconds(offset))
}

/// `+HH:MM`, `-HHMM` or `+HH` as seconds east of UTC.
fn parse_offset(text: &str) -> Option<i64> {
    let sign = if text.starts_with('-') { -1 } else { 1 };
    let body = text.get(1..)?.replace(':', "");
    let (hours, minutes) = match body.len() {
        2 => (digits(&body)?, 0),
        4 => (digits(&body[..2])?, digits(&body[2..])?),
        _ => return None,
    };
    if hours > 23 || minutes > 59 {
        return None;
    }
    Some(sign * i64::from(hours * 3600 + minutes * 60))
}

/// Text values as a column of type `to`; `Err(row)` names the first value that does not parse.
pub(crate) fn parse_column(values: &StringArray, to: DataType) -> Result<ArrayRef, usize> {
    fn build<T>(values: &StringArray, parse: impl Fn(&str) -> Option<T>) -> Result<Vec<Option<T>>, usize> {
        values
            .iter()
            .enumerate()
            .map(|(row, value)| match value {
                None => Ok(None),
                Some(text) => parse(text.trim()).map(Some).ok_or(row),
            })
            .collect()
    }
    Ok(match to {
        DataType::Text => Arc::new(values.clone()),
        DataType::Int => Arc::new(Int64Array::from(build(values, parse_int)?)),
        DataType::Float => Arc::new(Float64Array::from(build(values, parse_float)?)),
        DataType::Bool => Arc::new(BooleanArray::from(build(values, parse_bool)?)),
        DataType::Date => Arc::new(
            build(values, parse_date)?.into_iter().map(|d| d.map(Date32Type::from_naive_date)).collect::<Date32Array>(),
        ),
        DataType::Datetime => Arc::new(
            build(values, |text| {
                parse_datetime(text).or_else(|| parse_date(text).map(|d| d.and_time(NaiveTime::MIN)))
            })?
            .into_iter()
            .map(|d| d.map(|d| d.and_utc().timestamp_millis()))
            .collect::<TimestampMillisecondArray>(),
        ),
    })
}

#[cfg(test)]
mod tests {
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
        let utc = parse_datetime("2024-01-01T10:00:00Z").unwrap();
        assert_eq!(parse_datetime("2024-01-01T12:00:00+02:00"), Some(utc));
        assert_eq!(parse_datetime("2024-01-01T05:30:00-0430"), Some(utc));
        assert_eq!(parse_datetime("2024-01-01T10:00:00.123").unwrap().and_utc().timestamp_subsec_millis(), 123);
    }

    #[test]
    fn kinds_join_as_pandas_widens() {
        let int = Kind::Of(DataType::Int);
        assert_eq!(int.join(Kind::Null), int);
        assert_eq!(int.join(Kind::Of(DataType::Float)), Kind::Of(DataType::Float));
        assert_eq!(int.join(Kind::Of(DataType::Bool)), Kind::Of(DataType::Text));
        assert_eq!(Kind::Of(DataType::Date).join(Kind::Of(DataType::Datetime)), Kind::Of(DataType::Datetime));
        assert_eq!(Kind::Null.finish(), DataType::Float);
    }
}
