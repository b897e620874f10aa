//! Summary statistics of the number columns, as pandas' `describe()`.

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int64Type};
use arrow_array::{ArrayRef, Float64Array, StringArray};

use super::{DataError, DataFrame, DataType};

/// The statistics [`DataFrame::describe`] gives, in its row order.
pub const DESCRIBE_STATISTICS: [&str; 8] = ["count", "mean", "std", "min", "25%", "50%", "75%", "max"];

impl DataFrame {
    /// One row per statistic (`count`, `mean`, `std`, `min`, `25%`, `50%`, `75%`, `max`,
    /// named in a first column `statistic`) and one float column per int or float column, as
    /// pandas' `describe()`: nulls and NaN are skipped, `std` is the sample standard deviation
    /// (null with fewer than two values), quantiles interpolate linearly. A frame without
    /// number columns gives the `statistic` column alone.
    ///
    /// ```
    /// use wasmlit::data::{Column, DataFrame};
    /// let df = DataFrame::new(vec![
    ///     ("x", Column::from(vec![Some(1_i64), Some(2), Some(3), Some(4), None])),
    ///     ("name", Column::from(vec!["a", "b", "c", "d", "e"])),
    /// ])
    /// .unwrap();
    /// let stats = df.describe().unwrap();
    /// assert_eq!(stats.column_names(), ["statistic", "x"]);
    /// let x: Vec<String> = (0..8).map(|row| stats.cell_text(row, 1)).collect();
    /// assert_eq!(x, ["4", "2.5", "1.291", "1", "1.75", "2.5", "3.25", "4"]);
    /// ```
    pub fn describe(&self) -> Result<DataFrame, DataError> {
        let mut names = vec!["statistic".to_string()];
        let mut arrays: Vec<ArrayRef> = vec![Arc::new(StringArray::from(DESCRIBE_STATISTICS.to_vec()))];
        for (index, name) in self.column_names().into_iter().enumerate() {
            let array = self.column_at(index);
            let mut values: Vec<f64> = match self.dtype(index) {
                DataType::Int => array.as_primitive::<Int64Type>().iter().flatten().map(|v| v as f64).collect(),
                DataType::Float => {
                    array.as_primitive::<Float64Type>().iter().flatten().filter(|v| !v.is_nan()).collect()
                }
                _ => continue,
            };
            values.sort_unstable_by(f64::total_cmp);
            names.push(name.to_string());
            arrays.push(Arc::new(Float64Array::from(statistics(&values).to_vec())));
        }
        DataFrame::from_arrays(names, arrays)
    }
}

/// The eight statistics of sorted values.
fn statistics(sorted: &[f64]) -> [Option<f64>; 8] {
    let n = sorted.len();
    let count = Some(n as f64);
    if n == 0 {
        return [count, None, None, None, None, None, None, None];
    }
    let mean = sorted.iter().sum::<f64>() / n as f64;
    let std = (n > 1).then(|| (sorted.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1) as f64).sqrt());
    let quantile = |q: f64| {
        let position = q * (n - 1) as f64;
        let (low, high) = (position.floor() as usize, position.ceil() as usize);
        sorted[low] + (sorted[high] - sorted[low]) * (position - low as f64)
    };
    [
        count,
        Some(mean),
        std,
        Some(sorted[0]),
        Some(quantile(0.25)),
        Some(quantile(0.5)),
        Some(quantile(0.75)),
        Some(sorted[n - 1]),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_value_has_no_std_and_equal_quantiles() {
        assert_eq!(
            statistics(&[5.0]),
            [Some(1.0), Some(5.0), None, Some(5.0), Some(5.0), Some(5.0), Some(5.0), Some(5.0)]
        );
    }

    #[test]
    fn no_values_count_zero_and_nothing_else() {
        assert_eq!(statistics(&[]), [Some(0.0), None, None, None, None, None, None, None]);
    }
}
