//! Row keys as dense group ids: what `group_by`, `join`, `unique` and `value_counts` share.
//!
//! Each key column is hashed once into dense ids (first appearance order, a null is its own
//! id); several columns are combined pairwise into one id per distinct tuple. The hasher is a
//! fixed-seed multiply-and-fold (deterministic, no random state) that is fast on the integers
//! and short strings keys usually are.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int64Type, TimestampMillisecondType};
use arrow_array::{Array, ArrayRef};
use arrow_buffer::NullBuffer;

use super::DataType;

/// A fixed-seed hasher: FxHash's rotate-xor-multiply per word, then a 128-bit fold so the
/// high and low bits both depend on every input bit.
#[derive(Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

const MULTIPLY: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl KeyHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(MULTIPLY);
    }
}

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0_u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0_u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }
    fn write_u8(&mut self, v: u8) {
        self.add(u64::from(v));
    }
    fn write_u32(&mut self, v: u32) {
        self.add(u64::from(v));
    }
    fn write_u64(&mut self, v: u64) {
        self.add(v);
    }
    fn write_usize(&mut self, v: usize) {
        self.add(v as u64);
    }
    fn write_i32(&mut self, v: i32) {
        self.add(v as u32 as u64);
    }
    fn write_i64(&mut self, v: i64) {
        self.add(v as u64);
    }
    fn finish(&self) -> u64 {
        let wide = u128::from(self.0) * u128::from(0x9e37_79b9_7f4a_7c15_u64);
        (wide as u64) ^ ((wide >> 64) as u64)
    }
}

/// A `HashMap` with [`KeyHasher`].
pub(crate) type KeyMap<K, V> = HashMap<K, V, BuildHasherDefault<KeyHasher>>;

/// Every row's group id (dense, numbered in order of first appearance) and the first row of
/// each group.
pub(crate) struct Groups {
    pub ids: Vec<u32>,
    pub first_rows: Vec<u32>,
}

impl Groups {
    /// How many groups.
    pub fn len(&self) -> usize {
        self.first_rows.len()
    }
}

/// The groups of `rows` rows keyed by `columns` (all of length `rows`). No columns: one group
/// holding every row (even when there are no rows, so a whole-frame aggregate has a row).
pub(crate) fn groups(columns: &[&ArrayRef], rows: usize) -> Groups {
    let Some((first, rest)) = columns.split_first() else {
        return Groups { ids: vec![0; rows], first_rows: vec![0] };
    };
    let (mut ids, mut count) = value_ids(first, true);
    for column in rest {
        let (other, other_count) = value_ids(column, true);
        (ids, count) = combine(&ids, count, &other, other_count);
    }
    let mut first_rows = Vec::with_capacity(count as usize);
    for (row, &id) in ids.iter().enumerate() {
        if id as usize == first_rows.len() {
            first_rows.push(row as u32);
        }
    }
    Groups { ids, first_rows }
}

/// One id per distinct pair of ids, in order of first appearance.
fn combine(left: &[u32], left_count: u32, right: &[u32], right_count: u32) -> (Vec<u32>, u32) {
    let mut out = Vec::with_capacity(left.len());
    let mut next = 0_u32;
    let cells = u64::from(left_count) * u64::from(right_count);
    if cells <= 1 << 22 {
        // A direct table when the product of the counts is small.
        let mut table = vec![u32::MAX; cells as usize];
        for (&l, &r) in left.iter().zip(right) {
            let slot = &mut table[l as usize * right_count as usize + r as usize];
            if *slot == u32::MAX {
                *slot = next;
                next += 1;
            }
            out.push(*slot);
        }
    } else {
        let mut map: KeyMap<u64, u32> = KeyMap::default();
        for (&l, &r) in left.iter().zip(right) {
            let id = *map.entry((u64::from(l) << 32) | u64::from(r)).or_insert_with(|| {
                next += 1;
                next - 1
            });
            out.push(id);
        }
    }
    (out, next)
}

/// Dense ids of one column's values in order of first appearance. Nulls take one id of their
/// own when `null_is_value`, else `u32::MAX` (and no id is counted for them). Floats are keyed
/// by their bits with `-0.0` as `0.0` and every NaN as one.
pub(crate) fn value_ids(array: &ArrayRef, null_is_value: bool) -> (Vec<u32>, u32) {
    let nulls = array.logical_nulls();
    let nulls = nulls.as_ref();
    match DataType::of(array.data_type()) {
        DataType::Int => {
            let values = array.as_primitive::<Int64Type>().values();
            dense(values.len(), nulls, null_is_value, |i| values[i])
        }
        DataType::Datetime => {
            let values = array.as_primitive::<TimestampMillisecondType>().values();
            dense(values.len(), nulls, null_is_value, |i| values[i])
        }
        DataType::Date => {
            let values = array.as_primitive::<Date32Type>().values();
            dense(values.len(), nulls, null_is_value, |i| values[i])
        }
        DataType::Float => {
            let values = array.as_primitive::<Float64Type>().values();
            dense(values.len(), nulls, null_is_value, |i| float_key(values[i]))
        }
        DataType::Bool => {
            let values = array.as_boolean();
            dense(values.len(), nulls, null_is_value, |i| values.value(i))
        }
        DataType::Text => {
            let values = array.as_string::<i32>();
            dense(values.len(), nulls, null_is_value, |i| values.value(i))
        }
    }
}

/// The bits a float is keyed by: `-0.0` and `0.0` are one key, and so are all NaNs.
pub(crate) fn float_key(value: f64) -> u64 {
    if value.is_nan() {
        f64::NAN.to_bits()
    } else if value == 0.0 {
        0
    } else {
        value.to_bits()
    }
}

fn dense<K: Hash + Eq>(
    len: usize,
    nulls: Option<&NullBuffer>,
    null_is_value: bool,
    key: impl Fn(usize) -> K,
) -> (Vec<u32>, u32) {
    let mut map: KeyMap<K, u32> = KeyMap::default();
    let mut ids = Vec::with_capacity(len);
    let mut next = 0_u32;
    let mut null_id = None;
    for row in 0..len {
        if nulls.is_some_and(|n| n.is_null(row)) {
            let id = if null_is_value {
                *null_id.get_or_insert_with(|| {
                    next += 1;
                    next - 1
                })
            } else {
                u32::MAX
            };
            ids.push(id);
            continue;
        }
        let id = *map.entry(key(row)).or_insert_with(|| {
            next += 1;
            next - 1
        });
        ids.push(id);
    }
    (ids, next)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow_array::{Float64Array, Int64Array, StringArray};

    use super::*;

    #[test]
    fn ids_follow_first_appearance_and_nulls_are_one_group() {
        let a: ArrayRef = Arc::new(Int64Array::from(vec![Some(5), None, Some(5), Some(7), None]));
        let groups = groups(&[&a], 5);
        assert_eq!(groups.ids, vec![0, 1, 0, 2, 1]);
        assert_eq!(groups.first_rows, vec![0, 1, 3]);
    }

    #[test]
    fn two_columns_combine_into_tuples() {
        let a: ArrayRef = Arc::new(StringArray::from(vec!["x", "x", "y", "x"]));
        let b: ArrayRef = Arc::new(Float64Array::from(vec![1.0, 2.0, 1.0, -0.0 + 1.0]));
        let groups = groups(&[&a, &b], 4);
        assert_eq!(groups.ids, vec![0, 1, 2, 0]);
        assert_eq!(groups.len(), 3);
    }

    #[test]
    fn floats_key_negative_zero_and_nans_together() {
        let a: ArrayRef = Arc::new(Float64Array::from(vec![0.0, -0.0, f64::NAN, -f64::NAN]));
        assert_eq!(value_ids(&a, true), (vec![0, 0, 1, 1], 2));
    }

    #[test]
    fn the_combining_map_handles_many_groups() {
        let ids: Vec<u32> = (0..5000).collect();
        let (combined, count) = combine(&ids, 5000, &ids, 5000);
        assert_eq!(count, 5000);
        assert_eq!(combined, ids);
    }

    #[test]
    fn no_key_columns_make_one_group() {
        let groups = groups(&[], 3);
        assert_eq!(groups.ids, vec![0, 0, 0]);
        assert_eq!(groups.len(), 1);
    }
}
