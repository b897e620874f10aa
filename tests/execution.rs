//! Async scripts, interruption, forms and fragments through `AppTest`
//! (reference §1.8–§1.11). Async scripts run on a virtual clock: `run_for`
//! stops a run half-way, as the page shows it between awaits.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use wasmlit::prelude::*;
use wasmlit::{Element, RunStatus};

fn progress_value(at: &mut AppTest) -> f64 {
    match at.progress(0).element() {
        Element::Progress(progress) => progress.value,
        other => panic!("not a progress bar: {other:?}"),
    }
}

async fn progress_loop(ui: Ui) -> Result {
    ui.write("Starting a long computation...");
    let latest = ui.empty();
    let bar = ui.progress(0);
    for i in 1..=100 {
        latest.text(format!("Iteration {i}"));
        bar.progress(i);
        ui.sleep(Duration::from_millis(100)).await;
    }
    ui.write("...and now we're done!");
    Ok(())
}

#[test]
fn a_progress_bar_passes_through_intermediate_values_during_one_run() {
    let mut seen = Vec::new();
    let mut at = AppTest::new_async(progress_loop);
    at.run_for(Duration::from_millis(1));
    for _ in 0..5 {
        seen.push(progress_value(&mut at));
        at.wait_for(Duration::from_millis(2_000));
    }
    assert_eq!(seen, [0.01, 0.21, 0.41, 0.61, 0.81]);
    assert_eq!(at.text(0).text(), "Iteration 100");
    at.wait();
    assert_eq!(at.markdown(1).text(), "...and now we're done!");
    assert_eq!(at.status(), Some(RunStatus::Completed));
}

#[test]
fn a_new_interaction_cancels_a_long_run_at_its_next_await() {
    let finished = Rc::new(Cell::new(0));
    let counter = finished.clone();
    let mut at = AppTest::new_async(move |ui: Ui| {
        let counter = counter.clone();
        async move {
            let steps = ui.slider("steps", 1..=50);
            for step in 0..steps * 10 {
                ui.sleep(Duration::from_millis(100)).await;
                ui.empty().text(format!("step {step}"));
            }
            counter.set(counter.get() + 1);
            ui.write(format!("done after {steps}"));
        }
    });
    at.run_for(Duration::from_millis(500));
    assert!(at.is_running());
    at.slider(0).set_value(2).run();
    assert_eq!(finished.get(), 1, "the first run never finished; the second did");
    assert_eq!(at.markdown(0).text(), "done after 2");
}

#[test]
fn an_interrupted_run_keeps_the_state_of_widgets_it_had_not_reached() {
    let mut at = AppTest::new_async(|ui: Ui| async move {
        let slow = ui.checkbox("slow");
        if slow {
            ui.sleep(Duration::from_secs(10)).await;
        }
        let n = ui.add(Slider::new("n", 0..=10).key("n"));
        ui.write(format!("n = {n}"));
    });
    at.run();
    at.slider(0).set_value(7).run();
    at.checkbox(0).check();
    at.run_for(Duration::from_secs(1));
    at.checkbox(0).uncheck().run();
    assert_eq!(at.markdown(0).text(), "n = 7", "the slider the interrupted run never reached kept its value");
}

#[test]
fn a_button_press_the_interrupted_run_had_not_reached_is_not_lost() {
    let mut at = AppTest::new_async(|ui: Ui| async move {
        let state = ui.session_state();
        state.get_or_insert_with("presses", || 0)?;
        ui.checkbox("other");
        ui.sleep(Duration::from_secs(5)).await;
        if ui.button("Press") {
            state.update("presses", |n: &mut i32| *n += 1)?;
        }
        ui.write(format!("presses = {}", state.get::<i32>("presses")?));
        Ok::<_, Error>(())
    });
    at.run();
    at.button(0).click();
    at.run_for(Duration::from_secs(1));
    at.checkbox(0).check().run();
    assert_eq!(at.markdown(0).text(), "presses = 1");
}

#[test]
fn a_click_whose_run_is_interrupted_before_the_button_runs_its_callback_once() {
    let mut at = AppTest::new_async(|ui: Ui| async move {
        ui.checkbox("other");
        ui.sleep(Duration::from_secs(5)).await;
        let count = |ui: &Ui| ui.session_state().update_or("callbacks", 0, |n: &mut i32| *n += 1).map(|_| ());
        let pressed = ui.add(Button::new("Press").on_click(count));
        ui.write(format!("pressed = {pressed}"));
    });
    at.run();
    at.button(0).click();
    at.run_for(Duration::from_secs(1));
    assert!(at.is_running(), "the click's run sleeps before it reaches the button");
    at.checkbox(0).check().run();
    assert_eq!(at.session_state().get::<i32>("callbacks").unwrap(), 1, "one click, one on_click");
    assert_eq!(at.markdown(0).text(), "pressed = true", "the press itself is not lost");
}

#[test]
fn stop_in_an_async_script_ends_the_run_and_keeps_widget_state() {
    let mut at = AppTest::new_async(|ui: Ui| async move {
        if ui.checkbox("halt") {
            ui.yield_now().await;
            return ui.stop();
        }
        ui.add(TextInput::new("kept").key("kept"));
        Ok(())
    });
    at.run();
    at.text_input(0).input("value").run();
    at.checkbox(0).check().run();
    assert_eq!(at.status(), Some(RunStatus::Stopped));
    assert_eq!(at.session_state().get::<String>("kept").unwrap(), "value");
}

#[test]
fn synchronous_apps_keep_working_unchanged() {
    let mut at = AppTest::new(|ui: &Ui| {
        let x = ui.slider("x", 0..=100);
        ui.write(format!("{x} squared is {}", x * x));
    });
    at.run();
    at.slider(0).set_value(9).run();
    assert_eq!(at.markdown(0).text(), "9 squared is 81");
}

#[test]
fn a_form_inside_a_fragment_submits_as_a_fragment_rerun() {
    let runs = Rc::new(Cell::new(0));
    let counter = runs.clone();
    let mut at = AppTest::new(move |ui: &Ui| {
        counter.set(counter.get() + 1);
        ui.fragment(|ui: &Ui| {
            let form = ui.form("f");
            let n = form.slider("n", 0..=5);
            if form.form_submit_button("Send") {
                ui.write(format!("sent {n}"));
            }
        })
    });
    at.run();
    at.slider(0).set_value(3);
    at.button(0).click().run();
    assert_eq!(at.markdown(0).text(), "sent 3");
    assert_eq!(runs.get(), 1);
}

#[test]
fn a_fragment_interaction_waits_for_the_full_run_in_flight_as_on_the_page() {
    let mut at = AppTest::new_async(|ui: Ui| async move {
        ui.fragment(|ui: &Ui| {
            if ui.button("Press") {
                ui.write("pressed");
            }
        })?;
        ui.sleep(Duration::from_secs(1)).await;
        ui.write("end of script");
        Ok::<_, Error>(())
    });
    at.run();
    at.run_for(Duration::from_millis(500));
    assert!(at.is_running());
    at.button(0).click().run();
    assert!(!at.is_running());
    let lines: Vec<String> = at.get("markdown").iter().map(|e| e.text()).collect();
    assert_eq!(lines, ["pressed", "end of script"], "the full run drew to its end, then the fragment reran");
    assert_eq!(at.status(), Some(RunStatus::Completed));
    assert_eq!(at.runs(), 3, "the fragment rerun waited: no run was cancelled");
}
