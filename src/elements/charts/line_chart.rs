//! `line_chart`: series as lines, as `st.line_chart` (see [`crate::charts`] for the data
//! rules and how a large frame is reduced).

pub use crate::charts::ChartProps;
use crate::charts::{draw, ChartHandle, ChartKind};
use crate::data::DataFrame;
use crate::ui::Ui;

impl Ui {
    /// A line chart of `data` with Streamlit's defaults: each column a series on the row
    /// position. Options (x, y, color, ...) through [`Chart::line`](crate::charts::Chart::line).
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let df = DataFrame::new(vec![("a", Column::from(vec![1.0, 3.0])), ("b", Column::from(vec![2.0, 1.0]))]).unwrap();
    /// let mut at = AppTest::new(move |ui: &Ui| {
    ///     ui.line_chart(&df);
    /// });
    /// at.run();
    /// assert_eq!(at.line_chart(0).text(), "line");
    /// ```
    pub fn line_chart(&self, data: &DataFrame) -> ChartHandle {
        draw(self, ChartKind::Line, data)
    }
}

#[cfg(test)]
mod tests {
    use crate::charts::rows::INDEX_FIELD;
    use crate::element::Element;
    use crate::prelude::*;

    fn chart(at: &AppTest, index: usize) -> ChartProps {
        let Element::LineChart(props) = at.get("line_chart")[index].clone() else { panic!("not a line chart") };
        props
    }

    #[test]
    fn a_wide_frame_is_one_line_per_column_and_the_frame_is_shared() {
        let df =
            DataFrame::new(vec![("a", Column::from(vec![1.0, 3.0])), ("b", Column::from(vec![2_i64, 1]))]).unwrap();
        let shown = df.clone();
        let mut at = AppTest::new(move |ui: &Ui| {
            ui.line_chart(&shown);
        });
        at.run();
        let props = chart(&at, 0);
        assert_eq!(props.data.as_ref(), Some(&df));
        assert_eq!(props.spec["encoding"]["x"]["field"], INDEX_FIELD);
        assert_eq!(props.spec["transform"][0]["fold"], serde_json::json!(["a", "b"]));
        assert!(props.index);
    }

    #[test]
    fn add_rows_grows_the_frame_and_marks_where_the_new_rows_start() {
        let first =
            DataFrame::new(vec![("t", Column::from(vec![0_i64, 1])), ("v", Column::from(vec![1.0, 2.0]))]).unwrap();
        let more = DataFrame::new(vec![("t", Column::from(vec![2_i64])), ("v", Column::from(vec![5.0]))]).unwrap();
        let wrong = DataFrame::new(vec![("t", Column::from(vec![2.5])), ("v", Column::from(vec![5.0]))]).unwrap();
        let missing = DataFrame::new(vec![("v", Column::from(vec![5.0]))]).unwrap();
        let mut at = AppTest::new(move |ui: &Ui| {
            let chart = ui.add(Chart::line(&first).x("t").y("v"));
            chart.add_rows(&more).unwrap();
            let errors = [chart.add_rows(&wrong).unwrap_err(), chart.add_rows(&missing).unwrap_err()];
            ui.write("after");
            for error in errors {
                ui.text(error.to_string());
            }
        });
        at.run();
        let props = chart(&at, 0);
        assert_eq!(props.data.as_ref().map(|d| d.num_rows()), Some(3));
        assert_eq!(props.appended_from, Some(2));
        assert_eq!(at.get("line_chart").len(), 1, "the same chart, not a second one");
        assert!(at.text(0).text().contains("\"t\" holds float"), "{}", at.text(0).text());
        assert!(at.text(1).text().contains("columns (v)"), "{}", at.text(1).text());
        // A rerun draws the chart afresh.
        at.run();
        assert_eq!(chart(&at, 0).appended_from, Some(2));
    }

    #[test]
    fn a_handle_kept_past_its_run_or_of_a_failed_chart_refuses() {
        use std::cell::RefCell;
        use std::rc::Rc;
        let df = DataFrame::new(vec![("v", Column::from(vec![1.0]))]).unwrap();
        let kept: Rc<RefCell<Option<ChartHandle>>> = Rc::default();
        let (store, more) = (kept.clone(), df.clone());
        let mut at = AppTest::new(move |ui: &Ui| {
            if let Some(old) = store.borrow_mut().take() {
                ui.text(old.add_rows(&more).unwrap_err().to_string());
            }
            let chart = ui.line_chart(&df);
            *store.borrow_mut() = Some(chart);
            let failed = ui.add(Chart::line(&df).y("nope"));
            ui.text(failed.add_rows(&df).unwrap_err().to_string());
        });
        at.run();
        assert!(at.text(0).text().contains("was not drawn"));
        at.run();
        assert!(at.text(0).text().contains("earlier run"), "{}", at.text(0).text());
        assert_eq!(chart(&at, 0).appended_from, None);
    }

    #[test]
    fn a_bad_column_is_an_error_in_place_and_the_app_goes_on() {
        let df = DataFrame::new(vec![("name", Column::from(vec!["a"])), ("v", Column::from(vec![1.0]))]).unwrap();
        let mut at = AppTest::new(move |ui: &Ui| {
            ui.add(Chart::line(&df).x("when"));
            ui.add(Chart::line(&df).y("name"));
            ui.write("after");
        });
        at.run();
        assert!(at.get("line_chart").is_empty());
        let errors = at.get("exception");
        assert_eq!(errors.len(), 2);
        assert!(errors[0].text().contains("line_chart: x names the column \"when\""), "{}", errors[0].text());
        assert!(errors[1].text().contains("y column \"name\" holds text values"), "{}", errors[1].text());
        assert_eq!(at.markdown(0).text(), "after");
    }
}
