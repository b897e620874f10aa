//! Cell styles of a dataframe, as pandas' `Styler` gives them to `st.dataframe`:
//! `highlight_max` / `highlight_min` along an axis, and a background per value of a column
//! (`Styler.map`). The grid paints each styled cell's background, with a text colour that stays
//! readable on it in both themes.
//!
//! ```
//! use wasmlit::prelude::*;
//! let df = DataFrame::new(vec![
//!     ("a", Column::from(vec![1_i64, 7, 3])),
//!     ("b", Column::from(vec![0.5, 0.25, 0.75])),
//! ])
//! .unwrap();
//! let mut at = AppTest::new(move |ui: &Ui| {
//!     ui.add(DataFrameView::new(df.clone()).highlight_max(Axis::Columns));
//! });
//! at.run();
//! let grid = at.dataframe(0);
//! let Element::Dataframe(props) = grid.element() else { unreachable!() };
//! assert_eq!(props.styles.get(1, 0).map(|s| s.background.as_str()), Some("yellow"));
//! assert!(props.styles.get(0, 0).is_none());
//! assert!(props.styles.get(2, 1).is_some());
//! ```

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int64Type, TimestampMillisecondType};
use arrow_array::Array;
use serde::{Deserialize, Serialize};

use crate::data::{DataFrame, DataType, Value};

/// The colour pandas' `highlight_max` and `highlight_min` paint with.
pub const DEFAULT_HIGHLIGHT: &str = "yellow";

/// Along which axis an extreme is taken, as pandas' `axis=`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    /// `axis=0`: the largest (smallest) value of each column.
    Columns,
    /// `axis=1`: the largest (smallest) value of each row, among its numeric columns.
    Rows,
    /// `axis=None`: the largest (smallest) numeric value of the whole frame.
    Frame,
}

/// How one cell is painted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellStyle {
    /// A CSS colour (checked by [`check_color`]).
    pub background: String,
    /// The text colour that reads on `background`, when it is known (hex, `rgb()` or a
    /// common name); otherwise the theme's.
    pub color: Option<String>,
}

impl CellStyle {
    /// A background, with a readable text colour; `Err` says why the colour is refused.
    pub fn background(color: &str) -> Result<CellStyle, String> {
        check_color(color)?;
        Ok(CellStyle { background: color.to_string(), color: text_color_on(color).map(str::to_string) })
    }
}

/// A painted cell: its (row, column) position in the frame and its style.
pub type StyledCell = ((usize, usize), CellStyle);

/// Gives a CSS background colour for a value, or none.
pub type Paint = dyn Fn(&Value) -> Option<String>;

/// The styled cells of a frame, sorted by (row, column) for lookups while the grid draws.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellStyles {
    cells: Vec<StyledCell>,
}

impl CellStyles {
    /// Builds the lookup; a later style of the same cell wins.
    pub fn new(mut cells: Vec<StyledCell>) -> CellStyles {
        // A stable sort keeps the order of equal cells, so the last one is the later style.
        cells.sort_by_key(|(cell, _)| *cell);
        let mut unique: Vec<StyledCell> = Vec::with_capacity(cells.len());
        for (cell, style) in cells {
            match unique.last_mut() {
                Some((last, previous)) if *last == cell => *previous = style,
                _ => unique.push((cell, style)),
            }
        }
        CellStyles { cells: unique }
    }

    /// The style of the cell at `row`, `column` (positions in the frame).
    pub fn get(&self, row: usize, column: usize) -> Option<&CellStyle> {
        self.cells.binary_search_by_key(&(row, column), |(cell, _)| *cell).ok().map(|i| &self.cells[i].1)
    }

    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    pub fn len(&self) -> usize {
        self.cells.len()
    }
}

/// One styling step of a `DataFrameView`, applied in order when it draws.
pub(crate) enum StyleRule {
    Extreme { max: bool, axis: Axis },
    Map { column: String, paint: Box<Paint> },
}

impl StyleRule {
    /// The cells this rule paints (highlights in `highlight`), or why it cannot (an unknown
    /// column, a bad colour).
    pub(crate) fn cells(&self, data: &DataFrame, highlight: &str) -> Result<Vec<StyledCell>, String> {
        match self {
            StyleRule::Extreme { max, axis } => {
                let style = CellStyle::background(highlight)?;
                Ok(extremes(data, *max, *axis).into_iter().map(|cell| (cell, style.clone())).collect())
            }
            StyleRule::Map { column, paint } => {
                let index = data.column_index(column).map_err(|e| format!("a cell style {e}"))?;
                let mut cells = Vec::new();
                for row in 0..data.num_rows() {
                    if let Some(color) = paint(&data.value(row, index)) {
                        cells.push(((row, index), CellStyle::background(&color)?));
                    }
                }
                Ok(cells)
            }
        }
    }
}

/// The cells holding the largest (`max`) or smallest value along `axis`; ties are all
/// highlighted and nulls and NaN never are, as in pandas.
pub fn extremes(data: &DataFrame, max: bool, axis: Axis) -> Vec<(usize, usize)> {
    let better = |a: f64, b: f64| if max { a > b } else { a < b };
    match axis {
        Axis::Columns => (0..data.num_columns())
            .flat_map(|column| {
                let keys = sort_keys(data, column);
                pick(&keys, better).into_iter().map(move |row| (row, column))
            })
            .collect(),
        Axis::Rows | Axis::Frame => {
            let numeric: Vec<usize> =
                (0..data.num_columns()).filter(|c| matches!(data.dtype(*c), DataType::Int | DataType::Float)).collect();
            let keys: Vec<Vec<Option<f64>>> = numeric.iter().map(|c| sort_keys(data, *c)).collect();
            if axis == Axis::Frame {
                let all: Vec<Option<f64>> = keys.iter().flatten().copied().collect();
                let rows = data.num_rows();
                return pick(&all, better).into_iter().map(|i| (i % rows, numeric[i / rows])).collect();
            }
            let mut cells = Vec::new();
            for row in 0..data.num_rows() {
                let across: Vec<Option<f64>> = keys.iter().map(|k| k[row]).collect();
                cells.extend(pick(&across, better).into_iter().map(|i| (row, numeric[i])));
            }
            cells
        }
    }
}

/// The positions of the best keys (all of them when tied).
fn pick(keys: &[Option<f64>], better: impl Fn(f64, f64) -> bool) -> Vec<usize> {
    let mut best: Option<f64> = None;
    let mut at = Vec::new();
    for (i, key) in keys.iter().enumerate() {
        let Some(key) = key.filter(|k| !k.is_nan()) else { continue };
        match best {
            Some(b) if better(b, key) => {}
            Some(b) if b == key => at.push(i),
            _ => {
                best = Some(key);
                at = vec![i];
            }
        }
    }
    at
}

/// A number per cell that orders the column as its values order (`None` for nulls); text and
/// bool columns have none, so they are never highlighted.
fn sort_keys(data: &DataFrame, column: usize) -> Vec<Option<f64>> {
    let array = data.column_at(column);
    match data.dtype(column) {
        DataType::Int => array.as_primitive::<Int64Type>().iter().map(|v| v.map(|v| v as f64)).collect(),
        DataType::Float => array.as_primitive::<Float64Type>().iter().collect(),
        DataType::Date => array.as_primitive::<Date32Type>().iter().map(|v| v.map(f64::from)).collect(),
        DataType::Datetime => {
            array.as_primitive::<TimestampMillisecondType>().iter().map(|v| v.map(|v| v as f64)).collect()
        }
        DataType::Bool | DataType::Text => vec![None; array.len()],
    }
}

/// Accepts `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb(..)`/`rgba(..)`/`hsl(..)`/`hsla(..)`
/// with numbers, and CSS colour names; anything else is refused with the reason.
pub fn check_color(color: &str) -> Result<(), String> {
    let refuse = || {
        Err(format!(
            "\"{color}\" is not a colour: use a CSS name (\"yellow\"), #rgb/#rrggbb(aa), or rgb(..)/rgba(..)/hsl(..)"
        ))
    };
    if let Some(hex) = color.strip_prefix('#') {
        return if matches!(hex.len(), 3 | 4 | 6 | 8) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            Ok(())
        } else {
            refuse()
        };
    }
    for function in ["rgb(", "rgba(", "hsl(", "hsla("] {
        if let Some(inner) = color.strip_prefix(function).and_then(|rest| rest.strip_suffix(')')) {
            let allowed = |c: char| c.is_ascii_alphanumeric() || " ,.%/-+".contains(c);
            return if !inner.trim().is_empty() && inner.chars().all(allowed) { Ok(()) } else { refuse() };
        }
    }
    if !color.is_empty() && color.len() <= 24 && color.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Ok(());
    }
    refuse()
}

/// Dark text on a light background, white on a dark one, when the colour is known.
fn text_color_on(color: &str) -> Option<&'static str> {
    let [r, g, b] = rgb_of(color)?;
    // Relative luminance (sRGB approximated by a 2.2 gamma), against the midpoint of the
    // contrast scale between black and white text.
    let linear = |c: u8| (f64::from(c) / 255.0).powf(2.2);
    let luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    Some(if luminance > 0.18 { "#31333f" } else { "#ffffff" })
}

fn rgb_of(color: &str) -> Option<[u8; 3]> {
    if let Some(hex) = color.strip_prefix('#') {
        let digits: Vec<u8> = hex.chars().map(|c| c.to_digit(16).map(|d| d as u8)).collect::<Option<_>>()?;
        return match digits.len() {
            3 | 4 => Some([digits[0] * 17, digits[1] * 17, digits[2] * 17]),
            6 | 8 => Some([digits[0] * 16 + digits[1], digits[2] * 16 + digits[3], digits[4] * 16 + digits[5]]),
            _ => None,
        };
    }
    if let Some(inner) = color.strip_prefix("rgb(").or_else(|| color.strip_prefix("rgba(")) {
        let parts: Vec<u8> = inner
            .trim_end_matches(')')
            .split([',', ' ', '/'])
            .filter(|p| !p.is_empty())
            .take(3)
            .map(|p| p.parse::<f64>().ok().map(|v| v.clamp(0.0, 255.0) as u8))
            .collect::<Option<_>>()?;
        return (parts.len() == 3).then(|| [parts[0], parts[1], parts[2]]);
    }
    let named = [
        ("yellow", [255, 255, 0]),
        ("lightyellow", [255, 255, 224]),
        ("gold", [255, 215, 0]),
        ("orange", [255, 165, 0]),
        ("red", [255, 0, 0]),
        ("pink", [255, 192, 203]),
        ("lightgreen", [144, 238, 144]),
        ("green", [0, 128, 0]),
        ("lightblue", [173, 216, 230]),
        ("blue", [0, 0, 255]),
        ("purple", [128, 0, 128]),
        ("gray", [128, 128, 128]),
        ("grey", [128, 128, 128]),
        ("lightgray", [211, 211, 211]),
        ("lightgrey", [211, 211, 211]),
        ("black", [0, 0, 0]),
        ("white", [255, 255, 255]),
    ];
    let lower = color.to_ascii_lowercase();
    named.iter().find(|(name, _)| *name == lower).map(|(_, rgb)| *rgb)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Column;

    fn frame() -> DataFrame {
        DataFrame::new(vec![
            ("a", Column::Int(vec![Some(1), Some(9), None, Some(9)])),
            ("b", Column::Float(vec![Some(f64::NAN), Some(0.5), Some(2.5), Some(-1.0)])),
            ("c", Column::Text(vec![Some("z".into()), None, None, None])),
        ])
        .unwrap()
    }

    #[test]
    fn column_extremes_tie_and_skip_nulls_nan_and_text() {
        assert_eq!(extremes(&frame(), true, Axis::Columns), vec![(1, 0), (3, 0), (2, 1)]);
        assert_eq!(extremes(&frame(), false, Axis::Columns), vec![(0, 0), (3, 1)]);
    }

    #[test]
    fn row_and_frame_extremes_take_numeric_columns_only() {
        assert_eq!(extremes(&frame(), true, Axis::Rows), vec![(0, 0), (1, 0), (2, 1), (3, 0)]);
        assert_eq!(extremes(&frame(), false, Axis::Frame), vec![(3, 1)]);
        assert_eq!(extremes(&frame(), true, Axis::Frame), vec![(1, 0), (3, 0)]);
    }

    #[test]
    fn later_styles_of_a_cell_win_and_lookups_find_them() {
        let paint = |c: &str| CellStyle::background(c).unwrap();
        let styles = CellStyles::new(vec![((2, 1), paint("red")), ((0, 0), paint("blue")), ((2, 1), paint("#fff"))]);
        assert_eq!(styles.len(), 2);
        assert_eq!(styles.get(2, 1).unwrap().background, "#fff");
        assert_eq!(styles.get(0, 0).unwrap().color.as_deref(), Some("#ffffff"));
        assert!(styles.get(1, 1).is_none());
    }

    #[test]
    fn colours_are_checked_and_text_stays_readable() {
        for good in ["yellow", "#ff0", "#ffff00aa", "rgb(1, 2, 3)", "rgba(1 2 3 / 50%)", "hsl(120deg 50% 50%)"] {
            assert!(check_color(good).is_ok(), "{good}");
        }
        for bad in ["", "#ggg", "#12345", "red; color: blue", "url(x)", "rgb(1,2,3", "expression(alert(1))"] {
            assert!(check_color(bad).is_err(), "{bad}");
        }
        assert_eq!(CellStyle::background("yellow").unwrap().color.as_deref(), Some("#31333f"));
        assert_eq!(CellStyle::background("#000080").unwrap().color.as_deref(), Some("#ffffff"));
        assert_eq!(CellStyle::background("rebeccapurple").unwrap().color, None);
    }

    #[test]
    fn a_map_rule_paints_by_value_and_names_an_unknown_column() {
        let rule = StyleRule::Map {
            column: "b".into(),
            paint: Box::new(|v| matches!(v, Value::Float(x) if *x < 0.0).then(|| "pink".to_string())),
        };
        let cells = rule.cells(&frame(), DEFAULT_HIGHLIGHT).unwrap();
        assert_eq!(cells.iter().map(|(cell, _)| *cell).collect::<Vec<_>>(), vec![(3, 1)]);
        let missing = StyleRule::Map { column: "zz".into(), paint: Box::new(|_| None) };
        assert!(missing.cells(&frame(), DEFAULT_HIGHLIGHT).unwrap_err().contains("zz"));
        let bad = StyleRule::Extreme { max: true, axis: Axis::Columns };
        assert!(bad.cells(&frame(), "red;x").unwrap_err().contains("not a colour"));
    }
}
