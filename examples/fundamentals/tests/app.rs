//! The "Basic concepts" app, driven headless with `AppTest`.

use wasmlit::prelude::*;

fn started() -> AppTest {
    let mut at = AppTest::new_async(fundamentals::app);
    at.run();
    at
}

/// The texts of all elements of `kind`, in display order.
fn texts(at: &AppTest, kind: &str) -> Vec<String> {
    at.get(kind).iter().map(|e| e.text()).collect()
}

fn shows(at: &AppTest, kind: &str, text: &str) -> bool {
    texts(at, kind).iter().any(|t| t == text)
}

#[test]
fn first_run_has_every_section_in_order_and_no_errors() {
    let at = started();
    assert!(at.get("exception").is_empty(), "{:?}", texts(&at, "exception"));
    assert_eq!(
        texts(&at, "header"),
        [
            "Display and style data",
            "Widgets as variables",
            "Access widgets by key",
            "Use checkboxes to show/hide data",
            "Use a selectbox for options",
            "Layout — sidebar",
            "Columns",
            "Expander",
            "Session state counter with a callback",
            "Show progress",
        ]
    );
    assert_eq!(at.title(0).text(), "Basic concepts");
}

#[test]
fn widgets_as_variables() {
    let mut at = started();
    assert!(shows(&at, "markdown", "0 squared is 0"));
    at.slider(label("x")).set_value(1).run();
    assert!(shows(&at, "markdown", "1 squared is 1"));
    at.slider(label("x")).set_value(12).run();
    assert!(shows(&at, "markdown", "12 squared is 144"));
    assert!(!shows(&at, "markdown", "1 squared is 1"));
}

#[test]
fn text_input_read_through_its_key() {
    let mut at = started();
    assert!(!texts(&at, "markdown").iter().any(|t| t.starts_with("Hello")), "nothing until a name is typed");
    at.text_input(key("name")).input("Ada").run();
    assert!(shows(&at, "markdown", "Hello, Ada"));
    assert_eq!(at.session_state().get::<String>("name").unwrap(), "Ada");
    at.text_input(key("name")).input("").run();
    assert!(!texts(&at, "markdown").iter().any(|t| t.starts_with("Hello")));
}

#[test]
fn checkbox_shows_and_hides_the_table() {
    let mut at = started();
    // The page always shows three frames (write, the highlighted one, the formatted squares);
    // the checkbox adds a fourth.
    let has_table = |at: &AppTest| at.get("dataframe").len() == 4;
    assert!(!has_table(&at));
    at.checkbox(label("Show dataframe")).check().run();
    assert!(has_table(&at));
    at.checkbox(label("Show dataframe")).uncheck().run();
    assert!(!has_table(&at));
}

#[test]
fn selectbox_for_options() {
    let mut at = started();
    assert_eq!(at.selectbox(label("Which number do you like best?")).options(), ["1", "2", "3", "4"]);
    assert!(shows(&at, "markdown", "You selected: 1"));
    at.selectbox(label("Which number do you like best?")).select("3").run();
    assert!(shows(&at, "markdown", "You selected: 3"));
}

#[test]
fn sidebar_holds_a_selectbox_and_a_range_slider() {
    let mut at = started();
    {
        let sidebar = at.sidebar();
        assert_eq!(sidebar.get("selectbox").len(), 1);
        assert_eq!(sidebar.get("slider").len(), 1);
    }
    assert_eq!(at.slider(label("Select a range of values")).value::<(f64, f64)>(), (25.0, 75.0));
    assert!(shows(
        &at,
        "markdown",
        "The sidebar on the left holds two widgets: contact by **Email**, range **25 – 75**."
    ));
    at.sidebar().selectbox(label("How would you like to be contacted?")).select("Mobile phone").run();
    at.sidebar().slider(label("Select a range of values")).set_range(10.0, 90.5).run();
    assert!(shows(
        &at,
        "markdown",
        "The sidebar on the left holds two widgets: contact by **Mobile phone**, range **10 – 90.5**."
    ));
}

#[test]
fn columns_button_and_sorting_hat() {
    let mut at = started();
    assert_eq!(at.column(0).get("button").len(), 1);
    assert_eq!(at.column(1).markdown(0).text(), "You are in Gryffindor house!");
    at.column(1).radio(label("Sorting hat")).select("Ravenclaw").run();
    assert_eq!(at.column(1).markdown(0).text(), "You are in Ravenclaw house!");
    at.button(label("Press me!")).click().run();
    assert_eq!(at.column(0).caption(0).text(), "Pressed!");
    at.run();
    assert!(at.column(0).get("caption").is_empty(), "a button is true for one run only");
    assert_eq!(at.column(1).markdown(0).text(), "You are in Ravenclaw house!", "the radio keeps its value");
}

#[test]
fn expander_holds_the_explanation() {
    let mut at = started();
    assert!(at.expander(0).markdown(0).text().contains("*guaranteed* to be random"));
}

#[test]
fn counter_with_callback() {
    let mut at = started();
    assert!(shows(&at, "markdown", "Count = 0"));
    at.button(label("Increment")).click().run();
    assert!(shows(&at, "markdown", "Count = 1"));
    at.button(label("Increment")).click().run();
    at.button(label("Increment")).click().run();
    assert!(shows(&at, "markdown", "Count = 3"));
    // Other interactions keep the count.
    at.slider(label("x")).set_value(3).run();
    assert!(shows(&at, "markdown", "Count = 3"));
    assert_eq!(at.session_state().get::<i64>("count").unwrap(), 3);
}

#[test]
fn the_progress_bar_advances_during_one_run() {
    let mut at = AppTest::new_async(fundamentals::app);
    at.run_for(std::time::Duration::from_millis(350));
    assert_eq!(at.text(0).text(), "Iteration 4");
    assert!(at.is_running());
    at.wait();
    assert_eq!(at.text(0).text(), "Iteration 100");
    assert!(shows(&at, "markdown", "...and now we're done!"));
}

#[test]
fn the_random_frame_highlights_each_columns_maximum_and_a_table_repeats_it() {
    let mut at = started();
    let grid = at.dataframe(1);
    let Element::Dataframe(props) = grid.element() else { panic!("not a dataframe") };
    let frame = fundamentals::random_frame(10, 20);
    assert_eq!(props.data, frame);
    assert_eq!(props.styles.len(), 20, "one yellow cell per column");
    for column in 0..20 {
        let values: Vec<f64> = (0..10)
            .map(|row| match frame.value(row, column) {
                wasmlit::data::Value::Float(x) => x,
                other => panic!("{other:?}"),
            })
            .collect();
        let top = (0..10).max_by(|a, b| values[*a].total_cmp(&values[*b])).unwrap();
        let style = props.styles.get(top, column).expect("the maximum is painted");
        assert_eq!((style.background.as_str(), style.color.as_deref()), ("yellow", Some("#31333f")));
    }
    assert_eq!(at.get("table").len(), 2, "the random frame, then the squares' first rows");
}
