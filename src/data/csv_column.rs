//! One column of a CSV file as it is read: values are parsed into a typed Arrow builder as they
//! come, and the builder widens when a value needs it (ints to floats, dates to datetimes),
//! so a numeric column never holds its text. A column that turns out to be text late is
//! rebuilt from the file by the reader ([`Pushed::NeedsText`]).

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, StringBuilder, TimestampMillisecondBuilder,
};
use arrow_array::{new_null_array, ArrayRef};

use super::infer::{self, Kind};
use super::DataType;

/// The values read so far, in the builder of the type they share.
enum Cells {
    /// Only nulls so far: how many.
    Nulls(usize),
    Int(Int64Builder),
    Float(Float64Builder),
    Bool(BooleanBuilder),
    Date(Date32Builder),
    Datetime(TimestampMillisecondBuilder),
    Text(StringBuilder),
}

/// A column being read.
pub(crate) struct CsvColumn {
    cells: Cells,
    /// The type given by [`CsvOptions::dtype`](super::CsvOptions::dtype).
    forced: Option<DataType>,
}

/// What happened to a value pushed onto a column.
pub(crate) enum Pushed {
    Done,
    /// The value does not parse as the column's type, which may not change (given, or read
    /// from the first rows).
    Refused(DataType),
    /// The column becomes text: the reader passes its earlier values to
    /// [`CsvColumn::become_text`].
    NeedsText,
}

impl CsvColumn {
    pub(crate) fn new(forced: Option<DataType>) -> CsvColumn {
        // A text column keeps its values as written (other types parse them trimmed).
        let cells = if forced == Some(DataType::Text) { Cells::Text(StringBuilder::new()) } else { Cells::Nulls(0) };
        CsvColumn { cells, forced }
    }

    pub(crate) fn push_null(&mut self) {
        match &mut self.cells {
            Cells::Nulls(count) => *count += 1,
            Cells::Int(b) => b.append_null(),
            Cells::Float(b) => b.append_null(),
            Cells::Bool(b) => b.append_null(),
            Cells::Date(b) => b.append_null(),
            Cells::Datetime(b) => b.append_null(),
            Cells::Text(b) => b.append_null(),
        }
    }

    /// Adds a non-null value. While `infer` holds, the column's type may widen to take it;
    /// after that (or for a given type) a value that does not parse is refused.
    pub(crate) fn push(&mut self, text: &str, infer: bool) -> Pushed {
        if let Cells::Text(b) = &mut self.cells {
            b.append_value(text);
            return Pushed::Done;
        }
        let value = infer::trim(text);
        if self.append(value) {
            return Pushed::Done;
        }
        let fixed = self.forced.or_else(|| (!infer).then(|| self.kind().finish()));
        if let Some(dtype) = fixed {
            if let Cells::Nulls(nulls) = self.cells {
                self.cells = Cells::empty(dtype, nulls);
                if self.append(value) {
                    return Pushed::Done;
                }
            }
            return Pushed::Refused(dtype);
        }
        let wider = self.kind().join(Kind::Of(infer::kind_of_text(value)));
        match (wider, &mut self.cells) {
            (Kind::Of(DataType::Text), _) => return Pushed::NeedsText,
            (Kind::Of(dtype), Cells::Nulls(nulls)) => self.cells = Cells::empty(dtype, *nulls),
            (Kind::Of(DataType::Float), Cells::Int(ints)) => {
                let ints = ints.finish();
                let mut floats = Float64Builder::with_capacity(ints.len());
                floats.extend(ints.iter().map(|v| v.map(|v| v as f64)));
                self.cells = Cells::Float(floats);
            }
            (Kind::Of(DataType::Datetime), Cells::Date(days)) => {
                let days = days.finish();
                let mut times = TimestampMillisecondBuilder::with_capacity(days.len());
                times.extend(days.iter().map(|d| d.map(|d| i64::from(d) * 86_400_000)));
                self.cells = Cells::Datetime(times);
            }
            _ => return Pushed::NeedsText,
        }
        if self.append(value) {
            Pushed::Done
        } else {
            Pushed::NeedsText
        }
    }

    /// Appends a trimmed value that parses as the column's current type; false if it does not.
    fn append(&mut self, value: &str) -> bool {
        match &mut self.cells {
            Cells::Nulls(_) => false,
            Cells::Int(b) => infer::parse_int(value).map(|v| b.append_value(v)).is_some(),
            Cells::Float(b) => infer::parse_float(value).map(|v| b.append_value(v)).is_some(),
            Cells::Bool(b) => infer::parse_bool(value).map(|v| b.append_value(v)).is_some(),
            Cells::Date(b) => infer::parse_date_days(value).map(|v| b.append_value(v)).is_some(),
            Cells::Datetime(b) => infer::parse_datetime_or_date_ms(value).map(|v| b.append_value(v)).is_some(),
            Cells::Text(b) => {
                b.append_value(value);
                true
            }
        }
    }

    /// Turns the column into text: `earlier` are its values so far, as written in the file.
    pub(crate) fn become_text(&mut self, earlier: StringBuilder) {
        self.cells = Cells::Text(earlier);
    }

    /// What the values so far have in common.
    fn kind(&self) -> Kind {
        match &self.cells {
            Cells::Nulls(_) => Kind::Null,
            Cells::Int(_) => Kind::Of(DataType::Int),
            Cells::Float(_) => Kind::Of(DataType::Float),
            Cells::Bool(_) => Kind::Of(DataType::Bool),
            Cells::Date(_) => Kind::Of(DataType::Date),
            Cells::Datetime(_) => Kind::Of(DataType::Datetime),
            Cells::Text(_) => Kind::Of(DataType::Text),
        }
    }

    /// The column as an Arrow array; a column of nulls only is `Float` (as pandas reads it),
    /// unless it was given a type.
    pub(crate) fn finish(&mut self) -> ArrayRef {
        match &mut self.cells {
            Cells::Nulls(count) => new_null_array(&self.forced.unwrap_or(DataType::Float).arrow(), *count),
            Cells::Int(b) => Arc::new(b.finish()),
            Cells::Float(b) => Arc::new(b.finish()),
            Cells::Bool(b) => Arc::new(b.finish()),
            Cells::Date(b) => Arc::new(b.finish()),
            Cells::Datetime(b) => Arc::new(b.finish()),
            Cells::Text(b) => Arc::new(b.finish()),
        }
    }
}

impl Cells {
    /// An empty builder of type `dtype` holding `nulls` nulls.
    fn empty(dtype: DataType, nulls: usize) -> Cells {
        let mut cells = match dtype {
            DataType::Int => Cells::Int(Int64Builder::new()),
            DataType::Float => Cells::Float(Float64Builder::new()),
            DataType::Bool => Cells::Bool(BooleanBuilder::new()),
            DataType::Date => Cells::Date(Date32Builder::new()),
            DataType::Datetime => Cells::Datetime(TimestampMillisecondBuilder::new()),
            DataType::Text => Cells::Text(StringBuilder::new()),
        };
        for _ in 0..nulls {
            match &mut cells {
                Cells::Int(b) => b.append_null(),
                Cells::Float(b) => b.append_null(),
                Cells::Bool(b) => b.append_null(),
                Cells::Date(b) => b.append_null(),
                Cells::Datetime(b) => b.append_null(),
                Cells::Text(b) => b.append_null(),
                Cells::Nulls(_) => {}
            }
        }
        cells
    }
}
