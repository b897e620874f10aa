//! Ordering rows: `sort` by one or more columns, stable, nulls last or first.

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
                DataType::Int => return Ok(sort_primitive::<Int64Type>(array, n, descending, nulls, |v| v)),
                DataType::Date => return Ok(sort_primitive::<Date32Type>(array, n, descending, nulls, i64::from)),
                DataType::Datetime => {
                    return Ok(sort_primitive::<TimestampMillisecondType>(array, n, descending, nulls, |v| v))
                }
                DataType::Float => return Ok(sort_primitive::<Float64Type>(array, n, descending, nulls, float_order)),
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
        Ok(DataFrame { batch: std::sync::Arc::new(batch) })
    }
}

/// A stable sort of one primitive column: each non-null value is mapped by `key` to an `i64`
/// in the same order (bit-inverted when descending), the `(key, row)` pairs are sorted, so
/// ties keep their row order, and the null rows go before or after them in row order.
fn sort_primitive<T: ArrowPrimitiveType>(
    array: &dyn Array,
    nulls: Option<&NullBuffer>,
    descending: bool,
    null_position: Nulls,
    key: fn(T::Native) -> i64,
) -> Vec<u32> {
    let values = array.as_primitive::<T>().values();
    let mut pairs = Vec::with_capacity(values.len());
    let mut null_rows = Vec::new();
    // `!k` reverses the order of signed integers (it is `-k - 1`).
    let flip = if descending { -1_i64 } else { 0 };
    for (row, value) in values.iter().enumerate() {
        if nulls.is_some_and(|n| n.is_null(row)) {
            null_rows.push(row as u32);
        } else {
            pairs.push((key(*value) ^ flip, row as u32));
        }
    }
    pairs.sort_unstable();
    let sorted = pairs.into_iter().map(|(_, row)| row);
    match null_position {
        Nulls::First => null_rows.into_iter().chain(sorted).collect(),
        Nulls::Last => sorted.chain(null_rows).collect(),
    }
}

/// A float as an `i64` in IEEE total order (`f64::total_cmp`'s order).
fn float_order(value: f64) -> i64 {
    let bits = value.to_bits() as i64;
    bits ^ ((((bits >> 63) as u64) >> 1) as i64)
}

#[cfg(test)]
mod tests {
    use super::float_order;

    #[test]
    fn float_order_is_total_order() {
        let values = [f64::NEG_INFINITY, -2.5, -0.0, 0.0, 1e-300, 3.0, f64::INFINITY, f64::NAN];
        for pair in values.windows(2) {
            assert!(float_order(pair[0]) < float_order(pair[1]), "{pair:?}");
        }
    }
}
