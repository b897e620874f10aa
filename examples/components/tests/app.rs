//! The components example, driven headless with `AppTest`: values set as the page would.

use components::Stroke;
use wasmlit::prelude::*;

fn started() -> AppTest {
    let mut at = AppTest::new(components::app);
    at.run();
    at
}

#[test]
fn a_rating_is_kept_and_calls_back_only_when_it_changes() {
    let mut at = started();
    assert!(at.markdown(0).text().contains("0 / 5"), "{}", at.markdown(0).text());
    at.component(key("rating")).set_state("rating", 4).run();
    assert_eq!(at.markdown(0).text(), "You rated it **4 / 5** (changed 1 times).");
    at.component(key("rating")).set_state("rating", 4).run();
    at.slider(key("stars")).set_value(7).run();
    assert_eq!(at.markdown(0).text(), "You rated it **4 / 7** (changed 1 times).");
}

#[test]
fn strokes_are_trigger_values_the_script_keeps() {
    let mut at = started();
    let stroke: Stroke = vec![[1, 2], [3, 4], [5, 6]];
    at.component(key("sketchpad")).trigger("stroke", &stroke).run();
    assert_eq!(at.markdown(1).text(), "**1** strokes, 3 points.");
    at.run();
    assert_eq!(at.markdown(1).text(), "**1** strokes, 3 points.", "a trigger lasts one run");
    at.component(key("sketchpad")).trigger("clear", true).run();
    assert_eq!(at.markdown(1).text(), "**0** strokes, 0 points.");
}

#[test]
fn the_leptos_swatch_is_a_component_too() {
    let mut at = started();
    assert_eq!(at.markdown(2).text(), "Pick a colour.");
    at.component(key("swatch")).set_state("colour", "#21c354").run();
    assert_eq!(at.markdown(2).text(), "You picked `#21c354`.");
}

#[test]
fn hiding_the_rating_drops_it_and_the_broken_one_is_drawn_like_any_other() {
    let mut at = started();
    at.checkbox(label("Show the rating")).uncheck().run();
    assert!(at.get("component").iter().all(|c| c.text() != "star_rating"));
    at.checkbox(key("broken")).check().run();
    assert_eq!(at.component(key("broken_broken")).label(), "broken");
    assert_eq!(at.component(key("broken_no_default")).label(), "no_default");
    assert!(at.get("exception").is_empty());
}
