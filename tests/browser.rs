//! Browser tests: the web layer in headless Chromium (`wasm-bindgen-test`).
//!
//! Run by `cargo xtask test` (stage "browser"); by hand:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser`.

#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use wasmlit::prelude::*;
use wasmlit::Session;
use web_sys::{HtmlElement, HtmlInputElement, MutationObserver, MutationObserverInit, MutationRecord};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/browser.rs"]
mod support;
use support::*;

fn commit(input: &HtmlInputElement, value: &str) {
    input.set_value(value);
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    input.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
}

/// Records DOM mutations under `root` until `take` is called.
struct Recorder {
    observer: MutationObserver,
    records: Rc<RefCell<Vec<MutationRecord>>>,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Recorder {
    fn start(root: &HtmlElement) -> Recorder {
        let records = Rc::new(RefCell::new(Vec::new()));
        let sink = records.clone();
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |batch: js_sys::Array| {
            sink.borrow_mut().extend(batch.iter().map(|r| r.unchecked_into::<MutationRecord>()));
        });
        let observer = MutationObserver::new(callback.as_ref().unchecked_ref()).unwrap();
        let options = MutationObserverInit::new();
        options.set_subtree(true);
        options.set_child_list(true);
        options.set_attributes(true);
        options.set_character_data(true);
        observer.observe_with_options(root, &options).unwrap();
        Recorder { observer, records, _callback: callback }
    }

    fn take(self) -> Vec<MutationRecord> {
        let mut records = self.records.borrow_mut().clone();
        records.extend(self.observer.take_records().iter().map(|r| r.unchecked_into::<MutationRecord>()));
        self.observer.disconnect();
        records
    }
}

/// The `data-kind` of the element wrapper a DOM node belongs to.
fn owner_kind(node: &web_sys::Node) -> String {
    let mut current = Some(node.clone());
    while let Some(node) = current {
        if let Some(element) = node.dyn_ref::<web_sys::Element>() {
            if element.class_list().contains("wl-element") {
                return element.get_attribute("data-kind").unwrap_or_default();
            }
        }
        current = node.parent_node();
    }
    "outside any element".into()
}

fn squares(ui: &Ui) {
    let x = ui.slider("x", 0..=100);
    ui.write(format!("{x} squared is {}", x * x));
    for i in 0..198 {
        ui.text(format!("static line {i}"));
    }
}

#[wasm_bindgen_test]
async fn a_rerun_touches_only_the_elements_whose_props_changed() {
    let (root, _mounted) = mount(squares).await;
    assert_eq!(root.query_selector_all(".wl-element").unwrap().length(), 200);
    assert_eq!(find(&root, ".wl-markdown").text_content().unwrap().trim(), "0 squared is 0");

    let recorder = Recorder::start(&root);
    commit(&find(&root, "input[type=range]").unchecked_into(), "7");
    settle().await;
    let records = recorder.take();

    assert_eq!(find(&root, ".wl-markdown").text_content().unwrap().trim(), "7 squared is 49");
    assert!(!records.is_empty(), "the rerun changed the page");
    let mut touched: Vec<String> = records.iter().map(|r| owner_kind(&r.target().unwrap())).collect();
    touched.sort();
    touched.dedup();
    assert_eq!(touched, ["markdown", "slider"], "only the slider and the text that depends on it change");
}

#[wasm_bindgen_test]
async fn a_widget_keeps_its_dom_node_and_focus_across_reruns() {
    let (root, _mounted) = mount(|ui: &Ui| {
        let name = ui.text_input("Name");
        ui.write(format!("Hello {name}"));
        let n = ui.slider("n", 0..=10);
        ui.write(format!("n = {n}"));
    })
    .await;
    let input: HtmlInputElement = find(&root, "input[type=text]").unchecked_into();
    input.focus().unwrap();
    commit(&input, "Ada");
    settle().await;
    let after: HtmlInputElement = find(&root, "input[type=text]").unchecked_into();
    assert!(input.is_same_node(Some(&after)), "the same <input> node");
    assert_eq!(document().active_element().map(|e| e.id()), Some(input.id()), "focus stays");
    assert_eq!(all_text(&root, ".wl-md")[0], "Hello Ada");
}

#[wasm_bindgen_test]
async fn text_input_commits_on_enter_not_on_every_keystroke() {
    let (root, _mounted) = mount(|ui: &Ui| {
        let name = ui.text_input("Name");
        ui.write(format!("[{name}]"));
    })
    .await;
    let input: HtmlInputElement = find(&root, "input[type=text]").unchecked_into();
    input.set_value("Gr");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    settle().await;
    assert_eq!(all_text(&root, ".wl-md")[0], "[]", "typing alone does not rerun");
    assert!(!find(&root, ".wl-input-hint").hidden(), "the page says how to apply");
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    input
        .dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap())
        .unwrap();
    settle().await;
    assert_eq!(all_text(&root, ".wl-md")[0], "[Gr]");
}

#[wasm_bindgen_test]
async fn buttons_checkboxes_and_selectboxes_rerun_the_script() {
    let (root, _mounted) = mount(|ui: &Ui| {
        let state = ui.session_state();
        state.get_or_insert_with("clicks", || 0)?;
        if ui.button("Click") {
            state.update("clicks", |n: &mut i32| *n += 1)?;
        }
        let shown = ui.checkbox("Show");
        let pick = ui.selectbox("Pick", ["a", "b", "c"]);
        ui.write(format!("clicks={} shown={shown} pick={pick}", state.get::<i32>("clicks")?));
        Ok::<_, Error>(())
    })
    .await;
    find(&root, "button.wl-btn").click();
    settle().await;
    find(&root, "input[type=checkbox]").click();
    settle().await;
    find(&root, "input[role=combobox]").click();
    settle().await;
    option_named(&root, "c").click();
    settle().await;
    assert_eq!(all_text(&root, ".wl-md")[0], "clicks=1 shown=true pick=c");
}

#[wasm_bindgen_test]
async fn a_script_error_is_shown_in_place_and_the_app_stays_usable() {
    let (root, _mounted) = mount(|ui: &Ui| {
        let n = ui.add(NumberInput::int("n").min(0).max(10));
        ui.write(format!("n = {n}"));
        if n == 3 {
            return Err(Error::msg("three is not allowed"));
        }
        ui.success("fine");
        Ok(())
    })
    .await;
    commit(&find(&root, "input[type=number]").unchecked_into(), "3");
    settle().await;
    assert_eq!(all_text(&root, ".wl-exception-message"), ["three is not allowed"]);
    assert_eq!(all_text(&root, ".wl-md")[0], "n = 3");
    find(&root, "button[aria-label=Increase]").click();
    settle().await;
    assert!(all_text(&root, ".wl-exception-message").is_empty(), "the error goes with the next run");
    assert_eq!(all_text(&root, ".wl-md")[0], "n = 4");
}

#[wasm_bindgen_test]
async fn markdown_escapes_raw_html() {
    let (root, _mounted) = mount(|ui: &Ui| {
        ui.markdown("**bold** <img src=x onerror=alert(1)>");
    })
    .await;
    let markdown = find(&root, ".wl-markdown");
    assert!(markdown.query_selector("strong").unwrap().is_some());
    assert!(markdown.query_selector("img").unwrap().is_none(), "{}", markdown.inner_html());
    assert!(markdown.text_content().unwrap().contains("<img"));
}

#[wasm_bindgen_test]
async fn containers_render_as_columns_tabs_and_expanders() {
    let (root, _mounted) = mount(|ui: &Ui| {
        let [a, b] = ui.columns([2, 1]);
        a.write("left");
        b.write("right");
        let [one, two] = ui.tabs(["One", "Two"]);
        one.write("first tab");
        two.write("second tab");
        ui.expander("More").write("hidden details");
        ui.sidebar().write("in the sidebar");
    })
    .await;
    assert_eq!(root.query_selector_all(".wl-columns > .wl-column").unwrap().length(), 2);
    let panels = root.query_selector_all(".wl-tab-panel").unwrap();
    assert_eq!(panels.length(), 2, "every tab body is rendered");
    let second: HtmlElement = panels.item(1).unwrap().unchecked_into();
    assert!(second.hidden());
    find(&root, ".wl-tab:nth-child(2)").click();
    settle().await;
    assert!(!second.hidden(), "clicking a tab shows its body");
    assert_eq!(find(&root, ".wl-expander summary").text_content().unwrap(), "More");
    assert_eq!(find(&root, ".wl-sidebar .wl-markdown").text_content().unwrap().trim(), "in the sidebar");
}

#[wasm_bindgen_test]
async fn stateful_tabs_expanders_and_popovers_rerun_and_draw_their_lazy_content() {
    let (root, _mounted) = mount(|ui: &Ui| {
        let runs = ui.session_state().update_or("runs", 0, |n: &mut i32| *n += 1)?;
        ui.write(format!("runs={runs}"));
        let [_, slow] = ui.add(Tabs::new(["Fast", "Slow"]).key("tab").rerun_on_change());
        if slow.open {
            slow.write("lazy tab body");
        }
        let more = ui.add(Expander::new("More").rerun_on_change());
        if more.open {
            more.write("lazy expander body");
        }
        let pop = ui.add(Popover::new("Pop").rerun_on_change());
        if pop.open {
            pop.write("lazy popover body");
        }
        Ok::<_, Error>(())
    })
    .await;
    let texts = || all_text(&root, ".wl-md");
    assert_eq!(texts(), ["runs=1"]);
    find(&root, ".wl-tab:nth-child(2)").click();
    wait_until("run 2", || texts().first().is_some_and(|t| t == "runs=2")).await;
    settle().await;
    assert_eq!(texts(), ["runs=2", "lazy tab body"], "the click reran the app and drew the tab's body");
    let panels = root.query_selector_all(".wl-tab-panel").unwrap();
    let second: HtmlElement = panels.item(1).unwrap().unchecked_into();
    assert!(!second.hidden(), "the selected tab is shown after the rerun");
    find(&root, ".wl-expander summary").click();
    wait_until("run 3", || texts().first().is_some_and(|t| t == "runs=3")).await;
    settle().await;
    assert_eq!(texts(), ["runs=3", "lazy tab body", "lazy expander body"]);
    assert!(find(&root, ".wl-expander").has_attribute("open"), "it stays open after the rerun");
    find(&root, ".wl-popover-button").click();
    wait_until("run 4", || texts().first().is_some_and(|t| t == "runs=4")).await;
    settle().await;
    assert_eq!(texts(), ["runs=4", "lazy tab body", "lazy expander body", "lazy popover body"]);
    assert!(!find(&root, ".wl-popover-panel").hidden(), "it stays open after the rerun");
    press_escape();
    wait_until("run 5", || texts().first().is_some_and(|t| t == "runs=5")).await;
    settle().await;
    assert_eq!(texts(), ["runs=5", "lazy tab body", "lazy expander body"], "Esc closed it and reran");
    find(&root, ".wl-tab:nth-child(1)").click();
    wait_until("run 6", || texts().first().is_some_and(|t| t == "runs=6")).await;
    settle().await;
    assert_eq!(texts(), ["runs=6", "lazy expander body"]);
}

#[wasm_bindgen_test]
async fn dismissing_a_dialog_with_on_dismiss_runs_the_callback_then_the_app() {
    let (root, _mounted) = mount(|ui: &Ui| {
        let runs = ui.session_state().update_or("runs", 0, |n: &mut i32| *n += 1)?;
        let calls = ui.session_state().get_or_insert_with("calls", || 0)?;
        ui.write(format!("runs={runs} calls={calls}"));
        if ui.button("Open") {
            ui.add(
                Dialog::new("Hello", |ui: &Ui| {
                    ui.write("inside");
                })
                .on_dismiss(|ui: &Ui| ui.session_state().update("calls", |n: &mut i32| *n += 1)),
            )?;
        }
        Ok::<_, Error>(())
    })
    .await;
    find(&root, "button.wl-btn").click();
    settle().await;
    find(&root, "[role=dialog] button[aria-label=Close]").click();
    wait_until("the rerun", || all_text(&root, ".wl-md").first().is_some_and(|t| t.starts_with("runs=3"))).await;
    assert!(root.query_selector("[role=dialog]").unwrap().is_none());
    assert_eq!(all_text(&root, ".wl-md")[0], "runs=3 calls=1", "one callback, one rerun");
}

#[wasm_bindgen_test]
async fn a_value_set_through_session_state_reaches_the_control() {
    let (root, _mounted) = mount(|ui: &Ui| {
        if ui.button("Reset") {
            ui.session_state().set("level", 5)?;
        }
        ui.add(Slider::new("Level", 0..=10).key("level"));
        Ok::<_, Error>(())
    })
    .await;
    let slider: HtmlInputElement = find(&root, "input[type=range]").unchecked_into();
    commit(&slider, "9");
    settle().await;
    assert_eq!(slider.value(), "9");
    find(&root, "button.wl-btn").click();
    settle().await;
    assert_eq!(slider.value(), "5", "the engine's value is shown");
    assert_eq!(find(&root, ".wl-slider-value").text_content().unwrap(), "5");
}

// ----- the execution model: async runs, interruption, forms, dialogs --------

fn progress_percent(root: &HtmlElement) -> String {
    find(root, "[role=progressbar]").get_attribute("aria-valuenow").unwrap_or_default()
}

#[wasm_bindgen_test]
async fn an_async_run_shows_its_progress_while_it_runs() {
    let (root, _mounted) = mount_session(Session::new_async(|ui: Ui| async move {
        let bar = ui.progress(0);
        for percent in (0..=100).step_by(20) {
            bar.progress(percent);
            ui.sleep(std::time::Duration::from_millis(60)).await;
        }
        ui.success("done");
    }))
    .await;
    let mut seen = Vec::new();
    for _ in 0..40 {
        seen.push(progress_percent(&root));
        if !all_text(&root, ".wl-success").is_empty() {
            break;
        }
        sleep_ms(15).await;
    }
    seen.dedup();
    assert!(seen.len() >= 4, "the bar advanced during the run: {seen:?}");
    assert_eq!(seen.last().map(String::as_str), Some("100"));
    assert_eq!(all_text(&root, ".wl-success .wl-alert-body"), ["done"]);
}

#[wasm_bindgen_test]
async fn the_status_shows_while_a_run_is_in_progress_and_stop_ends_it() {
    let (root, _mounted) = mount_session(Session::new_async(|ui: Ui| async move {
        ui.write("working");
        ui.sleep(std::time::Duration::from_secs(30)).await;
        ui.write("never");
    }))
    .await;
    assert_eq!(all_text(&root, ".wl-status").len(), 1, "Running... is shown");
    find(&root, ".wl-status-stop").click();
    settle().await;
    assert!(all_text(&root, ".wl-status").is_empty(), "the run was stopped");
    assert_eq!(all_text(&root, ".wl-md"), ["working"]);
}

#[wasm_bindgen_test]
async fn an_interaction_cancels_a_long_run_and_old_output_fades_until_replaced() {
    let (root, _mounted) = mount_session(Session::new_async(|ui: Ui| async move {
        let n = ui.add(NumberInput::int("n").min(0).max(9));
        ui.write(format!("start {n}"));
        ui.sleep(std::time::Duration::from_millis(if n == 0 { 30_000 } else { 100 })).await;
        ui.write(format!("end {n}"));
    }))
    .await;
    assert_eq!(all_text(&root, ".wl-md"), ["start 0"], "the first run is still sleeping");
    find(&root, "button[aria-label=Increase]").click();
    settle().await;
    assert_eq!(all_text(&root, ".wl-md"), ["start 1"]);
    sleep_ms(300).await;
    assert_eq!(all_text(&root, ".wl-md"), ["start 1", "end 1"], "the cancelled run never finished");
    assert_eq!(root.query_selector_all(".wl-stale").unwrap().length(), 0);
}

#[wasm_bindgen_test]
async fn elements_not_reached_yet_stay_faded_during_a_run() {
    let (root, _mounted) = mount_session(Session::new_async(|ui: Ui| async move {
        let slow = ui.checkbox("slow");
        if slow {
            ui.sleep(std::time::Duration::from_secs(30)).await;
        }
        ui.write("below");
    }))
    .await;
    find(&root, "input[type=checkbox]").click();
    settle().await;
    let stale: Vec<String> = all_text(&root, ".wl-stale");
    assert_eq!(stale, ["below"], "the old text stays, marked stale, while the run sleeps");
}

#[wasm_bindgen_test]
async fn a_form_holds_values_until_submitted_and_submits_once() {
    let (root, _mounted) = mount(|ui: &Ui| {
        let runs = ui.session_state().update_or("runs", 0, |n: &mut i32| *n += 1)?;
        let form = ui.form("f");
        let name = form.text_input("Name");
        let submitted = form.form_submit_button("Submit");
        ui.write(format!("runs={runs} submitted={submitted} name={name}"));
        Ok::<_, Error>(())
    })
    .await;
    commit(&find(&root, "input[type=text]").unchecked_into(), "Ada");
    settle().await;
    assert_eq!(all_text(&root, ".wl-md"), ["runs=1 submitted=false name="], "no rerun before the submit");
    find(&root, ".wl-form button").click();
    settle().await;
    assert_eq!(all_text(&root, ".wl-md"), ["runs=2 submitted=true name=Ada"]);
}

#[wasm_bindgen_test]
async fn a_dialog_opens_as_a_modal_and_dismissing_it_does_not_rerun() {
    let (root, _mounted) = mount(|ui: &Ui| {
        let runs = ui.session_state().update_or("runs", 0, |n: &mut i32| *n += 1)?;
        ui.write(format!("runs={runs}"));
        if ui.button("Open") {
            ui.dialog("Hello", |ui: &Ui| {
                ui.write("inside the dialog");
            })?;
        }
        Ok::<_, Error>(())
    })
    .await;
    find(&root, "button.wl-btn").click();
    settle().await;
    assert_eq!(find(&root, "[role=dialog] h2").text_content().unwrap(), "Hello");
    find(&root, "[role=dialog] button[aria-label=Close]").click();
    settle().await;
    assert!(root.query_selector("[role=dialog]").unwrap().is_none());
    assert_eq!(all_text(&root, ".wl-md")[0], "runs=2", "closing the dialog did not rerun");
}

// ----- dialogs, focus and long text (issue 10) ---------------------------------------------

fn press_escape() {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    document().body().unwrap().dispatch_event(&event).unwrap();
}

/// The open combobox option whose text is `text`.
fn option_named(root: &HtmlElement, text: &str) -> HtmlElement {
    let list = root.query_selector_all("[role=listbox]:not([hidden]) [role=option]").unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into::<HtmlElement>())
        .find(|o| o.text_content().unwrap_or_default().trim() == text)
        .unwrap_or_else(|| panic!("no open option {text:?} in {:?}", all_text(root, "[role=option]")))
}

/// Presses `key` (a `keydown`) on `target`.
fn press(target: &HtmlElement, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    target
        .dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap())
        .unwrap();
}

/// Types `text` into a field as the viewer does (its `input` event).
fn type_text(field: &HtmlInputElement, text: &str) {
    field.set_value(text);
    field.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn a_selectbox_of_twenty_thousand_options_draws_only_the_rows_in_view() {
    let (root, _mounted) = mount(|ui: &Ui| {
        let options: Vec<String> = (0..20_000).map(|i| format!("option {i}")).collect();
        let pick = ui.selectbox("Many", options);
        ui.write(format!("picked {pick}"));
    })
    .await;
    let field: HtmlInputElement = find(&root, "input[role=combobox]").unchecked_into();
    assert!(root.query_selector("[role=option]").unwrap().is_none(), "a closed list draws nothing");
    field.click();
    settle().await;
    let drawn = || all_text(&root, "[role=listbox]:not([hidden]) [role=option]");
    assert!(drawn().len() < 30, "only the rows in view and a few more: {}", drawn().len());
    assert_eq!(drawn()[0], "option 0");
    // Scrolled to the end, the last rows are drawn in place of the first ones.
    let list: HtmlElement = find(&root, "[role=listbox]").unchecked_into();
    list.set_scroll_top(list.scroll_height());
    list.dispatch_event(&web_sys::Event::new("scroll").unwrap()).unwrap();
    settle().await;
    assert_eq!(drawn().last().map(String::as_str), Some("option 19999"), "{:?}", drawn());
    assert!(!drawn().contains(&"option 0".to_string()));
    let last = option_named(&root, "option 19999");
    assert_eq!(last.get_attribute("aria-posinset").as_deref(), Some("20000"));
    assert_eq!(last.get_attribute("aria-setsize").as_deref(), Some("20000"));
    last.click();
    settle().await;
    assert_eq!(all_text(&root, ".wl-md")[0], "picked option 19999");
    // Opened again, the list scrolls to the chosen row, which is drawn and highlighted.
    field.click();
    settle().await;
    let id = field.get_attribute("aria-activedescendant").expect("the chosen option is active");
    let active = document().get_element_by_id(&id).expect("the active option is drawn");
    assert_eq!(active.text_content().as_deref(), Some("option 19999"));
    // Typing filters the whole list, not just the rows drawn.
    type_text(&field, "option 1234");
    settle().await;
    assert_eq!(drawn()[..2], ["option 1234", "option 12340"]);
}

#[wasm_bindgen_test]
async fn selectbox_filters_as_you_type_and_commits_only_on_a_choice() {
    let (root, _mounted) = mount(|ui: &Ui| {
        let regions = ["eu-west-1", "eu-central-1", "us-east-1", "us-west-2"];
        let region = ui.selectbox("Region", regions);
        let city = ui.add(Selectbox::new("City", ["Paris".to_string()]).accept_new_options());
        ui.write(format!("{region} {city}"));
    })
    .await;
    let field: HtmlInputElement = find(&root, "input[role=combobox]").unchecked_into();
    field.focus().unwrap();
    assert_eq!(field.value(), "eu-west-1");
    assert_eq!(field.get_attribute("aria-expanded").as_deref(), Some("false"));
    // Typing filters, ignoring case; the first match is highlighted.
    type_text(&field, "US");
    settle().await;
    assert_eq!(field.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(all_text(&root, "[role=listbox]:not([hidden]) [role=option]"), ["us-east-1", "us-west-2"]);
    let highlighted = || {
        let id = field.get_attribute("aria-activedescendant").expect("an active option");
        document().get_element_by_id(&id).expect("the active option exists").text_content().unwrap()
    };
    assert_eq!(highlighted(), "us-east-1");
    // Arrows move the highlight and commit nothing.
    press(&field, "ArrowDown");
    settle().await;
    assert_eq!(highlighted(), "us-west-2");
    press(&field, "ArrowDown");
    settle().await;
    assert_eq!(highlighted(), "us-west-2", "the highlight stops at the last option");
    assert_eq!(all_text(&root, ".wl-md")[0], "eu-west-1 Paris", "no rerun on arrow keys");
    press(&field, "Enter");
    settle().await;
    assert_eq!(all_text(&root, ".wl-md")[0], "us-west-2 Paris");
    assert_eq!(field.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert_eq!(field.value(), "us-west-2");
    assert!(active_element().is_same_node(Some(&field)), "focus stays in the field");

    // Escape closes without choosing.
    press(&field, "ArrowDown");
    settle().await;
    assert_eq!(highlighted(), "us-west-2", "opening highlights the current choice");
    press(&field, "ArrowUp");
    press(&field, "Escape");
    settle().await;
    assert_eq!(field.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert_eq!(all_text(&root, ".wl-md")[0], "us-west-2 Paris");
    // Leaving the field (a click outside) closes without choosing and restores its text.
    type_text(&field, "eu");
    press(&field, "ArrowDown");
    settle().await;
    field.blur().unwrap();
    settle().await;
    assert_eq!(field.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert_eq!((field.value(), all_text(&root, ".wl-md")[0].as_str()), ("us-west-2".to_string(), "us-west-2 Paris"));
    type_text(&field, "zz");
    settle().await;
    assert_eq!(all_text(&root, "[role=listbox]:not([hidden]) [role=option]"), ["No results"]);
    press(&field, "Enter");
    settle().await;
    assert_eq!(all_text(&root, ".wl-md")[0], "us-west-2 Paris", "Enter on no results chooses nothing");
    press(&field, "Escape");

    // A selectbox that accepts new options offers the typed text.
    let city: HtmlInputElement =
        root.query_selector_all("input[role=combobox]").unwrap().item(1).unwrap().unchecked_into();
    city.focus().unwrap();
    type_text(&city, "Lisbon");
    settle().await;
    assert_eq!(all_text(&root, "[role=listbox]:not([hidden]) [role=option]"), ["Add: Lisbon"]);
    press(&city, "Enter");
    settle().await;
    assert_eq!(all_text(&root, ".wl-md")[0], "us-west-2 Lisbon");
    assert_eq!(city.value(), "Lisbon");
}

#[wasm_bindgen_test]
async fn multiselect_picks_by_keyboard_and_backspace_removes_the_last_chip() {
    let (root, _mounted) = mount(|ui: &Ui| {
        let tags = ui.add(Multiselect::new("Tags", ["rust", "wasm", "leptos"].map(String::from)).accept_new_options());
        ui.write(format!("[{}]", tags.join(",")));
    })
    .await;
    let field: HtmlInputElement = find(&root, "input[role=combobox]").unchecked_into();
    field.focus().unwrap();
    type_text(&field, "AS");
    settle().await;
    assert_eq!(all_text(&root, "[role=listbox]:not([hidden]) [role=option]"), ["wasm", "Add: AS"]);
    press(&field, "Enter");
    settle().await;
    assert_eq!(all_text(&root, ".wl-md")[0], "[wasm]");
    assert_eq!(field.value(), "", "the field empties for the next pick");
    assert_eq!(field.get_attribute("aria-expanded").as_deref(), Some("true"), "the list stays open");
    assert_eq!(
        all_text(&root, "[role=listbox]:not([hidden]) [role=option]"),
        ["rust", "leptos"],
        "a chosen option is not offered"
    );
    type_text(&field, "yew");
    press(&field, "Enter");
    settle().await;
    assert_eq!(all_text(&root, ".wl-md")[0], "[wasm,yew]");
    assert_eq!(all_text(&root, ".wl-chip").len(), 2);
    press(&field, "Backspace");
    settle().await;
    assert_eq!(all_text(&root, ".wl-md")[0], "[wasm]");
    press(&field, "Escape");
    settle().await;
    assert_eq!(field.get_attribute("aria-expanded").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn a_track_click_moves_the_nearest_thumb_and_thumbs_cannot_cross() {
    let (root, _mounted) = mount(|ui: &Ui| {
        let (low, high) = ui.add(Slider::new("Range", 0..=100).value((20, 80)));
        let (from, to) = ui.add(SelectSlider::new("Sizes", ["XS", "S", "M", "L", "XL"]).range("S", "L"));
        ui.write(format!("{low}-{high} {from}-{to}"));
    })
    .await;
    let tracks = root.query_selector_all(".wl-slider-track").unwrap();
    let click_at = |track: usize, fraction: f64| {
        let track: HtmlElement = tracks.item(track as u32).unwrap().unchecked_into();
        let rect = track.get_bounding_client_rect();
        let init = web_sys::MouseEventInit::new();
        init.set_bubbles(true);
        init.set_client_x((rect.left() + 7.2 + fraction * (rect.width() - 14.4)).round() as i32);
        init.set_client_y((rect.top() + rect.height() / 2.0) as i32);
        track.dispatch_event(&web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap()).unwrap();
    };
    click_at(0, 0.9);
    settle().await;
    assert_eq!(all_text(&root, ".wl-md")[0], "20-90 S-L", "the upper thumb, nearer to 90, moves");
    click_at(0, 0.3);
    settle().await;
    assert_eq!(all_text(&root, ".wl-md")[0], "30-90 S-L");
    click_at(1, 1.0);
    settle().await;
    assert_eq!(all_text(&root, ".wl-md")[0], "30-90 S-XL");
    // A thumb dragged past the other stops at it.
    let low: HtmlInputElement = find(&root, ".wl-slider-track input").unchecked_into();
    low.set_value("95");
    low.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    assert_eq!(low.value(), "90", "the lower thumb stops at the upper one");
    low.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    settle().await;
    assert_eq!(all_text(&root, ".wl-md")[0], "90-90 S-XL");
}

#[wasm_bindgen_test]
async fn a_date_slider_steps_a_day_and_labels_its_values_as_dates() {
    let (root, _mounted) = mount(|ui: &Ui| {
        let day = |d| NaiveDate::from_ymd_opt(2024, 1, d).unwrap();
        let when = ui.add(Slider::new("When", day(1)..=day(31)).value(day(15)));
        ui.write(format!("picked {when}"));
    })
    .await;
    assert_eq!(all_text(&root, ".wl-slider-value"), ["2024-01-15"]);
    assert_eq!(all_text(&root, ".wl-slider-bounds span"), ["2024-01-01", "2024-01-31"]);
    // What ArrowRight does to a range input: one step up (a day), then input and change.
    let input: HtmlInputElement = find(&root, "input[type=range]").unchecked_into();
    let step_up: js_sys::Function = js_sys::Reflect::get(&input, &"stepUp".into()).unwrap().unchecked_into();
    step_up.call0(&input).unwrap();
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    settle().await;
    assert_eq!(all_text(&root, ".wl-slider-value"), ["2024-01-16"], "the label follows the thumb");
    input.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    wait_until("the rerun", || all_text(&root, ".wl-md").first().is_some_and(|t| t == "picked 2024-01-16")).await;
    assert_eq!(all_text(&root, ".wl-slider-value"), ["2024-01-16"]);
    assert_eq!(input.get_attribute("aria-valuetext").as_deref(), Some("2024-01-16"));
}

#[wasm_bindgen_test]
async fn a_slider_with_a_format_shows_its_value_and_bounds_through_it() {
    // The number formats are installed by `Slider::format`: the page must use them.
    let (root, _mounted) = mount(|ui: &Ui| {
        ui.add(Slider::new("Discount", 0..=50).value(10).format("%d%%"));
    })
    .await;
    assert_eq!(all_text(&root, ".wl-slider-value"), ["10%"]);
    assert_eq!(all_text(&root, ".wl-slider-bounds span"), ["0%", "50%"]);
}

/// Waits (up to 10 s) until `ready` holds.
async fn wait_until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..200 {
        if ready() {
            return;
        }
        sleep_ms(50).await;
    }
    panic!("timed out waiting for {what}");
}

/// The button whose text is `text`.
fn button_named(root: &HtmlElement, text: &str) -> web_sys::HtmlButtonElement {
    let list = root.query_selector_all("button").unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into::<web_sys::HtmlButtonElement>())
        .find(|b| b.text_content().unwrap_or_default().trim() == text)
        .unwrap_or_else(|| panic!("no button {text:?}"))
}

#[wasm_bindgen_test]
async fn camera_input_takes_a_jpeg_and_audio_input_records_a_wav() {
    // Chromium runs with a fake camera and microphone, allowed without asking (webdriver.json).
    let (root, _mounted) = mount(|ui: &Ui| {
        if let Some(photo) = ui.camera_input("Take a picture") {
            ui.write(format!("photo {} {} {:02x?}", photo.name, photo.mime, &photo.bytes()[..2]));
        }
        if let Some(voice) = ui.audio_input("Record a voice message") {
            ui.write(format!("voice {} {} {}", voice.name, &voice.mime, voice.size() > 44));
        }
    })
    .await;
    let take = button_named(&root, "Take photo");
    wait_until("the camera preview", || !take.disabled()).await;
    take.click();
    settle().await;
    wait_until("the photo", || !all_text(&root, ".wl-md").is_empty()).await;
    assert!(all_text(&root, ".wl-capture-problem")[0].is_empty(), "{:?}", all_text(&root, ".wl-capture-problem"));
    assert_eq!(all_text(&root, ".wl-md")[0], "photo image.jpg image/jpeg [ff, d8]");
    assert!(!find(&root, ".wl-camera-photo").hidden(), "the photo shows");
    button_named(&root, "Clear photo").click();
    settle().await;
    assert!(all_text(&root, ".wl-md").is_empty(), "cleared");

    button_named(&root, "● Record").click();
    sleep_ms(600).await;
    button_named(&root, "■ Stop").click();
    wait_until("the recording", || !all_text(&root, ".wl-md").is_empty()).await;
    assert_eq!(all_text(&root, ".wl-md")[0], "voice audio.wav audio/wav true");
    assert!(!find(&root, ".wl-audio-playback").hidden(), "the recording can be played");
}

#[wasm_bindgen_test]
async fn a_refused_camera_is_a_message_in_the_widget_and_the_app_runs_on() {
    let set = |code: &str| js_sys::Function::new_no_args(code).call0(&JsValue::NULL).unwrap();
    set("window.__gum = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices); \
         navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));");
    let (root, _mounted) = mount(|ui: &Ui| {
        ui.camera_input("Take a picture");
        if ui.button("Still here") {
            ui.write("the app runs on");
        }
    })
    .await;
    wait_until("the message", || root.query_selector(".wl-capture-problem:not([hidden])").unwrap().is_some()).await;
    let message = all_text(&root, ".wl-capture-problem")[0].clone();
    set("navigator.mediaDevices.getUserMedia = window.__gum;");
    assert!(message.contains("Permission to use the camera was refused"), "{message}");
    assert!(button_named(&root, "Take photo").disabled());
    button_named(&root, "Still here").click();
    settle().await;
    assert_eq!(all_text(&root, ".wl-md"), ["the app runs on"]);
}

fn active_element() -> web_sys::Element {
    document().active_element().expect("something has focus")
}

#[wasm_bindgen_test]
async fn a_dismissed_dialog_opens_again_when_the_script_draws_it_again() {
    let (root, _mounted) = mount(|ui: &Ui| -> Result {
        if ui.button("Open a dialog") {
            ui.dialog("Hello", |ui: &Ui| {
                ui.write("inside the dialog");
            })?;
        }
        Ok(())
    })
    .await;
    for dismiss in ["the × button", "Esc", "a click on the backdrop"] {
        for _ in 0..2 {
            find(&root, "button.wl-btn").click();
            settle().await;
            assert!(root.query_selector(".wl-dialog").unwrap().is_some(), "the dialog opens again after {dismiss}");
            assert_eq!(all_text(&root, ".wl-dialog .wl-markdown"), ["inside the dialog"]);
            match dismiss {
                "the × button" => find(&root, ".wl-dialog button[aria-label=Close]").click(),
                "Esc" => press_escape(),
                _ => find(&root, ".wl-dialog-backdrop").click(),
            }
            settle().await;
            assert!(root.query_selector(".wl-dialog").unwrap().is_none(), "{dismiss} closes the dialog");
        }
    }
}

#[wasm_bindgen_test]
async fn focus_stays_on_a_control_when_the_button_under_it_goes_away() {
    let (root, _mounted) = mount(|ui: &Ui| {
        ui.add(Multiselect::new("Pick", ["a", "b", "c"]).default(["a", "b"]).max_selections(3));
        ui.add(NumberInput::int("n").min(0).max(5).value(1));
    })
    .await;
    // Removing a chip removes the button that had focus: the field takes it.
    let remove = find(&root, ".wl-chip-remove");
    remove.focus().unwrap();
    remove.click();
    settle().await;
    assert_eq!(all_text(&root, ".wl-chip-remove").len(), 1, "one chip left");
    assert!(active_element().class_list().contains("wl-combobox-input"), "focus is on the multiselect's field");

    // Filling it to its maximum keeps the (focused) field usable.
    let field: HtmlInputElement = find(&root, ".wl-multiselect input[role=combobox]").unchecked_into();
    for option in ["a", "c"] {
        field.click();
        settle().await;
        option_named(&root, option).click();
        settle().await;
    }
    assert_eq!(all_text(&root, ".wl-chip-remove").len(), 3, "full");
    assert!(!field.disabled(), "a full multiselect keeps its field focusable");
    assert!(field.placeholder().contains("You can only select up to 3 options"), "{}", field.placeholder());
    press(&field, "ArrowDown");
    settle().await;
    assert!(all_text(&root, "[role=option]").concat().contains("You can only select up to 3 options"));
    field.blur().unwrap();

    // "−" down to the minimum: the button stays focused (aria-disabled, not disabled).
    let minus = find(&root, "button[aria-label=Decrease]");
    minus.focus().unwrap();
    minus.click();
    settle().await;
    assert_eq!(find(&root, "input[type=number]").unchecked_into::<HtmlInputElement>().value(), "0");
    assert!(active_element().is_same_node(Some(&minus)), "focus stays on −");
    assert_eq!(minus.get_attribute("aria-disabled").as_deref(), Some("true"));
    minus.click();
    settle().await;
    assert_eq!(find(&root, "input[type=number]").unchecked_into::<HtmlInputElement>().value(), "0", "no lower");
}

#[wasm_bindgen_test]
async fn sidebar_toggles_and_the_menu_keep_focus_and_close_like_menus_do() {
    let (root, _mounted) = mount(|ui: &Ui| {
        ui.sidebar().write("in the sidebar");
        ui.write("main");
    })
    .await;
    // On a narrow window the sidebar starts closed: open it first.
    if let Some(open) = root.query_selector("button[aria-label='Open sidebar']").unwrap() {
        open.unchecked_into::<HtmlElement>().click();
        settle().await;
    }
    for _ in 0..2 {
        find(&root, "button[aria-label='Close sidebar']").click();
        settle().await;
        assert_eq!(active_element().get_attribute("aria-label").as_deref(), Some("Open sidebar"));
        find(&root, "button[aria-label='Open sidebar']").click();
        settle().await;
        assert_eq!(active_element().get_attribute("aria-label").as_deref(), Some("Close sidebar"));
    }

    let menu = find(&root, "button[aria-label='Main menu']");
    menu.click();
    settle().await;
    assert!(root.query_selector(".wl-menu-panel").unwrap().is_some());
    press_escape();
    settle().await;
    assert!(root.query_selector(".wl-menu-panel").unwrap().is_none(), "Esc closes the menu");
    assert!(active_element().is_same_node(Some(&menu)), "focus goes back to the menu button");

    menu.click();
    settle().await;
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let outside = web_sys::Event::new_with_event_init_dict("pointerdown", &init).unwrap();
    find(&root, ".wl-main-inner").dispatch_event(&outside).unwrap();
    settle().await;
    assert!(root.query_selector(".wl-menu-panel").unwrap().is_none(), "a click outside closes the menu");
}

#[wasm_bindgen_test]
async fn long_unbroken_text_wraps_instead_of_widening_the_page() {
    let (root, _mounted) = mount(|ui: &Ui| {
        ui.caption("x".repeat(100_000));
        ui.sidebar().warning(format!("See https://example.com/{}", "a-very-long-path-segment/".repeat(20)));
        let header: Vec<String> = (0..12).map(|i| format!("column{i}withalongname")).collect();
        ui.markdown(format!("| {} |\n|{}|\n| {} |", header.join(" | "), "---|".repeat(12), header.join(" | ")));
    })
    .await;
    let fits = |selector: &str| {
        let area = find(&root, selector);
        assert!(
            area.client_width() > 0 && area.scroll_width() <= area.client_width() + 1,
            "{selector} is {} px wide inside {} px",
            area.scroll_width(),
            area.client_width()
        );
    };
    // The sidebar (open on a wide window; open it on a narrow one) holds the long URL.
    if let Some(open) = root.query_selector("button[aria-label='Open sidebar']").unwrap() {
        open.unchecked_into::<HtmlElement>().click();
        settle().await;
    }
    fits(".wl-sidebar-inner");
    // The main column, at phone width with the sidebar closed, holds the caption and the table.
    // Layout, not animation, is under test: no transitions (the main column's padding follows
    // the sidebar in one).
    let still = document().create_element("style").unwrap();
    still.set_text_content(Some("* { transition: none !important; }"));
    root.append_child(&still).unwrap();
    find(&root, "button[aria-label='Close sidebar']").click();
    root.style().set_property("width", "320px").unwrap();
    settle().await;
    fits(".wl-main-inner");
    let page = document().document_element().unwrap();
    assert!(page.scroll_width() <= page.client_width() + 1, "the page is {} px wide", page.scroll_width());
}

#[cfg(feature = "data")]
#[wasm_bindgen_test]
async fn a_script_fetches_a_file_reads_it_as_csv_and_a_missing_file_is_an_exception() {
    use wasmlit::data::{CsvOptions, DataFrame};
    // A Blob URL stands for a file the app ships: fetched like any other URL.
    let parts = js_sys::Array::of1(&JsValue::from_str("city,people\nParis,2102650\nLyon,522250\n"));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).unwrap();
    let url = web_sys::Url::create_object_url_with_blob(&blob).unwrap();
    let shown = Rc::new(RefCell::new(Vec::<f64>::new()));
    let seen = shown.clone();
    let (root, _mounted) = mount_session(Session::new_async(move |ui: Ui| {
        let url = url.clone();
        let seen = seen.clone();
        async move {
            let bytes = ui.fetch_with_progress(&url, move |f| seen.borrow_mut().push(f)).await?;
            let df = DataFrame::read_csv(&bytes, &CsvOptions::default())?;
            ui.write(format!("{} rows, {} people in {}", df.num_rows(), df.cell_text(0, 1), df.cell_text(0, 0)));
            ui.fetch("no-such-dir/missing.csv").await?;
            ui.write("not reached");
            Ok::<_, Error>(())
        }
    }))
    .await;
    wait_for(&root, ".wl-exception-message").await;
    assert_eq!(all_text(&root, ".wl-md"), ["2 rows, 2102650 people in Paris"]);
    let message = all_text(&root, ".wl-exception-message").join("");
    assert!(message.starts_with("could not fetch `no-such-dir/missing.csv`: HTTP 404"), "{message}");
    assert_eq!(shown.borrow().last(), Some(&1.0), "progress ends at 1");
}

#[wasm_bindgen_test]
async fn a_fetch_that_cannot_connect_is_a_network_error_naming_the_url() {
    let (root, _mounted) = mount_session(Session::new_async(|ui: Ui| async move {
        ui.fetch("http://127.0.0.1:9/nothing").await?;
        Ok::<_, Error>(())
    }))
    .await;
    wait_for(&root, ".wl-exception-message").await;
    let message = all_text(&root, ".wl-exception-message").join("");
    assert!(message.starts_with("could not fetch `http://127.0.0.1:9/nothing`: network error"), "{message}");
}

// ---------------------------------------------------------------------------------------------
// Files and JSON: file_uploader, download_button, json.
// ---------------------------------------------------------------------------------------------

/// Puts `files` (name, MIME type, content) on the uploader's `<input type="file">` and fires
/// `change`, as picking them in the dialog does.
fn pick_files(root: &HtmlElement, files: &[(&str, &str, &[u8])]) {
    let transfer = web_sys::DataTransfer::new().unwrap();
    for (name, mime, bytes) in files {
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(*bytes));
        let options = web_sys::FilePropertyBag::new();
        options.set_type(mime);
        let file = web_sys::File::new_with_u8_array_sequence_and_options(&parts, name, &options).unwrap();
        transfer.items().add_with_file(&file).unwrap();
    }
    let input: HtmlInputElement = find(root, "input[type=file]").unchecked_into();
    input.set_files(transfer.files().as_ref());
    input.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
}

/// Waits until the markdown at `index` reads `expected` (file reads are async).
async fn wait_for_markdown(root: &HtmlElement, index: usize, expected: &str) {
    for _ in 0..200 {
        if all_text(root, ".wl-markdown").get(index).map(String::as_str) == Some(expected) {
            return;
        }
        sleep_ms(10).await;
    }
    panic!("markdown {index} is {:?}, not {expected:?}", all_text(root, ".wl-markdown"));
}

/// The bytes at a Blob URL, through `fetch`.
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, JsValue> {
    let response: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(web_sys::window().unwrap().fetch_with_str(url)).await?.unchecked_into();
    let buffer = wasm_bindgen_futures::JsFuture::from(response.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

#[wasm_bindgen_test]
async fn an_uploaded_file_reaches_the_script_and_its_cross_removes_it() {
    let (root, _mounted) = mount(|ui: &Ui| {
        let file = ui.add(FileUploader::new("CSV").types(["csv"]));
        ui.write(file.map_or("none".to_string(), |f| {
            format!("{} {} {}", f.name, f.mime, f.text().map_or(0, |t| t.lines().count()))
        }));
    })
    .await;
    assert_eq!(find(&root, ".wl-file-hint").text_content().unwrap(), "200MB per file • CSV");
    assert_eq!(find(&root, "input[type=file]").get_attribute("accept").as_deref(), Some(".csv"));
    pick_files(&root, &[("a.csv", "text/csv", b"x,y\n1,2\n")]);
    wait_for_markdown(&root, 0, "a.csv text/csv 2").await;
    assert_eq!(all_text(&root, ".wl-file-name"), ["a.csv"]);
    assert_eq!(all_text(&root, ".wl-file-size"), ["8 B"]);
    // A refused file: a message under the widget, and the value stays.
    pick_files(&root, &[("notes.txt", "text/plain", b"hi")]);
    settle().await;
    assert_eq!(all_text(&root, ".wl-file-error"), ["notes.txt: .txt files are not allowed (allowed: .csv)."]);
    assert_eq!(all_text(&root, ".wl-file-name"), ["a.csv"]);
    wait_for_markdown(&root, 0, "a.csv text/csv 2").await;
    find(&root, "button.wl-file-remove").click();
    wait_for_markdown(&root, 0, "none").await;
    assert!(all_text(&root, ".wl-file-name").is_empty());
}

#[wasm_bindgen_test]
async fn a_chat_input_sends_attached_files_with_its_text() {
    let (root, _mounted) = mount(|ui: &Ui| {
        let sent = ui.add(ChatInput::new("Say").accept_file(AcceptFile::Multiple).file_type(["txt"]));
        ui.write(sent.map_or("none".to_string(), |sent| {
            let files: Vec<String> = sent.files.iter().map(|f| format!("{}:{}", f.name, f.size())).collect();
            format!("{}|{}", sent.text, files.join(" "))
        }));
    })
    .await;
    assert_eq!(find(&root, "input[type=file]").get_attribute("accept").as_deref(), Some(".txt"));
    pick_files(&root, &[("a.txt", "text/plain", b"hello"), ("b.png", "image/png", b"x")]);
    for _ in 0..200 {
        if !all_text(&root, ".wl-chat-file-name").is_empty() {
            break;
        }
        sleep_ms(10).await;
    }
    assert_eq!(all_text(&root, ".wl-chat-file-name"), ["a.txt"], "the accepted file is a chip");
    assert_eq!(all_text(&root, ".wl-file-error"), ["b.png: .png files are not allowed (allowed: .txt)."]);
    assert_eq!(all_text(&root, ".wl-markdown")[0], "none", "attaching does not send");
    let area: web_sys::HtmlTextAreaElement = find(&root, ".wl-chat-input-text").unchecked_into();
    area.set_value("see");
    area.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    area.dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
    wait_for_markdown(&root, 0, "see|a.txt:5").await;
    assert!(all_text(&root, ".wl-chat-file-name").is_empty(), "the chips go once sent");
}

#[wasm_bindgen_test]
async fn a_multi_file_uploader_adds_files_and_refuses_big_ones() {
    let (root, _mounted) = mount(|ui: &Ui| {
        let files = ui.add(FileUploader::new("Files").max_upload_size_mb(1).multiple());
        ui.write(files.iter().map(|f| format!("{}:{}", f.name, f.size())).collect::<Vec<_>>().join(" "));
    })
    .await;
    let big = vec![7u8; 3 * 1024 * 1024 / 2];
    pick_files(&root, &[("a.bin", "", b"1"), ("big.bin", "", &big), ("b.bin", "", b"22")]);
    wait_for_markdown(&root, 0, "a.bin:1 b.bin:2").await;
    assert_eq!(all_text(&root, ".wl-file-error"), ["big.bin: the file must be 1MB or smaller."]);
    pick_files(&root, &[("c.bin", "", b"333")]);
    wait_for_markdown(&root, 0, "a.bin:1 b.bin:2 c.bin:3").await;
    assert!(all_text(&root, ".wl-file-error").is_empty(), "a new pick clears old messages");
    // A file read in more than one chunk arrives whole.
    let chunks: Vec<u8> = (0..(1024 * 1024 + 5)).map(|i| (i % 251) as u8).collect();
    let (root2, _mounted2) = mount(|ui: &Ui| {
        if let Some(file) = ui.file_uploader("One") {
            let sum: u64 = file.bytes().iter().map(|&b| u64::from(b)).sum();
            ui.write(format!("{} {sum}", file.size()));
        }
    })
    .await;
    pick_files(&root2, &[("c.bin", "", &chunks)]);
    let sum: u64 = chunks.iter().map(|&b| u64::from(b)).sum();
    wait_for_markdown(&root2, 0, &format!("{} {sum}", chunks.len())).await;
}

#[wasm_bindgen_test]
async fn a_download_button_links_a_blob_of_its_data_and_revokes_it_when_it_goes() {
    let (root, mounted) = mount(|ui: &Ui| -> Result {
        let state = ui.session_state();
        let clicks = state.get_or_insert_with("clicks", || 0)?;
        if ui.add(DownloadButton::new("Save", "a,b\n1,2\n").file_name("data.csv").mime("text/csv")) {
            state.set("clicks", clicks + 1)?;
        }
        ui.add(DownloadButton::new("Quiet", vec![1u8, 2, 3]).on_click_ignore());
        ui.write(format!("runs with a click: {}", state.get::<i32>("clicks")?));
        Ok(())
    })
    .await;
    let links = root.query_selector_all("a.wl-download-button").unwrap();
    let save: HtmlElement = links.item(0).unwrap().unchecked_into();
    let quiet: HtmlElement = links.item(1).unwrap().unchecked_into();
    assert_eq!(save.get_attribute("download").as_deref(), Some("data.csv"));
    let url = save.get_attribute("href").unwrap();
    assert!(url.starts_with("blob:"), "{url}");
    assert_eq!(fetch_bytes(&url).await.unwrap(), b"a,b\n1,2\n");
    assert_eq!(quiet.get_attribute("download").as_deref(), Some("download"));
    // Clicks: a real click would also save a file; stop that, keep the handlers.
    let stop = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| event.prevent_default());
    root.add_event_listener_with_callback("click", stop.as_ref().unchecked_ref()).unwrap();
    save.click();
    settle().await;
    assert_eq!(all_text(&root, ".wl-markdown")[0], "runs with a click: 1");
    assert_eq!(save.get_attribute("href").as_deref(), Some(url.as_str()), "equal data keeps its URL");
    quiet.click();
    settle().await;
    assert_eq!(all_text(&root, ".wl-markdown")[0], "runs with a click: 1", "on_click_ignore: no rerun");
    drop(mounted);
    settle().await;
    assert!(fetch_bytes(&url).await.is_err(), "the Blob URL is revoked with the element");
}

#[wasm_bindgen_test]
async fn json_is_a_tree_of_text_that_opens_and_closes() {
    let (root, _mounted) = mount(|ui: &Ui| {
        ui.json(r#"{"<b>name</b>": "<img src=x onerror=alert(1)>", "n": 1, "f": 2.5, "ok": true, "none": null, "list": [1, {"deep": "x"}]}"#);
        ui.add(Json::new(r#"{"a": {"b": 1}}"#).expanded(1));
    })
    .await;
    assert!(root.query_selector(".wl-json img, .wl-json b").unwrap().is_none(), "markup stays text");
    assert_eq!(all_text(&root, ".wl-json .wl-json-key")[0], "\"<b>name</b>\"");
    assert_eq!(all_text(&root, ".wl-json .wl-json-string")[0], "\"<img src=x onerror=alert(1)>\"");
    assert_eq!(all_text(&root, ".wl-json-int")[0], "1");
    assert_eq!(all_text(&root, ".wl-json-float"), ["2.5"]);
    assert_eq!(all_text(&root, ".wl-json-null"), ["NULL"]);
    let trees = root.query_selector_all(".wl-json").unwrap();
    let first: HtmlElement = trees.item(0).unwrap().unchecked_into();
    let second: HtmlElement = trees.item(1).unwrap().unchecked_into();
    let expanded = |tree: &HtmlElement| {
        let nodes = tree.query_selector_all(".wl-json-node").unwrap();
        (0..nodes.length())
            .map(|i| {
                nodes.item(i).unwrap().unchecked_into::<web_sys::Element>().get_attribute("aria-expanded").unwrap()
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(expanded(&first), ["true", "true", "true"]);
    assert_eq!(expanded(&second), ["true", "false"], "expanded(1): the root only");
    find(&second, ".wl-json-node .wl-json-node .wl-json-toggle").click();
    settle().await;
    assert_eq!(expanded(&second), ["true", "true"]);
    find(&first, ".wl-json-toggle").click();
    settle().await;
    assert_eq!(expanded(&first)[0], "false");
    let children: HtmlElement = find(&first, ".wl-json-children");
    assert_eq!(children.style().get_property_value("display").unwrap(), "none");
    assert!(find(&first, ".wl-json-count").text_content().unwrap().contains("6 items"));
}

// ----- Data elements: the dataframe grid (src/web/elements/data/) -----

fn numbers_frame(rows: i64, columns: usize) -> DataFrame {
    let mut named = vec![("v", Column::from((0..rows).map(|i| (i * 7919) % rows).collect::<Vec<_>>()))];
    let names: Vec<String> = (1..columns).map(|c| format!("c{c}")).collect();
    for name in &names {
        named.push((name.as_str(), Column::from((0..rows).map(|i| format!("r{i}")).collect::<Vec<_>>())));
    }
    DataFrame::new(named).unwrap()
}

fn first_cells(root: &HtmlElement, count: usize) -> Vec<String> {
    all_text(root, ".wl-grid-tr > .wl-grid-td:nth-child(3)").into_iter().take(count).collect()
}

/// The rows a grid shows, by number, in order (a slot hidden after a jump is numbered by no
/// row; slots are placed by transforms, so the DOM order is not the row order).
fn shown_rows(root: &HtmlElement) -> Vec<usize> {
    let mut rows: Vec<usize> =
        all_text(root, ".wl-grid-tr[data-row] .wl-grid-index").iter().filter_map(|t| t.parse().ok()).collect();
    rows.sort_unstable();
    rows
}

#[wasm_bindgen_test]
async fn a_grid_draws_only_a_window_of_rows_and_columns_and_scrolls_to_the_last_row() {
    let df = numbers_frame(100_000, 40);
    let (root, _keep) = mount(move |ui: &Ui| {
        ui.add(DataFrameView::new(df.clone()).height(400));
    })
    .await;
    settle().await;
    let rows = root.query_selector_all(".wl-grid-tr").unwrap().length();
    assert!((5..=40).contains(&rows), "{rows} rows in the DOM for 100,000");
    let headers = root.query_selector_all(".wl-grid-th").unwrap().length();
    assert!((1..40).contains(&headers), "{headers} of 40 columns in the DOM");
    assert_eq!(find(&root, ".wl-grid-tr").get_attribute("data-row").as_deref(), Some("0"));
    let scroll = find(&root, ".wl-grid-scroll");
    scroll.set_scroll_top(scroll.scroll_height());
    settle().await;
    let shown = shown_rows(&root);
    assert_eq!(shown.last(), Some(&99_999), "{shown:?}");
    assert!(root.query_selector_all(".wl-grid-tr").unwrap().length() <= 40);
}

#[wasm_bindgen_test]
async fn a_jump_paints_the_rows_in_view_at_once_and_the_overscan_when_the_scrolling_pauses() {
    let df = numbers_frame(100_000, 3);
    let (root, _keep) = mount(move |ui: &Ui| {
        ui.add(DataFrameView::new(df.clone()).height(400));
    })
    .await;
    settle().await;
    let window = shown_rows(&root);
    let scroll = find(&root, ".wl-grid-scroll");
    // 400 px high: a header and ten rows in view, the rest of the window is overscan.
    scroll.set_scroll_top(35 * 50_000);
    settle().await;
    let in_view = shown_rows(&root);
    assert!((10..=12).contains(&in_view.len()) && in_view.len() < window.len(), "{in_view:?} of {window:?}");
    assert_eq!(in_view.first(), Some(&50_000), "{in_view:?}");
    sleep_ms(300).await;
    let filled = shown_rows(&root);
    assert_eq!(filled.len(), window.len(), "{filled:?}");
    assert!(filled.first() < Some(&50_000) && filled.last() > in_view.last(), "{filled:?}");
    // A step of a row is no jump: the whole window follows at once.
    scroll.set_scroll_top(35 * 50_001);
    settle().await;
    let stepped = shown_rows(&root);
    assert_eq!(stepped.len(), window.len());
    assert_eq!(stepped.first().copied(), filled.first().map(|r| r + 1));
    // A jump to the end: the hidden slots are out of sight and do not stretch the scroll area.
    let height = scroll.scroll_height();
    scroll.set_scroll_top(height);
    settle().await;
    assert_eq!(shown_rows(&root).last(), Some(&99_999));
    assert_eq!(scroll.scroll_height(), height);
    let hidden = root.query_selector_all(".wl-grid-tr:not([data-row])").unwrap();
    assert!(hidden.length() > 0);
    for i in 0..hidden.length() {
        let row = hidden.item(i).unwrap().unchecked_into::<HtmlElement>();
        assert_eq!(row.style().get_property_value("visibility").unwrap(), "hidden");
    }
}

#[wasm_bindgen_test]
async fn checkbox_and_null_cells_follow_their_rows_when_the_slots_are_recycled() {
    let flags: Vec<Option<bool>> = (0..10_000).map(|i| (i % 3 != 0).then_some(i % 2 == 0)).collect();
    let df = DataFrame::new(vec![("flag", Column::from(flags.clone()))]).unwrap();
    let (root, _keep) = mount(move |ui: &Ui| {
        ui.add(DataFrameView::new(df.clone()).height(300));
    })
    .await;
    // Each shown row (a slot hidden after a jump is numbered by no row): its index and what
    // its cell shows (a checkbox's state, or the null's text).
    let drawn = |root: &HtmlElement| {
        let rows = root.query_selector_all(".wl-grid-tr[data-row]").unwrap();
        (0..rows.length())
            .map(|i| {
                let row = rows.item(i).unwrap().unchecked_into::<HtmlElement>();
                let index: usize = row.get_attribute("data-row").unwrap().parse().unwrap();
                let cell = row.query_selector(".wl-grid-td").unwrap().unwrap();
                let shown = match cell.query_selector("input.wl-grid-check").unwrap() {
                    Some(check) => Some(check.unchecked_into::<HtmlInputElement>().checked()),
                    None => {
                        assert_eq!(cell.query_selector(".wl-null").unwrap().unwrap().text_content().unwrap(), "None");
                        None
                    }
                };
                (index, shown)
            })
            .collect::<Vec<_>>()
    };
    for (index, shown) in drawn(&root) {
        assert_eq!(shown, flags[index], "row {index} at the top");
    }
    let checks_before = root.query_selector_all("input.wl-grid-check").unwrap().length();
    let scroll = find(&root, ".wl-grid-scroll");
    for top in [3_500, 70_000, 349_000] {
        scroll.set_scroll_top(top);
        settle().await;
        let rows = drawn(&root);
        assert!(rows.iter().any(|&(index, _)| index * 35 >= top as usize), "rows near {top}px are drawn");
        for (index, shown) in rows {
            assert_eq!(shown, flags[index], "row {index} after scrolling to {top}px");
        }
    }
    // The slots were refilled in place: no checkbox piled up.
    assert!(root.query_selector_all("input.wl-grid-check").unwrap().length() <= checks_before + 1);
}

#[wasm_bindgen_test]
async fn a_search_marks_matching_cells_and_clearing_it_gives_plain_cells_back() {
    let df = numbers_frame(50, 2);
    let (root, _keep) = mount(move |ui: &Ui| {
        ui.add(DataFrameView::new(df.clone()).height(300));
    })
    .await;
    let plain = |root: &HtmlElement| root.query_selector_all(".wl-grid-td.wl-grid-plain").unwrap().length();
    let drawn = plain(&root);
    assert!(drawn > 0);
    find(&root, "button[aria-label='Search']").click();
    settle().await;
    let field: HtmlInputElement = find(&root, "input.wl-grid-search").unchecked_into();
    type_text(&field, "r4");
    settle().await;
    // Only the matching rows are left, and their text cells are marked.
    let marks = all_text(&root, ".wl-grid-td mark");
    assert!(!marks.is_empty() && marks.iter().all(|m| m.eq_ignore_ascii_case("r4")), "{marks:?}");
    // Rows 4 and 40 (the first column is `(row × 7919) mod 50`).
    assert_eq!(first_cells(&root, 2), ["26", "10"]);
    type_text(&field, "");
    settle().await;
    assert_eq!(root.query_selector_all(".wl-grid-td mark").unwrap().length(), 0);
    assert_eq!(plain(&root), drawn, "every text cell is a plain cell again");
    assert_eq!(first_cells(&root, 2), ["0", "19"]);
}

#[wasm_bindgen_test]
async fn a_header_click_sorts_ascending_then_descending_then_not() {
    let df = numbers_frame(1000, 2);
    let (root, _keep) = mount(move |ui: &Ui| {
        ui.add(DataFrameView::new(df.clone()).height(300));
    })
    .await;
    assert_eq!(first_cells(&root, 2), ["0", "919"]);
    let header = find(&root, ".wl-grid-th[data-column='v']");
    header.click();
    settle().await;
    assert_eq!(first_cells(&root, 3), ["0", "1", "2"]);
    header.click();
    settle().await;
    assert_eq!(first_cells(&root, 2), ["999", "998"]);
    assert!(find(&root, ".wl-grid-th[data-column='v'] .wl-grid-sort").text_content().unwrap().contains('↓'));
    header.click();
    settle().await;
    assert_eq!(first_cells(&root, 2), ["0", "919"]);
}

#[wasm_bindgen_test]
async fn a_highlighted_maximum_stays_on_its_value_when_the_grid_is_sorted() {
    let df = numbers_frame(1000, 2);
    let (root, _keep) = mount(move |ui: &Ui| {
        ui.add(DataFrameView::new(df.clone()).height(300).highlight_max(Axis::Columns));
    })
    .await;
    let painted = |root: &HtmlElement| {
        let cells = root.query_selector_all(".wl-grid-td[style*='background-color']").unwrap();
        (0..cells.length())
            .map(|i| {
                let cell = cells.item(i).unwrap().unchecked_into::<HtmlElement>();
                (cell.text_content().unwrap(), cell.style().get_property_value("background-color").unwrap())
            })
            .collect::<Vec<_>>()
    };
    assert!(!painted(&root).iter().any(|(text, _)| text == "999"), "999 is not in the first rows");
    let header = find(&root, ".wl-grid-th[data-column='v']");
    header.click();
    settle().await;
    header.click();
    settle().await;
    assert_eq!(first_cells(&root, 1), ["999"]);
    assert!(painted(&root).contains(&("999".to_string(), "yellow".to_string())), "{:?}", painted(&root));
}

#[wasm_bindgen_test]
async fn clicking_an_index_cell_selects_the_row_for_the_script() {
    let df = numbers_frame(50, 2);
    let (root, _keep) = mount(move |ui: &Ui| {
        let picked = ui.add(DataFrameView::new(df.clone()).selection_mode(SelectionMode::SingleRow).key("grid"));
        ui.write(format!("picked {:?}", picked.rows));
    })
    .await;
    assert_eq!(all_text(&root, ".wl-markdown"), ["picked []"]);
    let index_cells = root.query_selector_all(".wl-grid-tr .wl-grid-index").unwrap();
    index_cells.item(2).unwrap().unchecked_into::<HtmlElement>().click();
    settle().await;
    assert_eq!(all_text(&root, ".wl-markdown"), ["picked [2]"]);
    assert_eq!(root.query_selector_all(".wl-grid-tr.wl-grid-selected").unwrap().length(), 1);
}

// ----- Themes (src/theme.rs, src/web/shell.rs) -----

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn app_theme(root: &HtmlElement) -> (String, String) {
    let app = find(root, ".wl-app");
    let style = web_sys::window().unwrap().get_computed_style(&app).unwrap().unwrap();
    (app.get_attribute("data-theme").unwrap(), style.get_property_value("--wl-primary").unwrap().trim().to_string())
}

#[wasm_bindgen_test]
async fn a_custom_theme_colours_the_app_and_the_settings_dialog_switches_and_remembers() {
    use wasmlit::theme::{Base, ThemeConfig};
    local_storage().remove_item("wasmlit-theme").unwrap();
    let themed = || {
        Session::new(|ui: &Ui| {
            ui.title("Themed");
        })
        .with_theme(ThemeConfig::new(Base::Dark).primary_color("#7c3aed"))
    };
    let (root, first) = mount_session(themed()).await;
    assert_eq!(app_theme(&root), ("custom".to_string(), "#7c3aed".to_string()));
    find(&root, "button[aria-label='Main menu']").click();
    settle().await;
    let items = root.query_selector_all(".wl-menu-panel button").unwrap();
    let settings = (0..items.length())
        .map(|i| items.item(i).unwrap().unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().as_deref() == Some("Settings"));
    settings.expect("a Settings item").click();
    settle().await;
    let select: web_sys::HtmlSelectElement = find(&root, "#wl-settings-theme").unchecked_into();
    let options: Vec<String> = (0..select.length()).map(|i| select.item(i).unwrap().text_content().unwrap()).collect();
    assert_eq!(options, ["Use system setting", "Light", "Dark", "Custom theme"]);
    assert_eq!(select.value(), "custom");
    select.set_value("light");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    settle().await;
    assert_eq!(app_theme(&root).0, "light");
    assert_eq!(app_theme(&root).1, "#ff4b4b", "Streamlit's red again");
    assert_eq!(local_storage().get_item("wasmlit-theme").unwrap().as_deref(), Some("light"));
    drop(first);
    // A reload starts with the viewer's choice, not the app's theme.
    let (root, _second) = mount_session(themed()).await;
    assert_eq!(app_theme(&root).0, "light");
    local_storage().remove_item("wasmlit-theme").unwrap();
}

#[wasm_bindgen_test]
async fn a_refused_theme_file_is_said_above_the_app_which_runs_with_the_default_theme() {
    local_storage().remove_item("wasmlit-theme").unwrap();
    let session = Session::new(|ui: &Ui| {
        ui.title("Still here");
    })
    .with_theme_file("[theme]\nprimaryColour = \"#7c3aed\"\n");
    let (root, _keep) = mount_session(session).await;
    let banner = find(&root, ".wl-theme-error").text_content().unwrap();
    assert!(banner.contains("primaryColour") && banner.contains("default theme"), "{banner}");
    assert_eq!(app_theme(&root), ("system".to_string(), "#ff4b4b".to_string()));
    assert_eq!(all_text(&root, ".wl-title"), ["Still here"]);
}

#[wasm_bindgen_test]
async fn labels_draw_their_inline_markdown_and_escape_html() {
    let (root, _keep) = mount(|ui: &Ui| {
        ui.checkbox("Accept the **terms** <b>now</b>");
        ui.button("Run `main`");
        ui.text_input("Your :blue[name]");
    })
    .await;
    assert_eq!(find(&root, ".wl-check-label strong").text_content().as_deref(), Some("terms"));
    assert_eq!(
        find(&root, ".wl-check-label").text_content().as_deref(),
        Some("Accept the terms <b>now</b>"),
        "raw HTML stays text"
    );
    assert_eq!(find(&root, "button code").text_content().as_deref(), Some("main"));
    assert_eq!(find(&root, ".wl-widget-label .wl-color-blue").text_content().as_deref(), Some("name"));
}

#[wasm_bindgen_test]
async fn headings_draw_inline_markdown_and_link_to_their_anchor() {
    let (root, _keep) = mount(|ui: &Ui| {
        ui.title("_Streamlit_ is :blue[cool]");
        ui.header("Sales by region");
    })
    .await;
    assert_eq!(find(&root, "h1 em").text_content().as_deref(), Some("Streamlit"));
    assert_eq!(find(&root, "h1 .wl-color-blue").text_content().as_deref(), Some("cool"));
    let link = find(&root, "h2 .wl-anchor-link");
    assert_eq!(link.get_attribute("href").as_deref(), Some("#sales-by-region"));
    assert_eq!(find(&root, "h2").id(), "sales-by-region");
    assert_eq!(find(&root, "h2").text_content().as_deref(), Some("Sales by region"), "the icon adds no text");
}

#[wasm_bindgen_test]
async fn a_heading_without_an_anchor_has_no_id_and_no_link() {
    let (root, _keep) = mount(|ui: &Ui| {
        ui.add(Header::new("Quiet").hide_anchor());
        ui.add(Title::new("Also quiet").hide_anchor());
    })
    .await;
    assert!(!find(&root, "h2").has_attribute("id"));
    assert!(!find(&root, "h1").has_attribute("id"));
    assert!(root.query_selector(".wl-anchor-link").unwrap().is_none());
}
