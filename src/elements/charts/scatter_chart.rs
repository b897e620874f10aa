//! `scatter_chart`: points, sized and coloured by columns or constants, as
//! `st.scatter_chart` (see [`crate::charts`]; dense scatters are binned per pixel).

pub use crate::charts::ChartProps;
use crate::charts::{draw, ChartHandle, ChartKind};
use crate::data::DataFrame;
use crate::ui::Ui;

impl Ui {
    /// A scatter chart of `data`: each column a series of points on the row position.
    /// Options through [`Chart::scatter`](crate::charts::Chart::scatter) (`.x("a").y("b")`,
    /// `.size("weight")`, `.color("species")`).
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let df = DataFrame::new(vec![("a", Column::from(vec![1.0, 3.0]))]).unwrap();
    /// let mut at = AppTest::new(move |ui: &Ui| {
    ///     ui.scatter_chart(&df);
    /// });
    /// at.run();
    /// assert_eq!(at.scatter_chart(0).text(), "circle");
    /// ```
    pub fn scatter_chart(&self, data: &DataFrame) -> ChartHandle {
        draw(self, ChartKind::Scatter, data)
    }
}

#[cfg(test)]
mod tests {
    use crate::charts::reduce::Mode;
    use crate::element::Element;
    use crate::prelude::*;

    #[test]
    fn size_and_color_columns_and_the_binning_plan() {
        let df = DataFrame::new(vec![
            ("a", Column::from(vec![1.0, 2.0, 3.0])),
            ("b", Column::from(vec![3.0, 1.0, 2.0])),
            ("kind", Column::from(vec!["x", "y", "x"])),
            ("weight", Column::from(vec![1_i64, 5, 9])),
        ])
        .unwrap();
        let mut at = AppTest::new(move |ui: &Ui| {
            ui.add(Chart::scatter(&df).x("a").y("b").color("kind").size("weight"));
        });
        at.run();
        let Element::ScatterChart(props) = &at.get("scatter_chart")[0] else { panic!("not a scatter chart") };
        assert_eq!(props.spec["encoding"]["color"]["field"], "kind");
        assert_eq!(props.spec["encoding"]["size"]["field"], "weight");
        let plan = props.plan.clone().unwrap();
        assert_eq!((plan.mode, plan.group, plan.ys), (Mode::Points, Some(2), vec![1]));
        assert_eq!(props.columns, vec![0, 1, 2, 3]);
    }
}
