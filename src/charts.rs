//! Charts (feature `charts`): what the built-in charts and `vega_lite_chart` share.
//!
//! The four built-in charts (`line_chart`, `area_chart`, `bar_chart`, `scatter_chart`, one
//! file each under `elements/charts/`) compile Streamlit's data rules to a Vega-Lite spec
//! ([`spec`]); `vega_lite_chart` takes any spec. Either way the element holds the spec and the
//! frame itself (an `Arc`'d Arrow batch, never copied) in [`ChartProps`]; the page loads
//! Vega lazily and draws it with vega-embed, in Streamlit's look ([`palette`]) and the app's
//! light or dark theme.
//!
//! **Large data.** A frame above [`reduce::THRESHOLD`] rows is reduced in Rust for the
//! chart's pixel width before it reaches Vega, and re-reduced from the full frame when the
//! viewer zooms: min/max per pixel column for lines and areas (a zoom reads a min/max pyramid
//! built once, in time proportional to the width, not the rows), one point per occupied pixel
//! for scatters. [`reduce`] says exactly what is kept and why the picture is unchanged.
//!
//! **Rows.** The rows Vega gets are one JSON string ([`rows`]), parsed once by the page.
//! A [`ChartHandle`]'s `add_rows` appends rows to a drawn chart; the page inserts them into
//! the existing Vega view instead of drawing it again.

pub mod palette;
pub mod reduce;
pub mod rows;
pub mod spec;

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::data::{DataFrame, DataType};
use crate::element::make;
use crate::element::{DisplayProps, Element, Node};
use crate::ui::{Command, Ui};
use crate::widgets::{api, show_error};

/// Which built-in chart: its Vega-Lite mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChartKind {
    Line,
    Area,
    Bar,
    Scatter,
}

impl ChartKind {
    /// The Vega-Lite mark this chart draws.
    pub fn mark(self) -> &'static str {
        match self {
            ChartKind::Line => "line",
            ChartKind::Area => "area",
            ChartKind::Bar => "bar",
            ChartKind::Scatter => "circle",
        }
    }

    /// Streamlit's name of the command.
    pub fn name(self) -> &'static str {
        match self {
            ChartKind::Line => "line_chart",
            ChartKind::Area => "area_chart",
            ChartKind::Bar => "bar_chart",
            ChartKind::Scatter => "scatter_chart",
        }
    }
}

/// How areas and bars of several series pile up: Streamlit's `stack`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Stack {
    /// Vega-Lite's default (`stack=None`): areas and bars are stacked.
    #[default]
    Auto,
    /// Stacked from zero (`stack=True`).
    Zero,
    /// Not stacked (`stack=False`): areas overlap, bars stand side by side.
    Off,
    /// Stacked to 100% (`stack="normalize"`).
    Normalize,
    /// Stacked around zero, a streamgraph (`stack="center"`).
    Center,
}

impl From<bool> for Stack {
    fn from(stack: bool) -> Stack {
        if stack {
            Stack::Zero
        } else {
            Stack::Off
        }
    }
}

/// A chart's `color`: a column or a colour (decided against the frame), or one colour per y.
#[derive(Clone, Debug, PartialEq)]
pub enum ColorArg {
    Named(String),
    Fixed(Vec<String>),
}

/// A scatter's `size`: a numeric column, or every point's area in pixels.
#[derive(Clone, Debug, PartialEq)]
pub enum SizeArg {
    Column(String),
    Fixed(f64),
}

/// The options of a built-in chart, as Streamlit's arguments.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartOptions {
    pub x: Option<String>,
    /// The y columns; empty: every other column (wide data).
    pub y: Vec<String>,
    pub x_label: Option<String>,
    pub y_label: Option<String>,
    pub color: Option<ColorArg>,
    pub size: Option<SizeArg>,
    pub stack: Stack,
    pub horizontal: bool,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub use_container_width: bool,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            x: None,
            y: Vec::new(),
            x_label: None,
            y_label: None,
            color: None,
            size: None,
            stack: Stack::Auto,
            horizontal: false,
            width: None,
            height: None,
            use_container_width: true,
        }
    }
}

/// Why a chart cannot be drawn; shown in its place as an error box.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartError {
    /// `part` (x, y, color, size) names a column the frame does not have.
    UnknownColumn { part: &'static str, name: String, columns: Vec<String> },
    /// A y (or size) column does not hold numbers.
    NotNumeric { part: &'static str, column: String, dtype: DataType },
    /// A bad `color`.
    Color(String),
    /// No column is left to draw.
    NoSeries,
    /// A Vega-Lite spec that cannot be drawn (not an object, no mark, an unknown field).
    Spec(String),
    /// `add_rows` with rows that do not fit the chart's frame, or on a chart not drawn.
    AddRows(String),
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChartError::UnknownColumn { part, name, columns } => {
                write!(f, "{part} names the column \"{name}\", but the frame's columns are: {}", columns.join(", "))
            }
            ChartError::NotNumeric { part, column, dtype } => {
                write!(f, "{part} column \"{column}\" holds {} values, not numbers", dtype.name())
            }
            ChartError::Color(message) | ChartError::Spec(message) | ChartError::AddRows(message) => {
                f.write_str(message)
            }
            ChartError::NoSeries => f.write_str("the frame has no column to draw as y"),
        }
    }
}

impl std::error::Error for ChartError {}

/// What the page gets to draw a chart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChartSpec {
    /// The Vega-Lite spec; its data, if the chart has a frame, is the named source `"data"`.
    pub spec: Value,
    /// The frame, shared with the script's (not copied).
    pub data: Option<DataFrame>,
    /// The columns whose values reach Vega, and whether rows carry their position
    /// ([`rows::INDEX_FIELD`]).
    pub columns: Vec<usize>,
    pub index: bool,
    /// How a large frame is reduced (`None`: it never is).
    pub plan: Option<reduce::Plan>,
    /// After `add_rows`: how many rows the frame had before, so the page inserts only the rest.
    pub appended_from: Option<usize>,
}

/// A chart element's props (boxed, so an `Element` stays small).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChartProps {
    pub chart: Box<ChartSpec>,
}

impl std::ops::Deref for ChartProps {
    type Target = ChartSpec;
    fn deref(&self) -> &ChartSpec {
        &self.chart
    }
}

impl DisplayProps for ChartProps {
    /// The mark's type, as `AppTest`'s `.text()` reads it (`"line"`, `"bar"`, ...).
    fn text(&self) -> String {
        mark_type(&self.spec)
    }
}

/// The mark of a spec (`"line"`, or `"layer"` for layered specs).
pub(crate) fn mark_type(spec: &Value) -> String {
    match &spec["mark"] {
        Value::String(mark) => mark.clone(),
        Value::Object(mark) => mark.get("type").and_then(Value::as_str).unwrap_or_default().to_string(),
        _ => ["layer", "hconcat", "vconcat", "concat", "facet", "repeat"]
            .into_iter()
            .find(|k| spec.get(*k).is_some())
            .unwrap_or_default()
            .to_string(),
    }
}

/// A built-in chart with options, drawn by `ui.add(..)` (or the `ui.line_chart(..)`
/// shortcuts). Returns a [`ChartHandle`] for `add_rows`.
///
/// ```
/// use wasmlit::prelude::*;
/// let df = DataFrame::new(vec![
///     ("day", Column::from(vec!["Mon", "Tue"])),
///     ("sales", Column::from(vec![3_i64, 5])),
/// ])
/// .unwrap();
/// let mut at = AppTest::new(move |ui: &Ui| {
///     ui.add(Chart::bar(&df).x("day").y("sales").horizontal(true).color("#ff4b4b"));
/// });
/// at.run();
/// assert_eq!(at.bar_chart(0).text(), "bar");
/// ```
#[must_use = "a chart is drawn by `ui.add(..)`"]
#[derive(Clone, Debug)]
pub struct Chart {
    kind: ChartKind,
    data: DataFrame,
    options: ChartOptions,
}

impl Chart {
    /// A chart of `kind` over `data`, with Streamlit's defaults.
    pub fn new(kind: ChartKind, data: &DataFrame) -> Chart {
        Chart { kind, data: data.clone(), options: ChartOptions::default() }
    }
    /// A line chart (`st.line_chart`).
    pub fn line(data: &DataFrame) -> Chart {
        Chart::new(ChartKind::Line, data)
    }
    /// An area chart (`st.area_chart`).
    pub fn area(data: &DataFrame) -> Chart {
        Chart::new(ChartKind::Area, data)
    }
    /// A bar chart (`st.bar_chart`).
    pub fn bar(data: &DataFrame) -> Chart {
        Chart::new(ChartKind::Bar, data)
    }
    /// A scatter chart (`st.scatter_chart`).
    pub fn scatter(data: &DataFrame) -> Chart {
        Chart::new(ChartKind::Scatter, data)
    }

    /// The column on x (the row position by default).
    pub fn x(mut self, column: impl Into<String>) -> Self {
        self.options.x = Some(column.into());
        self
    }
    /// One y column (call again, or use [`Chart::ys`], for several).
    pub fn y(mut self, column: impl Into<String>) -> Self {
        self.options.y.push(column.into());
        self
    }
    /// Several y columns, each a series.
    pub fn ys<S: Into<String>>(mut self, columns: impl IntoIterator<Item = S>) -> Self {
        self.options.y.extend(columns.into_iter().map(Into::into));
        self
    }
    /// The x axis's title.
    pub fn x_label(mut self, label: impl Into<String>) -> Self {
        self.options.x_label = Some(label.into());
        self
    }
    /// The y axis's title.
    pub fn y_label(mut self, label: impl Into<String>) -> Self {
        self.options.y_label = Some(label.into());
        self
    }
    /// A column whose values split the rows into series, or a constant colour (`"#ff0000"`).
    pub fn color(mut self, column_or_colour: impl Into<String>) -> Self {
        self.options.color = Some(ColorArg::Named(column_or_colour.into()));
        self
    }
    /// One colour per y column, in order.
    pub fn colors<S: Into<String>>(mut self, colours: impl IntoIterator<Item = S>) -> Self {
        self.options.color = Some(ColorArg::Fixed(colours.into_iter().map(Into::into).collect()));
        self
    }
    /// The numeric column that sizes a scatter's points.
    pub fn size(mut self, column: impl Into<String>) -> Self {
        self.options.size = Some(SizeArg::Column(column.into()));
        self
    }
    /// Every scatter point's area in square pixels.
    pub fn point_size(mut self, area: f64) -> Self {
        self.options.size = Some(SizeArg::Fixed(area));
        self
    }
    /// How areas and bars stack (`true`, `false`, or a [`Stack`]).
    pub fn stack(mut self, stack: impl Into<Stack>) -> Self {
        self.options.stack = stack.into();
        self
    }
    /// Bars along y instead of x.
    pub fn horizontal(mut self, horizontal: bool) -> Self {
        self.options.horizontal = horizontal;
        self
    }
    /// The chart's width in pixels (takes effect with `use_container_width(false)`).
    pub fn width(mut self, width: u32) -> Self {
        self.options.width = Some(width);
        self
    }
    /// The chart's height in pixels (350 by default).
    pub fn height(mut self, height: u32) -> Self {
        self.options.height = Some(height);
        self
    }
    /// Whether the chart spans its container's width (the default).
    pub fn use_container_width(mut self, fill: bool) -> Self {
        self.options.use_container_width = fill;
        self
    }
}

/// The element of a chart kind with these props.
fn element(kind: ChartKind, props: ChartProps) -> Element {
    match kind {
        ChartKind::Line => make::line_chart(props),
        ChartKind::Area => make::area_chart(props),
        ChartKind::Bar => make::bar_chart(props),
        ChartKind::Scatter => make::scatter_chart(props),
    }
}

impl Command for Chart {
    type Output = ChartHandle;

    fn show(self, ui: &Ui) -> ChartHandle {
        #[cfg(target_arch = "wasm32")]
        crate::web::install_chart_renderer();
        let run = ui.runtime.borrow().run_id;
        match spec::build(self.kind, &self.data, &self.options) {
            Ok(built) => {
                let props = ChartProps {
                    chart: Box::new(ChartSpec {
                        spec: built.spec,
                        data: Some(self.data),
                        columns: built.columns,
                        index: built.index,
                        plan: built.plan,
                        appended_from: None,
                    }),
                };
                ChartHandle { slot: Some(ui.push_element(element(self.kind, props))), run }
            }
            Err(error) => {
                show_error(ui, api(format!("{}: {error}", self.kind.name())));
                ChartHandle { slot: None, run }
            }
        }
    }
}

/// What drawing a chart returns: `add_rows` appends rows to it in place, as Streamlit's.
#[derive(Clone)]
pub struct ChartHandle {
    /// The chart's slot; `None` when the chart could not be drawn.
    slot: Option<Ui>,
    run: u64,
}

impl fmt::Debug for ChartHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ChartHandle").field("drawn", &self.slot.is_some()).field("run", &self.run).finish()
    }
}

impl ChartHandle {
    pub(crate) fn new(slot: Ui, run: u64) -> ChartHandle {
        ChartHandle { slot: Some(slot), run }
    }

    /// The handle of a chart that could not be drawn: `add_rows` refuses.
    pub(crate) fn failed(run: u64) -> ChartHandle {
        ChartHandle { slot: None, run }
    }

    /// Appends `rows` to the chart's frame; the page adds them to the drawn chart without
    /// drawing it again. The rows must have the frame's columns, with the same types. A handle
    /// kept past its run, or of a chart that could not be drawn, refuses.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let first = DataFrame::new(vec![("y", Column::from(vec![1.0, 2.0]))]).unwrap();
    /// let more = DataFrame::new(vec![("y", Column::from(vec![3.0]))]).unwrap();
    /// let mut at = AppTest::new(move |ui: &Ui| {
    ///     let chart = ui.line_chart(&first);
    ///     chart.add_rows(&more).unwrap();
    /// });
    /// at.run();
    /// assert_eq!(at.get("line_chart").len(), 1);
    /// ```
    pub fn add_rows(&self, rows: &DataFrame) -> Result<(), ChartError> {
        let Some(slot) = &self.slot else {
            return Err(ChartError::AddRows("add_rows: the chart was not drawn (see the error in its place)".into()));
        };
        let mut runtime = slot.runtime.borrow_mut();
        if runtime.run_id != self.run {
            return Err(ChartError::AddRows("add_rows: this chart belongs to an earlier run".into()));
        }
        let (root, path, _) = slot.target();
        let mut block = runtime.tree.root_mut(root);
        let Some((last, parents)) = path.split_last() else {
            return Err(ChartError::AddRows("add_rows: the chart is gone".into()));
        };
        for &index in parents {
            match block.children.get_mut(index) {
                Some(Node::Block(child)) => block = child,
                _ => return Err(ChartError::AddRows("add_rows: the chart is gone".into())),
            }
        }
        let chart: &mut ChartSpec = match block.children.get_mut(*last) {
            Some(Node::Element(
                Element::LineChart(props)
                | Element::AreaChart(props)
                | Element::BarChart(props)
                | Element::ScatterChart(props),
            )) => &mut props.chart,
            Some(Node::Element(Element::VegaLiteChart(props))) => &mut props.chart.chart,
            _ => return Err(ChartError::AddRows("add_rows: the chart was replaced by another element".into())),
        };
        let Some(data) = &chart.data else {
            return Err(ChartError::AddRows("add_rows: this chart has no frame to add rows to".into()));
        };
        let joined = append(data, rows)?;
        chart.appended_from = Some(data.num_rows());
        chart.data = Some(joined);
        Ok(())
    }
}

/// `rows` after `frame`, if they have the same columns and types.
fn append(frame: &DataFrame, rows: &DataFrame) -> Result<DataFrame, ChartError> {
    let (names, new) = (frame.column_names(), rows.column_names());
    if names != new {
        return Err(ChartError::AddRows(format!(
            "add_rows: the rows' columns ({}) are not the chart's ({})",
            new.join(", "),
            names.join(", ")
        )));
    }
    for (column, name) in names.iter().enumerate() {
        if frame.dtype(column) != rows.dtype(column) {
            return Err(ChartError::AddRows(format!(
                "add_rows: column \"{}\" holds {} values, the chart's holds {}",
                name,
                rows.dtype(column).name(),
                frame.dtype(column).name()
            )));
        }
    }
    let batch = arrow_select::concat::concat_batches(&frame.batch().schema(), [frame.batch(), rows.batch()])
        .map_err(|e| ChartError::AddRows(format!("add_rows: {e}")))?;
    DataFrame::from_batch(batch).map_err(|e| ChartError::AddRows(format!("add_rows: {e}")))
}

/// The kinds' `Ui` shortcuts share this: draw `Chart::new(kind, data)`.
pub(crate) fn draw(ui: &Ui, kind: ChartKind, data: &DataFrame) -> ChartHandle {
    ui.add(Chart::new(kind, data))
}
