//! The charts benchmark app of `cargo xtask bench`: one chart per load, chosen by the query
//! parameter `chart` ([`Case`]): a 10,000-point line chart, a 100,000-point scatter, a
//! 1,000,000-row line chart, or a map of 100,000 points. The script builds the frame (a fixed-seed random walk or cloud),
//! shows what it built as JSON in a code block, marks `wl-chart-call` (User Timing) and draws
//! the chart. `bench/peer/charts.py` does the same in Streamlit.
//!
//! The benchmark times the chart from that mark to the frame in which Vega's marks are on the
//! screen (see `xtask/src/bench/charts.rs`).

use wasmlit::data::DataFrame;
use wasmlit::prelude::*;

/// One chart of the benchmark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// `line_chart` of one column of 10,000 rows (x: the row position).
    Line10k,
    /// `scatter_chart` of 100,000 (x, y) points.
    Scatter100k,
    /// `line_chart` of one column of 1,000,000 rows.
    Line1m,
    /// `map` of 100,000 points (columns `lat`, `lon`) around San Francisco.
    Map100k,
}

impl Case {
    /// Every case, in the order the benchmark loads them.
    pub const ALL: [Case; 4] = [Case::Line10k, Case::Scatter100k, Case::Line1m, Case::Map100k];

    /// The query parameter's value.
    pub fn name(self) -> &'static str {
        match self {
            Case::Line10k => "line_10k",
            Case::Scatter100k => "scatter_100k",
            Case::Line1m => "line_1m",
            Case::Map100k => "map_100k",
        }
    }

    /// The case a query parameter names.
    pub fn from_name(name: &str) -> Option<Case> {
        Case::ALL.into_iter().find(|c| c.name() == name)
    }

    /// Rows of the frame.
    pub fn rows(self) -> usize {
        match self {
            Case::Line10k => 10_000,
            Case::Scatter100k | Case::Map100k => 100_000,
            Case::Line1m => 1_000_000,
        }
    }
}

/// A fixed-seed generator of uniform numbers in [-0.5, 0.5) (a 64-bit LCG's high bits).
fn uniform(seed: u64) -> impl FnMut() -> f64 {
    let mut state = seed;
    move || {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1_u64 << 53) as f64 - 0.5
    }
}

/// The frame of `case`: a random walk in the column `value` for the lines; columns `x` and `y`
/// (a noisy rising cloud) for the scatter; `lat` and `lon` (a cloud about 20 km across) for
/// the map.
pub fn frame(case: Case) -> Result<DataFrame> {
    let rows = case.rows();
    let mut next = uniform(42);
    let frame = match case {
        Case::Line10k | Case::Line1m => {
            let mut y = 0.0;
            let values: Vec<f64> = (0..rows)
                .map(|_| {
                    y += next();
                    y
                })
                .collect();
            DataFrame::new(vec![("value", Column::from(values))])?
        }
        Case::Scatter100k => {
            let x: Vec<f64> = (0..rows).map(|_| (next() + 0.5) * 100.0).collect();
            let y: Vec<f64> = x.iter().map(|x| x * 0.5 + (next() + next() + next()) * 20.0).collect();
            DataFrame::new(vec![("x", Column::from(x)), ("y", Column::from(y))])?
        }
        Case::Map100k => {
            let lat: Vec<f64> = (0..rows).map(|_| 37.76 + (next() + next()) * 0.1).collect();
            let lon: Vec<f64> = (0..rows).map(|_| -122.44 + (next() + next()) * 0.12).collect();
            DataFrame::new(vec![("lat", Column::from(lat)), ("lon", Column::from(lon))])?
        }
    };
    Ok(frame)
}

/// The script: build the frame, say what it is, `mark("wl-chart-call")`, draw the chart, and
/// `mark("wl-chart-end")`.
pub fn app(ui: &Ui, mark: fn(&str)) -> Result {
    let name = ui.query_params().get("chart").unwrap_or_else(|| Case::Line10k.name().to_owned());
    let Some(case) = Case::from_name(&name) else {
        let names: Vec<&str> = Case::ALL.iter().map(|c| c.name()).collect();
        ui.error(format!("unknown chart `{name}`: ?chart= takes one of {}", names.join(", ")));
        return Ok(());
    };
    ui.title("Charts");
    let data = frame(case)?;
    ui.code(format!("{{\"chart\": \"{}\", \"rows\": {}}}", case.name(), data.num_rows()), "json");
    mark("wl-chart-call");
    match case {
        Case::Line10k | Case::Line1m => {
            ui.line_chart(&data);
        }
        Case::Scatter100k => {
            ui.add(Chart::scatter(&data).x("x").y("y"));
        }
        Case::Map100k => {
            ui.map(&data);
        }
    }
    mark("wl-chart-end");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_case_names_itself_and_has_its_rows() {
        for case in Case::ALL {
            assert_eq!(Case::from_name(case.name()), Some(case));
            let data = frame(case).unwrap();
            assert_eq!(data.num_rows(), case.rows(), "{case:?}");
        }
        assert_eq!(Case::from_name("pie"), None);
    }

    #[test]
    fn the_script_draws_the_chart_the_query_names() {
        let mut at = AppTest::new(|ui: &Ui| app(ui, |_| {}));
        at.query_params().set("chart", "scatter_100k").unwrap();
        at.run();
        assert_eq!(at.get("scatter_chart").len(), 1);
        assert!(at.get("line_chart").is_empty());
        let mut map = AppTest::new(|ui: &Ui| app(ui, |_| {}));
        map.query_params().set("chart", "map_100k").unwrap();
        map.run();
        assert!(map.map(0).text().starts_with("100000 points"), "{}", map.map(0).text());
        let mut bad = AppTest::new(|ui: &Ui| app(ui, |_| {}));
        bad.query_params().set("chart", "pie").unwrap();
        bad.run();
        assert_eq!(bad.get("error").len(), 1);
    }
}
