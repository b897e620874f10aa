//! One or more interaction tests per widget: set a value the way the page
//! would, rerun, and check what the script got and what the page shows.

use std::cell::RefCell;
use std::rc::Rc;

use wasmlit::prelude::*;
use wasmlit::Element;

/// The body of the first markdown element.
fn shown(at: &mut AppTest) -> String {
    at.markdown(0).text()
}

// ----- button ----------------------------------------------------------------

#[test]
fn button_click_is_seen_by_one_run_and_counted_by_on_click() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let state = ui.session_state();
        state.get_or_insert_with("clicks", || 0u32)?;
        let pressed = ui.add(
            Button::new("Like")
                .kind(ButtonKind::Primary)
                .on_click(|ui: &Ui| ui.session_state().update("clicks", |n: &mut u32| *n += 1).map(|_| ())),
        );
        ui.write(format!("pressed={pressed} clicks={}", state.get::<u32>("clicks")?));
        Ok(())
    });
    at.run();
    assert_eq!(shown(&mut at), "pressed=false clicks=0");
    at.button(label("Like")).click().run();
    assert_eq!(shown(&mut at), "pressed=true clicks=1");
    assert!(at.button(0).value::<bool>());
    let Element::Button(props) = at.button(0).element().clone() else { unreachable!() };
    assert!(props.clicked && props.kind == ButtonKind::Primary);
    at.run();
    assert_eq!(shown(&mut at), "pressed=false clicks=1");
    assert!(!at.button(0).value::<bool>());
    at.button(0).click().run();
    at.button(0).click().run();
    assert_eq!(shown(&mut at), "pressed=true clicks=3");
}

// ----- checkbox --------------------------------------------------------------

#[test]
fn checkbox_check_and_uncheck() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let agree = ui.add(Checkbox::new("I agree").key("agree"));
        let news = ui.add(Checkbox::new("Newsletter").value(true));
        let keyed: bool = ui.session_state().get("agree")?;
        ui.write(format!("agree={agree} news={news} keyed={keyed}"));
        Ok(())
    });
    at.run();
    assert_eq!(shown(&mut at), "agree=false news=true keyed=false");
    at.checkbox(key("agree")).check();
    at.checkbox(label("Newsletter")).uncheck().run();
    assert_eq!(shown(&mut at), "agree=true news=false keyed=true");
    let Element::Checkbox(props) = at.checkbox(0).element().clone() else { unreachable!() };
    assert!(props.value, "the page shows it checked");
    at.run();
    assert_eq!(shown(&mut at), "agree=true news=false keyed=true", "the value sticks");
    at.checkbox(0).uncheck().run();
    assert_eq!(shown(&mut at), "agree=false news=false keyed=false");
}

// ----- toggle ----------------------------------------------------------------

#[test]
fn toggle_switches_on_and_off_and_calls_on_change() {
    let log = Rc::new(RefCell::new(Vec::<bool>::new()));
    let app_log = log.clone();
    let mut at = AppTest::new(move |ui: &Ui| {
        let log = app_log.clone();
        let on = ui.add(Toggle::new("Dark mode").key("dark").on_change(move |ui: &Ui| -> Result {
            log.borrow_mut().push(ui.session_state().get("dark")?);
            Ok(())
        }));
        ui.write(if on { "dark" } else { "light" });
    });
    at.run();
    assert_eq!(shown(&mut at), "light");
    at.toggle(0).set_value(true).run();
    assert_eq!(shown(&mut at), "dark");
    assert!(at.toggle(key("dark")).value::<bool>());
    assert_eq!(at.get("toggle").len(), 1);
    assert!(at.get("checkbox").is_empty(), "a toggle is its own element kind");
    at.toggle(0).set_value(false).run();
    assert_eq!(shown(&mut at), "light");
    assert_eq!(*log.borrow(), [true, false]);
}

// ----- radio -----------------------------------------------------------------

#[test]
fn radio_select_by_text_or_index() {
    let mut at = AppTest::new(|ui: &Ui| {
        let size = ui.add(Radio::new("Size", ["S", "M", "L"]).index(1).horizontal(true));
        ui.write(format!("size={size}"));
    });
    at.run();
    assert_eq!(shown(&mut at), "size=M", "index() picks the default");
    assert_eq!(at.radio(0).options(), ["S", "M", "L"]);
    at.radio(0).select("L").run();
    assert_eq!(shown(&mut at), "size=L");
    let Element::Radio(props) = at.radio(0).element().clone() else { unreachable!() };
    assert_eq!((props.index, props.horizontal), (Some(2), true));
    at.radio(0).select_index(0).run();
    assert_eq!(shown(&mut at), "size=S");
    assert_eq!(at.radio(0).value::<&str>(), "S");
}

#[test]
fn radio_returns_the_option_value_not_its_label() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let n = ui.add(Radio::with_format_func("Count", [1u8, 2, 3], |n: &u8| format!("{n} item(s)")).key("n"));
        let keyed: u8 = ui.session_state().get("n")?;
        ui.write(format!("n={n} keyed={keyed} doubled={}", n * 2));
        Ok(())
    });
    at.run();
    assert_eq!(at.radio(0).options(), ["1 item(s)", "2 item(s)", "3 item(s)"]);
    at.radio(0).select("3 item(s)").run();
    assert_eq!(shown(&mut at), "n=3 keyed=3 doubled=6");
}

// ----- selectbox -------------------------------------------------------------

#[test]
fn selectbox_select_changes_the_value_and_on_change_reads_it() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let state = ui.session_state();
        ui.add(Selectbox::new("Contact", ["Email", "Phone", "Mobile"]).key("contact").on_change(|ui: &Ui| -> Result {
            let chosen: &str = ui.session_state().get("contact")?;
            ui.session_state().set("last_change", format!("changed to {chosen}"))?;
            Ok(())
        }));
        let last = state.get_or_insert_with("last_change", || "none".to_string())?;
        ui.write(format!("{} ({last})", state.get::<&str>("contact")?));
        Ok(())
    });
    at.run();
    assert_eq!(shown(&mut at), "Email (none)");
    at.selectbox(key("contact")).select("Phone").run();
    assert_eq!(shown(&mut at), "Phone (changed to Phone)");
    let Element::Selectbox(props) = at.selectbox(0).element().clone() else { unreachable!() };
    assert_eq!(props.index, Some(1));
    at.selectbox(0).select_index(2).run();
    assert_eq!(shown(&mut at), "Mobile (changed to Mobile)");
}

#[test]
fn selectbox_refuses_an_index_outside_its_options() {
    let mut at = AppTest::new(|ui: &Ui| {
        let pick = ui.selectbox("Pick", ["a", "b"]);
        ui.write(pick);
    });
    at.run();
    at.selectbox(0).select("b").run();
    at.selectbox(0).select_index(9).run();
    assert_eq!(shown(&mut at), "b", "the previous value is kept");
}

// ----- multiselect -----------------------------------------------------------

#[test]
fn multiselect_select_and_unselect_keep_the_pick_order() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let picked = ui.add(Multiselect::new("Toppings", ["cheese", "ham", "olives", "basil"]).key("toppings"));
        let keyed: Vec<&str> = ui.session_state().get("toppings")?;
        assert_eq!(picked, keyed);
        ui.write(if picked.is_empty() { "nothing".to_string() } else { picked.join(" + ") });
        Ok(())
    });
    at.run();
    assert_eq!(shown(&mut at), "nothing");
    at.multiselect(0).select("olives").run();
    at.multiselect(0).select("cheese").run();
    assert_eq!(shown(&mut at), "olives + cheese", "in the order they were picked");
    at.multiselect(0).select("ham").run();
    at.multiselect(0).unselect("olives").run();
    assert_eq!(shown(&mut at), "cheese + ham");
    let Element::Multiselect(props) = at.multiselect(0).element().clone() else { unreachable!() };
    assert_eq!(props.indices, [0, 1]);
    at.multiselect(0).set_value(vec!["basil"]).run();
    assert_eq!(shown(&mut at), "basil");
    assert_eq!(at.multiselect(0).value::<Vec<&str>>(), ["basil"]);
}

#[test]
fn multiselect_picks_made_before_one_run_accumulate() {
    let mut at = AppTest::new(|ui: &Ui| {
        let colors = ui.add(Multiselect::new("Colors", ["red", "green", "blue"]));
        let form = ui.form("f");
        let sizes = form.add(Multiselect::new("Sizes", ["S", "M", "L"]));
        form.form_submit_button("Save");
        ui.write(format!("{} / {}", colors.join(", "), sizes.join(", ")));
    });
    at.run();
    at.multiselect(0).select("red").select("blue").run();
    assert_eq!(shown(&mut at), "red, blue / ", "a chained select appends");
    at.multiselect(0).select("green");
    at.multiselect(0).unselect("red");
    at.run();
    assert_eq!(shown(&mut at), "blue, green / ", "separate calls before one run build on each other");
    at.multiselect(1).select("M");
    at.multiselect(1).select("S");
    at.button(0).click().run();
    assert_eq!(shown(&mut at), "blue, green / M, S", "values held by a form too");
}

#[test]
fn multiselect_refuses_more_than_max_selections() {
    let mut at = AppTest::new(|ui: &Ui| {
        let picked = ui.add(Multiselect::new("Two at most", [1, 2, 3]).max_selections(2));
        ui.write(format!("{picked:?}"));
    });
    at.run();
    at.multiselect(0).set_value(vec!["1", "3"]).run();
    assert_eq!(shown(&mut at), "[1, 3]");
    at.multiselect(0).select("2").run();
    assert_eq!(shown(&mut at), "[1, 3]", "a third pick is refused");
}

// ----- slider ----------------------------------------------------------------

#[test]
fn int_slider_set_value_and_refuse_out_of_range() {
    let mut at = AppTest::new(|ui: &Ui| {
        let age = ui.add(Slider::new("Age", 0..=130).value(25).step(5));
        ui.write(format!("I'm {age} years old"));
    });
    at.run();
    assert_eq!(shown(&mut at), "I'm 25 years old");
    at.slider(0).set_value(40).run();
    assert_eq!(shown(&mut at), "I'm 40 years old");
    assert_eq!(at.slider(0).value::<i32>(), 40);
    let Element::Slider(props) = at.slider(0).element().clone() else { unreachable!() };
    assert_eq!((props.min, props.max, props.step, props.is_int), (0.0, 130.0, 5.0, true));
    assert_eq!(props.value, [40.0]);
    at.slider(0).set_value(200).run();
    assert_eq!(shown(&mut at), "I'm 40 years old", "a value outside the range is refused");
}

#[test]
fn float_slider_set_value() {
    let mut at = AppTest::new(|ui: &Ui| {
        let ratio = ui.add(Slider::new("Ratio", 0.0..=1.0).key("ratio"));
        ui.write(format!("ratio = {ratio:.2}"));
    });
    at.run();
    assert_eq!(shown(&mut at), "ratio = 0.00");
    at.slider(key("ratio")).set_value(0.35).run();
    assert_eq!(shown(&mut at), "ratio = 0.35");
    assert_eq!(at.session_state().get::<f64>("ratio").unwrap(), 0.35);
    let Element::Slider(props) = at.slider(0).element().clone() else { unreachable!() };
    assert_eq!((props.step, props.is_int), (0.01, false));
}

#[test]
fn range_slider_set_range() {
    let mut at = AppTest::new(|ui: &Ui| {
        let (low, high) = ui.add(Slider::new("Price", 0..=1000).value((100, 500)).key("price"));
        ui.write(format!("{low}..{high} ({} wide)", high - low));
    });
    at.run();
    assert_eq!(shown(&mut at), "100..500 (400 wide)");
    at.slider(0).set_range(250.0, 750.0).run();
    assert_eq!(shown(&mut at), "250..750 (500 wide)");
    assert_eq!(at.slider(0).value::<(i32, i32)>(), (250, 750));
    assert_eq!(at.session_state().get::<(i32, i32)>("price").unwrap(), (250, 750));
    at.slider(0).set_range(800.0, 300.0).run();
    assert_eq!(shown(&mut at), "250..750 (500 wide)", "a reversed range is refused");
}

// ----- text_input --------------------------------------------------------------

#[test]
fn text_input_input_commits_the_text() {
    let mut at = AppTest::new(|ui: &Ui| {
        let name = ui.add(TextInput::new("Movie title").value("Life of Brian").placeholder("Type a title"));
        ui.write(format!("The current movie title is {name}"));
    });
    at.run();
    assert_eq!(shown(&mut at), "The current movie title is Life of Brian");
    at.text_input(0).input("Brazil").run();
    assert_eq!(shown(&mut at), "The current movie title is Brazil");
    let Element::TextInput(props) = at.text_input(0).element().clone() else { unreachable!() };
    assert_eq!((props.value.as_str(), props.placeholder.as_deref()), ("Brazil", Some("Type a title")));
    at.text_input(0).input("").run();
    assert_eq!(shown(&mut at), "The current movie title is ");
}

#[test]
fn text_input_on_change_can_rewrite_its_own_value() {
    let mut at = AppTest::new(|ui: &Ui| {
        let code = ui.add(TextInput::new("Code").key("code").max_chars(4).password().on_change(|ui: &Ui| -> Result {
            let state = ui.session_state();
            state.set("code", state.get::<String>("code")?.to_uppercase())?;
            Ok(())
        }));
        ui.write(format!("[{code}]"));
    });
    at.run();
    at.text_input(0).input("ab1c").run();
    assert_eq!(shown(&mut at), "[AB1C]");
    let Element::TextInput(props) = at.text_input(0).element().clone() else { unreachable!() };
    assert_eq!((props.value.as_str(), props.password, props.max_chars), ("AB1C", true, Some(4)));
    at.text_input(0).input("toolong").run();
    assert_eq!(shown(&mut at), "[AB1C]", "text longer than max_chars is refused");
}

// ----- text_area ---------------------------------------------------------------

#[test]
fn text_area_input_keeps_newlines() {
    let mut at = AppTest::new(|ui: &Ui| {
        let text = ui.add(TextArea::new("Poem").height(200).key("poem"));
        ui.write(format!("{} lines", text.lines().count()));
    });
    at.run();
    assert_eq!(shown(&mut at), "0 lines");
    at.text_area(key("poem")).input("roses are red\nviolets are blue\n").run();
    assert_eq!(shown(&mut at), "2 lines");
    assert_eq!(at.text_area(0).value::<String>(), "roses are red\nviolets are blue\n");
    let Element::TextArea(props) = at.text_area(0).element().clone() else { unreachable!() };
    assert_eq!(props.height, Some(200));
    at.run();
    assert_eq!(shown(&mut at), "2 lines", "the text sticks");
}

// ----- number_input ------------------------------------------------------------

#[test]
fn int_number_input_steps_and_refuses_out_of_range() {
    let mut at = AppTest::new(|ui: &Ui| {
        let n = ui.add(NumberInput::int("Guests").min(1).max(3).key("guests"));
        ui.write(format!("{n} guest(s)"));
    });
    at.run();
    assert_eq!(shown(&mut at), "1 guest(s)", "starts at min");
    at.number_input(0).increment().run();
    at.number_input(0).increment().run();
    at.number_input(0).increment().run();
    assert_eq!(shown(&mut at), "3 guest(s)", "stops at max");
    at.number_input(0).decrement().run();
    assert_eq!(shown(&mut at), "2 guest(s)");
    at.number_input(0).set_value(0).run();
    assert_eq!(shown(&mut at), "2 guest(s)", "below min is refused");
    assert_eq!(at.session_state().get::<i64>("guests").unwrap(), 2);
    let Element::NumberInput(props) = at.number_input(0).element().clone() else { unreachable!() };
    assert_eq!((props.value, props.min, props.max, props.step, props.is_int), (2.0, Some(1.0), Some(3.0), 1.0, true));
}

#[test]
fn number_input_steps_made_before_one_run_add_up() {
    let mut at = AppTest::new(|ui: &Ui| {
        let n = ui.add(NumberInput::int("n").max(3));
        ui.write(n);
    });
    at.run();
    at.number_input(0).increment().increment().run();
    assert_eq!(shown(&mut at), "2");
    at.number_input(0).increment().increment().increment().run();
    assert_eq!(shown(&mut at), "3", "stopping at the maximum");
    at.number_input(0).decrement();
    at.number_input(0).decrement().run();
    assert_eq!(shown(&mut at), "1");
}

#[test]
fn float_number_input_set_value_and_step() {
    let mut at = AppTest::new(|ui: &Ui| {
        let price = ui.add(NumberInput::new("Price").value(9.5).step(0.25));
        ui.write(format!("{price:.2}"));
    });
    at.run();
    assert_eq!(shown(&mut at), "9.50");
    at.number_input(0).increment().run();
    assert_eq!(shown(&mut at), "9.75");
    at.number_input(0).set_value(-3.5).run();
    assert_eq!(shown(&mut at), "-3.50", "no bounds: anything goes");
    assert_eq!(at.number_input(0).value::<f64>(), -3.5);
}

// ----- all widgets together -----------------------------------------------------

#[test]
fn changing_one_widget_keeps_the_values_of_all_others() {
    let mut at = AppTest::new(|ui: &Ui| {
        let values = [
            format!("{}", ui.checkbox("c")),
            format!("{}", ui.toggle("t")),
            ui.radio("r", ["r1", "r2"]).to_string(),
            ui.selectbox("s", ["s1", "s2"]).to_string(),
            ui.multiselect("m", ["m1", "m2"]).join("+"),
            format!("{}", ui.slider("i", 0..=10)),
            format!("{:?}", ui.add(Slider::new("p", 0..=10).value((0, 10)))),
            ui.text_input("ti"),
            ui.text_area("ta"),
            format!("{}", ui.number_input("n")),
        ];
        ui.write(values.join(" | "));
    });
    at.run();
    at.checkbox(0).check();
    at.toggle(0).set_value(true);
    at.radio(0).select("r2");
    at.selectbox(0).select("s2");
    at.multiselect(0).select("m2");
    at.slider(label("i")).set_value(4);
    at.slider(label("p")).set_range(2.0, 8.0);
    at.text_input(0).input("hello");
    at.text_area(0).input("a\nb");
    at.number_input(0).set_value(1.5).run();
    let expected = "true | true | r2 | s2 | m2 | 4 | (2, 8) | hello | a\nb | 1.5";
    assert_eq!(shown(&mut at), expected);
    at.run().run().run();
    assert_eq!(shown(&mut at), expected);
    at.slider(label("i")).set_value(5).run();
    assert_eq!(shown(&mut at), expected.replace("| 4 |", "| 5 |"));
}
