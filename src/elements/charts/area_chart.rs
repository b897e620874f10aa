//! `area_chart`: series as filled areas, stacked by default, as `st.area_chart` (see
//! [`crate::charts`]).

pub use crate::charts::ChartProps;
use crate::charts::{draw, ChartHandle, ChartKind};
use crate::data::DataFrame;
use crate::ui::Ui;

impl Ui {
    /// An area chart of `data`: each column a series, stacked. Options through
    /// [`Chart::area`](crate::charts::Chart::area) (`.stack(false)`, `.stack(Stack::Normalize)`).
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let df = DataFrame::new(vec![("a", Column::from(vec![1.0, 3.0]))]).unwrap();
    /// let mut at = AppTest::new(move |ui: &Ui| {
    ///     ui.area_chart(&df);
    /// });
    /// at.run();
    /// assert_eq!(at.area_chart(0).text(), "area");
    /// ```
    pub fn area_chart(&self, data: &DataFrame) -> ChartHandle {
        draw(self, ChartKind::Area, data)
    }
}

#[cfg(test)]
mod tests {
    use crate::element::Element;
    use crate::prelude::*;

    #[test]
    fn stack_options_reach_the_spec() {
        let df =
            DataFrame::new(vec![("a", Column::from(vec![1.0, 3.0])), ("b", Column::from(vec![2.0, 1.0]))]).unwrap();
        let mut at = AppTest::new(move |ui: &Ui| {
            ui.area_chart(&df);
            ui.add(Chart::area(&df).stack(Stack::Normalize).y_label("share"));
            ui.add(Chart::area(&df).stack(false));
        });
        at.run();
        let spec = |i: usize| match &at.get("area_chart")[i] {
            Element::AreaChart(props) => props.spec.clone(),
            _ => panic!("not an area chart"),
        };
        assert!(spec(0)["encoding"]["y"].get("stack").is_none(), "Vega-Lite's default: stacked");
        assert_eq!(spec(1)["encoding"]["y"]["stack"], "normalize");
        assert_eq!(spec(1)["encoding"]["y"]["title"], "share");
        assert_eq!(spec(2)["encoding"]["y"]["stack"], serde_json::Value::Null);
    }
}
