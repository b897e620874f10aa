//! `column_config`: how the grid shows one column (label, width, help, hidden, and a cell type
//! with its format), and how one cell is shown ([`CellView`]). Shared by `dataframe`, `table`
//! and, later, `data_editor`: an editing mode adds editors per [`ColumnKind`] on top of the
//! same model.

use std::fmt::Write as _;

use chrono::format::{Item, StrftimeItems};
use serde::{Deserialize, Serialize};

use crate::data::{DataFrame, DataType, Value};
pub use crate::number_format::{group_thousands, Conversion, NumberFormat};

/// How the grid shows one column, as Streamlit's `st.column_config.*Column`.
///
/// ```
/// use wasmlit::elements::data::column_config::{ColumnConfig, ColumnWidth};
/// let price = ColumnConfig::number().format("$%.2f").unwrap().label("Price").width(ColumnWidth::Small);
/// assert_eq!(price.label.as_deref(), Some("Price"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ColumnConfig {
    /// The header text (the column's name when `None`).
    pub label: Option<String>,
    /// The column's width (a width from the column's type and values when `None`).
    pub width: Option<ColumnWidth>,
    /// A tooltip on the header.
    pub help: Option<String>,
    /// Whether the column is left out of the grid.
    pub hidden: bool,
    /// How cells are drawn.
    pub kind: ColumnKind,
}

/// A column's width: Streamlit's named sizes, or pixels.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum ColumnWidth {
    /// 75 px.
    Small,
    /// 200 px.
    Medium,
    /// 400 px.
    Large,
    /// A width in pixels (at least [`MIN_COLUMN_WIDTH`](super::grid::MIN_COLUMN_WIDTH)).
    Px(u32),
}

impl ColumnWidth {
    /// The width in pixels.
    pub fn px(self) -> f64 {
        match self {
            ColumnWidth::Small => 75.0,
            ColumnWidth::Medium => 200.0,
            ColumnWidth::Large => 400.0,
            ColumnWidth::Px(px) => f64::from(px).max(super::grid::MIN_COLUMN_WIDTH),
        }
    }
}

/// How the cells of a column are drawn.
///
/// The frame has no list type: line and bar charts and lists read a text cell holding values
/// separated by commas, with or without brackets and quotes (`"[1, 5, 2]"`, `"a, b"`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum ColumnKind {
    /// From the column's type: numbers right-aligned, bools as checkboxes, the rest as text.
    #[default]
    Auto,
    Text,
    /// Numbers, with an optional [`NumberFormat`].
    Number(Option<NumberFormat>),
    Checkbox,
    /// Dates, with an optional strftime format (`"%d %b %Y"`).
    Date(Option<String>),
    /// Datetimes, with an optional strftime format.
    Datetime(Option<String>),
    /// The cell is a URL, drawn as a link (`http`, `https`, `mailto`, `tel` or relative only);
    /// `display_text` replaces the URL as the link's text.
    Link {
        display_text: Option<String>,
    },
    /// The cell is an image URL (or a `data:image/...` URL).
    Image,
    /// A bar from `min` to `max` with the number beside it.
    Progress {
        min: f64,
        max: f64,
        format: Option<NumberFormat>,
    },
    /// A small line chart of the cell's numbers.
    LineChart {
        y_min: Option<f64>,
        y_max: Option<f64>,
    },
    /// A small bar chart of the cell's numbers.
    BarChart {
        y_min: Option<f64>,
        y_max: Option<f64>,
    },
    /// The cell's values as chips.
    List,
}

impl ColumnConfig {
    fn of(kind: ColumnKind) -> ColumnConfig {
        ColumnConfig { kind, ..ColumnConfig::default() }
    }

    /// A column drawn from its type (what a column without config gets).
    pub fn auto() -> ColumnConfig {
        ColumnConfig::of(ColumnKind::Auto)
    }

    /// `TextColumn`.
    pub fn text() -> ColumnConfig {
        ColumnConfig::of(ColumnKind::Text)
    }

    /// `NumberColumn`; set its format with [`format`](Self::format).
    pub fn number() -> ColumnConfig {
        ColumnConfig::of(ColumnKind::Number(None))
    }

    /// `CheckboxColumn`.
    pub fn checkbox() -> ColumnConfig {
        ColumnConfig::of(ColumnKind::Checkbox)
    }

    /// `DateColumn`; set a strftime format with [`format`](Self::format).
    pub fn date() -> ColumnConfig {
        ColumnConfig::of(ColumnKind::Date(None))
    }

    /// `DatetimeColumn`; set a strftime format with [`format`](Self::format).
    pub fn datetime() -> ColumnConfig {
        ColumnConfig::of(ColumnKind::Datetime(None))
    }

    /// `LinkColumn`: the URL is the link's text unless `display_text` is given.
    pub fn link(display_text: Option<&str>) -> ColumnConfig {
        ColumnConfig::of(ColumnKind::Link { display_text: display_text.map(str::to_string) })
    }

    /// `ImageColumn`.
    pub fn image() -> ColumnConfig {
        ColumnConfig::of(ColumnKind::Image)
    }

    /// `ProgressColumn` from `min` to `max`; a number format through [`format`](Self::format).
    pub fn progress(min: f64, max: f64) -> ColumnConfig {
        ColumnConfig::of(ColumnKind::Progress { min, max, format: None })
    }

    /// `LineChartColumn`; the y range is the cell's own unless [`y_range`](Self::y_range) sets it.
    pub fn line_chart() -> ColumnConfig {
        ColumnConfig::of(ColumnKind::LineChart { y_min: None, y_max: None })
    }

    /// `BarChartColumn`.
    pub fn bar_chart() -> ColumnConfig {
        ColumnConfig::of(ColumnKind::BarChart { y_min: None, y_max: None })
    }

    /// `ListColumn`.
    pub fn list() -> ColumnConfig {
        ColumnConfig::of(ColumnKind::List)
    }

    /// The header text.
    pub fn label(mut self, label: impl Into<String>) -> ColumnConfig {
        self.label = Some(label.into());
        self
    }

    /// The column's width.
    pub fn width(mut self, width: ColumnWidth) -> ColumnConfig {
        self.width = Some(width);
        self
    }

    /// A tooltip on the header.
    pub fn help(mut self, help: impl Into<String>) -> ColumnConfig {
        self.help = Some(help.into());
        self
    }

    /// Leaves the column out of the grid.
    pub fn hidden(mut self, hidden: bool) -> ColumnConfig {
        self.hidden = hidden;
        self
    }

    /// The format of a number or progress column (see [`NumberFormat::parse`]), or the
    /// strftime format of a date or datetime column. A bad format, or a format on a column
    /// kind that takes none, is an `Err` saying why.
    pub fn format(mut self, format: &str) -> Result<ColumnConfig, String> {
        match &mut self.kind {
            ColumnKind::Number(slot) | ColumnKind::Progress { format: slot, .. } => {
                *slot = Some(NumberFormat::parse(format)?)
            }
            ColumnKind::Date(slot) | ColumnKind::Datetime(slot) => {
                check_strftime(format)?;
                *slot = Some(format.to_string());
            }
            other => return Err(format!("a {} column takes no format", kind_name(other))),
        }
        Ok(self)
    }

    /// The y range of a line or bar chart column (other kinds ignore it).
    pub fn y_range(mut self, min: f64, max: f64) -> ColumnConfig {
        if let ColumnKind::LineChart { y_min, y_max } | ColumnKind::BarChart { y_min, y_max } = &mut self.kind {
            *y_min = Some(min);
            *y_max = Some(max);
        }
        self
    }
}

fn kind_name(kind: &ColumnKind) -> &'static str {
    match kind {
        ColumnKind::Auto => "plain",
        ColumnKind::Text => "text",
        ColumnKind::Number(_) => "number",
        ColumnKind::Checkbox => "checkbox",
        ColumnKind::Date(_) => "date",
        ColumnKind::Datetime(_) => "datetime",
        ColumnKind::Link { .. } => "link",
        ColumnKind::Image => "image",
        ColumnKind::Progress { .. } => "progress",
        ColumnKind::LineChart { .. } => "line chart",
        ColumnKind::BarChart { .. } => "bar chart",
        ColumnKind::List => "list",
    }
}

fn check_strftime(format: &str) -> Result<(), String> {
    if StrftimeItems::new(format).any(|item| matches!(item, Item::Error)) {
        Err(format!("\"{format}\" is not a valid strftime date format"))
    } else {
        Ok(())
    }
}

/// How one cell is drawn, worked out from its value and its column's config.
#[derive(Clone, Debug, PartialEq)]
pub enum CellView {
    /// No value: a faint `None`.
    Null,
    /// Text, left-aligned.
    Text(String),
    /// A number, formatted, right-aligned.
    Number(String),
    /// A checkbox.
    Bool(bool),
    /// A link to a safe URL.
    Link { href: String, text: String },
    /// An image from a safe URL.
    Image(String),
    /// A bar filled to `fraction` (0..=1) and its label.
    Progress { fraction: f64, label: String },
    /// A sparkline (`bars: false`) or bar chart, its points scaled to 0..=1.
    Chart { bars: bool, points: Vec<f64> },
    /// Values as chips.
    List(Vec<String>),
}

impl CellView {
    /// Whether the cell is right-aligned (numbers and progress bars).
    pub fn is_numeric(&self) -> bool {
        matches!(self, CellView::Number(_) | CellView::Progress { .. })
    }
}

/// How the cell at `row` of the frame's column `column` is drawn under `config`.
///
/// ```
/// use wasmlit::data::{Column, DataFrame};
/// use wasmlit::elements::data::column_config::{cell_view, CellView, ColumnConfig};
/// let df = DataFrame::new(vec![("p", Column::from(vec![Some(0.5), None]))]).unwrap();
/// let dollars = ColumnConfig::number().format("$%.2f").unwrap();
/// assert_eq!(cell_view(&df, 0, 0, &dollars), CellView::Number("$0.50".into()));
/// assert_eq!(cell_view(&df, 1, 0, &dollars), CellView::Null);
/// ```
pub fn cell_view(df: &DataFrame, row: usize, column: usize, config: &ColumnConfig) -> CellView {
    let value = df.value(row, column);
    if value.is_null() {
        return CellView::Null;
    }
    match &config.kind {
        ColumnKind::Auto => auto_view(value),
        ColumnKind::Text => CellView::Text(value.to_string()),
        ColumnKind::Number(format) => match value.as_f64() {
            Some(number) => CellView::Number(format_number(&value, number, format.as_ref())),
            None => CellView::Text(value.to_string()),
        },
        ColumnKind::Checkbox => match value {
            Value::Bool(b) => CellView::Bool(b),
            Value::Int(i) => CellView::Bool(i != 0),
            Value::Text(t) => CellView::Bool(matches!(t.to_ascii_lowercase().as_str(), "true" | "yes" | "1")),
            other => CellView::Text(other.to_string()),
        },
        ColumnKind::Date(format) | ColumnKind::Datetime(format) => match (&value, format) {
            (Value::Date(d), Some(f)) => CellView::Text(d.format_with_items(StrftimeItems::new(f)).to_string()),
            (Value::Datetime(d), Some(f)) => CellView::Text(d.format_with_items(StrftimeItems::new(f)).to_string()),
            (Value::Datetime(d), None) if matches!(config.kind, ColumnKind::Date(_)) => {
                CellView::Text(d.format("%Y-%m-%d").to_string())
            }
            _ => CellView::Text(value.to_string()),
        },
        ColumnKind::Link { display_text } => {
            let href = value.to_string();
            if crate::markdown::safe_url(&href, false) {
                let text = display_text.clone().unwrap_or_else(|| href.clone());
                CellView::Link { href, text }
            } else {
                CellView::Text(href)
            }
        }
        ColumnKind::Image => {
            let src = value.to_string();
            if crate::markdown::safe_url(&src, true) {
                CellView::Image(src)
            } else {
                CellView::Text(src)
            }
        }
        ColumnKind::Progress { min, max, format } => match value.as_f64() {
            Some(number) => {
                let span = max - min;
                let fraction = if span > 0.0 { ((number - min) / span).clamp(0.0, 1.0) } else { 0.0 };
                let fraction = if fraction.is_nan() { 0.0 } else { fraction };
                CellView::Progress { fraction, label: format_number(&value, number, format.as_ref()) }
            }
            None => CellView::Text(value.to_string()),
        },
        ColumnKind::LineChart { y_min, y_max } | ColumnKind::BarChart { y_min, y_max } => {
            let bars = matches!(config.kind, ColumnKind::BarChart { .. });
            let numbers: Vec<f64> = list_items(&value.to_string()).iter().filter_map(|s| s.parse().ok()).collect();
            CellView::Chart { bars, points: scale_points(&numbers, *y_min, *y_max) }
        }
        ColumnKind::List => CellView::List(list_items(&value.to_string())),
    }
}

fn auto_view(value: Value) -> CellView {
    match value {
        Value::Null => CellView::Null,
        Value::Bool(b) => CellView::Bool(b),
        Value::Int(_) | Value::Float(_) => CellView::Number(value.to_string()),
        other => CellView::Text(other.to_string()),
    }
}

fn format_number(value: &Value, number: f64, format: Option<&NumberFormat>) -> String {
    match format {
        Some(format) => format.apply(number),
        None => value.to_string(),
    }
}

/// The items of a text cell read as a list: `"[1, 2]"`, `"a, b"`, `"['x', 'y']"`.
pub fn list_items(text: &str) -> Vec<String> {
    let inner = text.trim().trim_start_matches(['[', '(']).trim_end_matches([']', ')']);
    inner
        .split(',')
        .map(|item| item.trim().trim_matches(['"', '\'']).to_string())
        .filter(|item| !item.is_empty())
        .collect()
}

/// Points scaled to 0..=1 over `y_min..=y_max` (the points' own range by default); NaNs and
/// infinities are dropped.
pub fn scale_points(points: &[f64], y_min: Option<f64>, y_max: Option<f64>) -> Vec<f64> {
    let finite: Vec<f64> = points.iter().copied().filter(|p| p.is_finite()).collect();
    let low = y_min.unwrap_or_else(|| finite.iter().copied().fold(f64::INFINITY, f64::min).min(0.0));
    let high = y_max.unwrap_or_else(|| finite.iter().copied().fold(f64::NEG_INFINITY, f64::max));
    let span = high - low;
    finite
        .into_iter()
        .map(|p| if span > 0.0 && span.is_finite() { ((p - low) / span).clamp(0.0, 1.0) } else { 0.5 })
        .collect()
}

/// The SVG path of a sparkline through `points` (scaled to 0..=1) in a `width` × `height` box.
pub fn sparkline_path(points: &[f64], width: f64, height: f64) -> String {
    let mut path = String::new();
    let step = if points.len() > 1 { width / (points.len() - 1) as f64 } else { 0.0 };
    for (i, p) in points.iter().enumerate() {
        let x = if points.len() == 1 { width / 2.0 } else { i as f64 * step };
        let y = height - p * height;
        let _ = write!(path, "{}{x:.1},{y:.1}", if i == 0 { 'M' } else { 'L' });
    }
    path
}

/// The width a column gets without a configured one: from its header and the text of its
/// first rows, between 60 and 400 px.
pub fn default_width(df: &DataFrame, column: usize, label: &str, config: &ColumnConfig) -> f64 {
    let kind = &config.kind;
    let text_width = |chars: usize| chars as f64 * 7.5 + 28.0;
    let header = text_width(label.chars().count()) + 14.0;
    let content = match (kind, df.dtype(column)) {
        (ColumnKind::Checkbox, _) | (ColumnKind::Auto, DataType::Bool) => 60.0,
        (ColumnKind::Progress { .. }, _) | (ColumnKind::LineChart { .. } | ColumnKind::BarChart { .. }, _) => 180.0,
        (ColumnKind::Image, _) => 80.0,
        _ => {
            let sample = df.num_rows().min(100);
            // Measured as shown (a `$%.2f` column is wider than its raw numbers).
            let shown = |row| match cell_view(df, row, column, config) {
                CellView::Text(text) | CellView::Number(text) => text.chars().count(),
                CellView::Link { text, .. } => text.chars().count(),
                _ => df.cell_text(row, column).chars().count(),
            };
            let longest = (0..sample).map(shown).max().unwrap_or(4);
            text_width(longest.max(4))
        }
    };
    header.max(content).clamp(60.0, 400.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Column;

    #[test]
    fn printf_formats_cover_the_common_cases() {
        let f = |format: &str, value: f64| NumberFormat::parse(format).unwrap().apply(value);
        assert_eq!(f("%d", 3.6), "4");
        assert_eq!(f("%d", -0.2), "0");
        assert_eq!(f("%.2f", 1.005), "1.00");
        assert_eq!(f("$%.2f", 12.0), "$12.00");
        assert_eq!(f("%.1f%%", 45.25), "45.2%");
        assert_eq!(f("%d ⭐", 5.0), "5 ⭐");
        assert_eq!(f("%f", 0.5), "0.500000");
        assert_eq!(f("%.2e", 12345.0), "1.23e4");
        assert_eq!(f("%.2f", f64::NAN), "NaN");
    }

    #[test]
    fn bad_printf_formats_say_why() {
        for (format, why) in [
            ("%s", "uses `%s`"),
            ("%.2f and %d", "more than one conversion"),
            ("100%", "ends in `%`"),
            ("%.x", "precision"),
            ("price", "no conversion"),
            ("%.2d", "uses `%d`"),
        ] {
            let error = NumberFormat::parse(format).unwrap_err();
            assert!(error.contains(why), "{format}: {error}");
        }
    }

    #[test]
    fn named_formats() {
        let f = |format: &str, value: f64| NumberFormat::parse(format).unwrap().apply(value);
        assert_eq!(f("plain", 1234.5678), "1234.5678");
        assert_eq!(f("localized", 1234567.5), "1,234,567.5");
        assert_eq!(f("percent", 0.1234), "12.34%");
        assert_eq!(f("dollar", -1234.5), "-$1,234.50");
        assert_eq!(f("euro", 999.0), "€999.00");
        assert_eq!(f("compact", 2_500_000.0), "2.5M");
        assert_eq!(f("compact", 999.0), "999");
        assert_eq!(f("scientific", 1234.5), "1.234E3");
        assert_eq!(group_thousands("-1234"), "-1,234");
        assert_eq!(group_thousands("123"), "123");
    }

    fn frame() -> DataFrame {
        DataFrame::new(vec![
            ("n", Column::from(vec![Some(1_i64), None, Some(50)])),
            ("b", Column::from(vec![true, false, true])),
            ("url", Column::from(vec!["https://a.example/x", "javascript:alert(1)", "/docs"])),
            ("pts", Column::from(vec!["[1, 3, 2]", "5", "x, 7"])),
            ("d", Column::from(vec![chrono::NaiveDate::from_ymd_opt(2024, 2, 29).unwrap(); 3])),
        ])
        .unwrap()
    }

    #[test]
    fn cells_follow_their_column_config() {
        let df = frame();
        assert_eq!(cell_view(&df, 0, 0, &ColumnConfig::auto()), CellView::Number("1".into()));
        assert_eq!(cell_view(&df, 1, 0, &ColumnConfig::auto()), CellView::Null);
        assert_eq!(cell_view(&df, 1, 1, &ColumnConfig::auto()), CellView::Bool(false));
        assert_eq!(cell_view(&df, 2, 0, &ColumnConfig::checkbox()), CellView::Bool(true));
        let link = ColumnConfig::link(None);
        assert_eq!(
            cell_view(&df, 0, 2, &link),
            CellView::Link { href: "https://a.example/x".into(), text: "https://a.example/x".into() }
        );
        assert_eq!(cell_view(&df, 1, 2, &link), CellView::Text("javascript:alert(1)".into()), "unsafe: text only");
        assert_eq!(cell_view(&df, 1, 2, &ColumnConfig::image()), CellView::Text("javascript:alert(1)".into()));
        let progress = ColumnConfig::progress(0.0, 100.0).format("%d%%").unwrap();
        assert_eq!(cell_view(&df, 2, 0, &progress), CellView::Progress { fraction: 0.5, label: "50%".into() });
        assert_eq!(
            cell_view(&df, 0, 3, &ColumnConfig::line_chart()),
            CellView::Chart { bars: false, points: vec![1.0 / 3.0, 1.0, 2.0 / 3.0] }
        );
        assert_eq!(cell_view(&df, 2, 3, &ColumnConfig::list()), CellView::List(vec!["x".into(), "7".into()]));
        let date = ColumnConfig::date().format("%d %b %Y").unwrap();
        assert_eq!(cell_view(&df, 0, 4, &date), CellView::Text("29 Feb 2024".into()));
        assert!(ColumnConfig::date().format("%Q").is_err());
        assert!(ColumnConfig::checkbox().format("%d").unwrap_err().contains("checkbox"));
    }

    #[test]
    fn sparkline_paths_and_scaling() {
        assert_eq!(scale_points(&[2.0, 2.0], None, None), vec![1.0, 1.0]);
        assert_eq!(scale_points(&[f64::NAN, 5.0], Some(0.0), Some(10.0)), vec![0.5]);
        assert_eq!(sparkline_path(&[0.0, 1.0], 10.0, 4.0), "M0.0,4.0L10.0,0.0");
        assert_eq!(sparkline_path(&[0.5], 10.0, 4.0), "M5.0,2.0");
        assert_eq!(sparkline_path(&[], 10.0, 4.0), "");
    }
}
