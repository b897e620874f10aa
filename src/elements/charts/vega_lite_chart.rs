//! `vega_lite_chart`: any Vega-Lite spec, over a frame or the spec's own data, as
//! `st.vega_lite_chart`; with a selection mode it is a widget whose value is the selection.
//!
//! **Registry.** As `dataframe`: a chart drawn without a selection mode is not registered
//! (no identity, nothing in session state). With [`VegaLiteChart::selection_mode`]
//! (Streamlit's `on_select="rerun"` with `selection_mode=[...]`, or [`VegaLiteChart::on_select`]
//! for every selection parameter of the spec) it is registered: its identity is its key, or
//! its spec and modes; the selection survives reruns and `.on_change(..)` is Streamlit's
//! callable `on_select`.
//!
//! **Selection.** As Streamlit's `event.selection`: one entry per selection parameter of the
//! selection mode, `{}` when it has no selection; an interval is `{"field": [min, max]}` (Vega's
//! value of the parameter's signal), points are the list of the selected points, each
//! `{"field": value, ...}` over the fields the selection projects (`{"_vgsid_": n}`, Vega's
//! row id, when it projects none), as Streamlit takes them from Vega-Lite's `vlPoint`. The
//! wire value is that object; the script gets a [`ChartSelection`] ([`ChartSelection::json`]
//! is Streamlit's whole event, `{"selection": {...}}`).
//!
//! **Checks.** The spec must be a JSON object with a mark (or a layer, concat, facet or
//! repeat); with a frame, every field the top-level encoding names must be a column (unless
//! the spec transforms its data), and every selection mode must name a selection parameter.
//! Anything else Vega cannot parse is caught by the page and shown as an error in place.

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::app_test::TestValue;
use crate::charts::{mark_type, ChartError, ChartHandle, ChartProps, ChartSpec};
use crate::data::DataFrame;
use crate::element::make;
use crate::element::{WidgetCommon, WidgetProps, WidgetValue};
use crate::identity::Identity;
use crate::ui::{Command, Ui};
use crate::widgets::{api, identity, register, show_error, CommonOptions, Spec, WidgetOptions};

/// What the page shows for a Vega-Lite chart: the widget's fields, the chart, and the
/// selection (a JSON object, `{}` when nothing is selected).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VegaLiteChartProps {
    pub common: WidgetCommon,
    pub chart: ChartProps,
    /// The selection parameters whose selections reach the script; empty: none.
    pub selection_mode: Vec<String>,
    pub selection: String,
}

/// What a chart with a selection mode returns: each selection parameter's selection, as
/// Streamlit's `event.selection` (every parameter of the mode is there, `{}` when empty).
///
/// ```
/// use wasmlit::prelude::*;
/// let df = DataFrame::new(vec![("a", Column::from(vec![1.0, 2.0])), ("b", Column::from(vec![3.0, 4.0]))]).unwrap();
/// let spec = serde_json::json!({
///     "mark": "point",
///     "params": [{"name": "pick", "select": {"type": "point", "fields": ["a"]}}],
///     "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "b", "type": "quantitative"}},
/// });
/// let mut at = AppTest::new(move |ui: &Ui| {
///     let selection = ui.add(VegaLiteChart::new(spec.clone()).data(&df).on_select());
///     ui.write(selection.json().to_string());
/// });
/// at.run();
/// assert_eq!(at.markdown(0).text(), r#"{"selection":{"pick":{}}}"#);
/// at.vega_lite_chart(0).set_value(r#"{"selection": {"pick": [{"a": 2.0}]}}"#).run();
/// assert_eq!(at.markdown(0).text(), r#"{"selection":{"pick":[{"a":2.0}]}}"#);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ChartSelection {
    pub params: Map<String, Value>,
}

impl ChartSelection {
    /// The selection of parameter `name`, if it has one (not `{}`, `[]` or null).
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.params.get(name).filter(|v| !is_empty_selection(v))
    }
    /// Whether nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.params.values().all(is_empty_selection)
    }
    /// Streamlit's whole event: `{"selection": {"<param>": ...}}`.
    pub fn json(&self) -> Value {
        serde_json::json!({ "selection": self.params })
    }
}

fn is_empty_selection(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Object(map) => map.is_empty(),
        Value::Array(list) => list.is_empty(),
        _ => false,
    }
}

/// The page's value of a selection parameter's signal, as Streamlit returns it: a point
/// selection's `vlPoint.or` (the list of selected points) in place of the signal's value, an
/// interval's value as it is, `{}` for nothing.
///
/// ```
/// use serde_json::json;
/// use wasmlit::elements::charts::vega_lite_chart::streamlit_selection;
/// let points = json!({"a": [2.0], "vlPoint": {"or": [{"a": 2.0}]}});
/// assert_eq!(streamlit_selection(points), json!([{"a": 2.0}]));
/// let interval = json!({"a": [1.0, 3.0]});
/// assert_eq!(streamlit_selection(interval.clone()), interval);
/// assert_eq!(streamlit_selection(json!(null)), json!({}));
/// ```
pub fn streamlit_selection(signal: Value) -> Value {
    let points = signal.get("vlPoint").and_then(|p| p.get("or")).filter(|or| or.is_array()).cloned();
    match (points, signal) {
        (Some(points), _) => points,
        (None, Value::Null) => Value::Object(Map::new()),
        (None, value) => value,
    }
}

fn parse_selection(wire: &str) -> Option<Map<String, Value>> {
    match serde_json::from_str(wire) {
        Ok(Value::Object(map)) => Some(map),
        _ => None,
    }
}

impl WidgetProps for VegaLiteChartProps {
    fn common(&self) -> &WidgetCommon {
        &self.common
    }
    fn value(&self) -> WidgetValue {
        WidgetValue::Text(self.selection.clone())
    }
    fn set_value(&mut self, value: &WidgetValue) {
        if let WidgetValue::Text(selection) = value {
            self.selection = selection.clone();
        }
    }
    /// `AppTest` selects as the page would: a JSON object keyed by parameter
    /// (`at.vega_lite_chart(0).set_value(r#"{"brush": {"x": [1, 2]}}"#)`), or nothing.
    fn test_value(&self, value: TestValue) -> Result<WidgetValue, String> {
        if self.selection_mode.is_empty() {
            return Err("this chart has no selection mode, so nothing can be selected".into());
        }
        match value {
            TestValue::Empty => Ok(WidgetValue::Text("{}".into())),
            TestValue::Text(json) => {
                let mut map = parse_selection(&json).ok_or_else(|| format!("{json} is not a JSON object"))?;
                // Streamlit's whole event, `{"selection": {...}}`, is accepted too.
                if let (1, Some(Value::Object(inner))) = (map.len(), map.get("selection")) {
                    if !self.selection_mode.iter().any(|m| m == "selection") {
                        map = inner.clone();
                    }
                }
                if let Some(unknown) = map.keys().find(|k| !self.selection_mode.contains(k)) {
                    return Err(format!(
                        "\"{unknown}\" is not one of the chart's selection modes ({})",
                        self.selection_mode.join(", ")
                    ));
                }
                Ok(WidgetValue::Text(Value::Object(map).to_string()))
            }
            other => Err(format!("a chart's selection cannot be {other:?}")),
        }
    }
}

impl Ui {
    /// A chart of any Vega-Lite spec over `data` (the spec's `data` is replaced by the
    /// frame). Returns a handle for `add_rows`; options and selections through
    /// [`VegaLiteChart`].
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// use serde_json::json;
    /// let df = DataFrame::new(vec![("a", Column::from(vec![1, 2])), ("b", Column::from(vec![3.0, 1.0]))]).unwrap();
    /// let mut at = AppTest::new(move |ui: &Ui| {
    ///     ui.vega_lite_chart(&df, json!({
    ///         "mark": "point",
    ///         "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "b", "type": "quantitative"}},
    ///     }));
    /// });
    /// at.run();
    /// assert_eq!(at.get("vega_lite_chart").len(), 1);
    /// ```
    pub fn vega_lite_chart(&self, data: &DataFrame, spec: Value) -> ChartHandle {
        VegaLiteChart::new(spec).data(data).draw(self).0
    }
}

/// A Vega-Lite chart with options, as `st.vega_lite_chart`.
///
/// ```
/// use wasmlit::prelude::*;
/// use serde_json::json;
/// let df = DataFrame::new(vec![("a", Column::from(vec![1, 2, 3])), ("b", Column::from(vec![3.0, 1.0, 2.0]))]).unwrap();
/// let mut at = AppTest::new(move |ui: &Ui| {
///     let picked = ui.add(
///         VegaLiteChart::new(json!({
///             "mark": "point",
///             "params": [{"name": "brush", "select": "interval"}],
///             "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "b", "type": "quantitative"}},
///         }))
///         .data(&df)
///         .on_select()
///         .key("scatter"),
///     );
///     ui.write(format!("{:?}", picked.get("brush")));
/// });
/// at.run();
/// at.vega_lite_chart(0).set_value(r#"{"brush": {"a": [1, 2]}}"#).run();
/// assert_eq!(at.markdown(0).text(), r#"Some(Object {"a": Array [Number(1), Number(2)]})"#);
/// ```
#[must_use = "a chart is drawn by `ui.add(..)`"]
pub struct VegaLiteChart {
    spec: Value,
    data: Option<DataFrame>,
    use_container_width: Option<bool>,
    /// `None`: no selection; `Some(empty)`: every selection parameter.
    selection_mode: Option<Vec<String>>,
    options: CommonOptions,
}

impl VegaLiteChart {
    pub fn new(spec: Value) -> Self {
        VegaLiteChart {
            spec,
            data: None,
            use_container_width: None,
            selection_mode: None,
            options: CommonOptions::default(),
        }
    }

    /// The frame the spec draws (its `data` becomes the frame).
    pub fn data(mut self, data: &DataFrame) -> Self {
        self.data = Some(data.clone());
        self
    }

    /// Whether the chart spans its container's width (the spec's `width` otherwise).
    pub fn use_container_width(mut self, fill: bool) -> Self {
        self.use_container_width = Some(fill);
        self
    }

    /// Returns the selections of every selection parameter of the spec, as
    /// `on_select="rerun"`.
    pub fn on_select(mut self) -> Self {
        self.selection_mode.get_or_insert_with(Vec::new);
        self
    }

    /// Returns the selections of these parameters only (Streamlit's `selection_mode`).
    pub fn selection_mode<S: Into<String>>(mut self, params: impl IntoIterator<Item = S>) -> Self {
        self.selection_mode.get_or_insert_with(Vec::new).extend(params.into_iter().map(Into::into));
        self
    }

    /// The spec as the page gets it, and the selection parameters, or what is wrong with it.
    fn resolve(&self) -> Result<(Value, Vec<String>), ChartError> {
        let Value::Object(_) = &self.spec else {
            return Err(ChartError::Spec("the spec is not a JSON object".into()));
        };
        let mut spec = self.spec.clone();
        if mark_type(&spec).is_empty() {
            return Err(ChartError::Spec("the spec has no mark (nor a layer, concat, facet or repeat)".into()));
        }
        if let Some(data) = &self.data {
            let columns: Vec<String> = data.column_names().iter().map(|c| c.to_string()).collect();
            if spec.get("transform").is_none() {
                if let Some(Value::Object(encoding)) = spec.get("encoding") {
                    for (channel, def) in encoding {
                        let fields: Vec<&Value> = match def {
                            Value::Array(defs) => defs.iter().filter_map(|d| d.get("field")).collect(),
                            _ => def.get("field").into_iter().collect(),
                        };
                        for field in fields.into_iter().filter_map(Value::as_str) {
                            if !columns.iter().any(|c| c == field) {
                                return Err(ChartError::UnknownColumn {
                                    part: channel_part(channel),
                                    name: field.to_string(),
                                    columns: columns.clone(),
                                });
                            }
                        }
                    }
                }
            }
            spec["data"] = serde_json::json!({"name": "data"});
        }
        if self.use_container_width == Some(true) {
            spec["width"] = Value::from("container");
        }
        let selectable = selection_params(&spec);
        let modes = match &self.selection_mode {
            None => Vec::new(),
            Some(modes) if modes.is_empty() => {
                if selectable.is_empty() {
                    return Err(ChartError::Spec(
                        "on_select needs a selection parameter in the spec (params: [{\"name\": .., \"select\": ..}])"
                            .into(),
                    ));
                }
                selectable
            }
            Some(modes) => {
                if let Some(unknown) = modes.iter().find(|m| !selectable.contains(m)) {
                    return Err(ChartError::Spec(format!(
                        "selection_mode names \"{unknown}\", but the spec's selection parameters are: {}",
                        selectable.join(", ")
                    )));
                }
                modes.clone()
            }
        };
        Ok((spec, modes))
    }

    /// Draws the chart; returns its handle and the selection.
    pub fn draw(self, ui: &Ui) -> (ChartHandle, ChartSelection) {
        #[cfg(target_arch = "wasm32")]
        crate::web::install_chart_renderer();
        let run = ui.runtime.borrow().run_id;
        let (spec, modes) = match self.resolve() {
            Ok(resolved) => resolved,
            Err(error) => {
                show_error(ui, api(format!("vega_lite_chart: {error}")));
                return (ChartHandle::failed(run), ChartSelection::default());
            }
        };
        let columns = self.data.as_ref().map_or(Vec::new(), |d| (0..d.num_columns()).collect());
        let chart = ChartProps {
            chart: Box::new(ChartSpec {
                spec: spec.clone(),
                data: self.data,
                columns,
                index: false,
                plan: None,
                appended_from: None,
            }),
        };
        let options = self.options;
        let props = |common: WidgetCommon, selection: String| VegaLiteChartProps {
            common,
            chart: chart.clone(),
            selection_mode: modes.clone(),
            selection,
        };
        if modes.is_empty() {
            let id = Identity::new("vega_lite_chart").text("display", "").finish();
            let slot = ui.push_element(make::vega_lite_chart(props(options.common(id, ""), "{}".into())));
            return (ChartHandle::new(slot, run), ChartSelection::default());
        }
        let spec_text = spec.to_string();
        let known = modes.clone();
        let widget = Spec {
            kind: "vega_lite_chart",
            identity: identity(
                "vega_lite_chart",
                options.key.as_deref(),
                |id| id.text("spec", &spec_text).texts("selection_mode", &modes),
                |id| id.texts("selection_mode", &modes),
            ),
            default: WidgetValue::Text("{}".into()),
            decode: Rc::new(move |wire| {
                let WidgetValue::Text(text) = wire else { return None };
                let mut parsed = parse_selection(text)?;
                if !parsed.keys().all(|k| known.contains(k)) {
                    return None;
                }
                // Every parameter of the mode, in the spec's order; `{}` when it selects nothing.
                let params = known
                    .iter()
                    .map(|mode| (mode.clone(), parsed.remove(mode).unwrap_or_else(|| Value::Object(Map::new()))))
                    .collect();
                Some(ChartSelection { params })
            }),
            encode: Box::new(
                |_: &ChartSelection| Err("a chart's selection cannot be set through session state".into()),
            ),
            explicit_default: false,
        };
        match register(ui, "", &options, widget) {
            Ok(registered) => {
                let selection = match &registered.wire {
                    WidgetValue::Text(text) => text.clone(),
                    _ => "{}".into(),
                };
                let slot = ui.push_element(make::vega_lite_chart(props(registered.common.clone(), selection)));
                (ChartHandle::new(slot, run), registered.value)
            }
            Err(error) => {
                show_error(ui, error);
                (ChartHandle::failed(run), ChartSelection::default())
            }
        }
    }
}

/// The part of the spec an encoding channel is, for error messages.
fn channel_part(channel: &str) -> &'static str {
    match channel {
        "x" => "encoding.x",
        "y" => "encoding.y",
        "color" => "encoding.color",
        "size" => "encoding.size",
        "tooltip" => "encoding.tooltip",
        _ => "the encoding",
    }
}

/// The names of the spec's selection parameters (top level and layers).
fn selection_params(spec: &Value) -> Vec<String> {
    let mut names = Vec::new();
    let mut visit = |params: Option<&Value>| {
        for param in params.and_then(Value::as_array).into_iter().flatten() {
            if param.get("select").is_some() {
                if let Some(name) = param.get("name").and_then(Value::as_str) {
                    if !names.iter().any(|n| n == name) {
                        names.push(name.to_string());
                    }
                }
            }
        }
    };
    visit(spec.get("params"));
    for layer in spec.get("layer").and_then(Value::as_array).into_iter().flatten() {
        visit(layer.get("params"));
    }
    names
}

impl WidgetOptions for VegaLiteChart {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.options
    }
}

impl Command for VegaLiteChart {
    type Output = ChartSelection;

    fn show(self, ui: &Ui) -> ChartSelection {
        self.draw(ui).1
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::data::Column;
    use crate::prelude::*;

    fn frame() -> DataFrame {
        DataFrame::new(vec![("a", Column::from(vec![1_i64, 2, 3])), ("b", Column::from(vec![3.0, 1.0, 2.0]))]).unwrap()
    }

    fn points(params: Value) -> Value {
        json!({
            "mark": {"type": "point"},
            "params": params,
            "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "b", "type": "quantitative"}},
        })
    }

    fn props(at: &AppTest, index: usize) -> VegaLiteChartProps {
        let Element::VegaLiteChart(props) = at.get("vega_lite_chart")[index].clone() else { panic!("not a chart") };
        props
    }

    #[test]
    fn a_plain_chart_is_not_registered_and_its_data_is_the_frame() {
        let df = frame();
        let mut at = AppTest::new(move |ui: &Ui| {
            ui.vega_lite_chart(&df, points(json!([])));
            ui.vega_lite_chart(&df, points(json!([])));
        });
        at.run();
        assert!(at.get("exception").is_empty(), "no DuplicateWidgetID");
        let p = props(&at, 0);
        assert_eq!(p.chart.spec["data"], json!({"name": "data"}));
        assert_eq!(p.chart.columns, vec![0, 1]);
        assert!(p.test_value(TestValue::Text("{}".into())).is_err());
    }

    #[test]
    fn a_spec_with_its_own_data_needs_no_frame() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.add(VegaLiteChart::new(json!({
                "data": {"values": [{"a": 1}]},
                "mark": "bar",
                "encoding": {"x": {"field": "a"}},
            })));
        });
        at.run();
        let p = props(&at, 0);
        assert_eq!(p.chart.spec["data"]["values"][0]["a"], 1);
        assert!(p.chart.data.is_none());
    }

    #[test]
    fn selections_reach_the_script_and_survive_reruns() {
        let df = frame();
        let mut at = AppTest::new(move |ui: &Ui| {
            let selection = ui.add(
                VegaLiteChart::new(points(json!([
                    {"name": "brush", "select": {"type": "interval"}},
                    {"name": "pick", "select": "point"},
                    {"name": "size", "value": 3},
                ])))
                .data(&df)
                .selection_mode(["brush"]),
            );
            ui.write(if selection.is_empty() { "nothing".to_string() } else { selection.params["brush"].to_string() });
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "nothing");
        assert_eq!(props(&at, 0).selection_mode, vec!["brush"]);
        at.vega_lite_chart(0).set_value(r#"{"brush": {"a": [1, 2]}}"#).run();
        assert_eq!(at.markdown(0).text(), r#"{"a":[1,2]}"#);
        at.run();
        assert_eq!(at.markdown(0).text(), r#"{"a":[1,2]}"#, "kept across reruns");
        assert!(props(&at, 0).test_value(TestValue::Text(r#"{"pick": {}}"#.into())).is_err(), "not a mode");
        assert!(props(&at, 0).test_value(TestValue::Text("[1]".into())).is_err());
    }

    #[test]
    fn selections_are_shaped_as_streamlit_returns_them() {
        let df = frame();
        let mut at = AppTest::new(move |ui: &Ui| {
            let selection = ui.add(
                VegaLiteChart::new(points(json!([
                    {"name": "brush", "select": "interval"},
                    {"name": "pick", "select": {"type": "point", "fields": ["a"]}},
                ])))
                .data(&df)
                .on_select(),
            );
            ui.write(selection.json().to_string());
            ui.write(format!("{:?} {:?}", selection.get("brush").is_some(), selection.get("pick").is_some()));
        });
        at.run();
        assert_eq!(
            at.markdown(0).text(),
            r#"{"selection":{"brush":{},"pick":{}}}"#,
            "every parameter, {{}} when empty"
        );
        assert_eq!(at.markdown(1).text(), "false false");
        at.vega_lite_chart(0).set_value(r#"{"selection": {"pick": [{"a": 2}]}}"#).run();
        assert_eq!(at.markdown(0).text(), r#"{"selection":{"brush":{},"pick":[{"a":2}]}}"#);
        assert_eq!(at.markdown(1).text(), "false true");
        at.vega_lite_chart(0).set_value(r#"{"brush": {"a": [1, 2.5]}, "pick": []}"#).run();
        assert_eq!(at.markdown(0).text(), r#"{"selection":{"brush":{"a":[1,2.5]},"pick":[]}}"#);
        assert_eq!(at.markdown(1).text(), "true false");
        // The page's signal values become Streamlit's shapes.
        let signal = json!({"a": [2], "vlPoint": {"or": [{"a": 2}, {"a": 3}]}});
        assert_eq!(streamlit_selection(signal), json!([{"a": 2}, {"a": 3}]));
        assert_eq!(streamlit_selection(json!({"a": [1, 2]})), json!({"a": [1, 2]}));
        assert_eq!(streamlit_selection(Value::Null), json!({}));
    }

    #[test]
    fn on_select_takes_every_selection_parameter_and_add_rows_works() {
        let (df, more) = (frame(), frame());
        let mut at = AppTest::new(move |ui: &Ui| {
            let (chart, _) = VegaLiteChart::new(points(json!([
                {"name": "one", "select": "interval"},
                {"name": "two", "select": "point"},
            ])))
            .data(&df)
            .on_select()
            .key("k")
            .draw(ui);
            chart.add_rows(&more).unwrap();
        });
        at.run();
        let p = props(&at, 0);
        assert_eq!(p.selection_mode, vec!["one", "two"]);
        assert_eq!(p.common.key.as_deref(), Some("k"));
        assert_eq!(p.chart.data.as_ref().map(DataFrame::num_rows), Some(6));
        assert_eq!(p.chart.appended_from, Some(3));
    }

    #[test]
    fn bad_specs_are_errors_in_place_naming_the_problem() {
        let df = frame();
        let mut at = AppTest::new(move |ui: &Ui| {
            ui.vega_lite_chart(&df, json!([1, 2]));
            ui.vega_lite_chart(&df, json!({"encoding": {}}));
            ui.vega_lite_chart(&df, json!({"mark": "point", "encoding": {"x": {"field": "nope"}}}));
            ui.add(VegaLiteChart::new(points(json!([]))).data(&df).on_select());
            ui.add(
                VegaLiteChart::new(points(json!([{"name": "b", "select": "interval"}])))
                    .data(&df)
                    .selection_mode(["c"]),
            );
            // A transform may make new fields: no check then.
            ui.vega_lite_chart(&df, json!({"mark": "point", "transform": [{"calculate": "datum.a * 2", "as": "c"}], "encoding": {"x": {"field": "c"}}}));
            ui.write("after");
        });
        at.run();
        let errors: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
        assert_eq!(errors.len(), 5, "{errors:?}");
        assert!(errors[0].contains("not a JSON object"));
        assert!(errors[1].contains("no mark"));
        assert!(errors[2].contains("encoding.x names the column \"nope\""), "{}", errors[2]);
        assert!(errors[3].contains("needs a selection parameter"));
        assert!(errors[4].contains("\"c\"") && errors[4].contains(": b"), "{}", errors[4]);
        assert_eq!(at.get("vega_lite_chart").len(), 1);
        assert_eq!(at.markdown(0).text(), "after");
    }
}
