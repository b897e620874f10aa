//! The Uber pickups app, driven headless with `AppTest`: the CSV is served from the example's
//! `static/` folder, as the static host serves it beside the built app.

use uber_pickups::{hourly_counts, load_data, DATA_URL, DATE_COLUMN};
use wasmlit::prelude::*;

const CSV: &[u8] = include_bytes!("../static/uber-raw-data-sep14.csv");

fn started() -> AppTest {
    let mut at = AppTest::new_async(uber_pickups::app);
    at.serve(DATA_URL, CSV).run();
    at
}

/// The hourly counts the bar chart draws.
fn counts_chart(at: &AppTest) -> DataFrame {
    let Element::BarChart(props) = at.get("bar_chart")[0].clone() else { panic!("not a bar chart") };
    assert_eq!(props.spec["encoding"]["x"]["field"], "hour");
    props.data.clone().expect("the chart has its frame")
}

/// The frame of the dataframe at `index`.
fn frame(at: &AppTest, index: usize) -> DataFrame {
    let Element::Dataframe(props) = at.get("dataframe")[index].clone() else { panic!("not a dataframe") };
    props.data.clone()
}

#[test]
fn the_first_run_loads_counts_and_filters_at_17() {
    let at = started();
    assert!(at.get("exception").is_empty(), "{:?}", at.get("exception"));
    assert_eq!(at.title(0).text(), "Uber pickups in NYC");
    assert_eq!(at.text(0).text(), "Done! (using cache_data)");
    let subheaders: Vec<String> = at.get("subheader").iter().map(|e| e.text()).collect();
    assert_eq!(subheaders, ["Number of pickups by hour", "Map of all pickups at 17:00"]);
    // Without "Show raw data": the hourly counts as bars and the pickups at 17:00 on the map.
    assert_eq!(at.get("bar_chart").len(), 1);
    assert_eq!(at.get("dataframe").len(), 0);
    let counts = counts_chart(&at);
    assert_eq!(counts.shape(), (24, 2));
    let total: i64 = (0..24).map(|h| counts.value(h, 1).as_f64().unwrap() as i64).sum();
    assert_eq!(total, 10_000);
    let at_17 = map_points(&at);
    assert_eq!(at_17.len() as f64, counts.value(17, 1).as_f64().unwrap());
    let bounds = at_17.bounds.expect("pickups have a place");
    assert!(
        bounds.min_lat > 40.0 && bounds.max_lat < 41.5 && bounds.min_lon > -74.5 && bounds.max_lon < -73.0,
        "{bounds:?}"
    );
}

/// The points of the map of pickups.
fn map_points(at: &AppTest) -> wasmlit::elements::maps::map::MapPoints {
    let Element::Map(props) = at.get("map")[0].clone() else { panic!("not a map") };
    props.points
}

#[test]
fn the_checkbox_shows_the_raw_data_and_the_slider_filters() {
    let mut at = started();
    at.checkbox(0).check().run();
    assert_eq!(at.get("dataframe").len(), 1, "the raw data (the counts are bars, the pickups a map)");
    let raw = frame(&at, 0);
    assert_eq!(raw.shape(), (10_000, 5));
    assert_eq!(raw.column_names(), [DATE_COLUMN, "lat", "lon", "base", "hour"]);

    at.slider(0).set_value(3).run();
    assert_eq!(at.subheader(2).text(), "Map of all pickups at 3:00");
    let at_3 = map_points(&at);
    let counts = hourly_counts(&raw).unwrap();
    assert_eq!(at_3.len() as f64, counts.value(3, 1).as_f64().unwrap());
    assert!(!at_3.is_empty());
}

#[test]
fn a_missing_data_file_is_an_error_in_the_page() {
    let mut at = AppTest::new_async(uber_pickups::app);
    at.run();
    let errors = at.get("exception");
    assert_eq!(errors.len(), 1);
    assert!(errors[0].text().contains(DATA_URL), "{}", errors[0].text());
    assert_eq!(at.title(0).text(), "Uber pickups in NYC");
}

#[test]
fn load_data_lowercases_the_columns_and_adds_the_hour() {
    let mut at = AppTest::new_async(|ui: Ui| async move {
        let data = load_data(&ui, 100).await?;
        ui.write(data.column_names().join(","));
        ui.write(data.num_rows());
        Ok::<_, Error>(())
    });
    at.serve(DATA_URL, CSV).run();
    assert_eq!(at.markdown(0).text(), "date/time,lat,lon,base,hour");
    assert_eq!(at.markdown(1).text(), "100");
}
