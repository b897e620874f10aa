//! The app driven headless with `AppTest`, as Streamlit's `AppTest` drives a script.

use wasmlit::prelude::*;

#[test]
fn the_slider_squares_its_value() {
    let mut at = AppTest::new({{crate}}::app);
    at.run();
    assert_eq!(at.title(0).text(), "{{title}}");
    assert_eq!(at.markdown(0).text(), "0 squared is 0");
    at.slider(0).set_value(12).run();
    assert_eq!(at.markdown(0).text(), "12 squared is 144");
    assert!(at.get("exception").is_empty());
}

#[test]
fn the_button_counts_its_presses() {
    let mut at = AppTest::new({{crate}}::app);
    at.run();
    assert_eq!(at.markdown(1).text(), "The button was pressed 0 times.");
    at.button(0).click().run();
    at.button(0).click().run();
    assert_eq!(at.markdown(1).text(), "The button was pressed 2 times.");
}
