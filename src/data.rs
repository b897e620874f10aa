//! Data in the tab: a small polars-style [`DataFrame`] over Apache Arrow (feature `data`).
//!
//! A frame is one Arrow `RecordBatch` whose columns have one of the few types in
//! [`DataType`]; every other Arrow type is cast to the nearest of them when a frame is made, so
//! readers, operations and the grid deal with six types only. Frames are cheap to clone (the
//! columns are shared), and two clones compare equal without reading their data, so an
//! element that shows an unchanged frame costs nothing on a rerun.
//!
//! ```
//! use wasmlit::data::{Column, DataFrame};
//! let df = DataFrame::new(vec![
//!     ("city", Column::from(vec!["Paris", "Lyon"])),
//!     ("people", Column::from(vec![2_102_650_i64, 522_250])),
//! ])
//! .unwrap();
//! assert_eq!(df.shape(), (2, 2));
//! assert_eq!(df.cell_text(1, 0), "Lyon");
//! ```

mod column;
mod csv_column;
mod csv_reader;
mod csv_writer;
mod describe;
mod error;
mod expr;
mod filter;
mod group_by;
mod infer;
mod join;
mod json;
mod keys;
mod limit;
mod parquet_io;
mod select;
mod serde_frame;
mod slice;
mod sort;
mod unique;
mod with_column;

use std::sync::Arc;

use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{Field, Schema};

pub use crate::number_format::format_float;
pub use column::{Column, DataType, Value};
pub use csv_reader::{CsvOptions, CsvReader};
pub use describe::DESCRIBE_STATISTICS;
pub use error::DataError;
pub use expr::{col, lit, Expr};
pub use filter::Row;
pub use group_by::{count, max, mean, min, n_unique, size, sum, Agg, GroupBy};
pub use join::{JoinKind, JOIN_SUFFIX};
pub use limit::check_size;
pub use parquet_io::ParquetReader;
pub use sort::{Nulls, SortOrder};
pub use with_column::NewColumn;

/// A table of named, typed columns, all of the same length.
#[derive(Clone, Debug)]
pub struct DataFrame {
    /// Behind an `Arc` so that a frame is one pointer wide in every element that holds it.
    batch: Arc<RecordBatch>,
}

impl DataFrame {
    /// A frame from named columns; every column must have the same length and each name must
    /// be unique.
    pub fn new<N: Into<String>>(columns: Vec<(N, Column)>) -> Result<DataFrame, DataError> {
        let (names, arrays): (Vec<String>, Vec<ArrayRef>) =
            columns.into_iter().map(|(name, column)| (name.into(), column.into_array())).unzip();
        DataFrame::from_arrays(names, arrays)
    }

    /// A frame with no columns and no rows.
    pub fn empty() -> DataFrame {
        DataFrame { batch: Arc::new(RecordBatch::new_empty(Arc::new(Schema::empty()))) }
    }

    /// A frame from Arrow arrays, cast to the frame's [`DataType`]s.
    pub fn from_arrays(names: Vec<String>, arrays: Vec<ArrayRef>) -> Result<DataFrame, DataError> {
        if let Some(first) = arrays.first() {
            let rows = first.len();
            if let Some((index, array)) = arrays.iter().enumerate().find(|(_, a)| a.len() != rows) {
                return Err(DataError::Shape(format!(
                    "column `{}` has {} rows, but `{}` has {rows}",
                    names[index],
                    array.len(),
                    names[0]
                )));
            }
        }
        for (index, name) in names.iter().enumerate() {
            if names[..index].contains(name) {
                return Err(DataError::Shape(format!("two columns are named `{name}`")));
            }
        }
        let mut fields = Vec::with_capacity(arrays.len());
        let mut columns = Vec::with_capacity(arrays.len());
        for (name, array) in names.into_iter().zip(arrays) {
            let array = column::normalize(&name, array)?;
            fields.push(Field::new(name, array.data_type().clone(), true));
            columns.push(array);
        }
        let rows = columns.first().map_or(0, |c| c.len());
        let options = arrow_array::RecordBatchOptions::new().with_row_count(Some(rows));
        let batch = RecordBatch::try_new_with_options(Arc::new(Schema::new(fields)), columns, &options)
            .map_err(|e| DataError::Shape(e.to_string()))?;
        Ok(DataFrame { batch: Arc::new(batch) })
    }

    /// A frame from an Arrow record batch, its columns cast to the frame's [`DataType`]s.
    pub fn from_batch(batch: RecordBatch) -> Result<DataFrame, DataError> {
        let names = batch.schema().fields().iter().map(|f| f.name().clone()).collect();
        DataFrame::from_arrays(names, batch.columns().to_vec())
    }

    /// The frame as an Arrow record batch (shared, not copied).
    pub fn batch(&self) -> &RecordBatch {
        &self.batch
    }

    /// How many rows.
    pub fn num_rows(&self) -> usize {
        self.batch.num_rows()
    }

    /// How many columns.
    pub fn num_columns(&self) -> usize {
        self.batch.num_columns()
    }

    /// `(rows, columns)`, as pandas' `shape`.
    pub fn shape(&self) -> (usize, usize) {
        (self.num_rows(), self.num_columns())
    }

    /// The column names, in order.
    pub fn column_names(&self) -> Vec<&str> {
        self.batch.schema_ref().fields().iter().map(|f| f.name().as_str()).collect()
    }

    /// The position of the column named `name`.
    pub fn column_index(&self, name: &str) -> Result<usize, DataError> {
        self.batch.schema_ref().index_of(name).map_err(|_| DataError::NoColumn {
            name: name.to_string(),
            columns: self.column_names().iter().map(|n| n.to_string()).collect(),
        })
    }

    /// The column named `name`, as an Arrow array.
    pub fn column(&self, name: &str) -> Result<&ArrayRef, DataError> {
        Ok(self.batch.column(self.column_index(name)?))
    }

    /// The column at `index`, as an Arrow array.
    pub fn column_at(&self, index: usize) -> &ArrayRef {
        self.batch.column(index)
    }

    /// The type of the column at `index`.
    pub fn dtype(&self, index: usize) -> DataType {
        DataType::of(self.batch.column(index).data_type())
    }

    /// The value at `row` of the column at `column`.
    pub fn value(&self, row: usize, column: usize) -> Value {
        Value::at(self.batch.column(column), row)
    }

    /// The value at `row` of the column at `column` as the grid shows it (`""` for a null:
    /// renderers show nulls their own way).
    pub fn cell_text(&self, row: usize, column: usize) -> String {
        self.value(row, column).to_string()
    }

    /// The column named `name` as owned values.
    pub fn column_values(&self, name: &str) -> Result<Column, DataError> {
        Ok(Column::from_array(self.column(name)?))
    }
}

/// Two frames are equal when they share their columns (clones of one frame), or hold the same
/// names, types and values.
impl PartialEq for DataFrame {
    fn eq(&self, other: &DataFrame) -> bool {
        let shared = self.batch.schema() == other.batch.schema()
            && self.batch.num_rows() == other.batch.num_rows()
            && self.batch.columns().iter().zip(other.batch.columns()).all(|(a, b)| a.to_data().ptr_eq(&b.to_data()));
        shared || self.batch == other.batch
    }
}

impl Default for DataFrame {
    fn default() -> DataFrame {
        DataFrame::empty()
    }
}
