//! The multipage tutorial through `AppTest`: pages, the frame, bound widgets.

use multipage::app;
use wasmlit::prelude::*;

#[test]
fn the_main_page_comes_first_and_every_demo_is_a_page() {
    let mut at = AppTest::new(app);
    at.run();
    assert_eq!(at.title(0).text(), "Welcome to wasmlit! 👋");
    assert_eq!(at.sidebar().navigation(0).text(), "Main page, Plotting demo, Mapping demo, DataFrame demo");
    for (path, heading) in
        [("plotting_demo", "Plotting demo"), ("mapping_demo", "Mapping demo"), ("dataframe_demo", "DataFrame demo")]
    {
        at.switch_page(path).run();
        assert_eq!(at.title(0).text(), heading, "{path}");
        assert!(at.get("exception").is_empty(), "{path}");
        assert_eq!(at.page_config().title.as_deref(), Some(heading));
    }
}

#[test]
fn a_shared_link_restores_the_chosen_countries_and_points() {
    let mut at = AppTest::new(app);
    at.set_query_string("countries=India&countries=France");
    at.switch_page("dataframe_demo").run();
    assert_eq!(at.multiselect(0).value::<Vec<&str>>(), ["India", "France"]);
    assert_eq!(at.query_string(), "countries=India&countries=France");
    let mut fresh = AppTest::new(app);
    fresh.set_query_string("points=42");
    fresh.switch_page("plotting_demo").run();
    assert_eq!(fresh.slider(0).value::<i32>(), 42);
    assert_eq!(fresh.tree().main.elements().iter().filter(|e| e.kind() == "dataframe").count(), 1);
}

#[test]
fn synthetic_data_has_the_shape_the_pages_show() {
    assert_eq!(multipage::random_walk(50, 3).unwrap().shape(), (50, 2));
    assert_eq!(multipage::agriculture(&["China", "France"]).unwrap().shape(), (48, 3));
    assert_eq!(multipage::map_points("Bike rentals", 25).unwrap().num_rows(), 25);
}
