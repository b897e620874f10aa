//! `dataframe`: an interactive grid of a [`DataFrame`] (sort, resize, search, download,
//! copy), virtualized so a million rows open at once, and a widget when rows or columns can
//! be selected.
//!
//! **Registry.** `dataframe` is listed as a *widget* kind whose value is the selection. A
//! frame drawn without a selection mode is not registered: it has no identity (its id is
//! one placeholder shared by all such frames, so two equal frames are no
//! `DuplicateWidgetID`), keeps nothing in session state, and its value is always the empty
//! selection. With a selection mode ([`DataFrameView::selection_mode`], Streamlit's
//! `on_select="rerun"`) it is registered like any widget: its identity is its key, or its
//! columns, row count and selection modes; the selection survives reruns and is readable by
//! key in session state; `.on_change(..)` is Streamlit's callable `on_select`.
//!
//! **Wire value.** [`WidgetValue::Selection`]: row positions in the frame (not in the sorted
//! view) and column positions; the script gets a [`DataFrameSelection`] with rows and column
//! *names*, as Streamlit's `{"selection": {"rows": [...], "columns": [...]}}`.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::column_config::{default_width, ColumnConfig};
use super::style::{Axis, CellStyles, StyleRule, DEFAULT_HIGHLIGHT};
use crate::app_test::TestValue;
use crate::data::{DataFrame, Value};
use crate::element::make;
use crate::element::{WidgetCommon, WidgetProps, WidgetValue};
use crate::identity::Identity;
use crate::ui::{Command, Ui};
use crate::widgets::{api, identity, register, show_error, CommonOptions, Spec, WidgetOptions};

/// What the page shows for a dataframe: its id, the grid (boxed, so an `Element` stays
/// small; its fields read through `Deref`) and the current selection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DataFrameProps {
    /// Id and key (the label is empty): see the module docs for frames without selection.
    pub common: WidgetCommon,
    pub grid: Box<GridSpec>,
    /// The current selection (row and column positions in the frame).
    pub selection: WireSelection,
}

impl std::ops::Deref for DataFrameProps {
    type Target = GridSpec;
    fn deref(&self) -> &GridSpec {
        &self.grid
    }
}

/// The grid of a dataframe: the frame and how to show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GridSpec {
    /// The frame itself (shared with the script's, not copied).
    pub data: DataFrame,
    /// The columns shown, in order, with their config and width.
    pub columns: Vec<GridColumn>,
    /// The grid's height in pixels (the header and up to ten rows when `None`).
    pub height: Option<u32>,
    /// The grid's width in pixels (the container's width when `None`).
    pub width: Option<u32>,
    pub hide_index: bool,
    /// How rows and columns can be selected; empty: no selection.
    pub selection_mode: Vec<SelectionMode>,
    /// Painted cells (`highlight_max`, `map_background`).
    #[serde(default)]
    pub styles: CellStyles,
}

/// One shown column: where it is in the frame, its name, config and width in pixels.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GridColumn {
    pub index: usize,
    pub name: String,
    pub config: ColumnConfig,
    pub width: f64,
}

impl GridColumn {
    /// The header text: the config's label, else the name.
    pub fn label(&self) -> &str {
        self.config.label.as_deref().unwrap_or(&self.name)
    }
}

/// The selection as positions, as the page sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireSelection {
    pub rows: Vec<usize>,
    pub columns: Vec<usize>,
}

/// How rows and columns of a dataframe can be selected, as Streamlit's `selection_mode`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SelectionMode {
    SingleRow,
    MultiRow,
    SingleColumn,
    MultiColumn,
}

impl SelectionMode {
    /// Streamlit's name for it.
    pub fn name(self) -> &'static str {
        match self {
            SelectionMode::SingleRow => "single-row",
            SelectionMode::MultiRow => "multi-row",
            SelectionMode::SingleColumn => "single-column",
            SelectionMode::MultiColumn => "multi-column",
        }
    }
}

/// What a dataframe with a selection mode returns: the selected rows (positions in the frame
/// as given, whatever the sort) and column names.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataFrameSelection {
    pub rows: Vec<usize>,
    pub columns: Vec<String>,
}

impl DataFrameSelection {
    /// Whether nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty() && self.columns.is_empty()
    }
}

/// `AppTest` sets a selection as the page would: `at.dataframe(0).set_value(selection)`.
impl From<DataFrameSelection> for TestValue {
    fn from(selection: DataFrameSelection) -> TestValue {
        let rows = selection.rows.iter().map(|r| format!("row:{r}"));
        let columns = selection.columns.iter().map(|c| format!("column:{c}"));
        TestValue::Texts(rows.chain(columns).collect())
    }
}

/// The row and column selection modes a set of modes allows: `(rows, columns)`, each
/// `None` (not selectable), `Some(false)` (one) or `Some(true)` (many).
pub fn selection_kinds(modes: &[SelectionMode]) -> (Option<bool>, Option<bool>) {
    let pick = |single: SelectionMode, multi: SelectionMode| {
        if modes.contains(&multi) {
            Some(true)
        } else if modes.contains(&single) {
            Some(false)
        } else {
            None
        }
    };
    (
        pick(SelectionMode::SingleRow, SelectionMode::MultiRow),
        pick(SelectionMode::SingleColumn, SelectionMode::MultiColumn),
    )
}

/// The selection after a click on the row at `row` (frame position): in single mode it
/// replaces the selection (or clears it, when it was the one selected); in multi mode it
/// toggles the row.
pub fn toggle(selected: &[usize], item: usize, multi: bool) -> Vec<usize> {
    if selected.contains(&item) {
        selected.iter().copied().filter(|s| *s != item).collect()
    } else if multi {
        let mut next = selected.to_vec();
        next.push(item);
        next
    } else {
        vec![item]
    }
}

impl WidgetProps for DataFrameProps {
    fn common(&self) -> &WidgetCommon {
        &self.common
    }
    fn value(&self) -> WidgetValue {
        WidgetValue::Selection { rows: self.selection.rows.clone(), columns: self.selection.columns.clone() }
    }
    fn set_value(&mut self, value: &WidgetValue) {
        if let WidgetValue::Selection { rows, columns } = value {
            self.selection = WireSelection { rows: rows.clone(), columns: columns.clone() };
        }
    }
    fn test_value(&self, value: TestValue) -> Result<WidgetValue, String> {
        if self.selection_mode.is_empty() {
            return Err("this dataframe has no selection mode, so nothing can be selected".into());
        }
        match value {
            TestValue::Empty => Ok(WidgetValue::Selection { rows: Vec::new(), columns: Vec::new() }),
            TestValue::Number(row) if row >= 0.0 => {
                Ok(WidgetValue::Selection { rows: vec![row as usize], columns: Vec::new() })
            }
            TestValue::Texts(items) => {
                let (mut rows, mut columns) = (Vec::new(), Vec::new());
                for item in items {
                    if let Some(row) = item.strip_prefix("row:") {
                        rows.push(row.parse().map_err(|_| format!("\"{item}\": `row:` takes a number"))?);
                    } else if let Some(name) = item.strip_prefix("column:") {
                        let index = self.data.column_index(name).map_err(|e| e.to_string())?;
                        columns.push(index);
                    } else {
                        return Err(format!("\"{item}\" is neither `row:N` nor `column:NAME`"));
                    }
                }
                Ok(WidgetValue::Selection { rows, columns })
            }
            other => Err(format!("a dataframe cannot take {other:?}")),
        }
    }
}

impl Ui {
    /// An interactive grid of `df` with Streamlit's defaults; options (height, column
    /// config, selection) through [`DataFrameView`]. Returns the element's slot.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let df = DataFrame::new(vec![("x", Column::from(vec![1_i64, 2, 3]))]).unwrap();
    /// let mut at = AppTest::new(move |ui: &Ui| {
    ///     ui.dataframe(&df);
    /// });
    /// at.run();
    /// assert_eq!(at.dataframe(0).element().kind(), "dataframe");
    /// ```
    pub fn dataframe(&self, df: &DataFrame) -> Ui {
        DataFrameView::new(df.clone()).draw(self).0
    }
}

/// A dataframe with options, as `st.dataframe`.
///
/// ```
/// use wasmlit::prelude::*;
/// let df = DataFrame::new(vec![
///     ("item", Column::from(vec!["tea", "cake"])),
///     ("price", Column::from(vec![2.5, 4.0])),
/// ])
/// .unwrap();
/// let mut at = AppTest::new(move |ui: &Ui| {
///     let picked = ui.add(
///         DataFrameView::new(df.clone())
///             .hide_index(true)
///             .column_config("price", ColumnConfig::number().format("$%.2f").unwrap())
///             .selection_mode(SelectionMode::SingleRow)
///             .key("menu"),
///     );
///     ui.write(format!("rows {:?}", picked.rows));
/// });
/// at.run();
/// at.dataframe(0).set_value(1).run();
/// assert_eq!(at.markdown(0).text(), "rows [1]");
/// ```
#[must_use = "a dataframe is drawn by `ui.add(..)`"]
pub struct DataFrameView {
    data: DataFrame,
    height: Option<u32>,
    width: Option<u32>,
    hide_index: bool,
    column_order: Option<Vec<String>>,
    column_config: Vec<(String, ColumnConfig)>,
    selection_mode: Vec<SelectionMode>,
    styles: Vec<StyleRule>,
    highlight_color: String,
    options: CommonOptions,
}

impl DataFrameView {
    pub fn new(data: DataFrame) -> Self {
        DataFrameView {
            data,
            height: None,
            width: None,
            hide_index: false,
            column_order: None,
            column_config: Vec::new(),
            selection_mode: Vec::new(),
            styles: Vec::new(),
            highlight_color: DEFAULT_HIGHLIGHT.to_string(),
            options: CommonOptions::default(),
        }
    }

    /// The grid's height in pixels; it scrolls inside it.
    pub fn height(mut self, height: u32) -> Self {
        self.height = Some(height);
        self
    }

    /// The grid's width in pixels (the container's width by default).
    pub fn width(mut self, width: u32) -> Self {
        self.width = Some(width);
        self
    }

    /// Hides the row numbers on the left.
    pub fn hide_index(mut self, hide: bool) -> Self {
        self.hide_index = hide;
        self
    }

    /// Shows only these columns, in this order.
    pub fn column_order<S: Into<String>>(mut self, columns: impl IntoIterator<Item = S>) -> Self {
        self.column_order = Some(columns.into_iter().map(Into::into).collect());
        self
    }

    /// How to show the column named `column` (a later call for the same column wins).
    pub fn column_config(mut self, column: impl Into<String>, config: ColumnConfig) -> Self {
        self.column_config.push((column.into(), config));
        self
    }

    /// Lets the user select rows or columns, as `on_select="rerun"` with this
    /// `selection_mode`; the call then returns the selection. Several modes combine
    /// (`MultiRow` and `MultiColumn`).
    pub fn selection_mode(mut self, mode: SelectionMode) -> Self {
        if !self.selection_mode.contains(&mode) {
            self.selection_mode.push(mode);
        }
        self
    }

    /// Paints the largest value of each column (`Axis::Columns`), of each row or of the whole
    /// frame, as pandas' `df.style.highlight_max(axis=..)`: ties all, nulls and NaN never; rows
    /// and the frame compare numeric columns only. Yellow unless [`Self::highlight_color`].
    pub fn highlight_max(mut self, axis: Axis) -> Self {
        self.styles.push(StyleRule::Extreme { max: true, axis });
        self
    }

    /// Paints the smallest value along `axis`, as [`Self::highlight_max`] paints the largest.
    pub fn highlight_min(mut self, axis: Axis) -> Self {
        self.styles.push(StyleRule::Extreme { max: false, axis });
        self
    }

    /// The CSS colour of this view's highlights (pandas' `color=`), `"yellow"` by default.
    /// A colour that is not one shows an error in place of the grid.
    pub fn highlight_color(mut self, color: impl Into<String>) -> Self {
        self.highlight_color = color.into();
        self
    }

    /// Paints the cells of `column` whose value `paint` gives a CSS colour for, as pandas'
    /// `Styler.map(func, subset=[column])` with `background-color`. Later rules win.
    ///
    /// ```
    /// use wasmlit::data::Value;
    /// use wasmlit::prelude::*;
    /// let df = DataFrame::new(vec![("change", Column::from(vec![1.5, -2.0]))]).unwrap();
    /// let negative_red = |v: &Value| matches!(v, Value::Float(x) if *x < 0.0).then(|| "#ffcdd2".to_string());
    /// let mut at = AppTest::new(move |ui: &Ui| {
    ///     ui.add(DataFrameView::new(df.clone()).map_background("change", negative_red));
    /// });
    /// at.run();
    /// let grid = at.dataframe(0);
    /// let Element::Dataframe(props) = grid.element() else { unreachable!() };
    /// assert!(props.styles.get(1, 0).is_some() && props.styles.get(0, 0).is_none());
    /// ```
    pub fn map_background(
        mut self,
        column: impl Into<String>,
        paint: impl Fn(&Value) -> Option<String> + 'static,
    ) -> Self {
        self.styles.push(StyleRule::Map { column: column.into(), paint: Box::new(paint) });
        self
    }

    /// The painted cells of every style rule, or the first rule's error.
    fn resolve_styles(&self) -> Result<CellStyles, String> {
        let mut cells = Vec::new();
        for rule in &self.styles {
            cells.extend(rule.cells(&self.data, &self.highlight_color)?);
        }
        Ok(CellStyles::new(cells))
    }

    /// The shown columns, from `column_order` and the configs, or which name is unknown.
    fn resolve_columns(&self) -> Result<Vec<GridColumn>, String> {
        let names = self.data.column_names();
        let unknown = |name: &str, what: &str| {
            format!("{what} names the column \"{name}\", but the frame's columns are: {}", names.join(", "))
        };
        for (name, _) in &self.column_config {
            if !names.contains(&name.as_str()) {
                return Err(unknown(name, "column_config"));
            }
        }
        let order: Vec<usize> = match &self.column_order {
            Some(order) => order
                .iter()
                .map(|name| names.iter().position(|n| n == name).ok_or_else(|| unknown(name, "column_order")))
                .collect::<Result<_, _>>()?,
            None => (0..names.len()).collect(),
        };
        Ok(order
            .into_iter()
            .filter_map(|index| {
                let name = names[index].to_string();
                let config = self
                    .column_config
                    .iter()
                    .rev()
                    .find(|(n, _)| *n == name)
                    .map(|(_, c)| c.clone())
                    .unwrap_or_default();
                if config.hidden {
                    return None;
                }
                let width = match config.width {
                    Some(width) => width.px(),
                    None => default_width(&self.data, index, config.label.as_deref().unwrap_or(&name), &config),
                };
                Some(GridColumn { index, name, config, width })
            })
            .collect())
    }

    /// Draws the frame; returns its slot and the selection.
    fn draw(self, ui: &Ui) -> (Ui, DataFrameSelection) {
        #[cfg(target_arch = "wasm32")]
        crate::web::install_dataframe_renderer();
        let resolved = self.resolve_columns().and_then(|columns| Ok((columns, self.resolve_styles()?)));
        let (columns, styles) = match resolved {
            Ok(resolved) => resolved,
            Err(message) => {
                show_error(ui, api(message));
                return (ui.clone(), DataFrameSelection::default());
            }
        };
        let DataFrameView { data, height, width, hide_index, column_order, selection_mode, options, .. } = self;
        let props = |common: WidgetCommon, selection: WireSelection| DataFrameProps {
            common,
            grid: Box::new(GridSpec {
                data: data.clone(),
                columns: columns.clone(),
                height,
                width,
                hide_index,
                selection_mode: selection_mode.clone(),
                styles: styles.clone(),
            }),
            selection,
        };
        if selection_mode.is_empty() {
            let id = Identity::new("dataframe").text("display", "").finish();
            let slot = ui.push_element(make::dataframe(props(options.common(id, ""), WireSelection::default())));
            return (slot, DataFrameSelection::default());
        }
        let names: Vec<String> = data.column_names().iter().map(|n| n.to_string()).collect();
        let modes: Vec<String> = selection_mode.iter().map(|m| m.name().to_string()).collect();
        let (row_kind, column_kind) = selection_kinds(&selection_mode);
        let rows = data.num_rows();
        let decode_names = names.clone();
        let spec = Spec {
            kind: "dataframe",
            identity: identity(
                "dataframe",
                options.key.as_deref(),
                |id| {
                    id.texts("columns", &names)
                        .number("rows", rows as f64)
                        .texts("selection_mode", &modes)
                        .texts("column_order", column_order.as_deref().unwrap_or_default())
                },
                |id| id.texts("selection_mode", &modes),
            ),
            default: WidgetValue::Selection { rows: Vec::new(), columns: Vec::new() },
            decode: Rc::new(move |wire| {
                let WidgetValue::Selection { rows: r, columns: c } = wire else { return None };
                let fits = |items: &[usize], kind: Option<bool>, len: usize| {
                    items.iter().all(|i| *i < len)
                        && match kind {
                            None => items.is_empty(),
                            Some(multi) => multi || items.len() <= 1,
                        }
                };
                if !fits(r, row_kind, rows) || !fits(c, column_kind, decode_names.len()) {
                    return None;
                }
                Some(DataFrameSelection {
                    rows: r.clone(),
                    columns: c.iter().map(|i| decode_names[*i].clone()).collect(),
                })
            }),
            encode: Box::new(|_: &DataFrameSelection| {
                Err("a dataframe's selection cannot be set through session state".into())
            }),
            explicit_default: false,
        };
        match register(ui, "", &options, spec) {
            Ok(registered) => {
                let selection = match &registered.wire {
                    WidgetValue::Selection { rows, columns } => {
                        WireSelection { rows: rows.clone(), columns: columns.clone() }
                    }
                    _ => WireSelection::default(),
                };
                let slot = ui.push_element(make::dataframe(props(registered.common.clone(), selection)));
                (slot, registered.value)
            }
            Err(error) => {
                show_error(ui, error);
                (ui.clone(), DataFrameSelection::default())
            }
        }
    }
}

impl WidgetOptions for DataFrameView {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.options
    }
}

impl Command for DataFrameView {
    type Output = DataFrameSelection;

    fn show(self, ui: &Ui) -> DataFrameSelection {
        self.draw(ui).1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Column;
    use crate::prelude::*;

    fn frame() -> DataFrame {
        DataFrame::new(vec![
            ("name", Column::from(vec!["Ada", "Linus", "Grace"])),
            ("score", Column::from(vec![Some(85.8), None, Some(66.3)])),
            ("active", Column::from(vec![true, false, true])),
        ])
        .unwrap()
    }

    fn props(at: &AppTest, index: usize) -> DataFrameProps {
        let Element::Dataframe(props) = at.get("dataframe")[index].clone() else { panic!("not a dataframe") };
        props
    }

    #[test]
    fn a_plain_frame_is_not_registered_and_two_equal_ones_are_fine() {
        let df = frame();
        let mut at = AppTest::new(move |ui: &Ui| {
            ui.dataframe(&df);
            ui.dataframe(&df);
        });
        at.run();
        assert_eq!(at.get("dataframe").len(), 2);
        assert!(at.get("exception").is_empty(), "no DuplicateWidgetID for frames without selection");
        let p = props(&at, 0);
        assert_eq!(p.columns.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["name", "score", "active"]);
        assert!(p.selection_mode.is_empty());
        assert!(p.test_value(TestValue::Number(0.0)).is_err(), "nothing can be selected");
    }

    #[test]
    fn column_order_config_and_hidden_columns() {
        let df = frame();
        let mut at = AppTest::new(move |ui: &Ui| {
            ui.add(
                DataFrameView::new(df.clone())
                    .column_order(["score", "name", "active"])
                    .column_config("score", ColumnConfig::number().label("Score").width(ColumnWidth::Px(120)))
                    .column_config("active", ColumnConfig::checkbox().hidden(true))
                    .height(300)
                    .hide_index(true),
            );
        });
        at.run();
        let p = props(&at, 0);
        assert_eq!(p.columns.iter().map(|c| (c.index, c.label())).collect::<Vec<_>>(), [(1, "Score"), (0, "name")]);
        assert_eq!(p.columns[0].width, 120.0);
        assert!(p.columns[1].width >= 60.0);
        assert_eq!((p.height, p.hide_index), (Some(300), true));
    }

    #[test]
    fn an_unknown_column_is_an_error_element_naming_it() {
        let df = frame();
        let mut at = AppTest::new(move |ui: &Ui| {
            ui.add(DataFrameView::new(df.clone()).column_order(["name", "nope"]));
            ui.add(DataFrameView::new(df.clone()).column_config("Score", ColumnConfig::number()));
            ui.write("after");
        });
        at.run();
        assert!(at.get("dataframe").is_empty());
        assert!(
            at.exception(0).text().contains("column_order names the column \"nope\""),
            "{}",
            at.exception(0).text()
        );
        assert!(at.exception(1).text().contains("column_config names the column \"Score\""));
        assert!(at.exception(1).text().contains("name, score, active"));
        assert_eq!(at.markdown(0).text(), "after");
    }

    #[test]
    fn a_row_selection_comes_back_survives_reruns_and_is_in_session_state() {
        let df = frame();
        let mut at = AppTest::new(move |ui: &Ui| {
            let picked = ui.add(DataFrameView::new(df.clone()).selection_mode(SelectionMode::MultiRow).key("people"));
            ui.write(format!("rows {:?}", picked.rows));
            let stored = ui.session_state().get::<DataFrameSelection>("people").ok();
            ui.write(format!("state {:?}", stored.map(|s| s.rows)));
            ui.button("again");
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "rows []");
        at.dataframe(0).set_value(DataFrameSelection { rows: vec![2, 0], columns: vec![] }).run();
        assert_eq!(at.markdown(0).text(), "rows [2, 0]");
        assert_eq!(at.markdown(1).text(), "state Some([2, 0])");
        at.button(0).click().run();
        assert_eq!(at.markdown(0).text(), "rows [2, 0]", "the selection survives a rerun");
        assert_eq!(props(&at, 0).selection, WireSelection { rows: vec![2, 0], columns: vec![] });
        at.dataframe(0).set_value(TestValue::Empty).run();
        assert_eq!(at.markdown(0).text(), "rows []");
    }

    #[test]
    fn selections_that_do_not_fit_the_mode_or_frame_are_refused() {
        let df = frame();
        let mut at = AppTest::new(move |ui: &Ui| {
            let picked = ui.add(
                DataFrameView::new(df.clone())
                    .selection_mode(SelectionMode::SingleRow)
                    .selection_mode(SelectionMode::MultiColumn),
            );
            ui.write(format!("{:?} {:?}", picked.rows, picked.columns));
        });
        at.run();
        at.dataframe(0)
            .set_value(DataFrameSelection { rows: vec![1], columns: vec!["score".into(), "name".into()] })
            .run();
        assert_eq!(at.markdown(0).text(), "[1] [\"score\", \"name\"]");
        at.dataframe(0).set_value(DataFrameSelection { rows: vec![0, 1], columns: vec![] }).run();
        assert_eq!(at.markdown(0).text(), "[1] [\"score\", \"name\"]", "two rows in single-row mode: refused");
        at.dataframe(0).set_value(7).run();
        assert_eq!(at.markdown(0).text(), "[1] [\"score\", \"name\"]", "row 7 of 3: refused");
    }

    #[test]
    fn a_callback_runs_on_select() {
        let df = frame();
        let mut at = AppTest::new(move |ui: &Ui| {
            ui.add(
                DataFrameView::new(df.clone())
                    .selection_mode(SelectionMode::SingleColumn)
                    .key("t")
                    .on_change(|ui: &Ui| ui.session_state().set("changed", true)),
            );
            let changed = ui.session_state().get::<bool>("changed").ok();
            ui.write(format!("{changed:?}"));
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "None");
        at.dataframe(0).set_value(DataFrameSelection { rows: vec![], columns: vec!["active".into()] }).run();
        assert_eq!(at.markdown(0).text(), "Some(true)");
    }

    #[test]
    fn selection_helpers() {
        assert_eq!(toggle(&[1, 2], 2, true), vec![1]);
        assert_eq!(toggle(&[1], 3, true), vec![1, 3]);
        assert_eq!(toggle(&[1], 3, false), vec![3]);
        assert_eq!(toggle(&[3], 3, false), Vec::<usize>::new());
        assert_eq!(selection_kinds(&[SelectionMode::SingleRow, SelectionMode::MultiRow]), (Some(true), None));
        assert_eq!(selection_kinds(&[SelectionMode::SingleColumn]), (None, Some(false)));
    }
}
