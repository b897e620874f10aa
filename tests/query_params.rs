//! `query_params` and widgets bound to them (`bind="query-params"`), driven through `AppTest`
//! as a shared link would open the app.

use wasmlit::prelude::*;
use wasmlit::query_params::QueryParamsError;

fn first_text(at: &mut AppTest) -> String {
    at.markdown(0).text()
}

#[test]
fn get_get_all_set_lists_remove_and_clear() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let params = ui.query_params();
        ui.write(format!("a={:?} all={:?} keys={:?}", params.get("a"), params.get_all("a"), params.keys()));
        if ui.button("Write") {
            params.set("n", 2).map_err(Error::msg)?;
            params.set_all("tag", ["x", "y z"]).map_err(Error::msg)?;
            assert!(params.remove("b").map_err(Error::msg)?);
            assert!(!params.remove("nothing").map_err(Error::msg)?);
        }
        if ui.button("Clear") {
            params.clear();
        }
        Ok(())
    });
    at.set_query_string("?a=1&b=x&a=2");
    at.run();
    assert_eq!(first_text(&mut at), "a=Some(\"2\") all=[\"1\", \"2\"] keys=[\"a\", \"b\"]");
    assert_eq!(at.query_string(), "a=1&b=x&a=2", "reading changes nothing");
    at.button(0).click().run();
    assert_eq!(at.query_string(), "a=1&a=2&n=2&tag=x&tag=y+z");
    assert_eq!(at.query_params().get_all("tag"), ["x", "y z"]);
    assert_eq!(at.query_params().to_map().get("a").map(String::as_str), Some("2"));
    at.button(1).click().run();
    assert_eq!(at.query_string(), "");
}

#[test]
fn reserved_keys_are_refused() {
    let mut at = AppTest::new(|ui: &Ui| {
        let refused = ui.query_params().set("embed", "true");
        ui.write(format!("{refused:?}"));
    });
    at.run();
    assert_eq!(first_text(&mut at), format!("{:?}", Err::<(), _>(QueryParamsError::Reserved { key: "embed".into() })));
}

#[test]
fn a_malformed_query_string_is_read_as_well_as_can_be_and_reported() {
    let mut at = AppTest::new(|ui: &Ui| {
        ui.write(format!("{:?}", ui.query_params().pairs()));
    });
    at.set_query_string("a=%zz&=nokey&&b=%C3%A9");
    at.run();
    assert_eq!(first_text(&mut at), r#"[("a", "%zz"), ("b", "é")]"#);
    let notes = at.console_notes();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes.iter().any(|n| n.contains("%zz")));
    assert!(at.console_notes().is_empty(), "notes are taken once");
}

fn bound_app(ui: &Ui) {
    let n = ui.add(Slider::new("N", 0..=10).key("n").bind(Bind::QueryParams));
    let range = ui.add(Slider::new("Price", 0.0..=100.0).value((10.0, 90.0)).key("price").bind(Bind::QueryParams));
    let colour = ui.add(Selectbox::new("Colour", ["red", "green", "blue"]).key("colour").bind(Bind::QueryParams));
    let tags = ui.add(Multiselect::new("Tags", ["a", "b", "c"]).key("tags").bind(Bind::QueryParams));
    let on = ui.add(Checkbox::new("On").key("on").bind(Bind::QueryParams));
    let name = ui.add(TextInput::new("Name").key("name").bind(Bind::QueryParams));
    ui.write(format!("n={n} range={range:?} colour={colour} tags={tags:?} on={on} name={name}"));
}

#[test]
fn a_shared_link_restores_bound_widgets_and_the_url_follows_them() {
    let mut at = AppTest::new(bound_app);
    at.set_query_string("n=4&price=20&price=30.5&colour=blue&tags=c&tags=a&on=true&name=Ada+L&other=kept");
    at.run();
    assert_eq!(first_text(&mut at), r#"n=4 range=(20.0, 30.5) colour=blue tags=["c", "a"] on=true name=Ada L"#);
    assert!(at.console_notes().is_empty());
    assert_eq!(at.query_string(), "n=4&price=20&price=30.5&colour=blue&tags=c&tags=a&on=true&name=Ada+L&other=kept");

    // The round trip: what the URL says after a change opens the same state in a new session.
    at.selectbox(0).set_value("green").run();
    at.slider(0).set_value(9).run();
    let link = at.query_string();
    assert_eq!(link, "n=9&price=20&price=30.5&colour=green&tags=c&tags=a&on=true&name=Ada+L&other=kept");
    let mut again = AppTest::new(bound_app);
    again.set_query_string(&link);
    again.run();
    assert_eq!(first_text(&mut again), r#"n=9 range=(20.0, 30.5) colour=green tags=["c", "a"] on=true name=Ada L"#);

    // Back to the defaults: their parameters leave the URL.
    at.selectbox(0).set_value("red").run();
    at.slider(0).set_value(0).run();
    at.checkbox(0).uncheck().run();
    assert_eq!(at.query_string(), "price=20&price=30.5&tags=c&tags=a&name=Ada+L&other=kept");
}

#[test]
fn values_a_widget_refuses_are_ignored_removed_and_reported() {
    let mut at = AppTest::new(bound_app);
    at.set_query_string("n=99&price=5&colour=purple&tags=a&tags=zzz&on=maybe&name=ok&keep=1");
    at.run();
    assert_eq!(first_text(&mut at), r#"n=0 range=(10.0, 90.0) colour=red tags=[] on=false name=ok"#);
    assert_eq!(at.query_string(), "name=ok&keep=1");
    let notes = at.console_notes();
    assert_eq!(notes.len(), 5, "{notes:?}");
    assert!(notes.iter().any(|n| n.contains("colour=purple") && n.contains("selectbox")), "{notes:?}");
    // The app kept running: no error box.
    assert!(at.get("exception").is_empty());
}

#[test]
fn a_bound_key_cannot_be_written_through_query_params_but_session_state_moves_it() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        if ui.button("Five") {
            ui.session_state().set("n", 5)?;
        }
        let n = ui.add(Slider::new("N", 0..=10).key("n").bind(Bind::QueryParams));
        let refused = ui.query_params().set("n", 3);
        let removed = ui.query_params().remove("n");
        ui.write(format!("n={n} set={} remove={}", refused.is_err(), removed.is_err()));
        Ok(())
    });
    at.run();
    assert_eq!(first_text(&mut at), "n=0 set=true remove=true");
    at.button(0).click().run();
    assert_eq!(first_text(&mut at), "n=5 set=true remove=true");
    assert_eq!(at.query_string(), "n=5");
}

#[test]
fn binding_needs_a_key_and_a_widget_that_holds_a_value() {
    let mut at = AppTest::new(|ui: &Ui| {
        let x = ui.add(Slider::new("X", 0..=3).bind(Bind::QueryParams));
        let pressed = ui.add(Button::new("Go").key("go").bind(Bind::QueryParams));
        ui.write(format!("x={x} pressed={pressed}"));
    });
    at.set_query_string("go=true");
    at.run();
    assert!(at.exception(0).text().contains("has no key"));
    assert!(at.exception(1).text().contains("cannot be bound"));
    assert_eq!(first_text(&mut at), "x=0 pressed=false");
}

#[test]
fn a_bound_widget_that_goes_takes_its_parameter_with_it() {
    let mut at = AppTest::new(|ui: &Ui| {
        if ui.checkbox("Show") {
            ui.add(NumberInput::int("Count").key("count").bind(Bind::QueryParams));
        }
    });
    at.set_query_string("count=3");
    at.run();
    assert_eq!(at.query_string(), "count=3", "a parameter no widget has claimed yet stays");
    at.checkbox(0).check().run();
    assert_eq!(at.number_input(0).value::<i64>(), 3, "the widget takes it when it appears");
    at.number_input(0).set_value(4).run();
    assert_eq!(at.query_string(), "count=4");
    at.checkbox(0).uncheck().run();
    assert_eq!(at.query_string(), "");
}

#[test]
fn the_url_value_only_seeds_a_widget_on_its_first_run() {
    let mut at = AppTest::new(|ui: &Ui| {
        let name = ui.add(TextInput::new("Name").key("name").bind(Bind::QueryParams));
        ui.write(name);
    });
    at.run();
    at.text_input(0).input("typed").run();
    at.set_query_param("name", "from-link");
    at.run();
    assert_eq!(first_text(&mut at), "typed", "the widget's value wins once it exists");
    assert_eq!(at.query_string(), "name=typed");
}
