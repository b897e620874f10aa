//! Ordering rows: `sort` by one or more columns, stable, nulls last or first.

use arrow_array::cast::AsArray;
use arrow_array::types::{ArrowPrimitiveType, Date32Type, Float64Type, Int64Type, TimestampMillisecondType};
use arrow_array::{Array, UInt32Array};
use arrow_buffer::NullBuffer;

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
    ///
    /// One column is sorted by its values. Several are sorted by ranks: each column is
    /// sorted once on its own and its rows get the rank of their value (equal values, equal
    /// ranks); the ranks of all columns then make one integer key per row where they fit in
    /// 64 bits (else they are compared column by column).
    pub(crate) fn sort_indices(&self, columns: &[(usize, SortOrder)], nulls: Nulls) -> Result<Vec<u32>, DataError> {
        let [first, rest @ ..] = columns else {
            return Ok((0..self.num_rows() as u32).collect());
        };
        if rest.is_empty() {
            return Ok(self.sort_one(first.0, first.1, nulls));
        }
        let ranked: Vec<(Vec<u32>, u64)> =
            columns.iter().map(|&(column, order)| self.ranks(column, &self.sort_one(column, order, nulls))).collect();
        let span = ranked.iter().try_fold(1_u64, |span, (_, count)| span.checked_mul(*count));
        let mut indices: Vec<u32> = (0..self.num_rows() as u32).collect();
        if span.is_some() {
            let key = |row: u32| {
                ranked.iter().fold(0_u64, |key, (ranks, count)| key * count + u64::from(ranks[row as usize]))
            };
            let mut pairs: Vec<(u64, u32)> = indices.iter().map(|&row| (key(row), row)).collect();
            // Rows are unique, so the unstable sort of (key, row) is stable in effect.
            pairs.sort_unstable();
            indices = pairs.into_iter().map(|(_, row)| row).collect();
        } else {
            indices.sort_by(|&a, &b| {
                ranked
                    .iter()
                    .map(|(ranks, _)| ranks[a as usize].cmp(&ranks[b as usize]))
                    .find(|o| o.is_ne())
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
        }
        Ok(indices)
    }

    /// The rows sorted by one column (stable; ties keep their row order).
    fn sort_one(&self, column: usize, order: SortOrder, nulls: Nulls) -> Vec<u32> {
        let array = self.column_at(column);
        let descending = order == SortOrder::Descending;
        let n = array.logical_nulls();
        let n = n.as_ref();
        match self.dtype(column) {
            DataType::Int => sort_primitive::<Int64Type>(array, n, descending, nulls, |v| v),
            DataType::Date => sort_primitive::<Date32Type>(array, n, descending, nulls, i64::from),
            DataType::Datetime => sort_primitive::<TimestampMillisecondType>(array, n, descending, nulls, |v| v),
            DataType::Float => sort_primitive::<Float64Type>(array, n, descending, nulls, float_order),
            DataType::Bool => {
                let values = array.as_boolean();
                sort_keys(
                    (0..values.len()).map(|row| (!is_null(n, row)).then(|| i64::from(values.value(row)))),
                    descending,
                    nulls,
                )
            }
            DataType::Text => {
                let values = array.as_string::<i32>();
                let (mut pairs, null_rows) = split_nulls(n, values.len(), |row| values.value(row));
                if descending {
                    pairs.sort_unstable_by(|a, b| b.0.cmp(a.0).then(a.1.cmp(&b.1)));
                } else {
                    pairs.sort_unstable();
                }
                place_nulls(pairs.into_iter().map(|(_, row)| row), null_rows, nulls)
            }
        }
    }

    /// Each row's rank in `sorted` (the rows sorted by `column`: equal values share a rank),
    /// and how many ranks there are.
    fn ranks(&self, column: usize, sorted: &[u32]) -> (Vec<u32>, u64) {
        let array = self.column_at(column);
        let n = array.logical_nulls();
        let n = n.as_ref();
        let same_nulls = |a: usize, b: usize| is_null(n, a) == is_null(n, b);
        match self.dtype(column) {
            DataType::Int => {
                let values = array.as_primitive::<Int64Type>().values();
                rank_sorted(sorted, |a, b| same_nulls(a, b) && (is_null(n, a) || values[a] == values[b]))
            }
            DataType::Float => {
                let values = array.as_primitive::<Float64Type>().values();
                rank_sorted(sorted, |a, b| {
                    same_nulls(a, b) && (is_null(n, a) || values[a].to_bits() == values[b].to_bits())
                })
            }
            DataType::Date => {
                let values = array.as_primitive::<Date32Type>().values();
                rank_sorted(sorted, |a, b| same_nulls(a, b) && (is_null(n, a) || values[a] == values[b]))
            }
            DataType::Datetime => {
                let values = array.as_primitive::<TimestampMillisecondType>().values();
                rank_sorted(sorted, |a, b| same_nulls(a, b) && (is_null(n, a) || values[a] == values[b]))
            }
            DataType::Bool => {
                let values = array.as_boolean();
                rank_sorted(sorted, |a, b| same_nulls(a, b) && (is_null(n, a) || values.value(a) == values.value(b)))
            }
            DataType::Text => {
                let values = array.as_string::<i32>();
                rank_sorted(sorted, |a, b| same_nulls(a, b) && (is_null(n, a) || values.value(a) == values.value(b)))
            }
        }
    }

    /// The rows at `indices`, in that order.
    pub(crate) fn take(&self, indices: &[u32]) -> Result<DataFrame, DataError> {
        let indices = UInt32Array::from(indices.to_vec());
        let batch = arrow_select::take::take_record_batch(self.batch(), &indices)
            .map_err(|e| DataError::Shape(format!("take: {e}")))?;
        Ok(DataFrame { batch: std::sync::Arc::new(batch) })
    }
}

fn is_null(nulls: Option<&NullBuffer>, row: usize) -> bool {
    nulls.is_some_and(|n| n.is_null(row))
}

/// The `(value, row)` pairs of the non-null rows, and the null rows, in row order.
fn split_nulls<T>(nulls: Option<&NullBuffer>, len: usize, value: impl Fn(usize) -> T) -> (Vec<(T, u32)>, Vec<u32>) {
    let mut pairs = Vec::with_capacity(len);
    let mut null_rows = Vec::new();
    for row in 0..len {
        if is_null(nulls, row) {
            null_rows.push(row as u32);
        } else {
            pairs.push((value(row), row as u32));
        }
    }
    (pairs, null_rows)
}

/// The sorted rows with the null rows before or after them.
fn place_nulls(sorted: impl Iterator<Item = u32>, null_rows: Vec<u32>, position: Nulls) -> Vec<u32> {
    match position {
        Nulls::First => null_rows.into_iter().chain(sorted).collect(),
        Nulls::Last => sorted.chain(null_rows).collect(),
    }
}

/// A stable sort of one primitive column: each non-null value is mapped by `key` to an `i64`
/// in the same order, and [`sort_keys`] sorts them.
fn sort_primitive<T: ArrowPrimitiveType>(
    array: &dyn Array,
    nulls: Option<&NullBuffer>,
    descending: bool,
    null_position: Nulls,
    key: fn(T::Native) -> i64,
) -> Vec<u32> {
    let values = array.as_primitive::<T>().values();
    sort_keys(
        values.iter().enumerate().map(|(row, value)| (!is_null(nulls, row)).then(|| key(*value))),
        descending,
        null_position,
    )
}

/// A stable sort of rows by `i64` keys (`None` for a null): the `(key, row)` pairs are sorted
/// (bit-inverted keys when descending), so ties keep their row order, and the null rows go
/// before or after them in row order.
fn sort_keys(keys: impl ExactSizeIterator<Item = Option<i64>>, descending: bool, null_position: Nulls) -> Vec<u32> {
    let mut pairs = Vec::with_capacity(keys.len());
    let mut null_rows = Vec::new();
    // `!k` reverses the order of signed integers (it is `-k - 1`).
    let flip = if descending { -1_i64 } else { 0 };
    for (row, key) in keys.enumerate() {
        match key {
            None => null_rows.push(row as u32),
            Some(key) => pairs.push((key ^ flip, row as u32)),
        }
    }
    pairs.sort_unstable();
    place_nulls(pairs.into_iter().map(|(_, row)| row), null_rows, null_position)
}

/// Ranks from a sorted row order: a row gets the rank of the row before it when `same` says
/// their values are equal, else the next rank. Returns each row's rank and the rank count.
fn rank_sorted(sorted: &[u32], same: impl Fn(usize, usize) -> bool) -> (Vec<u32>, u64) {
    let mut ranks = vec![0_u32; sorted.len()];
    let mut rank = 0_u32;
    for (at, &row) in sorted.iter().enumerate() {
        if at > 0 && !same(sorted[at - 1] as usize, row as usize) {
            rank += 1;
        }
        ranks[row as usize] = rank;
    }
    (ranks, u64::from(rank) + 1)
}

/// A float as an `i64` in IEEE total order (`f64::total_cmp`'s order).
fn float_order(value: f64) -> i64 {
    let bits = value.to_bits() as i64;
    bits ^ ((((bits >> 63) as u64) >> 1) as i64)
}

#[cfg(test)]
mod tests {
    use super::float_order;
    use crate::data::{Column, DataFrame, SortOrder};

    #[test]
    fn ranks_too_many_for_one_key_are_compared_column_by_column() {
        // Three values, then five columns of 8,000: 3 × 8,000^5 ranks do not fit in 64 bits.
        let rows = 8_000_i64;
        let column = |step: i64| Column::from((0..rows).map(|r| (r * step) % rows).collect::<Vec<i64>>());
        let df = DataFrame::new(vec![
            ("a", Column::from((0..rows).map(|r| r % 3).collect::<Vec<i64>>())),
            ("b", column(7)),
            ("c", column(11)),
            ("d", column(13)),
            ("e", column(17)),
            ("f", column(19)),
        ])
        .unwrap();
        let by: Vec<(&str, SortOrder)> =
            ["a", "b", "c", "d", "e", "f"].iter().map(|&c| (c, SortOrder::Descending)).collect();
        let sorted = df.sort(&by).unwrap();
        let key = |df: &DataFrame, row: usize| {
            (0..6).map(|c| df.cell_text(row, c).parse::<i64>().unwrap()).collect::<Vec<_>>()
        };
        let keys: Vec<Vec<i64>> = (0..rows as usize).map(|row| key(&sorted, row)).collect();
        assert!(keys.windows(2).all(|w| w[0] >= w[1]), "descending on every column");
        assert_eq!(keys.len(), rows as usize);
    }

    #[test]
    fn float_order_is_total_order() {
        let values = [f64::NEG_INFINITY, -2.5, -0.0, 0.0, 1e-300, 3.0, f64::INFINITY, f64::NAN];
        for pair in values.windows(2) {
            assert!(float_order(pair[0]) < float_order(pair[1]), "{pair:?}");
        }
    }
}
