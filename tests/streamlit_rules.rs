//! The rules of Streamlit's app model that a faithful clone must get right,
//! one or more tests per item of §7 of `streamlit-semantics.md` (items 1–13),
//! each named after the rule it proves.
//!
//! Items 4 and 5 (output streams while the script runs; stale elements are
//! matched by position and faded) are properties of the web layer and of async
//! scripts, so they are tested there, not here.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasmlit::identity::WidgetId;
use wasmlit::prelude::*;
use wasmlit::{RerunRequest, RunStatus, Session, StateError, WidgetEvent, WidgetValue};

// ----- helpers -----------------------------------------------------------

/// A log the app and its callbacks append to, read by the test.
type Log = Rc<RefCell<Vec<String>>>;

fn entries(log: &Log) -> Vec<String> {
    log.borrow().clone()
}

/// The kinds of all elements of the last run, in display order.
fn kinds(at: &AppTest) -> Vec<&'static str> {
    at.elements().iter().map(|e| e.kind()).collect()
}

/// The texts of all elements of one kind, in display order.
fn texts(at: &AppTest, kind: &str) -> Vec<String> {
    at.get(kind).iter().map(|e| e.text()).collect()
}

/// The id of the widget labelled `label` in the session's last run.
fn widget_id(session: &Session, label: &str) -> WidgetId {
    session.with_tree(|tree| {
        tree.elements()
            .into_iter()
            .find_map(|e| e.widget().filter(|w| w.label == label).map(|w| w.id))
            .unwrap_or_else(|| panic!("no widget labelled {label:?}"))
    })
}

fn session_texts(session: &Session, kind: &str) -> Vec<String> {
    session.elements().iter().filter(|e| e.kind() == kind).map(|e| e.text()).collect()
}

fn event(id: WidgetId, value: WidgetValue) -> WidgetEvent {
    WidgetEvent { id, value }
}

// ----- §7.1 callbacks are a prefix to the rerun ---------------------------

#[test]
fn callbacks_run_before_the_script_body() {
    let log: Log = Rc::default();
    let app_log = log.clone();
    let mut at = AppTest::new(move |ui: &Ui| -> Result {
        app_log.borrow_mut().push("script starts".into());
        let state = ui.session_state();
        let count = state.get_or_insert_with("count", || 0)?;
        // Drawn above the button: only correct if the callback ran first.
        ui.write(format!("count = {count}"));
        let callback_log = app_log.clone();
        ui.add(Button::new("Increment").on_click(move |ui: &Ui| -> Result {
            callback_log.borrow_mut().push("callback".into());
            ui.session_state().update("count", |c: &mut i32| *c += 1)?;
            Ok(())
        }));
        Ok(())
    });
    at.run();
    assert_eq!(at.markdown(0).text(), "count = 0");
    at.button(0).click().run();
    assert_eq!(entries(&log), ["script starts", "callback", "script starts"]);
    assert_eq!(at.markdown(0).text(), "count = 1", "the body already sees the callback's write");
    at.button(0).click().run();
    assert_eq!(at.markdown(0).text(), "count = 2");
}

#[test]
fn callbacks_see_the_new_widget_value_in_session_state() {
    let seen: Log = Rc::default();
    let app_seen = seen.clone();
    let mut at = AppTest::new(move |ui: &Ui| {
        let seen = app_seen.clone();
        ui.add(TextInput::new("Name").key("name").on_change(move |ui: &Ui| -> Result {
            let name: String = ui.session_state().get("name")?;
            seen.borrow_mut().push(name);
            Ok(())
        }));
    });
    at.run();
    at.text_input(0).input("Ada").run();
    at.text_input(0).input("Grace").run();
    assert_eq!(entries(&seen), ["Ada", "Grace"]);
}

#[test]
fn callback_output_appears_above_the_script_output_and_vanishes_on_the_next_run() {
    let mut at = AppTest::new(|ui: &Ui| {
        ui.title("Body");
        ui.add(Checkbox::new("Notify").on_change(|ui: &Ui| {
            ui.info("from the callback");
        }));
        ui.write("end of body");
    });
    at.run();
    assert_eq!(kinds(&at), ["title", "checkbox", "markdown"]);
    at.checkbox(0).check().run();
    assert_eq!(kinds(&at), ["info", "title", "checkbox", "markdown"]);
    assert_eq!(at.info(0).text(), "from the callback");
    at.run();
    assert_eq!(kinds(&at), ["title", "checkbox", "markdown"], "gone on the next run");
}

#[test]
fn rerun_in_a_callback_is_a_no_op_with_a_warning() {
    let body_runs = Rc::new(Cell::new(0));
    let app_runs = body_runs.clone();
    let mut at = AppTest::new(move |ui: &Ui| -> Result {
        app_runs.set(app_runs.get() + 1);
        ui.add(Button::new("Go").on_click(|ui: &Ui| -> Result {
            ui.session_state().set("clicked", true)?;
            ui.rerun()
        }));
        let clicked = ui.session_state().get_or_insert_with("clicked", || false)?;
        ui.write(format!("clicked = {clicked}"));
        Ok(())
    });
    at.run();
    assert_eq!(at.runs(), 1);
    at.button(0).click().run();
    assert_eq!(at.runs(), 2, "no extra run");
    assert_eq!(body_runs.get(), 2);
    assert_eq!(at.status(), Some(RunStatus::Completed));
    assert_eq!(kinds(&at), ["warning", "button", "markdown"]);
    assert_eq!(at.warning(0).text(), "Calling st.rerun() within a callback is a no-op.");
    assert_eq!(at.markdown(0).text(), "clicked = true", "the write before rerun() still counts");
}

// ----- §7.2 callback arguments are bound at render time -------------------

#[test]
fn callback_args_are_captured_at_render_time() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let name = ui.add(TextInput::new("Name").key("name").on_change(|_: &Ui| {}));
        // The closure captures `name` as this run drew it.
        ui.add(Button::new("Greet").on_click(move |ui: &Ui| -> Result {
            let state = ui.session_state();
            state.set("captured", name.clone())?;
            state.set("current", state.get::<String>("name")?)?;
            Ok(())
        }));
        Ok(())
    });
    at.run();
    at.text_input(0).input("Ada").run();
    // The value is changed and the button clicked in one request: the
    // callback still holds the value of the run that drew it.
    at.text_input(0).input("Grace");
    at.button(0).click().run();
    let state = at.session_state();
    assert_eq!(state.get::<String>("captured").unwrap(), "Ada");
    assert_eq!(state.get::<String>("current").unwrap(), "Grace", "read the key for the new value");
}

#[test]
fn callback_args_of_a_step_input_are_those_of_the_previous_run() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let state = ui.session_state();
        state.get_or_insert_with("total", || 0i64)?;
        let step = ui.add(NumberInput::int("Step").value(1));
        ui.add(Button::new("Add").on_click(move |ui: &Ui| -> Result {
            ui.session_state().update("total", |t: &mut i64| *t += step)?;
            Ok(())
        }));
        ui.write(format!("total = {}", state.get::<i64>("total")?));
        Ok(())
    });
    at.run();
    at.number_input(0).set_value(10);
    at.button(0).click().run();
    assert_eq!(at.markdown(0).text(), "total = 1", "step 1 was bound when the button was drawn");
    at.button(0).click().run();
    assert_eq!(at.markdown(0).text(), "total = 11");
}

// ----- §7.3 callbacks fire only on change; several in one rerun ----------

#[test]
fn callbacks_fire_only_when_the_value_changed() {
    let calls: Log = Rc::default();
    let app_calls = calls.clone();
    let mut at = AppTest::new(move |ui: &Ui| {
        let (a, b, c) = (app_calls.clone(), app_calls.clone(), app_calls.clone());
        ui.add(Slider::new("s", 0..=10).on_change(move |_: &Ui| a.borrow_mut().push("slider".into())));
        ui.add(Checkbox::new("c").on_change(move |_: &Ui| b.borrow_mut().push("checkbox".into())));
        ui.add(Selectbox::new("pick", ["x", "y"]).on_change(move |_: &Ui| c.borrow_mut().push("selectbox".into())));
    });
    at.run();
    at.run();
    assert!(entries(&calls).is_empty(), "a plain rerun changes nothing");
    // The page sends the current values again: not a change.
    at.slider(0).set_value(0);
    at.checkbox(0).uncheck();
    at.selectbox(0).select("x").run();
    assert!(entries(&calls).is_empty(), "same values are no change: {:?}", entries(&calls));
    at.slider(0).set_value(3).run();
    at.slider(0).set_value(3).run();
    assert_eq!(entries(&calls), ["slider"]);
    at.selectbox(0).select("y").run();
    at.checkbox(0).check().run();
    assert_eq!(entries(&calls), ["slider", "selectbox", "checkbox"]);
}

#[test]
fn a_button_click_always_counts_as_a_change() {
    let clicks = Rc::new(Cell::new(0));
    let app_clicks = clicks.clone();
    let mut at = AppTest::new(move |ui: &Ui| {
        let clicks = app_clicks.clone();
        ui.add(Button::new("Tap").on_click(move |_: &Ui| clicks.set(clicks.get() + 1)));
    });
    at.run();
    for expected in 1..=3 {
        at.button(0).click().run();
        assert_eq!(clicks.get(), expected);
    }
    at.run();
    assert_eq!(clicks.get(), 3, "no click, no callback");
}

#[test]
fn a_value_the_widget_refuses_is_no_change_and_fires_no_callback() {
    let calls: Log = Rc::default();
    let app_calls = calls.clone();
    let mut at = AppTest::new(move |ui: &Ui| {
        let calls = app_calls.clone();
        let x = ui.add(Slider::new("x", 0..=10).key("x").on_change(move |ui: &Ui| -> Result {
            let x: i32 = ui.session_state().get("x")?;
            calls.borrow_mut().push(format!("x = {x}"));
            Ok(())
        }));
        ui.write(format!("x = {x}"));
    });
    at.run();
    at.slider(0).set_value(4).run();
    at.slider(0).set_value(99).run();
    assert_eq!(at.markdown(0).text(), "x = 4", "the slider refuses 99");
    assert!(at.get("exception").is_empty(), "{:?}", texts(&at, "exception"));
    assert_eq!(entries(&calls), ["x = 4"], "99 never became the value, so nothing changed");
}

#[test]
fn an_error_in_a_callback_ends_the_run() {
    let body_runs = Rc::new(Cell::new(0));
    let app_runs = body_runs.clone();
    let mut at = AppTest::new(move |ui: &Ui| {
        app_runs.set(app_runs.get() + 1);
        ui.add(Button::new("Fail").on_click(|_: &Ui| Err::<(), _>(Error::msg("callback failed"))));
        ui.write("body");
    });
    at.run();
    at.button(0).click().run();
    assert_eq!(at.exception(0).text(), "Error: callback failed");
    assert_eq!(at.status(), Some(RunStatus::Failed), "an uncaught error ends the run (§1.7)");
    assert_eq!(body_runs.get(), 1, "the script body does not run after a failed callback");
    assert!(at.get("markdown").is_empty());
}

/// An app of five widgets, each logging its label from its callback.
fn five_logging_widgets(log: Log) -> impl Fn(&Ui) {
    move |ui: &Ui| {
        let logger = |name: &'static str| {
            let log = log.clone();
            move |_: &Ui| log.borrow_mut().push(name.to_string())
        };
        let a = ui.add(Checkbox::new("a").on_change(logger("a")));
        let b = ui.add(Slider::new("b", 0..=10).on_change(logger("b")));
        let c = ui.add(TextInput::new("c").on_change(logger("c")));
        let d = ui.add(Toggle::new("d").on_change(logger("d")));
        let e = ui.add(Checkbox::new("e").on_change(logger("e")));
        ui.write(format!("{a} {b} {c:?} {d} {e}"));
    }
}

#[test]
fn coalesced_changes_fire_several_callbacks_in_one_rerun_in_widget_order() {
    let log: Log = Rc::default();
    let mut session = Session::new(five_logging_widgets(log.clone()));
    assert_eq!(session.run(RerunRequest::default()), RunStatus::Completed);
    let id = |label| widget_id(&session, label);
    // Events arrive out of widget order, in two requests that get coalesced.
    let mut pending = RerunRequest::from_event(event(id("d"), WidgetValue::Bool(true)));
    pending.push(event(id("c"), WidgetValue::Text("hi".into())));
    pending.push(event(id("e"), WidgetValue::Bool(false))); // unchanged: no callback
    let mut newer = RerunRequest::from_event(event(id("b"), WidgetValue::Number(7.0)));
    newer.push(event(id("a"), WidgetValue::Bool(true)));
    pending.merge(newer);
    assert_eq!(session.run(pending), RunStatus::Completed);
    assert_eq!(session.runs(), 2, "one run for all the changes");
    assert_eq!(entries(&log), ["a", "b", "c", "d"]);
    assert_eq!(session_texts(&session, "markdown"), ["true 7 \"hi\" true false"]);
}

// ----- §7.6 coalescing: newest value wins, a button press is never lost ---

#[test]
fn coalesced_requests_keep_the_newest_value() {
    let changes = Rc::new(Cell::new(0));
    let app_changes = changes.clone();
    let mut session = Session::new(move |ui: &Ui| {
        let changes = app_changes.clone();
        let x = ui.add(Slider::new("x", 0..=10).on_change(move |_: &Ui| changes.set(changes.get() + 1)));
        ui.write(format!("x = {x}"));
    });
    session.run(RerunRequest::default());
    let x = widget_id(&session, "x");
    let mut pending = RerunRequest::from_event(event(x, WidgetValue::Number(3.0)));
    pending.merge(RerunRequest::from_event(event(x, WidgetValue::Number(7.0))));
    assert_eq!(pending.value(x), Some(&WidgetValue::Number(7.0)));
    session.run(pending);
    assert_eq!(session_texts(&session, "markdown"), ["x = 7"]);
    assert_eq!(changes.get(), 1, "one change, one callback");
    assert_eq!(session.runs(), 2);
}

#[test]
fn coalesced_requests_keep_a_button_press() {
    let clicks = Rc::new(Cell::new(0));
    let app_clicks = clicks.clone();
    let mut session = Session::new(move |ui: &Ui| {
        let clicks = app_clicks.clone();
        let pressed = ui.add(Button::new("Save").on_click(move |_: &Ui| clicks.set(clicks.get() + 1)));
        let x = ui.slider("x", 0..=10);
        ui.write(format!("pressed = {pressed}, x = {x}"));
    });
    session.run(RerunRequest::default());
    let (save, x) = (widget_id(&session, "Save"), widget_id(&session, "x"));

    // The press, then a newer request in which the button is released again.
    let mut pending = RerunRequest::from_event(event(save, WidgetValue::Trigger(true)));
    let mut newer = RerunRequest::from_event(event(x, WidgetValue::Number(4.0)));
    newer.push(event(save, WidgetValue::Trigger(false)));
    pending.merge(newer);
    assert_eq!(pending.value(save), Some(&WidgetValue::Trigger(true)));
    session.run(pending);
    assert_eq!(session_texts(&session, "markdown"), ["pressed = true, x = 4"]);
    assert_eq!(clicks.get(), 1);

    // A newer request that does not mention the button keeps the press too.
    let mut pending = RerunRequest::from_event(event(save, WidgetValue::Trigger(true)));
    pending.merge(RerunRequest::from_event(event(x, WidgetValue::Number(5.0))));
    session.run(pending);
    assert_eq!(session_texts(&session, "markdown"), ["pressed = true, x = 5"]);
    assert_eq!(clicks.get(), 2);

    // And the press lasts one run only.
    session.run(RerunRequest::default());
    assert_eq!(session_texts(&session, "markdown"), ["pressed = false, x = 5"]);
    assert_eq!(clicks.get(), 2);
}

// ----- §7.7 stop() and errors skip widget cleanup --------------------------

/// A slider keyed "x", skipped when the "Skip" button is clicked; `skip` says how.
fn skippable_slider(skip: fn(&Ui) -> Result) -> impl Fn(&Ui) -> Result {
    move |ui: &Ui| {
        if ui.button("Skip") {
            skip(ui)?;
        }
        let x = ui.add(Slider::new("x", 0..=100).key("x"));
        ui.write(format!("x = {x}"));
        Ok(())
    }
}

#[test]
fn stop_skips_widget_cleanup() {
    let mut at = AppTest::new(skippable_slider(|ui| ui.stop()));
    at.run();
    at.slider(0).set_value(42).run();
    at.button(0).click().run();
    assert_eq!(at.status(), Some(RunStatus::Stopped));
    assert!(at.get("slider").is_empty(), "the slider was not drawn");
    assert_eq!(at.session_state().get::<i32>("x").unwrap(), 42, "its state survived the stop");
    at.run();
    assert_eq!(at.markdown(0).text(), "x = 42");
}

#[test]
fn an_error_skips_widget_cleanup() {
    let mut at = AppTest::new(skippable_slider(|_| Err(Error::msg("boom"))));
    at.run();
    at.slider(0).set_value(42).run();
    at.button(0).click().run();
    assert_eq!(at.status(), Some(RunStatus::Failed));
    assert_eq!(at.exception(0).text(), "Error: boom");
    assert_eq!(at.session_state().get::<i32>("x").unwrap(), 42);
    at.run();
    assert_eq!(at.markdown(0).text(), "x = 42");
}

#[test]
fn a_completed_run_forgets_widgets_it_did_not_draw() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        if !ui.button("Skip") {
            let x = ui.add(Slider::new("x", 0..=100).key("x"));
            ui.write(format!("x = {x}"));
        }
        Ok(())
    });
    at.run();
    at.slider(0).set_value(42).run();
    at.button(0).click().run();
    assert_eq!(at.status(), Some(RunStatus::Completed));
    assert!(!at.session_state().contains("x"));
    at.run();
    assert_eq!(at.markdown(0).text(), "x = 0");
}

#[test]
fn rerun_performs_widget_cleanup() {
    let mut at = AppTest::new(skippable_slider(|ui| ui.rerun()));
    at.run();
    at.slider(0).set_value(42).run();
    let before = at.runs();
    at.button(0).click().run();
    assert_eq!(at.runs(), before + 2, "the click's run, then the rerun");
    assert_eq!(at.status(), Some(RunStatus::Completed));
    assert_eq!(at.markdown(0).text(), "x = 0", "the run ended by rerun() dropped the slider");
}

// ----- §7.8 identity and resets --------------------------------------------

/// Sets the slider of `at` to 50 under variant 0 (the session-state key
/// "variant" picks how the app builds it), switches to `variant`, and returns
/// what the slider holds then.
fn value_after_switching(at: &mut AppTest, variant: i32) -> f64 {
    at.session_state().set("variant", 0).unwrap();
    at.run();
    at.slider(0).set_value(50).run();
    assert_eq!(at.slider(0).value::<f64>(), 50.0);
    at.session_state().set("variant", variant).unwrap();
    at.run();
    at.slider(0).value::<f64>()
}

fn slider_variant(ui: &Ui, key: Option<&str>) -> Result<f64> {
    let variant = ui.session_state().get_or_insert_with("variant", || 0)?;
    let slider = match variant {
        1 => Slider::new("y", 0.0..=100.0),
        2 => Slider::new("x", 1.0..=100.0),
        3 => Slider::new("x", 0.0..=99.0),
        4 => Slider::new("x", 0.0..=100.0).value(5.0),
        5 => Slider::new("x", 0.0..=100.0).help("a tooltip"),
        6 => Slider::new("x", 0.0..=100.0).step(0.5),
        _ => Slider::new("x", 0.0..=100.0),
    };
    let slider = match key {
        Some(key) => slider.key(key),
        None => slider,
    };
    Ok(ui.add(slider))
}

#[test]
fn changing_any_parameter_of_an_unkeyed_widget_resets_it() {
    let mut at = AppTest::new(|ui: &Ui| slider_variant(ui, None).map(|_| ()));
    for (variant, what, default) in
        [(1, "label", 0.0), (2, "min", 1.0), (3, "max", 0.0), (4, "default", 5.0), (5, "help", 0.0), (6, "step", 0.0)]
    {
        assert_eq!(value_after_switching(&mut at, variant), default, "changing the {what} resets the widget");
    }
}

#[test]
fn with_a_key_only_value_constraining_parameters_reset_a_widget() {
    let mut at = AppTest::new(|ui: &Ui| slider_variant(ui, Some("x")).map(|_| ()));
    for (variant, what) in [(1, "label"), (4, "default"), (5, "help")] {
        assert_eq!(value_after_switching(&mut at, variant), 50.0, "changing the {what} keeps a keyed value");
        assert_eq!(at.session_state().get::<f64>("x").unwrap(), 50.0);
    }
    // Streamlit's slider: key_as_main_identity={"min_value", "max_value", "step"}.
    assert_eq!(value_after_switching(&mut at, 2), 1.0, "changing min resets it");
    assert_eq!(value_after_switching(&mut at, 6), 0.0, "changing the step resets it");
    assert_eq!(value_after_switching(&mut at, 3), 0.0, "changing max resets it");
    assert_eq!(at.session_state().get::<f64>("x").unwrap(), 0.0, "the key follows the new widget");
}

#[test]
fn changing_the_options_or_placeholder_of_an_unkeyed_selectbox_resets_it() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let variant = ui.session_state().get_or_insert_with("variant", || 0)?;
        let pick = match variant {
            1 => Selectbox::new("Pick", ["a", "b", "c", "d"]),
            2 => Selectbox::new("Pick", ["a", "b", "c"]).placeholder("Choose one"),
            _ => Selectbox::new("Pick", ["a", "b", "c"]),
        };
        let chosen = ui.add(pick);
        ui.write(chosen);
        Ok(())
    });
    for variant in [1, 2] {
        at.session_state().set("variant", 0).unwrap();
        at.run();
        at.selectbox(0).select("c").run();
        assert_eq!(at.markdown(0).text(), "c");
        at.session_state().set("variant", variant).unwrap();
        at.run();
        assert_eq!(at.markdown(0).text(), "a", "variant {variant} resets the selectbox");
    }
}

#[test]
fn disabled_label_visibility_and_callbacks_never_change_identity() {
    for keyed in [false, true] {
        let mut at = AppTest::new(move |ui: &Ui| -> Result {
            let variant = ui.session_state().get_or_insert_with("variant", || 0)?;
            let toggle = match variant {
                1 => Toggle::new("Feature").disabled(true),
                2 => Toggle::new("Feature").label_visibility(LabelVisibility::Collapsed),
                3 => Toggle::new("Feature").on_change(|_: &Ui| {}),
                _ => Toggle::new("Feature"),
            };
            let toggle = if keyed { toggle.key("feature") } else { toggle };
            let on = ui.add(toggle);
            ui.write(format!("on = {on}"));
            Ok(())
        });
        at.run();
        let id = at.toggle(0).element().widget().unwrap().id;
        at.toggle(0).set_value(true).run();
        for variant in [1, 2, 3, 0] {
            at.session_state().set("variant", variant).unwrap();
            at.run();
            assert_eq!(at.markdown(0).text(), "on = true", "variant {variant} (keyed: {keyed}) keeps the value");
            assert_eq!(at.toggle(0).element().widget().unwrap().id, id, "variant {variant} keeps the id");
        }
        at.session_state().set("variant", 1).unwrap();
        at.run();
        assert!(at.toggle(0).element().widget().unwrap().disabled, "the page greys it out");
    }
}

/// Streamlit's `compute_and_register_element_id` hashes every parameter but `key`, `disabled`,
/// `format_func`, `label_visibility`, `args`, `kwargs` and `on_change` (v1.39).
#[test]
fn every_parameter_outside_streamlits_exclusion_list_identifies_an_unkeyed_widget() {
    let mut at = AppTest::new(|ui: &Ui| {
        ui.add(Button::new("Go"));
        ui.add(Button::new("Go").kind(ButtonKind::Primary));
        let form = ui.form("f");
        form.add(FormSubmitButton::new("Send"));
        form.add(FormSubmitButton::new("Send").kind(ButtonKind::Primary));
        ui.add(Radio::new("Pick", ["a", "b"]));
        ui.add(Radio::new("Pick", ["a", "b"]).horizontal(true));
        ui.add(TextInput::new("Secret"));
        ui.add(TextInput::new("Secret").password());
        ui.add(TextArea::new("Notes"));
        ui.add(TextArea::new("Notes").height(200));
        ui.add(Slider::new("Level", 0..=10));
        // `0` and `0.0`: Streamlit hashes `str(value)`.
        ui.add(Slider::new("Level", 0.0..=10.0).step(1.0));
        ui.add(NumberInput::int("Count"));
        ui.add(NumberInput::new("Count").step(1.0));
    });
    at.run();
    assert!(at.get("exception").is_empty(), "no DuplicateWidgetID: {:?}", texts(&at, "exception"));
    assert_eq!(at.get("button").len(), 4);
}

#[test]
fn changing_a_radios_layout_a_text_inputs_type_or_a_text_areas_height_resets_it() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let changed = ui.session_state().get_or_insert_with("variant", || 0)? == 1;
        let pick = ui.add(Radio::new("Pick", ["a", "b"]).horizontal(changed));
        let secret = ui.add(if changed { TextInput::new("Secret").password() } else { TextInput::new("Secret") });
        let notes = ui.add(if changed { TextArea::new("Notes").height(200) } else { TextArea::new("Notes") });
        ui.write(format!("{pick}|{secret}|{notes}"));
        Ok(())
    });
    at.run();
    at.radio(0).select("b");
    at.text_input(0).input("hunter2");
    at.text_area(0).input("milk").run();
    assert_eq!(at.markdown(0).text(), "b|hunter2|milk");
    at.session_state().set("variant", 1).unwrap();
    at.run();
    assert_eq!(at.markdown(0).text(), "a||", "each is a new widget, at its default");
}

// ----- §7.9 DuplicateWidgetID ----------------------------------------------

#[test]
fn identical_unkeyed_widgets_raise_duplicate_widget_id() {
    let mut at = AppTest::new(|ui: &Ui| {
        let first = ui.slider("Volume", 0..=10);
        ui.slider("Volume", 0..=10);
        ui.write(format!("first = {first}"));
    });
    at.run();
    assert_eq!(at.get("slider").len(), 1, "only the first is drawn");
    let error = at.exception(0).text();
    assert!(error.starts_with("DuplicateWidgetID: "), "{error}");
    assert!(error.contains("\"Volume\"") && error.contains("key"), "{error}");
    at.slider(0).set_value(3).run();
    assert_eq!(at.markdown(0).text(), "first = 3", "the first widget still works");
}

#[test]
fn the_same_key_twice_is_a_duplicate_even_with_different_labels() {
    let mut at = AppTest::new(|ui: &Ui| {
        ui.add(TextInput::new("First name").key("name"));
        ui.add(TextInput::new("Last name").key("name"));
    });
    at.run();
    assert_eq!(at.get("text_input").len(), 1);
    let error = at.exception(0).text();
    assert!(error.starts_with("DuplicateWidgetID: ") && error.contains("key \"name\""), "{error}");
}

#[test]
fn a_key_used_by_two_widgets_of_different_kinds_is_a_duplicate() {
    // v1.39 `elements/lib/utils.py::_register_element_id` checks user keys
    // before ids: a key names one widget, whatever its kind.
    let mut at = AppTest::new(|ui: &Ui| {
        ui.add(Checkbox::new("Enabled").key("setting"));
        ui.add(Slider::new("Level", 0..=10).key("setting"));
    });
    at.run();
    assert_eq!(at.get("checkbox").len(), 1);
    assert!(at.get("slider").is_empty(), "the second widget is refused");
    let error = at.exception(0).text();
    assert!(error.contains("key") && error.contains("setting"), "{error}");
    assert!(at.session_state().get::<bool>("setting").is_ok(), "the key still names the checkbox");
}

#[test]
fn keys_or_differing_parameters_tell_identical_widgets_apart() {
    let mut at = AppTest::new(|ui: &Ui| {
        let privacy = ui.add(Button::new("OK").key("privacy"));
        let terms = ui.add(Button::new("OK").key("terms"));
        let a = ui.add(Checkbox::new("Agree"));
        let b = ui.add(Checkbox::new("Agree").value(true));
        ui.write(format!("{privacy} {terms} {a} {b}"));
    });
    at.run();
    assert!(at.get("exception").is_empty());
    assert_eq!(at.markdown(0).text(), "false false false true");
    at.button(key("terms")).click();
    at.checkbox(0).check().run();
    assert_eq!(at.markdown(0).text(), "false true true true");
}

// ----- §7.10 widgets not drawn are forgotten; tabs and expanders run -----

#[test]
fn a_hidden_widget_is_forgotten_with_its_key_and_returns_at_its_default() {
    let mut at = AppTest::new(|ui: &Ui| {
        if ui.checkbox("Advanced") {
            let level = ui.add(Slider::new("Level", 0..=10).value(2).key("level"));
            ui.write(format!("level = {level}"));
        }
    });
    at.run();
    at.checkbox(0).check().run();
    at.slider(0).set_value(9).run();
    assert_eq!(at.session_state().get::<i32>("level").unwrap(), 9);
    at.checkbox(0).uncheck().run();
    assert!(!at.session_state().contains("level"), "the key goes with the widget");
    assert_eq!(at.session_state().get::<i32>("level"), Err(StateError::Missing { key: "level".into() }));
    at.checkbox(0).check().run();
    assert_eq!(at.markdown(0).text(), "level = 2", "back at its default");
}

#[test]
fn widgets_in_tabs_and_expanders_keep_their_values() {
    let mut at = AppTest::new(|ui: &Ui| {
        let [_, settings] = ui.tabs(["Chart", "Settings"]);
        let bins = settings.slider("Bins", 1..=50);
        let more = ui.expander("More");
        let note = more.text_input("Note");
        let side = ui.sidebar().checkbox("Dark");
        ui.write(format!("{bins} {note} {side}"));
    });
    at.run();
    at.tab(1).slider(0).set_value(20);
    at.expander(0).text_input(0).input("hello");
    at.sidebar().checkbox(0).check().run();
    assert_eq!(at.markdown(0).text(), "20 hello true");
    at.run().run();
    assert_eq!(at.markdown(0).text(), "20 hello true", "bodies of closed tabs and expanders still run");
    assert_eq!(at.tab(1).slider(0).value::<i32>(), 20);
}

#[test]
fn reassigning_a_key_every_run_keeps_a_hidden_widgets_value() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let state = ui.session_state();
        // `st.session_state.k = st.session_state.k`: interrupts the cleanup.
        if state.contains("level") {
            state.set("level", state.get::<i32>("level")?)?;
        }
        if ui.checkbox("Show") {
            ui.add(Slider::new("Level", 0..=10).key("level"));
        }
        Ok(())
    });
    at.run();
    at.checkbox(0).check().run();
    at.slider(0).set_value(7).run();
    at.checkbox(0).uncheck().run();
    assert_eq!(at.session_state().get::<i32>("level").unwrap(), 7);
    at.run();
    at.checkbox(0).check().run();
    assert_eq!(at.slider(0).value::<i32>(), 7);
}

// ----- §7.11 defaults ------------------------------------------------------

#[test]
fn widgets_return_their_default_on_first_render() {
    let mut at = AppTest::new(|ui: &Ui| {
        let lines = [
            format!("button {}", ui.button("b")),
            format!("checkbox {}", ui.checkbox("c")),
            format!("toggle {}", ui.toggle("t")),
            format!("radio {}", ui.radio("r", ["first", "second"])),
            format!("selectbox {}", ui.selectbox("s", ["first", "second"])),
            format!("multiselect {:?}", ui.multiselect("m", ["first", "second"])),
            format!("slider {}", ui.slider("sl", 3..=9)),
            format!("slider value {}", ui.add(Slider::new("sv", 3..=9).value(6))),
            format!("range {:?}", ui.add(Slider::new("rg", 0.0..=1.0).value((0.25, 0.75)))),
            format!("number {}", ui.number_input("n")),
            format!("number min {}", ui.add(NumberInput::int("nm").min(4))),
            format!("text_input {:?}", ui.text_input("ti")),
            format!("text_area {:?}", ui.text_area("ta")),
        ];
        for line in lines {
            ui.text(line);
        }
    });
    at.run();
    assert_eq!(
        texts(&at, "text"),
        [
            "button false",
            "checkbox false",
            "toggle false",
            "radio first",
            "selectbox first",
            "multiselect []",
            "slider 3",
            "slider value 6",
            "range (0.25, 0.75)",
            "number 0",
            "number min 4",
            "text_input \"\"",
            "text_area \"\"",
        ]
    );
}

#[test]
fn a_pair_value_makes_a_range_slider() {
    let mut at = AppTest::new(|ui: &Ui| {
        let (low, high) = ui.add(Slider::new("Price", 0..=100).value((10, 90)));
        ui.write(format!("{low}..{high}"));
    });
    at.run();
    let Element::Slider(props) = at.slider(0).element().clone() else { unreachable!() };
    assert_eq!(props.value, [10.0, 90.0], "the page draws two handles");
    at.slider(0).set_range(20.0, 30.0).run();
    assert_eq!(at.markdown(0).text(), "20..30");
}

// ----- §7.12 buttons are true for exactly one run ---------------------------

#[test]
fn buttons_are_true_for_exactly_one_run() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let pressed = ui.add(Button::new("Go").key("go"));
        ui.checkbox("Other");
        // Inside the run, the key reads the press too.
        let keyed: bool = ui.session_state().get("go")?;
        ui.write(format!("{pressed} {keyed}"));
        Ok(())
    });
    at.run();
    assert_eq!(at.markdown(0).text(), "false false");
    at.button(0).click().run();
    assert_eq!(at.markdown(0).text(), "true true");
    assert!(!at.session_state().get::<bool>("go").unwrap(), "reset after the run");
    at.run();
    assert_eq!(at.markdown(0).text(), "false false");
    at.button(0).click().run();
    at.checkbox(0).check().run();
    assert_eq!(at.markdown(0).text(), "false false", "another widget's change does not repeat the press");
}

#[test]
fn a_buttons_value_cannot_be_set_through_session_state() {
    // Set before the button ever existed: the button refuses it.
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        ui.session_state().set("go", true)?;
        ui.add(Button::new("Go").key("go"));
        Ok(())
    });
    at.run();
    let error = at.exception(0).text();
    assert!(
        error.starts_with("StreamlitAPIException: ") && error.contains("cannot be set using st.session_state"),
        "{error}"
    );

    // Set while the button exists (before it is drawn): the write itself fails.
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        if ui.session_state().contains("go") {
            ui.session_state().set("go", true)?;
        }
        ui.write(format!("pressed = {}", ui.add(Button::new("Go").key("go"))));
        Ok(())
    });
    at.run();
    assert_eq!(at.markdown(0).text(), "pressed = false");
    at.run();
    assert!(at.get("markdown").is_empty());
    assert_eq!(
        at.exception(0).text(),
        "StateError: The value of the button with key \"go\" cannot be set using st.session_state."
    );
    assert_eq!(at.session_state().set("go", true), Err(StateError::NotSettable { key: "go".into(), kind: "button" }));
}

// ----- §7.13 session state write rules ---------------------------------------

#[test]
fn writing_a_widget_key_after_the_widget_is_an_error() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let x = ui.add(Slider::new("x", 0..=10).key("my_slider"));
        ui.write(format!("x = {x}"));
        if x > 0 {
            ui.session_state().set("my_slider", 7)?;
        }
        Ok(())
    });
    at.run();
    at.slider(0).set_value(3).run();
    assert_eq!(kinds(&at), ["slider", "markdown", "exception"], "the error appears where the run ended");
    assert_eq!(
        at.exception(0).text(),
        "StateError: `st.session_state.my_slider` cannot be modified after the widget with key `my_slider` is instantiated."
    );
    assert_eq!(at.session_state().get::<i32>("my_slider").unwrap(), 3, "the value is untouched");
}

#[test]
fn writing_a_form_key_after_the_form_is_an_error_too() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let state = ui.session_state();
        state.set("order", "before the form is fine")?;
        let form = ui.form("order");
        form.text_input("Flavour");
        form.form_submit_button("Order");
        state.set("order", "after the form is not")?;
        ui.write("not reached");
        Ok(())
    });
    at.run();
    assert_eq!(
        at.exception(0).text(),
        "StateError: `st.session_state.order` cannot be modified after the widget with key `order` is instantiated."
    );
    assert_eq!(at.session_state().get::<&str>("order").unwrap(), "before the form is fine");
    at.session_state().set("order", "between runs is fine").unwrap();
}

#[test]
fn writing_a_widget_key_before_the_widget_sets_its_value_and_the_page() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        if ui.button("Boil") {
            ui.session_state().set("celsius", 100.0)?;
        }
        let c = ui.add(Slider::new("Celsius", -50.0..=150.0).key("celsius"));
        ui.write(format!("{c} °C"));
        Ok(())
    });
    at.run();
    at.slider(0).set_value(20.0).run();
    at.button(0).click().run();
    assert_eq!(at.markdown(0).text(), "100 °C");
    let Element::Slider(props) = at.slider(0).element().clone() else { unreachable!() };
    assert_eq!(props.value, [100.0], "the page is told the new value");
    at.run();
    assert_eq!(at.markdown(0).text(), "100 °C", "and keeps it");
}

#[test]
fn writing_a_widget_key_in_a_callback_sets_its_value() {
    let mut at = AppTest::new(|ui: &Ui| {
        let text = ui.add(TextInput::new("Message").key("msg"));
        ui.add(Button::new("Clear").on_click(|ui: &Ui| ui.session_state().set("msg", String::new())));
        ui.write(format!("[{text}]"));
    });
    at.run();
    at.text_input(0).input("hello").run();
    assert_eq!(at.markdown(0).text(), "[hello]");
    at.button(0).click().run();
    assert_eq!(at.markdown(0).text(), "[]");
    assert_eq!(at.text_input(0).value::<String>(), "");
}

#[test]
fn deleting_a_widget_key_does_not_reset_the_widget() {
    let mut at = AppTest::new(|ui: &Ui| {
        let state = ui.session_state();
        if ui.button("Forget") {
            assert!(state.remove("n"));
            ui.write(format!("present after delete: {}", state.contains("n")));
        }
        let n = ui.add(NumberInput::int("n").key("n"));
        ui.write(format!("n = {n}, present = {}", state.contains("n")));
    });
    at.run();
    at.number_input(0).set_value(5).run();
    at.button(0).click().run();
    assert_eq!(texts(&at, "markdown"), ["present after delete: false", "n = 5, present = true"]);
    at.run();
    assert_eq!(at.session_state().get::<i64>("n").unwrap(), 5);
}

#[test]
fn returned_widget_values_are_copies() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let mut picked = ui.add(Multiselect::new("Pick", ["a", "b", "c"]).key("pick"));
        picked.push("mutated");
        let mut name = ui.add(TextInput::new("Name").key("name"));
        name.push_str(" (mutated)");
        let state = ui.session_state();
        let mut from_state: Vec<&str> = state.get("pick")?;
        from_state.clear();
        ui.write(format!("{:?} {:?}", state.get::<Vec<&str>>("pick")?, state.get::<String>("name")?));
        Ok(())
    });
    at.run();
    at.multiselect(0).select("b");
    at.text_input(0).input("Ada").run();
    assert_eq!(at.markdown(0).text(), "[\"b\"] \"Ada\"");
    assert_eq!(at.multiselect(0).value::<Vec<&str>>(), ["b"]);
}

#[test]
fn setting_a_widget_key_and_passing_a_default_warns() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        ui.session_state().get_or_insert_with("x", || 5)?;
        ui.add(Slider::new("x", 0..=10).value(3).key("x"));
        Ok(())
    });
    at.run();
    assert_eq!(at.slider(0).value::<i32>(), 5, "session state wins");
    let warning = at.warning(0).text();
    assert!(
        warning.contains("\"x\"") && warning.contains("default value") && warning.contains("Session State"),
        "{warning}"
    );
}

// ----- session state errors ---------------------------------------------------

#[test]
fn reading_a_missing_key_names_the_key() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let n: i32 = ui.session_state().get("x")?;
        ui.write(n);
        Ok(())
    });
    at.run();
    assert_eq!(at.status(), Some(RunStatus::Failed));
    assert_eq!(
        at.exception(0).text(),
        "StateError: st.session_state has no key \"x\". Did you forget to initialize it?"
    );
    let error = at.session_state().get::<i32>("x").unwrap_err();
    assert_eq!(error, StateError::Missing { key: "x".into() });
    assert_eq!(error.to_string(), "st.session_state has no key \"x\". Did you forget to initialize it?");
}

#[test]
fn reading_a_key_as_the_wrong_type_names_both_types() {
    let state = AppTest::new(|_: &Ui| {}).session_state();
    state.set("n", 5).unwrap();
    let error = state.get::<String>("n").unwrap_err();
    assert!(matches!(&error, StateError::WrongType { key, found: "i32", .. } if key == "n"), "{error:?}");
    let message = error.to_string();
    assert!(message.contains("\"n\"") && message.contains("i32") && message.contains("String"), "{message}");
    state.set("ratio", 5.5).unwrap();
    let message = state.get::<i32>("ratio").unwrap_err().to_string();
    assert!(message.contains("f64") && message.contains("i32"), "a lossy number conversion is refused: {message}");
    assert_eq!(state.get::<i64>("n").unwrap(), 5, "a lossless one is fine");
}

// ----- errors, rerun(), placeholders and containers ---------------------------

#[test]
fn a_script_error_is_shown_in_place_and_the_next_run_works_with_state_intact() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let runs = ui.session_state().update_or("runs", 0, |n: &mut i32| *n += 1)?;
        ui.write(format!("run {runs}"));
        let text = ui.text_input("Number");
        let n: i32 = if text.is_empty() { 0 } else { text.parse()? };
        ui.write(format!("doubled: {}", n * 2));
        Ok(())
    });
    at.run();
    at.text_input(0).input("12x").run();
    assert_eq!(at.status(), Some(RunStatus::Failed));
    assert_eq!(kinds(&at), ["markdown", "text_input", "exception"]);
    assert_eq!(at.exception(0).text(), "ParseIntError: invalid digit found in string");
    at.text_input(0).input("21").run();
    assert_eq!(at.status(), Some(RunStatus::Completed));
    assert_eq!(texts(&at, "markdown"), ["run 3", "doubled: 42"]);
    assert!(at.get("exception").is_empty());
}

#[test]
fn rerun_causes_exactly_one_more_run() {
    let body_runs = Rc::new(Cell::new(0));
    let app_runs = body_runs.clone();
    let mut at = AppTest::new(move |ui: &Ui| -> Result {
        app_runs.set(app_runs.get() + 1);
        let state = ui.session_state();
        ui.write("before");
        if ui.button("Add") {
            state.update_or("count", 0, |n: &mut i32| *n += 1)?;
            ui.rerun()?;
        }
        ui.write(format!("count = {}", state.get_or_insert_with("count", || 0)?));
        Ok(())
    });
    at.run();
    assert_eq!((at.runs(), body_runs.get()), (1, 1));
    at.button(0).click().run();
    assert_eq!((at.runs(), body_runs.get()), (3, 3), "the click's run and one rerun");
    assert_eq!(texts(&at, "markdown"), ["before", "count = 1"], "the rerun sees the button released");
    assert_eq!(at.status(), Some(RunStatus::Completed));
}

#[test]
fn an_empty_placeholder_is_replaced() {
    let mut at = AppTest::new(|ui: &Ui| {
        let status = ui.empty();
        let cleared = ui.empty();
        let unused = ui.empty();
        ui.write("after");
        status.text("Loading...");
        status.success("Done!");
        cleared.text("temporary");
        cleared.empty();
        let _ = unused;
    });
    at.run();
    assert_eq!(kinds(&at), ["success", "empty", "empty", "markdown"]);
    assert_eq!(at.success(0).text(), "Done!");
    assert!(at.get("text").is_empty());
}

#[test]
fn containers_written_out_of_order_show_in_display_order() {
    let mut at = AppTest::new(|ui: &Ui| {
        let header = ui.container();
        ui.write("body");
        let [left, right] = ui.columns([1, 1]);
        ui.sidebar().write("sidebar");
        right.write("right");
        left.write("left");
        header.title("Title");
        header.caption("written last");
    });
    at.run();
    assert_eq!(texts(&at, "markdown"), ["body", "left", "right", "sidebar"]);
    assert_eq!(kinds(&at), ["title", "caption", "markdown", "markdown", "markdown", "markdown"]);
    assert_eq!(at.main().get("markdown").len(), 3);
    assert_eq!(at.sidebar().markdown(0).text(), "sidebar");
}

#[test]
fn app_test_session_state_set_between_runs_sets_a_widget_value() {
    let mut at = AppTest::new(|ui: &Ui| {
        let x = ui.add(Slider::new("x", 0..=10).key("x"));
        ui.write(format!("x = {x}"));
    });
    at.session_state().set("x", 4).unwrap();
    at.run();
    assert_eq!(at.markdown(0).text(), "x = 4", "set before the first run");
    at.session_state().set("x", 6).expect("between runs no widget is drawn yet");
    at.run();
    assert_eq!(at.markdown(0).text(), "x = 6");
}

#[test]
fn session_state_keys_list_plain_keys_and_drawn_widget_keys() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        ui.session_state().get_or_insert_with("counter", || 0)?;
        if ui.add(Checkbox::new("More").key("more")) {
            ui.add(TextInput::new("Name").key("name"));
        }
        ui.add(Button::new("Go").key("go"));
        Ok(())
    });
    at.run();
    assert_eq!(at.session_state().keys(), ["counter", "go", "more"]);
    at.checkbox(0).check().run();
    assert_eq!(at.session_state().keys(), ["counter", "go", "more", "name"]);
    at.checkbox(0).uncheck().run();
    assert_eq!(at.session_state().keys(), ["counter", "go", "more"]);
}
