//! The data benchmark app of `cargo xtask bench`: it fetches `data.csv` and `data.parquet` (a
//! million rows of eight columns, written beside the app by the benchmark), parses both, sorts,
//! groups and filters the frame, shows the timings as JSON in a code block, and the whole frame
//! in a `dataframe`. `bench/peer/data.py` does the same work with pandas in Streamlit.
//!
//! The last thing the script does is the User Timing mark `wl-data-end`, from which the
//! benchmark times the grid's first painted row.

use std::fmt::Write as _;

use wasmlit::data::{col, mean, sum, CsvOptions, DataFrame, SortOrder};
use wasmlit::prelude::*;
use web_time::Instant;

/// The files the benchmark writes beside the app.
pub const CSV_URL: &str = "data.csv";
pub const PARQUET_URL: &str = "data.parquet";

/// The filter's threshold: `value > FILTER_VALUE and flag` (values are uniform in
/// -5000..5000, so about a quarter of the rows pass).
pub const FILTER_VALUE: f64 = 0.0;

/// What one run measured, in milliseconds and bytes.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Timings {
    /// `(name, value)` in the order measured; names end in `_ms` or `_bytes` or are counts.
    pub entries: Vec<(&'static str, f64)>,
}

impl Timings {
    fn push(&mut self, name: &'static str, value: f64) {
        self.entries.push((name, value));
    }

    /// One value by name.
    pub fn get(&self, name: &str) -> Option<f64> {
        self.entries.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
    }

    /// A flat JSON object (the benchmark reads it from the page's code block).
    pub fn json(&self) -> String {
        let mut json = String::from("{");
        for (i, (name, value)) in self.entries.iter().enumerate() {
            let sep = if i == 0 { "" } else { ", " };
            if value.is_finite() {
                let _ = write!(json, "{sep}\"{name}\": {value:.3}");
            } else {
                let _ = write!(json, "{sep}\"{name}\": null");
            }
        }
        json.push('}');
        json
    }
}

/// Milliseconds since `start`.
fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

/// Parses the CSV and times the operations on the frame: the frame and the timings (each
/// operation's result is checked, so none can be skipped, and then dropped). The file's bytes
/// are dropped once parsed, as an app that keeps only the frame does.
pub fn csv_work(bytes: Vec<u8>, timings: &mut Timings) -> Result<DataFrame> {
    let start = Instant::now();
    let frame = DataFrame::read_csv(&bytes, &CsvOptions::default())?;
    timings.push("csv_parse_ms", ms(start));
    drop(bytes);
    timings.push("rows", frame.num_rows() as f64);
    timings.push("frame_bytes", frame.batch().get_array_memory_size() as f64);
    timings.push("heap_after_parse_bytes", heap_bytes());

    let start = Instant::now();
    let sorted = frame.sort(&[("value", SortOrder::Descending)])?;
    timings.push("sort_float_ms", ms(start));
    check_rows(&sorted, frame.num_rows(), "sort by value")?;
    drop(sorted);

    let start = Instant::now();
    let sorted = frame.sort(&[("category", SortOrder::Ascending), ("value", SortOrder::Descending)])?;
    timings.push("sort_text_float_ms", ms(start));
    check_rows(&sorted, frame.num_rows(), "sort by category, value")?;
    drop(sorted);

    let start = Instant::now();
    let groups = frame.group_by(&["category"])?.agg(&[sum("value"), mean("value")])?;
    timings.push("group_by_ms", ms(start));
    timings.push("groups", groups.num_rows() as f64);

    let start = Instant::now();
    let kept = frame.filter(&col("value").gt(FILTER_VALUE).and(col("flag").eq(true)))?;
    timings.push("filter_ms", ms(start));
    timings.push("filtered_rows", kept.num_rows() as f64);
    Ok(frame)
}

fn check_rows(frame: &DataFrame, rows: usize, what: &str) -> Result {
    if frame.num_rows() == rows {
        Ok(())
    } else {
        Err(Error::msg(format!("{what}: {} rows out of {rows}", frame.num_rows())))
    }
}

/// The wasm linear memory's size now, in bytes (it only grows, so this is the peak so far;
/// 0 natively).
pub fn heap_bytes() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        (core::arch::wasm32::memory_size(0) * 65_536) as f64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}

/// The script: fetch and parse the CSV, work on it, fetch and read the Parquet file, show the
/// timings and the frame. `mark` is called last (the page's `performance.mark`).
pub async fn app(ui: Ui, mark: fn(&str)) -> Result {
    let ui = &ui;
    ui.title("Data");
    let mut timings = Timings::default();
    timings.push("heap_start_bytes", heap_bytes());

    let start = Instant::now();
    let bytes = ui.fetch(CSV_URL).await?;
    timings.push("csv_fetch_ms", ms(start));
    timings.push("csv_bytes", bytes.len() as f64);
    timings.push("heap_after_csv_fetch_bytes", heap_bytes());
    let frame = csv_work(bytes, &mut timings)?;
    timings.push("heap_after_csv_bytes", heap_bytes());

    let start = Instant::now();
    let bytes = ui.fetch(PARQUET_URL).await?;
    timings.push("parquet_fetch_ms", ms(start));
    timings.push("parquet_bytes", bytes.len() as f64);
    let start = Instant::now();
    let from_parquet = DataFrame::read_parquet_vec(bytes)?;
    timings.push("parquet_read_ms", ms(start));
    check_rows(&from_parquet, frame.num_rows(), "the Parquet file")?;
    drop(from_parquet);
    timings.push("heap_end_bytes", heap_bytes());

    ui.code(timings.json(), "json");
    ui.add(DataFrameView::new(frame).height(600));
    mark("wl-data-end");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> String {
        let mut csv = String::from("id,category,region,value,quantity,flag,date,time\n");
        for i in 0..50 {
            let _ = writeln!(
                csv,
                "{i},c{:03},north,{}.5,{},{},2024-01-{:02},2024-01-01 10:00:{:02}",
                i % 7,
                i as i64 - 25,
                i % 11,
                i % 2 == 0,
                i % 28 + 1,
                i % 60
            );
        }
        csv
    }

    #[test]
    fn times_every_step_and_counts_the_results() {
        let mut timings = Timings::default();
        let frame = csv_work(sample().into_bytes(), &mut timings).unwrap();
        assert_eq!(frame.num_rows(), 50);
        for name in ["csv_parse_ms", "sort_float_ms", "sort_text_float_ms", "group_by_ms", "filter_ms"] {
            assert!(timings.get(name).is_some_and(|t| t >= 0.0), "{name}");
        }
        assert_eq!(timings.get("groups"), Some(7.0));
        // value > 0 (i >= 25) and flag (i even): 26, 28, …, 48.
        assert_eq!(timings.get("filtered_rows"), Some(12.0));
    }

    #[test]
    fn json_is_flat_and_writes_null_for_non_finite_values() {
        let timings = Timings { entries: vec![("a_ms", 1.5), ("b", f64::NAN)] };
        assert_eq!(timings.json(), "{\"a_ms\": 1.500, \"b\": null}");
    }

    #[test]
    fn bad_csv_is_an_error_not_a_panic() {
        let mut timings = Timings::default();
        assert!(csv_work(b"id,value\n1,2\n3\n".to_vec(), &mut timings).is_err());
    }
}
