//! The six column types of a [`DataFrame`](super::DataFrame), owned columns and single values.

use std::fmt;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int64Type, TimestampMillisecondType};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, StringArray, TimestampMillisecondArray,
};
use arrow_schema::{DataType as ArrowType, TimeUnit};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::error::DataError;
use crate::number_format::format_float;

/// The type of a frame's column. Arrow's other types are cast to one of these when a frame is
/// made: integers (signed or not) to `Int`, floats and decimals to `Float`, every string type
/// and dictionary of strings to `Text`, dates to `Date`, timestamps (any unit, any zone, read
/// as UTC wall time) to `Datetime` in milliseconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DataType {
    Int,
    Float,
    Bool,
    Text,
    Date,
    Datetime,
}

impl DataType {
    /// The frame type of an Arrow column type that has been normalized.
    pub(crate) fn of(arrow: &ArrowType) -> DataType {
        match arrow {
            ArrowType::Int64 => DataType::Int,
            ArrowType::Float64 => DataType::Float,
            ArrowType::Boolean => DataType::Bool,
            ArrowType::Date32 => DataType::Date,
            ArrowType::Timestamp(_, _) => DataType::Datetime,
            _ => DataType::Text,
        }
    }

    /// The Arrow type a column of this type is stored as.
    pub fn arrow(self) -> ArrowType {
        match self {
            DataType::Int => ArrowType::Int64,
            DataType::Float => ArrowType::Float64,
            DataType::Bool => ArrowType::Boolean,
            DataType::Text => ArrowType::Utf8,
            DataType::Date => ArrowType::Date32,
            DataType::Datetime => ArrowType::Timestamp(TimeUnit::Millisecond, None),
        }
    }

    /// Whether values of this type are numbers (the grid aligns them right).
    pub fn is_numeric(self) -> bool {
        matches!(self, DataType::Int | DataType::Float)
    }

    /// The type's name as the data readers' errors spell it.
    pub fn name(self) -> &'static str {
        match self {
            DataType::Int => "int",
            DataType::Float => "float",
            DataType::Bool => "bool",
            DataType::Text => "text",
            DataType::Date => "date",
            DataType::Datetime => "datetime",
        }
    }
}

/// Casts an Arrow column to the frame type nearest its own.
pub(crate) fn normalize(name: &str, array: ArrayRef) -> Result<ArrayRef, DataError> {
    let target = match array.data_type() {
        ArrowType::Int64 | ArrowType::Float64 | ArrowType::Boolean | ArrowType::Utf8 | ArrowType::Date32 => {
            return Ok(array)
        }
        ArrowType::Timestamp(TimeUnit::Millisecond, None) => return Ok(array),
        ArrowType::Null => DataType::Text,
        ArrowType::Int8
        | ArrowType::Int16
        | ArrowType::Int32
        | ArrowType::UInt8
        | ArrowType::UInt16
        | ArrowType::UInt32
        | ArrowType::UInt64 => DataType::Int,
        ArrowType::Float16
        | ArrowType::Float32
        | ArrowType::Decimal32(_, _)
        | ArrowType::Decimal64(_, _)
        | ArrowType::Decimal128(_, _)
        | ArrowType::Decimal256(_, _) => DataType::Float,
        ArrowType::Date64 => DataType::Date,
        ArrowType::Timestamp(_, _) => DataType::Datetime,
        _ => DataType::Text,
    };
    let arrow = match (array.data_type(), target) {
        // Time zones are dropped: the wall time is read as UTC.
        (ArrowType::Timestamp(unit, Some(_)), DataType::Datetime) => {
            let plain = arrow_cast::cast(&array, &ArrowType::Timestamp(*unit, None))
                .map_err(|e| DataError::Type { column: name.to_string(), message: e.to_string() })?;
            return normalize(name, plain);
        }
        _ => target.arrow(),
    };
    let options = arrow_cast::CastOptions { safe: false, ..Default::default() };
    arrow_cast::cast_with_options(&array, &arrow, &options)
        .map_err(|e| DataError::Type { column: name.to_string(), message: e.to_string() })
}

/// A column's values, owned, one `Option` per row (`None` is a null).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Column {
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
    Bool(Vec<Option<bool>>),
    Text(Vec<Option<String>>),
    Date(Vec<Option<NaiveDate>>),
    Datetime(Vec<Option<NaiveDateTime>>),
}

impl Column {
    /// How many rows.
    pub fn len(&self) -> usize {
        match self {
            Column::Int(v) => v.len(),
            Column::Float(v) => v.len(),
            Column::Bool(v) => v.len(),
            Column::Text(v) => v.len(),
            Column::Date(v) => v.len(),
            Column::Datetime(v) => v.len(),
        }
    }

    /// Whether the column has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The column's type.
    pub fn dtype(&self) -> DataType {
        match self {
            Column::Int(_) => DataType::Int,
            Column::Float(_) => DataType::Float,
            Column::Bool(_) => DataType::Bool,
            Column::Text(_) => DataType::Text,
            Column::Date(_) => DataType::Date,
            Column::Datetime(_) => DataType::Datetime,
        }
    }

    /// The column as an Arrow array.
    pub fn into_array(self) -> ArrayRef {
        match self {
            Column::Int(v) => Arc::new(Int64Array::from(v)),
            Column::Float(v) => Arc::new(Float64Array::from(v)),
            Column::Bool(v) => Arc::new(BooleanArray::from(v)),
            Column::Text(v) => Arc::new(StringArray::from(v)),
            Column::Date(v) => {
                Arc::new(v.into_iter().map(|d| d.map(Date32Type::from_naive_date)).collect::<Date32Array>())
            }
            Column::Datetime(v) => Arc::new(
                v.into_iter().map(|d| d.map(|d| d.and_utc().timestamp_millis())).collect::<TimestampMillisecondArray>(),
            ),
        }
    }

    /// The values of a normalized Arrow column.
    pub(crate) fn from_array(array: &ArrayRef) -> Column {
        match DataType::of(array.data_type()) {
            DataType::Int => Column::Int(array.as_primitive::<Int64Type>().iter().collect()),
            DataType::Float => Column::Float(array.as_primitive::<Float64Type>().iter().collect()),
            DataType::Bool => Column::Bool(array.as_boolean().iter().collect()),
            DataType::Text => Column::Text(array.as_string::<i32>().iter().map(|s| s.map(str::to_string)).collect()),
            DataType::Date => Column::Date(
                array.as_primitive::<Date32Type>().iter().map(|d| d.and_then(Date32Type::to_naive_date_opt)).collect(),
            ),
            DataType::Datetime => Column::Datetime(
                array
                    .as_primitive::<TimestampMillisecondType>()
                    .iter()
                    .map(|t| t.and_then(chrono::DateTime::from_timestamp_millis).map(|d| d.naive_utc()))
                    .collect(),
            ),
        }
    }
}

macro_rules! column_from {
    ($variant:ident: $($t:ty => $convert:expr),* $(,)?) => {$(
        impl From<Vec<$t>> for Column {
            fn from(values: Vec<$t>) -> Column {
                Column::$variant(values.into_iter().map(|v| Some(($convert)(v))).collect())
            }
        }
        impl From<Vec<Option<$t>>> for Column {
            fn from(values: Vec<Option<$t>>) -> Column {
                Column::$variant(values.into_iter().map(|v| v.map($convert)).collect())
            }
        }
    )*};
}

column_from!(Int: i64 => |v: i64| v, i32 => i64::from, u32 => i64::from, usize => |v: usize| v as i64);
column_from!(Float: f64 => |v: f64| v, f32 => f64::from);
column_from!(Bool: bool => |v: bool| v);
column_from!(Text: String => |v: String| v, &str => |v: &str| v.to_string());
column_from!(Date: NaiveDate => |v: NaiveDate| v);
column_from!(Datetime: NaiveDateTime => |v: NaiveDateTime| v);

/// One cell's value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Value {
    Null,
    Int(i64),
    Float(f64),
    Bool(bool),
    Text(String),
    Date(NaiveDate),
    Datetime(NaiveDateTime),
}

impl Value {
    /// The value at `row` of a normalized Arrow column.
    pub(crate) fn at(array: &ArrayRef, row: usize) -> Value {
        if array.is_null(row) {
            return Value::Null;
        }
        match DataType::of(array.data_type()) {
            DataType::Int => Value::Int(array.as_primitive::<Int64Type>().value(row)),
            DataType::Float => Value::Float(array.as_primitive::<Float64Type>().value(row)),
            DataType::Bool => Value::Bool(array.as_boolean().value(row)),
            DataType::Text => Value::Text(array.as_string::<i32>().value(row).to_string()),
            DataType::Date => Date32Type::to_naive_date_opt(array.as_primitive::<Date32Type>().value(row))
                .map_or(Value::Null, Value::Date),
            DataType::Datetime => {
                let millis = array.as_primitive::<TimestampMillisecondType>().value(row);
                chrono::DateTime::from_timestamp_millis(millis).map_or(Value::Null, |d| Value::Datetime(d.naive_utc()))
            }
        }
    }

    /// Whether this is a null.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The value as a number, for integers and floats.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Int(v) => Some(*v as f64),
            Value::Float(v) => Some(*v),
            _ => None,
        }
    }
}

/// Shows the value as the grid and CSV output do: floats through [`format_float`], dates as
/// `YYYY-MM-DD`, datetimes as `YYYY-MM-DD HH:MM:SS`, nulls as nothing.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => Ok(()),
            Value::Int(v) => write!(f, "{v}"),
            Value::Float(v) => f.write_str(&format_float(*v)),
            Value::Bool(v) => write!(f, "{v}"),
            Value::Text(v) => f.write_str(v),
            Value::Date(v) => write!(f, "{}", v.format("%Y-%m-%d")),
            Value::Datetime(v) => write!(f, "{}", v.format("%Y-%m-%d %H:%M:%S")),
        }
    }
}
