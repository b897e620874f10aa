//! Streamlit's data rules for the built-in charts, compiled to a Vega-Lite spec.
//!
//! - **Wide data** (no `y`): every column other than `x`, `color` and `size` is a series,
//!   drawn against `x` (the row position when there is no `x`). Several series are folded by
//!   Vega-Lite's `fold` transform into a series field (the legend) and a value field, so the
//!   frame reaches Vega as it is, with no melted copy.
//! - **Long data**: `y` names one column (or several, folded as above) and `color` a column
//!   whose values split the rows into series.
//! - `color` is a column name, or a constant colour (`#rrggbb`), or one colour per y column.
//!   `size` (scatter) is a numeric column or a constant. `stack` (area, bar) is Vega-Lite's
//!   `stack`; `horizontal` (bar) swaps the axes.
//!
//! Every name is checked against the frame first, and every y column must hold numbers: a
//! [`ChartError`] names the part and the column otherwise.

use serde_json::{json, Map, Value};

use super::reduce::{Mode, Plan};
use super::rows::INDEX_FIELD;
use super::{ChartError, ChartKind, ChartOptions, ColorArg, SizeArg, Stack};
use crate::data::{DataFrame, DataType};

/// The field the fold transform puts a folded series' name in.
pub const SERIES_FIELD: &str = "color--wl";
/// The field the fold transform puts a folded series' value in.
pub const VALUE_FIELD: &str = "value--wl";
/// The interval selection bound to the scales (wheel zoom, drag pan); the renderer listens
/// to it to re-reduce large frames.
pub const ZOOM_PARAM: &str = "zoom";
/// A chart's height when none is given, as Streamlit's.
pub const DEFAULT_HEIGHT: u32 = 350;

/// What [`build`] makes of a frame: the spec (data named `"data"`), the columns whose values
/// reach Vega, whether rows carry their position, and how to reduce them.
#[derive(Clone, Debug, PartialEq)]
pub struct Built {
    pub spec: Value,
    pub columns: Vec<usize>,
    pub index: bool,
    pub plan: Option<Plan>,
}

/// A column name as a Vega-Lite field: `.`, `[`, `]` and `\` are escaped (they would
/// otherwise access nested fields).
///
/// ```
/// assert_eq!(wasmlit::charts::spec::field("a.b"), "a\\.b");
/// ```
pub fn field(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if matches!(c, '.' | '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The radius in CSS pixels of a scatter's points, all of one size (the mark's `size`, else
/// [`POINT_SIZE`](super::palette::POINT_SIZE)); `None` when a column sizes them.
///
/// ```
/// use serde_json::json;
/// use wasmlit::charts::spec::point_radius;
/// let four_pi = json!({"mark": {"type": "circle", "size": 4.0 * std::f64::consts::PI}});
/// assert!(point_radius(&four_pi).is_some_and(|r| (r - 2.0).abs() < 1e-9));
/// assert_eq!(point_radius(&json!({"mark": "circle", "encoding": {"size": {"field": "w"}}})), None);
/// ```
pub fn point_radius(spec: &Value) -> Option<f64> {
    if spec.get("encoding").and_then(|e| e.get("size")).is_some() {
        return None;
    }
    let size =
        spec.get("mark").and_then(|m| m.get("size")).and_then(Value::as_f64).unwrap_or(super::palette::POINT_SIZE);
    Some((size.max(0.0) / std::f64::consts::PI).sqrt())
}

fn find(frame: &DataFrame, part: &'static str, name: &str) -> Result<usize, ChartError> {
    frame.column_index(name).map_err(|_| ChartError::UnknownColumn {
        part,
        name: name.to_string(),
        columns: frame.column_names().iter().map(|c| c.to_string()).collect(),
    })
}

fn numeric(frame: &DataFrame, part: &'static str, column: usize) -> Result<usize, ChartError> {
    let dtype = frame.dtype(column);
    if dtype.is_numeric() {
        Ok(column)
    } else {
        Err(ChartError::NotNumeric { part, column: frame.column_names()[column].to_string(), dtype })
    }
}

/// The Vega-Lite type of a column's values.
fn vl_type(dtype: DataType) -> &'static str {
    match dtype {
        DataType::Int | DataType::Float => "quantitative",
        DataType::Date | DataType::Datetime => "temporal",
        DataType::Bool | DataType::Text => "nominal",
    }
}

/// How the series get their colours.
enum Colour {
    /// One series, Vega's first category colour.
    Default,
    /// A column splits the rows (`quantitative`: a numeric column, a colour ramp).
    Column { column: usize, quantitative: bool },
    /// Constant colours, one per y column.
    Fixed(Vec<String>),
}

/// Compiles `options` for `frame` into a chart of `kind` (see the module docs).
pub fn build(kind: ChartKind, frame: &DataFrame, options: &ChartOptions) -> Result<Built, ChartError> {
    let names = frame.column_names();
    let x = options.x.as_deref().map(|name| find(frame, "x", name)).transpose()?;
    let colour = match &options.color {
        None => Colour::Default,
        Some(ColorArg::Named(name)) => match frame.column_index(name) {
            Ok(column) => Colour::Column { column, quantitative: frame.dtype(column).is_numeric() },
            Err(_) if super::palette::is_hex_colour(name) => Colour::Fixed(vec![name.clone()]),
            Err(_) => {
                return Err(ChartError::Color(format!(
                    "color \"{name}\" is neither a column of the frame ({}) nor a colour like \"#ff0000\"",
                    names.join(", ")
                )))
            }
        },
        Some(ColorArg::Fixed(colours)) => {
            if let Some(bad) = colours.iter().find(|c| !super::palette::is_hex_colour(c)) {
                return Err(ChartError::Color(format!("\"{bad}\" is not a colour like \"#ff0000\"")));
            }
            Colour::Fixed(colours.clone())
        }
    };
    let size = match &options.size {
        Some(SizeArg::Column(name)) => Some(numeric(frame, "size", find(frame, "size", name)?)?),
        _ => None,
    };
    let colour_column = match colour {
        Colour::Column { column, .. } => Some(column),
        _ => None,
    };
    let ys: Vec<usize> = if options.y.is_empty() {
        let taken = [x, colour_column, size];
        let wide: Vec<usize> = (0..frame.num_columns()).filter(|c| !taken.contains(&Some(*c))).collect();
        if wide.is_empty() {
            return Err(ChartError::NoSeries);
        }
        wide
    } else {
        options.y.iter().map(|name| find(frame, "y", name)).collect::<Result<_, _>>()?
    };
    for &y in &ys {
        numeric(frame, "y", y)?;
    }
    if colour_column.is_some() && ys.len() > 1 {
        return Err(ChartError::Color(
            "a color column splits one y column into series; with several y columns, give one colour per column".into(),
        ));
    }
    if let Colour::Fixed(colours) = &colour {
        if colours.len() != ys.len() {
            return Err(ChartError::Color(format!(
                "{} colours for {} y columns: give one colour per y column",
                colours.len(),
                ys.len()
            )));
        }
    }

    // x: its field, type, and whether it is continuous (zoomable, reducible).
    let x_dtype = x.map(|c| frame.dtype(c));
    let x_field = x.map_or(INDEX_FIELD.to_string(), |c| field(names[c]));
    let x_type = match (kind, x_dtype) {
        (ChartKind::Bar, Some(DataType::Date | DataType::Datetime)) => "temporal",
        (ChartKind::Bar, _) => "ordinal",
        (_, None) => "quantitative",
        (_, Some(dtype)) => vl_type(dtype),
    };
    let continuous = matches!(x_type, "quantitative" | "temporal");
    let x_title = options.x_label.clone().map(Value::from).unwrap_or_else(|| match x {
        Some(c) => Value::from(names[c]),
        None => Value::Null,
    });
    let mut x_enc = json!({"field": x_field, "type": x_type, "title": x_title});
    if x_type == "temporal" {
        x_enc["scale"] = json!({"type": "utc"});
    }

    // y: one column, or several folded into a series field and a value field.
    let folded = ys.len() > 1;
    let y_field = if folded { VALUE_FIELD.to_string() } else { field(names[ys[0]]) };
    let y_title = match (&options.y_label, folded) {
        (Some(label), _) => Value::from(label.clone()),
        (None, true) => Value::Null,
        (None, false) => Value::from(names[ys[0]]),
    };
    let mut y_enc = json!({"field": y_field, "type": "quantitative", "title": y_title});
    if matches!(kind, ChartKind::Area | ChartKind::Bar) {
        match options.stack {
            Stack::Auto => {}
            Stack::Zero => y_enc["stack"] = json!("zero"),
            Stack::Off => y_enc["stack"] = Value::Null,
            Stack::Normalize => y_enc["stack"] = json!("normalize"),
            Stack::Center => y_enc["stack"] = json!("center"),
        }
    }

    let mut encoding = Map::new();
    let mut mark = json!({"type": kind.mark()});
    let mut tooltip = vec![
        json!({"field": x_field, "type": x_type, "title": x.map_or("index", |c| names[c])}),
        json!({"field": y_field, "type": "quantitative", "title": if folded { "value" } else { names[ys[0]] }}),
    ];
    let series_field = match (&colour, folded) {
        (Colour::Column { column, .. }, _) => Some(field(names[*column])),
        (_, true) => Some(SERIES_FIELD.to_string()),
        _ => None,
    };
    if let Some(series) = &series_field {
        let quantitative = matches!(colour, Colour::Column { quantitative: true, .. }) && kind == ChartKind::Scatter;
        let title = match colour {
            Colour::Column { column, .. } => names[column],
            _ => "series",
        };
        let mut colour_enc = json!({
            "field": series,
            "type": if quantitative { "quantitative" } else { "nominal" },
            "title": " ",
            "legend": {"orient": "bottom"},
        });
        if let Colour::Fixed(colours) = &colour {
            let domain: Vec<&str> = ys.iter().map(|&y| names[y]).collect();
            colour_enc["scale"] = json!({"domain": domain, "range": colours});
        }
        tooltip.push(json!({"field": series, "type": colour_enc["type"], "title": title}));
        encoding.insert("color".into(), colour_enc);
        if kind == ChartKind::Bar && options.stack == Stack::Off {
            let offset = if options.horizontal { "yOffset" } else { "xOffset" };
            encoding.insert(offset.into(), json!({"field": series, "type": "nominal"}));
        }
    } else if let Colour::Fixed(colours) = &colour {
        mark["color"] = json!(colours[0]);
    }
    match (&options.size, size) {
        (_, Some(column)) => {
            encoding.insert(
                "size".into(),
                json!({"field": field(names[column]), "type": "quantitative", "title": names[column]}),
            );
            tooltip.push(json!({"field": field(names[column]), "type": "quantitative", "title": names[column]}));
        }
        (Some(SizeArg::Fixed(points)), None) => mark["size"] = json!(points),
        _ => {}
    }
    if options.horizontal && kind == ChartKind::Bar {
        encoding.insert("x".into(), y_enc);
        encoding.insert("y".into(), x_enc);
    } else {
        encoding.insert("x".into(), x_enc);
        encoding.insert("y".into(), y_enc);
    }
    encoding.insert("tooltip".into(), Value::Array(tooltip));

    let mut spec = json!({
        "data": {"name": "data"},
        "mark": mark,
        "encoding": encoding,
        "height": options.height.unwrap_or(DEFAULT_HEIGHT),
        "autosize": {"type": "fit", "contains": "padding"},
    });
    spec["width"] = match (options.width, options.use_container_width) {
        (Some(width), false) => json!(width),
        _ => json!("container"),
    };
    if folded {
        let fields: Vec<String> = ys.iter().map(|&y| field(names[y])).collect();
        spec["transform"] = json!([{"fold": fields, "as": [SERIES_FIELD, VALUE_FIELD]}]);
    }
    let zoomable = continuous && kind != ChartKind::Bar;
    if zoomable {
        let encodings = if kind == ChartKind::Scatter { json!(["x", "y"]) } else { json!(["x"]) };
        spec["params"] =
            json!([{"name": ZOOM_PARAM, "select": {"type": "interval", "encodings": encodings}, "bind": "scales"}]);
    }

    let mut columns: Vec<usize> = x.into_iter().chain(ys.iter().copied()).chain(colour_column).chain(size).collect();
    columns.dedup();
    let mode = match kind {
        ChartKind::Line | ChartKind::Area => Some(Mode::Lines),
        ChartKind::Scatter => Some(Mode::Points),
        ChartKind::Bar => None,
    };
    let group = match colour {
        Colour::Column { column, quantitative } if !(quantitative && kind == ChartKind::Scatter) => Some(column),
        _ => None,
    };
    let plan = mode.filter(|_| zoomable).map(|mode| Plan { x, ys: ys.clone(), group, mode });
    Ok(Built { spec, columns, index: x.is_none(), plan })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Column;

    fn wide() -> DataFrame {
        DataFrame::new(vec![
            ("alpha", Column::from(vec![1.0, 2.0, 3.0])),
            ("beta", Column::from(vec![3_i64, 1, 2])),
            ("gamma", Column::from(vec![0.5, 0.1, 0.9])),
        ])
        .unwrap()
    }

    fn long() -> DataFrame {
        DataFrame::new(vec![
            ("day", Column::from(vec!["Mon", "Mon", "Tue", "Tue"])),
            ("region", Column::from(vec!["north", "south", "north", "south"])),
            ("sales", Column::from(vec![10_i64, 20, 30, 40])),
            ("cost", Column::from(vec![1.0, 2.0, 3.0, 4.0])),
            ("weight", Column::from(vec![1.0, 2.0, 3.0, 4.0])),
        ])
        .unwrap()
    }

    fn opts() -> ChartOptions {
        ChartOptions::default()
    }

    #[test]
    fn wide_data_folds_every_column_on_the_index() {
        let built = build(ChartKind::Line, &wide(), &opts()).unwrap();
        let s = &built.spec;
        assert_eq!(s["mark"]["type"], "line");
        assert_eq!(s["transform"][0]["fold"], json!(["alpha", "beta", "gamma"]));
        assert_eq!(s["encoding"]["x"]["field"], INDEX_FIELD);
        assert_eq!(s["encoding"]["x"]["type"], "quantitative");
        assert_eq!(s["encoding"]["y"]["field"], VALUE_FIELD);
        assert_eq!(s["encoding"]["color"]["field"], SERIES_FIELD);
        assert_eq!(s["encoding"]["color"]["legend"]["orient"], "bottom");
        assert_eq!(s["params"][0]["bind"], "scales");
        assert_eq!(s["width"], "container");
        assert_eq!(s["height"], DEFAULT_HEIGHT);
        assert_eq!((built.columns, built.index), (vec![0, 1, 2], true));
        assert_eq!(built.plan, Some(Plan { x: None, ys: vec![0, 1, 2], group: None, mode: Mode::Lines }));
    }

    #[test]
    fn one_y_column_is_not_folded_and_titles_the_axis() {
        let options = ChartOptions { y: vec!["beta".into()], ..opts() };
        let s = build(ChartKind::Area, &wide(), &options).unwrap().spec;
        assert!(s.get("transform").is_none());
        assert_eq!(s["encoding"]["y"]["field"], "beta");
        assert_eq!(s["encoding"]["y"]["title"], "beta");
        assert!(s["encoding"].get("color").is_none());
        assert_eq!(s["mark"]["type"], "area");
    }

    #[test]
    fn long_data_with_a_color_column_splits_series() {
        let options = ChartOptions {
            x: Some("day".into()),
            y: vec!["sales".into()],
            color: Some(ColorArg::Named("region".into())),
            ..opts()
        };
        let built = build(ChartKind::Bar, &long(), &options).unwrap();
        let s = &built.spec;
        assert_eq!(s["encoding"]["x"], json!({"field": "day", "type": "ordinal", "title": "day"}));
        assert_eq!(s["encoding"]["color"]["field"], "region");
        assert_eq!(s["encoding"]["color"]["type"], "nominal");
        assert!(s.get("params").is_none(), "bars on categories do not zoom");
        assert_eq!(built.columns, vec![0, 2, 1]);
        assert_eq!(built.plan, None, "bars are never reduced");
        // The same on a line chart: x is nominal, so no zoom and no reduction either.
        let line = build(ChartKind::Line, &long(), &options).unwrap();
        assert_eq!(line.spec["encoding"]["x"]["type"], "nominal");
        assert_eq!(line.plan, None);
    }

    #[test]
    fn stack_horizontal_and_labels() {
        let base = ChartOptions { x: Some("day".into()), y: vec!["sales".into(), "cost".into()], ..opts() };
        let cases = [
            (Stack::Auto, None),
            (Stack::Zero, Some(json!("zero"))),
            (Stack::Off, Some(Value::Null)),
            (Stack::Normalize, Some(json!("normalize"))),
            (Stack::Center, Some(json!("center"))),
        ];
        for (stack, expected) in cases {
            let s = build(ChartKind::Area, &long(), &ChartOptions { stack, ..base.clone() }).unwrap().spec;
            assert_eq!(s["encoding"]["y"].get("stack").cloned(), expected, "{stack:?}");
        }
        let line = build(ChartKind::Line, &long(), &ChartOptions { stack: Stack::Normalize, ..base.clone() }).unwrap();
        assert!(line.spec["encoding"]["y"].get("stack").is_none(), "lines do not stack");
        let options = ChartOptions {
            horizontal: true,
            stack: Stack::Off,
            x_label: Some("Day".into()),
            y_label: Some("Amount".into()),
            ..base
        };
        let s = build(ChartKind::Bar, &long(), &options).unwrap().spec;
        assert_eq!(s["encoding"]["y"]["field"], "day");
        assert_eq!(s["encoding"]["y"]["title"], "Day");
        assert_eq!(s["encoding"]["x"]["field"], VALUE_FIELD);
        assert_eq!(s["encoding"]["x"]["title"], "Amount");
        assert_eq!(s["encoding"]["yOffset"]["field"], SERIES_FIELD, "unstacked bars are grouped");
    }

    #[test]
    fn scatter_size_and_colours() {
        let options = ChartOptions {
            x: Some("cost".into()),
            y: vec!["sales".into()],
            size: Some(SizeArg::Column("weight".into())),
            color: Some(ColorArg::Named("#ff0000".into())),
            ..opts()
        };
        let built = build(ChartKind::Scatter, &long(), &options).unwrap();
        let s = &built.spec;
        assert_eq!(s["mark"], json!({"type": "circle", "color": "#ff0000"}));
        assert_eq!(s["encoding"]["size"]["field"], "weight");
        assert_eq!(s["params"][0]["select"]["encodings"], json!(["x", "y"]));
        assert_eq!(built.plan.map(|p| p.mode), Some(Mode::Points));
        let fixed = ChartOptions { size: Some(SizeArg::Fixed(20.0)), ..opts() };
        let s = build(ChartKind::Scatter, &wide(), &fixed).unwrap().spec;
        assert_eq!(s["mark"]["size"], 20.0);
        let colours =
            ChartOptions { color: Some(ColorArg::Fixed(vec!["#000".into(), "#111".into(), "#222".into()])), ..opts() };
        let s = build(ChartKind::Line, &wide(), &colours).unwrap().spec;
        assert_eq!(s["encoding"]["color"]["scale"]["range"], json!(["#000", "#111", "#222"]));
        assert_eq!(s["encoding"]["color"]["scale"]["domain"], json!(["alpha", "beta", "gamma"]));
        // A numeric color column on a scatter is a colour ramp, not series.
        let ramp = ChartOptions {
            x: Some("cost".into()),
            y: vec!["sales".into()],
            color: Some(ColorArg::Named("weight".into())),
            ..opts()
        };
        let built = build(ChartKind::Scatter, &long(), &ramp).unwrap();
        assert_eq!(built.spec["encoding"]["color"]["type"], "quantitative");
        assert_eq!(built.plan.and_then(|p| p.group), None);
    }

    #[test]
    fn dates_are_temporal_and_odd_names_are_escaped() {
        let day = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        let df =
            DataFrame::new(vec![("when.day", Column::from(vec![day])), ("v[0]", Column::from(vec![1.0]))]).unwrap();
        let options = ChartOptions { x: Some("when.day".into()), ..opts() };
        let s = build(ChartKind::Line, &df, &options).unwrap().spec;
        assert_eq!(s["encoding"]["x"]["field"], "when\\.day");
        assert_eq!(s["encoding"]["x"]["type"], "temporal");
        assert_eq!(s["encoding"]["y"]["field"], "v\\[0\\]");
        assert_eq!(s["encoding"]["x"]["title"], "when.day");
    }

    #[test]
    fn bad_input_names_the_part_and_the_column() {
        let missing = ChartOptions { x: Some("nope".into()), ..opts() };
        let error = build(ChartKind::Line, &wide(), &missing).unwrap_err().to_string();
        assert!(error.contains("x") && error.contains("\"nope\"") && error.contains("alpha, beta, gamma"), "{error}");
        let missing_y = ChartOptions { y: vec!["alpha".into(), "delta".into()], ..opts() };
        assert!(build(ChartKind::Line, &wide(), &missing_y).unwrap_err().to_string().contains("\"delta\""));
        let text_y = ChartOptions { y: vec!["day".into()], ..opts() };
        let error = build(ChartKind::Bar, &long(), &text_y).unwrap_err().to_string();
        assert!(error.contains("\"day\"") && error.contains("text"), "{error}");
        // Wide data with a text column: the column is named too.
        let error = build(ChartKind::Line, &long(), &opts()).unwrap_err().to_string();
        assert!(error.contains("\"day\""), "{error}");
        let colour = ChartOptions { color: Some(ColorArg::Named("blurple".into())), ..opts() };
        assert!(build(ChartKind::Line, &wide(), &colour).unwrap_err().to_string().contains("\"blurple\""));
        let count = ChartOptions { color: Some(ColorArg::Fixed(vec!["#000".into()])), ..opts() };
        assert!(build(ChartKind::Line, &wide(), &count).unwrap_err().to_string().contains("1 colours for 3 y columns"));
        let size = ChartOptions { size: Some(SizeArg::Column("day".into())), ..opts() };
        assert!(build(ChartKind::Scatter, &long(), &size).unwrap_err().to_string().contains("size"));
        let nothing = DataFrame::new(vec![("x", Column::from(vec![1.0]))]).unwrap();
        let only_x = ChartOptions { x: Some("x".into()), ..opts() };
        assert_eq!(build(ChartKind::Line, &nothing, &only_x).unwrap_err(), ChartError::NoSeries);
        let both = ChartOptions {
            y: vec!["sales".into(), "cost".into()],
            color: Some(ColorArg::Named("region".into())),
            ..opts()
        };
        assert!(matches!(build(ChartKind::Line, &long(), &both), Err(ChartError::Color(_))));
    }
}
