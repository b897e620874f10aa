//! `bar_chart`: series as bars, stacked by default, vertical or horizontal, as
//! `st.bar_chart` (see [`crate::charts`]). Bars are never reduced.

pub use crate::charts::ChartProps;
use crate::charts::{draw, ChartHandle, ChartKind};
use crate::data::DataFrame;
use crate::ui::Ui;

impl Ui {
    /// A bar chart of `data`: each column a series of bars on the row position. Options
    /// through [`Chart::bar`](crate::charts::Chart::bar) (`.x("day")`, `.horizontal(true)`).
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let df = DataFrame::new(vec![("a", Column::from(vec![1_i64, 3]))]).unwrap();
    /// let mut at = AppTest::new(move |ui: &Ui| {
    ///     ui.bar_chart(&df);
    /// });
    /// at.run();
    /// assert_eq!(at.bar_chart(0).text(), "bar");
    /// ```
    pub fn bar_chart(&self, data: &DataFrame) -> ChartHandle {
        draw(self, ChartKind::Bar, data)
    }
}

#[cfg(test)]
mod tests {
    use crate::element::Element;
    use crate::prelude::*;

    #[test]
    fn a_histogram_of_counts_is_ordinal_bars() {
        let df = DataFrame::new(vec![
            ("hour", Column::from((0..24_i64).collect::<Vec<_>>())),
            ("pickups", Column::from((0..24_i64).map(|h| h * 10).collect::<Vec<_>>())),
        ])
        .unwrap();
        let mut at = AppTest::new(move |ui: &Ui| {
            ui.add(Chart::bar(&df).x("hour").y("pickups"));
        });
        at.run();
        let Element::BarChart(props) = &at.get("bar_chart")[0] else { panic!("not a bar chart") };
        assert_eq!(props.spec["encoding"]["x"]["type"], "ordinal");
        assert_eq!(props.spec["mark"]["type"], "bar");
        assert_eq!(props.plan, None);
    }
}
