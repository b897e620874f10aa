//! Reading JSON into a frame ([`DataFrame::read_json`]), and frames from serde rows
//! ([`DataFrame::from_rows`]), through serde_json.
//!
//! The rules are on [`DataFrame::read_json`].

use std::fmt;
use std::sync::Arc;

use arrow_array::{ArrayRef, BooleanArray, Float64Array, Int64Array, StringArray};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::infer::{self, Kind};
use super::{DataError, DataFrame, DataType};

fn json_error(at: String, message: impl Into<String>) -> DataError {
    DataError::Parse { format: "JSON", at, message: message.into() }
}

/// One JSON value that fits in a cell.
#[derive(Clone, Debug, PartialEq)]
enum Cell {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(String),
}

struct CellVisitor;

impl<'de> Visitor<'de> for CellVisitor {
    type Value = Cell;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number, a string, a bool or null")
    }
    fn visit_unit<E>(self) -> Result<Cell, E> {
        Ok(Cell::Null)
    }
    fn visit_none<E>(self) -> Result<Cell, E> {
        Ok(Cell::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Cell, E> {
        Ok(Cell::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Cell, E> {
        Ok(Cell::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Cell, E> {
        Ok(i64::try_from(v).map_or(Cell::Float(v as f64), Cell::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Cell, E> {
        Ok(Cell::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Cell, E> {
        Ok(Cell::Text(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Cell, E> {
        Ok(Cell::Text(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Cell, A::Error> {
        Err(de::Error::custom("a nested list, where a cell holds a number, a string, a bool or null"))
    }
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Cell, A::Error> {
        Err(de::Error::custom("a nested object, where a cell holds a number, a string, a bool or null"))
    }
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Cell, D::Error> {
        deserializer.deserialize_any(CellVisitor)
    }
}

/// An object's value: a cell (a record's) or a list of cells (a column's).
enum Entry {
    Cell(Cell),
    List(Vec<Cell>),
}

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Entry, D::Error> {
        struct EntryVisitor;
        impl<'de> Visitor<'de> for EntryVisitor {
            type Value = Entry;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a cell or a list of cells")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Entry, A::Error> {
                let mut cells = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(cell) = seq.next_element()? {
                    cells.push(cell);
                }
                Ok(Entry::List(cells))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Entry, A::Error> {
                CellVisitor.visit_map(map).map(Entry::Cell)
            }
            fn visit_unit<E>(self) -> Result<Entry, E> {
                Ok(Entry::Cell(Cell::Null))
            }
            fn visit_none<E>(self) -> Result<Entry, E> {
                Ok(Entry::Cell(Cell::Null))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Entry, E> {
                Ok(Entry::Cell(Cell::Bool(v)))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Entry, E> {
                Ok(Entry::Cell(Cell::Int(v)))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Entry, E> {
                Ok(Entry::Cell(i64::try_from(v).map_or(Cell::Float(v as f64), Cell::Int)))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Entry, E> {
                Ok(Entry::Cell(Cell::Float(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Entry, E> {
                Ok(Entry::Cell(Cell::Text(v.to_string())))
            }
        }
        deserializer.deserialize_any(EntryVisitor)
    }
}

/// A JSON object, its keys in their order.
struct Object(Vec<(String, Entry)>);

impl<'de> Deserialize<'de> for Object {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Object, D::Error> {
        struct ObjectVisitor;
        impl<'de> Visitor<'de> for ObjectVisitor {
            type Value = Object;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object (one record)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Object, A::Error> {
                let mut entries = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, Entry>()? {
                    entries.push((key, value));
                }
                Ok(Object(entries))
            }
        }
        deserializer.deserialize_map(ObjectVisitor)
    }
}

/// The whole input: a list of records or one object.
enum Top {
    Records(Vec<Object>),
    Object(Object),
}

impl<'de> Deserialize<'de> for Top {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Top, D::Error> {
        struct TopVisitor;
        impl<'de> Visitor<'de> for TopVisitor {
            type Value = Top;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of records or an object of columns")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Top, A::Error> {
                let mut records = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(record) = seq.next_element::<Object>()? {
                    records.push(record);
                }
                Ok(Top::Records(records))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Top, A::Error> {
                Object::deserialize(de::value::MapAccessDeserializer::new(map)).map(Top::Object)
            }
        }
        deserializer.deserialize_any(TopVisitor)
    }
}

/// A column being filled: its cells' kind so far, and the values.
#[derive(Default)]
struct ColumnBuilder {
    cells: Vec<Cell>,
    /// What the non-null cells are: "number", "text" or "bool".
    class: Option<&'static str>,
    kind: Option<Kind>,
}

impl ColumnBuilder {
    fn push(&mut self, cell: Cell) -> Result<(), String> {
        let (class, kind) = match &cell {
            Cell::Null => (None, Kind::Null),
            Cell::Bool(_) => (Some("a bool"), Kind::Of(DataType::Bool)),
            Cell::Int(_) => (Some("a number"), Kind::Of(DataType::Int)),
            Cell::Float(_) => (Some("a number"), Kind::Of(DataType::Float)),
            Cell::Text(text) => (Some("text"), Kind::Of(infer::kind_of_json_string(text))),
        };
        if let (Some(class), Some(before)) = (class, self.class) {
            if class != before {
                return Err(format!("{class}, but the values before it are {before}"));
            }
        }
        self.class = self.class.or(class);
        self.kind = Some(self.kind.unwrap_or(Kind::Null).join(kind));
        self.cells.push(cell);
        Ok(())
    }

    fn finish(self) -> ArrayRef {
        let dtype = self.kind.unwrap_or(Kind::Null).finish();
        match dtype {
            DataType::Int => Arc::new(
                self.cells
                    .into_iter()
                    .map(|c| if let Cell::Int(v) = c { Some(v) } else { None })
                    .collect::<Int64Array>(),
            ),
            DataType::Float => Arc::new(
                self.cells
                    .into_iter()
                    .map(|c| match c {
                        Cell::Int(v) => Some(v as f64),
                        Cell::Float(v) => Some(v),
                        _ => None,
                    })
                    .collect::<Float64Array>(),
            ),
            DataType::Bool => Arc::new(
                self.cells
                    .into_iter()
                    .map(|c| if let Cell::Bool(v) = c { Some(v) } else { None })
                    .collect::<BooleanArray>(),
            ),
            DataType::Text | DataType::Date | DataType::Datetime => {
                let texts: StringArray =
                    self.cells.into_iter().map(|c| if let Cell::Text(v) = c { Some(v) } else { None }).collect();
                // Every text was read as this type already, so this does not fail; text if it did.
                infer::parse_column(&texts, dtype).unwrap_or_else(|_| Arc::new(texts))
            }
        }
    }
}

/// Records gathered into columns, in the order their keys first appear.
#[derive(Default)]
struct RecordsBuilder {
    names: Vec<String>,
    columns: Vec<ColumnBuilder>,
    rows: usize,
}

impl RecordsBuilder {
    /// Adds one record; `Err((key, message))` on a value that does not fit its column.
    fn push(&mut self, entries: Vec<(String, Cell)>) -> Result<(), (String, String)> {
        let mut seen = vec![false; self.columns.len()];
        for (key, cell) in entries {
            let index = match self.names.iter().position(|n| *n == key) {
                Some(index) => index,
                None => {
                    self.names.push(key.clone());
                    let column = ColumnBuilder {
                        cells: vec![Cell::Null; self.rows],
                        kind: Some(Kind::Null),
                        ..Default::default()
                    };
                    self.columns.push(column);
                    seen.push(false);
                    self.columns.len() - 1
                }
            };
            if seen[index] {
                return Err((key, "the key appears twice in the record".to_string()));
            }
            seen[index] = true;
            self.columns[index].push(cell).map_err(|message| (key, message))?;
        }
        for (column, seen) in self.columns.iter_mut().zip(seen) {
            if !seen {
                column.cells.push(Cell::Null);
            }
        }
        self.rows += 1;
        Ok(())
    }

    fn finish(self) -> Result<DataFrame, DataError> {
        let arrays = self.columns.into_iter().map(ColumnBuilder::finish).collect();
        DataFrame::from_arrays(self.names, arrays)
    }
}

/// A record's entries as cells, or the key of the first list in it.
fn record_cells(object: Object) -> Result<Vec<(String, Cell)>, (String, String)> {
    object
        .0
        .into_iter()
        .map(|(key, entry)| match entry {
            Entry::Cell(cell) => Ok((key, cell)),
            Entry::List(_) => Err((key, "a nested list, where a cell holds a number, a string, a bool or null".into())),
        })
        .collect()
}

/// The 1-based line of the first byte at or after `offset` that is not white space.
fn line_at(bytes: &[u8], offset: usize) -> usize {
    let offset = offset.min(bytes.len());
    let start = bytes[offset..].iter().position(|b| !b.is_ascii_whitespace()).map_or(bytes.len(), |p| offset + p);
    bytes[..start].iter().filter(|&&b| b == b'\n').count() + 1
}

impl DataFrame {
    /// A frame from JSON: records (`[{"a": 1}, ...]`), columns (`{"a": [1, 2]}`) or NDJSON
    /// (one record object per line).
    ///
    /// Three shapes are read, told apart by what the input holds:
    /// - records: `[{"a": 1, "b": "x"}, {"a": 2}]` (a key missing from a record is a null; the
    ///   columns come in the order their keys first appear);
    /// - columns: `{"a": [1, 2], "b": ["x", "y"]}` (every list as long as the first);
    /// - NDJSON: one record object per line.
    ///
    /// Values are numbers (ints stay `Int` while every value is one; any float makes the column
    /// `Float`), bools, strings and nulls. A column of strings that all read as `YYYY-MM-DD` is a
    /// `Date` column, as ISO datetimes a `Datetime` column (the CSV reader's rules); a column of
    /// nulls only is `Float`. A nested list or object, or a column mixing numbers, strings and
    /// bools, is an error naming the record (or line) and the key.
    ///
    /// ```
    /// use wasmlit::data::{DataFrame, DataType};
    /// let records = DataFrame::read_json(br#"[{"city": "Paris", "n": 2}, {"city": "Lyon", "n": 1.5}]"#).unwrap();
    /// let columns = DataFrame::read_json(br#"{"city": ["Paris", "Lyon"], "n": [2, 1.5]}"#).unwrap();
    /// assert_eq!(records, columns);
    /// assert_eq!(records.dtype(1), DataType::Float);
    /// let ndjson = DataFrame::read_json(b"{\"day\": \"2024-01-02\"}\n{\"day\": null}\n").unwrap();
    /// assert_eq!(ndjson.dtype(0), DataType::Date);
    /// ```
    pub fn read_json(bytes: &[u8]) -> Result<DataFrame, DataError> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut stream = serde_json::Deserializer::from_slice(bytes).into_iter::<Top>();
        let syntax = |e: serde_json::Error| {
            let at = match (e.line(), e.column()) {
                (0, _) => "the input".to_string(),
                (line, 0) => format!("line {line}"),
                (line, column) => format!("line {line}, column {column}"),
            };
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or(&message).to_string();
            json_error(at, message)
        };
        let first = match stream.next() {
            None => return Err(json_error("line 1".into(), "the input is empty")),
            Some(first) => first.map_err(syntax)?,
        };
        let first_end = stream.byte_offset();
        match first {
            Top::Records(records) => {
                if stream.next().is_some() {
                    return Err(json_error(
                        format!("line {}", line_at(bytes, first_end)),
                        "more JSON after the list of records",
                    ));
                }
                let mut builder = RecordsBuilder::default();
                for (index, record) in records.into_iter().enumerate() {
                    record_cells(record)
                        .and_then(|cells| builder.push(cells))
                        .map_err(|(key, message)| json_error(format!("record {}, key `{key}`", index + 1), message))?;
                }
                builder.finish()
            }
            Top::Object(object) => {
                let is_columns = object.0.iter().any(|(_, entry)| matches!(entry, Entry::List(_)));
                if is_columns {
                    if stream.next().is_some() {
                        return Err(json_error(
                            format!("line {}", line_at(bytes, first_end)),
                            "more JSON after the object of columns",
                        ));
                    }
                    return read_columns(object);
                }
                // NDJSON: this object is the first record, one per line follows.
                let mut builder = RecordsBuilder::default();
                let mut next = Some((object, 0));
                let mut index = 0;
                while let Some((object, start)) = next.take() {
                    index += 1;
                    let line = line_at(bytes, start);
                    record_cells(object).and_then(|cells| builder.push(cells)).map_err(|(key, message)| {
                        json_error(format!("line {line} (record {index}), key `{key}`"), message)
                    })?;
                    let start = stream.byte_offset();
                    match stream.next() {
                        None => {}
                        Some(Ok(Top::Object(object))) => next = Some((object, start)),
                        Some(Ok(Top::Records(_))) => {
                            return Err(json_error(
                                format!("line {}", line_at(bytes, start)),
                                "a list among NDJSON records (one object per line)",
                            ))
                        }
                        Some(Err(e)) => return Err(syntax(e)),
                    }
                }
                builder.finish()
            }
        }
    }

    /// A frame with one row per item of `rows`, one column per field (in the fields' order).
    /// Fields are numbers, strings, bools, `Option`s of them, and anything serde writes as a
    /// string (dates from chrono become `Date`/`Datetime` columns); a nested struct, list or
    /// map is an error naming the row and field.
    ///
    /// ```
    /// use wasmlit::data::{DataFrame, DataType};
    /// #[derive(serde::Serialize)]
    /// struct Sale { city: &'static str, amount: f64, paid: Option<bool> }
    /// let sales = [Sale { city: "Paris", amount: 12.5, paid: Some(true) }, Sale { city: "Lyon", amount: 3.0, paid: None }];
    /// let df = DataFrame::from_rows(&sales).unwrap();
    /// assert_eq!(df.column_names(), ["city", "amount", "paid"]);
    /// assert_eq!(df.dtype(2), DataType::Bool);
    /// ```
    pub fn from_rows<T: Serialize>(rows: &[T]) -> Result<DataFrame, DataError> {
        let mut builder = RecordsBuilder::default();
        for (index, row) in rows.iter().enumerate() {
            let at = || format!("row {}", index + 1);
            let bytes = serde_json::to_vec(row).map_err(|e| DataError::Parse {
                format: "rows",
                at: at(),
                message: e.to_string(),
            })?;
            let record = serde_json::from_slice::<Object>(&bytes).map_err(|e| DataError::Parse {
                format: "rows",
                at: at(),
                message: if e.is_data() && e.column() <= 1 {
                    "not a struct or a map: each row becomes one record".to_string()
                } else {
                    e.to_string().split(" at line ").next().unwrap_or_default().to_string()
                },
            })?;
            record_cells(record).and_then(|cells| builder.push(cells)).map_err(|(key, message)| DataError::Parse {
                format: "rows",
                at: format!("row {}, field `{key}`", index + 1),
                message,
            })?;
        }
        builder.finish()
    }
}

/// `{"a": [..], "b": [..]}`: every value a list, all of one length.
fn read_columns(object: Object) -> Result<DataFrame, DataError> {
    let mut names = Vec::with_capacity(object.0.len());
    let mut arrays = Vec::with_capacity(object.0.len());
    let mut rows: Option<(String, usize)> = None;
    for (key, entry) in object.0 {
        let Entry::List(cells) = entry else {
            return Err(json_error(
                format!("column `{key}`"),
                "a single value among lists: an object of columns holds one list per column",
            ));
        };
        if let Some((first, length)) = &rows {
            if cells.len() != *length {
                return Err(json_error(
                    format!("column `{key}`"),
                    format!("{} values, but column `{first}` has {length}", cells.len()),
                ));
            }
        } else {
            rows = Some((key.clone(), cells.len()));
        }
        if names.contains(&key) {
            return Err(json_error(format!("column `{key}`"), "the key appears twice"));
        }
        let mut column = ColumnBuilder::default();
        for (index, cell) in cells.into_iter().enumerate() {
            column.push(cell).map_err(|message| json_error(format!("column `{key}`, value {}", index + 1), message))?;
        }
        names.push(key);
        arrays.push(column.finish());
    }
    DataFrame::from_arrays(names, arrays)
}
