//! Ordering rows: `sort` by one or more columns, stable, nulls last or first.

use std::cmp::Ordering;

use arrow_array::cast::AsArray;
use arrow_array::types::{ArrowPrimitiveType, Date32Type, Float64Type, Int64Type, TimestampMillisecondType};
use arrow_array::{Array, UInt32Array};
use arrow_buffer::NullBuffer;
use arrow_ord::sort::{LexicographicalComparator, SortColumn, SortOptions};

use super::{DataError, DataFrame, DataType};

/// Which way a sort column goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortOrder {
    Ascending,
    Descending,
}

/// Where nulls go in a sort, whatever the order (pandas' `na_position`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Nulls {
    First,
    #[default]
    Last,
}

impl DataFrame {
    /// The rows ordered by the columns in `by` (the first decides, the next break ties, ...),
    /// nulls last. The sort is stable: rows that tie keep their order. Text sorts by bytes,
    /// floats in IEEE total order (NaN above every number, below nulls when they are last).
    ///
    /// ```
    /// use wasmlit::data::{Column, DataFrame, SortOrder};
    /// let df = DataFrame::new(vec![
    ///     ("city", Column::from(vec!["Lyon", "Paris", "Nice", "Paris"])),
    ///     ("sales", Column::from(vec![Some(3_i64), Some(1), None, Some(5)])),
    /// ])
    /// .unwrap();
    /// let sorted = df.sort(&[("city", SortOrder::Descending), ("sales", SortOrder::Ascending)]).unwrap();
    /// assert_eq!(sorted.column_values("sales").unwrap(), Column::from(vec![Some(1_i64), Some(5), None, Some(3)]));
    /// ```
    pub fn sort(&self, by: &[(&str, SortOrder)]) -> Result<DataFrame, DataError> {
        self.sort_with(by, Nulls::Last)
    }

    /// As [`sort`](Self::sort), with the nulls where `nulls` says.
    ///
    /// ```
    /// use wasmlit::data::{Column, DataFrame, Nulls, SortOrder};
    /// let df = DataFrame::new(vec![("a", Column::from(vec![Some(2_i64), None, Some(1)]))]).unwrap();
    /// let sorted = df.sort_with(&[("a", SortOrder::Ascending)], Nulls::First).unwrap();
    /// assert_eq!(sorted.column_values("a").unwrap(), Column::from(vec![None, Some(1_i64), Some(2)]));
    /// ```
    pub fn sort_with(&self, by: &[(&str, SortOrder)], nulls: Nulls) -> Result<DataFrame, DataError> {
        let columns = by
            .iter()
            .map(|(name, order)| Ok((self.column_index(name)?, *order)))
            .collect::<Result<Vec<_>, DataError>>()?;
        if columns.is_empty() {
            return Ok(self.clone());
        }
        let indices = self.sort_indices(&columns, nulls)?;
        self.take(&indices)
    }

    /// The row order that sorts the frame by `columns` (stable).
    pub(crate) fn sort_indices(&self, columns: &[(usize, SortOrder)], nulls: Nulls) -> Result<Vec<u32>, DataError> {
        if let [(column, order)] = columns {
            let array = self.column_at(*column);
            let descending = *order == SortOrder::Descending;
            let n = array.logical_nulls();
            let n = n.as_ref();
            match self.dtype(*column) {
                DataType::Int => return Ok(sort_primitive::<Int64Type>(array, n, descending, nulls, Ord::cmp)),
                DataType::Date => return Ok(sort_primitive::<Date32Type>(array, n, descending, nulls, Ord::cmp)),
                DataType::Datetime => {
                    return Ok(sort_primitive::<TimestampMillisecondType>(array, n, descending, nulls, Ord::cmp))
                }
                DataType::Float => {
                    return Ok(sort_primitive::<Float64Type>(array, n, descending, nulls, f64::total_cmp))
                }
                DataType::Bool | DataType::Text => {}
            }
        }
        let sort_columns: Vec<SortColumn> = columns
            .iter()
            .map(|&(column, order)| SortColumn {
                values: self.column_at(column).clone(),
                options: Some(SortOptions {
                    descending: order == SortOrder::Descending,
                    nulls_first: nulls == Nulls::First,
                }),
            })
            .collect();
        let comparator =
            LexicographicalComparator::try_new(&sort_columns).map_err(|e| DataError::Shape(format!("sort: {e}")))?;
        let mut indices: Vec<u32> = (0..self.num_rows() as u32).collect();
        // `sort_by` is stable: ties keep their row order.
        indices.sort_by(|&a, &b| comparator.compare(a as usize, b as usize));
        Ok(indices)
    }

    /// The rows at `indices`, in that order.
    pub(crate) fn take(&self, indices: &[u32]) -> Result<DataFrame, DataError> {
        let indices = UInt32Array::from(indices.to_vec());
        let batch = arrow_select::take::take_record_batch(self.batch(), &indices)
            .map_err(|e| DataError::Shape(format!("take: {e}")))?;
        Ok(DataFrame { batch })
    }
}

/// A stable sort of one primitive column: the non-null `(value, row)` pairs are sorted with
/// the row as the tie-break, and the null rows go before or after them in row order.
fn sort_primitive<T: ArrowPrimitiveType>(
    array: &dyn Array,
    nulls: Option<&NullBuffer>,
    descending: bool,
    null_position: Nulls,
    cmp: fn(&T::Native, &T::Native) -> Ordering,
) -> Vec<u32> {
    let values = array.as_primitive::<T>().values();
    let mut pairs = Vec::with_capacity(values.len());
    let mut null_rows = Vec::new();
    for (row, value) in values.iter().enumerate() {
        if nulls.is_some_and(|n| n.is_null(row)) {
            null_rows.push(row as u32);
        } else {
            pairs.push((*value, row as u32));
        }
    }
    if descending {
        pairs.sort_unstable_by(|a, b| cmp(&b.0, &a.0).then(a.1.cmp(&b.1)));
    } else {
        pairs.sort_unstable_by(|a, b| cmp(&a.0, &b.0).then(a.1.cmp(&b.1)));
    }
    let sorted = pairs.into_iter().map(|(_, row)| row);
    match null_position {
        Nulls::First => null_rows.into_iter().chain(sorted).collect(),
        Nulls::Last => sorted.chain(null_rows).collect(),
    }
}
