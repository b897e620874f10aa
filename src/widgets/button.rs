//! `button`: true for exactly the one run its click caused.

use serde::{Deserialize, Serialize};

use super::{identity, show, show_error, CommonOptions, Spec, WidgetOptions};
use crate::app_test::TestValue;
use crate::element::make;
use crate::element::{WidgetCommon, WidgetProps, WidgetValue};
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
    /// An emoji or short text shown before the label.
    pub icon: Option<String>,
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
    /// Filled with the primary colour: the main action.
    Primary,
    /// Outlined (the default).
    #[default]
    Secondary,
    /// Plain text without border or background, for actions that should not draw the eye.
    Tertiary,
}

impl ButtonKind {
    /// Streamlit's name for it (`type="primary"`).
    pub(crate) fn name(self) -> &'static str {
        match self {
            ButtonKind::Primary => "primary",
            ButtonKind::Secondary => "secondary",
            ButtonKind::Tertiary => "tertiary",
        }
    }
}

/// A button.
///
/// `.kind(..)` picks its emphasis (Streamlit's `type`: primary, secondary, tertiary) and
/// `.icon(..)` puts an emoji or short text before the label; an empty icon is an error drawn in
/// place of the button (which then returns false) and the script goes on.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     if ui.button("Say hi") {
///         ui.success("Hi!");
///     }
///     if ui.add(Button::new("Undo").kind(ButtonKind::Tertiary).icon("↩️")) {
///         ui.info("Undone");
///     }
/// });
/// at.run();
/// at.button(0).click().run();
/// assert_eq!(at.success(0).text(), "Hi!");
/// at.run();
/// assert!(at.get("success").is_empty(), "true for one run only");
/// at.button(label("Undo")).click().run();
/// assert_eq!(at.info(0).text(), "Undone");
/// ```
pub struct Button {
    pub(crate) label: String,
    pub(crate) kind: ButtonKind,
    pub(crate) icon: Option<String>,
    pub(crate) options: CommonOptions,
}

impl Button {
    pub fn new(label: impl Into<String>) -> Self {
        Button { label: label.into(), kind: ButtonKind::default(), icon: None, options: CommonOptions::default() }
    }

    /// `ButtonKind::Primary` for the main action, `ButtonKind::Tertiary` for a plain text button.
    pub fn kind(mut self, kind: ButtonKind) -> Self {
        self.kind = kind;
        self
    }

    /// An emoji or short text (`"🔥"`, `"→"`) shown before the label.
    pub fn icon(mut self, icon: impl Into<String>) -> Self {
        self.icon = Some(icon.into());
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
        let Button { label, kind, icon, options } = self;
        if let Err(error) = check_icon(&label, icon.as_deref()) {
            show_error(ui, error);
            return false;
        }
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
            Ok(trigger_spec("button", &label, kind, icon.as_deref(), &options)),
            || false,
            |registered| {
                let common = registered.common.clone();
                make::button(ButtonProps { common, kind, clicked: registered.value, form_submit: false, icon })
            },
        )
    }
}

/// A button's icon must show something.
pub(crate) fn check_icon(label: &str, icon: Option<&str>) -> Result<(), super::WidgetError> {
    match icon {
        Some(icon) if icon.trim().is_empty() => Err(super::api(format!(
            "The icon of the button \"{label}\" is empty: pass an emoji or a short text, or no icon."
        ))),
        _ => Ok(()),
    }
}

/// What buttons share: identity by label, type, icon and help, and a value that is a
/// one-run trigger and cannot be set through session state.
pub(crate) fn trigger_spec(
    kind: &'static str,
    label: &str,
    emphasis: ButtonKind,
    icon: Option<&str>,
    options: &CommonOptions,
) -> Spec<bool> {
    Spec {
        kind,
        identity: identity(
            kind,
            options.key.as_deref(),
            |id| {
                let id =
                    id.text("label", label).text("type", emphasis.name()).opt_text("help", options.help.as_deref());
                // Only a button with an icon hashes one: the ids of buttons without stay as they were.
                match icon {
                    Some(icon) => id.text("icon", icon),
                    None => id,
                }
            },
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
    use crate::Element;

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

    #[test]
    fn tertiary_and_icon_reach_the_page_and_an_icon_is_part_of_the_identity() {
        let mut at = AppTest::new(|ui: &Ui| {
            let undo = ui.add(Button::new("Undo").kind(ButtonKind::Tertiary).icon("↩️"));
            let plain = ui.add(Button::new("Undo").kind(ButtonKind::Tertiary));
            ui.write(format!("{undo} {plain}"));
        });
        at.run();
        assert!(at.get("exception").is_empty(), "an icon tells two buttons apart");
        let Element::Button(first) = at.button(0).element().clone() else { panic!("not a button") };
        let Element::Button(second) = at.button(1).element().clone() else { panic!("not a button") };
        assert_eq!((first.kind, first.icon.as_deref()), (ButtonKind::Tertiary, Some("↩️")));
        assert_eq!(second.icon, None);
        at.button(1).click().run();
        assert_eq!(at.markdown(0).text(), "false true");
    }

    #[test]
    fn a_button_without_an_icon_keeps_the_identity_it_had() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.button("OK");
        });
        at.run();
        let expected = crate::identity::Identity::new("button")
            .text("label", "OK")
            .text("type", "secondary")
            .opt_text("help", None)
            .opt_text("form", None)
            .text("page", "")
            .finish();
        assert_eq!(at.button(0).element().widget().map(|c| c.id), Some(expected));
    }

    #[test]
    fn an_empty_icon_is_an_error_element_and_the_app_goes_on() {
        let mut at = AppTest::new(|ui: &Ui| {
            let pressed = ui.add(Button::new("Go").icon(" "));
            let form = ui.form("f");
            let sent = form.add(FormSubmitButton::new("Send").icon(""));
            ui.write(format!("{pressed} {sent}"));
        });
        at.run();
        let errors: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors.iter().all(|e| e.contains("is empty")), "{errors:?}");
        assert!(at.get("button").is_empty());
        assert_eq!(at.markdown(0).text(), "false false");
    }
}
