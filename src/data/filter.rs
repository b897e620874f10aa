//! Keeping some rows: by an [`Expr`] (Arrow kernels) or by a closure over a [`Row`].

use std::cell::RefCell;

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int64Type, TimestampMillisecondType};
use arrow_array::{Array, BooleanArray};
use chrono::{NaiveDate, NaiveDateTime};

use super::{DataError, DataFrame, DataType, Expr, Value};

impl DataFrame {
    /// The rows where `condition` is true (a null counts as false), in their order.
    ///
    /// ```
    /// use wasmlit::data::{col, Column, DataFrame};
    /// let df = DataFrame::new(vec![
    ///     ("hour", Column::from(vec![Some(9_i64), Some(17), None])),
    ///     ("city", Column::from(vec!["Paris", "Lyon", "Nice"])),
    /// ])
    /// .unwrap();
    /// let late = df.filter(&col("hour").gt(12).or(col("city").contains("ic"))).unwrap();
    /// assert_eq!(late.column_values("city").unwrap(), Column::from(vec!["Lyon", "Nice"]));
    /// assert!(df.filter(&col("city").gt(3)).is_err()); // text against an int
    /// ```
    pub fn filter(&self, condition: &Expr) -> Result<DataFrame, DataError> {
        let mask = condition.mask(self)?;
        self.filter_mask(&mask)
    }

    /// The rows for which `keep` returns true. Reading a column the frame does not have, or
    /// reading it as the wrong type (`row.int` of a text column), makes the whole call an
    /// `Err` naming the column.
    ///
    /// ```
    /// use wasmlit::data::{Column, DataFrame, Row};
    /// let df = DataFrame::new(vec![("hour", Column::from(vec![9_i64, 17, 18]))]).unwrap();
    /// let rush = df.filter_rows(|row: &Row| row.int("hour") == Some(17)).unwrap();
    /// assert_eq!(rush.num_rows(), 1);
    /// assert!(df.filter_rows(|row| row.int("hours").is_some()).is_err());
    /// ```
    pub fn filter_rows(&self, mut keep: impl FnMut(&Row) -> bool) -> Result<DataFrame, DataError> {
        let error = RefCell::new(None);
        let mut mask = Vec::with_capacity(self.num_rows());
        for index in 0..self.num_rows() {
            let row = Row { frame: self, index, error: &error };
            mask.push(keep(&row));
            if error.borrow().is_some() {
                break;
            }
        }
        if let Some(error) = error.into_inner() {
            return Err(error);
        }
        self.filter_mask(&BooleanArray::from(mask))
    }

    /// The rows where `mask` is true.
    pub(crate) fn filter_mask(&self, mask: &BooleanArray) -> Result<DataFrame, DataError> {
        let batch = arrow_select::filter::filter_record_batch(self.batch(), mask)
            .map_err(|e| DataError::Shape(format!("filter: {e}")))?;
        Ok(DataFrame { batch: std::sync::Arc::new(batch) })
    }
}

/// One row of a frame, as [`DataFrame::filter_rows`] hands it to its closure: typed getters
/// by column name; each returns `None` for a null.
pub struct Row<'a> {
    frame: &'a DataFrame,
    index: usize,
    error: &'a RefCell<Option<DataError>>,
}

impl<'a> Row<'a> {
    /// The row's position in the frame.
    pub fn index(&self) -> usize {
        self.index
    }

    /// The cell in column `name`, whatever its type (`Value::Null` for a missing column,
    /// which also makes the filter an error).
    pub fn value(&self, name: &str) -> Value {
        self.column(name, None).map_or(Value::Null, |(column, _)| self.frame.value(self.index, column))
    }

    /// Whether the cell in column `name` is null.
    pub fn is_null(&self, name: &str) -> bool {
        self.column(name, None).is_none_or(|(column, _)| self.frame.column_at(column).is_null(self.index))
    }

    /// An int column's value.
    pub fn int(&self, name: &str) -> Option<i64> {
        let (_, array) = self.typed(name, DataType::Int)?;
        Some(array.as_primitive::<Int64Type>().value(self.index))
    }

    /// A number column's value as a float (ints are converted).
    pub fn float(&self, name: &str) -> Option<f64> {
        let (column, dtype) = self.column(name, Some("a number"))?;
        let array = self.frame.column_at(column);
        if array.is_null(self.index) {
            return None;
        }
        match dtype {
            DataType::Float => Some(array.as_primitive::<Float64Type>().value(self.index)),
            _ => Some(array.as_primitive::<Int64Type>().value(self.index) as f64),
        }
    }

    /// A bool column's value.
    pub fn bool(&self, name: &str) -> Option<bool> {
        let (_, array) = self.typed(name, DataType::Bool)?;
        Some(array.as_boolean().value(self.index))
    }

    /// A text column's value.
    pub fn text(&self, name: &str) -> Option<&'a str> {
        let (_, array) = self.typed(name, DataType::Text)?;
        Some(array.as_string::<i32>().value(self.index))
    }

    /// A date column's value.
    pub fn date(&self, name: &str) -> Option<NaiveDate> {
        let (_, array) = self.typed(name, DataType::Date)?;
        Date32Type::to_naive_date_opt(array.as_primitive::<Date32Type>().value(self.index))
    }

    /// A datetime column's value.
    pub fn datetime(&self, name: &str) -> Option<NaiveDateTime> {
        let (_, array) = self.typed(name, DataType::Datetime)?;
        let millis = array.as_primitive::<TimestampMillisecondType>().value(self.index);
        chrono::DateTime::from_timestamp_millis(millis).map(|d| d.naive_utc())
    }

    /// The column named `name` if it has type `want`, and its cell is not null.
    fn typed(&self, name: &str, want: DataType) -> Option<(usize, &'a dyn Array)> {
        let (column, _) = self.column(name, Some(want.name()))?;
        let array = self.frame.column_at(column).as_ref();
        (!array.is_null(self.index)).then_some((column, array))
    }

    /// The column's position and type; a missing column, or one whose type is not `want`
    /// (`"a number"` takes ints and floats), records the error and gives `None`.
    fn column(&self, name: &str, want: Option<&str>) -> Option<(usize, DataType)> {
        let found = self.frame.column_index(name).and_then(|column| {
            let dtype = self.frame.dtype(column);
            let fits = match want {
                None => true,
                Some("a number") => dtype.is_numeric(),
                Some(want) => want == dtype.name(),
            };
            if fits {
                Ok((column, dtype))
            } else {
                Err(DataError::Type {
                    column: name.to_string(),
                    message: format!("is {}, not {}", dtype.name(), want.unwrap_or_default()),
                })
            }
        });
        match found {
            Ok(found) => Some(found),
            Err(error) => {
                self.error.borrow_mut().get_or_insert(error);
                None
            }
        }
    }
}
