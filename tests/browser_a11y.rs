//! Browser tests of keyboard use and screen-reader names (issue 15, accessibility): dialogs
//! hold focus, tabs follow the arrow keys, steppers and help are named, a selectbox commits
//! once, and every control shows its focus in both themes.
//!
//! By hand: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser_a11y`.

#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use wasmlit::prelude::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/browser.rs"]
mod support;
use support::*;

/// Presses `key` (a bubbling, cancelable `keydown`) on `target`; `shift` holds Shift.
fn press(target: &web_sys::EventTarget, key: &str, shift: bool) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    target
        .dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap())
        .unwrap();
}

fn active() -> HtmlElement {
    document().active_element().expect("something has focus").unchecked_into()
}

/// The text of the element with id `id`.
fn text_of_id(id: &str) -> String {
    document().get_element_by_id(id).unwrap_or_else(|| panic!("no element #{id}")).text_content().unwrap().trim().into()
}

#[wasm_bindgen_test]
async fn a_dialog_takes_focus_keeps_tab_inside_and_gives_focus_back_on_escape() {
    let (root, _mounted) = mount(|ui: &Ui| -> Result {
        if ui.button("Open") {
            ui.dialog("Hello", |ui: &Ui| {
                ui.text_input("Name");
                ui.button("Save");
            })?;
        }
        Ok(())
    })
    .await;
    let opener = find(&root, "button.wl-btn");
    opener.focus().unwrap();
    opener.click();
    let dialog = wait_find(&root, "[role=dialog]").await;
    settle().await;
    assert!(dialog.contains(Some(&active())), "focus moved into the dialog");
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    assert_eq!(dialog.get_attribute("aria-label").as_deref(), Some("Hello"));

    // Tab from the last control goes to the first (the ×), Shift+Tab from the first to the last.
    let close = find(&dialog, "button[aria-label=Close]");
    let save = all(&dialog, "button.wl-btn").pop().expect("the Save button");
    save.focus().unwrap();
    press(&save, "Tab", false);
    assert!(active().is_same_node(Some(&close)), "Tab wraps to the first control");
    press(&close, "Tab", true);
    assert!(active().is_same_node(Some(&save)), "Shift+Tab wraps to the last control");
    // In the middle Tab is the browser's: the trap leaves it alone.
    let field = find(&dialog, "input");
    field.focus().unwrap();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Tab");
    init.set_bubbles(true);
    init.set_cancelable(true);
    let tab = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    field.dispatch_event(&tab).unwrap();
    assert!(!tab.default_prevented(), "a Tab between two controls of the dialog is not taken over");

    press(&document().body().unwrap(), "Escape", false);
    settle().await;
    assert!(root.query_selector("[role=dialog]").unwrap().is_none(), "Escape closes the dialog");
    assert!(active().is_same_node(Some(&opener)), "focus is back on the button that opened it");
}

#[wasm_bindgen_test]
async fn tabs_follow_the_arrow_keys_home_and_end_and_control_their_panels() {
    let (root, _mounted) = mount(|ui: &Ui| {
        let [a, b, c] = ui.tabs(["Cat", "Dog", "Owl"]);
        a.write("a cat");
        b.write("a dog");
        c.write("an owl");
    })
    .await;
    let tabs = all(&root, "[role=tablist] > [role=tab]");
    assert_eq!(tabs.len(), 3);
    for tab in &tabs {
        let panel = document().get_element_by_id(&tab.get_attribute("aria-controls").expect("aria-controls")).unwrap();
        assert_eq!(panel.get_attribute("role").as_deref(), Some("tabpanel"));
        assert_eq!(panel.get_attribute("aria-labelledby"), Some(tab.id()), "the panel is labelled by its tab");
    }
    let selected = || {
        let tabs = all(&root, "[role=tab]");
        let picked: Vec<String> = tabs
            .iter()
            .filter(|t| t.get_attribute("aria-selected").as_deref() == Some("true"))
            .map(|t| t.text_content().unwrap())
            .collect();
        let in_order: Vec<String> =
            tabs.iter().filter(|t| t.tab_index() == 0).map(|t| t.text_content().unwrap()).collect();
        assert_eq!(picked, in_order, "only the selected tab is in the tab order");
        let focused = active().text_content().unwrap();
        assert_eq!(picked, std::slice::from_ref(&focused), "the selected tab has focus");
        let shown = all_text(&root, "[role=tabpanel]:not([hidden])");
        (focused, shown.join(""))
    };
    tabs[0].focus().unwrap();
    for (key, expected, body) in [
        ("ArrowRight", "Dog", "a dog"),
        ("ArrowRight", "Owl", "an owl"),
        ("ArrowRight", "Cat", "a cat"),
        ("ArrowLeft", "Owl", "an owl"),
        ("Home", "Cat", "a cat"),
        ("End", "Owl", "an owl"),
    ] {
        press(&active(), key, false);
        settle().await;
        assert_eq!(selected(), (expected.to_string(), body.to_string()), "after {key}");
    }
}

#[wasm_bindgen_test]
async fn number_input_steppers_are_named_by_action_and_label() {
    let (root, _mounted) = mount(|ui: &Ui| {
        ui.add(NumberInput::int("Age").min(0).max(120).value(30));
        ui.add(NumberInput::new("Height"));
    })
    .await;
    let names: Vec<String> = all(&root, "button.wl-step")
        .iter()
        .map(|button| {
            let ids = button.get_attribute("aria-labelledby").expect("aria-labelledby");
            let words: Vec<String> = ids
                .split(' ')
                .map(|id| {
                    let named = document().get_element_by_id(id).unwrap();
                    named.get_attribute("aria-label").unwrap_or_else(|| text_of_id(id))
                })
                .collect();
            words.join(" ")
        })
        .collect();
    assert_eq!(names, ["Decrease Age", "Increase Age", "Decrease Height", "Increase Height"]);
}

#[wasm_bindgen_test]
async fn help_is_a_focusable_icon_whose_tooltip_describes_the_control() {
    let (root, _mounted) = mount(|ui: &Ui| {
        ui.add(TextInput::new("Name").help("Your full name"));
        ui.add(Checkbox::new("Agree").help("Read the terms first"));
        ui.add(Button::new("Send").help("Sends the form"));
        ui.add(Header::new("Results").help("Updated daily"));
    })
    .await;
    settle().await;
    // Each control names its tooltip, which says the help; none keeps it in a `title` only.
    for (control, help) in [
        ("input[type=text]", "Your full name"),
        ("input[type=checkbox]", "Read the terms first"),
        ("button.wl-btn", "Sends the form"),
    ] {
        let control = find(&root, control);
        let tip = control.get_attribute("aria-describedby").unwrap_or_else(|| panic!("{help}: no aria-describedby"));
        let tooltip = document().get_element_by_id(&tip).unwrap();
        assert_eq!(tooltip.get_attribute("role").as_deref(), Some("tooltip"));
        assert_eq!(tooltip.text_content().unwrap(), help);
        assert!(control.get_attribute("title").is_none(), "{help}: a title tooltip");
    }
    assert!(root.query_selector("[title='Your full name'], [title='Updated daily']").unwrap().is_none());
    // The "?" icons are buttons (Tab reaches them) and show their tooltip while focused.
    let icons = all(&root, "button.wl-help");
    assert_eq!(icons.len(), 3, "the text input, the checkbox and the header have a help icon");
    for icon in icons {
        let tip = document().get_element_by_id(&icon.get_attribute("aria-describedby").unwrap()).unwrap();
        let display = |e: &web_sys::Element| {
            web_sys::window().unwrap().get_computed_style(e).unwrap().unwrap().get_property_value("display").unwrap()
        };
        assert_eq!(display(&tip), "none", "hidden until asked for");
        icon.focus().unwrap();
        assert_eq!(display(&tip), "block", "{:?} shows on focus", tip.text_content());
        icon.blur().unwrap();
    }
}

#[wasm_bindgen_test]
async fn selectbox_arrow_keys_move_the_highlight_and_enter_commits_one_run() {
    let runs = Rc::new(Cell::new(0));
    let counted = runs.clone();
    let (root, _mounted) = mount(move |ui: &Ui| {
        counted.set(counted.get() + 1);
        let pick = ui.selectbox("Colour", ["red", "green", "blue", "cyan"]);
        ui.write(format!("picked {pick}"));
    })
    .await;
    let field: HtmlInputElement = find(&root, "input[role=combobox]").unchecked_into();
    field.focus().unwrap();
    let before = runs.get();
    // The first ArrowDown opens the list on "red"; three more reach "cyan", ArrowUp "blue".
    for _ in 0..4 {
        press(&field, "ArrowDown", false);
        settle().await;
    }
    press(&field, "ArrowUp", false);
    settle().await;
    assert_eq!(runs.get(), before, "arrow keys commit nothing");
    assert_eq!(all_text(&root, ".wl-md"), ["picked red"]);
    press(&field, "Enter", false);
    settle().await;
    assert_eq!(all_text(&root, ".wl-md"), ["picked blue"]);
    assert_eq!(runs.get(), before + 1, "Enter commits one value in one run");
}

/// What shows focus on a control: outline, shadow and border of it, its next sibling (a
/// drawn checkbox) and its parent and grandparent (a field's box).
fn focus_look(control: &HtmlElement) -> String {
    let style = |e: Option<web_sys::Element>| {
        let Some(e) = e else { return String::new() };
        let s = web_sys::window().unwrap().get_computed_style(&e).unwrap().unwrap();
        ["outline-style", "outline-width", "outline-color", "box-shadow", "border-color"]
            .map(|p| s.get_property_value(p).unwrap())
            .join(" ")
    };
    let parent = control.parent_element();
    let grandparent = parent.as_ref().and_then(|p| p.parent_element());
    [style(Some(control.clone().into())), style(control.next_element_sibling()), style(parent), style(grandparent)]
        .join(" | ")
}

#[wasm_bindgen_test]
async fn every_control_shows_its_focus_in_the_light_and_the_dark_theme() {
    let (root, _mounted) = mount(|ui: &Ui| {
        ui.add(Button::new("Go").help("Goes"));
        ui.add(Button::new("Primary").kind(ButtonKind::Primary));
        ui.checkbox("Check");
        ui.add(Toggle::new("Switch"));
        ui.radio("Radio", ["a", "b"]);
        ui.add(TextInput::new("Text").help("Some text"));
        ui.add(NumberInput::int("Number").min(0).max(9).value(1));
        ui.slider("Slider", 0..=10);
        ui.selectbox("Select", ["x", "y"]);
        ui.add(Multiselect::new("Several", ["x", "y"]));
        ui.text_area("Area");
        ui.add(ColorPicker::new("Colour"));
        let [one, _two] = ui.tabs(["One", "Two"]);
        one.write("in the tab");
        ui.expander("More").write("inside");
        ui.add(Pills::new("Pills", ["p", "q"]));
        ui.markdown("[a link](https://example.com)");
    })
    .await;
    let app = find(&root, ".wl-app");
    // What the viewer can reach: shown (not `hidden`, not a closed list) and enabled.
    let controls: Vec<HtmlElement> = all(&root, "a[href], button, input, textarea, summary, [tabindex='0']")
        .into_iter()
        .filter(|c| c.offset_width() > 0 || c.offset_height() > 0)
        .collect();
    assert!(controls.len() >= 20, "{} controls", controls.len());
    for theme in ["light", "dark"] {
        app.set_attribute("data-theme", theme).unwrap();
        for control in &controls {
            let what = control.outer_html().chars().take(120).collect::<String>();
            control.blur().unwrap();
            let resting = focus_look(control);
            control.focus().unwrap();
            assert!(active().is_same_node(Some(control)), "{theme}: {what} takes focus");
            assert_ne!(focus_look(control), resting, "{theme}: focus does not show on {what}");
            control.blur().unwrap();
        }
    }
}
