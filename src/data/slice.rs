//! Runs of rows: `head`, `tail`, `slice` (zero-copy: the columns are shared).

use super::DataFrame;

impl DataFrame {
    /// The first `n` rows (all of them if there are fewer).
    ///
    /// ```
    /// use wasmlit::data::{Column, DataFrame};
    /// let df = DataFrame::new(vec![("a", Column::from(vec![1_i64, 2, 3]))]).unwrap();
    /// assert_eq!(df.head(2).column_values("a").unwrap(), Column::from(vec![1_i64, 2]));
    /// assert_eq!(df.head(10).num_rows(), 3);
    /// ```
    pub fn head(&self, n: usize) -> DataFrame {
        self.slice(0, n)
    }

    /// The last `n` rows (all of them if there are fewer).
    ///
    /// ```
    /// use wasmlit::data::{Column, DataFrame};
    /// let df = DataFrame::new(vec![("a", Column::from(vec![1_i64, 2, 3]))]).unwrap();
    /// assert_eq!(df.tail(2).column_values("a").unwrap(), Column::from(vec![2_i64, 3]));
    /// ```
    pub fn tail(&self, n: usize) -> DataFrame {
        let rows = self.num_rows();
        self.slice(rows.saturating_sub(n), n)
    }

    /// Up to `len` rows from row `offset` on; an offset past the end gives no rows.
    ///
    /// ```
    /// use wasmlit::data::{Column, DataFrame};
    /// let df = DataFrame::new(vec![("a", Column::from(vec![1_i64, 2, 3]))]).unwrap();
    /// assert_eq!(df.slice(1, 1).column_values("a").unwrap(), Column::from(vec![2_i64]));
    /// assert_eq!(df.slice(5, 1).num_rows(), 0);
    /// ```
    pub fn slice(&self, offset: usize, len: usize) -> DataFrame {
        let rows = self.num_rows();
        let offset = offset.min(rows);
        let len = len.min(rows - offset);
        DataFrame { batch: std::sync::Arc::new(self.batch().slice(offset, len)) }
    }
}
