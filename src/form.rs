//! Forms: widgets whose values the page holds until the submit button.
//!
//! ```
//! use wasmlit::prelude::*;
//!
//! fn app(ui: &Ui) {
//!     let form = ui.form("order");
//!     let flavour = form.selectbox("Flavour", ["vanilla", "chocolate"]);
//!     let scoops = form.slider("Scoops", 1..=5);
//!     if form.form_submit_button("Order") {
//!         ui.success(format!("{scoops} scoops of {flavour}"));
//!     }
//! }
//! let mut at = AppTest::new(app);
//! at.run();
//! at.slider(0).set_value(3);
//! at.run();
//! assert!(at.get("success").is_empty(), "nothing is sent before the submit");
//! at.button(0).click().run();
//! assert_eq!(at.success(0).text(), "3 scoops of vanilla");
//! ```

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::element::{Block, BlockKind, Element, ElementTree, Node, WidgetEvent};
use crate::identity::WidgetId;
use crate::request::RerunRequest;
use crate::runtime::{FormRecord, Runtime};
use crate::ui::{Command, Ui};

/// A form: `ui.add(Form::new("key").clear_on_submit(true))`.
pub struct Form {
    key: String,
    clear_on_submit: bool,
    border: bool,
    enter_to_submit: bool,
}

impl Form {
    pub fn new(key: impl Into<String>) -> Self {
        Form { key: key.into(), clear_on_submit: false, border: true, enter_to_submit: true }
    }

    /// Puts every widget of the form back to its default after a submit.
    pub fn clear_on_submit(mut self, clear: bool) -> Self {
        self.clear_on_submit = clear;
        self
    }

    /// Whether Enter in the form's text and number inputs (Ctrl+Enter in a text area) submits
    /// the form, as its submit button would (the default). With `false` it only applies the
    /// input's value to the form, which still waits for the button.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     let form = ui.add(Form::new("search").enter_to_submit(false));
    ///     let query = form.text_input("Query");
    ///     if form.form_submit_button("Search") {
    ///         ui.write(format!("searched {query}"));
    ///     }
    /// });
    /// at.run();
    /// at.text_input(0).set_value("owls").press_enter().run();
    /// assert!(at.get("markdown").is_empty(), "Enter did not submit");
    /// at.button(0).click().run();
    /// assert_eq!(at.markdown(0).text(), "searched owls");
    /// ```
    pub fn enter_to_submit(mut self, enter: bool) -> Self {
        self.enter_to_submit = enter;
        self
    }

    /// Draws a border around the form (the default).
    pub fn border(mut self, border: bool) -> Self {
        self.border = border;
        self
    }
}

impl Command for Form {
    type Output = Ui;

    fn show(self, ui: &Ui) -> Ui {
        let Form { key, clear_on_submit, border, enter_to_submit } = self;
        if ui.form_key().is_some() {
            ui.push_exception("StreamlitAPIException".into(), "Forms cannot be nested in other forms.".into());
            return ui.clone();
        }
        if ui.runtime.borrow().forms.iter().any(|form| form.key == key) {
            ui.push_exception(
                "StreamlitAPIException".into(),
                format!(
                    "There are multiple identical forms with `key='{key}'`. To fix this, please make sure \
                     that the `key` argument is unique for each form you create."
                ),
            );
            return ui.clone();
        }
        // Widgets drawn in the body belong to the form because they are in its block.
        crate::layout::install_block!(form);
        let body = ui.push_block(BlockKind::Form { key: key.clone(), border, enter_to_submit }, Vec::new());
        ui.runtime.borrow_mut().forms.push(FormRecord {
            key,
            place: body.place().clone(),
            has_submit_button: false,
            clear_on_submit,
            submitted: false,
        });
        body
    }
}

impl Ui {
    /// A form: widgets drawn into it send their values only when its
    /// [`form_submit_button`](Ui::form_submit_button) is pressed.
    pub fn form(&self, key: impl Into<String>) -> Ui {
        self.add(Form::new(key))
    }
}

/// Records that the form `key` has a submit button, pressed or not.
pub(crate) fn note_submit_button(ui: &Ui, key: &str, pressed: bool) {
    let mut runtime = ui.runtime.borrow_mut();
    if let Some(form) = runtime.forms.iter_mut().find(|form| form.key == key) {
        form.has_submit_button = true;
        form.submitted |= pressed;
    }
}

/// After a run: a form without a submit button gets an error; a submitted
/// form with `clear_on_submit` goes back to its defaults, in the state and on
/// the page.
pub(crate) fn finish_forms(runtime: &Rc<RefCell<Runtime>>) {
    let forms = std::mem::take(&mut runtime.borrow_mut().forms);
    for form in &forms {
        if !form.has_submit_button {
            Ui::at_place(runtime.clone(), form.place.clone(), None).push_exception(
                "StreamlitAPIException".into(),
                "Missing Submit Button. This form has no submit button, which means that user interactions \
                 will never be sent to your app. To create a submit button, use `form_submit_button()`."
                    .into(),
            );
        }
        if form.submitted && form.clear_on_submit {
            let mut runtime = runtime.borrow_mut();
            let runtime = &mut *runtime;
            let mut defaults = Vec::new();
            for (id, record) in runtime.store.widgets.iter_mut() {
                if record.form.as_deref() == Some(form.key.as_str()) && record.kind != "form_submit_button" {
                    record.value = record.default.clone();
                    defaults.push((*id, record.default.clone()));
                }
            }
            form.place.with_block(&mut runtime.tree, |block| show_defaults(&mut block.children, &defaults));
        }
    }
}

fn show_defaults(nodes: &mut [Node], defaults: &[(WidgetId, crate::WidgetValue)]) {
    for node in nodes {
        match node {
            Node::Block(block) => show_defaults(&mut block.children, defaults),
            Node::Element(element) => {
                let id = element.widget().map(|w| w.id);
                if let Some((_, default)) = defaults.iter().find(|(widget, _)| Some(*widget) == id) {
                    element.set_widget_value(default);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    #[test]
    fn a_form_submits_once_and_its_button_is_true_for_that_run_only() {
        let mut at = AppTest::new(|ui: &Ui| {
            let runs = ui.session_state().update_or("runs", 0, |n: &mut i32| *n += 1)?;
            let form = ui.form("f");
            let name = form.text_input("Name");
            let submitted = form.form_submit_button("Submit");
            ui.write(format!("run {runs}: submitted={submitted} name={name}"));
            Ok::<_, Error>(())
        });
        at.run();
        at.text_input(0).input("Ada");
        at.button(0).click().run();
        assert_eq!(at.markdown(0).text(), "run 2: submitted=true name=Ada");
        at.run();
        assert_eq!(at.markdown(0).text(), "run 3: submitted=false name=Ada");
    }

    #[test]
    fn unsubmitted_values_are_not_sent_by_a_rerun_from_outside() {
        let mut at = AppTest::new(|ui: &Ui| {
            let form = ui.form("f");
            let n = form.slider("n", 0..=10);
            form.form_submit_button("Go");
            let outside = ui.checkbox("outside");
            ui.write(format!("n={n} outside={outside}"));
        });
        at.run();
        at.slider(0).set_value(7);
        at.checkbox(0).check().run();
        assert_eq!(at.markdown(0).text(), "n=0 outside=true");
        at.button(0).click().run();
        assert_eq!(at.markdown(0).text(), "n=7 outside=true");
    }

    #[test]
    fn clear_on_submit_puts_the_widgets_back_to_their_defaults() {
        let mut at = AppTest::new(|ui: &Ui| {
            let form = ui.add(Form::new("f").clear_on_submit(true));
            let note = form.add(TextInput::new("Note").key("note"));
            if form.form_submit_button("Save") {
                ui.write(format!("saved {note}"));
            }
        });
        at.run();
        at.text_input(0).input("milk");
        at.button(0).click().run();
        assert_eq!(at.markdown(0).text(), "saved milk", "the submit run sees the values");
        assert_eq!(at.text_input(0).value::<String>(), "", "the page shows the defaults again");
        assert_eq!(at.session_state().get::<String>("note").unwrap(), "");
    }

    #[test]
    fn only_the_submit_button_may_have_a_callback() {
        let mut at = AppTest::new(|ui: &Ui| {
            let form = ui.form("f");
            form.add(Checkbox::new("c").on_change(|_: &Ui| {}));
            form.add(
                FormSubmitButton::new("Go")
                    .on_click(|ui: &Ui| ui.session_state().update_or("submits", 0, |n: &mut i32| *n += 1).map(|_| ())),
            );
        });
        at.run();
        assert!(at.exception(0).text().contains("callbacks can only be defined on the `form_submit_button`"));
        at.button(0).click().run();
        assert_eq!(at.session_state().get::<i32>("submits").unwrap(), 1);
    }

    #[test]
    fn a_sidebar_widget_reached_through_a_form_handle_is_not_in_the_form() {
        let mut at = AppTest::new(|ui: &Ui| {
            let form = ui.form("f");
            let inside = form.checkbox("in the form");
            let sidebar = form.sidebar();
            let direct = sidebar.checkbox("sidebar");
            let [column, _] = sidebar.columns([1, 1]);
            let nested = column.container().checkbox("sidebar column");
            form.form_submit_button("Submit");
            ui.write(format!("{inside} {direct} {nested}"));
        });
        at.run();
        for index in 0..2 {
            let sidebar_widget = at.sidebar().checkbox(index);
            assert_eq!(sidebar_widget.element().widget().unwrap().form, None, "the sidebar is never in a form");
        }
        at.checkbox(label("sidebar")).check().run();
        at.checkbox(label("sidebar column")).check().run();
        assert_eq!(at.markdown(0).text(), "false true true", "their values apply without the form's submit");
        at.checkbox(label("in the form")).check().run();
        assert_eq!(at.markdown(0).text(), "false true true", "the form's own widget waits for the submit");
        at.button(0).click().run();
        assert_eq!(at.markdown(0).text(), "true true true");
    }

    #[test]
    fn enter_submits_a_form_unless_it_was_made_with_enter_to_submit_false() {
        let app = |enter: bool| {
            move |ui: &Ui| {
                let form = ui.add(Form::new("f").enter_to_submit(enter));
                let name = form.text_input("Name");
                let count = form.number_input("Count");
                let submitted = form.form_submit_button("Go");
                ui.write(format!("submitted={submitted} name={name} count={count}"));
                // Outside a form, Enter only applies the value.
                let free = ui.text_input("Free");
                ui.write(format!("free={free}"));
            }
        };
        let mut at = AppTest::new(app(true));
        at.run();
        at.text_input(0).set_value("Ann").press_enter().run();
        assert_eq!(at.markdown(0).text(), "submitted=true name=Ann count=0");
        at.number_input(0).set_value(3.0).press_enter().run();
        assert_eq!(at.markdown(0).text(), "submitted=true name=Ann count=3");

        let mut at = AppTest::new(app(false));
        at.run();
        at.text_input(0).set_value("Ann").press_enter().run();
        assert_eq!(at.markdown(0).text(), "submitted=false name= count=0", "held, not submitted");
        at.number_input(0).set_value(3.0).press_enter().run();
        assert_eq!(at.markdown(0).text(), "submitted=false name= count=0");
        at.button(0).click().run();
        assert_eq!(at.markdown(0).text(), "submitted=true name=Ann count=3", "the button still sends both");
        at.text_input(1).set_value("x").press_enter().run();
        assert_eq!(at.markdown(1).text(), "free=x");
    }

    #[test]
    fn the_enter_submit_button_is_found_in_the_sidebar_and_not_for_an_unknown_form() {
        let mut at = AppTest::new(|ui: &Ui| {
            let form = ui.sidebar().add(Form::new("side"));
            form.text_input("Name");
            form.form_submit_button("Go");
            let quiet = ui.add(Form::new("quiet").enter_to_submit(false));
            quiet.form_submit_button("Go");
        });
        at.run();
        let tree = at.tree();
        assert!(super::enter_submit_button(&tree, "side").is_some());
        assert_eq!(super::enter_submit_button(&tree, "quiet"), None);
        assert!(super::submit_button(&tree, "quiet").is_some());
        assert_eq!(super::enter_submit_button(&tree, "nope"), None);
    }

    #[test]
    fn misuse_is_a_clear_error_element() {
        let mut at = AppTest::new(|ui: &Ui| {
            let form = ui.form("outer");
            form.button("Plain button");
            form.form("inner");
            ui.form("no_submit").write("lonely");
            ui.form_submit_button("Outside");
            form.form_submit_button("Go");
            ui.write("the app goes on");
        });
        at.run();
        let errors: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
        assert!(errors.iter().any(|e| e.contains("can't be used in a `form()`")), "{errors:?}");
        assert!(errors.iter().any(|e| e.contains("Forms cannot be nested")), "{errors:?}");
        assert!(errors.iter().any(|e| e.contains("Missing Submit Button")), "{errors:?}");
        assert!(errors.iter().any(|e| e.contains("must be used inside a `form()`")), "{errors:?}");
        assert_eq!(at.markdown(1).text(), "the app goes on");
    }
}

/// What the page holds back for forms: the values of widgets in a form wait for its submit
/// button and then travel with the press in one request.
///
/// The page and [`AppTest`](crate::AppTest) both send every widget value through
/// [`FormBuffer::send`], so the test harness tests what the page does.
///
/// ```
/// use wasmlit::form::FormBuffer;
/// use wasmlit::identity::WidgetId;
/// use wasmlit::{WidgetEvent, WidgetValue};
///
/// let mut forms = FormBuffer::default();
/// let slider = WidgetEvent { id: WidgetId(1), value: WidgetValue::Number(3.0) };
/// let submit = WidgetEvent { id: WidgetId(2), value: WidgetValue::Trigger(true) };
/// assert!(forms.send(slider, Some("order"), false).is_none(), "held until the submit");
/// let request = forms.send(submit, Some("order"), true).unwrap();
/// assert_eq!(request.value(WidgetId(1)), Some(&WidgetValue::Number(3.0)));
/// assert_eq!(request.value(WidgetId(2)), Some(&WidgetValue::Trigger(true)));
/// ```
#[derive(Debug, Default)]
pub struct FormBuffer {
    held: HashMap<String, RerunRequest>,
}

impl FormBuffer {
    /// Takes one widget value: a value of a widget in `form` is held (unless `submits`, the
    /// form's submit button, which sends the form's held values with it). Returns what to
    /// run now, if anything.
    pub fn send(&mut self, event: WidgetEvent, form: Option<&str>, submits: bool) -> Option<RerunRequest> {
        match form {
            Some(form) if !submits => {
                self.held.entry(form.to_string()).or_default().push(event);
                None
            }
            Some(form) => {
                let mut request = self.held.remove(form).unwrap_or_default();
                request.push(event);
                Some(request)
            }
            None => Some(RerunRequest::from_event(event)),
        }
    }

    /// The value held for widget `id` of `form`, waiting for the form's submit.
    pub(crate) fn held(&self, form: &str, id: WidgetId) -> Option<&crate::WidgetValue> {
        self.held.get(form).and_then(|request| request.value(id))
    }
}

/// The submit button Enter in a text or number input of `form` presses: the form's submit
/// button, unless the form was made with `enter_to_submit(false)`.
pub fn enter_submit_button(tree: &ElementTree, form: &str) -> Option<WidgetId> {
    fn enter_submits(block: &Block, form: &str) -> Option<bool> {
        if let BlockKind::Form { key, enter_to_submit, .. } = &block.kind {
            if key == form {
                return Some(*enter_to_submit);
            }
        }
        block.children.iter().find_map(|node| match node {
            Node::Block(block) => enter_submits(block, form),
            Node::Element(_) => None,
        })
    }
    let submits = [&tree.main, &tree.sidebar].into_iter().find_map(|root| enter_submits(root, form));
    submits.unwrap_or(false).then(|| submit_button(tree, form)).flatten()
}

/// The submit button of `form` in `tree`: Enter in a form's text input presses it.
pub fn submit_button(tree: &ElementTree, form: &str) -> Option<WidgetId> {
    tree.elements().into_iter().find_map(|element| {
        let Element::Button(button) = element else { return None };
        (button.form_submit && button.common.form.as_deref() == Some(form)).then_some(button.common.id)
    })
}
