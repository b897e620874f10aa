//! The data half of Streamlit's "Create an app" tutorial, ported to wasmlit.
//!
//! <https://docs.streamlit.io/get-started/tutorials/create-an-app>: load the September 2014
//! Uber pickups of New York City, cache the load, show the raw data behind a checkbox, count the
//! pickups by hour and filter them by an hour slider. The tutorial downloads its CSV from S3;
//! this port ships a synthetic stand-in of the same shape beside the app
//! (`static/uber-raw-data-sep14.csv`, written by `generate_data.py`), which the script fetches
//! and parses in the tab, as any app does with files on its static host.
//!
//! The hour histogram is a bar chart ([`pickups_by_hour`]); the map is drawn by
//! [`map_of_pickups`].
//!
//! Run it in the browser with `trunk serve` in this folder.

use wasmlit::chrono::Timelike;
use wasmlit::data::{col, CsvOptions};
use wasmlit::prelude::*;

/// The tutorial's `DATE_COLUMN`.
pub const DATE_COLUMN: &str = "date/time";
/// Where the data set is, relative to the page (the tutorial's `DATA_URL`).
pub const DATA_URL: &str = "static/uber-raw-data-sep14.csv";

/// The app script.
pub async fn app(ui: Ui) -> Result {
    let ui = &ui;
    ui.title("Uber pickups in NYC");

    let data_load_state = ui.text("Loading data...");
    let data = load_data(ui, 10_000).await?;
    data_load_state.text("Done! (using cache_data)");

    if ui.checkbox("Show raw data") {
        ui.subheader("Raw data");
        ui.write(&data);
    }

    ui.subheader("Number of pickups by hour");
    pickups_by_hour(ui, &data)?;

    let hour_to_filter = ui.add(Slider::new("hour", 0..=23_i64).value(17));
    let filtered_data = data.filter(&col("hour").eq(hour_to_filter))?;
    ui.subheader(format!("Map of all pickups at {hour_to_filter}:00"));
    map_of_pickups(ui, &filtered_data)?;
    Ok(())
}

/// `@st.cache_data def load_data(nrows)`: fetches the CSV beside the app, parses it, lowercases
/// the column names and adds the pickup's hour (the tutorial's `data[DATE_COLUMN].dt.hour`).
/// Persisted: a reload reads the frame back from IndexedDB instead of fetching again.
#[cache_data(persist)]
pub async fn load_data(ui: &Ui, nrows: usize) -> Result<DataFrame> {
    let bytes = ui.fetch(DATA_URL).await?;
    let data = DataFrame::read_csv(&bytes, &CsvOptions::default())?.head(nrows);
    let lowercase: Vec<(String, String)> =
        data.column_names().iter().map(|name| (name.to_string(), name.to_lowercase())).collect();
    let pairs: Vec<(&str, &str)> = lowercase.iter().map(|(from, to)| (from.as_str(), to.as_str())).collect();
    let data = data.rename(&pairs)?;
    let Column::Datetime(times) = data.column_values(DATE_COLUMN)? else {
        return Err(Error::msg(format!("`{DATE_COLUMN}` is not a date and time column")));
    };
    let hours: Vec<Option<i64>> = times.iter().map(|time| time.map(|t| i64::from(t.hour()))).collect();
    Ok(data.with_column("hour", Column::from(hours))?)
}

/// The pickups of each hour of the day, 0 to 23 (the tutorial's `np.histogram(..., bins=24)`).
pub fn hourly_counts(data: &DataFrame) -> Result<DataFrame> {
    let mut counts = vec![0_i64; 24];
    let Column::Int(hours) = data.column_values("hour")? else {
        return Err(Error::msg("`hour` is not an int column"));
    };
    for hour in hours.into_iter().flatten() {
        if let Some(count) = usize::try_from(hour).ok().and_then(|h| counts.get_mut(h)) {
            *count += 1;
        }
    }
    Ok(DataFrame::new(vec![
        ("hour", Column::from((0..24_i64).collect::<Vec<_>>())),
        ("pickups", Column::from(counts)),
    ])?)
}

/// `st.bar_chart(hist_values)`: one bar per hour, its height the hour's pickups.
pub fn pickups_by_hour(ui: &Ui, data: &DataFrame) -> Result {
    let counts = hourly_counts(data)?;
    ui.add(Chart::bar(&counts).x("hour").y("pickups"));
    Ok(())
}

/// `st.map(filtered_data)`: the pickups of the hour on a map of New York, found by their
/// `lat` and `lon` columns.
pub fn map_of_pickups(ui: &Ui, filtered_data: &DataFrame) -> Result {
    ui.map(filtered_data);
    Ok(())
}
