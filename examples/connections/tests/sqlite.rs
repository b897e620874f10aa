//! The SQLite page through `AppTest`: the shipped file filtered by the country, and a row
//! added to the guest book.

use connections::app;
use wasmlit::config::AppConfig;
use wasmlit::prelude::*;
use wasmlit::Element;

fn rows(at: &AppTest) -> u64 {
    let Element::Metric(metric) = at.metric(0).element().clone() else { unreachable!() };
    metric.value.parse().unwrap()
}

fn sqlite_page() -> AppTest {
    let mut at = AppTest::new_async(app);
    at.config(AppConfig::parse(include_str!("../wasmlit.toml")));
    at.serve("data/cities.sqlite", include_bytes!("../data/cities.sqlite").to_vec());
    at.switch_page("sqlite");
    at.run();
    assert!(at.get("exception").is_empty(), "{:?}", at.get("exception"));
    at
}

#[test]
fn the_shipped_cities_are_filtered_by_the_country() {
    let mut at = sqlite_page();
    assert_eq!(at.caption(0).text(), "16 cities");
    at.selectbox(0).select("Spain").run();
    assert_eq!(at.caption(0).text(), "3 cities");
}

#[test]
fn a_row_added_in_a_session_is_counted() {
    let mut at = sqlite_page();
    let before = rows(&at);
    at.text_input(0).input("Ada");
    at.text_input(1).input("hello");
    at.button(0).click().run();
    assert!(at.get("exception").is_empty(), "{:?}", at.get("exception"));
    assert_eq!(rows(&at), before + 1);
}
