//! `data_editor`: an editable table; returns the edited frame (feature `data`).
//!
//! The widget's value is its [`EditState`] (Streamlit's edited, added and deleted rows over
//! the input frame's row positions); the script gets the input frame with the state applied.

mod edits;

use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

pub use edits::{coerce, fits, input_text, parse_cell, Edit, EditError, EditState, NumRows, RowSource};

use super::{api, identity, register, show_error, CommonOptions, Spec, WidgetOptions};
use crate::app_test::{TestValue, WidgetRef};
use crate::data::{DataFrame, Value};
use crate::element::make;
use crate::element::{Element, LabelVisibility, WidgetCommon, WidgetProps, WidgetValue};
use crate::ui::{Command, Ui};

/// What the page shows for a data editor, boxed (every element is as large as the largest
/// kind, and an editor's fields are more than twice a slider's); it derefs to its
/// [`DataEditorFields`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DataEditorProps(pub Box<DataEditorFields>);

impl std::ops::Deref for DataEditorProps {
    type Target = DataEditorFields;
    fn deref(&self) -> &DataEditorFields {
        &self.0
    }
}

impl std::ops::DerefMut for DataEditorProps {
    fn deref_mut(&mut self) -> &mut DataEditorFields {
        &mut self.0
    }
}

/// A data editor's fields: the input frame, the edits on it, and what may change. (A
/// `column_config` field will join `disabled_columns` and `column_order`.)
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DataEditorFields {
    /// Id, key, form, help, whether the whole editor is disabled, ...
    pub common: WidgetCommon,
    /// The frame the script passed.
    pub data: DataFrame,
    /// The viewer's edits on it: the widget's value.
    pub edits: EditState,
    /// Whether rows can be added and deleted.
    pub num_rows: NumRows,
    /// Columns shown but not editable.
    pub disabled_columns: Vec<String>,
    /// The columns shown, in this order (`None`: all, in the frame's order).
    pub column_order: Option<Vec<String>>,
    /// Hides the row numbers.
    pub hide_index: bool,
    /// Width in pixels (`None`: as wide as the content, up to the container).
    pub width: Option<u32>,
    /// Height in pixels (`None`: as tall as the rows).
    pub height: Option<u32>,
    /// Stretches the editor to its container's width.
    pub use_container_width: bool,
}

impl DataEditorFields {
    /// The positions of the columns shown, in order.
    pub fn shown_columns(&self) -> Vec<usize> {
        match &self.column_order {
            Some(order) => order.iter().filter_map(|name| self.data.column_index(name).ok()).collect(),
            None => (0..self.data.num_columns()).collect(),
        }
    }

    /// Whether the viewer may edit `column`, and why not.
    pub fn check_editable(&self, column: &str) -> Result<(), EditError> {
        if self.common.disabled {
            return Err(EditError::Disabled);
        }
        if self.disabled_columns.iter().any(|c| c == column) {
            return Err(EditError::ReadOnly { column: column.to_string(), why: "it is disabled" });
        }
        if self.column_order.as_ref().is_some_and(|order| !order.iter().any(|c| c == column)) {
            return Err(EditError::ReadOnly { column: column.to_string(), why: "it is not shown (column_order)" });
        }
        Ok(())
    }

    /// `state` with `edit` made, if the editor allows it: what the page (and `AppTest`) does
    /// before sending a new state. A refused edit leaves `state` as it was.
    pub fn edit(&self, state: &EditState, edit: Edit) -> Result<EditState, EditError> {
        if self.common.disabled {
            return Err(EditError::Disabled);
        }
        match &edit {
            Edit::Cell { column, .. } => self.check_editable(column)?,
            Edit::AddRow(cells) => {
                if self.num_rows == NumRows::Fixed {
                    return Err(EditError::FixedRows);
                }
                for (column, value) in cells {
                    if !value.is_null() {
                        self.check_editable(column)?;
                    }
                }
            }
            Edit::DeleteRows(_) if self.num_rows == NumRows::Fixed => return Err(EditError::FixedRows),
            Edit::DeleteRows(_) => {}
        }
        state.with(&self.data, edit)
    }

    /// The edited frame the script got.
    pub fn edited(&self) -> Result<DataFrame, EditError> {
        self.edits.apply(&self.data)
    }
}

impl WidgetProps for DataEditorProps {
    fn common(&self) -> &WidgetCommon {
        &self.common
    }
    fn value(&self) -> WidgetValue {
        WidgetValue::Edits(self.edits.clone())
    }
    fn set_value(&mut self, value: &WidgetValue) {
        if let WidgetValue::Edits(edits) = value {
            self.edits = edits.clone();
        }
    }
    fn test_value(&self, value: TestValue) -> Result<WidgetValue, String> {
        Err(format!("a data_editor cannot take {value:?}: use edit_cell, add_row, delete_rows or set_edits"))
    }
}

/// An editable table; returns the frame with the viewer's edits applied.
///
/// The viewer edits cells (each column takes values of its type; an empty cell is a null),
/// and with [`NumRows::Dynamic`] adds rows at the end and deletes rows. The edits are the
/// widget's value, an [`EditState`]: they survive reruns, fire `on_change`, and with a key
/// are read as `ui.session_state().get::<EditState>(key)`. As in Streamlit they cannot be
/// set through session state (an error is drawn in place of the editor).
///
/// **Identity.** Without a key the editor is identified by its data (names, types and
/// values) and options: other data make a new editor, with no edits. With a key the key
/// alone identifies it, and edits are kept by position while the script's data change, as
/// long as they still fit (every row and column they name exists, every value has its
/// column's type); edits that no longer fit are dropped all at once.
///
/// The page's editor is a table that draws only the rows in view, so it edits a frame of any
/// size; it is ten rows high unless `height` says otherwise.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let df = DataFrame::new(vec![
///         ("command", Column::from(vec!["st.selectbox", "st.balloons"])),
///         ("rating", Column::from(vec![4_i64, 5])),
///     ])?;
///     let edited = ui.add(DataEditor::new(df).num_rows(NumRows::Dynamic).key("ratings"));
///     ui.write(format!("{} rows, first rating {}", edited.num_rows(), edited.cell_text(0, 1)));
///     Ok::<_, Error>(())
/// });
/// at.run();
/// at.data_editor(0).edit_cell(0, "rating", 1).add_row([("command", "st.data_editor")]).run();
/// assert_eq!(at.markdown(0).text(), "3 rows, first rating 1");
/// let edits: EditState = at.session_state().get("ratings").unwrap();
/// assert_eq!(edits.added_rows.len(), 1);
/// ```
#[must_use = "a data editor is drawn by `ui.add(..)`"]
pub struct DataEditor {
    data: DataFrame,
    num_rows: NumRows,
    disabled_columns: Vec<String>,
    column_order: Option<Vec<String>>,
    hide_index: bool,
    width: Option<u32>,
    height: Option<u32>,
    use_container_width: bool,
    options: CommonOptions,
}

impl DataEditor {
    /// An editor of `data` with a fixed number of rows, every column editable.
    pub fn new(data: DataFrame) -> Self {
        let options = CommonOptions { label_visibility: LabelVisibility::Collapsed, ..CommonOptions::default() };
        DataEditor {
            data,
            num_rows: NumRows::Fixed,
            disabled_columns: Vec::new(),
            column_order: None,
            hide_index: false,
            width: None,
            height: None,
            use_container_width: false,
            options,
        }
    }

    /// Whether the viewer can add and delete rows (Streamlit's `num_rows="dynamic"`).
    pub fn num_rows(mut self, num_rows: NumRows) -> Self {
        self.num_rows = num_rows;
        self
    }

    /// Makes these columns read-only (Streamlit's `disabled=[...]`; `.disabled(true)` makes
    /// the whole editor read-only).
    pub fn disabled_columns<S: Into<String>>(mut self, columns: impl IntoIterator<Item = S>) -> Self {
        self.disabled_columns = columns.into_iter().map(Into::into).collect();
        self
    }

    /// Shows only these columns, in this order; the others are hidden (and returned as they
    /// are).
    pub fn column_order<S: Into<String>>(mut self, columns: impl IntoIterator<Item = S>) -> Self {
        self.column_order = Some(columns.into_iter().map(Into::into).collect());
        self
    }

    /// Hides the row numbers.
    pub fn hide_index(mut self, hide: bool) -> Self {
        self.hide_index = hide;
        self
    }

    /// The editor's width in pixels.
    pub fn width(mut self, pixels: u32) -> Self {
        self.width = Some(pixels);
        self
    }

    /// The editor's height in pixels (it scrolls inside).
    pub fn height(mut self, pixels: u32) -> Self {
        self.height = Some(pixels);
        self
    }

    /// Stretches the editor to its container's width.
    pub fn use_container_width(mut self, stretch: bool) -> Self {
        self.use_container_width = stretch;
        self
    }

    /// A column list naming a column the data lacks is an error, as Streamlit's.
    fn check_columns(&self) -> Result<(), String> {
        let lists = [("disabled", Some(&self.disabled_columns)), ("column_order", self.column_order.as_ref())];
        for (what, list) in lists {
            for name in list.into_iter().flatten() {
                if self.data.column_index(name).is_err() {
                    return Err(format!(
                        "`{what}` names the column `{name}`, which the data does not have (the columns are: {}).",
                        self.data.column_names().join(", ")
                    ));
                }
            }
        }
        Ok(())
    }
}

impl WidgetOptions for DataEditor {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.options
    }
}

impl Command for DataEditor {
    type Output = DataFrame;

    fn show(self, ui: &Ui) -> DataFrame {
        if let Err(message) = self.check_columns() {
            show_error(ui, api(message));
            return self.data;
        }
        let DataEditor {
            data,
            num_rows,
            disabled_columns,
            column_order,
            hide_index,
            width,
            height,
            use_container_width,
            options,
        } = self;
        let names: Vec<String> = data.column_names().into_iter().map(str::to_string).collect();
        let types: Vec<String> = (0..data.num_columns()).map(|i| data.dtype(i).name().to_string()).collect();
        let decode_data = data.clone();
        let spec = Spec {
            kind: "data_editor",
            identity: identity(
                "data_editor",
                options.key.as_deref(),
                |id| {
                    id.text("data", &format!("{:016x}", edits::digest(&data)))
                        .texts("columns", &names)
                        .texts("types", &types)
                        .flag("dynamic", num_rows == NumRows::Dynamic)
                        .texts("disabled", &disabled_columns)
                        .texts("column_order", column_order.as_deref().unwrap_or_default())
                        .flag("has_column_order", column_order.is_some())
                        .flag("hide_index", hide_index)
                        .number("width", width.map_or(-1.0, f64::from))
                        .number("height", height.map_or(-1.0, f64::from))
                        .flag("use_container_width", use_container_width)
                        .opt_text("help", options.help.as_deref())
                },
                // With a key, edits are kept by position while they fit the data.
                |id| id,
            ),
            default: WidgetValue::Edits(EditState::default()),
            decode: Rc::new(move |wire| match wire {
                WidgetValue::Edits(state) if state.check(&decode_data, num_rows).is_ok() => Some(state.clone()),
                _ => None,
            }),
            encode: Box::new(|_| Err("a data editor's edits cannot be set".into())),
            explicit_default: false,
        };
        let registered = match register(ui, "", &options, spec) {
            Ok(registered) => registered,
            Err(error) => {
                show_error(ui, error);
                return data;
            }
        };
        let edits = registered.value;
        let edited = match edits.apply(&data) {
            Ok(edited) => edited,
            Err(error) => {
                show_error(ui, api(format!("The data editor's edits could not be applied: {error}")));
                return data;
            }
        };
        ui.push_element(make::data_editor(DataEditorProps(Box::new(DataEditorFields {
            common: registered.common,
            data,
            edits,
            num_rows,
            disabled_columns,
            column_order,
            hide_index,
            width,
            height,
            use_container_width,
        }))));
        edited
    }
}

impl Ui {
    /// An editable table of `data` (a fixed number of rows); returns the edited frame.
    pub fn data_editor(&self, data: &DataFrame) -> DataFrame {
        self.add(DataEditor::new(data.clone()))
    }
}

/// A value `AppTest`'s editing helpers put in a cell: a [`Value`], or a plain Rust value
/// (`i64`, `i32`, `f64`, `bool`, `&str`, `String`, `NaiveDate`, `NaiveDateTime`, or an
/// `Option` of one, `None` being a null).
pub trait CellValue {
    /// The value as a cell holds it.
    fn into_value(self) -> Value;
}

impl CellValue for Value {
    fn into_value(self) -> Value {
        self
    }
}

macro_rules! cell_value {
    ($($t:ty => $variant:ident($convert:expr)),* $(,)?) => {$(
        impl CellValue for $t {
            fn into_value(self) -> Value {
                Value::$variant(($convert)(self))
            }
        }
    )*};
}

cell_value!(
    i64 => Int(|v| v),
    i32 => Int(i64::from),
    f64 => Float(|v| v),
    bool => Bool(|v| v),
    &str => Text(|v: &str| v.to_string()),
    String => Text(|v| v),
    NaiveDate => Date(|v| v),
    NaiveDateTime => Datetime(|v| v),
);

impl<T: CellValue> CellValue for Option<T> {
    fn into_value(self) -> Value {
        self.map_or(Value::Null, CellValue::into_value)
    }
}

/// Editing a data editor in a test: each helper makes the change the page would make (from
/// the edits set since the last run, if any), checked by the same rules, and sends the new
/// edit state as the page does.
impl WidgetRef<'_> {
    fn editor(&self) -> (DataEditorFields, EditState) {
        let Element::DataEditor(props) = self.element() else {
            panic!("only a data_editor can be edited, not a {}", self.element().kind())
        };
        let WidgetValue::Edits(state) = self.next_wire() else { panic!("a data_editor holds edits") };
        (DataEditorFields::clone(props), state)
    }

    /// Makes `edit` as the viewer would, or says why the page would refuse it (nothing is
    /// sent then).
    pub fn try_edit(self, edit: Edit) -> Result<Self, EditError> {
        let (props, state) = self.editor();
        let next = props.edit(&state, edit)?;
        Ok(self.send(WidgetValue::Edits(next)))
    }

    fn edit_or_panic(self, edit: Edit) -> Self {
        let (props, state) = self.editor();
        match props.edit(&state, edit) {
            Ok(next) => self.send(WidgetValue::Edits(next)),
            Err(error) => panic!("the page would refuse this edit: {error}"),
        }
    }

    /// Sets the cell at shown row `row` in `column` (panics with the page's message if the
    /// editor refuses it; see [`try_edit`](Self::try_edit)).
    pub fn edit_cell(self, row: usize, column: &str, value: impl CellValue) -> Self {
        self.edit_or_panic(Edit::Cell { row, column: column.to_string(), value: value.into_value() })
    }

    /// Adds a row with these cells (other columns null).
    pub fn add_row<S: Into<String>, V: CellValue>(self, cells: impl IntoIterator<Item = (S, V)>) -> Self {
        let cells: BTreeMap<String, Value> = cells.into_iter().map(|(c, v)| (c.into(), v.into_value())).collect();
        self.edit_or_panic(Edit::AddRow(cells))
    }

    /// Deletes the rows at these shown positions.
    pub fn delete_rows(self, rows: impl IntoIterator<Item = usize>) -> Self {
        self.edit_or_panic(Edit::DeleteRows(rows.into_iter().collect()))
    }

    /// Sends `state` as the widget's value unchecked, as a misbehaving page could: the
    /// engine refuses a state that does not fit the data, and the edits stay.
    pub fn set_edits(self, state: EditState) -> Self {
        self.send(WidgetValue::Edits(state))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Column;
    use crate::prelude::*;

    fn people() -> DataFrame {
        DataFrame::new(vec![
            ("name", Column::from(vec!["Ada", "Linus", "Grace"])),
            ("age", Column::from(vec![36_i64, 28, 45])),
        ])
        .unwrap()
    }

    fn summary(df: &DataFrame) -> String {
        (0..df.num_rows())
            .map(|r| (0..df.num_columns()).map(|c| df.cell_text(r, c)).collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join(", ")
    }

    #[test]
    fn edits_come_back_and_survive_reruns() {
        let mut at = AppTest::new(|ui: &Ui| {
            let edited = ui.data_editor(&people());
            ui.write(summary(&edited));
            ui.button("rerun");
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "Ada 36, Linus 28, Grace 45");
        at.data_editor(0).edit_cell(1, "age", 29).edit_cell(2, "name", "Hopper").run();
        assert_eq!(at.markdown(0).text(), "Ada 36, Linus 29, Hopper 45");
        at.button(0).click().run();
        assert_eq!(at.markdown(0).text(), "Ada 36, Linus 29, Hopper 45");
        let edits: EditState = at.data_editor(0).value();
        assert_eq!(edits.edited_rows[&1]["age"], Value::Int(29));
    }

    #[test]
    fn a_fixed_editor_refuses_adds_and_deletes() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.data_editor(&people());
        });
        at.run();
        let error = at.data_editor(0).try_edit(Edit::AddRow(BTreeMap::new())).err();
        assert_eq!(error, Some(EditError::FixedRows));
        let error = at.data_editor(0).try_edit(Edit::DeleteRows(vec![0])).err();
        assert_eq!(error, Some(EditError::FixedRows));
        // A page that sends them anyway is refused by the engine.
        let sneaky = EditState { deleted_rows: vec![0], ..EditState::default() };
        at.data_editor(0).set_edits(sneaky).run();
        assert_eq!(at.data_editor(0).value::<EditState>(), EditState::default());
    }

    #[test]
    fn disabled_columns_and_a_disabled_editor_are_read_only() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.add(DataEditor::new(people()).disabled_columns(["name"]).num_rows(NumRows::Dynamic));
            ui.add(DataEditor::new(people()).disabled(true).key("off"));
        });
        at.run();
        let error = at.data_editor(0).try_edit(Edit::Cell { row: 0, column: "name".into(), value: "X".into_value() });
        assert_eq!(
            error.err().map(|e| e.to_string()).as_deref(),
            Some("column `name` cannot be edited: it is disabled")
        );
        let row = [("name".to_string(), Value::Text("X".into()))].into();
        assert!(at.data_editor(0).try_edit(Edit::AddRow(row)).is_err());
        at.data_editor(0).add_row([("age", 3)]).run();
        assert_eq!(at.data_editor(0).value::<EditState>().added_rows.len(), 1);
        let error = at.data_editor(key("off")).try_edit(Edit::DeleteRows(vec![0])).err();
        assert_eq!(error, Some(EditError::Disabled));
    }

    #[test]
    fn a_column_list_naming_a_missing_column_is_an_error_element() {
        let mut at = AppTest::new(|ui: &Ui| {
            let edited = ui.add(DataEditor::new(people()).column_order(["name", "salary"]));
            ui.write(edited.num_rows().to_string());
        });
        at.run();
        assert_eq!(
            at.exception(0).text(),
            "StreamlitAPIException: `column_order` names the column `salary`, which the data does not have \
             (the columns are: name, age)."
        );
        assert_eq!(at.markdown(0).text(), "3");
        assert!(at.get("data_editor").is_empty());
    }

    #[test]
    fn hidden_columns_are_not_editable_but_returned() {
        let mut at = AppTest::new(|ui: &Ui| {
            let edited = ui.add(DataEditor::new(people()).column_order(["age"]));
            ui.write(edited.column_names().join(","));
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "name,age");
        let Element::DataEditor(props) = at.data_editor(0).element().clone() else { panic!() };
        assert_eq!(props.shown_columns(), vec![1]);
        let error = props.edit(&props.edits, Edit::Cell { row: 0, column: "name".into(), value: Value::Null });
        assert!(matches!(error, Err(EditError::ReadOnly { .. })));
    }
}
