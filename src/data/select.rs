//! Choosing and naming columns: `select`, `drop`, `rename`.

use std::sync::Arc;

use arrow_array::RecordBatch;
use arrow_schema::{Field, Schema};

use super::{DataError, DataFrame};

impl DataFrame {
    /// The columns named in `names`, in that order (the data is shared, not copied).
    ///
    /// ```
    /// use wasmlit::data::{Column, DataFrame};
    /// let df = DataFrame::new(vec![("a", Column::from(vec![1_i64])), ("b", Column::from(vec!["x"]))]).unwrap();
    /// assert_eq!(df.select(&["b", "a"]).unwrap().column_names(), ["b", "a"]);
    /// assert_eq!(
    ///     df.select(&["c"]).unwrap_err().to_string(),
    ///     "no column named `c` (the columns are: a, b)"
    /// );
    /// ```
    pub fn select(&self, names: &[&str]) -> Result<DataFrame, DataError> {
        let indices = names.iter().map(|name| self.column_index(name)).collect::<Result<Vec<_>, _>>()?;
        self.with_column_indices(&indices)
    }

    /// Every column but those named in `names` (each must exist).
    ///
    /// ```
    /// use wasmlit::data::{Column, DataFrame};
    /// let df = DataFrame::new(vec![("a", Column::from(vec![1_i64])), ("b", Column::from(vec!["x"]))]).unwrap();
    /// assert_eq!(df.drop(&["a"]).unwrap().column_names(), ["b"]);
    /// ```
    pub fn drop(&self, names: &[&str]) -> Result<DataFrame, DataError> {
        let dropped = names.iter().map(|name| self.column_index(name)).collect::<Result<Vec<_>, _>>()?;
        let kept: Vec<usize> = (0..self.num_columns()).filter(|i| !dropped.contains(i)).collect();
        self.with_column_indices(&kept)
    }

    /// The frame with columns renamed, `(old, new)` pairs; other columns keep their names.
    ///
    /// ```
    /// use wasmlit::data::{Column, DataFrame};
    /// let df = DataFrame::new(vec![("a", Column::from(vec![1_i64])), ("b", Column::from(vec!["x"]))]).unwrap();
    /// assert_eq!(df.rename(&[("a", "id")]).unwrap().column_names(), ["id", "b"]);
    /// assert!(df.rename(&[("a", "b")]).is_err()); // two columns named `b`
    /// ```
    pub fn rename(&self, pairs: &[(&str, &str)]) -> Result<DataFrame, DataError> {
        let mut names: Vec<String> = self.column_names().iter().map(|n| n.to_string()).collect();
        for (old, new) in pairs {
            let index = self.column_index(old)?;
            names[index] = new.to_string();
        }
        DataFrame::from_arrays(names, self.batch().columns().to_vec())
    }

    /// The columns at `indices`, in that order.
    pub(crate) fn with_column_indices(&self, indices: &[usize]) -> Result<DataFrame, DataError> {
        let schema = self.batch().schema();
        let fields: Vec<Field> = indices.iter().map(|&i| schema.field(i).clone()).collect();
        let columns = indices.iter().map(|&i| self.column_at(i).clone()).collect();
        let options = arrow_array::RecordBatchOptions::new().with_row_count(Some(self.num_rows()));
        let batch = RecordBatch::try_new_with_options(Arc::new(Schema::new(fields)), columns, &options)
            .map_err(|e| DataError::Shape(e.to_string()))?;
        Ok(DataFrame { batch: Arc::new(batch) })
    }
}
