//! Distinct rows (`unique`) and how often each value occurs (`value_counts`).

use super::group_by::size;
use super::{DataError, DataFrame, Nulls, SortOrder};

impl DataFrame {
    /// The frame without duplicate rows: the first of each set of equal rows is kept, in row
    /// order (pandas' `drop_duplicates()`). Nulls equal nulls here.
    ///
    /// ```
    /// use wasmlit::data::{Column, DataFrame};
    /// let df = DataFrame::new(vec![
    ///     ("a", Column::from(vec![1_i64, 2, 1, 1])),
    ///     ("b", Column::from(vec!["x", "y", "x", "z"])),
    /// ])
    /// .unwrap();
    /// assert_eq!(df.unique().column_values("b").unwrap(), Column::from(vec!["x", "y", "z"]));
    /// ```
    pub fn unique(&self) -> DataFrame {
        if self.num_columns() == 0 {
            return self.clone();
        }
        let columns: Vec<_> = self.batch().columns().iter().collect();
        let groups = super::keys::groups(&columns, self.num_rows());
        // `take` only fails on an index out of range, and first rows are in range.
        self.take(&groups.first_rows).unwrap_or_else(|_| self.clone())
    }

    /// Each distinct non-null value of column `name` and how many rows hold it: two columns,
    /// `name` and `count`, most frequent first (ties in ascending value order), as pandas'
    /// `value_counts()`.
    ///
    /// ```
    /// use wasmlit::data::{Column, DataFrame};
    /// let df = DataFrame::new(vec![("fruit", Column::from(vec![Some("fig"), Some("kiwi"), None, Some("kiwi")]))])
    ///     .unwrap();
    /// let counts = df.value_counts("fruit").unwrap();
    /// assert_eq!(counts.column_values("fruit").unwrap(), Column::from(vec!["kiwi", "fig"]));
    /// assert_eq!(counts.column_values("count").unwrap(), Column::from(vec![2_i64, 1]));
    /// ```
    pub fn value_counts(&self, name: &str) -> Result<DataFrame, DataError> {
        let column = self.select(&[name])?;
        let present = column.filter(&super::col(name).is_not_null())?;
        let counted = present.group_by(&[name])?.agg(&[size().alias("count")])?;
        counted.sort_with(&[("count", SortOrder::Descending)], Nulls::Last)
    }
}
