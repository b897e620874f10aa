//! Joining two frames on key columns: inner or left, with a suffix for clashing names.

use arrow_array::{new_null_array, Array, ArrayRef, UInt32Array};

use super::keys;
use super::{DataError, DataFrame};

/// Which rows a [`DataFrame::join`] keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JoinKind {
    /// Only left rows with a match on the right.
    Inner,
    /// Every left row; those without a match get nulls in the right frame's columns.
    Left,
}

/// What a right-hand column whose name the left frame already has is renamed with.
pub const JOIN_SUFFIX: &str = "_right";

impl DataFrame {
    /// The rows of `self` joined with the rows of `right` whose `on` columns hold the same
    /// values: the left frame's columns, then the right frame's other columns (a name the
    /// left already has gets [`JOIN_SUFFIX`], as polars does). Rows come in the left frame's
    /// order, a left row matching several right rows once per match in the right's order.
    /// Null keys match nothing (as SQL and polars). Key columns must have one type on both
    /// sides.
    ///
    /// ```
    /// use wasmlit::data::{Column, DataFrame, JoinKind};
    /// let sales = DataFrame::new(vec![
    ///     ("city", Column::from(vec!["Paris", "Lyon", "Nice"])),
    ///     ("sales", Column::from(vec![3_i64, 1, 4])),
    /// ])
    /// .unwrap();
    /// let regions = DataFrame::new(vec![
    ///     ("city", Column::from(vec!["Lyon", "Paris"])),
    ///     ("region", Column::from(vec!["Rhône", "Île-de-France"])),
    /// ])
    /// .unwrap();
    /// let inner = sales.join(&regions, &["city"], JoinKind::Inner).unwrap();
    /// assert_eq!(inner.column_names(), ["city", "sales", "region"]);
    /// assert_eq!(inner.column_values("region").unwrap(), Column::from(vec!["Île-de-France", "Rhône"]));
    /// let left = sales.join(&regions, &["city"], JoinKind::Left).unwrap();
    /// assert_eq!(left.num_rows(), 3);
    /// assert!(left.value(2, 2).is_null());
    /// ```
    pub fn join(&self, right: &DataFrame, on: &[&str], kind: JoinKind) -> Result<DataFrame, DataError> {
        if on.is_empty() {
            return Err(DataError::Shape("join: name at least one key column".to_string()));
        }
        let left_keys = on.iter().map(|k| self.column_index(k)).collect::<Result<Vec<_>, _>>()?;
        let right_keys = on.iter().map(|k| right.column_index(k)).collect::<Result<Vec<_>, _>>()?;
        let mut joint = Vec::with_capacity(on.len());
        for ((&l, &r), name) in left_keys.iter().zip(&right_keys).zip(on) {
            let (lt, rt) = (self.dtype(l), right.dtype(r));
            if lt != rt {
                return Err(DataError::Type {
                    column: name.to_string(),
                    message: format!("is {} on the left but {} on the right", lt.name(), rt.name()),
                });
            }
            let both: [&dyn Array; 2] = [self.column_at(l).as_ref(), right.column_at(r).as_ref()];
            joint.push(arrow_select::concat::concat(&both).map_err(|e| DataError::Shape(format!("join: {e}")))?);
        }
        let (left_rows, right_rows) = (self.num_rows(), right.num_rows());
        let joint_refs: Vec<&ArrayRef> = joint.iter().collect();
        let groups = keys::groups(&joint_refs, left_rows + right_rows);
        // A row whose key has a null matches nothing.
        let has_null = |row: usize| joint.iter().any(|array| array.is_null(row));

        // The right rows of each key, grouped by key id (counting sort: offsets then rows).
        let mut offsets = vec![0_usize; groups.len() + 1];
        for row in left_rows..left_rows + right_rows {
            if !has_null(row) {
                offsets[groups.ids[row] as usize + 1] += 1;
            }
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let mut fill = offsets.clone();
        let mut matches = vec![0_u32; offsets[groups.len()]];
        for row in left_rows..left_rows + right_rows {
            if !has_null(row) {
                let slot = &mut fill[groups.ids[row] as usize];
                matches[*slot] = (row - left_rows) as u32;
                *slot += 1;
            }
        }

        let mut take_left = Vec::with_capacity(left_rows);
        let mut take_right: Vec<Option<u32>> = Vec::with_capacity(left_rows);
        for row in 0..left_rows {
            let id = groups.ids[row] as usize;
            let found = if has_null(row) { &matches[..0] } else { &matches[offsets[id]..offsets[id + 1]] };
            if found.is_empty() {
                if kind == JoinKind::Left {
                    take_left.push(row as u32);
                    take_right.push(None);
                }
                continue;
            }
            for &r in found {
                take_left.push(row as u32);
                take_right.push(Some(r));
            }
        }

        let left_indices = UInt32Array::from(take_left);
        let right_indices = UInt32Array::from(take_right);
        let take = |array: &ArrayRef, indices: &UInt32Array| {
            arrow_select::take::take(array, indices, None).map_err(|e| DataError::Shape(format!("join: {e}")))
        };
        let left_names = self.column_names();
        let mut names: Vec<String> = left_names.iter().map(|n| n.to_string()).collect();
        let mut arrays = Vec::with_capacity(self.num_columns() + right.num_columns());
        for index in 0..self.num_columns() {
            arrays.push(take(self.column_at(index), &left_indices)?);
        }
        for (index, name) in right.column_names().into_iter().enumerate() {
            if right_keys.contains(&index) {
                continue;
            }
            let array = right.column_at(index);
            arrays.push(if right_rows == 0 {
                new_null_array(array.data_type(), left_indices.len())
            } else {
                take(array, &right_indices)?
            });
            names.push(if left_names.contains(&name) { format!("{name}{JOIN_SUFFIX}") } else { name.to_string() });
        }
        DataFrame::from_arrays(names, arrays)
    }
}
