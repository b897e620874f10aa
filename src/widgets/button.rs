//! `button`: true for exactly the one run its click caused.

use serde::{Deserialize, Serialize};

use super::{identity, show, show_error, CommonOptions, Spec, WidgetOptions};
use crate::app_test::TestValue;
use crate::element::{Element, WidgetCommon, WidgetProps, WidgetValue};
use crate::error::IntoScriptResult;
use crate::ui::{Command, Ui};
use std::rc::Rc;

/// What the page shows for a button.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ButtonProps {
    pub common: WidgetCommon,
    pub kind: ButtonKind,
    /// Whether this run was caused by a click on it.
    pub clicked: bool,
    /// A form's submit button: sends the form's values.
    pub form_submit: bool,
}

impl WidgetProps for ButtonProps {
    fn common(&self) -> &WidgetCommon {
        &self.common
    }
    fn value(&self) -> WidgetValue {
        WidgetValue::Trigger(self.clicked)
    }
    fn set_value(&mut self, _: &WidgetValue) {
        // A press lasts one run; there is nothing to show.
    }
    fn test_value(&self, value: TestValue) -> Result<WidgetValue, String> {
        match value {
            TestValue::Bool(pressed) => Ok(WidgetValue::Trigger(pressed)),
            other => Err(format!("a button cannot take {other:?}")),
        }
    }
}

/// A button's emphasis.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ButtonKind {
    Primary,
    #[default]
    Secondary,
}

impl ButtonKind {
    /// Streamlit's name for it (`type="primary"`).
    fn name(self) -> &'static str {
        match self {
            ButtonKind::Primary => "primary",
            ButtonKind::Secondary => "secondary",
        }
    }
}

/// A button.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     if ui.button("Say hi") {
///         ui.success("Hi!");
///     }
/// });
/// at.run();
/// at.button(0).click().run();
/// assert_eq!(at.success(0).text(), "Hi!");
/// at.run();
/// assert!(at.get("success").is_empty(), "true for one run only");
/// ```
pub struct Button {
    pub(crate) label: String,
    pub(crate) kind: ButtonKind,
    pub(crate) options: CommonOptions,
}

impl Button {
    pub fn new(label: impl Into<String>) -> Self {
        Button { label: label.into(), kind: ButtonKind::default(), options: CommonOptions::default() }
    }

    /// `ButtonKind::Primary` for the main action.
    pub fn kind(mut self, kind: ButtonKind) -> Self {
        self.kind = kind;
        self
    }

    /// Runs `callback` before the run the click causes.
    pub fn on_click<F, R>(self, callback: F) -> Self
    where
        F: Fn(&Ui) -> R + 'static,
        R: IntoScriptResult,
    {
        self.on_change(callback)
    }
}

impl WidgetOptions for Button {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.options
    }
}

impl Command for Button {
    type Output = bool;

    fn show(self, ui: &Ui) -> bool {
        let Button { label, kind, options } = self;
        if ui.form_key().is_some() {
            show_error(
                ui,
                super::api(format!(
                    "`button()` can't be used in a `form()` (the button \"{label}\"): use `form_submit_button()`."
                )),
            );
            return false;
        }
        show(
            ui,
            &label,
            &options,
            Ok(trigger_spec("button", &label, kind, &options)),
            || false,
            |registered| {
                let common = registered.common.clone();
                Element::Button(ButtonProps { common, kind, clicked: registered.value, form_submit: false })
            },
        )
    }
}

/// What buttons share: identity by label, type and help, and a value that is a
/// one-run trigger and cannot be set through session state.
pub(crate) fn trigger_spec(
    kind: &'static str,
    label: &str,
    emphasis: ButtonKind,
    options: &CommonOptions,
) -> Spec<bool> {
    Spec {
        kind,
        identity: identity(
            kind,
            options.key.as_deref(),
            |id| id.text("label", label).text("type", emphasis.name()).opt_text("help", options.help.as_deref()),
            |id| id,
        ),
        default: WidgetValue::Trigger(false),
        decode: Rc::new(|wire| match wire {
            WidgetValue::Trigger(pressed) => Some(*pressed),
            _ => None,
        }),
        encode: Box::new(|_| Err("a button's value cannot be set".into())),
        explicit_default: false,
    }
}

impl Ui {
    /// A button; returns true on the run its click caused.
    pub fn button(&self, label: impl Into<String>) -> bool {
        self.add(Button::new(label))
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    #[test]
    fn identical_buttons_without_keys_are_a_duplicate_error() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.button("OK");
            ui.button("OK");
        });
        at.run();
        assert_eq!(at.get("button").len(), 1);
        let error = at.exception(0).text();
        assert!(error.starts_with("DuplicateWidgetID"), "{error}");
        assert!(error.contains("\"OK\"") && error.contains("unique key"), "{error}");
    }

    #[test]
    fn keys_tell_identical_buttons_apart() {
        let mut at = AppTest::new(|ui: &Ui| {
            let privacy = ui.add(Button::new("OK").key("privacy"));
            let terms = ui.add(Button::new("OK").key("terms"));
            ui.write(format!("{privacy} {terms}"));
        });
        at.run();
        at.button(key("terms")).click().run();
        assert_eq!(at.markdown(0).text(), "false true");
    }

    #[test]
    fn a_button_value_cannot_be_set_through_session_state() {
        let mut at = AppTest::new(|ui: &Ui| {
            if !ui.session_state().contains("go") {
                ui.session_state().set("go", true)?;
            }
            ui.add(Button::new("Go").key("go"));
            Ok::<_, Error>(())
        });
        at.run();
        assert!(at.exception(0).text().contains("cannot be set using st.session_state"));
    }

    #[test]
    fn on_click_runs_before_the_script_with_captured_arguments() {
        let mut at = AppTest::new(|ui: &Ui| {
            let state = ui.session_state();
            state.get_or_insert_with("count", || 0)?;
            let step = ui.add(NumberInput::int("Step").value(1));
            ui.add(Button::new("Increment").on_click(move |ui: &Ui| {
                ui.session_state().update("count", |c: &mut i64| *c += step)?;
                Ok::<_, Error>(())
            }));
            ui.write(format!("Count = {}", state.get::<i64>("count")?));
            Ok::<_, Error>(())
        });
        at.run();
        at.button(0).click().run();
        assert_eq!(at.markdown(0).text(), "Count = 1");
        // The callback captured the step of the previous run (1), not the new one (5).
        at.number_input(0).set_value(5);
        at.button(0).click().run();
        assert_eq!(at.markdown(0).text(), "Count = 2");
        at.button(0).click().run();
        assert_eq!(at.markdown(0).text(), "Count = 7");
    }
}
