//! Adding or replacing a column: `with_column`, from owned values or an [`Expr`].

use arrow_array::{Array, ArrayRef};

use super::{Column, DataError, DataFrame, Expr};

/// The values [`DataFrame::with_column`] stores: a [`Column`], or an [`Expr`] computed over
/// the frame (a constant is repeated on every row).
#[derive(Clone, Debug)]
pub enum NewColumn {
    Values(Column),
    Expr(Expr),
}

impl From<Column> for NewColumn {
    fn from(column: Column) -> NewColumn {
        NewColumn::Values(column)
    }
}

impl From<Expr> for NewColumn {
    fn from(expr: Expr) -> NewColumn {
        NewColumn::Expr(expr)
    }
}

impl DataFrame {
    /// The frame with column `name` set to `values`: a column of that name is replaced in
    /// place, otherwise the new one goes last. Owned values must have one per row (or make
    /// the frame's first column when it has none).
    ///
    /// ```
    /// use wasmlit::data::{col, Column, DataFrame};
    /// let df = DataFrame::new(vec![("price", Column::from(vec![2.0, 3.5])), ("qty", Column::from(vec![3_i64, 2]))])
    ///     .unwrap();
    /// let df = df.with_column("total", col("price") * col("qty")).unwrap();
    /// assert_eq!(df.column_values("total").unwrap(), Column::from(vec![6.0, 7.0]));
    /// let df = df.with_column("qty", Column::from(vec![1_i64, 1])).unwrap();
    /// assert_eq!(df.column_names(), ["price", "qty", "total"]);
    /// assert!(df.with_column("x", Column::from(vec![1_i64])).is_err()); // 1 value, 2 rows
    /// ```
    pub fn with_column(&self, name: &str, values: impl Into<NewColumn>) -> Result<DataFrame, DataError> {
        let array: ArrayRef = match values.into() {
            NewColumn::Values(column) => column.into_array(),
            NewColumn::Expr(expr) => expr.evaluate(self)?,
        };
        if self.num_columns() > 0 && array.len() != self.num_rows() {
            return Err(DataError::Shape(format!(
                "column `{name}` has {} values, but the frame has {} rows",
                array.len(),
                self.num_rows()
            )));
        }
        let mut names: Vec<String> = self.column_names().iter().map(|n| n.to_string()).collect();
        let mut arrays = self.batch().columns().to_vec();
        match names.iter().position(|n| n == name) {
            Some(index) => arrays[index] = array,
            None => {
                names.push(name.to_string());
                arrays.push(array);
            }
        }
        DataFrame::from_arrays(names, arrays)
    }
}
