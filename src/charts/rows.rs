//! A frame's rows as the JSON array Vega reads (`[{"col": value, ...}, ...]`): one string
//! for all the rows a chart gets, parsed once by the page with `JSON.parse`, rather than a
//! JavaScript call per cell.

use std::fmt::Write as _;

use crate::data::{DataFrame, DataType, Value};

use super::reduce::number_at;

/// The field a chart of wide data puts the row position in (Streamlit's is
/// `index--p5bJXXpQgvPz6yvQMFiy`).
pub const INDEX_FIELD: &str = "index--wl";

/// The rows `rows` of `frame`'s columns `columns` as a JSON array of objects keyed by column
/// name, with the row position under [`INDEX_FIELD`] when `index` is true. Numbers stay
/// numbers (NaN and infinities become `null`), dates and datetimes become milliseconds since
/// the epoch (Vega's timestamps), nulls `null`.
///
/// ```
/// use wasmlit::charts::rows::rows_json;
/// use wasmlit::data::{Column, DataFrame};
/// let df = DataFrame::new(vec![("a", Column::from(vec![1_i64, 2])), ("b", Column::from(vec!["x", "y"]))]).unwrap();
/// assert_eq!(rows_json(&df, &[0, 1], false, [1]), r#"[{"a":2,"b":"y"}]"#);
/// ```
pub fn rows_json(frame: &DataFrame, columns: &[usize], index: bool, rows: impl IntoIterator<Item = usize>) -> String {
    let keys: Vec<String> = columns
        .iter()
        .map(|&c| serde_json::to_string(frame.column_names()[c]).unwrap_or_else(|_| "\"\"".into()))
        .collect();
    // Temporal columns become Vega's timestamps cell by cell: a zoom sends a few thousand rows
    // of a column that may hold millions.
    let temporal: Vec<bool> =
        columns.iter().map(|&c| matches!(frame.dtype(c), DataType::Date | DataType::Datetime)).collect();
    let mut out = String::from("[");
    for (n, row) in rows.into_iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        out.push('{');
        if index {
            let _ = write!(out, "\"{INDEX_FIELD}\":{row}");
        }
        for (i, &column) in columns.iter().enumerate() {
            if index || i > 0 {
                out.push(',');
            }
            out.push_str(&keys[i]);
            out.push(':');
            if temporal[i] {
                push_number(&mut out, number_at(frame, column, row));
                continue;
            }
            match frame.value(row, column) {
                Value::Null => out.push_str("null"),
                Value::Int(v) => {
                    let _ = write!(out, "{v}");
                }
                Value::Float(v) => push_number(&mut out, v),
                Value::Bool(v) => {
                    let _ = write!(out, "{v}");
                }
                Value::Text(v) => out.push_str(&serde_json::to_string(&v).unwrap_or_else(|_| "null".into())),
                other => out.push_str(&serde_json::to_string(&other.to_string()).unwrap_or_else(|_| "null".into())),
            }
        }
        out.push('}');
    }
    out.push(']');
    out
}

fn push_number(out: &mut String, v: f64) {
    if v.is_finite() {
        let _ = write!(out, "{v}");
    } else {
        out.push_str("null");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Column;

    #[test]
    fn every_type_becomes_json_vega_reads() {
        let day = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        let df = DataFrame::new(vec![
            ("i", Column::from(vec![Some(1_i64), None])),
            ("f", Column::from(vec![1.5, f64::NAN])),
            ("b", Column::from(vec![true, false])),
            ("t", Column::from(vec!["a\"b", "c"])),
            ("d", Column::from(vec![Some(day), None])),
            ("a.b", Column::from(vec![1_i64, 2])),
        ])
        .unwrap();
        let json = rows_json(&df, &[0, 1, 2, 3, 4, 5], true, 0..2);
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            parsed,
            serde_json::json!([
                {"index--wl": 0, "i": 1, "f": 1.5, "b": true, "t": "a\"b", "d": 1_704_067_200_000_i64, "a.b": 1},
                {"index--wl": 1, "i": null, "f": null, "b": false, "t": "c", "d": null, "a.b": 2},
            ])
        );
        assert_eq!(rows_json(&df, &[0], false, []), "[]");
    }
}
