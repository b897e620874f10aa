//! Grouping rows by key columns and aggregating each group: `group_by(..).agg(..)`, and the
//! whole-column aggregates `column_sum`, `column_mean`, `column_min`, `column_max`.
//!
//! The keys are hashed once into dense group ids (see `keys.rs`); each aggregate is then one
//! pass over the column's typed values.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{ArrowPrimitiveType, Date32Type, Float64Type, Int64Type, TimestampMillisecondType};
use arrow_array::{Array, ArrayRef, BooleanArray, Float64Array, Int64Array, PrimitiveArray, StringArray, UInt32Array};

use super::keys::{self, KeyHasher};
use super::sort::{Nulls, SortOrder};
use super::{DataError, DataFrame, DataType, Value};

/// One aggregate of a [`GroupBy`]: made by [`sum`], [`mean`], [`min`], [`max`], [`count`],
/// [`n_unique`] or [`size`]. Its output column is named `<column>_<aggregate>` (`sales_sum`,
/// `sales_mean`, ...; [`size`]'s is `size`) unless renamed with [`alias`](Agg::alias).
#[derive(Clone, Debug, PartialEq)]
pub struct Agg {
    column: Option<String>,
    kind: AggKind,
    alias: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum AggKind {
    Sum,
    Mean,
    Min,
    Max,
    Count,
    NUnique,
    Size,
}

impl AggKind {
    fn name(self) -> &'static str {
        match self {
            AggKind::Sum => "sum",
            AggKind::Mean => "mean",
            AggKind::Min => "min",
            AggKind::Max => "max",
            AggKind::Count => "count",
            AggKind::NUnique => "n_unique",
            AggKind::Size => "size",
        }
    }
}

fn agg(column: &str, kind: AggKind) -> Agg {
    Agg { column: Some(column.to_string()), kind, alias: None }
}

/// The sum of each group's non-null values: ints stay ints (an overflow is an error), bools
/// count their `true`s; a group with no values sums to 0. Named `<column>_sum`.
pub fn sum(column: &str) -> Agg {
    agg(column, AggKind::Sum)
}

/// The mean of each group's non-null numbers (or bools as 0/1), a float; null for a group
/// with no values. Named `<column>_mean`.
pub fn mean(column: &str) -> Agg {
    agg(column, AggKind::Mean)
}

/// The smallest non-null value of each group (numbers, text, dates, datetimes, bools; NaN is
/// skipped), of the column's type; null for a group with no values. Named `<column>_min`.
pub fn min(column: &str) -> Agg {
    agg(column, AggKind::Min)
}

/// The largest non-null value of each group, as [`min`]. Named `<column>_max`.
pub fn max(column: &str) -> Agg {
    agg(column, AggKind::Max)
}

/// How many non-null values each group has (pandas' `count`). Named `<column>_count`.
pub fn count(column: &str) -> Agg {
    agg(column, AggKind::Count)
}

/// How many distinct non-null values each group has (pandas' `nunique`). Named
/// `<column>_n_unique`.
pub fn n_unique(column: &str) -> Agg {
    agg(column, AggKind::NUnique)
}

/// How many rows each group has, nulls included (pandas' `size`). Named `size`.
pub fn size() -> Agg {
    Agg { column: None, kind: AggKind::Size, alias: None }
}

impl Agg {
    /// Names the output column `name`.
    ///
    /// ```
    /// use wasmlit::data::{sum, Column, DataFrame};
    /// let df = DataFrame::new(vec![("k", Column::from(vec!["a", "a"])), ("x", Column::from(vec![1_i64, 2]))]).unwrap();
    /// let totals = df.group_by(&["k"]).unwrap().agg(&[sum("x").alias("total")]).unwrap();
    /// assert_eq!(totals.column_names(), ["k", "total"]);
    /// ```
    pub fn alias(mut self, name: &str) -> Agg {
        self.alias = Some(name.to_string());
        self
    }

    fn output_name(&self) -> String {
        match (&self.alias, &self.column) {
            (Some(alias), _) => alias.clone(),
            (None, Some(column)) => format!("{column}_{}", self.kind.name()),
            (None, None) => self.kind.name().to_string(),
        }
    }
}

/// A frame grouped by key columns, from [`DataFrame::group_by`]; [`agg`](GroupBy::agg) makes
/// one row per group.
#[derive(Clone, Debug)]
pub struct GroupBy<'a> {
    frame: &'a DataFrame,
    keys: Vec<usize>,
}

impl DataFrame {
    /// Groups the rows by the values of the `keys` columns (each distinct tuple of key values
    /// is a group; a null key is a group of its own). No keys: one group of every row.
    ///
    /// ```
    /// use wasmlit::data::{count, mean, sum, Column, DataFrame};
    /// let df = DataFrame::new(vec![
    ///     ("city", Column::from(vec!["Paris", "Lyon", "Paris"])),
    ///     ("sales", Column::from(vec![Some(3_i64), Some(1), None])),
    /// ])
    /// .unwrap();
    /// let by_city = df.group_by(&["city"]).unwrap().agg(&[sum("sales"), mean("sales"), count("sales")]).unwrap();
    /// assert_eq!(by_city.column_names(), ["city", "sales_sum", "sales_mean", "sales_count"]);
    /// assert_eq!(by_city.column_values("city").unwrap(), Column::from(vec!["Lyon", "Paris"]));
    /// assert_eq!(by_city.column_values("sales_sum").unwrap(), Column::from(vec![1_i64, 3]));
    /// ```
    pub fn group_by(&self, keys: &[&str]) -> Result<GroupBy<'_>, DataError> {
        let keys = keys.iter().map(|k| self.column_index(k)).collect::<Result<Vec<_>, _>>()?;
        Ok(GroupBy { frame: self, keys })
    }

    /// The sum of the column's non-null values (see [`sum`]).
    ///
    /// ```
    /// use wasmlit::data::{Column, DataFrame, Value};
    /// let df = DataFrame::new(vec![("x", Column::from(vec![Some(1.5), None, Some(2.0)]))]).unwrap();
    /// assert_eq!(df.column_sum("x").unwrap(), Value::Float(3.5));
    /// assert_eq!(df.column_mean("x").unwrap(), Value::Float(1.75));
    /// ```
    pub fn column_sum(&self, name: &str) -> Result<Value, DataError> {
        self.column_aggregate(name, AggKind::Sum)
    }

    /// The mean of the column's non-null values (see [`mean`]); null when it has none.
    pub fn column_mean(&self, name: &str) -> Result<Value, DataError> {
        self.column_aggregate(name, AggKind::Mean)
    }

    /// The smallest non-null value of the column (see [`min`]); null when it has none.
    pub fn column_min(&self, name: &str) -> Result<Value, DataError> {
        self.column_aggregate(name, AggKind::Min)
    }

    /// The largest non-null value of the column (see [`max`]); null when it has none.
    pub fn column_max(&self, name: &str) -> Result<Value, DataError> {
        self.column_aggregate(name, AggKind::Max)
    }

    fn column_aggregate(&self, name: &str, kind: AggKind) -> Result<Value, DataError> {
        let array = self.column(name)?;
        let ids = vec![0; self.num_rows()];
        let result = aggregate(kind, name, array, &ids, 1)?;
        Ok(Value::at(&result, 0))
    }
}

impl GroupBy<'_> {
    /// One row per group: the key columns, then one column per aggregate, in the order of
    /// `aggs`. Rows are sorted by the keys, ascending with the null group last (as pandas'
    /// `groupby`, whose default is `sort=True`).
    pub fn agg(&self, aggs: &[Agg]) -> Result<DataFrame, DataError> {
        let frame = self.frame;
        let inputs = aggs
            .iter()
            .map(|a| a.column.as_deref().map(|c| frame.column(c).map(|array| (c, array))).transpose())
            .collect::<Result<Vec<_>, _>>()?;
        let key_arrays: Vec<&ArrayRef> = self.keys.iter().map(|&k| frame.column_at(k)).collect();
        let groups = keys::groups(&key_arrays, frame.num_rows());
        let first_rows = UInt32Array::from(groups.first_rows.clone());
        let mut names = Vec::with_capacity(self.keys.len() + aggs.len());
        let mut arrays = Vec::with_capacity(names.capacity());
        for (&key, array) in self.keys.iter().zip(&key_arrays) {
            names.push(frame.column_names()[key].to_string());
            arrays.push(
                arrow_select::take::take(array, &first_rows, None)
                    .map_err(|e| DataError::Shape(format!("group_by: {e}")))?,
            );
        }
        for (agg, input) in aggs.iter().zip(inputs) {
            names.push(agg.output_name());
            arrays.push(match input {
                Some((column, array)) => aggregate(agg.kind, column, array, &groups.ids, groups.len())?,
                None => Arc::new(Int64Array::from(group_sizes(&groups.ids, groups.len()))),
            });
        }
        let out = DataFrame::from_arrays(names, arrays)?;
        if self.keys.is_empty() {
            return Ok(out);
        }
        let order: Vec<(usize, SortOrder)> = (0..self.keys.len()).map(|i| (i, SortOrder::Ascending)).collect();
        let indices = out.sort_indices(&order, Nulls::Last)?;
        out.take(&indices)
    }
}

fn group_sizes(ids: &[u32], groups: usize) -> Vec<i64> {
    let mut sizes = vec![0_i64; groups];
    for &g in ids {
        sizes[g as usize] += 1;
    }
    sizes
}

/// Calls `f(group, row)` for every non-null row.
fn each_valid(array: &dyn Array, ids: &[u32], mut f: impl FnMut(usize, usize)) {
    match array.logical_nulls() {
        Some(nulls) if nulls.null_count() > 0 => {
            for row in nulls.valid_indices() {
                f(ids[row] as usize, row);
            }
        }
        _ => {
            for (row, &g) in ids.iter().enumerate() {
                f(g as usize, row);
            }
        }
    }
}

fn aggregate(kind: AggKind, column: &str, array: &ArrayRef, ids: &[u32], groups: usize) -> Result<ArrayRef, DataError> {
    let dtype = DataType::of(array.data_type());
    let wrong = |needs: &str| DataError::Type {
        column: column.to_string(),
        message: format!("is {}; `{}` needs {needs}", dtype.name(), kind.name()),
    };
    Ok(match kind {
        AggKind::Size => Arc::new(Int64Array::from(group_sizes(ids, groups))),
        AggKind::Count => {
            let mut counts = vec![0_i64; groups];
            each_valid(array, ids, |g, _| counts[g] += 1);
            Arc::new(Int64Array::from(counts))
        }
        AggKind::Sum => match dtype {
            DataType::Int => {
                let values = array.as_primitive::<Int64Type>().values();
                let mut sums = vec![0_i64; groups];
                let mut overflow = false;
                each_valid(array, ids, |g, row| match sums[g].checked_add(values[row]) {
                    Some(s) => sums[g] = s,
                    None => overflow = true,
                });
                if overflow {
                    return Err(DataError::Type {
                        column: column.to_string(),
                        message: "the sum overflows a 64-bit integer".to_string(),
                    });
                }
                Arc::new(Int64Array::from(sums))
            }
            DataType::Float => {
                let values = array.as_primitive::<Float64Type>().values();
                let mut sums = vec![0.0_f64; groups];
                each_valid(array, ids, |g, row| sums[g] += values[row]);
                Arc::new(Float64Array::from(sums))
            }
            DataType::Bool => {
                let values = array.as_boolean();
                let mut sums = vec![0_i64; groups];
                each_valid(array, ids, |g, row| sums[g] += i64::from(values.value(row)));
                Arc::new(Int64Array::from(sums))
            }
            _ => return Err(wrong("numbers or bools")),
        },
        AggKind::Mean => {
            let mut sums = vec![0.0_f64; groups];
            let mut counts = vec![0_u64; groups];
            match dtype {
                DataType::Int => {
                    let values = array.as_primitive::<Int64Type>().values();
                    each_valid(array, ids, |g, row| {
                        sums[g] += values[row] as f64;
                        counts[g] += 1;
                    });
                }
                DataType::Float => {
                    let values = array.as_primitive::<Float64Type>().values();
                    each_valid(array, ids, |g, row| {
                        sums[g] += values[row];
                        counts[g] += 1;
                    });
                }
                DataType::Bool => {
                    let values = array.as_boolean();
                    each_valid(array, ids, |g, row| {
                        sums[g] += f64::from(u8::from(values.value(row)));
                        counts[g] += 1;
                    });
                }
                _ => return Err(wrong("numbers or bools")),
            }
            let means: Float64Array = sums.iter().zip(&counts).map(|(&s, &n)| (n > 0).then(|| s / n as f64)).collect();
            Arc::new(means)
        }
        AggKind::Min | AggKind::Max => {
            let min = kind == AggKind::Min;
            match dtype {
                DataType::Int => extreme::<Int64Type>(array, ids, groups, if min { Ord::min } else { Ord::max }),
                DataType::Date => extreme::<Date32Type>(array, ids, groups, if min { Ord::min } else { Ord::max }),
                DataType::Datetime => {
                    extreme::<TimestampMillisecondType>(array, ids, groups, if min { Ord::min } else { Ord::max })
                }
                // f64::min and f64::max skip a NaN.
                DataType::Float => extreme::<Float64Type>(array, ids, groups, if min { f64::min } else { f64::max }),
                DataType::Bool => {
                    let values = array.as_boolean();
                    let mut best: Vec<Option<bool>> = vec![None; groups];
                    each_valid(array, ids, |g, row| {
                        let v = values.value(row);
                        best[g] = Some(best[g].map_or(v, |b| if min { b && v } else { b || v }));
                    });
                    Arc::new(BooleanArray::from(best))
                }
                DataType::Text => {
                    let values = array.as_string::<i32>();
                    let mut best: Vec<Option<&str>> = vec![None; groups];
                    each_valid(array, ids, |g, row| {
                        let v = values.value(row);
                        best[g] = Some(best[g].map_or(v, |b| if min { b.min(v) } else { b.max(v) }));
                    });
                    Arc::new(StringArray::from(best))
                }
            }
        }
        AggKind::NUnique => {
            let (values, _) = keys::value_ids(array, false);
            let mut seen: HashSet<u64, BuildHasherDefault<KeyHasher>> = HashSet::default();
            let mut counts = vec![0_i64; groups];
            each_valid(array, ids, |g, row| {
                if seen.insert(((g as u64) << 32) | u64::from(values[row])) {
                    counts[g] += 1;
                }
            });
            Arc::new(Int64Array::from(counts))
        }
    })
}

/// Each group's smallest or largest value, as `pick` chooses between two.
fn extreme<T: ArrowPrimitiveType>(
    array: &ArrayRef,
    ids: &[u32],
    groups: usize,
    pick: fn(T::Native, T::Native) -> T::Native,
) -> ArrayRef {
    let values = array.as_primitive::<T>().values();
    let mut best: Vec<Option<T::Native>> = vec![None; groups];
    each_valid(array, ids, |g, row| {
        let v = values[row];
        best[g] = Some(best[g].map_or(v, |b| pick(b, v)));
    });
    Arc::new(best.into_iter().collect::<PrimitiveArray<T>>())
}
