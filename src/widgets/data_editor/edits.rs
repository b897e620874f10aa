//! The edit state of a `data_editor`, as Streamlit keeps it: `edited_rows`, `added_rows` and
//! `deleted_rows` over the input frame's row positions, and how it applies to the frame.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::data::{Column, DataFrame, DataType, Value};

/// Whether the viewer may add and delete rows (Streamlit's `num_rows`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum NumRows {
    /// The rows stay as given: cells can change, rows cannot be added or deleted.
    #[default]
    Fixed,
    /// Rows can be added at the end and deleted.
    Dynamic,
}

/// What the viewer changed in a `data_editor`: the widget's value, and what
/// `session_state().get::<EditState>(key)` reads (Streamlit's `st.session_state[key]`).
///
/// Row numbers are positions in the **input** frame: `edited_rows[2]` is the third row the
/// script passed, whatever was deleted before it. Added rows come after the input's rows.
///
/// ```
/// use wasmlit::data::{Column, DataFrame, Value};
/// use wasmlit::widgets::data_editor::EditState;
/// let df = DataFrame::new(vec![("x", Column::from(vec![1_i64, 2, 3]))]).unwrap();
/// let mut edits = EditState::default();
/// edits.edited_rows.entry(0).or_default().insert("x".into(), Value::Int(10));
/// edits.deleted_rows.push(1);
/// edits.added_rows.push([("x".to_string(), Value::Int(4))].into());
/// let edited = edits.apply(&df).unwrap();
/// assert_eq!(edited.column_values("x").unwrap(), Column::from(vec![10_i64, 3, 4]));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EditState {
    /// Changed cells of input rows: row position → column name → new value.
    pub edited_rows: BTreeMap<usize, BTreeMap<String, Value>>,
    /// New rows, in order: column name → value (columns not named are null).
    pub added_rows: Vec<BTreeMap<String, Value>>,
    /// Positions of deleted input rows.
    pub deleted_rows: Vec<usize>,
}

/// Where a row the editor shows comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowSource {
    /// The input frame's row at this position.
    Input(usize),
    /// The added row at this position of `added_rows`.
    Added(usize),
}

/// A change the viewer makes; rows are positions among the rows the editor **shows** (the
/// input's rows that are not deleted, then the added rows), as the viewer sees them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Edit {
    /// Sets one cell (`Value::Null` clears it).
    Cell { row: usize, column: String, value: Value },
    /// Adds a row at the end with these values; other columns are null.
    AddRow(BTreeMap<String, Value>),
    /// Deletes these rows.
    DeleteRows(Vec<usize>),
}

/// Why an edit, or an edit state, does not fit the editor; the page shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum EditError {
    /// A row position past the end.
    NoRow { row: usize, rows: usize },
    /// A column the frame does not have.
    NoColumn { column: String, columns: Vec<String> },
    /// A value of the wrong type for its column.
    Type { column: String, dtype: DataType, value: String },
    /// A disabled column, or a column not shown (`column_order`).
    ReadOnly { column: String, why: &'static str },
    /// Adding or deleting rows with `num_rows` fixed.
    FixedRows,
    /// The whole editor is disabled.
    Disabled,
    /// A row deleted twice.
    Repeated { row: usize },
    /// The edited frame could not be built.
    Frame(String),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::NoRow { row, rows } => write!(f, "there is no row {row}: the table has {rows} rows"),
            EditError::NoColumn { column, columns } => {
                write!(f, "there is no column `{column}` (the columns are: {})", columns.join(", "))
            }
            EditError::Type { column, dtype, value } => {
                write!(f, "column `{column}` holds {} values: {value} is not one", dtype.name())
            }
            EditError::ReadOnly { column, why } => write!(f, "column `{column}` cannot be edited: {why}"),
            EditError::FixedRows => {
                f.write_str("rows cannot be added or deleted: this editor has a fixed number of rows")
            }
            EditError::Disabled => f.write_str("this editor is disabled"),
            EditError::Repeated { row } => write!(f, "row {row} is deleted twice"),
            EditError::Frame(message) => write!(f, "the edited data could not be built: {message}"),
        }
    }
}

impl std::error::Error for EditError {}

/// Whether `value` is a value of a column of type `dtype` (a null fits every column).
pub fn fits(dtype: DataType, value: &Value) -> bool {
    matches!(
        (dtype, value),
        (_, Value::Null)
            | (DataType::Int, Value::Int(_))
            | (DataType::Float, Value::Float(_))
            | (DataType::Bool, Value::Bool(_))
            | (DataType::Text, Value::Text(_))
            | (DataType::Date, Value::Date(_))
            | (DataType::Datetime, Value::Datetime(_))
    )
}

/// `value` as a value of the column `column` of type `dtype`: an integer goes into a float
/// column, a whole float into an integer column, a date into a datetime column (at
/// midnight); any other mismatch is an [`EditError::Type`].
pub fn coerce(column: &str, dtype: DataType, value: Value) -> Result<Value, EditError> {
    let value = match (dtype, value) {
        (DataType::Float, Value::Int(v)) => Value::Float(v as f64),
        (DataType::Int, Value::Float(v)) if v.fract() == 0.0 && v.abs() < 9.0e15 => Value::Int(v as i64),
        (DataType::Datetime, Value::Date(d)) => Value::Datetime(d.and_time(chrono::NaiveTime::MIN)),
        (_, value) => value,
    };
    if fits(dtype, &value) {
        Ok(value)
    } else {
        Err(type_error(column, dtype, &value))
    }
}

fn type_error(column: &str, dtype: DataType, value: &Value) -> EditError {
    let value = match value {
        Value::Text(text) => format!("{text:?}"),
        other => other.to_string(),
    };
    EditError::Type { column: column.to_string(), dtype, value }
}

/// Reads what the viewer typed into a cell of type `dtype`, as the page's inputs give it: an
/// empty text is a null (except in a text column, where it is the empty text); booleans are
/// `true`/`false`; dates `YYYY-MM-DD`; datetimes `YYYY-MM-DDTHH:MM[:SS]` (a space may stand
/// for the `T`).
///
/// ```
/// use wasmlit::data::{DataType, Value};
/// use wasmlit::widgets::data_editor::parse_cell;
/// assert_eq!(parse_cell("age", DataType::Int, " 42 "), Ok(Value::Int(42)));
/// assert_eq!(parse_cell("age", DataType::Int, ""), Ok(Value::Null));
/// assert_eq!(
///     parse_cell("age", DataType::Int, "4.5").unwrap_err().to_string(),
///     "column `age` holds int values: \"4.5\" is not one"
/// );
/// ```
pub fn parse_cell(column: &str, dtype: DataType, text: &str) -> Result<Value, EditError> {
    if dtype == DataType::Text {
        return Ok(Value::Text(text.to_string()));
    }
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(Value::Null);
    }
    let parsed = match dtype {
        DataType::Int => trimmed
            .parse::<i64>()
            .ok()
            .or_else(|| trimmed.parse::<f64>().ok().filter(|v| v.fract() == 0.0 && v.abs() < 9.0e15).map(|v| v as i64))
            .map(Value::Int),
        DataType::Float => trimmed.parse::<f64>().ok().map(Value::Float),
        DataType::Bool => match trimmed.to_ascii_lowercase().as_str() {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => None,
        },
        DataType::Date => NaiveDate::parse_from_str(trimmed, "%Y-%m-%d").ok().map(Value::Date),
        DataType::Datetime => ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%d %H:%M"]
            .iter()
            .find_map(|format| NaiveDateTime::parse_from_str(trimmed, format).ok())
            .map(Value::Datetime),
        DataType::Text => Some(Value::Text(text.to_string())),
    };
    parsed.ok_or_else(|| type_error(column, dtype, &Value::Text(text.to_string())))
}

/// A value as a cell's `<input>` takes it: `YYYY-MM-DD` for a date, `YYYY-MM-DDTHH:MM:SS`
/// for a datetime, nothing for a null, the grid's text otherwise (floats in full).
pub fn input_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Float(v) => v.to_string(),
        Value::Datetime(v) => v.format("%Y-%m-%dT%H:%M:%S").to_string(),
        other => other.to_string(),
    }
}

impl EditState {
    /// Whether nothing was changed.
    pub fn is_empty(&self) -> bool {
        self.edited_rows.is_empty() && self.added_rows.is_empty() && self.deleted_rows.is_empty()
    }

    /// The rows the editor shows, in order, for an input of `input_rows` rows: the input's
    /// rows that are not deleted, then the added rows.
    pub fn shown_rows(&self, input_rows: usize) -> Vec<RowSource> {
        let deleted: BTreeSet<usize> = self.deleted_rows.iter().copied().collect();
        (0..input_rows)
            .filter(|row| !deleted.contains(row))
            .map(RowSource::Input)
            .chain((0..self.added_rows.len()).map(RowSource::Added))
            .collect()
    }

    /// Checks that this state fits `data`: rows and columns exist, values have their
    /// column's type, no row is deleted twice, and (with `NumRows::Fixed`) no row is added
    /// or deleted.
    pub fn check(&self, data: &DataFrame, num_rows: NumRows) -> Result<(), EditError> {
        let rows = data.num_rows();
        if num_rows == NumRows::Fixed && !(self.added_rows.is_empty() && self.deleted_rows.is_empty()) {
            return Err(EditError::FixedRows);
        }
        for (&row, cells) in &self.edited_rows {
            if row >= rows {
                return Err(EditError::NoRow { row, rows });
            }
            check_cells(data, cells)?;
        }
        for cells in &self.added_rows {
            check_cells(data, cells)?;
        }
        let mut deleted = BTreeSet::new();
        for &row in &self.deleted_rows {
            if row >= rows {
                return Err(EditError::NoRow { row, rows });
            }
            if !deleted.insert(row) {
                return Err(EditError::Repeated { row });
            }
        }
        Ok(())
    }

    /// The edited frame: `data` with edited cells replaced, deleted rows removed and added
    /// rows appended (nulls where an added row gives no value). Columns nothing touched are
    /// shared with `data`, not copied.
    pub fn apply(&self, data: &DataFrame) -> Result<DataFrame, EditError> {
        self.check(data, NumRows::Dynamic)?;
        if self.is_empty() {
            return Ok(data.clone());
        }
        let rows = self.shown_rows(data.num_rows());
        // The input rows kept, for the columns no edit touches: Arrow's `take` copies them.
        let kept: Option<arrow_array::UInt64Array> = (!self.deleted_rows.is_empty()).then(|| {
            rows.iter()
                .filter_map(|row| match row {
                    RowSource::Input(row) => Some(*row as u64),
                    RowSource::Added(_) => None,
                })
                .collect()
        });
        let names: Vec<String> = data.column_names().into_iter().map(str::to_string).collect();
        let mut arrays = Vec::with_capacity(names.len());
        for (index, name) in names.iter().enumerate() {
            let dtype = data.dtype(index);
            let added = || self.added_rows.iter().map(|cells| cells.get(name).cloned().unwrap_or(Value::Null));
            let touched = self.edited_rows.values().any(|cells| cells.contains_key(name));
            if !touched {
                let column = data.column_at(index);
                let kept = match &kept {
                    Some(kept) => arrow_select::take::take(column.as_ref(), kept, None)
                        .map_err(|e| EditError::Frame(e.to_string()))?,
                    None => column.clone(),
                };
                let array = if self.added_rows.is_empty() {
                    kept
                } else {
                    let added = column_of(dtype, added()).into_array();
                    arrow_select::concat::concat(&[kept.as_ref(), added.as_ref()])
                        .map_err(|e| EditError::Frame(e.to_string()))?
                };
                arrays.push(array);
                continue;
            }
            let values = rows.iter().map(|row| match *row {
                RowSource::Input(row) => match self.edited_rows.get(&row).and_then(|cells| cells.get(name)) {
                    Some(value) => value.clone(),
                    None => data.value(row, index),
                },
                RowSource::Added(added) => {
                    self.added_rows.get(added).and_then(|cells| cells.get(name)).cloned().unwrap_or(Value::Null)
                }
            });
            arrays.push(column_of(dtype, values).into_array());
        }
        DataFrame::from_arrays(names, arrays).map_err(|e| EditError::Frame(e.to_string()))
    }

    /// The value the editor shows at `source` in column `column` (at `index`) of `data`.
    pub fn cell(&self, data: &DataFrame, source: RowSource, index: usize, column: &str) -> Value {
        match source {
            RowSource::Input(row) => match self.edited_rows.get(&row).and_then(|cells| cells.get(column)) {
                Some(value) => value.clone(),
                None if row < data.num_rows() && index < data.num_columns() => data.value(row, index),
                None => Value::Null,
            },
            RowSource::Added(added) => {
                self.added_rows.get(added).and_then(|cells| cells.get(column)).cloned().unwrap_or(Value::Null)
            }
        }
    }

    /// This state with one change made, the change checked only against `data` (rows,
    /// columns, types); the editor's own rules (fixed rows, disabled columns) are checked by
    /// [`DataEditorFields::edit`](super::DataEditorFields::edit), which calls this.
    ///
    /// A cell set back to its input value drops the edit; deleting an added row removes it
    /// from `added_rows`; deleting an input row drops its edits.
    pub fn with(&self, data: &DataFrame, edit: Edit) -> Result<EditState, EditError> {
        let mut next = self.clone();
        let shown = self.shown_rows(data.num_rows());
        let source = |row: usize| shown.get(row).copied().ok_or(EditError::NoRow { row, rows: shown.len() });
        match edit {
            Edit::Cell { row, column, value } => {
                let index = column_index(data, &column)?;
                let value = coerce(&column, data.dtype(index), value)?;
                match source(row)? {
                    RowSource::Input(row) => {
                        let cells = next.edited_rows.entry(row).or_default();
                        if data.value(row, index) == value {
                            cells.remove(&column);
                        } else {
                            cells.insert(column, value);
                        }
                        if cells.is_empty() {
                            next.edited_rows.remove(&row);
                        }
                    }
                    RowSource::Added(added) => {
                        if let Some(cells) = next.added_rows.get_mut(added) {
                            if value.is_null() {
                                cells.remove(&column);
                            } else {
                                cells.insert(column, value);
                            }
                        }
                    }
                }
            }
            Edit::AddRow(cells) => {
                let mut row = BTreeMap::new();
                for (column, value) in cells {
                    let index = column_index(data, &column)?;
                    let value = coerce(&column, data.dtype(index), value)?;
                    if !value.is_null() {
                        row.insert(column, value);
                    }
                }
                next.added_rows.push(row);
            }
            Edit::DeleteRows(rows) => {
                let mut sources = Vec::with_capacity(rows.len());
                for row in rows {
                    let found = source(row)?;
                    if sources.contains(&found) {
                        return Err(EditError::Repeated { row });
                    }
                    sources.push(found);
                }
                let mut added: Vec<usize> = Vec::new();
                for found in sources {
                    match found {
                        RowSource::Input(row) => {
                            next.edited_rows.remove(&row);
                            next.deleted_rows.push(row);
                        }
                        RowSource::Added(index) => added.push(index),
                    }
                }
                next.deleted_rows.sort_unstable();
                added.sort_unstable_by(|a, b| b.cmp(a));
                for index in added {
                    next.added_rows.remove(index);
                }
            }
        }
        Ok(next)
    }
}

fn column_index(data: &DataFrame, column: &str) -> Result<usize, EditError> {
    data.column_index(column).map_err(|_| EditError::NoColumn {
        column: column.to_string(),
        columns: data.column_names().into_iter().map(str::to_string).collect(),
    })
}

fn check_cells(data: &DataFrame, cells: &BTreeMap<String, Value>) -> Result<(), EditError> {
    for (column, value) in cells {
        let index = column_index(data, column)?;
        let dtype = data.dtype(index);
        if !fits(dtype, value) {
            return Err(type_error(column, dtype, value));
        }
    }
    Ok(())
}

/// A column of type `dtype` from values that fit it (any other value becomes a null).
fn column_of(dtype: DataType, values: impl Iterator<Item = Value>) -> Column {
    match dtype {
        DataType::Int => Column::Int(values.map(|v| if let Value::Int(v) = v { Some(v) } else { None }).collect()),
        DataType::Float => {
            Column::Float(values.map(|v| if let Value::Float(v) = v { Some(v) } else { None }).collect())
        }
        DataType::Bool => Column::Bool(values.map(|v| if let Value::Bool(v) = v { Some(v) } else { None }).collect()),
        DataType::Text => Column::Text(values.map(|v| if let Value::Text(v) = v { Some(v) } else { None }).collect()),
        DataType::Date => Column::Date(values.map(|v| if let Value::Date(v) = v { Some(v) } else { None }).collect()),
        DataType::Datetime => {
            Column::Datetime(values.map(|v| if let Value::Datetime(v) = v { Some(v) } else { None }).collect())
        }
    }
}

/// A content hash of `data` (names, types and every value), for the identity of an editor
/// without a key: as in Streamlit, other data make another widget. Numeric and date columns
/// without nulls are hashed as one block of bytes.
pub(crate) fn digest(data: &DataFrame) -> u64 {
    use arrow_array::cast::AsArray;
    use arrow_array::types::{ArrowPrimitiveType, Date32Type, Float64Type, Int64Type, TimestampMillisecondType};
    use arrow_array::Array;
    use xxhash_rust::xxh3::Xxh3;

    /// A primitive column: its value bytes at once when it has no nulls, else cell by cell.
    fn primitive<T: ArrowPrimitiveType>(hasher: &mut Xxh3, array: &dyn Array, bytes: fn(T::Native) -> Vec<u8>) {
        let array = array.as_primitive::<T>();
        if array.null_count() == 0 {
            hasher.update(array.values().inner().as_slice());
            return;
        }
        for value in array.iter() {
            match value {
                Some(value) => {
                    hasher.update(&[1]);
                    hasher.update(&bytes(value));
                }
                None => hasher.update(&[0]),
            }
        }
    }

    let mut hasher = Xxh3::with_seed(0);
    hasher.update(&(data.num_rows() as u64).to_le_bytes());
    for (index, name) in data.column_names().into_iter().enumerate() {
        hasher.update(&(name.len() as u64).to_le_bytes());
        hasher.update(name.as_bytes());
        let array = data.column_at(index).as_ref();
        let dtype = data.dtype(index);
        hasher.update(dtype.name().as_bytes());
        hasher.update(&(array.null_count() as u64).to_le_bytes());
        match dtype {
            DataType::Int => primitive::<Int64Type>(&mut hasher, array, |v| v.to_le_bytes().to_vec()),
            DataType::Float => primitive::<Float64Type>(&mut hasher, array, |v| v.to_le_bytes().to_vec()),
            DataType::Date => primitive::<Date32Type>(&mut hasher, array, |v| v.to_le_bytes().to_vec()),
            DataType::Datetime => {
                primitive::<TimestampMillisecondType>(&mut hasher, array, |v| v.to_le_bytes().to_vec())
            }
            DataType::Bool => {
                for value in array.as_boolean().iter() {
                    hasher.update(&[value.map_or(0, |v| 1 + u8::from(v))]);
                }
            }
            DataType::Text => {
                for value in array.as_string::<i32>().iter() {
                    match value {
                        Some(text) => {
                            hasher.update(&(text.len() as u64 + 1).to_le_bytes());
                            hasher.update(text.as_bytes());
                        }
                        None => hasher.update(&0_u64.to_le_bytes()),
                    }
                }
            }
        }
    }
    hasher.digest()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame() -> DataFrame {
        DataFrame::new(vec![
            ("name", Column::from(vec!["Ada", "Linus", "Grace"])),
            ("age", Column::from(vec![36_i64, 28, 45])),
            ("score", Column::from(vec![Some(1.5), None, Some(3.0)])),
            ("active", Column::from(vec![true, false, true])),
            ("born", Column::from(vec![NaiveDate::from_ymd_opt(1815, 12, 10).unwrap(); 3])),
        ])
        .unwrap()
    }

    fn cell(row: usize, column: &str, value: Value) -> Edit {
        Edit::Cell { row, column: column.into(), value }
    }

    #[test]
    fn an_empty_state_gives_the_input_frame_back_shared() {
        let df = frame();
        let out = EditState::default().apply(&df).unwrap();
        assert_eq!(out, df);
        assert!(out.column_at(0).to_data().ptr_eq(&df.column_at(0).to_data()));
    }

    #[test]
    fn edits_deletes_and_adds_apply_in_streamlit_order() {
        let df = frame();
        let state = EditState::default()
            .with(&df, cell(0, "age", Value::Int(37)))
            .and_then(|s| s.with(&df, Edit::DeleteRows(vec![1])))
            .and_then(|s| s.with(&df, Edit::AddRow([("name".to_string(), Value::Text("Ken".into()))].into())))
            .unwrap();
        assert_eq!(state.edited_rows[&0]["age"], Value::Int(37));
        assert_eq!(state.deleted_rows, vec![1]);
        let out = state.apply(&df).unwrap();
        assert_eq!(out.shape(), (3, 5));
        assert_eq!(out.column_values("name").unwrap(), Column::from(vec!["Ada", "Grace", "Ken"]));
        assert_eq!(out.column_values("age").unwrap(), Column::from(vec![Some(37_i64), Some(45), None]));
        assert_eq!(out.column_values("score").unwrap(), Column::from(vec![Some(1.5), Some(3.0), None]));
        // Shown row 1 is now Grace (input row 2): an edit there lands on input row 2.
        let state = state.with(&df, cell(1, "active", Value::Bool(false))).unwrap();
        assert_eq!(state.edited_rows[&2]["active"], Value::Bool(false));
        // Shown row 2 is the added row.
        let state = state.with(&df, cell(2, "age", Value::Int(3))).unwrap();
        assert_eq!(state.added_rows[0]["age"], Value::Int(3));
    }

    #[test]
    fn values_are_coerced_or_refused_by_column_type() {
        let df = frame();
        let state = EditState::default();
        let s = state.with(&df, cell(0, "score", Value::Int(2))).unwrap();
        assert_eq!(s.edited_rows[&0]["score"], Value::Float(2.0));
        let s = state.with(&df, cell(0, "age", Value::Float(40.0))).unwrap();
        assert_eq!(s.edited_rows[&0]["age"], Value::Int(40));
        let error = state.with(&df, cell(0, "age", Value::Float(40.5))).unwrap_err();
        assert_eq!(error.to_string(), "column `age` holds int values: 40.5 is not one");
        let error = state.with(&df, cell(0, "active", Value::Text("yes".into()))).unwrap_err();
        assert_eq!(error.to_string(), "column `active` holds bool values: \"yes\" is not one");
        let error = state.with(&df, cell(0, "nope", Value::Int(1))).unwrap_err();
        assert!(error.to_string().starts_with("there is no column `nope` (the columns are: name, age"), "{error}");
        let error = state.with(&df, cell(3, "age", Value::Int(1))).unwrap_err();
        assert_eq!(error.to_string(), "there is no row 3: the table has 3 rows");
        // A null fits every column.
        let s = state.with(&df, cell(1, "born", Value::Null)).unwrap();
        assert_eq!(s.apply(&df).unwrap().value(1, 4), Value::Null);
    }

    #[test]
    fn setting_a_cell_back_drops_the_edit() {
        let df = frame();
        let s = EditState::default().with(&df, cell(0, "age", Value::Int(1))).unwrap();
        let s = s.with(&df, cell(0, "age", Value::Int(36))).unwrap();
        assert!(s.is_empty(), "{s:?}");
    }

    #[test]
    fn deleting_an_added_row_removes_it_and_deleting_an_input_row_drops_its_edits() {
        let df = frame();
        let s = EditState::default()
            .with(&df, Edit::AddRow(BTreeMap::new()))
            .and_then(|s| s.with(&df, Edit::AddRow([("age".to_string(), Value::Int(9))].into())))
            .and_then(|s| s.with(&df, cell(0, "age", Value::Int(1))))
            .unwrap();
        assert_eq!(s.added_rows.len(), 2);
        let s = s.with(&df, Edit::DeleteRows(vec![3, 0])).unwrap();
        assert_eq!(s.added_rows, vec![[("age".to_string(), Value::Int(9))].into()]);
        assert_eq!(s.deleted_rows, vec![0]);
        assert!(s.edited_rows.is_empty());
        let error = s.with(&df, Edit::DeleteRows(vec![1, 1])).unwrap_err();
        assert_eq!(error, EditError::Repeated { row: 1 });
    }

    #[test]
    fn check_refuses_states_that_do_not_fit_the_frame() {
        let df = frame();
        let mut s = EditState::default();
        s.added_rows.push(BTreeMap::new());
        assert_eq!(s.check(&df, NumRows::Fixed), Err(EditError::FixedRows));
        assert_eq!(s.check(&df, NumRows::Dynamic), Ok(()));
        let mut s = EditState::default();
        s.edited_rows.entry(0).or_default().insert("age".into(), Value::Text("x".into()));
        assert!(matches!(s.check(&df, NumRows::Fixed), Err(EditError::Type { .. })));
        assert!(s.apply(&df).is_err());
        let s = EditState { deleted_rows: vec![2, 2], ..EditState::default() };
        assert_eq!(s.check(&df, NumRows::Dynamic), Err(EditError::Repeated { row: 2 }));
        let s = EditState { deleted_rows: vec![7], ..EditState::default() };
        assert_eq!(s.check(&df, NumRows::Dynamic), Err(EditError::NoRow { row: 7, rows: 3 }));
    }

    #[test]
    fn typed_text_is_parsed_by_column_type() {
        assert_eq!(parse_cell("x", DataType::Float, "2.25"), Ok(Value::Float(2.25)));
        assert_eq!(parse_cell("x", DataType::Int, "7.0"), Ok(Value::Int(7)));
        assert_eq!(parse_cell("x", DataType::Bool, "TRUE"), Ok(Value::Bool(true)));
        assert_eq!(parse_cell("x", DataType::Text, ""), Ok(Value::Text(String::new())));
        assert_eq!(
            parse_cell("x", DataType::Date, "2024-02-29"),
            Ok(Value::Date(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()))
        );
        let noon = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap().and_hms_opt(12, 30, 0).unwrap();
        assert_eq!(parse_cell("x", DataType::Datetime, "2024-02-29T12:30"), Ok(Value::Datetime(noon)));
        assert_eq!(parse_cell("x", DataType::Datetime, "2024-02-29 12:30:00"), Ok(Value::Datetime(noon)));
        assert_eq!(input_text(&Value::Datetime(noon)), "2024-02-29T12:30:00");
        assert!(parse_cell("x", DataType::Date, "29/02/2024").is_err());
        assert!(parse_cell("x", DataType::Float, "abc").is_err());
    }

    #[test]
    fn the_digest_follows_content() {
        let df = frame();
        assert_eq!(digest(&df), digest(&df.clone()));
        let other = EditState::default().with(&df, cell(0, "age", Value::Int(1))).unwrap().apply(&df).unwrap();
        assert_ne!(digest(&df), digest(&other));
        // A null differs from every value, with or without nulls elsewhere in the column.
        let with_null = EditState::default().with(&df, cell(0, "age", Value::Null)).unwrap().apply(&df).unwrap();
        let zero = EditState::default().with(&df, cell(0, "age", Value::Int(0))).unwrap().apply(&df).unwrap();
        assert_ne!(digest(&with_null), digest(&zero));
        // A slice of a longer column hashes like the same values built on their own.
        let long = DataFrame::new(vec![("x", Column::from(vec![1_i64, 2, 3, 4]))]).unwrap();
        let sliced = DataFrame::from_batch(long.batch().slice(1, 2)).unwrap();
        let built = DataFrame::new(vec![("x", Column::from(vec![2_i64, 3]))]).unwrap();
        assert_eq!(digest(&sliced), digest(&built));
    }

    #[test]
    fn an_edit_state_survives_serde() {
        let df = frame();
        let s = EditState::default().with(&df, cell(0, "score", Value::Float(0.5))).unwrap();
        let bytes = postcard::to_allocvec(&s).unwrap();
        assert_eq!(postcard::from_bytes::<EditState>(&bytes).unwrap(), s);
    }
}
